//! Storage: retrospectives as whole documents under one key prefix.
//!
//! [`Repository`] holds the rules (key layout, index, quarantine of unreadable values,
//! read-merge-write) over any [`KeyValueStore`]; [`local::LocalStore`] is the thin browser
//! adapter and [`memory::MemoryStore`] the in-memory one used when storage is blocked and in tests.
//!
//! Layout under the prefix (default `retrace:`):
//! - `retro:<uuid>` — one retrospective document per key (see `domain::format`);
//! - `index` — summaries for the home screen, with each value's length to spot stale entries;
//! - `settings` — this browser profile's replica id.

pub mod local;
pub mod memory;
mod repository;

pub use repository::{DamagedEntry, Listing, LoadError, Repository, SaveError, Saved};

use std::fmt;

/// A string key-value store with the failure modes of `localStorage`.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is blocked, disabled or throws on access.
    Unavailable(String),
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(f, "This browser does not let Retrace use local storage ({why})."),
            StoreError::QuotaExceeded => write!(f, "The browser's storage for this site is full."),
            StoreError::Failed(why) => write!(f, "Saving failed: {why}."),
        }
    }
}

impl std::error::Error for StoreError {}
