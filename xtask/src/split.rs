//! The WebAssembly part of the build, run from Trunk's `post_build` hook (`finish_build` in
//! main.rs) because Trunk cannot run a split between rustc and its own wasm-bindgen step
//! (trunk#1022): `index.html` marks the Rust link `data-trunk-skip`, and this writes the module
//! into Trunk's staging folder itself.
//!
//! - **Release** (`trunk build --release`): the module split (#34). Every screen but Home is a
//!   split point (`src/app/screens.rs`), so the page downloads only what Home needs and fetches
//!   the rest the first time it is opened:
//!   1. `cargo rustc --features split`, linked with `--emit-relocs` (only the final link needs
//!      it, so the dependencies keep the build folder's other artefacts);
//!   2. `wasm-split-cli` cuts the main module, one module per screen and the chunks they share,
//!      and writes `__wasm_split.js`, which fetches them;
//!   3. `wasm-bindgen --keep-lld-exports` on the main module (the chunks import its exports);
//!   4. `wasm-opt -Oz` on every file.
//!
//!   Every lazy file's name carries this build's version (`chunk_8.1a2b3c4d.wasm`). A page
//!   opened before a deploy then never starts another build's chunk against its own main module
//!   (which would call the wrong functions); it gets a 404, which `screens.rs` reports.
//! - **Debug** (`trunk serve`): one module, as quick to build as Trunk's own step was.

use crate::run;
use std::path::Path;

const TARGET: &str = "wasm32-unknown-unknown";

/// What rustc emits beyond the WebAssembly baseline (Rust 1.95's default target features);
/// wasm-opt refuses what is not enabled.
const FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// The loader `wasm-split-cli` writes, under this name, beside the main module's glue.
pub const LOADER: &str = "__wasm_split.js";

/// Builds one module for `trunk serve`: `retrace.js` and `retrace_bg.wasm` in `staging`.
pub fn debug(root: &Path, staging: &Path) -> Result<(), String> {
    run(root, "cargo", &["build", "--target", TARGET, "--bin", "retrace"], &[])?;
    let wasm = root.join(format!("target/{TARGET}/debug/retrace.wasm"));
    bindgen(root, &wasm, staging, false)
}

/// Builds the split release module into `staging`; returns the lazy files' names, the loader
/// first, for the worker's list and the one-file page.
pub fn release(root: &Path, staging: &Path) -> Result<Vec<String>, String> {
    run(root, "cargo", &["rustc", "--release", "--target", TARGET, "--bin", "retrace", "--features", "split", "--", "-Clink-args=--emit-relocs"], &[])?;
    let linked = root.join(format!("target/{TARGET}/release/retrace.wasm"));
    let cut = root.join("target/split");
    if cut.exists() {
        std::fs::remove_dir_all(&cut).map_err(|e| format!("{}: {e}", cut.display()))?;
    }
    let (linked_arg, cut_arg) = (linked.display().to_string(), cut.display().to_string());
    run(root, "wasm-split-cli", &["--target", "web", "--out-name", "retrace", &linked_arg, &cut_arg], &[])?;
    let bound = cut.join("bound");
    bindgen(root, &cut.join("retrace.wasm"), &bound, true)?;
    let main = bound.join("retrace_bg.wasm");
    let version = version_of(&std::fs::read(&main).map_err(|e| format!("{}: {e}", main.display()))?);

    // wasm-opt may assume what holds for the main module: its memory starts zeroed (it is not
    // imported or shared), and its first kilobyte is never addressed (the stack grows down
    // towards it from 1 MB, the data lies above). 6 KB gzip less (#20). The lazy modules import
    // that memory, so neither is said of them.
    optimise(root, &main, &staging.join("retrace_bg.wasm"), &["--low-memory-unused", "--zero-filled-memory"])?;
    copy(&bound.join("retrace.js"), &staging.join("retrace.js"))?;
    let renames: Vec<(String, String)> = lazy_modules(&cut)?.into_iter().map(|name| (name.clone(), versioned(&name, &version))).collect();
    // One wasm-opt per core: sixty small files one after the other take a minute.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut failed = Vec::new();
                    while let Some((name, versioned)) = renames.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                        if let Err(e) = optimise(root, &cut.join(name), &staging.join(versioned), &[]) {
                            failed.push(e);
                        }
                    }
                    failed
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|_| vec!["a wasm-opt worker panicked".into()])).collect()
    });
    if let Some(first) = failures.first() {
        return Err(first.clone());
    }
    let pack = pack_chunks(staging, &renames, &version)?;
    let mut lazy: Vec<String> = renames.iter().map(|(_, versioned)| versioned.clone()).filter(|name| !pack.holds(name)).collect();
    lazy.push(pack.name.clone());
    let loader = std::fs::read_to_string(cut.join(LOADER)).map_err(|e| format!("{}: {e}", cut.join(LOADER).display()))?;
    let loader = adapt_loader(&loader, &renames, &pack)?;
    std::fs::write(staging.join(LOADER), loader).map_err(|e| format!("{LOADER}: {e}"))?;
    lazy.insert(0, LOADER.to_string());
    Ok(lazy)
}

