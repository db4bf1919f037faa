//! The language catalogs against the source: every message the code marks (see the domain's
//! `i18n` module) must be in every catalog, with the same placeholders, and no catalog keeps a
//! message the code no longer has. English needs no file: its catalog is the source itself.
//!
//! `cargo xtask catalogs` lists what each catalog misses or keeps in vain; the tests below
//! (run by `cargo test`) fail on either.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The languages with a catalog file in `assets/i18n/`.
pub const LANGUAGES: [&str; 2] = ["de", "es"];

/// Where the source marks messages: after these (and any white space, since rustfmt may put
/// the literal on the next line), a string literal is a message key.
const MARKERS: [&str; 5] = ["tr(", "tf!(", "trn(", "n_(", "trc("];

/// Every message key marked in the Rust files under `dirs`, with the first file that has it.
pub fn source_keys(root: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut keys = BTreeMap::new();
    for dir in ["src", "domain/src"] {
        for file in rust_files(&root.join(dir)) {
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let name = file.strip_prefix(root).unwrap_or(&file).display().to_string();
            for key in keys_in(without_tests(&text)) {
                keys.entry(key).or_insert_with(|| name.clone());
            }
        }
    }
    Ok(keys)
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = vec![];
    let Ok(entries) = std::fs::read_dir(dir) else { return files };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "tests.rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The text before a file's `#[cfg(test)]` module: tests may mark messages that only exist
/// to test the marking.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests").map_or(text, |at| &text[..at])
}

/// The keys in one file's text: literals after a marker, the second literal of `trn`, and the
/// labels of `choice!` declarations (`Variant => ("key", "Label")`).
pub fn keys_in(text: &str) -> Vec<String> {
    let mut keys = vec![];
    for marker in MARKERS {
        let mut rest = text;
        while let Some(at) = rest.find(marker) {
            let before = rest[..at].chars().next_back();
            rest = rest[at + marker.len()..].trim_start();
            // `attr(`, `str(` and the like end in the same letters as a marker.
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let Some((key, after)) = literal(rest) else { continue };
            keys.push(key);
            if marker == "trn(" {
                if let Some((other, _)) = after.trim_start().strip_prefix(',').and_then(|a| literal(a.trim_start())) {
                    keys.push(other);
                }
            }
        }
    }
    if let Some(at) = text.find("choice! {") {
        let mut rest = &text[at..];
        while let Some(arrow) = rest.find("=> (\"") {
            rest = &rest[arrow + 4..];
            let Some((_, after)) = literal(rest) else { break };
            if let Some((label, _)) = after.trim_start().strip_prefix(',').and_then(|a| literal(a.trim_start())) {
                keys.push(label);
            }
        }
    }
    keys
}

/// A Rust string literal at the start of `text` (which starts with `"`), unescaped, and the
/// text after it.
fn literal(text: &str) -> Option<(String, &str)> {
    let mut chars = text.strip_prefix('"')?.char_indices();
    let mut value = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((value, &text[i + 2..])),
            '\\' => match chars.next()?.1 {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                '\\' => value.push('\\'),
                '"' => value.push('"'),
                '\'' => value.push('\''),
                '0' => value.push('\0'),
                'u' => {
                    let rest = &text[1..];
                    let (start, _) = chars.next()?;
                    let close = rest[start..].find('}')? + start;
                    let code = u32::from_str_radix(&rest[start + 1..close], 16).ok()?;
                    value.push(char::from_u32(code)?);
                    while chars.next().is_some_and(|(j, _)| j < close) {}
                }
                '\n' => {
                    // A line continuation: the newline and the next line's indentation go.
                    while chars.clone().next().is_some_and(|(_, c)| c.is_whitespace()) {
                        chars.next();
                    }
                }
                other => value.push(other),
            },
            c => value.push(c),
        }
    }
    None
}

/// The `{name}` placeholders of a message, sorted.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let name = &rest[..close];
            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                names.insert(name.to_string());
            }
        }
    }
    names
}

