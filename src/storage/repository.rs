//! The storage rules, independent of where the bytes live.

use super::index::{IndexCodec, IndexDocument, IndexEntry, IndexState};
use super::{utf16_len, KeyValueStore, StoreError, StoreOperation};
use crate::domain::export::tracker::{validate_base, Tracker, TrackerError};
use crate::domain::format::encoder::IncrementalEncoder;
use crate::domain::format::{self, FormatError};
use crate::domain::i18n::{tr, Lang};
use crate::domain::listing::{sort_newest_first, RetroSummary};
use crate::domain::tf;
use crate::domain::{merge_retrospectives, Id, MergeReport, Replica, Retrospective};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::rc::Rc;

const SETTINGS_FORMAT: &str = "retrace.settings";

/// A stored value that could not be read. It is listed, never rewritten, and its raw text can
/// be downloaded before the user deletes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DamagedEntry {
    pub key: String,
    /// What it was meant to be, for people: "Retrospective 3f2a…" or "The list of retrospectives".
    pub label: String,
    pub problem: String,
    /// Written by a newer Retrace: it is fine, this build just cannot read it fully.
    pub newer_version: bool,
    /// A newer-version retrospective this build can still show read-only (its label is then
    /// its title, read best-effort).
    pub readable: Option<Id>,
}

/// What a stored value that cannot be read was meant to be, for its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum StoredKind {
    Retrospective,
    Template,
}

impl DamagedEntry {
    /// A stored `kind` (a retrospective, a template) that cannot be read, labelled by its id.
    pub(super) fn unreadable(kind: StoredKind, key: &str, id: Id, problem: String, newer_version: bool) -> DamagedEntry {
        let short = &id.to_string()[..8];
        let label = match kind {
            StoredKind::Retrospective => tf!("Retrospective {id}…", id = short),
            StoredKind::Template => tf!("Template {id}…", id = short),
        };
        DamagedEntry { key: key.to_string(), label, problem, newer_version, readable: None }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Newest first.
    pub retros: Vec<RetroSummary>,
    pub damaged: Vec<DamagedEntry>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum LoadError {
    Missing,
    Damaged(FormatError),
    Store(StoreError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Missing => f.write_str(tr("This retrospective is not in this browser's storage.")),
            LoadError::Damaged(e) => write!(f, "{e}"),
            LoadError::Store(e) => write!(f, "{e}"),
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum SaveError {
    Store(StoreError),
    /// The stored value under this key cannot be read; saving would destroy it.
    WouldOverwriteUnreadable(FormatError),
    /// The retrospective was deleted in this browser (another tab or window) since this copy
    /// was opened; writing it would bring it back behind the user's back.
    DeletedElsewhere,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Store(e) => write!(f, "{e}"),
            SaveError::WouldOverwriteUnreadable(e) => {
                f.write_str(&tf!("Not saved: the stored copy cannot be read and will not be overwritten ({problem}).", problem = e))
            }
            SaveError::DeletedElsewhere => f.write_str(tr("Not saved: this retrospective was deleted in another tab or window.")),
        }
    }
}

/// Why [`Repository::update`] changed nothing: the stored copy could not be loaded, or the
/// changed one not saved.
#[derive(Debug, PartialEq, Eq)]
pub enum UpdateError {
    Load(LoadError),
    Save(SaveError),
}

impl fmt::Display for UpdateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UpdateError::Load(e) => write!(f, "{e}"),
            UpdateError::Save(e) => write!(f, "{e}"),
        }
    }
}

/// A stored retrospective as it can be opened.
#[derive(Debug, PartialEq)]
pub enum Opened {
    /// Written by this version (or migrated from an older one): edited and saved as usual.
    Editable(Retrospective),
    /// Written by a newer version (`schema`), read best-effort: shown, never saved, so nothing
    /// the newer version stored is lost.
    ReadOnly { retro: Retrospective, schema: u64 },
}

/// What a successful save did.
#[derive(Debug, PartialEq, Eq, Default)]
pub struct Saved {
    /// Changes another tab or window had stored, merged into the saved document.
    pub merged: Option<MergeReport>,
}

#[derive(Serialize, Deserialize)]
struct Settings {
    format: String,
    replica: Replica,
    /// The issue tracker "new issue" links go to: its kind and base address.
    #[serde(default)]
    tracker: Option<(Tracker, String)>,
    /// The language chosen with the picker (`en`, `de`, `es`); none until someone chooses,
    /// so the browser's language (or the host page's `lang`) decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
}

/// Retrospectives under one key prefix of a [`KeyValueStore`].
pub struct Repository {
    pub(super) store: Rc<dyn KeyValueStore>,
    prefix: String,
    /// Hash of the value this repository last wrote per retrospective, to tell whether another
    /// tab has written since (then its changes are merged in before writing).
    last_written: RefCell<HashMap<Id, u64>>,
    /// The JSON of the items of the retrospective saved last, as written: its next save
    /// re-encodes only the items that changed. One slot: autosave writes one open document
    /// again and again, and a copy of every document ever saved would only cost memory.
    encoder: RefCell<Option<(Id, IncrementalEncoder)>>,
    /// The index as last read or written, so autosave does not parse and serialise it whole.
    index: RefCell<IndexCodec>,
    /// The digests the insights read, per retrospective (see `storage::insights`).
    pub(super) digests: RefCell<super::insights::DigestCache>,
}