/// The shared chunks, one file (#42): wasm-split-cli cuts fifty of them, and on a phone's
/// network fifty requests cost more round trips than their bytes. Each chunk is still a module
/// of its own, cut out of the pack's bytes by the loader before it is compiled.
pub struct Pack {
    /// `chunk_pack.1a2b3c4d.wasm`: named like a module so servers compress it as one.
    pub name: String,
    /// Each chunk's versioned name, where its bytes start in the pack, and how many.
    pub parts: Vec<(String, usize, usize)>,
}

impl Pack {
    fn holds(&self, name: &str) -> bool {
        self.parts.iter().any(|(part, _, _)| part == name)
    }
}

/// Writes the chunks of `renames` (already in `staging`) into one pack there, and removes them.
fn pack_chunks(staging: &Path, renames: &[(String, String)], version: &str) -> Result<Pack, String> {
    let mut bytes = Vec::new();
    let mut parts = Vec::new();
    for (_, versioned) in renames.iter().filter(|(name, _)| name.starts_with("chunk_")) {
        let path = staging.join(versioned);
        let chunk = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        parts.push((versioned.clone(), bytes.len(), chunk.len()));
        bytes.extend_from_slice(&chunk);
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let name = versioned("chunk_pack.wasm", version);
    std::fs::write(staging.join(&name), &bytes).map_err(|e| format!("{name}: {e}"))?;
    Ok(Pack { name, parts })
}

/// The glue imports the split's loader: the page asks for both while it is parsed, instead of
/// finding the second only once the first has arrived. Only the release page has the loader.
pub fn with_loader_preloaded(html: &str) -> Result<String, String> {
    const GLUE: &str = "<link rel=\"modulepreload\" href=\"./retrace.js\">";
    if !html.contains(GLUE) {
        return Err(format!("index.html has no `{GLUE}` to put the loader's beside"));
    }
    Ok(html.replacen(GLUE, &format!("{GLUE}\n  <link rel=\"modulepreload\" href=\"./{LOADER}\">"), 1))
}

/// The page without the Rust link Trunk leaves in it when told to skip its build.
pub fn without_skipped_link(html: &str) -> String {
    html.lines().filter(|line| !line.contains("data-trunk-skip")).map(|line| format!("{line}\n")).collect()
}

fn bindgen(root: &Path, wasm: &Path, out: &Path, split: bool) -> Result<(), String> {
    let (wasm, out) = (wasm.display().to_string(), out.display().to_string());
    let mut args = vec!["--target", "web", "--no-typescript", "--out-name", "retrace", "--out-dir", &out];
    if split {
        // The lazy modules call the main module's own functions through these exports.
        args.push("--keep-lld-exports");
    }
    args.push(&wasm);
    run(root, "wasm-bindgen", &args, &[])
}

fn optimise(root: &Path, from: &Path, to: &Path, extra: &[&str]) -> Result<(), String> {
    let (from, to) = (from.display().to_string(), to.display().to_string());
    let mut args = vec!["-Oz"];
    args.extend(FEATURES);
    args.extend(extra);
    args.extend([from.as_str(), "-o", to.as_str()]);
    // Quiet unless it fails: binaryen warns about each name subsection it does not know (and
    // drops it), once per file.
    let out = std::process::Command::new("wasm-opt")
        .args(&args)
        .current_dir(root)
        .env("PATH", crate::setup::tool_path(root))
        .output()
        .map_err(|e| format!("could not start `wasm-opt`: {e}"))?;
    if !out.status.success() {
        let said: Vec<String> = String::from_utf8_lossy(&out.stderr).lines().filter(|l| !l.contains("unknown name subsection")).map(str::to_string).collect();
        return Err(format!("`wasm-opt {}` failed ({}):\n{}", args.join(" "), out.status, said.join("\n")));
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))
}

