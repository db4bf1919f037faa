//! Transfer sizes of a release build: what a browser downloads, raw and gzip-compressed.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

pub struct Sizes {
    /// (kind, raw bytes, gzip bytes) for wasm, js and css, each summed over its files.
    pub rows: Vec<(&'static str, u64, u64)>,
}

fn gzip_len(bytes: &[u8]) -> u64 {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len() as u64
}

pub fn measure(dist: &Path) -> Result<Sizes, String> {
    let mut rows = vec![("wasm", 0, 0), ("js", 0, 0), ("css", 0, 0)];
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else { continue };
        if let Some(row) = rows.iter_mut().find(|r| r.0 == ext) {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            row.1 += bytes.len() as u64;
            row.2 += gzip_len(&bytes);
        }
    }
    Ok(Sizes { rows })
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

impl Sizes {
    pub fn table(&self) -> String {
        let mut out = String::from("| file | raw | gzip |\n|---|---:|---:|\n");
        for (kind, raw, gz) in &self.rows {
            out += &format!("| {kind} | {} | {} |\n", kb(*raw), kb(*gz));
        }
        let (raw, gz) = self.rows.iter().fold((0, 0), |(r, g), row| (r + row.1, g + row.2));
        out += &format!("| total | {} | {} |\n\n", kb(raw), kb(gz));
        let verdict = if gz <= GZIP_BUDGET { "met".to_string() } else { format!("missed by {}", kb(gz - GZIP_BUDGET)) };
        out += &format!("Budget: {} gzip in total — {verdict}.", kb(GZIP_BUDGET));
        out
    }
}

/// What the whole download may weigh, gzip-compressed (issue "Fast, small and accessible").
const GZIP_BUDGET: u64 = 150 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_sum_by_kind_and_compress() {
        let dir = std::env::temp_dir().join(format!("retrace-sizes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.js"), "x".repeat(10_000)).unwrap();
        std::fs::write(dir.join("b.js"), "y".repeat(1_000)).unwrap();
        std::fs::write(dir.join("index.html"), "ignored").unwrap();
        let sizes = measure(&dir).unwrap();
        let js = sizes.rows.iter().find(|r| r.0 == "js").unwrap();
        assert_eq!(js.1, 11_000);
        assert!(js.2 > 0 && js.2 < 1_000);
        assert!(sizes.table().contains("| total | 10.7 KB |"));
        assert!(sizes.table().ends_with("Budget: 150.0 KB gzip in total — met."));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
