//! Installs what the build and the tests need, each only when it is missing or at the wrong
//! version. Versions are pinned here and checked against the project files by a test.

use crate::run;
use std::path::Path;
use std::process::Command;

/// Must equal the `wasm-bindgen` crate version in Cargo.toml and `[tools]` in Trunk.toml.
pub const WASM_BINDGEN: &str = "0.2.130";
/// Trunk 0.22 needs a newer rustc than this project's; 0.21.14 is verified here.
pub const TRUNK: &str = "0.21.14";
/// The crate whose `build-binary` feature is `wasm-split-cli`, which splits the release module.
pub const WASM_SPLIT: &str = "0.2.4";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's Apache 2.4 with mod_dav: the real WebDAV server the team-space tests run against.
pub const APACHE: &str = "/usr/sbin/apache2";
pub const MOD_DAV_FS: &str = "/usr/lib/apache2/modules/mod_dav_fs.so";
pub const MOD_DEFLATE: &str = "/usr/lib/apache2/modules/mod_deflate.so";
/// The other WebDAV servers the team-space tests run against (tests/space/): nginx with the
/// dav-ext module, lighttpd with mod_webdav, rclone serve webdav.
pub const NGINX: &str = "/usr/sbin/nginx";
pub const NGINX_DAV_EXT: &str = "/usr/lib/nginx/modules/ngx_http_dav_ext_module.so";
pub const LIGHTTPD: &str = "/usr/sbin/lighttpd";
pub const LIGHTTPD_WEBDAV: &str = "/usr/lib/lighttpd/mod_webdav.so";
pub const RCLONE: &str = "/usr/bin/rclone";
/// The other engines of the cross-browser layer: Firefox ESR (driven over WebDriver BiDi by
/// puppeteer-core), WebKitGTK's driver and MiniBrowser, and the X server MiniBrowser needs.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const XVFB: &str = "/usr/bin/Xvfb";
pub const XAUTH: &str = "/usr/bin/xauth";

/// What the browser, end-to-end and cross-browser layers need from Debian: each program and
/// its package.
const TEST_PACKAGES: [(&str, &str); 14] = [
    (CHROMIUM, "chromium"),
    (CHROMEDRIVER, "chromium-driver"),
    (APACHE, "apache2"),
    (MOD_DAV_FS, "apache2"),
    (MOD_DEFLATE, "apache2"),
    (NGINX, "nginx-light"),
    (NGINX_DAV_EXT, "libnginx-mod-http-dav-ext"),
    (LIGHTTPD, "lighttpd"),
    (LIGHTTPD_WEBDAV, "lighttpd-mod-webdav"),
    (RCLONE, "rclone"),
    (FIREFOX, "firefox-esr"),
    (WEBKIT_DRIVER, "webkit2gtk-driver"),
    (XVFB, "xvfb"),
    (XAUTH, "xauth"),
];