/// The split's lazy modules and shared chunks, sorted by name.
fn lazy_modules(cut: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(cut)
        .map_err(|e| format!("{}: {e}", cut.display()))?
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".wasm") && (name.starts_with("split_") || name.starts_with("chunk_")))
        .collect();
    names.sort();
    if !names.iter().any(|n| n.starts_with("split_")) {
        return Err(format!("wasm-split-cli wrote no lazy module into {}: are the split points gone from src/app/screens.rs?", cut.display()));
    }
    Ok(names)
}

/// A build's version: a hash of its main module, short enough for a file name.
fn version_of(main: &[u8]) -> String {
    let mut crc = flate2::Crc::new();
    crc.update(main);
    format!("{:08x}", crc.sum())
}

/// `chunk_8.wasm` → `chunk_8.1a2b3c4d.wasm`.
fn versioned(name: &str, version: &str) -> String {
    let stem = name.strip_suffix(".wasm").unwrap_or(name);
    format!("{stem}.{version}.wasm")
}

/// The loader as wasm-split-cli writes it, with the versioned names, and compiled from the
/// bytes when streaming compilation refuses the response (a server that does not send
/// `application/wasm`, as the main module's loader allows too). Refuses a loader whose shape
/// it does not know, rather than shipping one that fetches the wrong files.
pub fn adapt_loader(loader: &str, renames: &[(String, String)], pack: &Pack) -> Result<String, String> {
    const STREAMING: &str = "(WebAssembly.instantiateStreaming(src, imports))";
    let mut out = loader.to_string();
    for (name, versioned) in renames {
        let fetched = format!("fetch(new URL(\"./{name}\", import.meta.url))");
        if !out.contains(&fetched) {
            return Err(format!("{LOADER} does not fetch {name}: has wasm-split-cli changed its loader?"));
        }
        let replacement = match pack.holds(versioned) {
            true => format!("fromPack(\"{versioned}\")"),
            // A screen's module: taken from the early requests when the page asked for it at once.
            false => format!("early(\"{versioned}\", () => fetch(new URL(\"./{versioned}\", import.meta.url)))"),
        };
        out = out.replace(&fetched, &replacement);
    }
    if !out.contains(STREAMING) {
        return Err(format!("{LOADER} has no `{STREAMING}`: has wasm-split-cli changed its loader?"));
    }
    out = out.replace(STREAMING, "(instantiateFetched(src, imports))");
    out.push_str(
        "\n// Added by the build (xtask/src/split.rs): a response that is not `application/wasm`, or a\n\
         // failed download (HTTP 404 from another build), rejects here and the screen says so.\n\
         async function instantiateFetched(src, imports) {\n\
         \x20   const response = await src;\n\
         \x20   if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);\n\
         \x20   try {\n\
         \x20       return await WebAssembly.instantiateStreaming(response.clone(), imports);\n\
         \x20   } catch (error) {\n\
         \x20       if (error instanceof WebAssembly.LinkError || error instanceof WebAssembly.RuntimeError) throw error;\n\
         \x20       return WebAssembly.instantiate(await response.arrayBuffer(), imports);\n\
         \x20   }\n\
         }\n",
    );
    out.push_str(&pack_loader(pack));
    out.push_str(&early_requests(renames));
    Ok(out)
}

