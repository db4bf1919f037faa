//! `cargo xtask size-profile`: where the module's bytes go, by crate and by function.
//!
//! It builds the app for the web with the release profile but keeps the `name` section
//! (`cargo build`, before wasm-bindgen and wasm-opt strip it), reads every function body's size
//! and demangled name, and adds them up by the crate the name starts with. For generic code
//! that is the crate that defines it (`alloc::vec::Vec<T>::push` counts under `alloc` whoever
//! instantiated it), which is what the table's last column helps with: how much of each crate
//! is generic code instantiated elsewhere. Sizes are before wasm-opt, which shrinks the whole
//! by about a third; shares carry over roughly.

use std::collections::BTreeMap;
use std::path::Path;
use wasmparser::{BinaryReaderError, Name, NameSectionReader, Parser, Payload};

/// One row of the table: bytes of function bodies, how many functions, how many of those are
/// generic instantiations (their name has type parameters).
#[derive(Default, Clone, Copy)]
struct Row {
    bytes: u64,
    functions: u64,
    generic_bytes: u64,
}

/// Prints the profile; with `pattern`, also every function whose demangled name contains it.
pub fn run(root: &Path, pattern: Option<&str>) -> Result<(), String> {
    // A module named on the command line (the split's main module, `target/split/retrace.wasm`):
    // profiled as it is, with its code by module path of this project.
    if let Some(file) = pattern.filter(|p| p.ends_with(".wasm")) {
        let bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
        let profile = read(&bytes).map_err(|e| format!("{file}: {e}"))?;
        println!("\n{}\n{}", profile.table(16, 30), profile.by_module());
        return Ok(());
    }
    println!("\n{}", table(root)?);
    if let Some(pattern) = pattern {
        let profile = read_built(root)?;
        let matching: Vec<&(u64, String)> = profile.largest.iter().filter(|(_, name)| name.contains(pattern)).collect();
        println!("\nFunctions whose name contains `{pattern}`: {}, {} of code\n", matching.len(), kb(matching.iter().map(|(size, _)| size).sum()));
        for (size, name) in matching.iter().take(40) {
            println!("{:>9}  {}", kb(*size), name.chars().take(160).collect::<String>());
        }
    }
    Ok(())
}

fn read_built(root: &Path) -> Result<Profile, String> {
    let wasm = root.join("target/wasm32-unknown-unknown/release/retrace.wasm");
    let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    read(&bytes).map_err(|e| format!("{}: {e}", wasm.display()))
}

/// Builds the module with its names and returns the profile as Markdown tables.
pub fn table(root: &Path) -> Result<String, String> {
    crate::run(root, "cargo", &["build", "--release", "--target", "wasm32-unknown-unknown", "--bin", "retrace"], &[])?;
    Ok(read_built(root)?.table(16, 12))
}

struct Profile {
    total: u64,
    code: u64,
    data: u64,
    by_crate: BTreeMap<String, Row>,
    largest: Vec<(u64, String)>,
}

