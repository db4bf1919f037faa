//! `cargo xtask single-file`: the release build as one self-contained `dist/retrace.html` that
//! a facilitator can mail or put on a share drive and open by double-click (`file://`). The
//! stylesheets go in a `<style>`, the glue script in the page's one module script, and the
//! WebAssembly module as base64 beside it, handed to the glue as bytes: a page opened from a
//! file may not fetch anything, not even its neighbours. For the same reason the German and
//! Spanish catalogs travel inside it, as JSON the app finds by id (`retrace-catalog-de`).
//!
//! The split build's lazy modules travel inside it too, each as base64 of its own (read only
//! when its screen is first opened), and the split's loader becomes part of the module script,
//! its downloads answered from those blocks.

use std::path::Path;

/// Writes `dist/retrace.html` from the files of a release `dist/`, with the split's `lazy`
/// files (its loader first, then the modules); returns its size in bytes.
pub fn write(dist: &Path, lazy: &[String]) -> Result<usize, String> {
    let read = |name: &str| std::fs::read(dist.join(name)).map_err(|e| format!("dist/{name}: {e} (run `cargo xtask build` first)"));
    let text = |name: &str| read(name).and_then(|b| String::from_utf8(b).map_err(|e| format!("dist/{name}: {e}")));
    let catalogs = crate::catalogs::LANGUAGES.iter().map(|lang| Ok((*lang, text(&format!("i18n/{lang}.json"))?))).collect::<Result<Vec<_>, String>>()?;
    let (loader, modules) = match lazy.split_first() {
        Some((loader, modules)) => (Some(text(loader)?), modules.iter().map(|name| Ok((name.as_str(), read(name)?))).collect::<Result<Vec<_>, String>>()?),
        None => (None, Vec::new()),
    };
    let glue = match &loader {
        Some(loader) => with_inline_loader(&text("retrace.js")?, loader)?,
        None => text("retrace.js")?,
    };
    let html = page(&glue, &[text("page.css")?, text("retrace.css")?], &catalogs, &read("retrace_bg.wasm")?, &modules)?;
    std::fs::write(dist.join("retrace.html"), &html).map_err(|e| format!("dist/retrace.html: {e}"))?;
    Ok(html.len())
}

/// The page: `glue` (wasm-bindgen's `--target web` module) made a plain part of the inline
/// module script, `styles` inlined in order, each catalog as a JSON script, `wasm` as base64.
fn page(glue: &str, styles: &[String], catalogs: &[(&str, String)], wasm: &[u8], modules: &[(&str, Vec<u8>)]) -> Result<String, String> {
    let glue = inline_glue(glue)?;
    let modules: String = modules
        .iter()
        .map(|(name, bytes)| format!("<script type=\"application/octet-stream\" id=\"retrace-file-{name}\">\n{}\n</script>\n", base64(bytes)))
        .collect();
    // `<\/` is the same string to JSON and cannot close the script element.
    let catalogs: String = catalogs
        .iter()
        .map(|(lang, json)| format!("<script type=\"application/json\" id=\"retrace-catalog-{lang}\">{}</script>\n", json.trim().replace("</", "<\\/")))
        .collect();
    let style = styles.join("\n");
    if style.contains("</style") || glue.contains("</script") {
        return Err("a stylesheet or the glue script holds a closing tag and cannot be inlined".into());
    }
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, interactive-widget=resizes-content">
<meta name="color-scheme" content="light dark">
<title>Retrace</title>
<style>
{style}
</style>
</head>
<body>
<noscript>Retrace needs JavaScript and WebAssembly.</noscript>
{catalogs}<script type="module">
{glue}
// The one-file build (cargo xtask single-file): the module travels inside this page.
window.Retrace = Object.assign(window.Retrace || {{}}, {{ base: location.href, singleFile: true }});
const retraceModule = Uint8Array.from(atob(document.getElementById("retrace-wasm").textContent.replace(/\s+/g, "")), (c) => c.charCodeAt(0));
try {{
  await __wbg_init({{ module_or_path: retraceModule }});
}} catch (error) {{
  console.error("Retrace could not load:", error);
  const note = document.createElement("p");
  note.setAttribute("role", "alert");
  note.textContent = `Retrace could not load (${{error.message}}). This browser may not run WebAssembly from a file.`;
  document.body.append(note);
}}
</script>
<script type="application/octet-stream" id="retrace-wasm">
{wasm}
</script>
{modules}</body>
</html>
"#,
        wasm = base64(wasm)
    ))
}

