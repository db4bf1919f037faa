//! The timeline from the chat where it happened: a pasted or dropped chat log or application log,
//! read on the device. [`detect`] tells the format; [`parse`] reads its lines; [`preview`]
//! puts them in the retrospective's time zone with a suggested kind; [`new_entries`] turns the
//! rows someone picked into timeline entries, leaving out what an earlier import already added.
//!
//! Blameless by default: authors are read so that the preview can show them, but they go into
//! an entry only when the facilitator asks for it. Each entry keeps where it came from as its
//! evidence, which is also how a second import of the same log adds nothing twice.

pub mod csv;
pub mod json;
pub mod kind;
pub mod line;
pub mod lines;
pub mod markup;
pub mod slack_zip;
pub mod stamps;
pub mod zone;

pub use line::{ChatLine, ImportError};
pub use zone::{Stamp, ZoneTable};

use crate::i18n::tr;
use crate::model::retrospective::Retrospective;
use crate::model::time::{Date, LocalDateTime};
use crate::model::timeline::EntryKind;
use std::collections::HashSet;

/// Largest text an import reads.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// Most lines an import lists.
pub const MAX_IMPORT_LINES: usize = 50_000;

/// The formats an import understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// One channel's day file from a Slack workspace export (JSON).
    SlackExport,
    /// Text copied from the Slack app.
    SlackCopy,
    /// Text copied from Microsoft Teams.
    TeamsCopy,
    /// A Matrix or Element room export (JSON).
    Matrix,
    /// An IRC log.
    Irc,
    /// Lines that start with a timestamp: application logs, syslog, notes.
    Timestamped,
    /// A CSV with a time and a text column.
    Csv,
}

impl Format {
    /// Every format, in the order the preview offers them.
    pub const ALL: [Format; 7] = [Format::SlackExport, Format::SlackCopy, Format::TeamsCopy, Format::Matrix, Format::Irc, Format::Timestamped, Format::Csv];

    /// The format's name for people, in the active language.
    pub fn label(self) -> &'static str {
        match self {
            Format::SlackExport => tr("Slack export (JSON)"),
            Format::SlackCopy => tr("Copied from Slack"),
            Format::TeamsCopy => tr("Copied from Teams"),
            Format::Matrix => tr("Matrix / Element export"),
            Format::Irc => tr("IRC log"),
            Format::Timestamped => tr("Timestamped lines"),
            Format::Csv => "CSV",
        }
    }

    /// A stable name for the format, the same in every language (for form values).
    pub fn key(self) -> &'static str {
        match self {
            Format::SlackExport => "slack-export",
            Format::SlackCopy => "slack-copy",
            Format::TeamsCopy => "teams-copy",
            Format::Matrix => "matrix",
            Format::Irc => "irc",
            Format::Timestamped => "timestamped",
            Format::Csv => "csv",
        }
    }

    /// The format with this [`key`](Format::key), if any.
    pub fn from_key(key: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// What [`detect`] found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detection {
    /// The format that reads the most of the text.
    pub format: Format,
    /// Whether it stands out: when not, the preview asks which format it is.
    pub sure: bool,
}

/// The share of non-empty lines a line-based format reads, 0 to 1.
fn share(text: &str, format: Format, year: i64) -> f64 {
    let total = text.lines().filter(|l| !l.trim().is_empty()).count().max(1) as f64;
    let read = match format {
        Format::Irc => lines::irc(text, year).iter().filter(|l| l.author.is_some()).count(),
        Format::Timestamped => text.lines().filter(|l| stamps::leading_stamp(l.trim(), year).is_some_and(|(_, rest)| !rest.is_empty())).count(),
        // Every header or bare time of a copy starts a message, and each has lines under it.
        Format::SlackCopy | Format::TeamsCopy => 2 * lines::copied(text, "").len(),
        _ => 0,
    };
    (read as f64 / total).min(1.0)
}

