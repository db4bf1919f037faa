//! The words people read, in English, German or Spanish.
//!
//! The English sentence written in the source is the message's key, as in gettext: English
//! needs no catalog, a reader of the code sees the words the screen shows, and a sentence
//! cannot lose its translation without a test noticing (`xtask/src/catalogs.rs` collects
//! every key from the source and fails when a catalog misses one, or keeps one no longer used).
//! The German and Spanish catalogs are JSON files fetched when that language is chosen, so
//! they cost nothing to someone reading English.
//!
//! Marking a message:
//! - [`tr`]`("Save")` — the text in the active language;
//! - [`tf!`]`("Deleted “{title}”.", title = name)` — with named placeholders filled in;
//! - [`trn`]`("{n} item", "{n} items", count)` — one of two forms by count;
//! - [`n_`]`("Timeline")` — a key kept in a table for later, translated where it is shown;
//! - [`trc`]`("button|Open")` — one English word with two meanings, told apart by a context.
//!
//! The active catalog is one per page (a thread-local here, since a page runs on one thread):
//! widgets on one page share their language. Native tests never load one, so they read English.

use serde::Deserialize;
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::{Display, Write};

/// A language Retrace is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the source language: its catalog is the code.
    #[default]
    En,
    /// German.
    De,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every shipped language, in the picker's order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Es];

    /// The BCP 47 code: `en`, `de`, `es` (the `lang` attribute and the catalog's file name).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, so a person finds theirs whatever is on screen.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Es => "Español",
        }
    }

    /// The language of a tag such as `de`, `de-AT` or `ES_mx`, if it is one Retrace has.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of a browser's preferred languages that Retrace has; English otherwise.
    pub fn preferred<S: AsRef<str>>(tags: impl IntoIterator<Item = S>) -> Lang {
        tags.into_iter().find_map(|t| Lang::from_tag(t.as_ref())).unwrap_or_default()
    }
}

/// The marker a catalog file starts with.
pub const CATALOG_FORMAT: &str = "retrace.catalog";

/// One language's messages: English key → text in that language.
#[derive(Debug)]
pub struct Catalog {
    lang: Lang,
    messages: HashMap<&'static str, &'static str>,
}

#[derive(Deserialize)]
struct CatalogFile {
    format: String,
    lang: String,
    messages: HashMap<String, String>,
}

/// Why a catalog could not be used. Said in English: without the catalog there is no other.
#[derive(Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// Not JSON, or not shaped as a catalog.
    Unreadable(String),
    /// A catalog, but for another language than the one asked for.
    WrongLanguage {
        /// The language asked for.
        wanted: Lang,
        /// What the file says it is.
        found: String,
    },
}

impl Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::Unreadable(detail) => write!(f, "the language file could not be read ({detail})"),
            CatalogError::WrongLanguage { wanted, found } => {
                write!(f, "the language file for {} says it is for “{found}”", wanted.autonym())
            }
        }
    }
}

impl Catalog {
    /// Reads a catalog file for `lang`. Its strings live as long as the page: a page loads
    /// each language at most once, so this holds a few hundred kilobytes at most.
    pub fn parse(lang: Lang, text: &str) -> Result<Catalog, CatalogError> {
        let file: CatalogFile = serde_json::from_str(text).map_err(|e| CatalogError::Unreadable(e.to_string()))?;
        if file.format != CATALOG_FORMAT {
            return Err(CatalogError::Unreadable(format!("its format is “{}”, not {CATALOG_FORMAT}", file.format)));
        }
        if Lang::from_tag(&file.lang) != Some(lang) {
            return Err(CatalogError::WrongLanguage { wanted: lang, found: file.lang });
        }
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let messages = file.messages.into_iter().map(|(k, v)| (leak(k), leak(v))).collect();
        Ok(Catalog { lang, messages })
    }
}

