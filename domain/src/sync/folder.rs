//! A team space in a folder that a sync client (OneDrive, Dropbox, Google Drive, a network
//! share) copies between laptops, or on a WebDAV server that ignores conditions (nginx's
//! dav-ext, rclone; see `sync::choice`). Such a space has no compare-and-swap: two laptops
//! writing one file at once end with one of the two writes, or with a "conflicted copy"
//! beside it. So here nobody ever writes a file somebody else writes:
//!
//! - each page load keeps its own file per retrospective, `retro-<id>.<writer>.json`;
//! - a reader merges every writer's file of a retrospective (the merge makes the order moot);
//! - a file whose content this writer's own file already holds, that nobody has touched for
//!   [`FOLD_AFTER_MS`], and whose writer has no heartbeat in the retrospective (is not here),
//!   is folded away (removed), so the folder does not grow with every page load. Removing it
//!   loses nothing: everything in it is in the file just written. A writer whose own file is
//!   gone from a listing writes it again, so even a fold that crossed its last save (no
//!   server here can make a removal conditional) costs nothing once it lists again;
//! - a deletion is a tombstone in the deleting writer's file, and one tombstone is enough.

use super::engine::{Replicas, SyncError};
use super::layout::{fingerprint, parse_file_name, read_space_file, space_text, writer_file_name, FileName, SpaceFile, Tombstone};
use super::presence::parse_here_name;
use super::store::{Condition, Listed, SpaceError, SpaceStore, Version};
use crate::change::merge::MergeReport;
use crate::model::ids::Id;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How long another writer's file must have been left alone before it is folded away: long
/// enough that a writer still at work has rewritten it meanwhile.
pub const FOLD_AFTER_MS: i64 = 10 * 60 * 1000;

/// What this page load knows of one retrospective's files, kept between rounds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderKnown {
    /// Each file already merged, at the version it was merged at.
    pub seen: BTreeMap<String, Version>,
    /// The fingerprint of what this writer's own file holds.
    pub mine: Option<u64>,
}

/// A folder sync that ended well.
#[derive(Debug, PartialEq)]
pub enum FolderSynced {
    /// In step: every writer's file merged, this writer's own file up to date.
    InStep {
        /// What this page load now knows.
        known: FolderKnown,
        /// What came in from others.
        merged: MergeReport,
        /// Whether this writer's file was written.
        wrote: bool,
        /// Other writers' files folded away.
        folded: usize,
        /// Files of this retrospective that cannot be read (left alone), with why.
        unreadable: Vec<(String, String)>,
    },
    /// A writer deleted the retrospective.
    Deleted,
}

/// The files of retrospective `id` in a listing: its writers' files (and a shared file left
/// from before), and which writers have a heartbeat in it (see `sync::presence`).
pub fn files_of(listing: &[Listed], id: Id) -> Files {
    let files = listing
        .iter()
        .filter(|f| matches!(parse_file_name(&f.name), Some(FileName::WriterFile { id: of, .. } | FileName::Retro(of)) if of == id))
        .cloned()
        .collect();
    let here = listing.iter().filter_map(|f| parse_here_name(&f.name)).filter(|(of, _)| *of == id).map(|(_, writer)| writer).collect();
    Files { files, here }
}

/// One retrospective's part of a listing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Files {
    /// Its files.
    pub files: Vec<Listed>,
    /// The writers with a heartbeat file in it: their files are never folded away.
    pub here: BTreeSet<String>,
}

