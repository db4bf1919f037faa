//! What a team space holds and how its files are named.
//!
//! - `retro-<uuid>.json` — one team retrospective, the same JSON document as everywhere else
//!   (without accounts: only what a share link would carry), in a WebDAV folder, where a write
//!   can be made conditional on the version read;
//! - `retro-<uuid>.<writer>.json` — in a synced folder, where no write is conditional: each
//!   page load writes only files of its own (`writer` is 16 hex digits) and readers merge all
//!   of them (see `sync::folder`);
//! - a deleted retrospective's file holds a *tombstone* instead, `{"format":"retrace.deleted",…}`,
//!   so a deletion reaches everyone and no writer brings the retrospective back by accident.
//!
//! Anything else in the folder (a README, a colleague's spreadsheet) is left alone.

use crate::format::{self, FormatError};
use crate::model::ids::Id;
use crate::model::retrospective::Retrospective;
use serde::{Deserialize, Serialize};

/// The marker of a deleted retrospective's file.
pub const DELETED_FORMAT: &str = "retrace.deleted";

/// The file of team retrospective `id` in a folder that supports conditional writes.
pub fn file_name(id: Id) -> String {
    format!("retro-{id}.json")
}

/// The file `writer` keeps for retrospective `id` in a synced folder.
pub fn writer_file_name(id: Id, writer: &str) -> String {
    format!("retro-{id}.{writer}.json")
}

/// What a file name in a space is to Retrace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileName {
    /// `retro-<uuid>.json`.
    Retro(Id),
    /// `retro-<uuid>.<writer>.json`.
    WriterFile {
        /// The retrospective.
        id: Id,
        /// The page load that writes it.
        writer: String,
    },
}

/// Reads a file name; `None` for files that are not Retrace's.
pub fn parse_file_name(name: &str) -> Option<FileName> {
    let rest = name.strip_prefix("retro-")?.strip_suffix(".json")?;
    let id = Id::parse(rest.get(..36)?)?;
    match &rest[36..] {
        "" => Some(FileName::Retro(id)),
        writer => {
            let writer = writer.strip_prefix('.')?;
            (writer.len() == 16 && writer.bytes().all(|b| b.is_ascii_hexdigit())).then(|| FileName::WriterFile { id, writer: writer.to_ascii_lowercase() })
        }
    }
}

/// A deleted retrospective's file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// Always [`DELETED_FORMAT`].
    pub format: String,
    /// The retrospective that was deleted.
    pub id: Id,
    /// When (milliseconds since the epoch, the deleting browser's clock).
    pub deleted_ms: i64,
}

impl Tombstone {
    /// The tombstone of `id`, deleted at `now_ms`.
    pub fn new(id: Id, now_ms: i64) -> Tombstone {
        Tombstone { format: DELETED_FORMAT.into(), id, deleted_ms: now_ms }
    }

    /// Its text in the space.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What one file of the space holds, once read.
#[derive(Debug)]
pub enum SpaceFile {
    /// A retrospective this build can merge and write.
    Retro(Box<Retrospective>),
    /// The retrospective was deleted in the space.
    Deleted(Tombstone),
    /// Written by a newer Retrace: shown as such, never merged into or written over.
    Newer(u64),
    /// Not readable (damaged, hostile, over the limits, or another retrospective under this
    /// name): listed as damaged and never written over.
    Damaged(FormatError),
}

/// Reads the text of the file that should hold retrospective `id`, checking everything the
/// storage rules check (size, marker, schema, limits, types) and that it is that retrospective.
pub fn read_space_file(text: &str, id: Id) -> SpaceFile {
    if text.len() < 512 && text.contains(DELETED_FORMAT) {
        if let Ok(tombstone) = serde_json::from_str::<Tombstone>(text) {
            if tombstone.format == DELETED_FORMAT && tombstone.id == id {
                return SpaceFile::Deleted(tombstone);
            }
        }
    }
    match format::decode(text) {
        Ok(retro) if retro.id == id => SpaceFile::Retro(Box::new(retro)),
        Ok(_) => SpaceFile::Damaged(FormatError::Invalid(crate::i18n::tr("the file holds a different retrospective than its name says").into())),
        Err(FormatError::NewerSchema { found }) => SpaceFile::Newer(found),
        Err(e) => SpaceFile::Damaged(e),
    }
}

/// The text a team retrospective is written as: the document without accounts, which stay
/// on the device of whoever wrote them, exactly as a share link carries it.
pub fn space_text(retro: &Retrospective) -> String {
    format::encode(&retro.shareable())
}

/// A fingerprint of a text, to tell whether what this browser holds differs from what a
/// version in the space holds without keeping a copy of it. FNV-1a, 64 bits: specified, so it
/// is the same in every build and may be stored.
pub fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_back_and_strangers_ignored() {
        let id = Id::from_random([7; 16]);
        assert_eq!(parse_file_name(&file_name(id)), Some(FileName::Retro(id)));
        assert_eq!(parse_file_name(&writer_file_name(id, "00ff00ff00ff00ff")), Some(FileName::WriterFile { id, writer: "00ff00ff00ff00ff".into() }));
        for other in ["README.txt", "retro-.json", "retro-x.json", &format!("retro-{id}.jsonx"), &format!("retro-{id}.zz.json"), &format!("retro-{id}x.json")] {
            assert_eq!(parse_file_name(other), None, "{other}");
        }
    }

    #[test]
    fn a_tombstone_is_only_the_tombstone_of_its_own_retrospective() {
        let (a, b) = (Id::from_random([1; 16]), Id::from_random([2; 16]));
        let text = Tombstone::new(a, 5).encode();
        assert!(matches!(read_space_file(&text, a), SpaceFile::Deleted(t) if t.deleted_ms == 5));
        assert!(matches!(read_space_file(&text, b), SpaceFile::Damaged(_)));
        assert!(matches!(read_space_file("{\"format\":\"retrace.deleted\"", a), SpaceFile::Damaged(_)));
    }

    #[test]
    fn the_fingerprint_is_fnv1a() {
        assert_eq!(fingerprint(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(fingerprint("ab"), fingerprint("ba"));
    }
}
