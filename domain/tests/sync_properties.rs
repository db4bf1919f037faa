//! The team space's sync against the in-memory space (Apache-like: conditional writes, weak
//! versions for a second after a change, no version in a write's answer), with conflicts, lost
//! answers, unreachable servers, torn and stale listings and restarts injected. Whatever the
//! interleaving of N writers, once the faults stop every browser and the file hold the same
//! document with every edit anyone made.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retrace_domain::sync::engine::{delete_retro, sync_retro, Known, SyncError, Synced};
use retrace_domain::sync::layout::{file_name, Tombstone};
use retrace_domain::sync::memory::{run_to_end, Fault, MemoryCopy, MemorySpace};
use retrace_domain::sync::store::SpaceStore;
use retrace_domain::*;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

fn id(n: u64) -> Id {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&n.to_le_bytes());
    bytes[8] = 0x5a;
    Id::from_random(bytes)
}

/// One page load in one browser: its copy, what it knows of the file, its clock.
struct Browser {
    doc: MemoryCopy,
    known: RefCell<Option<Known>>,
    replica: Replica,
    edits: Cell<u64>,
}

impl Browser {
    fn new(n: u64) -> Browser {
        Browser { doc: MemoryCopy::default(), known: RefCell::new(None), replica: Replica(n + 1), edits: Cell::new(0) }
    }

    fn writer(&self) -> Writer {
        Writer::new(self.replica, 1_000)
    }

    /// Adds a timeline entry with a unique id and text, and sets the shared title: both a
    /// "different fields" and a "same field" edit.
    fn edit(&self, what: &str) -> Option<Id> {
        let mut doc = self.doc.0.borrow_mut();
        let doc = doc.as_mut()?;
        let n = self.edits.get() + 1;
        self.edits.set(n);
        let entry = id(self.replica.0 * 1_000_000 + n);
        let w = self.writer();
        doc.apply(Edit::AddTimelineEntry { id: entry }, &w);
        doc.apply(Edit::Timeline(entry, TimelineField::What(format!("{what} {n}"))), &w);
        doc.apply(Edit::Header(HeaderField::Title(format!("title by {} #{n}", self.replica.0))), &w);
        Some(entry)
    }

    fn sync<'a>(
        &'a self,
        space: &'a MemorySpace,
        pause: &'a dyn retrace_domain::sync::store::Pause,
        changed: bool,
    ) -> impl Future<Output = Result<Synced, SyncError>> + 'a {
        let known = self.known.borrow().clone();
        async move {
            let result = sync_retro(space, pause, &self.doc, retro_id(), known, changed).await;
            if let Ok(Synced::InStep { known, .. }) = &result {
                *self.known.borrow_mut() = Some(known.clone());
            }
            result
        }
    }
}

fn retro_id() -> Id {
    id(42)
}

fn started(space: &MemorySpace, first: &Browser) {
    *first.doc.0.borrow_mut() = Some(Retrospective::new(retro_id(), Template::Incident, "Checkout outage", &first.writer()));
    let pause = space.pause();
    let result = run_to_end(first.sync(space, &pause, false));
    assert!(matches!(result, Ok(Synced::InStep { wrote: true, .. })), "{result:?}");
}

/// Runs rounds without faults until every browser is in step and none writes any more.
fn settle(space: &MemorySpace, browsers: &[Browser]) {
    space.heal();
    let pause = space.pause();
    for _ in 0..(browsers.len() + 3) {
        space.advance(2_000);
        let mut wrote = false;
        for b in browsers {
            match run_to_end(b.sync(space, &pause, true)) {
                Ok(Synced::InStep { wrote: w, .. }) => wrote |= w,
                other => panic!("a fault-free round failed: {other:?}"),
            }
        }
        if !wrote {
            return;
        }
    }
    panic!("the browsers did not settle");
}

fn assert_converged(space: &MemorySpace, browsers: &[Browser], edits: &[Id]) {
    let file = decode(&space.text(&file_name(retro_id())).expect("the file is there")).expect("the file reads");
    for b in browsers {
        let doc = b.doc.0.borrow().clone().expect("every browser has a copy");
        assert_eq!(doc, file, "browser {} differs from the space", b.replica.0);
    }
    for entry in edits {
        assert!(file.timeline.contains_key(entry), "edit {entry} was lost");
    }
}

#[test]
fn one_writer_creates_then_reads_back_without_writing_again() {
    let space = MemorySpace::apache_like();
    let a = Browser::new(0);
    started(&space, &a);
    assert_eq!(space.writes().0, 1);
    // Apache does not say the new version: the next round reads once and learns it.
    let pause = space.pause();
    space.advance(2_000);
    let result = run_to_end(a.sync(&space, &pause, false));
    assert!(matches!(result, Ok(Synced::InStep { wrote: false, .. })), "{result:?}");
    assert!(a.known.borrow().as_ref().unwrap().version.is_some());
    assert_eq!(space.writes().0, 1);
}

