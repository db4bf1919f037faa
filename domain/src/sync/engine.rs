//! Keeping one team retrospective in step with its file in a space that writes conditionally
//! (WebDAV): read → merge → write if still at the version read → on conflict, again. It
//! converges because the merge does: whatever order the writers win in, each write holds
//! everything its writer had read, and a lost write only costs another round.
//!
//! The loop never writes over a file it could not read (damaged, newer schema, deleted), and
//! it never holds a copy of a document across a wait: the page may be typed into meanwhile,
//! so it asks [`Replicas`] for the current copy each time it needs one.

use super::layout::{file_name, fingerprint, read_space_file, space_text, SpaceFile};
use super::store::{Condition, Pause, SpaceError, SpaceStore, Version};
use crate::change::merge::MergeReport;
use crate::format::FormatError;
use crate::model::ids::Id;
use crate::model::retrospective::Retrospective;
use serde::{Deserialize, Serialize};

/// Attempts before one sync gives up for now (the caller tries again on its next round).
pub const MAX_ATTEMPTS: u32 = 10;
/// The first pause after a conflict; doubled per attempt up to [`MAX_PAUSE_MS`].
pub const FIRST_PAUSE_MS: u32 = 200;
/// The longest pause between two attempts of one sync.
pub const MAX_PAUSE_MS: u32 = 3_200;
/// How long to wait before reading a file again whose version was weak: Apache hands out a
/// weak ETag for a file changed within the last second, and a conditional write never
/// matches one. A little over a second later the same file has a strong one.
pub const WEAK_PAUSE_MS: u32 = 1_100;

/// This browser's copies of the team's retrospectives: the open page's document when it is
/// open, storage otherwise. The sync reads and merges through it and never holds a copy.
pub trait Replicas {
    /// The copy this browser holds now, if any.
    fn current(&self, id: Id) -> Option<Retrospective>;
    /// Merges `theirs` into this browser's copy (taking it as it is when there is none) and
    /// keeps the result; returns what came in. An `Err` is a local failure in words (storage
    /// full): nothing is written to the space then.
    fn merge_in(&self, theirs: &Retrospective) -> Result<MergeReport, String>;
}

/// What this browser knows of a file in the space, kept between page loads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    /// The version last read or written; `None` when a write's answer did not say.
    pub version: Option<Version>,
    /// The fingerprint of what that version holds, as this build writes it.
    pub synced: u64,
}

/// A sync that ended well.
#[derive(Debug, PartialEq)]
pub enum Synced {
    /// In step with the space.
    InStep {
        /// What this browser now knows of the file.
        known: Known,
        /// What others had written that came in (empty when nothing did).
        merged: MergeReport,
        /// Whether this browser wrote the file.
        wrote: bool,
        /// Conflicts met on the way (someone wrote first, or the version was weak).
        conflicts: u32,
    },
    /// The file is a tombstone: the retrospective was deleted in the space.
    Deleted,
}

/// Why a sync stopped without being in step. Nothing this browser holds is dropped.
#[derive(Debug, PartialEq)]
pub enum SyncError {
    /// The space refused or could not be reached.
    Space(SpaceError),
    /// The file cannot be read: it is left exactly as it is.
    Damaged(FormatError),
    /// The file was written by a newer Retrace (schema): left as it is.
    Newer(u64),
    /// This browser holds no copy and the space has no file.
    NothingToSync,
    /// This browser could not keep what it merged.
    Local(String),
    /// Others kept writing first for [`MAX_ATTEMPTS`] rounds; the next round goes on.
    Busy,
}

impl From<SpaceError> for SyncError {
    fn from(e: SpaceError) -> Self {
        SyncError::Space(e)
    }
}

