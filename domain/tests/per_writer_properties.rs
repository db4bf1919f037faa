//! The per-writer layout (`sync::folder`) on WebDAV servers that ignore every condition
//! (nginx's dav-ext, rclone) and list no ETags (nginx): writers edit, sync in any
//! interleaving, meet faults, and leave once a sync of theirs has ended well — as people
//! close the laptop once the screen says "synced". A fresh reader then finds every edit of
//! everyone, those of the writers who left included, and time passing (files folded away)
//! loses nothing. Writers at work have a heartbeat file in the retrospective, as the app's
//! open pages do (`sync::presence`), and remove it when they leave.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retrace_domain::change::edit::Edit;
use retrace_domain::model::ids::{Id, Replica};
use retrace_domain::model::retrospective::{Retrospective, Writer};
use retrace_domain::model::template::Template;
use retrace_domain::model::timeline::TimelineField;
use retrace_domain::sync::engine::SyncError;
use retrace_domain::sync::folder::{files_of, sync_folder_retro, FolderKnown, FolderSynced, FOLD_AFTER_MS};
use retrace_domain::sync::memory::{run_to_end, Fault, MemoryCopy, MemorySpace};
use retrace_domain::sync::presence::here_file_name;
use retrace_domain::sync::store::SpaceStore;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

fn id(n: u64) -> Id {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&n.to_le_bytes());
    bytes[8] = 0x6b;
    Id::from_random(bytes)
}

fn retro() -> Id {
    id(7)
}

/// One page load: its copy, what it knows of the files, its name as a writer.
struct Laptop {
    doc: MemoryCopy,
    known: RefCell<FolderKnown>,
    me: String,
    replica: Replica,
    edits: Cell<u64>,
    /// Its edits, and whether each is known to be in the space (a sync that began after it
    /// ended well).
    written: RefCell<Vec<(Id, bool)>>,
    left: Cell<bool>,
}

impl Laptop {
    fn new(n: u64) -> Laptop {
        Laptop {
            doc: MemoryCopy::default(),
            known: RefCell::default(),
            me: format!("{:016x}", 0xa000 + n),
            replica: Replica(n + 1),
            edits: Cell::new(0),
            written: RefCell::default(),
            left: Cell::new(false),
        }
    }

    fn edit(&self) {
        let w = Writer::new(self.replica, 1_000);
        let mut doc = self.doc.0.borrow_mut();
        let doc = doc.get_or_insert_with(|| Retrospective::new(retro(), Template::Incident, "Queue backlog after a broker failover", &w));
        let n = self.edits.get() + 1;
        self.edits.set(n);
        let entry = id(self.replica.0 * 1_000_000 + n);
        doc.apply(Edit::AddTimelineEntry { id: entry }, &w);
        doc.apply(Edit::Timeline(entry, TimelineField::What(format!("note {n} of {}", self.replica.0))), &w);
        self.written.borrow_mut().push((entry, false));
    }

    /// One sync from a fresh listing; on success, every edit made before it began is in.
    fn sync<'a>(&'a self, space: &'a MemorySpace) -> impl Future<Output = Result<FolderSynced, SyncError>> + 'a {
        let before = self.written.borrow().len();
        async move {
            let listing = space.list().await?;
            let known = self.known.borrow().clone();
            let result = sync_folder_retro(space, &self.doc, retro(), &self.me, &files_of(&listing, retro()), known, space.now_ms()).await;
            if let Ok(FolderSynced::InStep { known, .. }) = &result {
                *self.known.borrow_mut() = known.clone();
                for edit in self.written.borrow_mut().iter_mut().take(before) {
                    edit.1 = true;
                }
            }
            result
        }
    }
}

#[derive(Clone, Debug)]
enum Step {
    Edit(u8),
    Sync(u8),
    /// The writer finishes what it runs, syncs once more, and leaves if that ended well.
    Leave(u8),
    Fault(u8),
    Poll(u8, u16),
    Wait(u16),
    /// Long enough for files to be folded away.
    Later,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => any::<u8>().prop_map(Step::Edit),
        3 => any::<u8>().prop_map(Step::Sync),
        1 => any::<u8>().prop_map(Step::Leave),
        1 => (0u8..3).prop_map(Step::Fault),
        4 => (any::<u8>(), 1u16..40).prop_map(|(seed, n)| Step::Poll(seed, n)),
        1 => (0u16..3_000).prop_map(Step::Wait),
        1 => Just(Step::Later),
    ]
}

type Running<'a> = (usize, Pin<Box<dyn Future<Output = Result<FolderSynced, SyncError>> + 'a>>);

