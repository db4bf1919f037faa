//! The service worker's version: `dist/sw.js` ships with `VERSION = "dev"` (which caches
//! nothing, for `trunk serve`); a release build stamps it with a hash of the files it keeps, so
//! every deploy that changes them is a new worker and the open pages are told so.

use std::path::Path;

const PLACEHOLDER: &str = "const VERSION = \"dev\";";
const KEPT: [&str; 6] = ["index.html", "retrace-loader.js", "retrace.js", "retrace_bg.wasm", "retrace.css", "page.css"];

/// Stamps `dist/sw.js`; returns the version written.
pub fn stamp(dist: &Path) -> Result<String, String> {
    let mut crc = flate2::Crc::new();
    for name in KEPT {
        crc.update(&std::fs::read(dist.join(name)).map_err(|e| format!("dist/{name}: {e}"))?);
    }
    let version = format!("{:08x}", crc.sum());
    let path = dist.join("sw.js");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("dist/sw.js: {e}"))?;
    let stamped = stamped(&text, &version)?;
    std::fs::write(&path, stamped).map_err(|e| format!("dist/sw.js: {e}"))?;
    Ok(version)
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
}