/// Brings retrospective `id` in step with its files in a synced folder, as writer `me`.
/// `listed` is its part of a listing taken just before, `now_ms` the clock the listing's
/// modification times are read against.
pub async fn sync_folder_retro(
    store: &dyn SpaceStore,
    replicas: &dyn Replicas,
    id: Id,
    me: &str,
    listed: &Files,
    known: FolderKnown,
    now_ms: i64,
) -> Result<FolderSynced, SyncError> {
    let files = &listed.files;
    let mine_name = writer_file_name(id, me);
    let mut known = known;
    // Written, but gone from the listing (folded away by someone, removed by hand): again.
    if known.mine.is_some() && !files.iter().any(|f| f.name == mine_name) {
        known.mine = None;
    }
    let mut merged = MergeReport::default();
    let mut unreadable = vec![];
    for file in files {
        // This page load's own file holds nothing its copy lacks. A weak version (a change
        // within the last moment, time-and-size versions) may hide a second change: read again.
        if file.name == mine_name || (known.seen.get(&file.name) == Some(&file.version) && !file.version.is_weak()) {
            continue;
        }
        let Some(fetched) = store.get(&file.name).await? else { continue };
        match read_space_file(&fetched.text, id) {
            SpaceFile::Retro(theirs) => merged.absorb(replicas.merge_in(&theirs).map_err(SyncError::Local)?),
            SpaceFile::Deleted(_) => return Ok(FolderSynced::Deleted),
            SpaceFile::Newer(schema) => return Err(SyncError::Newer(schema)),
            SpaceFile::Damaged(e) => {
                unreadable.push((file.name.clone(), e.to_string()));
                continue;
            }
        }
        // The listing's version, in the listing's terms (a WebDAV answer's ETag may be of
        // another kind): if the file changed since the listing, the next one shows it.
        known.seen.insert(file.name.clone(), file.version.clone());
    }
    let Some(current) = replicas.current(id) else {
        return match files.is_empty() {
            true => Err(SyncError::NothingToSync),
            false => Ok(FolderSynced::InStep { known, merged, wrote: false, folded: 0, unreadable }),
        };
    };
    let text = space_text(&current);
    let print = fingerprint(&text);
    let mut wrote = false;
    if known.mine != Some(print) {
        store.put(&mine_name, text, Condition::Any).await?;
        known.mine = Some(print);
        wrote = true;
    }
    // Fold away what our own file now holds: files merged at the version listed (so nothing
    // came in since), readable, not ours, and left alone for long enough.
    let mut folded = 0;
    if known.mine.is_some() {
        for file in files {
            let old_enough = file.modified_ms.is_some_and(|at| now_ms - at >= FOLD_AFTER_MS);
            let merged_as_listed = known.seen.get(&file.name) == Some(&file.version) && !file.version.is_weak();
            let writer_here = matches!(parse_file_name(&file.name), Some(FileName::WriterFile { writer, .. }) if listed.here.contains(&writer));
            if file.name != mine_name && old_enough && merged_as_listed && !writer_here {
                match store.remove(&file.name).await {
                    Ok(()) => {
                        known.seen.remove(&file.name);
                        folded += 1;
                    }
                    // Somebody else folded it first, or the folder refuses: it stays, harmless.
                    Err(SpaceError::Unreachable(e)) => return Err(SyncError::Space(SpaceError::Unreachable(e))),
                    Err(_) => {}
                }
            }
        }
    }
    Ok(FolderSynced::InStep { known, merged, wrote, folded, unreadable })
}