/// The part of the loader that fetches the pack once (again after a failure) and answers each
/// chunk's download with its slice of it.
fn pack_loader(pack: &Pack) -> String {
    let parts: Vec<String> = pack.parts.iter().map(|(name, at, length)| format!("\"{name}\": [{at}, {length}]")).collect();
    format!(
        "// Added by the build: the shared chunks travel as one file, {name}.\n\
         const PACKED = {{ {parts} }};\n\
         let packLoad;\n\
         function pack() {{\n\
         \x20   if (packLoad === undefined) {{\n\
         \x20       const load = fetch(new URL(\"./{name}\", import.meta.url)).then((response) => {{\n\
         \x20           if (!response.ok) throw new Error(`${{response.url}}: HTTP ${{response.status}}`);\n\
         \x20           return response.arrayBuffer();\n\
         \x20       }});\n\
         \x20       load.catch(() => {{ if (packLoad === load) packLoad = undefined; }});\n\
         \x20       packLoad = load;\n\
         \x20   }}\n\
         \x20   return packLoad;\n\
         }}\n\
         function fromPack(name) {{\n\
         \x20   const [at, length] = PACKED[name];\n\
         \x20   const part = pack().then((bytes) => new Response(bytes.slice(at, at + length), {{ headers: {{ \"content-type\": \"application/wasm\" }} }}));\n\
         \x20   part.catch(() => {{}});\n\
         \x20   return part;\n\
         }}\n",
        name = pack.name,
        parts = parts.join(", "),
    )
}

