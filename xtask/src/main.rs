//! Retrace's project commands. Each one installs what it needs first, and installs nothing
//! that is already there, so running it twice costs nothing the second time.
//!
//! - `cargo xtask serve` — build and serve the app on http://127.0.0.1:8080, rebuilding on change.
//! - `cargo xtask test` — every test layer: native, browser (wasm-bindgen-test), end to end.
//! - `cargo xtask build` — the release `dist/`, with its transfer sizes.
//! - `cargo xtask single-file` — `dist/retrace.html`, the whole app in one file.
//! - `cargo xtask catalogs` — the language catalogs against the messages in the code.

// A native tool, never part of the web module: the standard sorts are fine here (clippy.toml
// sends the app's sorts through `retrace_domain::sorting`).
#![allow(clippy::disallowed_methods)]

mod catalogs;
mod layers;
mod profile;
mod setup;
mod single;
mod sizes;
mod split;
mod worker;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root),
        Some("test") => test(&root),
        Some("build") => build(&root).map(|_| ()),
        Some("bench") => bench(&root),
        Some("dist") => dist(&root),
        Some("single-file") => single_file(&root),
        Some("catalogs") => catalogs::report(&root),
        Some("size-profile") => profile::run(&root, args.get(1).map(String::as_str)),
        Some("finish-build") => finish_build(),
        Some("help") | None => {
            println!("{}", USAGE);
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: cargo xtask <command>
  serve   build Retrace and serve it on http://127.0.0.1:8080 (rebuilds on change)
  test    run every test layer: native, browser (headless Chromium), end to end, cross-browser (Chromium, Firefox ESR, WebKitGTK)
  build   build the release dist/ and print its transfer sizes
  bench   build the release dist/ and print its sizes and the native benchmarks
  dist    build dist/, ready to copy onto any static web server (see README, Embedding)
  single-file  build dist/retrace.html: the whole app in one file to mail or open by double-click
  finish-build Trunk's post_build hook: stamps the worker, writes the twins and retrace.html
  catalogs     what each language catalog (assets/i18n/) misses or keeps that the code no longer has
  size-profile [text]  where the module's bytes go, by crate and by function (a build that keeps
               names); with a text, also every function whose name contains it";

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in a folder of the project").to_path_buf()
}