impl Repository {
    pub fn new(store: Rc<dyn KeyValueStore>, prefix: &str) -> Self {
        Repository {
            store,
            prefix: prefix.to_string(),
            last_written: RefCell::default(),
            encoder: RefCell::default(),
            index: RefCell::default(),
            digests: RefCell::default(),
        }
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn retro_key(&self, id: Id) -> String {
        format!("{}retro:{id}", self.prefix)
    }

    fn index_key(&self) -> String {
        format!("{}index", self.prefix)
    }

    fn settings_key(&self) -> String {
        format!("{}settings", self.prefix)
    }

    /// The id a key belongs to, when it is one of this repository's retrospective keys.
    pub fn id_of_key(&self, key: &str) -> Option<Id> {
        key.strip_prefix(&self.prefix)?.strip_prefix("retro:").and_then(Id::parse)
    }

    /// Every retrospective and every damaged value under the prefix.
    pub fn list(&self) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        let index = self.read_index()?;
        if let IndexState::Damaged(problem) = &index {
            listing.damaged.push(DamagedEntry {
                key: self.index_key(),
                label: tr("The list of retrospectives").into(),
                problem: problem.clone(),
                newer_version: false,
                readable: None,
            });
        }
        let mut indexed = match index {
            IndexState::Read(doc) => doc.entries,
            _ => BTreeMap::new(),
        };
        let keys = self.store.keys()?;
        for key in &keys {
            let key = key.as_str();
            let Some(id) = self.id_of_key(key) else { continue };
            let entry = indexed.remove(&id);
            // The usual case: the value has the length the index noted, so its summary holds.
            if let Some(units) = entry.as_ref().and_then(|e| e.units) {
                match self.store.text_len(key)? {
                    None => continue,
                    Some(len) if len == units => {
                        listing.retros.extend(entry.map(|e| e.summary));
                        continue;
                    }
                    Some(_) => {}
                }
            }
            let Some(raw) = self.store.get(key)? else { continue };
            match entry {
                Some(entry) if entry.units.is_none() && entry.bytes == raw.len() => listing.retros.push(entry.summary),
                _ => match format::decode(&raw) {
                    Ok(retro) if retro.id == id => listing.retros.push(RetroSummary::of(&retro)),
                    Ok(_) => listing.damaged.push(self.damaged(key, id, tr("it is stored under another retrospective's key").into(), false)),
                    Err(e @ FormatError::NewerSchema { .. }) => {
                        let mut entry = self.damaged(key, id, e.to_string(), true);
                        if let Some(readable) = newer_for_reading(id, &raw) {
                            entry.label = tf!("“{title}”", title = readable.display_title());
                            entry.readable = Some(id);
                        }
                        listing.damaged.push(entry);
                    }
                    Err(e) => listing.damaged.push(self.damaged(key, id, e.to_string(), false)),
                },
            }
        }
        sort_newest_first(&mut listing.retros);
        listing.damaged.extend(self.templates_among(&keys)?.damaged);
        Ok(listing)
    }

    fn damaged(&self, key: &str, id: Id, problem: String, newer_version: bool) -> DamagedEntry {
        DamagedEntry::unreadable(StoredKind::Retrospective, key, id, problem, newer_version)
    }

    pub fn load(&self, id: Id) -> Result<Retrospective, LoadError> {
        let raw = self.stored_text(id)?;
        self.decode_stored(id, &raw)
    }

    fn stored_text(&self, id: Id) -> Result<String, LoadError> {
        self.store.get(&self.retro_key(id)).map_err(LoadError::Store)?.ok_or(LoadError::Missing)
    }

    /// Reads the stored text of `id`, remembering it as what this repository last saw.
    fn decode_stored(&self, id: Id, raw: &str) -> Result<Retrospective, LoadError> {
        let retro = format::decode(raw).map_err(LoadError::Damaged)?;
        self.last_written.borrow_mut().insert(id, hash(raw));
        Ok(retro)
    }

    /// Opens `id`: editable, or read-only when a newer Retrace wrote it and this build can
    /// still read it.
    pub fn open(&self, id: Id) -> Result<Opened, LoadError> {
        let raw = self.stored_text(id)?;
        match self.decode_stored(id, &raw) {
            Ok(retro) => Ok(Opened::Editable(retro)),
            Err(LoadError::Damaged(FormatError::NewerSchema { found })) => match newer_for_reading(id, &raw) {
                Some(retro) => Ok(Opened::ReadOnly { retro, schema: found }),
                None => Err(LoadError::Damaged(FormatError::NewerSchema { found })),
            },
            Err(e) => Err(e),
        }
    }

