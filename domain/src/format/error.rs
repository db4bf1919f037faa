//! Every way reading a document can fail, each with a message that tells a person what to do.

use super::document::SCHEMA;
use crate::i18n::{decimal, tr};
use crate::tf;
use std::fmt;

/// Why a text is not a retrospective this build can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The text is longer than [`Limits::max_bytes`](super::Limits::max_bytes).
    TooLarge {
        /// The text's length in bytes.
        bytes: usize,
        /// The most this reader accepts.
        limit: usize,
    },
    /// Not JSON at all; the parser's words.
    NotJson(String),
    /// JSON, but not a Retrace retrospective; `found` is its own `format` marker, if any.
    NotRetrace {
        /// The document's `format` value, shortened.
        found: Option<String>,
    },
    /// Written by a newer build; `found` is its schema version.
    NewerSchema {
        /// The document's schema version.
        found: u64,
    },
    /// The `schema` is missing, zero or not a number.
    BadSchema,
    /// A limit is broken; says which.
    OverLimit(String),
    /// A value of the wrong type or shape; the reader's words.
    Invalid(String),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            FormatError::TooLarge { bytes, limit } => {
                let (size, limit) = (decimal(*bytes as f64 / 1_048_576.0, 1), decimal(*limit as f64 / 1_048_576.0, 0));
                tf!("This file is {size} MB; Retrace reads retrospectives up to {limit} MB.", size = size, limit = limit)
            }
            FormatError::NotJson(detail) => tf!("This is not valid JSON ({detail}). It may be truncated or damaged.", detail = detail),
            FormatError::NotRetrace { found: Some(other) } => tf!("This is a “{other}” document, not a Retrace retrospective.", other = other),
            FormatError::NotRetrace { found: None } => tr("This JSON is not a Retrace retrospective (it has no Retrace format marker).").to_string(),
            FormatError::NewerSchema { found } => {
                tf!("This retrospective was saved by a newer version of Retrace (schema {found}; this version reads up to {schema}). Update Retrace to open it.", found = found, schema = SCHEMA)
            }
            FormatError::BadSchema => tr("This retrospective has no valid schema version.").to_string(),
            FormatError::OverLimit(what) => tf!("This retrospective is outside Retrace's limits: {what}.", what = what),
            FormatError::Invalid(detail) => tf!("This retrospective has a value Retrace cannot read: {detail}.", detail = detail),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for FormatError {}
