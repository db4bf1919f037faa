//! A backup: every retrospective of a browser and its settings, in one file, so a cleared
//! browser loses nothing. Each retrospective is embedded as the very document `encode` writes
//! and is read back by `decode`, with its own limits and migrations: one damaged retrospective
//! is reported and the others still come back. What restoring does with them is
//! `change::restore`. Own templates travel along (each in its own file form), read one by one
//! in the same way; a backup without them, from before they existed, reads as having none.

use super::read::decode_with;
use super::template_file::{decode_template, encode_template, TemplateFileError};
use super::{encode, FormatError, Limits};
use crate::i18n::{decimal, tr};
use crate::model::own_template::OwnTemplate;
use crate::model::retrospective::Retrospective;
use crate::tf;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

/// The `format` marker of a backup.
pub const BACKUP_FORMAT: &str = "retrace.backup";
/// The backup schema this build writes and the newest it reads.
pub const BACKUP_SCHEMA: u64 = 1;
/// Bytes of a backup file: 500 retrospectives of a large size fit many times over.
pub const MAX_BACKUP_BYTES: usize = 200 * 1024 * 1024;
/// Retrospectives in one backup.
pub const MAX_BACKUP_RETROS: usize = 10_000;

/// A backup as it was read: when it was made, each retrospective or why it could not be read,
/// and the settings it carried (opaque here; the app decides which it takes back).
#[derive(Debug)]
pub struct BackupRead {
    /// Unix milliseconds when it was made.
    pub created_at: i64,
    /// In file order: each retrospective, or its place in the file and why it is unreadable.
    pub retrospectives: Vec<Result<Retrospective, (usize, FormatError)>>,
    /// Settings by name, as JSON values.
    pub settings: BTreeMap<String, serde_json::Value>,
    /// In file order: each own template, or its place in the file and why it is unreadable.
    pub templates: Vec<Result<OwnTemplate, (usize, TemplateFileError)>>,
}

/// Why a text is not a backup this build can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Longer than [`MAX_BACKUP_BYTES`].
    TooLarge {
        /// Its length in bytes.
        bytes: usize,
    },
    /// Not JSON in the shape of a backup; the parser's words.
    NotJson(String),
    /// JSON, but not a Retrace backup; its own `format` marker, if any.
    NotABackup {
        /// The document's `format` value, shortened.
        found: Option<String>,
    },
    /// Written by a newer build.
    NewerSchema {
        /// Its schema version.
        found: u64,
    },
    /// More retrospectives than [`MAX_BACKUP_RETROS`].
    TooMany {
        /// How many it holds.
        count: usize,
    },
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            BackupError::TooLarge { bytes } => {
                let size = decimal(*bytes as f64 / 1_048_576.0, 0);
                tf!("This file is {size} MB; Retrace reads backups up to {limit} MB.", size = size, limit = MAX_BACKUP_BYTES / 1_048_576)
            }
            BackupError::NotJson(detail) => tf!("This is not a readable backup ({detail}). It may be truncated or damaged.", detail = detail),
            BackupError::NotABackup { found: Some(other) } => tf!("This is a “{other}” document, not a Retrace backup.", other = other),
            BackupError::NotABackup { found: None } => tr("This JSON is not a Retrace backup (it has no backup format marker).").to_string(),
            BackupError::NewerSchema { found } => {
                tf!("This backup was made by a newer version of Retrace (backup schema {found}; this version reads up to {schema}). Update Retrace to restore it.", found = found, schema = BACKUP_SCHEMA)
            }
            BackupError::TooMany { count } => {
                tf!("This backup holds {count} retrospectives; Retrace restores up to {limit} at a time.", count = count, limit = MAX_BACKUP_RETROS)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for BackupError {}

#[derive(Serialize)]
struct BackupOut<'a> {
    format: &'static str,
    schema: u64,
    created_at: i64,
    retrospectives: Vec<Box<RawValue>>,
    settings: &'a BTreeMap<String, serde_json::Value>,
    templates: Vec<Box<RawValue>>,
}

/// Only the marker first, so a file that is not a backup is told as such before its shape is.
#[derive(Deserialize)]
struct Marker {
    format: Option<serde_json::Value>,
    schema: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct BackupIn<'a> {
    created_at: i64,
    #[serde(borrow)]
    retrospectives: Vec<&'a RawValue>,
    #[serde(default)]
    settings: BTreeMap<String, serde_json::Value>,
    #[serde(default, borrow)]
    templates: Vec<&'a RawValue>,
}

/// Writes a backup of `retros`, `settings` and `templates`, made at `created_at`.
pub fn encode_backup(retros: &[Retrospective], settings: &BTreeMap<String, serde_json::Value>, templates: &[OwnTemplate], created_at: i64) -> String {
    let raw = |text: String| RawValue::from_string(text).expect("a retrospective or template always encodes as JSON");
    let retrospectives = retros.iter().map(|r| raw(encode(r))).collect();
    let templates = templates.iter().map(|t| raw(encode_template(t))).collect();
    let out = BackupOut { format: BACKUP_FORMAT, schema: BACKUP_SCHEMA, created_at, retrospectives, settings, templates };
    serde_json::to_string(&out).expect("a backup always serialises: its keys are strings and its floats are finite")
}