    /// The application service behind one-off changes from outside the open workspace (rename,
    /// mark an action done, merge a link in): loads `id`, lets `change` edit it, saves it (with
    /// what another tab stored meanwhile merged in) and returns what `change` returned.
    pub fn update<T>(&self, id: Id, change: impl FnOnce(&mut Retrospective) -> T) -> Result<(T, Retrospective), UpdateError> {
        let mut retro = self.load(id).map_err(UpdateError::Load)?;
        let result = change(&mut retro);
        self.save(&mut retro).map_err(UpdateError::Save)?;
        Ok((result, retro))
    }

    /// Writes `retro` under its key and refreshes the index. If the stored value changed since
    /// this repository last read or wrote it (another tab), that copy is merged into `retro`
    /// first. An unreadable stored value is never overwritten.
    ///
    /// The index entry is written before the value, naming the value's hash. So when the entry
    /// still names this repository's last write, nobody has written since and the stored value
    /// need not be read back; a writer that fails halfway leaves an entry naming a write that
    /// is not ours, which sends the next save down the careful path.
    ///
    /// A retrospective deleted in this browser since (see [`Self::delete`]) is not written
    /// back: that is [`SaveError::DeletedElsewhere`]. [`Self::restore`] is the way to bring one
    /// back on purpose.
    pub fn save(&self, retro: &mut Retrospective) -> Result<Saved, SaveError> {
        self.write(retro, false)
    }

    /// Saves `retro` even if it was deleted in this browser: the user chose to bring it back
    /// (undo, or opening a link or file of it as a retrospective again).
    pub fn restore(&self, retro: &mut Retrospective) -> Result<Saved, SaveError> {
        self.write(retro, true)
    }

    fn write(&self, retro: &mut Retrospective, restoring: bool) -> Result<Saved, SaveError> {
        let key = self.retro_key(retro.id);
        let mut saved = Saved::default();
        let index = self.read_index().map_err(SaveError::Store)?;
        let last = self.last_written.borrow().get(&retro.id).copied();
        let (unchanged_since_our_write, deleted) = match &index {
            IndexState::Read(doc) => (last.is_some() && doc.entries.get(&retro.id).and_then(|e| e.written) == last, doc.deleted.contains_key(&retro.id)),
            _ => (false, false),
        };
        let existing = if unchanged_since_our_write { None } else { self.store.get(&key).map_err(SaveError::Store)? };
        // A deletion that a stored value outlived (restored in another tab) no longer holds.
        if deleted && existing.is_none() && !restoring {
            return Err(SaveError::DeletedElsewhere);
        }
        if let Some(existing) = existing {
            if last != Some(hash(&existing)) {
                let theirs = format::decode(&existing).map_err(SaveError::WouldOverwriteUnreadable)?;
                let report = merge_retrospectives(retro, &theirs)
                    .map_err(|_| SaveError::WouldOverwriteUnreadable(FormatError::Invalid(tr("the stored copy is a different retrospective").into())))?;
                saved.merged = Some(report);
            }
        }
        let text = {
            let mut slot = self.encoder.borrow_mut();
            if slot.as_ref().is_some_and(|(id, _)| *id != retro.id) {
                *slot = None;
            }
            let (_, encoder) = slot.get_or_insert_with(|| (retro.id, IncrementalEncoder::default()));
            encoder.encode(retro)
        };
        let written = hash(&text);
        self.write_index(index, |doc| {
            let (bytes, units) = (text.len(), Some(utf16_len(&text)));
            doc.deleted.remove(&retro.id);
            doc.entries.insert(retro.id, IndexEntry { summary: RetroSummary::of(retro), bytes, units, written: Some(written) });
        })
        .map_err(SaveError::Store)?;
        self.store.set(&key, &text).map_err(SaveError::Store)?;
        self.last_written.borrow_mut().insert(retro.id, written);
        Ok(saved)
    }

    /// Another tab's copy of `id`, as a `storage` event carries it (`raw`), unless it is this
    /// repository's own last write. The event's value is used rather than reading storage
    /// again: while a tab's own write is still on its way, the browser may answer a read with
    /// that write instead of the other tab's.
    pub fn changed_copy(&self, id: Id, raw: &str) -> Result<Option<Retrospective>, LoadError> {
        if self.last_written.borrow().get(&id) == Some(&hash(raw)) {
            return Ok(None);
        }
        format::decode(raw).map(Some).map_err(LoadError::Damaged)
    }

    /// Deletes a retrospective, remembering in the index that it was deleted (at `now_ms`),
    /// so that a tab still open on it cannot write it back by saving. The index is written
    /// first: another tab that sees the value gone also sees why.
    pub fn delete(&self, id: Id, now_ms: i64) -> Result<(), StoreError> {
        self.update_index(|doc| doc.note_deleted(id, now_ms))?;
        self.store.remove(&self.retro_key(id))?;
        self.last_written.borrow_mut().remove(&id);
        Ok(())
    }

