//! The import rules of ARCHITECTURE.md, checked over the sources (the compiler keeps the crate
//! boundary; these keep the ones inside a crate): no import circle between the files of the
//! domain or of `ui`, the domain's module groups layered with `model` at the bottom, and no
//! `ui` or `storage` file importing a layer above it. Run by `cargo test` in the xtask crate.
//!
//! A file's imports are the `crate::…` and `super::…` paths in its code outside its test
//! module and comments, resolved to the longest path that names a file.

#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `a/b.rs` and `a/b/mod.rs` are module `[a, b]`; `lib.rs` and `main.rs` the root.
fn module_of(root: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(root).expect("file under root").with_extension("");
    let mut parts: Module = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// The code of a file without its `#[cfg(test)] mod tests` and its comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines().map(|l| l.split(" // ").next().unwrap_or(l)).filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Each path after `prefix::` in `code`, as its segments.
fn paths_after<'a>(code: &'a str, prefix: &'a str) -> impl Iterator<Item = Vec<&'a str>> + 'a {
    code.match_indices(prefix).filter_map(move |(at, _)| {
        let before = code[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        let rest = &code[at + prefix.len()..];
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
        Some(rest[..end].split("::").filter(|s| !s.is_empty()).collect())
    })
}

/// Which files each file of the crate at `root` imports.
fn imports(root: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut files = vec![];
    rust_files(root, &mut files);
    let modules: BTreeMap<Module, PathBuf> = files.iter().map(|f| (module_of(root, f), f.clone())).collect();
    let resolve = |segments: &[&str], base: &[String]| -> Option<Module> {
        (1..=segments.len())
            .rev()
            .map(|k| base.iter().cloned().chain(segments[..k].iter().map(|s| s.to_string())).collect::<Module>())
            .find(|m| modules.contains_key(m))
    };
    let mut graph = BTreeMap::new();
    for (module, file) in &modules {
        let code = code(&std::fs::read_to_string(file).expect("readable source"));
        let mut deps = BTreeSet::new();
        for segments in paths_after(&code, "crate::") {
            deps.extend(resolve(&segments, &[]));
        }
        let parent = &module[..module.len().saturating_sub(1)];
        for segments in paths_after(&code, "super::") {
            deps.extend(resolve(&segments, parent).or_else(|| Some(parent.to_vec())));
        }
        deps.remove(module);
        deps.retain(|d| !d.is_empty()); // the crate root only re-exports
        graph.insert(module.clone(), deps);
    }
    graph
}

/// One import circle among `graph`'s modules, if there is any.
fn circle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(node: &Module, graph: &BTreeMap<Module, BTreeSet<Module>>, path: &mut Vec<Module>, done: &mut BTreeSet<Module>) -> Option<Vec<Module>> {
        if let Some(at) = path.iter().position(|m| m == node) {
            return Some(path[at..].iter().cloned().chain([node.clone()]).collect());
        }
        if !done.insert(node.clone()) {
            return None;
        }
        path.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|m| visit(m, graph, &mut vec![], &mut done))
}

fn project() -> PathBuf {
    crate::project_root()
}

#[test]
fn the_domains_files_import_each_other_without_a_circle_and_its_groups_are_layered() {
    let graph = imports(&project().join("domain/src"));
    assert!(graph.len() > 30, "the domain's files were found");
    assert_eq!(circle(&graph), None);
    let mut groups: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, deps) in &graph {
        for dep in deps {
            if module[0] != dep[0] {
                groups.entry(module[0].clone()).or_default().insert(dep[0].clone());
            }
        }
    }
    // `i18n` (the words in each language) and `sorting` (the one sort) are the ground every
    // group stands on, `model` too.
    for ground in ["i18n", "sorting"] {
        assert_eq!(groups.get(ground), None, "{ground} imports no other part of the domain");
    }
    let model_deps: Vec<&String> = groups.get("model").into_iter().flatten().filter(|g| !matches!(g.as_str(), "i18n" | "tf" | "sorting")).collect();
    assert!(model_deps.is_empty(), "model imports no other part of the domain but i18n and sorting: {model_deps:?}");
    let group_graph = groups.iter().map(|(g, deps)| (vec![g.clone()], deps.iter().map(|d| vec![d.clone()]).collect())).collect();
    assert_eq!(circle(&group_graph), None);
}

#[test]
fn ui_has_no_import_circle_and_no_layer_imports_one_above_it() {
    let graph = imports(&project().join("src"));
    let layer = |m: &Module| m.first().cloned().unwrap_or_default();
    let ui: BTreeMap<Module, BTreeSet<Module>> =
        graph.iter().filter(|(m, _)| layer(m) == "ui").map(|(m, deps)| (m.clone(), deps.iter().filter(|d| layer(d) == "ui").cloned().collect())).collect();
    assert!(ui.len() > 20, "the ui's files were found");
    assert_eq!(circle(&ui), None);
    for (module, deps) in &graph {
        let above: &[&str] = match layer(module).as_str() {
            "storage" => &["ui", "app"],
            "ui" => &["app"],
            _ => &[],
        };
        let wrong: Vec<_> = deps.iter().filter(|d| above.contains(&layer(d).as_str())).collect();
        assert!(wrong.is_empty(), "{module:?} imports {wrong:?}");
    }
}

#[test]
fn a_circle_is_found_when_there_is_one() {
    let m = |s: &str| vec![s.to_string()];
    let graph = BTreeMap::from([(m("a"), BTreeSet::from([m("b")])), (m("b"), BTreeSet::from([m("c")])), (m("c"), BTreeSet::from([m("a")]))]);
    assert_eq!(circle(&graph).map(|c| c.len()), Some(4));
    let acyclic = BTreeMap::from([(m("a"), BTreeSet::from([m("b")])), (m("b"), BTreeSet::new())]);
    assert_eq!(circle(&acyclic), None);
    let code = "use crate::model::ids::Id;\nlet x = super::order::by_position(v); // crate::ignored\n";
    let code = self::code(code);
    assert_eq!(paths_after(&code, "crate::").collect::<Vec<_>>(), vec![vec!["model", "ids", "Id"]]);
}