/// The part of the loader that asks for a retrospective's files as soon as the page is opened
/// on one: its module and the pack, beside the main module, rather than once the main module
/// has started and asked for them. A join link (`?space=`) asks early only for the team space's
/// module: there the main module and the team space's work come first, and the screen's bytes
/// (arriving meanwhile, as the app asks for them) would only share the network with them — on
/// slow 4G that made a join later, not sooner (#42). Each early response is used once; a later
/// download (Try again) asks the server afresh.
fn early_requests(renames: &[(String, String)]) -> String {
    let ask = |screen: &str, indent: &str| {
        let module = format!("split_{screen}.wasm");
        renames
            .iter()
            .find(|(name, _)| *name == module)
            .map_or(String::new(), |(_, file)| format!("{indent}earlyRequests.set(\"{file}\", fetch(new URL(\"./{file}\", import.meta.url)));\n"))
    };
    format!(
        "// Added by the build: a retrospective's files, asked for as the page opens on one.\n\
         const earlyRequests = new Map();\n\
         function early(name, start) {{\n\
         \x20   const asked = earlyRequests.get(name);\n\
         \x20   earlyRequests.delete(name);\n\
         \x20   return asked ?? start();\n\
         }}\n\
         if (/^#\\/retro\\/[0-9a-f-]{{36}}$/.test(location.hash)) {{\n\
         \x20   if (new URLSearchParams(location.search).has(\"space\")) {{\n\
         {team_space}\
         \x20   }} else {{\n\
         {retrospective}\
         \x20       pack();\n\
         \x20   }}\n\
         \x20   for (const asked of earlyRequests.values()) asked.catch(() => {{}});\n\
         }}\n",
        retrospective = ask("retrospective", "        "),
        team_space = ask("team_space", "        "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER_SAMPLE: &str = r#"import { initSync } from "./retrace.js";
const __chunk_8 = makeLoad(() => {
    const src = fetch(new URL("./chunk_8.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_insights = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_insights.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_8]));
"#;

    fn pack_of(parts: &[(&str, usize, usize)]) -> Pack {
        Pack { name: "chunk_pack.0a1b2c3d.wasm".into(), parts: parts.iter().map(|(n, at, len)| (n.to_string(), *at, *len)).collect() }
    }

    #[test]
    fn the_loader_fetches_this_builds_files_the_chunks_from_the_pack_and_falls_back_to_bytes() {
        let renames = [("chunk_8.wasm", "0a1b2c3d"), ("split_insights.wasm", "0a1b2c3d")].map(|(n, v)| (n.to_string(), versioned(n, v)));
        let adapted = adapt_loader(LOADER_SAMPLE, &renames, &pack_of(&[("chunk_8.0a1b2c3d.wasm", 0, 120)])).unwrap();
        assert!(adapted.contains(r#"const src = fromPack("chunk_8.0a1b2c3d.wasm");"#));
        assert!(adapted.contains(r#"const PACKED = { "chunk_8.0a1b2c3d.wasm": [0, 120] };"#));
        assert!(adapted.contains(r#"fetch(new URL("./chunk_pack.0a1b2c3d.wasm", import.meta.url))"#));
        assert!(adapted.contains(r#"early("split_insights.0a1b2c3d.wasm", () => fetch(new URL("./split_insights.0a1b2c3d.wasm", import.meta.url)))"#));
        assert!(!adapted.contains("\"./chunk_8.wasm\"") && !adapted.contains("\"./chunk_8.0a1b2c3d.wasm\""));
        assert_eq!(adapted.matches("(instantiateFetched(src, imports))").count(), 2);
        assert!(adapted.contains("async function instantiateFetched"));
    }

    #[test]
    fn a_retrospectives_link_asks_for_its_files_at_once_and_a_join_for_the_team_space_alone() {
        let renames = [("split_retrospective.wasm", "split_retrospective.v.wasm"), ("split_team_space.wasm", "split_team_space.v.wasm")]
            .map(|(n, v)| (n.to_string(), v.to_string()));
        let early = early_requests(&renames);
        assert!(early.contains(r#"if (/^#\/retro\/[0-9a-f-]{36}$/.test(location.hash)) {"#));
        assert!(early.contains(
            "} else {\n        earlyRequests.set(\"split_retrospective.v.wasm\", fetch(new URL(\"./split_retrospective.v.wasm\", import.meta.url)));\n        pack();"
        ));
        assert!(early.contains("has(\"space\")) {\n        earlyRequests.set(\"split_team_space.v.wasm\""));
    }

    #[test]
    fn a_loader_of_unknown_shape_is_refused() {
        let missing = [("chunk_9.wasm".to_string(), "chunk_9.x.wasm".to_string())];
        assert!(adapt_loader(LOADER_SAMPLE, &missing, &pack_of(&[])).is_err());
        assert!(
            adapt_loader("fetch(new URL(\"./chunk_8.wasm\", import.meta.url))", &[("chunk_8.wasm".into(), "chunk_8.x.wasm".into())], &pack_of(&[])).is_err()
        );
    }

    #[test]
    fn the_page_preloads_the_loader_and_loses_the_skipped_link() {
        let html = "<head>\n  <link data-trunk rel=\"rust\" data-bin=\"retrace\" data-trunk-skip data-trunk-id=\"3\">\n  <link rel=\"modulepreload\" href=\"./retrace.js\">\n</head>\n";
        let page = with_loader_preloaded(&without_skipped_link(html)).unwrap();
        assert_eq!(page, "<head>\n  <link rel=\"modulepreload\" href=\"./retrace.js\">\n  <link rel=\"modulepreload\" href=\"./__wasm_split.js\">\n</head>\n");
        assert!(with_loader_preloaded("<head></head>").is_err());
    }

    #[test]
    fn versions_are_short_hex_and_go_before_the_extension() {
        assert_eq!(version_of(b"").len(), 8);
        assert_ne!(version_of(b"a"), version_of(b"b"));
        assert_eq!(versioned("split_retrospective.wasm", "0a1b2c3d"), "split_retrospective.0a1b2c3d.wasm");
    }
}