    /// The fingerprint of `id`'s stored value as the index names it: it changes with every
    /// write, whoever made it, so the team space can tell what changed since it last synced.
    pub fn written(&self, id: Id) -> Option<u64> {
        match self.read_index().ok()? {
            IndexState::Read(doc) => doc.entries.get(&id).and_then(|e| e.written),
            _ => None,
        }
    }

    /// Whether a value is stored for `id` (without reading it).
    pub fn contains(&self, id: Id) -> bool {
        self.store.text_len(&self.retro_key(id)).ok().flatten().is_some()
    }

    /// Whether `id` was deleted in this browser and not brought back since.
    pub fn was_deleted(&self, id: Id) -> Result<bool, StoreError> {
        Ok(match self.read_index()? {
            IndexState::Read(doc) => doc.deleted.contains_key(&id) && self.store.text_len(&self.retro_key(id))?.is_none(),
            _ => false,
        })
    }

    /// The stored text under `key`, for "download raw data" on a damaged entry.
    pub fn raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.store.get(key)
    }

    /// Stores `text` under `key` as it is (the small documents beside retrospectives).
    pub(super) fn store_text(&self, key: &str, text: &str) -> Result<(), StoreError> {
        self.store.set(key, text)
    }

    /// Every key in the store.
    pub(super) fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.store.keys()
    }

    /// Deletes a damaged value the user chose to discard. Only keys under this prefix.
    pub fn discard(&self, key: &str) -> Result<(), StoreError> {
        if key.starts_with(&self.prefix) {
            self.store.remove(key)?;
        }
        Ok(())
    }

    /// This browser profile's id, created with `fresh` on first use. When the settings value
    /// is unreadable it is left alone and a fresh id serves this session. (Writes are stamped
    /// with a replica per page load; this id says which profile that page belongs to.)
    pub fn profile(&self, fresh: impl FnOnce() -> Replica) -> Result<Replica, StoreError> {
        let key = self.settings_key();
        if let Some(stored) = self.store.get_value(&key)? {
            return Ok(match stored.ok().map(serde_json::from_value::<Settings>) {
                Some(Ok(s)) if s.format == SETTINGS_FORMAT => s.replica,
                _ => fresh(),
            });
        }
        let replica = fresh();
        self.write_settings(&Settings { format: SETTINGS_FORMAT.into(), replica, tracker: None, language: None })?;
        Ok(replica)
    }

    /// The settings, unless there are none or they cannot be read.
    fn settings(&self) -> Option<Settings> {
        let stored = self.store.get_value(&self.settings_key()).ok()??.ok()?;
        serde_json::from_value::<Settings>(stored).ok().filter(|s| s.format == SETTINGS_FORMAT)
    }

    fn write_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        let value = serde_json::to_value(settings).map_err(|e| StoreError::Failed { operation: StoreOperation::Writing, detail: e.to_string() })?;
        self.store.set_value(&self.settings_key(), &value)
    }

    /// The language chosen in this browser, if any.
    pub fn language(&self) -> Option<Lang> {
        self.settings().and_then(|s| s.language).and_then(|code| Lang::from_tag(&code))
    }

    /// Remembers the language chosen with the picker. Needs readable settings: an unreadable
    /// settings value is never overwritten.
    pub fn set_language(&self, lang: Lang) -> Result<(), String> {
        let mut settings =
            self.settings().ok_or_else(|| tr("The settings of this browser cannot be read, so the language chosen is not remembered.").to_string())?;
        settings.language = Some(lang.code().to_string());
        self.write_settings(&settings).map_err(|e| e.to_string())
    }

    /// The issue tracker chosen in this browser, if any.
    pub fn tracker(&self) -> Option<(Tracker, String)> {
        self.settings().and_then(|s| s.tracker)
    }

    /// Remembers (or with `None`, forgets) the issue tracker. Needs readable settings: an
    /// unreadable settings value is never overwritten.
    pub fn set_tracker(&self, tracker: Option<(Tracker, &str)>) -> Result<(), String> {
        let mut settings = self.settings().ok_or(tr("the settings of this browser cannot be read, so they are left as they are"))?;
        settings.tracker = match tracker {
            Some((kind, base)) => Some((kind, validate_base(base).map_err(|e: TrackerError| e.to_string())?)),
            None => None,
        };
        self.write_settings(&settings).map_err(|e| e.to_string())
    }

    fn read_index(&self) -> Result<IndexState, StoreError> {
        let Some(raw) = self.store.get(&self.index_key())? else { return Ok(IndexState::Missing) };
        Ok(self.index.borrow_mut().read(raw))
    }

    /// Rewrites the index, unless the stored one is unreadable: that one is kept for the user.
    fn update_index(&self, change: impl FnOnce(&mut IndexDocument)) -> Result<(), StoreError> {
        self.write_index(self.read_index()?, change)
    }

    /// [`Self::update_index`] with an index just read.
    fn write_index(&self, index: IndexState, change: impl FnOnce(&mut IndexDocument)) -> Result<(), StoreError> {
        let mut doc = match index {
            IndexState::Damaged(_) => return Ok(()),
            IndexState::Missing => IndexDocument::empty(),
            IndexState::Read(doc) => doc,
        };
        change(&mut doc);
        let text = self.index.borrow_mut().write(doc);
        self.store.set(&self.index_key(), &text)
    }
}