/// Deletes retrospective `id` for everyone in a synced folder: writer `me`'s file becomes a
/// tombstone (one is enough; the others' files are folded by whoever reads them next).
pub async fn delete_folder_retro(store: &dyn SpaceStore, id: Id, me: &str, now_ms: i64) -> Result<(), SyncError> {
    store.put(&writer_file_name(id, me), Tombstone::new(id, now_ms).encode(), Condition::Any).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::model::ids::Replica;
    use crate::model::retrospective::{Retrospective, Writer};
    use crate::model::template::Template;
    use crate::model::timeline::TimelineField;
    use crate::sync::layout::file_name;
    use crate::sync::memory::{run_to_end, MemoryCopy, MemorySpace};
    use std::cell::RefCell;

    struct Laptop {
        doc: MemoryCopy,
        known: RefCell<FolderKnown>,
        me: String,
        replica: Replica,
    }

    fn id(n: u8) -> Id {
        Id::from_random([n; 16])
    }

    fn laptop(n: u8) -> Laptop {
        Laptop { doc: MemoryCopy::default(), known: RefCell::default(), me: format!("{:016x}", u64::from(n) * 0x1111), replica: Replica(u64::from(n)) }
    }

    fn round(space: &MemorySpace, l: &Laptop, now: i64) -> FolderSynced {
        let listing = run_to_end(space.list()).unwrap();
        let files = files_of(&listing, id(1));
        let known = l.known.borrow().clone();
        let result = run_to_end(sync_folder_retro(space, &l.doc, id(1), &l.me, &files, known, now)).unwrap();
        if let FolderSynced::InStep { known, .. } = &result {
            *l.known.borrow_mut() = known.clone();
        }
        result
    }

    fn note(l: &Laptop, n: u8, text: &str) {
        let w = Writer::new(l.replica, 1);
        let mut doc = l.doc.0.borrow_mut();
        let doc = doc.get_or_insert_with(|| Retrospective::new(id(1), Template::Incident, "Sync client conflict", &w));
        doc.apply(Edit::AddTimelineEntry { id: id(n) }, &w);
        doc.apply(Edit::Timeline(id(n), TimelineField::What(text.into())), &w);
    }

    #[test]
    fn each_writer_writes_only_its_own_file_and_reads_everyone_s() {
        let space = MemorySpace::default();
        let (a, b) = (laptop(1), laptop(2));
        note(&a, 10, "Disk filled on the sync host");
        note(&b, 11, "Sync client renamed the file");
        round(&space, &a, 0);
        round(&space, &b, 0);
        round(&space, &a, 0);
        let names: Vec<String> = run_to_end(space.list()).unwrap().into_iter().map(|f| f.name).collect();
        assert_eq!(names.len(), 2, "one file per writer: {names:?}");
        assert!(names.iter().all(|n| n.starts_with(&format!("retro-{}.", id(1)))));
        assert!(!names.contains(&file_name(id(1))), "no shared file is ever written");
        assert_eq!(a.doc.0.borrow().as_ref().unwrap().timeline.len(), 2);
        assert_eq!(a.doc.0.borrow().clone(), b.doc.0.borrow().clone());
        // Nothing new: nothing read, nothing written.
        let (writes, _) = space.writes();
        assert!(matches!(round(&space, &a, 0), FolderSynced::InStep { wrote: false, merged, .. } if merged.is_empty()));
        assert_eq!(space.writes().0, writes);
    }

    #[test]
    fn old_files_are_folded_away_only_once_held_and_left_alone_long_enough() {
        let space = MemorySpace::default();
        let (a, b) = (laptop(1), laptop(2));
        note(&a, 10, "from a");
        round(&space, &a, 0);
        note(&b, 11, "from b");
        round(&space, &b, 0);
        // Too recent to fold: both files stay.
        assert!(matches!(round(&space, &a, 1_000), FolderSynced::InStep { folded: 0, .. }));
        assert_eq!(run_to_end(space.list()).unwrap().len(), 2);
        // Ten minutes later, a's file holds b's: b's file goes, and nothing is lost.
        space.advance(FOLD_AFTER_MS as u64 + 1);
        let later = FOLD_AFTER_MS + 5_000;
        assert!(matches!(round(&space, &a, later), FolderSynced::InStep { folded: 1, .. }));
        let left = run_to_end(space.list()).unwrap();
        assert_eq!(left.len(), 1);
        let c = laptop(3);
        round(&space, &c, later);
        assert_eq!(c.doc.0.borrow().as_ref().unwrap().timeline.len(), 2, "a new reader finds both entries in the one file left");
    }

    #[test]
    fn a_changed_file_is_not_folded_before_it_is_merged() {
        let space = MemorySpace::default();
        let (a, b) = (laptop(1), laptop(2));
        note(&a, 10, "from a");
        note(&b, 11, "from b");
        round(&space, &a, 0);
        round(&space, &b, 0);
        space.advance(FOLD_AFTER_MS as u64 + 1);
        // b writes again just before a's round: the listing a reads shows the new version,
        // which a merges before anything is folded, so b's newest entry survives.
        note(&b, 12, "written at the last moment");
        round(&space, &b, 0);
        space.advance(FOLD_AFTER_MS as u64 + 1);
        round(&space, &a, 2 * FOLD_AFTER_MS + 10_000);
        assert!(a.doc.0.borrow().as_ref().unwrap().timeline.contains_key(&id(12)));
    }

    fn round_in(space: &MemorySpace, l: &Laptop) -> FolderSynced {
        let now = space.now_ms();
        round(space, l, now)
    }

    fn retitle(l: &Laptop, title: &str) {
        let w = Writer::new(l.replica, 1);
        l.doc.0.borrow_mut().as_mut().unwrap().apply(crate::change::edit::Edit::Header(crate::model::retrospective::HeaderField::Title(title.into())), &w);
    }

    #[test]
    fn two_writes_in_one_second_of_one_size_are_both_read_where_versions_are_time_and_size() {
        // nginx lists no ETag: a version is the time to the second and the size.
        let space = MemorySpace::nginx_like();
        let (a, b) = (laptop(1), laptop(2));
        note(&a, 10, "from a");
        round_in(&space, &a);
        round_in(&space, &b);
        // a retitles twice within the second, to titles of one length; b reads in between.
        space.advance(100);
        retitle(&a, "Title one");
        round_in(&space, &a);
        round_in(&space, &b);
        space.advance(100);
        retitle(&a, "Title two");
        round_in(&space, &a);
        space.advance(3_000);
        round_in(&space, &b);
        assert_eq!(b.doc.0.borrow().as_ref().unwrap().title.value, "Title two");
    }

    #[test]
    fn a_writer_with_a_heartbeat_keeps_its_file_even_if_it_writes_while_another_folds() {
        let space = MemorySpace::rclone_like();
        let (a, b) = (laptop(1), laptop(2));
        note(&a, 10, "from a");
        note(&b, 11, "from b");
        round_in(&space, &a);
        round_in(&space, &b);
        round_in(&space, &a);
        space.place(&crate::sync::presence::here_file_name(id(1), &b.me), "{}");
        space.advance(FOLD_AFTER_MS as u64 + 1);
        // a lists (b's file is old), then b writes its last note and leaves, then a goes on.
        let listing = run_to_end(space.list()).unwrap();
        note(&b, 12, "b's last note before leaving");
        round_in(&space, &b);
        let known = a.known.borrow().clone();
        let now = space.now_ms();
        run_to_end(sync_folder_retro(&space, &a.doc, id(1), &a.me, &files_of(&listing, id(1)), known, now)).unwrap();
        let c = laptop(3);
        round_in(&space, &c);
        assert!(c.doc.0.borrow().as_ref().unwrap().timeline.contains_key(&id(12)), "b's last note is still in the space");
    }

    #[test]
    fn a_tombstone_in_any_writer_s_file_deletes_it_for_all_and_a_damaged_file_is_skipped() {
        let space = MemorySpace::default();
        let (a, b) = (laptop(1), laptop(2));
        note(&a, 10, "from a");
        round(&space, &a, 0);
        space.place(&writer_file_name(id(1), "00000000000000ff"), "{\"format\":\"retrace.retrospective\",\"schema\":");
        match round(&space, &b, 0) {
            FolderSynced::InStep { unreadable, .. } => assert_eq!(unreadable.len(), 1),
            other => panic!("{other:?}"),
        }
        assert_eq!(space.text(&writer_file_name(id(1), "00000000000000ff")).as_deref(), Some("{\"format\":\"retrace.retrospective\",\"schema\":"));
        run_to_end(delete_folder_retro(&space, id(1), &b.me, 9)).unwrap();
        assert_eq!(round(&space, &a, 0), FolderSynced::Deleted);
    }
}