/// One catalog file's messages.
pub fn catalog(root: &Path, lang: &str) -> Result<BTreeMap<String, String>, String> {
    let path = root.join(format!("assets/i18n/{lang}.json"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if value["format"] != "retrace.catalog" || value["lang"] != lang {
        return Err(format!("{}: not a retrace.catalog for `{lang}`", path.display()));
    }
    let messages = value["messages"].as_object().ok_or_else(|| format!("{}: no messages", path.display()))?;
    messages.iter().map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())).ok_or_else(|| format!("{}: `{k}` is not text", path.display()))).collect()
}

/// What is wrong with one catalog against the source: missing keys, unused keys and keys whose
/// placeholders differ, one line each.
pub fn problems(keys: &BTreeMap<String, String>, catalog: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = vec![];
    for (key, file) in keys {
        match catalog.get(key) {
            None => out.push(format!("missing: {key:?} ({file})")),
            Some(text) if placeholders(text) != placeholders(key) => out.push(format!("placeholders differ: {key:?} → {text:?}")),
            Some(text) if text.trim().is_empty() => out.push(format!("empty: {key:?}")),
            Some(_) => {}
        }
    }
    out.extend(catalog.keys().filter(|k| !keys.contains_key(*k)).map(|k| format!("no longer in the code: {k:?}")));
    out
}

/// `cargo xtask catalogs`: each catalog's problems, or how many messages all of them have.
pub fn report(root: &Path) -> Result<(), String> {
    let keys = source_keys(root)?;
    let mut failed = false;
    for lang in LANGUAGES {
        let problems = problems(&keys, &catalog(root, lang)?);
        println!("{lang}: {} messages in the code, {} problems", keys.len(), problems.len());
        for p in &problems {
            println!("  {p}");
        }
        failed |= !problems.is_empty();
    }
    if failed {
        Err("the catalogs do not match the code".into())
    } else {
        Ok(())
    }
}

#[test]
fn every_catalog_has_every_message_of_the_code_and_no_other() {
    let root = crate::project_root();
    let keys = source_keys(&root).unwrap();
    assert!(keys.len() > 500, "the source's messages were found ({})", keys.len());
    for lang in LANGUAGES {
        let problems = problems(&keys, &catalog(&root, lang).unwrap());
        assert!(problems.is_empty(), "assets/i18n/{lang}.json against the code:\n{}", problems.join("\n"));
    }
}

#[test]
fn keys_are_read_as_the_compiler_reads_them() {
    let code = r#"
        let a = tr("Save");
        let b = tf!(
            "Deleted “{title}”.",
            title = t
        );
        let c = trn("{n} item", "{n} items", n);
        const D: &str = n_("Say \"hi\"\n\u{2014}");
        let e = attr("not a message");
        choice! { Kind { Fact => ("fact", "Fact"), Other => ("other", "Something else") } }
    "#;
    // Markers are scanned one after the other: tr, tf!, trn (both forms), n_, then choice!.
    let expected = ["Save", "Deleted “{title}”.", "{n} item", "{n} items", "Say \"hi\"\n\u{2014}", "Fact", "Something else"];
    assert_eq!(keys_in(code), expected.map(String::from).to_vec());
}

#[test]
fn a_catalog_with_a_gap_a_stray_or_a_lost_placeholder_is_reported() {
    let keys: BTreeMap<String, String> = [("Save", "a.rs"), ("Hi {name}", "a.rs")].map(|(k, f)| (k.to_string(), f.to_string())).into();
    let catalog: BTreeMap<String, String> = [("Hi {name}", "Hallo"), ("Old", "Alt")].map(|(k, v)| (k.to_string(), v.to_string())).into();
    let found = problems(&keys, &catalog);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].starts_with("placeholders differ"));
    assert!(found[1].starts_with("missing: \"Save\""));
    assert!(found[2].starts_with("no longer in the code: \"Old\""));
}