fn check(space: MemorySpace, writers: usize, steps: Vec<Step>) {
    let laptops: Vec<Laptop> = (0..writers as u64).map(Laptop::new).collect();
    for l in &laptops {
        space.place(&here_file_name(retro(), &l.me), "{}");
    }
    let mut running: Vec<Running> = vec![];
    for step in steps {
        match step {
            Step::Edit(w) => {
                let l = &laptops[w as usize % writers];
                if !l.left.get() {
                    l.edit();
                }
            }
            Step::Sync(w) => {
                let w = w as usize % writers;
                if !laptops[w].left.get() && !running.iter().any(|(r, _)| *r == w) {
                    running.push((w, Box::pin(laptops[w].sync(&space))));
                }
            }
            Step::Leave(w) => {
                let w = w as usize % writers;
                if laptops[w].left.get() {
                    continue;
                }
                if let Some(at) = running.iter().position(|(r, _)| *r == w) {
                    let (_, f) = running.remove(at);
                    let _ = run_to_end(f);
                }
                if run_to_end(laptops[w].sync(&space)).is_ok() {
                    laptops[w].left.set(true);
                    // Its heartbeat goes with it (a failed removal would only keep its file).
                    space.heal();
                    run_to_end(space.remove(&here_file_name(retro(), &laptops[w].me))).unwrap();
                }
            }
            Step::Fault(kind) => space.inject([[Fault::Unreachable, Fault::LoseAnswer, Fault::TornListing][kind as usize % 3]]),
            Step::Poll(seed, n) => {
                let mut cx = Context::from_waker(std::task::Waker::noop());
                for k in 0..n as usize {
                    if running.is_empty() {
                        break;
                    }
                    let at = (seed as usize * 31 + k * 7) % running.len();
                    if running[at].1.as_mut().poll(&mut cx).is_ready() {
                        drop(running.remove(at));
                    }
                }
            }
            Step::Wait(ms) => space.advance(u64::from(ms)),
            Step::Later => space.advance(FOLD_AFTER_MS as u64 + 1_000),
        }
    }
    space.heal();
    for (_, f) in running {
        let _ = run_to_end(f);
    }
    // Those still here sync until nothing changes, with time passing (folds included).
    for _ in 0..4 {
        space.advance(FOLD_AFTER_MS as u64 + 1_000);
        for l in laptops.iter().filter(|l| !l.left.get()) {
            // Nothing to sync: nobody has written anything yet.
            let result = run_to_end(l.sync(&space));
            assert!(matches!(result, Ok(_) | Err(SyncError::NothingToSync)), "a fault-free sync: {result:?}");
        }
    }
    let reader = Laptop::new(99);
    run_to_end(reader.sync(&space)).ok();
    let doc = reader.doc.0.borrow().clone();
    for l in &laptops {
        for (entry, in_space) in l.written.borrow().iter() {
            // A writer still here sent everything; one who left, everything before leaving.
            if *in_space || !l.left.get() {
                let found = doc.as_ref().is_some_and(|d| d.timeline.contains_key(entry));
                assert!(found, "edit {entry} of writer {} (left: {}) is not in the space", l.me, l.left.get());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("RETRACE_SYNC_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96), ..ProptestConfig::default() })]

    #[test]
    fn nothing_is_lost_on_a_server_that_ignores_conditions_and_lists_no_etags(writers in 2usize..=4, steps in proptest::collection::vec(step(), 1..80)) {
        check(MemorySpace::nginx_like(), writers, steps);
    }

    #[test]
    fn nothing_is_lost_on_a_server_that_ignores_conditions(writers in 2usize..=4, steps in proptest::collection::vec(step(), 1..80)) {
        check(MemorySpace::rclone_like(), writers, steps);
    }
}

#[test]
fn three_writers_at_once_who_leave_after_their_sync_are_all_read_by_a_fourth() {
    for space in [MemorySpace::nginx_like(), MemorySpace::rclone_like(), MemorySpace::deflating_apache_like()] {
        let laptops: Vec<Laptop> = (0..3).map(Laptop::new).collect();
        for l in &laptops {
            l.edit();
            l.edit();
        }
        // All three sync at once, interleaved call by call, then leave.
        type Sync<'a> = Pin<Box<dyn Future<Output = Result<FolderSynced, SyncError>> + 'a>>;
        let mut running: Vec<Sync> = laptops.iter().map(|l| Box::pin(l.sync(&space)) as Sync).collect();
        let mut cx = Context::from_waker(std::task::Waker::noop());
        while !running.is_empty() {
            running.retain_mut(|f| match f.as_mut().poll(&mut cx) {
                Poll::Ready(result) => {
                    assert!(result.is_ok(), "{result:?}");
                    false
                }
                Poll::Pending => true,
            });
        }
        let reader = Laptop::new(9);
        run_to_end(reader.sync(&space)).unwrap();
        let doc = reader.doc.0.borrow().clone().unwrap();
        assert_eq!(doc.timeline.len(), 6, "every writer's two notes are read");
    }
}
