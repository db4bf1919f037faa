//! One round of syncing with a WebDAV folder: tombstones for deletions that are due, a `HEAD`
//! on the open team retrospective's file, a listing when one is due, then each retrospective
//! with news on either side through `domain::sync::engine::sync_retro`.

use super::{BrowserPause, Round, SpaceDamage, TeamSpace};
use crate::domain::i18n::tr;
use crate::domain::sync::engine::{delete_retro, sync_retro, SyncError, Synced};
use crate::domain::sync::layout::{file_name, parse_file_name, FileName};
use crate::domain::sync::store::SpaceStore;
use crate::domain::Id;
use crate::storage::space::webdav::WebDavStore;
use crate::storage::space::SpaceRecord;
use crate::ui::platform::now_ms;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// What the common part of a round found due.
pub(super) struct Due {
    pub list: bool,
    /// The team retrospective on screen, when its check is due.
    pub open: Option<Id>,
    pub deletions: Vec<Id>,
    /// Team retrospectives with news here (saved since their last sync).
    pub local: Vec<Id>,
}

pub(super) async fn round(space: TeamSpace, record: &SpaceRecord, due: Due) -> Round {
    let store = WebDavStore::new(&record.address);
    let mut outcome = Round::default();
    for id in &due.deletions {
        match delete_retro(&store, &BrowserPause, *id, now_ms()).await {
            // A file that cannot be read is left as it is; the deletion stays here.
            Ok(()) | Err(SyncError::Damaged(_) | SyncError::Newer(_)) => space.forget(*id),
            Err(e) => outcome.failed(e),
        }
    }
    let mut work: Vec<(Id, bool)> = due.local.iter().map(|id| (*id, false)).collect();
    if outcome.error.is_none() {
        if let Some(id) = due.open {
            let known = record.retros.get(&id).cloned().flatten();
            match store.version(&file_name(id)).await {
                Ok(version) => {
                    let changed = match (version, known.and_then(|k| k.version)) {
                        (Some(now), Some(known)) => !now.same_state(&known),
                        (None, _) => false,
                        (Some(_), None) => true,
                    };
                    if changed {
                        work.push((id, true));
                    }
                }
                Err(e) => outcome.failed(SyncError::Space(e)),
            }
        }
    }
    if outcome.error.is_none() && due.list {
        match store.list().await {
            Ok(listed) => {
                // Joined by a link but not in the space (nor stored here): nothing to fetch.
                for (id, known) in &record.retros {
                    if known.is_none()
                        && !listed.iter().any(|f| f.name == file_name(*id))
                        && !space.app.repo.try_with_value(|r| r.contains(*id)).unwrap_or(true)
                    {
                        space.forget(*id);
                    }
                }
                let mut damaged = vec![];
                let limit = crate::domain::format::Limits::default().max_bytes as u64;
                // A writer's own file in a space kept shared: another member found this server
                // does not compare and swap and moved the space to per writer. Follow it.
                if listed.iter().any(|f| matches!(parse_file_name(&f.name), Some(FileName::WriterFile { .. }))) {
                    space.change_record(|r| r.relearn = true);
                }
                for file in listed {
                    let Some(FileName::Retro(id)) = parse_file_name(&file.name) else { continue };
                    if record.deleting.contains_key(&id) {
                        continue;
                    }
                    let known = record.retros.get(&id).cloned().flatten().and_then(|k| k.version);
                    if known.is_some_and(|k| k.same_state(&file.version)) {
                        continue;
                    }
                    if file.size.is_some_and(|size| size > limit) {
                        damaged.push(SpaceDamage { name: file.name, problem: tr("It is larger than Retrace reads.").into() });
                        continue;
                    }
                    work.push((id, true));
                }
                outcome.damaged = Some(damaged);
            }
            Err(e) => outcome.failed(SyncError::Space(e)),
        }
    }
    if outcome.error.is_some() {
        return outcome;
    }
    let mut seen = BTreeSet::new();
    for (id, remote_changed) in work {
        if !seen.insert(id) {
            continue;
        }
        let _ = space.status.try_set(Some(crate::domain::sync::status::SyncStatus::Syncing));
        let known = space.record().and_then(|r| r.retros.get(&id).cloned().flatten());
        let replicas = super::PageReplicas { space };
        match sync_retro(&store, &BrowserPause, &replicas, id, known, remote_changed).await {
            Ok(Synced::InStep { known, merged, .. }) => space.in_step(id, &merged, &mut outcome, |r| {
                r.retros.insert(id, Some(known));
            }),
            Ok(Synced::Deleted) => space.deleted_there(id, &mut outcome),
            Err(e) => {
                let stop = matches!(e, SyncError::Space(_));
                space.sync_failed(id, e, &mut outcome);
                // The space itself failed: the others would fail the same way.
                if stop {
                    break;
                }
            }
        }
    }
    outcome
}
