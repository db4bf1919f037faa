//! An in-memory [`KeyValueStore`]: the fallback when browser storage is unavailable, and the
//! store tests use, with switches to make it fail the way `localStorage` can.

use super::{KeyValueStore, StoreError};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Cloning shares the same contents, so a test can keep a handle while the app uses another.
#[derive(Clone, Default)]
pub struct MemoryStore {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Default)]
struct Inner {
    values: BTreeMap<String, String>,
    failure: Option<Failure>,
    /// How often each key was read, for tests of what a save reads.
    reads: BTreeMap<String, usize>,
}

/// How the store misbehaves, for tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Every write fails with a quota error; reads work.
    QuotaOnWrite,
    /// Every access fails, as when storage is blocked.
    EveryAccess,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Test helper: how often `key` has been read.
    #[cfg(test)]
    pub fn reads_of(&self, key: &str) -> usize {
        self.inner.borrow().reads.get(key).copied().unwrap_or(0)
    }

    /// Test helper: makes every later call misbehave as `failure` says (`None` to stop).
    #[cfg(test)]
    pub fn fail_with(&self, failure: Option<Failure>) {
        self.inner.borrow_mut().failure = failure;
    }

    fn check(&self, write: bool) -> Result<(), StoreError> {
        match self.inner.borrow().failure {
            Some(Failure::EveryAccess) => Err(StoreError::Unavailable(super::Unusable::Browser("access denied".into()))),
            Some(Failure::QuotaOnWrite) if write => Err(StoreError::QuotaExceeded),
            _ => Ok(()),
        }
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check(false)?;
        let mut inner = self.inner.borrow_mut();
        *inner.reads.entry(key.to_string()).or_default() += 1;
        Ok(inner.values.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check(true)?;
        self.inner.borrow_mut().values.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.check(true)?;
        self.inner.borrow_mut().values.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check(false)?;
        Ok(self.inner.borrow().values.keys().cloned().collect())
    }
}