/// A command in the project root with the project's tool folders on PATH, echoed first.
fn command(root: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Command {
    println!("\n$ {program} {}", args.join(" "));
    let mut command = Command::new(program);
    command.args(args).current_dir(root).env("PATH", setup::tool_path(root)).envs(env.iter().copied());
    command
}

/// Runs a command in the project root with the project's tool folders on PATH.
pub fn run(root: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    let status = command(root, program, args, env).status().map_err(|e| format!("could not start `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn serve(root: &Path) -> Result<(), String> {
    setup::build_tools(root)?;
    println!("\nRetrace: building, then serving at http://127.0.0.1:8080/ — rebuilds on every change; Ctrl+C stops.");
    run(root, "trunk", &["serve", "--address", "127.0.0.1", "--port", "8080"], &[])
}

/// `trunk build --release`, which writes the whole release `dist/` (see [`finish_build`]),
/// then its transfer sizes.
fn build(root: &Path) -> Result<sizes::Sizes, String> {
    setup::build_tools(root)?;
    run(root, "trunk", &["build", "--release"], &[])?;
    let sizes = sizes::measure(&root.join("dist"))?;
    println!("\n{}", sizes.table());
    Ok(sizes)
}

/// Trunk's `post_build` hook (Trunk.toml), so that `trunk build --release` — the command every
/// Trunk user types — writes the real `dist/`, in Trunk's staging folder before it becomes
/// `dist/`: the module split into Home's and the other screens' (split.rs), the service worker
/// stamped with this build's hash and listing every file, the precompressed twins and the
/// one-file `retrace.html`. A debug build (`trunk serve`) gets one module, and its worker stays
/// "dev" and caches nothing.
fn finish_build() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR").ok_or("finish-build is Trunk's post_build hook: TRUNK_STAGING_DIR is not set")?;
    let root = project_root();
    let dir = Path::new(&staging);
    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    // The page, read and written once: without the Rust link Trunk leaves when told to skip it,
    // and in a release build with the split's loader preloaded.
    let page = dir.join("index.html");
    let html = split::without_skipped_link(&std::fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?);
    let html = if release { split::with_loader_preloaded(&html)? } else { html };
    std::fs::write(&page, html).map_err(|e| format!("{}: {e}", page.display()))?;
    if !release {
        return split::debug(&root, dir);
    }
    let lazy = split::release(&root, dir)?;
    let version = worker::stamp(dir, &lazy)?;
    let packed = sizes::precompress(dir)?;
    // After the twins: the one file is for mailing and double-clicking, not for serving.
    let bytes = single::write(dir, &lazy)?;
    println!(
        "Split into the main module and {} lazy files; service worker version {version}; .gz and .br beside {packed} files; retrace.html {:.1} MB.",
        lazy.len(),
        bytes as f64 / 1e6
    );
    Ok(())
}

fn dist(root: &Path) -> Result<(), String> {
    build(root)?;
    println!(
        "\ndist/ is ready: copy the whole folder to any static web server, at any path.\n  \
         Whole page:  https://your.server/tools/retro/index.html\n  \
         Embedded:    <div data-retrace data-prefix=\"team-a:\"></div>\n               \
         <script type=\"module\" src=\"/tools/retro/retrace-loader.js\"></script>\n  \
         Samples:     dist/embed/index.html (two widgets) and dist/embed/iframe.html (sandboxed frame)"
    );
    Ok(())
}

fn single_file(root: &Path) -> Result<(), String> {
    build(root)?;
    let bytes = std::fs::metadata(root.join("dist/retrace.html")).map_err(|e| format!("dist/retrace.html: {e}"))?.len();
    println!("\ndist/retrace.html is ready ({:.1} MB): mail it, put it on a share drive, open it by double-click.", bytes as f64 / 1e6);
    Ok(())
}

/// Runs a command and returns what it printed, for the benchmark table.
fn output(root: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<String, String> {
    let out = command(root, program, args, env).stderr(std::process::Stdio::inherit()).output().map_err(|e| format!("could not start `{program}`: {e}"))?;
    if !out.status.success() {
        return Err(format!("`{program} {}` failed ({})", args.join(" "), out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| c.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string()))
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let chromium = std::process::Command::new(setup::CHROMIUM)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    format!("{cores} cores, {cpu}; {chromium}")
}

fn bench(root: &Path) -> Result<(), String> {
    let sizes = build(root)?;
    setup::browser(root)?;
    // Native figures in an optimised build; LTO off keeps the build short.
    let native_env = [
        ("CARGO_PROFILE_RELEASE_LTO", "false"),
        ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
        ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3"),
        ("CARGO_PROFILE_RELEASE_PANIC", "unwind"),
    ];
    let data_dir = root.join("target/bench-data");
    let data = data_dir.display().to_string();
    let native = output(root, "cargo", &["run", "--release", "--quiet", "--example", "bench_data", "--", &data], &native_env)?;
    let coach = output(root, "cargo", &["run", "--release", "--quiet", "-p", "retrace-domain", "--example", "bench_coach"], &native_env)?;
    let browser = output(root, "node", &["tests/bench/bench.mjs", &data], &[])?;
    // A phone's first visit on slow 4G through a compressing Apache, and Lighthouse (#42).
    let phone = output(root, "node", &["tests/bench/phone.mjs"], &[])?;
    // The team space against the real Apache with mod_dav.
    let space = output(root, "node", &["tests/bench/space.mjs", &data], &[])?;
    // The storage adapter's reading figures come from a browser test, built as the app is.
    let reads = output(
        root,
        "cargo",
        &["test", "--release", "--target", "wasm32-unknown-unknown", "--test", "browser", "bench_", "--", "--nocapture"],
        &[("CHROMEDRIVER", setup::CHROMEDRIVER), ("WASM_BINDGEN_TEST_TIMEOUT", "120")],
    )?;
    let reads: Vec<&str> = reads.lines().filter(|line| line.starts_with("| ")).collect();
    let profile = profile::table(root)?;
    // What was tried to make the module smaller, kept by hand: the bench adds it as it is.
    let diet = std::fs::read_to_string(root.join("tests/bench/size-diet.md")).map_err(|e| format!("tests/bench/size-diet.md: {e}"))?;
    let date = output(root, "date", &["-u", "+%Y-%m-%d %H:%M UTC"], &[])?;
    let report = format!(
        "# Benchmarks\n\nLatest `cargo xtask bench`: {} on {}.\n\n## Transfer size (release dist/)\n\n{}\n\n## Measurements\n\n| what | result |\n|---|---|\n{}\n{}\n{}\n{}\n{}\n{}\n\nBrowser figures are from headless Chromium on 127.0.0.1; \"native\" ones from the same Rust code compiled for this machine.\n\n## Where the bytes go (`cargo xtask size-profile`)\n\n{}\n{}",
        date.trim(),
        machine(),
        sizes.table(),
        browser.trim(),
        phone.trim(),
        space.trim(),
        reads.join("\n"),
        native.trim(),
        coach.trim(),
        profile,
        diet
    );
    std::fs::write(root.join("BENCHMARKS.md"), &report).map_err(|e| format!("BENCHMARKS.md: {e}"))?;
    println!("\n{report}");
    Ok(())
}

fn test(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    setup::build_tools(root)?;
    setup::browser(root)?;
    println!("\nSet-up done in {:.0} s.", started.elapsed().as_secs_f64());

    let mut layers: Vec<(&str, Result<(), String>, f64)> = vec![];
    let mut layer = |name: &'static str, f: &dyn Fn() -> Result<(), String>| {
        let t = Instant::now();
        let result = f();
        layers.push((name, result, t.elapsed().as_secs_f64()));
    };
    // House rules first: they take seconds and say at once what a long run would only say late.
    layer("format (cargo fmt --check)", &|| run(root, "cargo", &["fmt", "--all", "--check"], &[]));
    layer("lints, native (cargo clippy -D warnings)", &|| run(root, "cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], &[]));
    layer("lints, wasm (cargo clippy -D warnings)", &|| {
        run(root, "cargo", &["clippy", "--target", "wasm32-unknown-unknown", "--lib", "--bins", "--test", "browser", "--", "-D", "warnings"], &[])
    });
    layer("native (cargo test)", &|| run(root, "cargo", &["test", "--workspace"], &[]));
    layer("browser (wasm-bindgen-test in headless Chromium)", &|| {
        run(
            root,
            "cargo",
            &["test", "--target", "wasm32-unknown-unknown", "--test", "browser"],
            &[("CHROMEDRIVER", setup::CHROMEDRIVER), ("WASM_BINDGEN_TEST_TIMEOUT", "120")],
        )
    });
    layer("end to end (Playwright on the release build)", &|| {
        build(root)?;
        run(root, "npx", &["playwright", "test", "--config", "tests/e2e/playwright.config.mjs"], &[])
    });
    // The same release build, in the other engines a facilitator uses.
    layer("cross-browser flow (Chromium, Firefox ESR, WebKitGTK)", &|| run(root, "node", &["tests/browsers/run.mjs"], &[]));

    println!("\nRetrace test layers:");
    let mut failed = 0;
    for (name, result, seconds) in &layers {
        match result {
            Ok(()) => println!("  ok      {name} ({seconds:.0} s)"),
            Err(e) => {
                failed += 1;
                println!("  FAILED  {name} ({seconds:.0} s): {e}");
            }
        }
    }
    println!("Total {:.0} s.", started.elapsed().as_secs_f64());
    if failed > 0 {
        Err(format!("{failed} of {} test layers failed", layers.len()))
    } else {
        Ok(())
    }
}
