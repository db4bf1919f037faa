//! Transfer sizes of a release build: what a browser downloads, raw, gzip- and
//! brotli-compressed; and the precompressed `.gz` and `.br` files written beside each file, for
//! servers that send them as they are (nginx `gzip_static`/`brotli_static`, Caddy
//! `precompressed`, Apache with `mod_rewrite`).

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

pub struct Sizes {
    /// (kind, raw bytes, gzip bytes, brotli bytes) for wasm, js and css, each summed over its
    /// files: what a first visit downloads (the main module, not the lazy ones).
    pub rows: Vec<(&'static str, u64, u64, u64)>,
    /// The split's lazy files, fetched when first needed: (screen or "shared chunks", files, raw,
    /// gzip, brotli), by screen.
    pub lazy: Vec<(String, u64, u64, u64, u64)>,
}

/// The screen a lazy file belongs to: `split_insights.1a2b3c4d.wasm` → `insights`; every
/// `chunk_N` is code two or more screens share.
fn lazy_group(name: &str) -> Option<String> {
    if name.starts_with("chunk_") && name.ends_with(".wasm") {
        return Some("shared chunks".into());
    }
    let rest = name.strip_prefix("split_")?.strip_suffix(".wasm")?;
    Some(rest.split('.').next().unwrap_or(rest).to_string())
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 24, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out
}

/// Files a server sends compressed: everything but the images, which are compressed already.
const COMPRESSIBLE: [&str; 7] = ["wasm", "js", "css", "html", "svg", "webmanifest", "json"];

pub fn measure(dist: &Path) -> Result<Sizes, String> {
    let mut rows = vec![("wasm", 0, 0, 0), ("js", 0, 0, 0), ("css", 0, 0, 0)];
    let mut lazy: Vec<(String, u64, u64, u64, u64)> = Vec::new();
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        let read = || std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()));
        if let Some(group) = lazy_group(&name) {
            let bytes = read()?;
            let at = match lazy.iter().position(|r| r.0 == group) {
                Some(at) => at,
                None => {
                    lazy.push((group, 0, 0, 0, 0));
                    lazy.len() - 1
                }
            };
            let row = &mut lazy[at];
            row.1 += 1;
            row.2 += bytes.len() as u64;
            row.3 += gzip(&bytes).len() as u64;
            row.4 += brotli(&bytes).len() as u64;
        } else if let Some(row) = rows.iter_mut().find(|r| r.0 == ext) {
            let bytes = read()?;
            row.1 += bytes.len() as u64;
            row.2 += gzip(&bytes).len() as u64;
            row.3 += brotli(&bytes).len() as u64;
        }
    }
    // The largest first; the shared chunks last.
    lazy.sort_by(|a, b| (a.0 == "shared chunks").cmp(&(b.0 == "shared chunks")).then(b.3.cmp(&a.3)));
    Ok(Sizes { rows, lazy })
}

/// Writes `name.gz` and `name.br` beside every compressible file under `dir`, so a server can
/// send them without compressing on each request. Returns how many files were compressed.
pub fn precompress(dir: &Path) -> Result<usize, String> {
    let mut done = 0;
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            done += precompress(&path)?;
            continue;
        }
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else { continue };
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (suffix, packed) in [("gz", gzip(&bytes)), ("br", brotli(&bytes))] {
            let target = path.with_extension(format!("{ext}.{suffix}"));
            std::fs::write(&target, packed).map_err(|e| format!("{}: {e}", target.display()))?;
        }
        done += 1;
    }
    Ok(done)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

impl Sizes {
    pub fn table(&self) -> String {
        let mut out = String::from("| file | raw | gzip | brotli |\n|---|---:|---:|---:|\n");
        for (kind, raw, gz, br) in &self.rows {
            out += &format!("| {kind} | {} | {} | {} |\n", kb(*raw), kb(*gz), kb(*br));
        }
        let (raw, gz, br) = self.rows.iter().fold((0, 0, 0), |(r, g, b), row| (r + row.1, g + row.2, b + row.3));
        out += &format!("| first load | {} | {} | {} |\n\n", kb(raw), kb(gz), kb(br));
        let verdict = |budget: u64| if gz <= budget { "met".to_string() } else { format!("missed by {}", kb(gz - budget)) };
        out += &format!(
            "First load (Home, from the main module; #34): goal {} gzip — {}; stretch {} — {}.",
            kb(FIRST_LOAD_GOAL),
            verdict(FIRST_LOAD_GOAL),
            kb(FIRST_LOAD_STRETCH),
            verdict(FIRST_LOAD_STRETCH)
        );
        if !self.lazy.is_empty() {
            out += "\n\nFetched the first time a screen is opened (files shared by several screens are counted once, under shared chunks):\n\n| lazy module | files | raw | gzip | brotli |\n|---|---:|---:|---:|---:|\n";
            for (group, files, raw, gz, br) in &self.lazy {
                out += &format!("| {group} | {files} | {} | {} | {} |\n", kb(*raw), kb(*gz), kb(*br));
            }
            out.pop();
        }
        out
    }
}

/// What a first visit may download until Home is usable, gzip-compressed (#34), and the stretch.
const FIRST_LOAD_GOAL: u64 = 300 * 1024;
const FIRST_LOAD_STRETCH: u64 = 150 * 1024;

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
        assert!(js.3 > 0 && js.3 < js.2, "brotli packs repetition tighter than gzip");
        std::fs::create_dir_all(dir.join("embed")).unwrap();
        std::fs::write(dir.join("embed/page.html"), "<p>hello</p>".repeat(50)).unwrap();
        std::fs::write(dir.join("icon.png"), [0u8; 10]).unwrap();
        assert_eq!(precompress(&dir).unwrap(), 4);
        assert!(dir.join("a.js.gz").exists() && dir.join("a.js.br").exists() && dir.join("embed/page.html.br").exists());
        assert!(!dir.join("icon.png.gz").exists(), "images are left as they are");
        let packed = std::fs::read(dir.join("a.js.gz")).unwrap();
        let unpacked = flate2::read::GzDecoder::new(&packed[..]);
        assert_eq!(std::io::read_to_string(unpacked).unwrap(), "x".repeat(10_000));
        assert_eq!(measure(&dir).unwrap().rows, sizes.rows, "the .gz and .br files are not counted again");
        assert!(sizes.table().contains("| first load | 10.7 KB |"));
        assert!(sizes.table().ends_with("stretch 150.0 KB — met."));
        std::fs::write(dir.join("split_insights.0a1b2c3d.wasm"), [1u8; 300]).unwrap();
        std::fs::write(dir.join("chunk_8.0a1b2c3d.wasm"), [2u8; 100]).unwrap();
        std::fs::write(dir.join("chunk_9.0a1b2c3d.wasm"), [3u8; 100]).unwrap();
        let split = measure(&dir).unwrap();
        assert_eq!(split.rows, sizes.rows, "lazy modules are not part of the first load");
        assert_eq!(split.lazy.iter().map(|r| (r.0.as_str(), r.1, r.2)).collect::<Vec<_>>(), [("insights", 1, 300), ("shared chunks", 2, 200)]);
        assert!(split.table().contains("| insights | 1 | 0.3 KB |"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
