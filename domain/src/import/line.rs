//! What every import format yields: one line of a chat or log, and what can go wrong.

use super::zone::Stamp;
use crate::i18n::{decimal, tr};
use crate::tf;
use std::fmt;

/// Longest text kept of one message; the rest is cut with "…" (a timeline entry is a fact, not
/// a transcript).
pub const MAX_TEXT_CHARS: usize = 2_000;

/// One message or log line, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct ChatLine {
    /// When it says it happened.
    pub stamp: Stamp,
    /// Who wrote it, when the format says. Not copied into entries unless asked for.
    pub author: Option<String>,
    /// The message as readable text.
    pub text: String,
    /// Where it came from, kept as the entry's evidence: a permalink when the export has one,
    /// else the format and the line or message.
    pub source: String,
    /// A join, a leave, a bot or system notice: listed, but not picked by default.
    pub noise: bool,
    /// The source of the message this one replies to in a thread.
    pub thread_of: Option<String>,
}

impl ChatLine {
    /// A message with its text trimmed and bounded.
    pub fn message(stamp: Stamp, author: Option<&str>, text: &str, source: String) -> ChatLine {
        let text = text.trim();
        let text = if text.chars().count() > MAX_TEXT_CHARS { text.chars().take(MAX_TEXT_CHARS).collect::<String>() + "…" } else { text.to_string() };
        ChatLine { stamp, author: author.map(str::to_string), text, source, noise: false, thread_of: None }
    }
}

/// Why a text could not be imported. Nothing is changed when this comes back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// No supported format matches; the message shows what a supported line looks like.
    NoFormat,
    /// The format is clear, but the content is damaged; says what is wrong.
    Damaged(String),
    /// Larger than an import may be.
    TooLarge {
        /// The text's length in bytes.
        bytes: usize,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NoFormat => f.write_str(tr("Retrace could not tell what kind of chat or log this is. It reads lines such as “[14:02] <sam> paging the DB team”, “2024-03-04 14:02:11 deploy started”, text copied from Slack or Teams, Slack and Matrix exports, and CSV files with a time and a text column.")),
            ImportError::Damaged(what) => f.write_str(&tf!("This import is damaged: {problem}. Nothing was added.", problem = what)),
            ImportError::TooLarge { bytes } => {
                f.write_str(&tf!("This is {size} MB; Retrace imports chats and logs up to 20 MB.", size = decimal(*bytes as f64 / 1_048_576.0, 1)))
            }
        }
    }
}

impl std::error::Error for ImportError {}