fn read(module: &[u8]) -> Result<Profile, BinaryReaderError> {
    let mut sizes: Vec<u64> = Vec::new();
    let mut imported = 0u32;
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let (mut code, mut data) = (0, 0);
    for payload in Parser::new(0).parse_all(module) {
        match payload? {
            Payload::ImportSection(reader) => {
                for import in reader {
                    if matches!(import?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => sizes.push(body.range().len() as u64),
            Payload::CodeSectionStart { size, .. } => code = u64::from(size),
            Payload::DataSection(reader) => data = reader.range().len() as u64,
            Payload::CustomSection(section) if section.name() == "name" => {
                for name in NameSectionReader::new(wasmparser::BinaryReader::new(section.data(), section.data_offset())) {
                    if let Name::Function(map) = name? {
                        for naming in map {
                            let naming = naming?;
                            names.insert(naming.index, naming.name.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut by_crate: BTreeMap<String, Row> = BTreeMap::new();
    let mut largest = Vec::with_capacity(sizes.len());
    for (i, size) in sizes.iter().enumerate() {
        let name = names.get(&(i as u32 + imported)).map(|n| format!("{:#}", rustc_demangle::demangle(n))).unwrap_or_else(|| format!("function {i}"));
        let row = by_crate.entry(crate_of(&name)).or_default();
        row.bytes += size;
        row.functions += 1;
        if name.contains('<') {
            row.generic_bytes += size;
        }
        largest.push((*size, name));
    }
    largest.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(Profile { total: module.len() as u64, code, data, by_crate, largest })
}

/// The crate a demangled name belongs to: its first path segment, looking inside `<T as Trait>`.
fn crate_of(name: &str) -> String {
    if name.starts_with("function ") {
        return "(unnamed)".to_string();
    }
    let inner = name.trim_start_matches(['<', '&', '*', '(', '[']).trim_start_matches("mut ").trim_start_matches("dyn ").trim_start_matches("const ");
    // A blanket impl (`<T as serde::Serialize>::…`, `<F as FnOnce>::…`) belongs to its trait's crate.
    let param = inner.split([' ', ':', '<']).next().unwrap_or("");
    let inner = match inner.split_once(" as ") {
        Some((_, tr)) if param.len() <= 2 && param.chars().all(|c| c.is_ascii_uppercase()) => tr,
        _ => inner,
    };
    let first = inner.split("::").next().unwrap_or(inner);
    let first = first.split(['<', ' ', '>', '(', ',']).next().unwrap_or(first);
    match first {
        "" => "(unnamed)".to_string(),
        f if f.starts_with("function ") || f.chars().all(|c| c.is_ascii_digit()) => "(unnamed)".to_string(),
        "retrace" | "retrace_domain" | "alloc" | "core" | "std" => first.to_string(),
        f if f.contains('$') || f.starts_with("__") || f.starts_with("wasm") && !f.starts_with("wasm_bindgen") => "(runtime and glue)".to_string(),
        f => f.to_string(),
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

impl Profile {
    /// Functions that share a name (the instantiations of one generic function for many types,
    /// since the symbol's name leaves the type parameters out), by their code together.
    fn most_copied(&self) -> Vec<(&str, u64, u64)> {
        let mut by_name: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        for (size, name) in &self.largest {
            let entry = by_name.entry(name.as_str()).or_default();
            entry.0 += 1;
            entry.1 += size;
        }
        let mut rows: Vec<(&str, u64, u64)> = by_name.into_iter().filter(|(_, (copies, _))| *copies > 1).map(|(n, (c, s))| (n, c, s)).collect();
        rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(b.0)));
        rows
    }

    /// This project's code by module path (`retrace::ui::home`, `retrace_domain::model`), the
    /// generic code of other crates counted where its name says it was instantiated.
    fn by_module(&self) -> String {
        let mut by_path: BTreeMap<String, u64> = BTreeMap::new();
        for (size, name) in &self.largest {
            let Some(start) = name.find("retrace") else { continue };
            let path: Vec<&str> = name[start..].split("::").take(3).map(|p| p.split(['<', ' ', '>', '(', ',', '{']).next().unwrap_or(p)).collect();
            *by_path.entry(path.join("::")).or_default() += size;
        }
        let mut rows: Vec<(String, u64)> = by_path.into_iter().collect();
        rows.sort_by_key(|row| std::cmp::Reverse(row.1));
        let mut out = String::from("| module path | code |\n|---|---:|\n");
        for (path, size) in rows.iter().take(60) {
            out += &format!("| `{path}` | {} |\n", kb(*size));
        }
        out
    }

    fn table(&self, crates: usize, functions: usize) -> String {
        let mut rows: Vec<(&String, &Row)> = self.by_crate.iter().collect();
        rows.sort_by(|a, b| b.1.bytes.cmp(&a.1.bytes).then_with(|| a.0.cmp(b.0)));
        let code: u64 = rows.iter().map(|r| r.1.bytes).sum();
        let mut out = format!(
            "Module before wasm-opt: {} ({} code, {} data)\n\n| crate | code | share | functions | of it generic |\n|---|---:|---:|---:|---:|\n",
            kb(self.total),
            kb(self.code),
            kb(self.data)
        );
        let mut rest = Row::default();
        for (i, (name, row)) in rows.iter().enumerate() {
            if i < crates {
                out += &format!(
                    "| {name} | {} | {:.1} % | {} | {:.0} % |\n",
                    kb(row.bytes),
                    100.0 * row.bytes as f64 / code.max(1) as f64,
                    row.functions,
                    100.0 * row.generic_bytes as f64 / row.bytes.max(1) as f64
                );
            } else {
                rest.bytes += row.bytes;
                rest.functions += row.functions;
                rest.generic_bytes += row.generic_bytes;
            }
        }
        if rest.functions > 0 {
            out += &format!(
                "| {} other crates | {} | {:.1} % | {} | {:.0} % |\n",
                rows.len() - crates.min(rows.len()),
                kb(rest.bytes),
                100.0 * rest.bytes as f64 / code.max(1) as f64,
                rest.functions,
                100.0 * rest.generic_bytes as f64 / rest.bytes.max(1) as f64
            );
        }
        out += "\n| most copied (one name, many instantiations) | copies | code |\n|---|---:|---:|\n";
        for (name, copies, size) in self.most_copied().into_iter().take(functions) {
            let short: String = name.chars().take(110).collect();
            out += &format!("| `{}` | {copies} | {} |\n", short.replace('|', "\\|"), kb(size));
        }
        out += "\n| largest functions | code |\n|---|---:|\n";
        for (size, name) in self.largest.iter().take(functions) {
            let short: String = name.chars().take(110).collect();
            out += &format!("| `{}` | {} |\n", short.replace('|', "\\|"), kb(*size));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::crate_of;

    #[test]
    fn names_are_filed_under_the_crate_they_start_with() {
        assert_eq!(crate_of("core::fmt::write"), "core");
        assert_eq!(crate_of("<serde_json::de::Deserializer<R> as serde::de::Deserializer>::deserialize_any"), "serde_json");
        assert_eq!(crate_of("<&mut retrace_domain::format::read::Reader as core::ops::Drop>::drop"), "retrace_domain");
        assert_eq!(crate_of("leptos::tachys::view::Mountable::mount"), "leptos");
        assert_eq!(crate_of("function 12"), "(unnamed)");
        assert_eq!(crate_of("<T as alloc::slice::hack::ConvertVec>::to_vec"), "alloc");
        assert_eq!(crate_of("<F as tachys::reactive_graph::ReactiveFunction>::invoke"), "tachys");
        assert_eq!(crate_of("__rust_alloc"), "(runtime and glue)");
    }
}
