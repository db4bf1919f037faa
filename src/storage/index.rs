//! The index of stored retrospectives (`<prefix>index`): a summary of each, so the home screen
//! lists a long history without reading every document, plus what a save needs to know about
//! the value it last wrote.
//!
//! Autosave rewrites the index after every pause in typing, and one summary carries all open
//! actions of its retrospective, so the index of a single big retrospective is tens of
//! kilobytes. [`IndexCodec`] remembers the text it last read or wrote (an index that is still
//! that text is not parsed again) and each summary's JSON (a summary that did not change is
//! not serialised again). Its output is byte for byte serde's; a test holds it to that.

use crate::domain::format::encoder::JsonCache;
use crate::domain::i18n::tr;
use crate::domain::listing::RetroSummary;
use crate::domain::tf;
use crate::domain::Id;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub(super) const INDEX_FORMAT: &str = "retrace.index";
const INDEX_SCHEMA: u64 = 1;

/// The stored index. Generic only so that [`IndexCodec::write`] can write it with cached
/// summaries through this very shape; everywhere else it is the plain document.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(bound(serialize = "F: Serialize, E: Serialize, D: Serialize + Deletions"))]
pub(super) struct IndexDocument<F = String, E = BTreeMap<Id, IndexEntry>, D = BTreeMap<Id, i64>> {
    format: F,
    schema: u64,
    pub entries: E,
    /// Retrospectives deleted in this browser, with when (Unix ms): a tab still open on one
    /// must not write it back. Absent in indexes written before it existed.
    #[serde(default, skip_serializing_if = "Deletions::is_none")]
    pub deleted: D,
}

/// The deletions, as owned or borrowed: empty ones are not written.
pub(super) trait Deletions {
    fn is_none(&self) -> bool;
}

impl Deletions for BTreeMap<Id, i64> {
    fn is_none(&self) -> bool {
        self.is_empty()
    }
}

impl Deletions for &BTreeMap<Id, i64> {
    fn is_none(&self) -> bool {
        self.is_empty()
    }
}

/// Deletions remembered at most; the oldest are forgotten first. A tab left open on a
/// retrospective through this many later deletions is rare, and each one costs the index
/// about 60 bytes.
const MAX_DELETIONS: usize = 500;

impl IndexDocument {
    pub fn empty() -> Self {
        IndexDocument { format: INDEX_FORMAT.into(), schema: INDEX_SCHEMA, entries: BTreeMap::new(), deleted: BTreeMap::new() }
    }

    /// Notes that `id` was deleted at `now_ms`, and drops its entry.
    pub fn note_deleted(&mut self, id: Id, now_ms: i64) {
        self.entries.remove(&id);
        self.deleted.insert(id, now_ms);
        while self.deleted.len() > MAX_DELETIONS {
            let Some(oldest) = self.deleted.iter().min_by_key(|(id, at)| (**at, **id)).map(|(id, _)| *id) else { break };
            self.deleted.remove(&oldest);
        }
    }
}

/// What the index knows of one stored retrospective.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub(super) struct IndexEntry<S = RetroSummary> {
    pub summary: S,
    /// Length of the stored value when the summary was taken: a different length means the
    /// value changed behind the index, and it is read again.
    pub bytes: usize,
    /// The same length in UTF-16 code units, which the browser can tell without handing the
    /// value over. Absent in indexes written before it existed: then `bytes` is used.
    #[serde(default)]
    pub units: Option<usize>,
    /// Hash of the value written with this entry. A save whose last write is still the one
    /// the index names need not read the (large) stored value back; any other writer changes
    /// this first. Absent in indexes written before it existed: then the value is read.
    #[serde(default)]
    pub written: Option<u64>,
}

pub(super) enum IndexState {
    Missing,
    Read(IndexDocument),
    Damaged(String),
}

/// Reads and writes index texts, remembering enough to skip repeated work; see the module
/// documentation.
#[derive(Default)]
pub(super) struct IndexCodec {
    /// The index text last read or written here, and what it holds.
    last: Option<(String, IndexDocument)>,
    /// Each summary's JSON as last written, with the summary it was written from.
    summaries: JsonCache<RetroSummary>,
}

impl IndexCodec {
    /// What the stored index text holds.
    pub fn read(&mut self, raw: String) -> IndexState {
        if let Some((text, doc)) = &self.last {
            if *text == raw {
                return IndexState::Read(doc.clone());
            }
        }
        match serde_json::from_str::<IndexDocument>(&raw) {
            Ok(doc) if doc.format == INDEX_FORMAT && doc.schema == INDEX_SCHEMA => {
                self.last = Some((raw, doc.clone()));
                IndexState::Read(doc)
            }
            Ok(doc) if doc.format == INDEX_FORMAT => {
                IndexState::Damaged(tf!("it was written by another version of Retrace (index schema {schema})", schema = doc.schema))
            }
            Ok(_) => IndexState::Damaged(tr("it is not a Retrace index").into()),
            Err(e) => IndexState::Damaged(tf!("it is not valid ({error})", error = e)),
        }
    }

