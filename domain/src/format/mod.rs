//! The one serialised form of a retrospective: the storage value, the export file and the
//! share-link payload are all this JSON document.
//!
//! - [`document`] — its shape and [`encode`];
//! - [`read`] — [`decode`] and the reference reader, with [`limits`] checked in one pass and
//!   older schemas brought up to date by `migrate`;
//! - [`encoder`] — encoding the same document again and again, re-serialising only what changed;
//! - [`link`] — the document in a share link;
//! - [`backup`] — every retrospective of a browser in one file;
//! - [`template_file`] — an own template, stored and as a file;
//! - [`error`] — what reading can report.

pub mod accounts;
pub mod backup;
pub mod document;
pub mod encoder;
pub mod error;
pub mod limits;
pub mod link;
mod migrate;
pub mod read;
pub mod template_file;

pub use document::{encode, FORMAT, SCHEMA};
pub use error::FormatError;
pub use limits::Limits;
pub use read::{decode, decode_newer_for_reading, decode_through_value, decode_with, read_as_written};