#[test]
fn two_writers_on_different_and_the_same_field_converge_through_weak_versions() {
    let space = MemorySpace::apache_like();
    let browsers = [Browser::new(0), Browser::new(1)];
    started(&space, &browsers[0]);
    let pause = space.pause();
    run_to_end(browsers[1].sync(&space, &pause, true)).unwrap();
    let edits: Vec<Id> = browsers.iter().filter_map(|b| b.edit("typed")).collect();
    // Both write within the same second: one of them meets a weak version and waits.
    let results = run_all(vec![Box::pin(browsers[0].sync(&space, &pause, false)), Box::pin(browsers[1].sync(&space, &pause, false))]);
    let conflicts: u32 = results.iter().map(|r| if let Ok(Synced::InStep { conflicts, .. }) = r { *conflicts } else { 0 }).sum();
    assert!(conflicts > 0, "the second writer met the first one's write: {results:?}");
    settle(&space, &browsers);
    assert_converged(&space, &browsers, &edits);
}

#[test]
fn a_lost_answer_costs_a_round_and_duplicates_nothing() {
    let space = MemorySpace::apache_like();
    let a = Browser::new(0);
    started(&space, &a);
    let pause = space.pause();
    space.advance(2_000);
    run_to_end(a.sync(&space, &pause, false)).unwrap();
    let entry = a.edit("after the outage").unwrap();
    space.advance(2_000);
    // The version is known and strong: the write goes out at once, is done, its answer lost.
    space.inject([Fault::LoseAnswer]);
    let failed = run_to_end(a.sync(&space, &pause, false));
    assert!(matches!(failed, Err(SyncError::Space(_))), "{failed:?}");
    let stored = decode(&space.text(&file_name(retro_id())).unwrap()).unwrap();
    assert!(stored.timeline.contains_key(&entry), "the write itself happened");
    settle(&space, std::slice::from_ref(&a));
    assert_converged(&space, std::slice::from_ref(&a), &[entry]);
}

#[test]
fn a_damaged_or_newer_file_is_never_written_over() {
    for text in ["{\"format\":\"retrace.retrospective\",\"schema\":", "{\"format\":\"retrace.retrospective\",\"schema\":999}", "<html>login</html>"] {
        let space = MemorySpace::apache_like();
        let a = Browser::new(0);
        *a.doc.0.borrow_mut() = Some(Retrospective::new(retro_id(), Template::Incident, "Mine", &a.writer()));
        space.place(&file_name(retro_id()), text);
        let pause = space.pause();
        let result = run_to_end(a.sync(&space, &pause, true));
        assert!(matches!(result, Err(SyncError::Damaged(_) | SyncError::Newer(999))), "{result:?}");
        assert_eq!(space.text(&file_name(retro_id())).as_deref(), Some(text), "left exactly as it was");
        assert!(a.doc.0.borrow().is_some(), "the local copy is kept");
        let deleted = run_to_end(delete_retro(&space, &pause, retro_id(), 5));
        assert!(deleted.is_err(), "a delete does not write over it either");
        assert_eq!(space.text(&file_name(retro_id())).as_deref(), Some(text));
    }
}

#[test]
fn a_deletion_reaches_every_writer_and_stays() {
    let space = MemorySpace::apache_like();
    let (a, b) = (Browser::new(0), Browser::new(1));
    started(&space, &a);
    let pause = space.pause();
    run_to_end(b.sync(&space, &pause, true)).unwrap();
    space.advance(2_000);
    run_to_end(delete_retro(&space, &pause, retro_id(), 77)).unwrap();
    b.edit("typed after the delete");
    assert_eq!(run_to_end(b.sync(&space, &pause, false)), Ok(Synced::Deleted));
    assert!(space.text(&file_name(retro_id())).unwrap().contains(&Tombstone::new(retro_id(), 77).encode()[..20]));
}

#[test]
fn a_full_or_unreachable_space_keeps_everything_for_later() {
    let space = MemorySpace::apache_like();
    let a = Browser::new(0);
    started(&space, &a);
    let entry = a.edit("while the server was down").unwrap();
    let pause = space.pause();
    space.advance(2_000);
    space.inject([Fault::Unreachable]);
    assert!(matches!(run_to_end(a.sync(&space, &pause, true)), Err(SyncError::Space(e)) if e.is_transient()));
    space.inject([Fault::Full]);
    assert!(matches!(run_to_end(a.sync(&space, &pause, true)), Err(SyncError::Space(_))));
    settle(&space, std::slice::from_ref(&a));
    assert_converged(&space, std::slice::from_ref(&a), &[entry]);
}

