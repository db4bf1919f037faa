//! Every way reading a document can fail, each with a message that tells a person what to do.

use super::document::SCHEMA;
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
        match self {
            FormatError::TooLarge { bytes, limit } => {
                write!(f, "This file is {:.1} MB; Retrace reads retrospectives up to {:.0} MB.", *bytes as f64 / 1_048_576.0, *limit as f64 / 1_048_576.0)
            }
            FormatError::NotJson(detail) => write!(f, "This is not valid JSON ({detail}). It may be truncated or damaged."),
            FormatError::NotRetrace { found: Some(other) } => {
                write!(f, "This is a “{other}” document, not a Retrace retrospective.")
            }
            FormatError::NotRetrace { found: None } => write!(f, "This JSON is not a Retrace retrospective (it has no Retrace format marker)."),
            FormatError::NewerSchema { found } => write!(
                f,
                "This retrospective was saved by a newer version of Retrace (schema {found}; this version reads up to {SCHEMA}). Update Retrace to open it."
            ),
            FormatError::BadSchema => write!(f, "This retrospective has no valid schema version."),
            FormatError::OverLimit(what) => write!(f, "This retrospective is outside Retrace's limits: {what}."),
            FormatError::Invalid(detail) => write!(f, "This retrospective has a value Retrace cannot read: {detail}."),
        }
    }
}

impl std::error::Error for FormatError {}
