//! A team space in memory, for tests of the sync: it behaves like Apache's mod_dav where that
//! matters (conditional writes, no version in a write's answer, weak versions for a second
//! after a change) and can be told to fail the way networks and servers do: unreachable,
//! a write done but its answer lost, a listing that misses files or shows old versions. It
//! can also be the servers that do not compare and swap (nginx's dav-ext, rclone: conditions
//! ignored; nginx: no ETag in a listing) or that hand a browser a version that never matches
//! (Apache's mod_deflate: `"…-gzip"`).
//!
//! Every call yields once before it takes effect, so tests that poll many writers' futures in
//! a random order get real interleavings.

use super::engine::Replicas;
use super::store::{Condition, Fetched, Listed, LocalFuture, Pause, SpaceError, SpaceStore, Version};
use crate::change::merge::{merge_retrospectives, MergeReport};
use crate::model::ids::Id;
use crate::model::retrospective::Retrospective;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// A fault the next call meets (one per call, in order; none when the queue is empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The call does nothing and fails as if the server were down.
    Unreachable,
    /// The call takes effect, but its answer is lost: the caller sees "unreachable".
    LoseAnswer,
    /// A listing leaves out its first file (a torn listing); other calls are unaffected.
    TornListing,
    /// A listing shows every file at the version it had before its last write.
    StaleListing,
    /// The server answers 507 (full) and does nothing.
    Full,
}

#[derive(Clone)]
struct File {
    text: String,
    serial: u64,
    previous: Option<u64>,
    written_ms: u64,
}

#[derive(Default)]
struct Inner {
    files: BTreeMap<String, File>,
    next_serial: u64,
    faults: VecDeque<Fault>,
    writes: u64,
    bytes_written: u64,
}

/// The in-memory space. Clones share it; [`MemoryPause`] moves its clock.
#[derive(Clone, Default)]
pub struct MemorySpace {
    inner: Rc<RefCell<Inner>>,
    now_ms: Rc<Cell<u64>>,
    /// Hand out weak versions for a second after a change, as Apache does.
    pub weak_after_change: bool,
    /// Say the new version in a write's answer (Nextcloud does; Apache does not).
    pub tells_version: bool,
    /// Take every write, whatever its condition says (nginx's dav-ext, rclone).
    pub ignores_conditions: bool,
    /// Hand out, in a read's answer, a version that no condition matches (mod_deflate's
    /// `-gzip` suffix); listings keep the true one.
    pub suffixes_answers: bool,
    /// List files without versions of their own: time (to the second) and size only (nginx).
    pub lists_without_etags: bool,
}

impl MemorySpace {
    /// An empty space that behaves like Apache's mod_dav.
    pub fn apache_like() -> MemorySpace {
        MemorySpace { weak_after_change: true, tells_version: false, ..MemorySpace::default() }
    }

    /// An empty space that behaves like nginx with dav-ext: conditions ignored, listings
    /// without ETags.
    pub fn nginx_like() -> MemorySpace {
        MemorySpace { ignores_conditions: true, lists_without_etags: true, ..MemorySpace::default() }
    }

    /// An empty space that behaves like `rclone serve webdav`: conditions ignored.
    pub fn rclone_like() -> MemorySpace {
        MemorySpace { ignores_conditions: true, ..MemorySpace::default() }
    }

    /// An empty space that behaves like Apache with mod_deflate on JSON.
    pub fn deflating_apache_like() -> MemorySpace {
        MemorySpace { suffixes_answers: true, ..MemorySpace::apache_like() }
    }

    /// The space's clock now.
    pub fn now_ms(&self) -> i64 {
        self.now_ms.get() as i64
    }

    /// The clock the space's weak versions follow, moved by [`MemoryPause`].
    pub fn pause(&self) -> MemoryPause {
        MemoryPause { now_ms: self.now_ms.clone() }
    }

    /// Moves the clock on (a writer thinking, time passing between rounds).
    pub fn advance(&self, ms: u64) {
        self.now_ms.set(self.now_ms.get() + ms);
    }

