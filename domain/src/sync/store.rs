//! The one small interface every team space is reached through, in the manner of Apache
//! Arrow's `object_store`: list the files with their versions, read a file with its version,
//! write it only if it is still at the version read (or absent), remove it. A WebDAV folder, a
//! picked folder and the in-memory store of the tests are each one implementation.
//!
//! The calls are asynchronous (a browser answers them later) but nothing here depends on an
//! executor: the futures are plain `std` futures, boxed so the trait can be used as `dyn`.

use crate::i18n::tr;
use crate::tf;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

/// A future that stays on its thread, as everything in a browser page does.
pub type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// A file's version as the space states it: a WebDAV ETag (`"7-5f2a…"`, or a weak
/// `W/"7-5f2a…"`), or any other opaque text that changes whenever the file does.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Version(pub String);

impl Version {
    /// Whether two versions name the same state of a file, however strongly each was vouched
    /// for (`W/"x"` and `"x"` do): to see that a file changed, not to write conditionally.
    pub fn same_state(&self, other: &Version) -> bool {
        self.0.trim_start_matches("W/") == other.0.trim_start_matches("W/")
    }

    /// Whether the server only vouches for this version loosely (`W/` in HTTP). A
    /// compare-and-swap with it never matches on a WebDAV server: Apache hands one out for a
    /// file changed within the last second. The sync loop reads again a little later.
    pub fn is_weak(&self) -> bool {
        self.0.starts_with("W/")
    }
}

/// One file of a listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The file's name inside the space (no folders).
    pub name: String,
    /// Its version now.
    pub version: Version,
    /// Its size in bytes, when the space says (files over the reader's limit are not fetched).
    pub size: Option<u64>,
    /// When it was last changed (milliseconds since the epoch), when the space says.
    pub modified_ms: Option<i64>,
}

/// A file as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The file's text (UTF-8).
    pub text: String,
    /// The version that text is; `None` when the space did not say.
    pub version: Option<Version>,
}

/// What a write may overwrite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// Only a file that does not exist yet (`If-None-Match: *`).
    Absent,
    /// Only the file at exactly this version (`If-Match`).
    At(Version),
    /// Whatever is there: only for a file nobody else writes (a writer's own file in a
    /// synced folder, which cannot compare and swap).
    Any,
}

/// Why the space did not do what it was asked. Every variant says in words what a person can
/// do; none of them is a reason to drop what this browser holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpaceError {
    /// Somebody wrote first (HTTP 412): read again, merge, retry.
    Conflict,
    /// The space cannot be reached (offline, server down, DNS, CORS refused).
    Unreachable(String),
    /// The server wants a login this page does not have (401).
    SignedOut,
    /// The server refuses this account (403).
    Forbidden,
    /// The folder itself is not there (404 on the folder, or 405/409 on a write into it).
    FolderMissing,
    /// The space is full (507) or refused the size of the file (413).
    Full,
    /// The file is larger than the space accepts.
    TooLarge,
    /// The browser has not (or no longer) granted access to a picked folder.
    PermissionNeeded,
    /// Anything else, with the server's status and words.
    Other(String),
}

impl SpaceError {
    /// Whether trying again later, unchanged, may succeed (the network or the server coming
    /// back); the others need a person to act first, so they are retried only slowly.
    pub fn is_transient(&self) -> bool {
        matches!(self, SpaceError::Unreachable(_) | SpaceError::Other(_))
    }
}

impl fmt::Display for SpaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            SpaceError::Conflict => tr("Someone else saved at the same moment.").to_string(),
            SpaceError::Unreachable(detail) => tf!("The team space cannot be reached ({detail}).", detail = detail),
            SpaceError::SignedOut => {
                tr("The team space asks for a login: sign in to the server (for example in another tab), then Retrace tries again.").to_string()
            }
            SpaceError::Forbidden => tr("The server refuses this account access to the team space folder.").to_string(),
            SpaceError::FolderMissing => tr("The team space folder is not there any more (it may have been moved or deleted).").to_string(),
            SpaceError::Full => tr("The team space is full, or refuses a file this large.").to_string(),
            SpaceError::TooLarge => tr("This retrospective is larger than the team space accepts.").to_string(),
            SpaceError::PermissionNeeded => tr("The browser needs your permission again to use the team space folder.").to_string(),
            SpaceError::Other(detail) => tf!("The team space answered with an error ({detail}).", detail = detail),
        };
        f.write_str(&text)
    }
}

/// A folder of files with versions: what a team space is to Retrace.
pub trait SpaceStore {
    /// Every file in the folder with its version. Folders inside it are not listed.
    fn list(&self) -> LocalFuture<'_, Result<Vec<Listed>, SpaceError>>;
    /// The file's text and version; `None` when there is no such file.
    fn get<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<Option<Fetched>, SpaceError>>;
    /// The file's version now, without its text (`HEAD`): how an open retrospective is
    /// watched cheaply. `None` when there is no such file.
    fn version<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<Option<Version>, SpaceError>>;
    /// Writes `text` if `condition` holds ([`SpaceError::Conflict`] otherwise). Returns the new
    /// version when the space tells it in its answer; `None` means "read to find out".
    fn put<'a>(&'a self, name: &'a str, text: String, condition: Condition) -> LocalFuture<'a, Result<Option<Version>, SpaceError>>;
    /// Removes the file (gone already is fine): how a synced folder's old writer files are
    /// folded away.
    fn remove<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<(), SpaceError>>;
}

/// Waiting between attempts: a timer in the browser, a step of a virtual clock in tests.
pub trait Pause {
    /// Resolves after about `ms` milliseconds.
    fn pause(&self, ms: u32) -> LocalFuture<'_, ()>;
}
