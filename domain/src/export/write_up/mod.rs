//! Write-ups: one document, written differently for each reader.
//!
//! - [`Reader::Full`]: the learning review for the team, everything but the accounts (only the
//!   passages the facilitator included), internal items marked.
//! - [`Reader::Executive`]: one page for leadership: impact, time to detect and resolve, the key
//!   factors and themes, the top actions, the open questions.
//! - [`Reader::Customer`]: the impact in plain words and what is being done, with no names, no
//!   accounts and nothing marked internal, whatever the options say.
//!
//! A write-up is built as a [`WriteUp`] (sections of paragraphs, tables and lists) and rendered
//! twice from that one value: as Markdown ([`crate::export::markdown::render`]) and, in the app,
//! as the page that is printed. The content rules live here, once, so both say the same.

mod customer;
mod executive;
mod full;
pub mod names;
mod parts;

use crate::i18n::{n_, tr, Lang};
use crate::model::choice::choice;
use crate::model::retrospective::Retrospective;
use names::Names;

choice! {
    /// Who a write-up is for.
    Reader {
        Full => ("full", "Full learning review"),
        Executive => ("executive", "Executive summary"),
        Customer => ("customer", "Customer note"),
    }
}

impl Reader {
    /// What the write-up holds, in one line for the picker, in the active language.
    pub fn description(self) -> &'static str {
        match self {
            Reader::Full => tr("Everything the team found, for the team: internal items marked, accounts left out."),
            Reader::Executive => tr("One page for leadership: impact, time to detect and resolve, key factors, top actions, open questions."),
            Reader::Customer => tr("The impact in plain words and what is being done: no names, no accounts, nothing marked internal."),
        }
    }

    /// The word a file name ends with.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Reader::Full => "learning-review",
            Reader::Executive => "executive-summary",
            Reader::Customer => "customer-note",
        }
    }
}

/// What the writer of a write-up chose beyond its reader.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Options {
    /// Replace people's names with "[name]" (the customer note always does).
    pub redact_names: bool,
    /// Leave out vote counts.
    pub hide_votes: bool,
}

impl Options {
    /// How the app shows a write-up on screen: with "Safe to share" on, no names and no votes,
    /// as everywhere else on a shared screen.
    pub fn on_screen(retro: &Retrospective) -> Options {
        let safe = retro.facilitation.safe_to_share.value;
        Options { redact_names: safe, hide_votes: safe }
    }
}

/// One piece of running text.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Span {
    /// As typed.
    Plain(String),
    /// Bold.
    Strong(String),
    /// Italic: marks and asides the write-up adds ("internal", "not answered").
    Em(String),
}

/// A run of spans: a paragraph's text, a list item's, a table cell's.
pub type Line = Vec<Span>;

/// A list item and the items nested under it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Item {
    /// The item's own text.
    pub line: Line,
    /// Items under it (a why chain under its factor).
    pub children: Vec<Item>,
}

/// One block of a section.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Block {
    /// A paragraph.
    Paragraph(Line),
    /// A table; an empty heading cell leaves that column unnamed.
    Table {
        /// The column headings.
        head: Vec<&'static str>,
        /// The rows, one line per cell.
        rows: Vec<Vec<Line>>,
    },
    /// A list, numbered or not.
    List {
        /// Numbered.
        ordered: bool,
        /// Its items.
        items: Vec<Item>,
    },
}

/// A heading and what comes under it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Section {
    /// The heading.
    pub heading: &'static str,
    /// Its blocks, in order.
    pub blocks: Vec<Block>,
}

/// A whole write-up.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct WriteUp {
    /// Who it is for.
    pub reader: Reader,
    /// The retrospective's title (redacted where names are).
    pub title: String,
    /// The line under the title.
    pub subtitle: String,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// The fixed section headings, in English: a screen may ask for a section by its English
