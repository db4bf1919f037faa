//! People's names, found in the document so that a write-up can leave them out.
//!
//! A name is whatever the document holds as one: the participants line, responders' names,
//! display names, the names on accounts; and owners and follow-ups that read as a person's
//! name (one to three capitalised words, none of them a word for a group, such as "Platform
//! team"). Each name is withheld wherever it stands as a whole word or phrase, in any case,
//! and so is each capitalised word of a longer name ("Dana" of "Dana Lee"), because people
//! are mostly written about by their first name.

use crate::i18n::{n_, tr};
use crate::model::retrospective::Retrospective;

/// What a withheld name becomes (in the active language: this is the English key).
pub const WITHHELD: &str = n_("[name]");

/// Words that make an owner a group, not a person.
const GROUP_WORDS: [&str; 22] = [
    "team",
    "squad",
    "group",
    "guild",
    "ops",
    "sre",
    "on-call",
    "oncall",
    "platform",
    "engineering",
    "support",
    "security",
    "database",
    "release",
    "infra",
    "infrastructure",
    "network",
    "product",
    "qa",
    "desk",
    "service",
    "everyone",
];

/// The names of one document, longest first so a full name goes before its parts.
#[derive(Clone, Debug, Default)]
pub struct Names {
    names: Vec<Vec<char>>,
    /// The names as written, in the order found, for people to check.
    listed: Vec<String>,
}

impl Names {
    /// Every name `retro` holds.
    pub fn of(retro: &Retrospective) -> Names {
        let mut found: Vec<String> = Vec::new();
        for part in retro.participants.value.split([',', ';', '\n', '/', '&']).flat_map(|p| p.split(" and ")) {
            found.push(without_asides(part));
        }
        found.extend(retro.responders.values().map(|r| without_asides(&r.name.value)));
        found.extend(retro.authors.values().map(|a| without_asides(&a.value)));
        found.extend(retro.accounts.values().map(|a| without_asides(&a.body.value.name)));
        let personal = retro.actions.values().map(|a| a.owner.value.as_str()).chain(retro.questions.values().map(|q| q.follow_up.value.as_str()));
        found.extend(personal.flat_map(|text| text.split([',', ';', '/', '&'])).map(without_asides).filter(|t| reads_as_a_person(t)));
        let mut names = Names::default();
        for name in found {
            names.add(&name);
        }
        names
    }

    /// Adds a name and, for a longer one, its capitalised words.
    pub fn add(&mut self, name: &str) {
        let name = name.trim();
        if name.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            return;
        }
        if !self.listed.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            self.listed.push(name.to_string());
        }
        self.push(name);
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() > 1 {
            for word in words {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                if word.chars().count() >= 2 && word.chars().next().is_some_and(char::is_uppercase) {
                    self.push(word);
                }
            }
        }
    }

    fn push(&mut self, name: &str) {
        let lower: Vec<char> = name.chars().map(lower).collect();
        if !self.names.contains(&lower) {
            self.names.push(lower);
            crate::sorting::sort_by_key(&mut self.names, |n| std::cmp::Reverse(n.len()));
        }
    }

    /// The names as written, in the order found: what the app lists as withheld.
    pub fn listed(&self) -> &[String] {
        &self.listed
    }

    /// Whether there are no names at all.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// `text` with every name, as a whole word or phrase in any case, replaced by [`WITHHELD`]
    /// in the active language.
    pub fn redact(&self, text: &str) -> String {
        if self.names.is_empty() {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let folded: Vec<char> = chars.iter().copied().map(lower).collect();
        let withheld = tr(WITHHELD);
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let at_start = i == 0 || !is_word(chars[i - 1]);
            let found =
                at_start.then(|| self.names.iter().find(|n| folded[i..].starts_with(n) && chars.get(i + n.len()).is_none_or(|c| !is_word(*c)))).flatten();
            match found {
                Some(name) => {
                    out.push_str(withheld);
                    i += name.len();
                }
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        out
    }

    /// Whether `text` holds any of the names as a whole word: what the tests of every write-up
    /// that must carry no name ask.
    pub fn any_in(&self, text: &str) -> bool {
        self.redact(text) != text
    }
}

/// One lower-case char for one char, so positions in the folded text are positions in the text.
fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Names end where letters and digits do: "Sam's" holds "Sam".
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// A name without a bracketed aside: "Dana (facilitator)" is "Dana".
fn without_asides(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// One to three capitalised words, none a word for a group and none with a digit.
fn reads_as_a_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(|c| c.is_ascii_digit()) && !GROUP_WORDS.contains(&w.to_lowercase().as_str())
        })
}