/// Polls every future in turn until all are done; returns their results in order.
fn run_all<'a, T>(mut futures: Vec<Pin<Box<dyn Future<Output = T> + 'a>>>) -> Vec<T> {
    let mut results: Vec<Option<T>> = futures.iter().map(|_| None).collect();
    let mut cx = Context::from_waker(std::task::Waker::noop());
    while results.iter().any(Option::is_none) {
        for (i, f) in futures.iter_mut().enumerate() {
            if results[i].is_none() {
                if let Poll::Ready(value) = f.as_mut().poll(&mut cx) {
                    results[i] = Some(value);
                }
            }
        }
    }
    results.into_iter().map(Option::unwrap).collect()
}

#[derive(Clone, Debug)]
enum Step {
    /// Writer `w` adds an entry and retitles.
    Edit(u8),
    /// Writer `w` starts a sync (unless one is running), having seen a listing or not.
    Sync(u8, bool),
    /// Writer `w`'s page reloads: it forgets what it knew of the file.
    Restart(u8),
    /// The next call meets a fault.
    Fault(u8),
    /// Some polls of the running syncs, in an order the seed picks.
    Poll(u8, u16),
    /// Time passes.
    Wait(u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => any::<u8>().prop_map(Step::Edit),
        3 => (any::<u8>(), any::<bool>()).prop_map(|(w, c)| Step::Sync(w, c)),
        1 => any::<u8>().prop_map(Step::Restart),
        2 => (0u8..5).prop_map(Step::Fault),
        4 => (any::<u8>(), 1u16..40).prop_map(|(seed, n)| Step::Poll(seed, n)),
        1 => (0u16..3_000).prop_map(Step::Wait),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("RETRACE_SYNC_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96), ..ProptestConfig::default() })]

    /// Any interleaving of 2–5 writers, with faults and restarts, ends identical once the
    /// faults stop, with every edit present.
    #[test]
    fn any_interleaving_of_writers_converges_with_every_edit(writers in 2usize..=5, steps in proptest::collection::vec(step(), 1..80)) {
        let space = MemorySpace::apache_like();
        let browsers: Vec<Browser> = (0..writers as u64).map(Browser::new).collect();
        started(&space, &browsers[0]);
        let pause = space.pause();
        let mut edits = vec![];
        type Running<'a> = (usize, Pin<Box<dyn Future<Output = Result<Synced, SyncError>> + 'a>>);
        let mut running: Vec<Running> = vec![];
        for step in steps {
            match step {
                Step::Edit(w) => edits.extend(browsers[w as usize % writers].edit("note")),
                Step::Sync(w, changed) => {
                    let w = w as usize % writers;
                    if !running.iter().any(|(r, _)| *r == w) {
                        running.push((w, Box::pin(browsers[w].sync(&space, &pause, changed))));
                    }
                }
                Step::Restart(w) => {
                    let w = w as usize % writers;
                    running.retain(|(r, _)| *r != w);
                    *browsers[w].known.borrow_mut() = None;
                }
                Step::Fault(kind) => space.inject([[Fault::Unreachable, Fault::LoseAnswer, Fault::TornListing, Fault::StaleListing, Fault::Full][kind as usize % 5]]),
                Step::Poll(seed, n) => {
                    let mut cx = Context::from_waker(std::task::Waker::noop());
                    for k in 0..n as usize {
                        if running.is_empty() { break; }
                        let at = (seed as usize * 31 + k * 7) % running.len();
                        if running[at].1.as_mut().poll(&mut cx).is_ready() {
                            drop(running.remove(at));
                        }
                    }
                }
                Step::Wait(ms) => space.advance(u64::from(ms)),
            }
        }
        // Syncs still running are finished (a page closing would abandon them: also fine).
        space.heal();
        let rest: Vec<_> = running.into_iter().map(|(_, f)| f).collect();
        run_all(rest);
        settle(&space, &browsers);
        assert_converged(&space, &browsers, &edits);
    }
}

#[test]
fn listing_a_space_with_strangers_and_torn_answers() {
    let space = MemorySpace::apache_like();
    space.place("README.txt", "not ours");
    space.place(&file_name(id(1)), "{}");
    space.inject([Fault::TornListing]);
    let torn = run_to_end(space.list()).unwrap();
    let whole = run_to_end(space.list()).unwrap();
    assert_eq!(torn.len() + 1, whole.len());
}