/// heading whatever the language the write-up is in.
const HEADINGS: [&str; 13] = [
    n_("Overview"),
    n_("What happened"),
    n_("Why"),
    n_("Why we were surprised"),
    n_("Themes"),
    n_("Prevention"),
    n_("Open questions"),
    n_("From the accounts"),
    n_("At a glance"),
    n_("Key factors"),
    n_("Top actions"),
    n_("Why it happened"),
    n_("What we are doing about it"),
];

impl WriteUp {
    /// The section under `heading`, if the write-up has one. Headings are in the active
    /// language; a fixed heading may also be asked for in English ("Overview").
    pub fn section(&self, heading: &str) -> Option<&Section> {
        let translated = HEADINGS.into_iter().find(|h| *h == heading).map(tr);
        self.sections.iter().find(|s| s.heading == heading || Some(s.heading) == translated)
    }

    /// Every piece of text in it, for tests and checks that read the whole write-up.
    pub fn texts(&self) -> Vec<&str> {
        fn line<'a>(spans: &'a Line, out: &mut Vec<&'a str>) {
            for span in spans {
                match span {
                    Span::Plain(t) | Span::Strong(t) | Span::Em(t) => out.push(t),
                }
            }
        }
        fn items<'a>(list: &'a [Item], out: &mut Vec<&'a str>) {
            for item in list {
                line(&item.line, out);
                items(&item.children, out);
            }
        }
        let mut out = vec![self.title.as_str(), self.subtitle.as_str()];
        for section in &self.sections {
            out.push(section.heading);
            for block in &section.blocks {
                match block {
                    Block::Paragraph(l) => line(l, &mut out),
                    Block::Table { head, rows } => {
                        out.extend(head.iter().copied());
                        rows.iter().flatten().for_each(|cell| line(cell, &mut out));
                    }
                    Block::List { items: list, .. } => items(list, &mut out),
                }
            }
        }
        out
    }
}

/// The write-up of `retro` for `reader`.
pub fn write_up(retro: &Retrospective, reader: Reader, options: Options) -> WriteUp {
    let redact = options.redact_names || reader == Reader::Customer;
    let scribe = Scribe { r: retro, names: redact.then(|| Names::of(retro)), votes: !options.hide_votes };
    match reader {
        Reader::Full => full::write(&scribe),
        Reader::Executive => executive::write(&scribe),
        Reader::Customer => customer::write(&scribe),
    }
}

/// What every write-up's builder works from: the document, and the names to redact, if any.
struct Scribe<'a> {
    r: &'a Retrospective,
    names: Option<Names>,
    votes: bool,
}

impl Scribe<'_> {
    /// User text as a write-up may show it: trimmed, names redacted when asked.
    fn text(&self, text: &str) -> String {
        match &self.names {
            Some(names) => names.redact(text.trim()),
            None => text.trim().to_string(),
        }
    }

    /// User text as a plain span; a dash when empty.
    fn span(&self, text: &str) -> Span {
        let text = self.text(text);
        Span::Plain(if text.is_empty() { "—".into() } else { text })
    }

    /// The title, redacted when names are.
    fn title(&self) -> String {
        self.text(self.r.display_title())
    }

    /// Whether names are being withheld.
    fn redacting(&self) -> bool {
        self.names.is_some()
    }
}

/// A line of one plain span.
fn plain(text: impl Into<String>) -> Line {
    vec![Span::Plain(text.into())]
}

/// A table row of label and value, as the header tables have.
fn row(label: &str, value: Line) -> Vec<Line> {
    vec![plain(label), value]
}

/// The mark an internal item carries in the write-ups that show it.
fn internal_mark(internal: bool) -> Option<Span> {
    internal.then(|| Span::Em(format!(" ({})", tr("internal"))))
}

/// A label (a status, a term) inside running text: lower-cased, except in German, where a
/// noun keeps its capital.
fn mid_sentence(label: &str) -> String {
    match crate::i18n::active() {
        Lang::De => label.to_string(),
        Lang::En | Lang::Es => label.to_lowercase(),
    }
}

#[cfg(test)]
mod tests;