/// A newer-schema value read best-effort for showing, when it is the retrospective its key
/// names; the home list and opening read it the same way.
fn newer_for_reading(id: Id, raw: &str) -> Option<Retrospective> {
    format::decode_newer_for_reading(raw).ok().filter(|r| r.id == id)
}

/// A fingerprint of a stored value, to tell "the value we last wrote" from any other. Kept in
/// the index, so it must be a specified hash that no build changes (std's `DefaultHasher` may):
/// XXH3-64, which reads half a megabyte per save at memory speed. Entries written by builds
/// before it hold another fingerprint, which never matches: their first save reads the value
/// back and merges, the careful path.
fn hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Edit, HeaderField, Template, Writer};
    use crate::storage::memory::{Failure, MemoryStore};

    fn setup() -> (MemoryStore, Repository, Writer) {
        let store = MemoryStore::new();
        let repo = Repository::new(Rc::new(store.clone()), "retrace:");
        (store, repo, Writer::new(Replica(1), 1_000))
    }

    fn retro(n: u8, title: &str, w: &Writer) -> Retrospective {
        Retrospective::new(Id::from_random([n; 16]), Template::Incident, title, w)
    }

    #[test]
    fn saved_retrospectives_are_listed_newest_first_and_load_back() {
        let (store, repo, w) = setup();
        let mut a = retro(1, "Older", &w);
        let mut b = retro(2, "Newer", &Writer { now_ms: 2_000, ..w });
        repo.save(&mut a).unwrap();
        repo.save(&mut b).unwrap();
        let titles: Vec<_> = repo.list().unwrap().retros.into_iter().map(|s| s.title().to_string()).collect();
        assert_eq!(titles, ["Newer", "Older"]);
        assert_eq!(repo.load(a.id).unwrap(), a);
        assert!(store.keys().unwrap().contains(&format!("retrace:retro:{}", a.id)));
        assert!(store.keys().unwrap().contains(&"retrace:index".to_string()));
    }

    #[test]
    fn a_damaged_value_is_listed_and_never_overwritten() {
        let (store, repo, w) = setup();
        let mut a = retro(1, "Fine", &w);
        repo.save(&mut a).unwrap();
        let mut b = retro(2, "Will break", &w);
        let key = repo.retro_key(b.id);
        store.set(&key, "{\"format\":\"retrace.retrospective\",\"sche").unwrap();
        let listing = repo.list().unwrap();
        assert_eq!(listing.retros.len(), 1);
        assert_eq!(listing.damaged.len(), 1);
        assert_eq!(listing.damaged[0].key, key);
        assert!(matches!(repo.save(&mut b), Err(SaveError::WouldOverwriteUnreadable(_))));
        assert_eq!(store.get(&key).unwrap().unwrap(), "{\"format\":\"retrace.retrospective\",\"sche");
    }

    #[test]
    fn a_value_changed_behind_the_index_is_read_again() {
        let (store, repo, w) = setup();
        let mut a = retro(1, "Fine", &w);
        repo.save(&mut a).unwrap();
        store.set(&repo.retro_key(a.id), "garbage").unwrap();
        let listing = repo.list().unwrap();
        assert!(listing.retros.is_empty());
        assert_eq!(listing.damaged.len(), 1);
    }

    #[test]
    fn a_damaged_index_is_reported_kept_and_the_retrospectives_still_listed() {
        let (store, repo, w) = setup();
        let mut a = retro(1, "Fine", &w);
        repo.save(&mut a).unwrap();
        store.set("retrace:index", "not json").unwrap();
        let listing = repo.list().unwrap();
        assert_eq!(listing.retros.len(), 1);
        assert_eq!(listing.damaged[0].key, "retrace:index");
        a.apply(Edit::Header(HeaderField::Title("Renamed".into())), &w);
        repo.save(&mut a).unwrap();
        assert_eq!(store.get("retrace:index").unwrap().unwrap(), "not json");
        assert_eq!(repo.list().unwrap().retros[0].title(), "Renamed");
    }

    #[test]
    fn updates_load_change_and_save_and_say_why_when_they_cannot() {
        let (_store, repo, w) = setup();
        let mut a = retro(1, "Before", &w);
        repo.save(&mut a).unwrap();
        let (changed, after) = repo.update(a.id, |r| r.apply(Edit::Header(HeaderField::Title("After".into())), &w)).unwrap();
        assert!(changed);
        assert_eq!(after.title.value, "After");
        assert_eq!(repo.load(a.id).unwrap().title.value, "After");
        let missing = Id::from_random([7; 16]);
        assert_eq!(repo.update(missing, |_| ()).unwrap_err(), UpdateError::Load(LoadError::Missing));
    }

    #[test]
    fn newer_schema_values_open_read_only() {
        let (store, repo, w) = setup();
        let mut mine = retro(2, "Mine", &w);
        repo.save(&mut mine).unwrap();
        assert!(matches!(repo.open(mine.id), Ok(Opened::Editable(_))));
        let a = retro(1, "From the future", &w);
        let text = format::encode(&a).replacen(&format!("\"schema\":{}", format::SCHEMA), "\"schema\":9,\"new_thing\":[1]", 1);
        store.set(&repo.retro_key(a.id), &text).unwrap();
        match repo.open(a.id) {
            Ok(Opened::ReadOnly { retro, schema }) => assert_eq!((retro.display_title(), schema), ("From the future", 9)),
            other => panic!("{other:?}"),
        }
        assert_eq!(store.get(&repo.retro_key(a.id)).unwrap().unwrap(), text, "opening never writes");
    }

    #[test]
    fn newer_schema_values_are_flagged_as_such() {
        let (store, repo, w) = setup();
        let a = retro(1, "From the future", &w);
        let next = format::SCHEMA + 1;
        let text = format::encode(&a).replacen(&format!("\"schema\":{}", format::SCHEMA), &format!("\"schema\":{next}"), 1);
        store.set(&repo.retro_key(a.id), &text).unwrap();
        let listing = repo.list().unwrap();
        assert!(listing.damaged[0].newer_version);
        assert_eq!(listing.damaged[0].label, "“From the future”", "listed by its title, read best-effort");
        assert_eq!(listing.damaged[0].readable, Some(a.id));
        assert!(matches!(repo.load(a.id), Err(LoadError::Damaged(FormatError::NewerSchema { found })) if found == next));
    }

    #[test]
    fn another_tabs_write_is_merged_not_lost() {
        let (store, repo, w) = setup();
        let mut mine = retro(1, "Shared", &w);
        repo.save(&mut mine).unwrap();
        // Another tab, same storage, its own replica, adds an entry and saves.
        let other_repo = Repository::new(Rc::new(store.clone()), "retrace:");
        let other_writer = Writer::new(Replica(2), 1_500);
        let mut theirs = other_repo.load(mine.id).unwrap();
        theirs.apply(Edit::AddTimelineEntry { id: Id::from_random([9; 16]) }, &other_writer);
        other_repo.save(&mut theirs).unwrap();
        // This tab edits the title without having seen that, then saves.
        mine.apply(Edit::Header(HeaderField::Title("Shared, renamed".into())), &w);
        let saved = repo.save(&mut mine).unwrap();
        assert_eq!(saved.merged.unwrap().added, 1);
        let stored = repo.load(mine.id).unwrap();
        assert_eq!(stored.timeline.len(), 1);
        assert_eq!(stored.title.value, "Shared, renamed");
    }

    #[test]
    fn saving_again_reads_the_stored_document_only_after_someone_else_wrote_it() {
        let (store, repo, w) = setup();
        let mut mine = retro(1, "Big", &w);
        let key = repo.retro_key(mine.id);
        repo.save(&mut mine).unwrap();
        let reads = store.reads_of(&key);
        for n in 0..3 {
            mine.apply(Edit::Header(HeaderField::Title(format!("Big {n}"))), &w);
            assert_eq!(repo.save(&mut mine).unwrap(), Saved::default());
        }
        assert_eq!(store.reads_of(&key), reads, "our own last write is not read back");
        let other = Repository::new(Rc::new(store.clone()), "retrace:");
        let mut theirs = other.load(mine.id).unwrap();
        theirs.apply(Edit::Header(HeaderField::Impact("Checkout down".into())), &Writer::new(Replica(2), 2_000));
        other.save(&mut theirs).unwrap();
        mine.apply(Edit::Header(HeaderField::Title("Big, renamed".into())), &w);
        assert_eq!(repo.save(&mut mine).unwrap().merged.unwrap().changed, 1);
        assert!(store.reads_of(&key) > reads, "another writer's value is read and merged");
        assert_eq!(repo.load(mine.id).unwrap().impact.value, "Checkout down");
    }

    #[test]
    fn a_value_changed_behind_an_index_without_write_hashes_is_merged() {
        let (store, repo, w) = setup();
        let mut mine = retro(1, "Old index", &w);
        repo.save(&mut mine).unwrap();
        // An index as earlier builds wrote it (no hashes), and a value changed by another writer.
        let index = store.get("retrace:index").unwrap().unwrap();
        let mut index: serde_json::Value = serde_json::from_str(&index).unwrap();
        for entry in index["entries"].as_object_mut().unwrap().values_mut() {
            entry.as_object_mut().unwrap().remove("written");
        }
        store.set("retrace:index", &index.to_string()).unwrap();
        let mut theirs = mine.clone();
        theirs.apply(Edit::Header(HeaderField::Impact("Their words".into())), &Writer::new(Replica(2), 2_000));
        store.set(&repo.retro_key(mine.id), &format::encode(&theirs)).unwrap();
        mine.apply(Edit::Header(HeaderField::Title("Mine".into())), &w);
        repo.save(&mut mine).unwrap();
        let stored = repo.load(mine.id).unwrap();
        assert_eq!((stored.title.value.as_str(), stored.impact.value.as_str()), ("Mine", "Their words"));
    }

    #[test]
    fn the_fingerprint_is_xxh3_and_tells_small_changes_apart() {
        let base = "x".repeat(1_000);
        let mut seen = std::collections::HashSet::new();
        for i in 0..base.len() {
            let mut changed = base.clone().into_bytes();
            changed[i] = b'y';
            assert!(seen.insert(hash(std::str::from_utf8(&changed).unwrap())), "a one-byte change at {i} collided");
        }
        assert!(seen.insert(hash(&base)) && seen.insert(hash(&base[1..])) && seen.insert(hash("")));
        // Stored in indexes: a build that changed it would make every first save re-read its value.
        // XXH3-64 of the empty input, seed 0, as its specification gives it.
        assert_eq!(hash(""), 0x2d06_8005_38d3_94c2, "{:#x}", hash(""));
    }

    /// The fingerprint builds before XXH3 wrote into index entries (kept here to test that such an
    /// entry takes the careful path). It was:
    /// a fingerprint of a stored value, to tell "the value we last wrote" from any other. Kept in
    /// the index, so it must not change between builds (std's `DefaultHasher` may), and it runs
    /// over half a megabyte per save, so it reads eight bytes at a time into four independent
    /// lanes (one chain would make each step wait for the last). Each step is a bijection of a
    /// lane for a fixed block and of the block for a fixed lane, and so is each step of folding
    /// the lanes together: two texts of one length that differ within one aligned 8-byte block
    /// never collide. The length is mixed in at the end.
    fn previous_fingerprint(text: &str) -> u64 {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let step = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(K);
        let tail_word = |bytes: &[u8]| {
            let mut padded = [0u8; 8];
            padded[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(padded)
        };
        let mut blocks = text.as_bytes().chunks_exact(32);
        let mut lanes = [0u64, 1, 2, 3];
        for block in blocks.by_ref() {
            for (lane, bytes) in lanes.iter_mut().zip(block.chunks_exact(8)) {
                *lane = step(*lane, u64::from_le_bytes(bytes.try_into().unwrap_or_default()));
            }
        }
        let mut h = lanes.into_iter().fold(0, step);
        for bytes in blocks.remainder().chunks(8) {
            h = step(h, tail_word(bytes));
        }
        step(h, text.len() as u64)
    }

    #[test]
    fn an_index_entry_with_the_previous_fingerprint_takes_the_careful_path() {
        let (store, repo, w) = setup();
        let mut mine = retro(1, "Before the upgrade", &w);
        repo.save(&mut mine).unwrap();
        // A tab still running the previous build writes its copy, and its index entry names that
        // copy by the previous fingerprint.
        let mut theirs = mine.clone();
        theirs.apply(Edit::Header(HeaderField::Impact("Written by the previous build".into())), &Writer::new(Replica(2), 2_000));
        let text = format::encode(&theirs);
        store.set(&repo.retro_key(mine.id), &text).unwrap();
        let index = store.get("retrace:index").unwrap().unwrap();
        let mut index: serde_json::Value = serde_json::from_str(&index).unwrap();
        index["entries"][mine.id.to_string()]["written"] = previous_fingerprint(&text).into();
        store.set("retrace:index", &index.to_string()).unwrap();
        let reads = store.reads_of(&repo.retro_key(mine.id));
        mine.apply(Edit::Header(HeaderField::Title("After the upgrade".into())), &w);
        let saved = repo.save(&mut mine).unwrap();
        assert!(store.reads_of(&repo.retro_key(mine.id)) > reads, "the stored value is read back");
        assert_eq!(saved.merged.map(|m| m.changed), Some(1), "and their copy merged in");
        let stored = repo.load(mine.id).unwrap();
        assert_eq!((stored.title.value.as_str(), stored.impact.value.as_str()), ("After the upgrade", "Written by the previous build"));
    }

    #[test]
    fn storage_failures_come_back_as_errors() {
        let (store, repo, w) = setup();
        let mut a = retro(1, "x", &w);
        store.fail_with(Some(Failure::QuotaOnWrite));
        assert_eq!(repo.save(&mut a), Err(SaveError::Store(StoreError::QuotaExceeded)));
        store.fail_with(Some(Failure::EveryAccess));
        assert!(matches!(repo.list(), Err(StoreError::Unavailable(_))));
        store.fail_with(None);
        repo.save(&mut a).unwrap();
    }

    #[test]
    fn delete_removes_the_value_and_its_index_entry() {
        let (_store, repo, w) = setup();
        let mut a = retro(1, "x", &w);
        repo.save(&mut a).unwrap();
        repo.delete(a.id, 2_000).unwrap();
        assert!(repo.list().unwrap().retros.is_empty());
        assert_eq!(repo.load(a.id), Err(LoadError::Missing));
    }

    #[test]
    fn a_tab_still_open_on_a_deleted_retrospective_cannot_write_it_back() {
        let (store, repo, w) = setup();
        let mut a = retro(1, "Deleted in the other tab", &w);
        repo.save(&mut a).unwrap();
        // Another tab, same storage, opened it and deletes it.
        let other = Repository::new(Rc::new(store.clone()), "retrace:");
        other.load(a.id).unwrap();
        other.delete(a.id, 5_000).unwrap();
        assert!(repo.was_deleted(a.id).unwrap());
        // This tab goes on typing: its save is refused, and the home list stays without it.
        a.apply(Edit::Header(HeaderField::Impact("typed after the delete".into())), &w);
        assert_eq!(repo.save(&mut a), Err(SaveError::DeletedElsewhere));
        assert!(repo.list().unwrap().retros.is_empty());
        assert_eq!(repo.load(a.id), Err(LoadError::Missing));
        // Bringing it back is a choice: then it is stored and no longer counted as deleted.
        repo.restore(&mut a).unwrap();
        assert!(!repo.was_deleted(a.id).unwrap());
        assert_eq!(repo.load(a.id).unwrap().impact.value, "typed after the delete");
        a.apply(Edit::Header(HeaderField::Impact("and on".into())), &w);
        repo.save(&mut a).unwrap();
        assert_eq!(other.list().unwrap().retros.len(), 1);
    }

    #[test]
    fn a_deletion_that_a_stored_value_outlived_does_not_hold() {
        let (store, repo, w) = setup();
        let mut a = retro(1, "Deleted, then put back by hand", &w);
        repo.save(&mut a).unwrap();
        repo.delete(a.id, 5_000).unwrap();
        store.set(&repo.retro_key(a.id), &format::encode(&a)).unwrap();
        assert!(!repo.was_deleted(a.id).unwrap());
        a.apply(Edit::Header(HeaderField::Impact("saved again".into())), &w);
        repo.save(&mut a).unwrap();
        assert_eq!(repo.list().unwrap().retros.len(), 1);
    }

    #[test]
    fn prefixes_keep_repositories_apart() {
        let store = MemoryStore::new();
        let w = Writer::new(Replica(1), 0);
        let one = Repository::new(Rc::new(store.clone()), "one:");
        let two = Repository::new(Rc::new(store.clone()), "two:");
        one.save(&mut retro(1, "x", &w)).unwrap();
        assert!(two.list().unwrap().retros.is_empty());
        two.discard("one:index").unwrap();
        assert!(store.get("one:index").unwrap().is_some(), "discard never leaves its prefix");
    }

    #[test]
    fn the_tracker_setting_is_kept_and_validated() {
        let (_store, repo, _) = setup();
        repo.profile(|| Replica(5)).unwrap();
        assert_eq!(repo.tracker(), None);
        repo.set_tracker(Some((Tracker::GitHub, "https://github.com/acme/shop/"))).unwrap();
        assert_eq!(repo.tracker(), Some((Tracker::GitHub, "https://github.com/acme/shop".into())));
        assert!(repo.set_tracker(Some((Tracker::Jira, "ftp://x"))).is_err());
        assert_eq!(repo.profile(|| Replica(6)).unwrap(), Replica(5), "the profile id survives");
    }

    #[test]
    fn the_language_chosen_is_kept_beside_the_other_settings_and_unreadable_settings_are_left_alone() {
        let (store, repo, _) = setup();
        repo.profile(|| Replica(5)).unwrap();
        assert_eq!(repo.language(), None, "nobody chose: the browser's language decides");
        repo.set_language(Lang::De).unwrap();
        repo.set_tracker(Some((Tracker::GitHub, "https://github.com/acme/shop"))).unwrap();
        assert_eq!(repo.language(), Some(Lang::De));
        assert_eq!(repo.profile(|| Replica(6)).unwrap(), Replica(5));
        store.set("retrace:settings", "{broken").unwrap();
        assert!(repo.set_language(Lang::Es).is_err());
        assert_eq!(store.get("retrace:settings").unwrap().unwrap(), "{broken");
    }

    #[test]
    fn the_profile_id_is_created_once_and_kept() {
        let (store, repo, _) = setup();
        assert_eq!(repo.profile(|| Replica(5)).unwrap(), Replica(5));
        assert_eq!(repo.profile(|| Replica(6)).unwrap(), Replica(5));
        store.set("retrace:settings", "{broken").unwrap();
        assert_eq!(repo.profile(|| Replica(7)).unwrap(), Replica(7));
        assert_eq!(store.get("retrace:settings").unwrap().unwrap(), "{broken");
    }
}
