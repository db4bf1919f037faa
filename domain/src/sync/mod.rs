//! The team space (#31): a folder on storage the team already runs, holding each team
//! retrospective as its usual JSON document, merged with everyone's edits by the merge the
//! model already has. No server of ours: the folder is a WebDAV share or a synced folder.
//!
//! - [`store`] — the one small interface every kind of space is reached through (list with
//!   versions, read with version, write if still at a version);
//! - [`layout`] — what the folder holds: file names, tombstones, the text written;
//! - [`engine`] — read → merge → write-if-version → on conflict again, for one retrospective;
//! - [`folder`] — a space without conditional writes (a synced folder, or a WebDAV server that
//!   ignores them): a file per writer, merged on read;
//! - [`probe`] — what a WebDAV server really guarantees, found out with a file of our own;
//! - [`choice`] — which of the two layouts a space uses, recorded in the space for everyone;
//! - [`schedule`] — when to list, check, send and back off;
//! - [`webdav`] — the WebDAV decisions (the listing's XML, versions without ETags, statuses,
//!   addresses);
//! - [`presence`] — who is here: heartbeat files, judged on the reader's clock;
//! - [`status`] — where syncing stands, in words;
//! - [`memory`] — a space in memory that fails on request, for the tests.

pub mod choice;
pub mod engine;
pub mod folder;
pub mod layout;
pub mod memory;
pub mod presence;
pub mod probe;
pub mod schedule;
pub mod status;
pub mod store;
pub mod webdav;