thread_local! {
    static ACTIVE: Cell<Option<&'static Catalog>> = const { Cell::new(None) };
    static LOADED: std::cell::RefCell<Vec<&'static Catalog>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps `catalog` for [`switch_to`], without showing it yet: a page may load one language
/// while another is asked for.
pub fn keep(catalog: Catalog) {
    let catalog: &'static Catalog = Box::leak(Box::new(catalog));
    LOADED.with(|l| l.borrow_mut().push(catalog));
}

/// Keeps `catalog` and makes it the page's language.
pub fn activate(catalog: Catalog) {
    let lang = catalog.lang;
    keep(catalog);
    switch_to(lang);
}

/// Whether the catalog of `lang` was loaded before.
pub fn is_kept(lang: Lang) -> bool {
    LOADED.with(|l| l.borrow().iter().any(|c| c.lang == lang))
}

/// Switches to `lang` if its catalog was loaded before (English always is); false otherwise.
pub fn switch_to(lang: Lang) -> bool {
    if lang == Lang::En {
        ACTIVE.with(|a| a.set(None));
        return true;
    }
    let found = LOADED.with(|l| l.borrow().iter().rev().copied().find(|c| c.lang == lang));
    if let Some(catalog) = found {
        ACTIVE.with(|a| a.set(Some(catalog)));
    }
    found.is_some()
}

/// The language messages are shown in now.
pub fn active() -> Lang {
    ACTIVE.with(|a| a.get().map(|c| c.lang).unwrap_or_default())
}

/// The text of a message in the active language. A key the catalog lacks reads in English,
/// so a missing translation shows the source words rather than nothing.
pub fn tr(key: &'static str) -> &'static str {
    match ACTIVE.with(Cell::get) {
        Some(catalog) => catalog.messages.get(key).copied().unwrap_or(key),
        None => key,
    }
}

/// A message whose English is another's but whose translation is not (the "Open" button and
/// the "Open" status): its key is `context|text`, and English shows the text after the bar.
pub fn trc(key: &'static str) -> &'static str {
    match tr(key) {
        same if std::ptr::eq(same, key) => key.split_once('|').map_or(key, |(_, text)| text),
        translated => translated,
    }
}

/// Marks a message kept in a table and translated where it is shown (with [`tr`]); returns
/// the key itself, and may be used in constants.
pub const fn n_(key: &'static str) -> &'static str {
    key
}

/// One of two forms by count (`{n}` is filled in): `one` for exactly one, `other` otherwise.
/// English, German and Spanish all split their plurals this way.
pub fn trn(one: &'static str, other: &'static str, n: usize) -> String {
    fill(tr(if n == 1 { one } else { other }), &[("n", &n)])
}

/// Fills `{name}` placeholders; a placeholder with no value is left as written.
pub fn fill(text: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| args.iter().find(|(n, _)| *n == &after[..close]).map(|(_, v)| (v, close)));
        match value {
            Some((value, close)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A message with named placeholders, in the active language:
/// `tf!("Deleted “{title}”.", title = summary.title)`.
#[macro_export]
macro_rules! tf {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::fill($crate::i18n::tr($key), &[$((stringify!($name), &$value as &dyn ::core::fmt::Display)),*])
    };
}

/// A calendar day as the active language writes it: `2026-03-30` in English (as the date
/// inputs show it), `30.03.2026` in German, `30/03/2026` in Spanish.
pub fn date(year: i64, month: i64, day: i64) -> String {
    match active() {
        Lang::En => format!("{year:04}-{month:02}-{day:02}"),
        Lang::De => format!("{day:02}.{month:02}.{year:04}"),
        Lang::Es => format!("{day:02}/{month:02}/{year:04}"),
    }
}

/// A number with `places` decimals, with the active language's decimal mark (`1.5`, `1,5`).
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match active() {
        Lang::En => text,
        Lang::De | Lang::Es => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn german() -> Catalog {
        let text = r#"{"format":"retrace.catalog","lang":"de","messages":{"Save":"Speichern","Deleted “{title}”.":"„{title}“ gelöscht.","{n} item":"{n} Eintrag","{n} items":"{n} Einträge","button|Open":"Öffnen"}}"#;
        Catalog::parse(Lang::De, text).unwrap()
    }

    #[test]
    fn languages_come_from_tags() {
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("ES_mx"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::preferred(["fr-FR", "es-ES", "de"]), Lang::Es);
        assert_eq!(Lang::preferred(["fr-FR"]), Lang::En);
        assert_eq!(Lang::preferred(Vec::<String>::new()), Lang::En);
    }

    #[test]
    fn english_is_the_key_and_catalogs_translate() {
        assert_eq!(tr("Save"), "Save");
        assert_eq!(trc("button|Open"), "Open");
        activate(german());
        assert_eq!(active(), Lang::De);
        assert_eq!(tr("Save"), "Speichern");
        assert_eq!(tr("Not in the catalog"), "Not in the catalog");
        let title = "Disk full";
        assert_eq!(crate::tf!("Deleted “{title}”.", title = title), "„Disk full“ gelöscht.");
        assert_eq!(trn("{n} item", "{n} items", 1), "1 Eintrag");
        assert_eq!(trn("{n} item", "{n} items", 3), "3 Einträge");
        assert_eq!(date(2026, 3, 30), "30.03.2026");
        assert_eq!(trc("button|Open"), "Öffnen");
        assert_eq!(decimal(1.25, 1), "1,2");
        assert!(switch_to(Lang::En));
        assert_eq!(tr("Save"), "Save");
        assert!(switch_to(Lang::De), "a loaded language is kept");
        assert!(!switch_to(Lang::Es), "one never loaded is not");
        keep(Catalog::parse(Lang::Es, r#"{"format":"retrace.catalog","lang":"es","messages":{"Save":"Guardar"}}"#).unwrap());
        assert!(is_kept(Lang::Es));
        assert_eq!(active(), Lang::De, "keeping a catalog does not show it");
        assert!(switch_to(Lang::Es));
        assert_eq!(tr("Save"), "Guardar");
        switch_to(Lang::En);
    }

    #[test]
    fn placeholders_fill_by_name_and_leave_strangers() {
        assert_eq!(fill("{a} and {b}", &[("b", &2), ("a", &"one")]), "one and 2");
        assert_eq!(fill("{missing} {", &[]), "{missing} {");
        assert_eq!(fill("{{a}", &[("a", &1)]), "{1");
    }

    #[test]
    fn bad_catalogs_are_refused_with_a_reason() {
        assert!(matches!(Catalog::parse(Lang::De, "{"), Err(CatalogError::Unreadable(_))));
        let other = r#"{"format":"retrace.backup","lang":"de","messages":{}}"#;
        assert!(matches!(Catalog::parse(Lang::De, other), Err(CatalogError::Unreadable(_))));
        let spanish = r#"{"format":"retrace.catalog","lang":"es","messages":{}}"#;
        let err = Catalog::parse(Lang::De, spanish).unwrap_err();
        assert_eq!(err.to_string(), "the language file for Deutsch says it is for “es”");
    }
}