/// Brings retrospective `id` and its file in step. `known` is what this browser knew of the
/// file; `remote_changed` says a listing showed another version, so the file is read first.
pub async fn sync_retro(
    store: &dyn SpaceStore,
    pause: &dyn Pause,
    replicas: &dyn Replicas,
    id: Id,
    known: Option<Known>,
    remote_changed: bool,
) -> Result<Synced, SyncError> {
    let name = file_name(id);
    let mut known = known;
    // Nothing known yet and nothing seen in a listing: a new retrospective, most likely, so
    // the first try is to create the file (a conflict then reads and merges as usual).
    let mut must_read = remote_changed || known.as_ref().is_some_and(|k| k.version.is_none());
    let mut merged = MergeReport::default();
    let mut conflicts = 0;
    let mut wait = FIRST_PAUSE_MS;
    for _ in 0..MAX_ATTEMPTS {
        if must_read {
            match store.get(&name).await? {
                None => known = None,
                Some(fetched) => match read_space_file(&fetched.text, id) {
                    SpaceFile::Retro(theirs) => {
                        merged.absorb(replicas.merge_in(&theirs).map_err(SyncError::Local)?);
                        known = Some(Known { version: fetched.version, synced: fingerprint(&space_text(&theirs)) });
                    }
                    SpaceFile::Deleted(_) => return Ok(Synced::Deleted),
                    SpaceFile::Newer(schema) => return Err(SyncError::Newer(schema)),
                    SpaceFile::Damaged(e) => return Err(SyncError::Damaged(e)),
                },
            }
        }
        let Some(mine) = replicas.current(id) else {
            return match known {
                Some(known) => Ok(Synced::InStep { known, merged, wrote: false, conflicts }),
                None => Err(SyncError::NothingToSync),
            };
        };
        let text = space_text(&mine);
        let print = fingerprint(&text);
        let condition = match &known {
            Some(k) if k.synced == print => return Ok(Synced::InStep { known: k.clone(), merged, wrote: false, conflicts }),
            Some(Known { version: Some(version), .. }) if version.is_weak() => {
                // A write would only be refused: read it again once it has a strong version.
                conflicts += 1;
                must_read = true;
                pause.pause(WEAK_PAUSE_MS).await;
                continue;
            }
            Some(Known { version: Some(version), .. }) => Condition::At(version.clone()),
            // Written by us, version not told: read to learn it (and whether anyone wrote since).
            Some(Known { version: None, .. }) => {
                must_read = true;
                continue;
            }
            None => Condition::Absent,
        };
        match store.put(&name, text, condition).await {
            Ok(version) => return Ok(Synced::InStep { known: Known { version, synced: print }, merged, wrote: true, conflicts }),
            Err(SpaceError::Conflict) => {
                conflicts += 1;
                must_read = true;
                pause.pause(wait).await;
                wait = (wait * 2).min(MAX_PAUSE_MS);
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(SyncError::Busy)
}

/// Writes a tombstone over retrospective `id`'s file, so the deletion reaches everyone. Like
/// every write it is conditional: a file that cannot be read is not written over, and one
/// written meanwhile is read (to be sure it is still a retrospective) before the next try.
pub async fn delete_retro(store: &dyn SpaceStore, pause: &dyn Pause, id: Id, now_ms: i64) -> Result<(), SyncError> {
    let name = file_name(id);
    let tombstone = super::layout::Tombstone::new(id, now_ms).encode();
    let mut wait = FIRST_PAUSE_MS;
    for _ in 0..MAX_ATTEMPTS {
        let condition = match store.get(&name).await? {
            None => Condition::Absent,
            Some(fetched) => match read_space_file(&fetched.text, id) {
                SpaceFile::Deleted(_) => return Ok(()),
                SpaceFile::Damaged(e) => return Err(SyncError::Damaged(e)),
                SpaceFile::Newer(schema) => return Err(SyncError::Newer(schema)),
                SpaceFile::Retro(_) => match fetched.version {
                    Some(version) if !version.is_weak() => Condition::At(version),
                    _ => {
                        pause.pause(WEAK_PAUSE_MS).await;
                        continue;
                    }
                },
            },
        };
        match store.put(&name, tombstone.clone(), condition).await {
            Ok(_) => return Ok(()),
            Err(SpaceError::Conflict) => {
                pause.pause(wait).await;
                wait = (wait * 2).min(MAX_PAUSE_MS);
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(SyncError::Busy)
}
