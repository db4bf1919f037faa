//! The service worker's version: `dist/sw.js` ships with `VERSION = "dev"` (which caches
//! nothing, for `trunk serve`); a release build stamps it with a hash of the files it keeps, so
//! every deploy that changes them is a new worker and the open pages are told so.

use std::path::Path;

const PLACEHOLDER: &str = "const VERSION = \"dev\";";

/// Stamps `dist/sw.js`, its `FILES` list joined by the split's `lazy` files (their names change
/// with each build); returns the version written. The files hashed are the ones the worker
/// keeps, read from that list, so a change to any of them (an icon too) is a new version and
/// the two lists cannot drift apart.
pub fn stamp(dist: &Path, lazy: &[String]) -> Result<String, String> {
    let path = dist.join("sw.js");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("dist/sw.js: {e}"))?;
    let text = with_files(&text, lazy)?;
    let mut crc = flate2::Crc::new();
    for name in kept_files(&text)? {
        crc.update(&std::fs::read(dist.join(&name)).map_err(|e| format!("dist/{name}: {e}"))?);
    }
    let version = format!("{:08x}", crc.sum());
    let stamped = stamped(&text, &version)?;
    std::fs::write(&path, stamped).map_err(|e| format!("dist/sw.js: {e}"))?;
    Ok(version)
}

/// The files of the worker's `const FILES = [...]` line, the page (`./`) as `index.html`.
fn kept_files(worker: &str) -> Result<Vec<String>, String> {
    let line = worker.lines().find(|l| l.starts_with("const FILES = [")).ok_or("dist/sw.js has no `const FILES = [...]` line")?;
    let names: Vec<String> = line.split('"').skip(1).step_by(2).map(|name| if name == "./" { "index.html".to_string() } else { name.to_string() }).collect();
    if names.is_empty() {
        return Err("dist/sw.js keeps no files".into());
    }
    Ok(names)
}

/// The worker with `extra` files appended to its `FILES` list.
fn with_files(worker: &str, extra: &[String]) -> Result<String, String> {
    let line = worker.lines().find(|l| l.starts_with("const FILES = [") && l.ends_with("];")).ok_or("dist/sw.js has no one-line `const FILES = [...];`")?;
    if extra.iter().any(|name| name.contains(['"', '\\'])) {
        return Err("a file name the worker cannot quote".into());
    }
    let added: String = extra.iter().map(|name| format!(", \"{name}\"")).collect();
    let longer = format!("{}{added}];", line.strip_suffix("];").unwrap_or(line));
    Ok(worker.replacen(line, &longer, 1))
}

fn stamped(text: &str, version: &str) -> Result<String, String> {
    if !text.contains(PLACEHOLDER) {
        return Err("dist/sw.js has no `const VERSION = \"dev\";` to stamp".into());
    }
    Ok(text.replacen(PLACEHOLDER, &format!("const VERSION = \"{version}\";"), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_stamped_once_and_a_worker_without_the_placeholder_is_refused() {
        let text = "// x\nconst VERSION = \"dev\";\nconst CACHE = `retrace-${VERSION}`;\n";
        assert_eq!(stamped(text, "0a1b2c3d").unwrap(), "// x\nconst VERSION = \"0a1b2c3d\";\nconst CACHE = `retrace-${VERSION}`;\n");
        assert!(stamped("const VERSION = \"0a1b2c3d\";", "x").is_err());
    }

    #[test]
    fn the_splits_files_join_the_list() {
        let worker = "const VERSION = \"dev\";\nconst FILES = [\"./\", \"retrace.js\"];\nconst scope = 1;\n";
        let longer = with_files(worker, &["__wasm_split.js".into(), "chunk_8.0a1b2c3d.wasm".into()]).unwrap();
        assert_eq!(kept_files(&longer).unwrap(), ["index.html", "retrace.js", "__wasm_split.js", "chunk_8.0a1b2c3d.wasm"]);
        assert_eq!(with_files(worker, &[]).unwrap(), worker);
        assert!(with_files(worker, &["a\"b".into()]).is_err());
    }

    #[test]
    fn the_files_hashed_are_the_ones_the_worker_keeps() {
        let worker = "const VERSION = \"dev\";\nconst FILES = [\"./\", \"retrace.js\", \"icon-192.png\"];\n";
        assert_eq!(kept_files(worker).unwrap(), ["index.html", "retrace.js", "icon-192.png"]);
        assert!(kept_files("const VERSION = \"dev\";").is_err());
        let ours = include_str!("../../assets/sw.js");
        assert!(kept_files(ours).unwrap().contains(&"retrace_bg.wasm".to_string()));
    }
}
