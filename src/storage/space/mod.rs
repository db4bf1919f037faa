//! The team space as this browser keeps it: which folder it is connected to, which stored
//! retrospectives are the team's, what it knows of each one's file, and which have changes
//! the space has not had yet. Kept under `<prefix>space`, so it survives reloads: edits made
//! offline are sent when the space is back, and nothing is lost by closing the page.
//!
//! The team's retrospectives themselves are stored like every other one (one key each), so
//! opening, Insights and Open actions need nothing new. The adapters to reach a space are
//! files of their own here: [`webdav`] (a WebDAV folder).

pub mod folder;
pub mod webdav;

use super::repository::Repository;
use super::{StoreError, StoreOperation};
use crate::domain::i18n::tr;
use crate::domain::sync::choice::Layout;
use crate::domain::sync::engine::Known;
use crate::domain::sync::folder::FolderKnown;
use crate::domain::sync::probe::Guarantees;
use crate::domain::Id;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

const SPACE_FORMAT: &str = "retrace.space";

/// What this browser keeps about its team space.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceRecord {
    format: String,
    /// The WebDAV folder's address, ending in `/`.
    pub address: String,
    /// The team's retrospectives and what is known of each one's file (`None`: not yet in
    /// step, for example moved in while offline).
    #[serde(default)]
    pub retros: BTreeMap<Id, Option<Known>>,
    /// A folder on this computer rather than a WebDAV address: its name, for people (its
    /// handle is kept in IndexedDB, see `space::folder::kept`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// In a folder, what this browser knows of each retrospective's files.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub folder_known: BTreeMap<Id, FolderKnown>,
    /// Team retrospectives with changes the space has not had yet.
    #[serde(default)]
    pub pending: BTreeSet<Id>,
    /// Team retrospectives deleted here, and when: the space gets their tombstone once the
    /// time to undo the deletion has passed.
    #[serde(default)]
    pub deleting: BTreeMap<Id, i64>,
    /// Each team retrospective's stored fingerprint when it was last in step (see
    /// `Repository::written`): a different one means it changed here since, by any path.
    #[serde(default)]
    pub local: BTreeMap<Id, u64>,
    /// A WebDAV space's layout, as its record in the space says (`None`: not known yet, as
    /// for a space connected by an older Retrace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// What the WebDAV server was found to guarantee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<Guarantees>,
    /// The server's answers stopped making sense, or another member changed the layout:
    /// find out again before the next sync.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relearn: bool,
}

impl SpaceRecord {
    /// A fresh record for the folder at `address`.
    pub fn new(address: &str) -> SpaceRecord {
        SpaceRecord { format: SPACE_FORMAT.into(), address: address.into(), ..SpaceRecord::default() }
    }

    /// A fresh record for a folder on this computer called `name`.
    pub fn folder(name: &str) -> SpaceRecord {
        SpaceRecord { format: SPACE_FORMAT.into(), folder: Some(name.into()), ..SpaceRecord::default() }
    }
}

impl Repository {
    fn space_key(&self) -> String {
        format!("{}space", self.prefix())
    }

    /// The team space this browser is connected to: `Ok(None)` when none, `Err` when the
    /// stored record cannot be read (it is then left as it is, and no space is used).
    pub fn space_record(&self) -> Result<Option<SpaceRecord>, String> {
        let Some(stored) = self.store.get_value(&self.space_key()).map_err(|e| e.to_string())? else { return Ok(None) };
        let unreadable = || tr("The team space settings in this browser cannot be read; they are left as they are.").to_string();
        let value = stored.map_err(|_| unreadable())?;
        match serde_json::from_value::<SpaceRecord>(value) {
            Ok(record) if record.format == SPACE_FORMAT => Ok(Some(record)),
            _ => Err(unreadable()),
        }
    }

    /// Keeps `record`. Never writes over a record that cannot be read.
    pub fn set_space_record(&self, record: &SpaceRecord) -> Result<(), StoreError> {
        if self.store.get(&self.space_key())?.is_some() && self.space_record().is_err() {
            return Err(StoreError::Failed { operation: StoreOperation::Writing, detail: tr("the stored team space settings cannot be read").into() });
        }
        let value = serde_json::to_value(record).map_err(|e| StoreError::Failed { operation: StoreOperation::Writing, detail: e.to_string() })?;
        self.store.set_value(&self.space_key(), &value)
    }

    /// Disconnects: the record goes, the team's retrospectives stay stored in this browser.
    pub fn forget_space(&self) -> Result<(), StoreError> {
        self.store.remove(&self.space_key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::memory::MemoryStore;
    use crate::storage::KeyValueStore;
    use std::rc::Rc;

    #[test]
    fn the_record_round_trips_and_an_unreadable_one_is_kept() {
        let store = MemoryStore::new();
        let repo = Repository::new(Rc::new(store.clone()), "retrace:");
        assert_eq!(repo.space_record(), Ok(None));
        let mut record = SpaceRecord::new("http://127.0.0.1/space/");
        record.retros.insert(Id::from_random([3; 16]), None);
        record.pending.insert(Id::from_random([3; 16]));
        repo.set_space_record(&record).unwrap();
        assert_eq!(repo.space_record(), Ok(Some(record.clone())));
        store.set("retrace:space", "{not json").unwrap();
        assert!(repo.space_record().is_err());
        assert!(repo.set_space_record(&record).is_err());
        assert_eq!(store.get("retrace:space").unwrap().as_deref(), Some("{not json"));
    }
}
