//! One round of syncing a space kept a file per writer (`domain::sync::folder`): a folder on
//! this computer (picked, or the origin-private file system), or a WebDAV server that does
//! not compare and swap (`domain::sync::choice`). List it, merge every writer's file that
//! changed, write this page's own file for each team retrospective with news, fold old files
//! away.

use super::{Round, TeamSpace};
use crate::domain::sync::engine::SyncError;
use crate::domain::sync::folder::{delete_folder_retro, files_of, sync_folder_retro, FolderSynced};
use crate::domain::sync::layout::{parse_file_name, FileName};
use crate::domain::sync::store::{SpaceError, SpaceStore};
use crate::domain::Id;
use crate::storage::space::folder::{permission, FolderStore};
use crate::storage::space::webdav::WebDavStore;
use crate::storage::space::SpaceRecord;
use crate::ui::platform::now_ms;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// A folder on this computer, once the browser still lets this page use it.
pub(super) async fn round(space: TeamSpace, record: &SpaceRecord, store: &FolderStore, deletions: &[Id], local_changes: Vec<Id>) -> Round {
    if !permission(store.dir(), false).await {
        let _ = space.needs_permission.try_set(true);
        return Round::failing(SpaceError::PermissionNeeded);
    }
    per_writer(space, record, store, deletions, local_changes).await
}

/// A WebDAV folder whose server does not compare and swap.
pub(super) async fn round_webdav(space: TeamSpace, record: &SpaceRecord, deletions: &[Id], local_changes: Vec<Id>) -> Round {
    per_writer(space, record, &WebDavStore::new(&record.address), deletions, local_changes).await
}

async fn per_writer(space: TeamSpace, record: &SpaceRecord, store: &dyn SpaceStore, deletions: &[Id], local_changes: Vec<Id>) -> Round {
    let mut outcome = Round::default();
    let me = space.writer_name();
    let now = now_ms();
    for id in deletions {
        match delete_folder_retro(store, *id, &me, now).await {
            Ok(()) => space.forget(*id),
            Err(e) => outcome.failed(e),
        }
    }
    let listing = match store.list().await {
        Ok(listing) => listing,
        Err(e) => {
            outcome.failed(SyncError::Space(e));
            return outcome;
        }
    };
    // Every retrospective with a file this page has not merged at its version, and every
    // team retrospective with news here.
    let mut work: BTreeSet<Id> = record.pending.iter().copied().chain(local_changes).collect();
    for file in &listing {
        let id = match parse_file_name(&file.name) {
            Some(FileName::WriterFile { id, .. } | FileName::Retro(id)) => id,
            None => continue,
        };
        let seen = record.folder_known.get(&id).and_then(|k| k.seen.get(&file.name));
        if seen != Some(&file.version) {
            work.insert(id);
        }
    }
    // Joined by a link but not stored here yet: fetched if the folder has it, forgotten if not.
    for id in record.retros.keys() {
        if !record.folder_known.contains_key(id) && !space.app.repo.try_with_value(|r| r.contains(*id)).unwrap_or(true) {
            work.insert(*id);
        }
    }
    let mut unreadable = vec![];
    for id in work {
        if record.deleting.contains_key(&id) {
            continue;
        }
        let _ = space.status.try_set(Some(crate::domain::sync::status::SyncStatus::Syncing));
        let known = space.record().and_then(|r| r.folder_known.get(&id).cloned()).unwrap_or_default();
        let replicas = super::PageReplicas { space };
        match sync_folder_retro(store, &replicas, id, &me, &files_of(&listing, id), known, now).await {
            Ok(FolderSynced::InStep { known, merged, unreadable: bad, .. }) => {
                unreadable.extend(bad);
                space.in_step(id, &merged, &mut outcome, |r| {
                    r.folder_known.insert(id, known);
                });
            }
            Ok(FolderSynced::Deleted) => space.deleted_there(id, &mut outcome),
            Err(e) => space.sync_failed(id, e, &mut outcome),
        }
    }
    outcome.damaged = Some(unreadable.into_iter().map(|(name, problem)| super::SpaceDamage { name, problem }).collect());
    outcome
}