/// PATH for child processes: the npm tools (wasm-opt, playwright) and cargo's bin folder first.
pub fn tool_path(root: &Path) -> String {
    let mut parts = vec![root.join("node_modules/.bin").display().to_string()];
    if let Some(home) = std::env::var_os("CARGO_HOME").or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo").into())) {
        parts.push(Path::new(&home).join("bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

/// The first line a tool prints for `--version`, if it runs at all.
fn version_of(root: &Path, program: &str) -> Option<String> {
    let output = Command::new(program).arg("--version").env("PATH", tool_path(root)).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).lines().next().unwrap_or("").trim().to_string())
}

/// Whether `--version` output names exactly this version (`trunk 0.21.14`, `wasm-bindgen 0.2.130 (…)`).
pub fn is_version(output: &str, version: &str) -> bool {
    output.split_whitespace().nth(1) == Some(version)
}

/// The wasm target, Trunk, wasm-bindgen-cli and the npm packages (wasm-opt, Playwright).
pub fn build_tools(root: &Path) -> Result<(), String> {
    let targets = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match targets {
        Ok(out) if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") => {}
        Ok(_) => run(root, "rustup", &["target", "add", "wasm32-unknown-unknown"], &[])?,
        Err(_) => println!("rustup not found; assuming the wasm32-unknown-unknown target is installed"),
    }
    // The test command's format and lint gates; rustup's default profile has both, a minimal one not.
    for (component, probe) in [("rustfmt", "rustfmt"), ("clippy", "cargo-clippy")] {
        if version_of(root, probe).is_none() {
            run(root, "rustup", &["component", "add", component], &[])?;
        }
    }
    if !version_of(root, "wasm-bindgen").is_some_and(|v| is_version(&v, WASM_BINDGEN)) {
        // Without --locked: a dependency version its lock file names is missing from the registry mirror.
        run(root, "cargo", &["install", &format!("wasm-bindgen-cli@{WASM_BINDGEN}")], &[])?;
    }
    if !version_of(root, "trunk").is_some_and(|v| is_version(&v, TRUNK)) {
        run(root, "cargo", &["install", "--locked", &format!("trunk@{TRUNK}")], &[])?;
    }
    // wasm-split-cli has no --version: cargo's list of what it installed says which one it is.
    let installed = Command::new("cargo").args(["install", "--list"]).output().map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default();
    if !installed.contains(&format!("wasm_split_cli_support v{WASM_SPLIT}:")) {
        // Without --locked, as verified on these machines (as for wasm-bindgen-cli above).
        run(root, "cargo", &["install", &format!("wasm_split_cli_support@{WASM_SPLIT}"), "--features", "build-binary"], &[])?;
    }
    npm_packages(root)
}

/// Installs the npm packages from the committed lock file, unless they are already installed
/// from this very lock file.
fn npm_packages(root: &Path) -> Result<(), String> {
    if version_of(root, "npm").is_none() {
        return Err("npm is missing: install Node.js 20 and npm (Debian: `apt-get install nodejs npm`), then run this again".into());
    }
    let wanted = std::fs::read_to_string(root.join("package-lock.json")).map_err(|e| format!("package-lock.json: {e}"))?;
    let installed = std::fs::read_to_string(root.join("node_modules/.package-lock.json")).unwrap_or_default();
    if !same_packages(&wanted, &installed) {
        // No install scripts: webdriverio's driver wrappers would try to download browsers.
        run(root, "npm", &["ci", "--ignore-scripts", "--no-audit", "--no-fund"], &[])?;
    }
    Ok(())
}

/// npm writes `node_modules/.package-lock.json` with the lock file's `packages` entries that it
/// installed. `npm ci` is due unless every package of the lock is installed at its version —
/// an optional one for another system (`fsevents` on macOS) never is — and nothing else is.
pub fn same_packages(lock: &str, installed: &str) -> bool {
    let packages = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok()?.get("packages")?.as_object().cloned();
    let (Some(wanted), Some(have)) = (packages(lock), packages(installed)) else { return false };
    let version = |entry: &serde_json::Value| entry.get("version").cloned();
    // The root entry ("") is the project itself, never installed.
    let all_there = wanted.iter().filter(|(path, _)| !path.is_empty()).all(|(path, entry)| match have.get(path) {
        Some(found) => version(found) == version(entry),
        None => entry.get("optional").and_then(serde_json::Value::as_bool) == Some(true),
    });
    all_there && !have.is_empty() && have.keys().all(|path| wanted.contains_key(path))
}

/// Chromium and its driver, Apache with mod_dav, nginx with dav-ext, lighttpd with mod_webdav,
/// rclone, Firefox ESR, WebKitGTK's driver and Xvfb, from Debian, for the browser, end-to-end
/// and cross-browser layers.
pub fn browser(root: &Path) -> Result<(), String> {
    let mut missing: Vec<&str> = TEST_PACKAGES.iter().filter(|(path, _)| !Path::new(path).exists()).map(|(_, package)| *package).collect();
    missing.dedup();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !is_root {
        return Err(format!(
            "The tests need Debian's {}.\n  Install them as root: apt-get update && apt-get install -y {}",
            missing.join(", "),
            missing.join(" ")
        ));
    }
    run(root, "apt-get", &["update"], &[])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend(&missing);
    run(root, "apt-get", &args, &[("DEBIAN_FRONTEND", "noninteractive")])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project_file(name: &str) -> String {
        std::fs::read_to_string(crate::project_root().join(name)).unwrap()
    }

    #[test]
    fn pinned_versions_agree_with_the_project_files() {
        assert!(project_file("Cargo.toml").contains(&format!("wasm-bindgen = \"={WASM_BINDGEN}\"")));
        assert!(project_file("package.json").contains("\"binaryen\": \"132.0.0\""));
    }

    #[test]
    fn versions_are_read_from_tool_output() {
        assert!(is_version("trunk 0.21.14", "0.21.14"));
        assert!(is_version("wasm-bindgen 0.2.130 (abc123)", "0.2.130"));
        assert!(!is_version("trunk 0.22.0", "0.21.14"));
        assert!(!is_version("", "0.21.14"));
    }

    #[test]
    fn installed_packages_are_compared_with_the_lock_file() {
        let lock = "{\n \"version\": \"1.0.0\",\n \"packages\": {\n  \"node_modules/binaryen\": {\n   \"version\": \"132.0.0\"\n  }\n }\n}";
        let installed = "{\n \"packages\": {\n  \"node_modules/binaryen\": {\n   \"version\": \"132.0.0\"\n  }\n }\n}";
        assert!(same_packages(lock, installed));
        assert!(!same_packages(lock, &installed.replace("132.0.0", "108.0.0")));
        assert!(!same_packages(lock, ""));
        // An optional package for another system is in the lock but never installed here.
        let with_fsevents = lock.replace("\n }\n}", ",\n  \"node_modules/fsevents\": {\n   \"version\": \"2.3.2\",\n   \"optional\": true\n  }\n }\n}");
        assert!(same_packages(&with_fsevents, installed), "{with_fsevents}");
        assert!(!same_packages(&with_fsevents.replace("\"optional\": true", "\"dev\": true"), installed));
    }
}
