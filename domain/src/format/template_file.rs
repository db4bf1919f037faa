//! An own template as it is written: the storage value, the file people pass around and the
//! entry in a backup are the same JSON, `{"format":"retrace.template","schema":1,…fields}`.
//!
//! A template file comes from anywhere, so reading it checks the marker first (a retrospective
//! or a backup dropped on the wrong button is told as such), bounds its size, and brings what
//! it holds within the editor's limits ([`OwnTemplate::tidy`]) instead of refusing it.

use crate::i18n::tr;
use crate::model::own_template::OwnTemplate;
use crate::tf;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` marker of a template.
pub const TEMPLATE_FORMAT: &str = "retrace.template";
/// The template schema this build writes and the newest it reads.
pub const TEMPLATE_SCHEMA: u64 = 1;
/// Bytes of a template file: a full template with every starter list filled is under 400 KB.
pub const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;

/// Why a text is not a template this build can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateFileError {
    /// Longer than [`MAX_TEMPLATE_BYTES`].
    TooLarge {
        /// Its length in bytes.
        bytes: usize,
    },
    /// Not JSON, or JSON without the shape of a template; the parser's words.
    NotJson(String),
    /// JSON, but not a Retrace template; its own `format` marker, if any.
    NotATemplate {
        /// The document's `format` value, shortened.
        found: Option<String>,
    },
    /// Written by a newer build.
    NewerSchema {
        /// Its schema version.
        found: u64,
    },
}

impl fmt::Display for TemplateFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            TemplateFileError::TooLarge { bytes } => {
                tf!("This file is {size} KB; Retrace reads templates up to {limit} KB.", size = bytes / 1024, limit = MAX_TEMPLATE_BYTES / 1024)
            }
            TemplateFileError::NotJson(detail) => tf!("This is not a readable template ({detail}). It may be truncated or damaged.", detail = detail),
            TemplateFileError::NotATemplate { found: Some(f2) } if f2 == crate::format::FORMAT => {
                tr("This is a retrospective, not a template. Use “Import a file” on the home screen to open it.").to_string()
            }
            TemplateFileError::NotATemplate { found: Some(other) } => tf!("This is a “{other}” document, not a Retrace template.", other = other),
            TemplateFileError::NotATemplate { found: None } => tr("This JSON is not a Retrace template (it has no template format marker).").to_string(),
            TemplateFileError::NewerSchema { found } => {
                tf!("This template was saved by a newer version of Retrace (template schema {found}; this version reads up to {schema}). Update Retrace to use it.", found = found, schema = TEMPLATE_SCHEMA)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for TemplateFileError {}

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    schema: u64,
    #[serde(flatten)]
    template: &'a OwnTemplate,
}

#[derive(Deserialize)]
struct Marker {
    format: Option<serde_json::Value>,
    schema: Option<serde_json::Value>,
}

/// A template read, and what had to change to bring it within the limits (see [`OwnTemplate::tidy`]).
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateRead {
    /// The template, within the limits.
    pub template: OwnTemplate,
    /// What was shortened or filled in, in words; empty for a file this build wrote.
    pub tidied: Vec<&'static str>,
}

/// Writes `template` as its file, stored value and backup entry.
pub fn encode_template(template: &OwnTemplate) -> String {
    let out = Out { format: TEMPLATE_FORMAT, schema: TEMPLATE_SCHEMA, template };
    serde_json::to_string(&out).expect("a template always serialises: its map keys are strings")
}

/// Reads a template from a file, a stored value or a backup entry.
pub fn decode_template(text: &str) -> Result<TemplateRead, TemplateFileError> {
    // The marker first, so a large retrospective or backup is told as such, not as too large.
    let marker: Marker = serde_json::from_str(text).map_err(|e| TemplateFileError::NotJson(e.to_string()))?;
    match marker.format {
        Some(serde_json::Value::String(f)) if f == TEMPLATE_FORMAT => {}
        Some(serde_json::Value::String(other)) => return Err(TemplateFileError::NotATemplate { found: Some(other.chars().take(60).collect()) }),
        _ => return Err(TemplateFileError::NotATemplate { found: None }),
    }
    match marker.schema.as_ref().and_then(serde_json::Value::as_u64) {
        Some(found) if found > TEMPLATE_SCHEMA => return Err(TemplateFileError::NewerSchema { found }),
        Some(found) if found >= 1 => {}
        _ => return Err(TemplateFileError::NotJson(tr("it has no valid schema version").to_string())),
    }
    if text.len() > MAX_TEMPLATE_BYTES {
        return Err(TemplateFileError::TooLarge { bytes: text.len() });
    }
    let mut template: OwnTemplate = serde_json::from_str(text).map_err(|e| TemplateFileError::NotJson(e.to_string()))?;
    let tidied = template.tidy();
    Ok(TemplateRead { template, tidied })
}

/// The file name a template is exported under: its name in lower case, letters and digits kept.
pub fn template_file_name(template: &OwnTemplate) -> String {
    let mut stem = String::new();
    for c in template.name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    format!("{}.retrace-template.json", if stem.is_empty() { "template" } else { stem })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::Id;
    use crate::model::steps::Step;
    use crate::model::template::Template;

    fn sample() -> OwnTemplate {
        let mut t = OwnTemplate::copy_of(Template::Project, Id::from_random([4; 16]), 77);
        t.name = "Sprint review: “what slipped”".into();
        t.starters.actions = vec!["Check the definition of done".into()];
        t.timeboxes.insert(Step::Why, 30);
        t
    }

    #[test]
    fn a_template_round_trips_with_its_marker() {
        let t = sample();
        let text = encode_template(&t);
        assert!(text.starts_with(r#"{"format":"retrace.template","schema":1,"id":"#), "{text}");
        let read = decode_template(&text).unwrap();
        assert_eq!(read.template, t);
        assert!(read.tidied.is_empty());
        assert_eq!(template_file_name(&t), "sprint-review-what-slipped.retrace-template.json");
    }

    #[test]
    fn other_documents_and_broken_files_are_told_apart() {
        let text = encode_template(&sample());
        assert!(matches!(decode_template(&text[..text.len() - 4]), Err(TemplateFileError::NotJson(_))));
        let newer = text.replacen(r#""schema":1"#, r#""schema":9"#, 1);
        assert_eq!(decode_template(&newer), Err(TemplateFileError::NewerSchema { found: 9 }));
        let retro = r#"{"format":"retrace.retrospective","schema":7}"#;
        let err = decode_template(retro).unwrap_err();
        assert!(err.to_string().contains("a retrospective, not a template"), "{err}");
        assert!(matches!(decode_template("[]"), Err(TemplateFileError::NotJson(_))));
        assert!(matches!(decode_template(r#"{"schema":1}"#), Err(TemplateFileError::NotATemplate { found: None })));
        let huge = format!(r#"{{"format":"retrace.template","schema":1,"name":"{}"}}"#, "x".repeat(MAX_TEMPLATE_BYTES));
        assert!(matches!(decode_template(&huge), Err(TemplateFileError::TooLarge { .. })));
        let wrong_shape = text.replacen(r#""categories":["#, r#""categories":[7,"#, 1);
        assert!(matches!(decode_template(&wrong_shape), Err(TemplateFileError::NotJson(_))));
    }

    #[test]
    fn a_hostile_template_is_brought_within_the_limits_and_says_so() {
        let mut t = sample();
        t.name = "x".repeat(10_000);
        t.categories.clear();
        let read = decode_template(&encode_template(&t)).unwrap();
        assert_eq!(read.template.name.chars().count(), crate::model::own_template::NAME_MAX);
        assert_eq!(read.template.categories, Template::Project.suggested_categories());
        assert_eq!(read.tidied.len(), 2, "{:?}", read.tidied);
    }
}