/// The split's loader (`__wasm_split.js`) and the glue as one module text: the loader first,
/// its exports gathered into the object the glue imported as a namespace, and each of its
/// downloads answered from the page's own `retrace-file-…` block.
fn with_inline_loader(glue: &str, loader: &str) -> Result<String, String> {
    const FETCH: &str = "fetch(new URL(";
    const FROM_HERE: &str = ", import.meta.url))";
    let mut exported = Vec::new();
    let mut out = String::from(
        "// The split's loader, its files inside this page.\n\
         function inlineFile(path) {\n\
         \x20   const block = document.getElementById(`retrace-file-${path.replace(/^\\.\\//, \"\")}`);\n\
         \x20   if (!block) return Promise.reject(new Error(`${path} is not in this page`));\n\
         \x20   const bytes = Uint8Array.from(atob(block.textContent.replace(/\\s+/g, \"\")), (c) => c.charCodeAt(0));\n\
         \x20   return Promise.resolve(new Response(bytes, { headers: { \"content-type\": \"application/wasm\" } }));\n\
         }\n",
    );
    for line in loader.lines() {
        if line.starts_with("import ") {
            // `import { initSync } from "./retrace.js"`: the glue's own function, in this script.
            continue;
        }
        let line = match line.strip_prefix("export const ") {
            Some(rest) => {
                exported.push(rest.split([' ', '=']).next().unwrap_or_default().to_string());
                format!("const {rest}")
            }
            None if line.starts_with("export") => return Err(format!("the split's loader exports in a way the one-file build does not know: {line}")),
            None => line.to_string(),
        };
        out += &line.replace(FETCH, "inlineFile(").replace(FROM_HERE, ")");
        out.push('\n');
    }
    if exported.is_empty() || out.contains("fetch(") || out.contains("import.meta") {
        return Err("the split's loader has no exports, or fetches in a way the one-file build does not know".into());
    }
    out += &format!("const __wasm_split_exports = {{ {} }};\n", exported.join(", "));
    let mut replaced = false;
    for line in glue.lines() {
        match line
            .strip_prefix("import * as ")
            .and_then(|rest| rest.strip_suffix(" from \"./__wasm_split.js\"").or_else(|| rest.strip_suffix(" from \"./__wasm_split.js\";")))
        {
            Some(name) => {
                out += &format!("const {name} = __wasm_split_exports;\n");
                replaced = true;
            }
            None => {
                out += line;
                out.push('\n');
            }
        }
    }
    if !replaced {
        return Err("the glue does not import the split's loader: is this a split build?".into());
    }
    Ok(out)
}

/// The glue module's exports become plain declarations, so it can share the inline script.
fn inline_glue(glue: &str) -> Result<String, String> {
    if glue.lines().any(|l| l.trim_start().starts_with("import ")) {
        return Err("the glue script imports other files (snippets) and cannot be inlined".into());
    }
    let mut out = String::with_capacity(glue.len());
    for line in glue.lines() {
        if line.starts_with("export {") {
            continue;
        }
        out.push_str(line.strip_prefix("export ").unwrap_or(line));
        out.push('\n');
    }
    if !out.contains("async function __wbg_init") {
        return Err("the glue script has no __wbg_init: was it built by wasm-bindgen --target web?".into());
    }
    Ok(out)
}

/// Standard base64 with padding, in lines of 76 characters.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD.encode(bytes);
    // Base64 is ASCII, so every 76-byte chunk is whole characters.
    text.as_bytes().chunks(76).map(|line| std::str::from_utf8(line).unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
        assert_eq!(base64(&[0; 60]).lines().next().map(str::len), Some(76));
    }

    #[test]
    fn the_glue_is_inlined_without_its_exports_and_a_closing_tag_is_refused() {
        let glue = "export class A {}\nexport function f() {}\nasync function __wbg_init(m) {}\nexport { initSync, __wbg_init as default };\n";
        let catalogs = [("de", r#"{"messages":{"</script>":"x"}}"#.to_string())];
        let html = page(glue, &["a { color: red }".into()], &catalogs, b"wasm", &[("chunk_8.x.wasm", b"chunk".to_vec())]).unwrap();
        assert!(html.contains("<script type=\"application/octet-stream\" id=\"retrace-file-chunk_8.x.wasm\">\nY2h1bms=\n</script>"));
        assert!(html.contains(r#"<script type="application/json" id="retrace-catalog-de">{"messages":{"<\/script>":"x"}}</script>"#));
        assert!(html.contains("\nclass A {}\nfunction f() {}\nasync function __wbg_init(m) {}\n"));
        assert!(!html.contains("export"));
        assert!(html.contains("d2FzbQ=="));
        assert!(html.contains("<style>\na { color: red }\n</style>"));
        assert!(page(glue, &["</style><script>".into()], &[], b"", &[]).is_err());
        assert!(inline_glue("import x from './snippets/a.js';\nasync function __wbg_init() {}").is_err());
    }

    #[test]
    fn the_splits_loader_joins_the_glue_and_reads_its_files_from_the_page() {
        let loader = "import { initSync } from \"./retrace.js\";\nconst __chunk_8 = makeLoad(() => {\n    const src = fetch(new URL(\"./chunk_8.x.wasm\", import.meta.url));\n}, []);\nexport const __wasm_split_load_insights = wrapAsyncCb(__chunk_8);\n";
        let glue = "import * as import1 from \"./__wasm_split.js\"\nfunction initSync() {}\nasync function __wbg_init() { return { \"./__wasm_split.js\": import1 }; }\n";
        let joined = with_inline_loader(glue, loader).unwrap();
        assert!(joined.contains("const src = inlineFile(\"./chunk_8.x.wasm\");"));
        assert!(joined.contains("const __wasm_split_load_insights = wrapAsyncCb(__chunk_8);"));
        assert!(joined.contains("const __wasm_split_exports = { __wasm_split_load_insights };\nconst import1 = __wasm_split_exports;\n"));
        assert!(!joined.contains("import {") && !joined.contains("import * as") && !joined.contains("export "));
        assert!(inline_glue(&joined).is_ok());
        assert!(with_inline_loader("function initSync() {}", loader).is_err(), "a glue that does not import the loader");
        assert!(with_inline_loader(glue, "fetch(\"./other.wasm\");\nexport const a = 1;").is_err(), "a fetch it cannot answer");
    }
}
