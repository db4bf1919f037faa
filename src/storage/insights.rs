//! What the Insights view and the factor cards read across retrospectives: a digest of each
//! stored one, kept in memory while its stored value keeps its length and its edit time, so
//! the view opens a second time without reading any document again. And how much of the
//! browser's storage this page uses, for the warning before it is full.

use super::{Repository, StoreError};
use crate::domain::i18n::decimal;
use crate::domain::insights::digest::RetroDigest;
use crate::domain::tf;
use crate::domain::Id;
use std::collections::{HashMap, HashSet};

/// The digests of every readable stored retrospective, and how many could not be read.
pub struct Digests {
    /// One per readable retrospective, newest first.
    pub retros: Vec<RetroDigest>,
    /// Stored retrospectives that could not be read (the home screen lists them).
    pub unreadable: usize,
}

/// Digests remembered per retrospective: the stored value's length (UTF-16 units) and edit
/// time when it was taken, and the digest.
#[derive(Default)]
pub(super) struct DigestCache(HashMap<Id, (usize, i64, RetroDigest)>);

impl Repository {
    /// The digest of every stored retrospective that can be read; see the module documentation.
    pub fn digests(&self) -> Result<Digests, StoreError> {
        let listing = self.list()?;
        let mut out = Digests {
            retros: Vec::with_capacity(listing.retros.len()),
            unreadable: listing.damaged.iter().filter(|d| self.id_of_key(&d.key).is_some()).count(),
        };
        let listed: HashSet<Id> = listing.retros.iter().map(|s| s.id).collect();
        self.digests.borrow_mut().0.retain(|id, _| listed.contains(id));
        for summary in &listing.retros {
            match self.digest(summary.id, summary.updated_at)? {
                Some(Ok(digest)) => out.retros.push(digest),
                Some(Err(())) => out.unreadable += 1,
                None => {}
            }
        }
        Ok(out)
    }

    /// Takes the digests of these retrospectives (id and edit time, as the index has them) that
    /// are not kept yet, so Insights and the factor cards find them ready. The home screen calls
    /// this in idle time, a few at a time.
    pub fn warm_digests(&self, retros: &[(Id, i64)]) -> Result<(), StoreError> {
        for (id, updated_at) in retros {
            self.digest(*id, *updated_at)?;
        }
        Ok(())
    }

    /// The digest of `id`: the kept one while the stored value has the same length and edit
    /// time, else read again. `None` when nothing is stored; `Some(Err)` when it cannot be read.
    fn digest(&self, id: Id, updated_at: i64) -> Result<Option<Result<RetroDigest, ()>>, StoreError> {
        let Some(units) = self.store.text_len(&self.retro_key(id))? else { return Ok(None) };
        if let Some((len, at, digest)) = self.digests.borrow().0.get(&id) {
            if *len == units && *at == updated_at {
                return Ok(Some(Ok(digest.clone())));
            }
        }
        // The quick reader for documents of this schema; anything else gets every check.
        let Some(raw) = self.store.get(&self.retro_key(id))? else { return Ok(None) };
        let digest =
            RetroDigest::read(&raw).filter(|d| d.id == id).or_else(|| crate::domain::decode(&raw).ok().filter(|r| r.id == id).map(|r| RetroDigest::of(&r)));
        Ok(Some(match digest {
            Some(digest) => {
                self.digests.borrow_mut().0.insert(id, (units, updated_at, digest.clone()));
                Ok(digest)
            }
            None => Err(()),
        }))
    }

    /// How much of the browser's storage is used, by this instance and by the whole page.
    pub fn usage(&self) -> Result<StorageUse, StoreError> {
        let mut usage = StorageUse { ours: 0, all: 0, quota: ASSUMED_QUOTA_UNITS };
        for key in self.store.keys()? {
            let units = super::utf16_len(&key) + self.store.text_len(&key)?.unwrap_or(0);
            usage.all += units;
            if key.starts_with(self.prefix()) {
                usage.ours += units;
            }
        }
        Ok(usage)
    }
}

/// What browsers allow one site in `localStorage`, in UTF-16 code units of keys and values:
/// Chromium counts 10 MiB of UTF-16 (5,242,880 units) and Firefox 5 MiB. No browser tells a
/// page its `localStorage` quota, so the lower round figure stands for it.
pub const ASSUMED_QUOTA_UNITS: usize = 5_000_000;

/// Storage use, in UTF-16 code units of keys and values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUse {
    /// Under this instance's prefix.
    pub ours: usize,
    /// By every key of the page's origin (the host page's too, when embedded).
    pub all: usize,
    /// What the browser is assumed to allow.
    pub quota: usize,
}

/// How full storage is, in the words the home screen uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pressure {
    /// Under 70 %.
    Fine,
    /// 70 % or more: time to back up and archive.
    Filling,
    /// 90 % or more: the next saves may fail.
    NearlyFull,
}

impl StorageUse {
    /// The share of the quota used, in whole percent.
    pub fn percent(&self) -> usize {
        (self.all * 100 / self.quota.max(1)).min(100)
    }

    /// How full it is.
    pub fn pressure(&self) -> Pressure {
        match self.percent() {
            ..70 => Pressure::Fine,
            70..90 => Pressure::Filling,
            _ => Pressure::NearlyFull,
        }
    }

    /// Units as megabytes the way the browser stores them (two bytes a unit), one decimal.
    pub fn megabytes(units: usize) -> String {
        tf!("{size} MB", size = decimal(units as f64 * 2.0 / 1_000_000.0, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Edit, HeaderField, Replica, Retrospective, Template, Writer};
    use crate::storage::memory::MemoryStore;
    use crate::storage::KeyValueStore;
    use std::rc::Rc;

    #[test]
    fn digests_are_taken_once_and_again_when_the_stored_value_changes() {
        let store = Rc::new(MemoryStore::new());
        let repo = Repository::new(store.clone(), "t:");
        let w = Writer::new(Replica(1), 1_000);
        let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Disk full", &w);
        repo.save(&mut r).unwrap();
        assert_eq!(repo.digests().unwrap().retros[0].title(), "Disk full");
        // Another tab renames it: the cached digest no longer matches the stored value.
        let other = Repository::new(store.clone(), "t:");
        other.update(r.id, |r| r.apply(Edit::Header(HeaderField::Title("Disk full on the log hosts".into())), &Writer::new(Replica(2), 2_000))).unwrap();
        let d = repo.digests().unwrap();
        assert_eq!((d.retros.len(), d.unreadable), (1, 0));
        assert_eq!(d.retros[0].title(), "Disk full on the log hosts");
        store.set("t:retro:00000000-0000-4000-8000-000000000000", "{not json").unwrap();
        assert_eq!(repo.digests().unwrap().unreadable, 1);
    }

    #[test]
    fn usage_counts_every_key_of_the_page_and_says_how_full_it_is() {
        let store = Rc::new(MemoryStore::new());
        let repo = Repository::new(store.clone(), "t:");
        store.set("t:x", "12345").unwrap();
        store.set("host", &"y".repeat(3_600_000)).unwrap();
        let u = repo.usage().unwrap();
        assert_eq!(u.ours, 3 + 5);
        assert_eq!(u.all, 3 + 5 + 4 + 3_600_000);
        assert_eq!((u.percent(), u.pressure()), (72, Pressure::Filling));
        assert_eq!(StorageUse { all: 4_600_000, ..u }.pressure(), Pressure::NearlyFull);
        assert_eq!(StorageUse::megabytes(3_600_000), "7.2 MB");
    }
}