/// The format of `text`, or `None` when none reads it. `year` completes dates that print none.
pub fn detect(text: &str, year: i64) -> Option<Detection> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        // A list is told by its first element alone, read without the rest: a 10,000-message
        // day file is parsed once, by `parse`, which also says where a damaged one breaks.
        let value = match trimmed.strip_prefix('[') {
            Some(list) => serde_json::Deserializer::from_str(list)
                .into_iter::<serde_json::Value>()
                .next()
                .and_then(Result::ok)
                .map(|first| serde_json::Value::Array(vec![first])),
            None => serde_json::from_str::<serde_json::Value>(trimmed).ok(),
        };
        if let Some(value) = value {
            let first = value.as_array().and_then(|a| a.first()).or_else(|| value["messages"].as_array().and_then(|a| a.first()));
            if let Some(first) = first {
                if first.get("origin_server_ts").is_some() {
                    return Some(Detection { format: Format::Matrix, sure: true });
                }
                if first.get("ts").is_some() {
                    return Some(Detection { format: Format::SlackExport, sure: true });
                }
            }
        }
    }
    let rows = csv::rows(text);
    if rows.len() > 1 && rows[0].len() > 1 && rows.iter().take(20).all(|r| r.len() == rows[0].len()) {
        if let Some(columns) = csv::guess_columns(&rows, year) {
            return Some(Detection { format: Format::Csv, sure: columns.header });
        }
    }
    let am_pm = text.lines().any(|l| {
        let l = l.trim_end().to_ascii_lowercase();
        l.ends_with(" am") || l.ends_with(" pm")
    });
    let copy = if am_pm { Format::SlackCopy } else { Format::TeamsCopy };
    // Most specific first: an IRC line is also a timestamped line, so a log that reads well as
    // IRC is IRC.
    let scores: Vec<(Format, f64)> = [Format::Irc, copy, Format::Timestamped].into_iter().map(|f| (f, share(text, f, year))).collect();
    if let Some((format, _)) = scores.iter().find(|(_, score)| *score >= 0.6) {
        return Some(Detection { format: *format, sure: true });
    }
    let (format, score) = scores.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
    (score >= 0.3).then_some(Detection { format, sure: false })
}

/// The lines of `text` read as `format`. `year` completes dates that print none.
pub fn parse(text: &str, format: Format, year: i64) -> Result<Vec<ChatLine>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let mut found = match format {
        Format::SlackExport => json::slack(text)?,
        Format::Matrix => json::matrix(text)?,
        Format::Irc => lines::irc(text, year),
        Format::Timestamped => lines::timestamped(text, year),
        Format::SlackCopy => lines::copied(text, "Slack"),
        Format::TeamsCopy => lines::copied(text, "Teams"),
        Format::Csv => {
            let rows = csv::rows(text);
            let columns = csv::guess_columns(&rows, year).ok_or_else(|| ImportError::Damaged(tr("no column of this CSV holds times").into()))?;
            csv::lines(text, columns, year)?
        }
    };
    if found.is_empty() {
        return Err(ImportError::NoFormat);
    }
    found.truncate(MAX_IMPORT_LINES);
    Ok(found)
}

/// One row of the import preview.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// When, in the retrospective's zone.
    pub when: Option<LocalDateTime>,
    /// The line as read.
    pub line: ChatLine,
    /// The kind its words suggest.
    pub kind: EntryKind,
    /// An earlier import already added it.
    pub already_added: bool,
}

/// The preview of `lines`: times in the retrospective's zone (read in `read_in` when they carry
/// no offset; bare times from `first_day` on), suggested kinds, and which rows are in already.
pub fn preview(retro: &Retrospective, lines: Vec<ChatLine>, read_in: &ZoneTable, retro_zone: &ZoneTable, first_day: Date) -> Vec<PreviewRow> {
    let stamps: Vec<Stamp> = lines.iter().map(|l| l.stamp).collect();
    let times = zone::resolve(&stamps, read_in, retro_zone, first_day);
    let known: HashSet<&str> = retro.timeline.values().map(|e| e.evidence.value.as_str()).collect();
    lines
        .into_iter()
        .zip(times)
        .map(|(line, when)| PreviewRow { when, kind: kind::suggest_kind(&line.text), already_added: known.contains(line.source.as_str()), line })
        .collect()
}

/// A timeline entry an import will add.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEntry {
    /// When it happened.
    pub when: Option<LocalDateTime>,
    /// The text, with its author in front when asked for.
    pub what: String,
    /// The suggested kind.
    pub kind: EntryKind,
    /// Where it came from.
    pub evidence: String,
}