    /// Queues faults for the next calls, in order.
    pub fn inject(&self, faults: impl IntoIterator<Item = Fault>) {
        self.inner.borrow_mut().faults.extend(faults);
    }

    /// Drops every queued fault.
    pub fn heal(&self) {
        self.inner.borrow_mut().faults.clear();
    }

    /// A file's text, as a person opening the folder would see it.
    pub fn text(&self, name: &str) -> Option<String> {
        self.inner.borrow().files.get(name).map(|f| f.text.clone())
    }

    /// Puts a file there directly, as another program would (a damaged file, a stranger).
    pub fn place(&self, name: &str, text: &str) {
        let now = self.now_ms.get();
        let mut inner = self.inner.borrow_mut();
        inner.next_serial += 1;
        let serial = inner.next_serial;
        let previous = inner.files.get(name).map(|f| f.serial);
        inner.files.insert(name.into(), File { text: text.into(), serial, previous, written_ms: now });
    }

    /// Successful writes so far, and the bytes they carried.
    pub fn writes(&self) -> (u64, u64) {
        let inner = self.inner.borrow();
        (inner.writes, inner.bytes_written)
    }

    fn version(&self, file: &File) -> Version {
        let strong = format!("\"{}\"", file.serial);
        match self.weak_after_change && self.now_ms.get() < file.written_ms + 1_000 {
            true => Version(format!("W/{strong}")),
            false => Version(strong),
        }
    }

    /// The version a read's answer carries.
    fn answered_version(&self, file: &File) -> Version {
        let version = self.version(file);
        match self.suffixes_answers {
            true => Version(format!("{}-gzip\"", version.0.trim_end_matches('"'))),
            false => version,
        }
    }

    /// The version a listing shows.
    fn listed_version(&self, file: &File) -> Version {
        match self.lists_without_etags {
            true => super::webdav::version_without_etag(Some((file.written_ms / 1_000 * 1_000) as i64), Some(file.text.len() as u64), Some(self.now_ms())),
            false => self.version(file),
        }
    }

    fn next_fault(&self) -> Option<Fault> {
        self.inner.borrow_mut().faults.pop_front()
    }

    fn list_now(&self) -> Result<Vec<Listed>, SpaceError> {
        let fault = self.next_fault();
        match fault {
            Some(Fault::Unreachable | Fault::LoseAnswer) => return Err(SpaceError::Unreachable("injected".into())),
            Some(Fault::Full) => return Err(SpaceError::Full),
            _ => {}
        }
        let inner = self.inner.borrow();
        let mut listed: Vec<Listed> = inner
            .files
            .iter()
            .map(|(name, file)| {
                let version = match (fault, file.previous) {
                    (Some(Fault::StaleListing), Some(previous)) if !self.lists_without_etags => Version(format!("\"{previous}\"")),
                    _ => self.listed_version(file),
                };
                let modified = match self.lists_without_etags {
                    true => file.written_ms / 1_000 * 1_000,
                    false => file.written_ms,
                };
                Listed { name: name.clone(), version, size: Some(file.text.len() as u64), modified_ms: Some(modified as i64) }
            })
            .collect();
        if fault == Some(Fault::TornListing) && !listed.is_empty() {
            listed.remove(0);
        }
        Ok(listed)
    }

    fn get_now(&self, name: &str) -> Result<Option<Fetched>, SpaceError> {
        match self.next_fault() {
            Some(Fault::Unreachable | Fault::LoseAnswer) => return Err(SpaceError::Unreachable("injected".into())),
            Some(Fault::Full) => return Err(SpaceError::Full),
            _ => {}
        }
        let inner = self.inner.borrow();
        Ok(inner.files.get(name).map(|file| Fetched { text: file.text.clone(), version: Some(self.answered_version(file)) }))
    }

