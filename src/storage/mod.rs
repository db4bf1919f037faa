//! Storage: retrospectives as whole documents under one key prefix.
//!
//! [`Repository`] holds the rules (key layout, index, quarantine of unreadable values,
//! read-merge-write) over any [`KeyValueStore`]; [`local::LocalStore`] is the thin browser
//! adapter and [`memory::MemoryStore`] the in-memory one used when storage is blocked and in tests.
//!
//! Layout under the prefix (default `retrace:`):
//! - `retro:<uuid>` — one retrospective document per key (see `domain::format`);
//! - `index` — summaries for the home screen, with each value's length and hash to spot values
//!   written behind it;
//! - `settings` — this browser profile's replica id;
//! - `backup` — when the last backup was made and how often to remind.

mod backup;
mod drafts;
mod index;
mod insights;
pub mod local;
pub mod memory;
mod repository;
pub mod space;
mod templates;

pub use backup::{BackupReminder, MadeBackup};
pub use insights::{Digests, Pressure, StorageUse};
pub use repository::{DamagedEntry, Listing, LoadError, Opened, Repository, SaveError, Saved, UpdateError};
pub use templates::TemplateListing;

use crate::domain::i18n::tr;
use crate::domain::tf;
use std::fmt;

/// A string key-value store with the failure modes of `localStorage`.
///
/// Documents and the index are text (the one serialised format, written by `domain::format`);
/// small typed values such as this browser's settings are JSON values ([`Self::get_value`]).
pub trait KeyValueStore {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` and its value.
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;

    /// The JSON value under `key`: `None` when there is none, `Some(Err(why))` when what is
    /// there is not JSON (it is then left for the caller to keep, never overwritten blindly).
    fn get_value(&self, key: &str) -> Result<Option<Result<serde_json::Value, String>>, StoreError> {
        Ok(self.get(key)?.map(|text| serde_json::from_str(&text).map_err(|e| e.to_string())))
    }

    /// Stores `value` under `key` as JSON text.
    fn set_value(&self, key: &str, value: &serde_json::Value) -> Result<(), StoreError> {
        self.set(key, &value.to_string())
    }

    /// The length of the value under `key` in UTF-16 code units (JavaScript's `length`),
    /// without handing the value over: the home screen checks a hundred values against the
    /// index this way on every start.
    fn text_len(&self, key: &str) -> Result<Option<usize>, StoreError> {
        Ok(self.get(key)?.map(|v| utf16_len(&v)))
    }
}

/// The UTF-16 length of `text`: one unit per character, two for those outside the BMP.
pub fn utf16_len(text: &str) -> usize {
    // Counting bytes is much cheaper than decoding characters: every byte that is not a
    // continuation byte starts a character, and four-byte characters need a surrogate pair.
    // Eight ASCII bytes at a time are eight units: the common case takes one test.
    fn units(bytes: &[u8]) -> usize {
        bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
    }
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        count += if word & 0x8080_8080_8080_8080 == 0 { 8 } else { units(chunk) };
    }
    count + units(chunks.remainder())
}

/// What a store was asked to do when it failed, so a message can say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreOperation {
    /// `getItem`.
    Reading,
    /// `setItem`.
    Writing,
    /// `removeItem`.
    Removing,
    /// `key(i)` over the store.
    ListingKeys,
}

/// Why the store could not do what it was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is blocked, disabled or throws on access.
    Unavailable(Unusable),
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    /// Any other failure of one operation, with the browser's own words.
    Failed {
        /// What the store was asked to do.
        operation: StoreOperation,
        /// The browser's own words.
        detail: String,
    },
}

/// Why local storage cannot be used at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// Retrace's own words: an English message (marked with `n_`), translated when shown, so
    /// that a banner said again after a language switch is in the new language.
    Ours(&'static str),
    /// The browser's own words, shown as they are.
    Browser(String),
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unusable::Ours(message) => f.write_str(tr(message)),
            Unusable::Browser(words) => f.write_str(words),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => f.write_str(&tf!("This browser does not let Retrace use local storage ({reason}).", reason = why)),
            StoreError::QuotaExceeded => f.write_str(tr("The browser's storage for this site is full.")),
            // One whole sentence per operation: the words around the detail differ by language.
            StoreError::Failed { operation, detail } => f.write_str(&match operation {
                StoreOperation::Reading => tf!("Reading from local storage failed: {detail}.", detail = detail),
                StoreOperation::Writing => tf!("Saving to local storage failed: {detail}.", detail = detail),
                StoreOperation::Removing => tf!("Removing from local storage failed: {detail}.", detail = detail),
                StoreOperation::ListingKeys => tf!("Listing what is in local storage failed: {detail}.", detail = detail),
            }),
        }
    }
}

impl std::error::Error for StoreError {}

#[cfg(test)]
mod tests {
    use super::{utf16_len, StoreError, StoreOperation};

    #[test]
    fn failures_say_which_operation_failed() {
        let failed = |operation| StoreError::Failed { operation, detail: "UnknownError: disk I/O".into() }.to_string();
        assert_eq!(failed(StoreOperation::Reading), "Reading from local storage failed: UnknownError: disk I/O.");
        assert!(failed(StoreOperation::Writing).starts_with("Saving to local storage failed"));
        assert!(failed(StoreOperation::Removing).starts_with("Removing from local storage failed"));
        assert!(failed(StoreOperation::ListingKeys).starts_with("Listing what is in local storage failed"));
    }

    #[test]
    fn utf16_length_counts_like_javascript() {
        for text in [
            "",
            "plain",
            "naïve café",
            "日本語",
            "emoji 🚒 and 𝄞",
            "\u{10FFFF}\u{FFFF}\u{80}\u{7FF}\u{800}",
            "ascii, then more than eight bytes: ü, 𝄞, 日本語 and a tail",
        ] {
            assert_eq!(utf16_len(text), text.encode_utf16().count(), "{text}");
        }
    }
}