/// The entries for the picked rows: none for a row an earlier import added or one picked twice,
/// and the author only when `keep_authors`.
pub fn new_entries(rows: &[PreviewRow], picked: &[usize], keep_authors: bool) -> Vec<NewEntry> {
    let mut seen = HashSet::new();
    picked
        .iter()
        .filter_map(|&i| rows.get(i))
        .filter(|row| !row.already_added && seen.insert(row.line.source.clone()))
        .map(|row| {
            let what = match (&row.line.author, keep_authors) {
                (Some(author), true) => format!("{author}: {}", row.line.text),
                _ => row.line.text.clone(),
            };
            NewEntry { when: row.when, what, kind: row.kind, evidence: row.line.source.clone() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::model::ids::{Id, Replica};
    use crate::model::retrospective::Writer;
    use crate::model::template::Template;
    use crate::model::timeline::TimelineField;

    const IRC: &str = "[23:58] <sam> checkout 5xx alert fired\n[23:59] <kai> paged the db team\n[00:03] <sam> rolling back 4812\n[00:10] <kai> error rate back to normal, resolved\n";

    #[test]
    fn each_format_is_told_from_its_text() {
        let cases: &[(&str, Format)] = &[
            (IRC, Format::Irc),
            ("2024-03-04T14:02:11Z deploy 4812 started\n2024-03-04T14:05:00Z 5xx above 2%\n", Format::Timestamped),
            ("Sam Lee  2:02 PM\ncheckout down\nKai  2:05 PM\nlooking\n", Format::SlackCopy),
            ("Sam Lee 14:02\ncheckout down\nKai Müller 14:05\nlooking\n", Format::TeamsCopy),
            ("time,message\n2024-03-04 14:02,deploy\n2024-03-04 14:05,5xx\n", Format::Csv),
            (r#"[{"ts":"1709560931.0002","text":"hi"}]"#, Format::SlackExport),
            (r#"{"messages":[{"origin_server_ts":1,"content":{"body":"hi"}}]}"#, Format::Matrix),
        ];
        for (text, format) in cases {
            assert_eq!(detect(text, 2024), Some(Detection { format: *format, sure: true }), "{text}");
        }
        let mixed = "[14:02] <sam> paging db\nsomething else entirely\nmore words\n14:05 a note";
        assert_eq!(detect(mixed, 2024).map(|d| d.sure), Some(false), "half a log: ask");
        assert_eq!(detect("just some words\nwith no times at all", 2024), None);
        // A day file cut short is still told by its first message, and reading it says where.
        let cut = r#"[{"ts":"1709560931.0002","text":"hi"},{"ts":"17095"#;
        assert_eq!(detect(cut, 2024).map(|d| d.format), Some(Format::SlackExport));
        assert!(matches!(parse(cut, Format::SlackExport, 2024), Err(ImportError::Damaged(m)) if m.contains("not valid JSON")));
        assert_eq!(parse("just words", Format::Timestamped, 2024), Err(ImportError::NoFormat));
    }

    #[test]
    fn a_log_becomes_entries_once_with_times_kinds_and_evidence_and_no_names() {
        let w = Writer::new(Replica(1), 0);
        let mut retro = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Checkout outage", &w);
        let utc = ZoneTable::fixed("UTC", 0);
        let day = Date::parse("2024-03-04").unwrap();
        let rows = preview(&retro, parse(IRC, Format::Irc, 2024).unwrap(), &utc, &utc, day);
        let kinds: Vec<EntryKind> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [EntryKind::Detection, EntryKind::Escalation, EntryKind::Mitigation, EntryKind::Resolution]);
        let entries = new_entries(&rows, &[0, 2, 2, 3], false);
        assert_eq!(entries.len(), 3, "a row picked twice is added once");
        assert_eq!(entries[1].when, LocalDateTime::parse("2024-03-05T00:03"), "over midnight");
        assert_eq!(entries[1].what, "rolling back 4812", "no names unless asked");
        assert_eq!(new_entries(&rows, &[1], true)[0].what, "kai: paged the db team");
        for (n, e) in entries.iter().enumerate() {
            let id = Id::from_random([10 + n as u8; 16]);
            retro.apply(Edit::AddTimelineEntry { id }, &w);
            retro.apply(Edit::Timeline(id, TimelineField::What(e.what.clone())), &w);
            retro.apply(Edit::Timeline(id, TimelineField::Evidence(e.evidence.clone())), &w);
        }
        let again = preview(&retro, parse(IRC, Format::Irc, 2024).unwrap(), &utc, &utc, day);
        assert_eq!(again.iter().filter(|r| r.already_added).count(), 3);
        assert_eq!(new_entries(&again, &[0, 1, 2, 3], false).len(), 1, "only the row not imported before");
    }

    #[test]
    fn messages_say_what_to_do() {
        assert!(ImportError::NoFormat.to_string().contains("[14:02] <sam>"));
        assert!(ImportError::TooLarge { bytes: 30 * 1_048_576 }.to_string().contains("20 MB"));
    }
}