    /// The text to store for `doc`: what `serde_json::to_string(&doc)` writes. It is written
    /// through the same shape ([`IndexDocument`] and [`IndexEntry`], generic over how entries
    /// and summaries are held) with each unchanged summary's cached JSON, so the two are the
    /// same bytes by construction.
    pub fn write(&mut self, doc: IndexDocument) -> String {
        self.summaries.refresh(&doc.entries, |entry| &entry.summary);
        let out = {
            let IndexDocument { format, schema, entries, deleted } = &doc;
            let entries = self.summaries.object(entries, |entry, summary| {
                let IndexEntry { summary: _, bytes, units, written } = *entry;
                IndexEntry { summary, bytes, units, written }
            });
            let view = IndexDocument { format: format.as_str(), schema: *schema, entries, deleted };
            serde_json::to_string(&view).expect("index values always serialise")
        };
        self.last = Some((out.clone(), doc));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Edit, Replica, Retrospective, Template, Writer};

    fn entry(n: u8, title: &str, units: Option<usize>, written: Option<u64>) -> (Id, IndexEntry) {
        let w = Writer::new(Replica(1), 1_000);
        let mut retro = Retrospective::new(Id::from_random([n; 16]), Template::Incident, title, &w);
        retro.apply(Edit::AddAction { id: Id::from_random([n + 100; 16]) }, &w);
        (retro.id, IndexEntry { summary: RetroSummary::of(&retro), bytes: 10 * n as usize, units, written })
    }

    #[test]
    fn written_text_is_serdes_and_reads_back_through_edits_and_removals() {
        let mut codec = IndexCodec::default();
        let mut doc = IndexDocument::empty();
        let check = |doc: &IndexDocument, codec: &mut IndexCodec| {
            let text = codec.write(doc.clone());
            assert_eq!(text, serde_json::to_string(doc).unwrap());
            let mut fresh = IndexCodec::default();
            assert!(matches!(fresh.read(text.clone()), IndexState::Read(read) if read == *doc));
            assert!(matches!(codec.read(text), IndexState::Read(read) if read == *doc));
        };
        check(&doc, &mut codec);
        for (n, title) in [(1, "Plain"), (2, "Quotes \" and \\ and\nnewlines"), (3, "日本 🚒")] {
            let (id, e) = entry(n, title, (n != 2).then_some(n as usize), (n != 3).then_some(u64::MAX - n as u64));
            doc.entries.insert(id, e);
        }
        check(&doc, &mut codec);
        let (id, changed) = entry(2, "Renamed", Some(7), Some(0));
        doc.entries.insert(id, changed);
        check(&doc, &mut codec);
        doc.entries.remove(&Id::from_random([1; 16]));
        check(&doc, &mut codec);
        doc.note_deleted(Id::from_random([2; 16]), 5_000);
        assert!(!doc.entries.contains_key(&Id::from_random([2; 16])));
        check(&doc, &mut codec);
    }

    #[test]
    fn only_the_newest_deletions_are_remembered() {
        let mut doc = IndexDocument::empty();
        for n in 0..(MAX_DELETIONS as u32 + 3) {
            let mut bytes = [0u8; 16];
            bytes[..4].copy_from_slice(&n.to_be_bytes());
            doc.note_deleted(Id::from_random(bytes), i64::from(n));
        }
        assert_eq!(doc.deleted.len(), MAX_DELETIONS);
        assert_eq!(doc.deleted.values().min(), Some(&3));
    }

    #[test]
    fn a_text_other_than_the_last_is_parsed_and_bad_ones_are_reported() {
        let mut codec = IndexCodec::default();
        let mut doc = IndexDocument::empty();
        let (id, e) = entry(1, "Mine", Some(1), Some(1));
        doc.entries.insert(id, e);
        codec.write(doc.clone());
        let (id, e) = entry(2, "Written by another tab", Some(2), Some(2));
        doc.entries.insert(id, e);
        let theirs = serde_json::to_string(&doc).unwrap();
        assert!(matches!(codec.read(theirs), IndexState::Read(read) if read == doc));
        assert!(matches!(codec.read("not json".into()), IndexState::Damaged(m) if m.contains("not valid")));
        let newer = r#"{"format":"retrace.index","schema":9,"entries":{}}"#;
        assert!(matches!(codec.read(newer.into()), IndexState::Damaged(m) if m.contains("schema 9")));
        assert!(matches!(codec.read(r#"{"format":"other","schema":1,"entries":{}}"#.into()), IndexState::Damaged(_)));
    }
}