/// Reads a backup. The file as a whole must be one; each retrospective in it is read on its own.
pub fn decode_backup(text: &str) -> Result<BackupRead, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { bytes: text.len() });
    }
    let marker: Marker = serde_json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    match marker.format {
        Some(serde_json::Value::String(f)) if f == BACKUP_FORMAT => {}
        Some(serde_json::Value::String(other)) => return Err(BackupError::NotABackup { found: Some(other.chars().take(60).collect()) }),
        _ => return Err(BackupError::NotABackup { found: None }),
    }
    match marker.schema.as_ref().and_then(serde_json::Value::as_u64) {
        Some(found) if found > BACKUP_SCHEMA => return Err(BackupError::NewerSchema { found }),
        Some(found) if found >= 1 => {}
        _ => return Err(BackupError::NotJson(tr("it has no valid schema version").to_string())),
    }
    let backup: BackupIn = serde_json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    if backup.retrospectives.len() > MAX_BACKUP_RETROS {
        return Err(BackupError::TooMany { count: backup.retrospectives.len() });
    }
    let limits = Limits::default();
    let retrospectives = backup.retrospectives.iter().enumerate().map(|(i, raw)| decode_with(raw.get(), &limits).map_err(|e| (i, e))).collect();
    let templates = backup.templates.iter().enumerate().map(|(i, raw)| decode_template(raw.get()).map(|read| read.template).map_err(|e| (i, e))).collect();
    Ok(BackupRead { created_at: backup.created_at, retrospectives, settings: backup.settings, templates })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::{Clock, Register};
    use crate::model::ids::{Id, Replica};
    use crate::model::retrospective::Writer;
    use crate::model::template::Template;

    fn retro(n: u8, title: &str) -> Retrospective {
        let w = Writer::new(Replica(n as u64), 1_000);
        let mut r = Retrospective::new(Id::from_random([n; 16]), Template::Incident, title, &w);
        r.impact = Register::new(format!("impact of {title}"), Clock(2, Replica(n as u64)));
        r.counter = 2;
        r
    }

    #[test]
    fn a_backup_round_trips_its_retrospectives_and_settings() {
        let retros = vec![retro(1, "Checkout outage"), retro(2, "Payment timeouts")];
        let settings = BTreeMap::from([("tracker".to_string(), serde_json::json!({"kind": "github", "base": "https://github.com/org/repo"}))]);
        let template = OwnTemplate::copy_of(Template::Project, Id::from_random([9; 16]), 5);
        let text = encode_backup(&retros, &settings, std::slice::from_ref(&template), 1_764_000_000_000);
        assert!(text.starts_with(r#"{"format":"retrace.backup","schema":1,"#), "{text}");
        let read = decode_backup(&text).unwrap();
        assert_eq!(read.created_at, 1_764_000_000_000);
        assert_eq!(read.retrospectives.into_iter().map(Result::unwrap).collect::<Vec<_>>(), retros);
        assert_eq!(read.settings, settings);
        assert_eq!(read.templates, vec![Ok(template)]);
        let before_templates = text.replacen(r#","templates":["#, r#","old":["#, 1);
        assert!(decode_backup(&before_templates).unwrap().templates.is_empty(), "a backup from before templates has none");
    }

    #[test]
    fn one_damaged_retrospective_is_reported_and_the_others_still_read() {
        let templates =
            [OwnTemplate::copy_of(Template::Project, Id::from_random([9; 16]), 5), OwnTemplate::copy_of(Template::Incident, Id::from_random([8; 16]), 5)];
        let text = encode_backup(&[retro(1, "a"), retro(2, "b")], &BTreeMap::new(), &templates, 0);
        let damaged = text
            .replacen(&format!(r#""format":"retrace.retrospective","schema":{}"#, crate::format::SCHEMA), r#""format":"retrace.retrospective","schema":99"#, 1)
            .replacen(r#""format":"retrace.template","schema":1"#, r#""format":"retrace.template","schema":5"#, 1);
        let read = decode_backup(&damaged).unwrap();
        assert!(matches!(&read.templates[0], Err((0, TemplateFileError::NewerSchema { found: 5 }))));
        assert_eq!(read.templates[1].as_ref().unwrap().kind, Template::Incident);
        assert!(matches!(&read.retrospectives[0], Err((0, FormatError::NewerSchema { found: 99 }))));
        assert_eq!(read.retrospectives[1].as_ref().unwrap().display_title(), "b");
    }

    #[test]
    fn what_is_not_a_backup_says_so() {
        assert!(matches!(decode_backup("{oops"), Err(BackupError::NotJson(_))));
        assert_eq!(decode_backup(&crate::format::encode(&retro(1, "a"))).unwrap_err(), BackupError::NotABackup { found: Some("retrace.retrospective".into()) });
        assert_eq!(decode_backup("{}").unwrap_err(), BackupError::NotABackup { found: None });
        assert_eq!(decode_backup(r#"{"format":"retrace.backup","schema":7}"#).unwrap_err(), BackupError::NewerSchema { found: 7 });
        assert!(matches!(decode_backup(r#"{"format":"retrace.backup","schema":1,"created_at":0,"retrospectives":{}}"#), Err(BackupError::NotJson(_))));
        assert!(decode_backup(r#"{"format":"retrace.backup","schema":0}"#).is_err());
        assert!(BackupError::TooMany { count: 10_001 }.to_string().contains("up to 10000"));
    }
}