    fn put_now(&self, name: &str, text: String, condition: Condition) -> Result<Option<Version>, SpaceError> {
        let fault = self.next_fault();
        match fault {
            Some(Fault::Unreachable) => return Err(SpaceError::Unreachable("injected".into())),
            Some(Fault::Full) => return Err(SpaceError::Full),
            _ => {}
        }
        let current = self.inner.borrow().files.get(name).cloned();
        let allowed = match (&condition, &current) {
            _ if self.ignores_conditions => true,
            (Condition::Any, _) | (Condition::Absent, None) => true,
            (Condition::Absent, Some(_)) | (Condition::At(_), None) => false,
            // A weak version never matches, whichever one the writer names.
            (Condition::At(wanted), Some(file)) => {
                let now = self.version(file);
                !now.is_weak() && !wanted.is_weak() && *wanted == now
            }
        };
        if !allowed {
            return Err(SpaceError::Conflict);
        }
        let bytes = text.len() as u64;
        self.place(name, &text);
        let version = {
            let mut inner = self.inner.borrow_mut();
            inner.writes += 1;
            inner.bytes_written += bytes;
            self.version(&inner.files[name])
        };
        match fault {
            Some(Fault::LoseAnswer) => Err(SpaceError::Unreachable("answer lost".into())),
            _ => Ok(self.tells_version.then_some(version)),
        }
    }
}

impl SpaceStore for MemorySpace {
    fn list(&self) -> LocalFuture<'_, Result<Vec<Listed>, SpaceError>> {
        Box::pin(async move {
            YieldOnce::default().await;
            self.list_now()
        })
    }

    fn get<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<Option<Fetched>, SpaceError>> {
        Box::pin(async move {
            YieldOnce::default().await;
            self.get_now(name)
        })
    }

    fn version<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<Option<Version>, SpaceError>> {
        Box::pin(async move {
            YieldOnce::default().await;
            Ok(self.get_now(name)?.and_then(|fetched| fetched.version))
        })
    }

    fn put<'a>(&'a self, name: &'a str, text: String, condition: Condition) -> LocalFuture<'a, Result<Option<Version>, SpaceError>> {
        Box::pin(async move {
            YieldOnce::default().await;
            self.put_now(name, text, condition)
        })
    }

    fn remove<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<(), SpaceError>> {
        Box::pin(async move {
            YieldOnce::default().await;
            match self.next_fault() {
                Some(Fault::Unreachable) => Err(SpaceError::Unreachable("injected".into())),
                Some(Fault::Full) => Err(SpaceError::Full),
                _ => {
                    self.inner.borrow_mut().files.remove(name);
                    Ok(())
                }
            }
        })
    }
}

/// Pauses that move the space's clock instead of waiting.
pub struct MemoryPause {
    now_ms: Rc<Cell<u64>>,
}

impl Pause for MemoryPause {
    fn pause(&self, ms: u32) -> LocalFuture<'_, ()> {
        Box::pin(async move {
            self.now_ms.set(self.now_ms.get() + u64::from(ms));
            YieldOnce::default().await;
        })
    }
}

/// One browser's copy of one retrospective, for tests and benchmarks: what the sync reads
/// and merges into, in a cell.
#[derive(Default)]
pub struct MemoryCopy(pub RefCell<Option<Retrospective>>);

impl Replicas for MemoryCopy {
    fn current(&self, _: Id) -> Option<Retrospective> {
        self.0.borrow().clone()
    }

    fn merge_in(&self, theirs: &Retrospective) -> Result<MergeReport, String> {
        let mut copy = self.0.borrow_mut();
        match copy.as_mut() {
            Some(mine) => merge_retrospectives(mine, theirs).map_err(|_| "a different retrospective".to_string()),
            None => {
                *copy = Some(theirs.clone());
                Ok(MergeReport { added: 1, ..MergeReport::default() })
            }
        }
    }
}

/// Pending once, then ready: a point where another future may run.
#[derive(Default)]
pub struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Runs a future whose every wait is a [`YieldOnce`] to the end, on this thread.
pub fn run_to_end<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(std::task::Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}
