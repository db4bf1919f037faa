//! Accounts someone is writing for a request, kept in this browser until they send them: one
//! key per request (`<prefix>account:<request id>`), the draft document as
//! `domain::format::accounts` writes it. A value that cannot be read is reported and left as it
//! is, never written over.

use super::{Repository, StoreError};
use crate::domain::format::accounts::{decode_draft, encode_draft};
use crate::domain::{AccountDraft, Id};

impl Repository {
    fn draft_key(&self, request: Id) -> String {
        format!("{}account:{request}", self.prefix())
    }

    /// The draft for `request`: `None` when there is none, `Some(Err(why))` when what is stored
    /// cannot be read (and must then not be overwritten).
    pub fn load_draft(&self, request: Id) -> Result<Option<Result<AccountDraft, String>>, StoreError> {
        Ok(self.raw(&self.draft_key(request))?.map(|text| decode_draft(&text).map_err(|e| e.to_string())))
    }

    /// Stores a draft.
    pub fn save_draft(&self, draft: &AccountDraft) -> Result<(), StoreError> {
        self.store_text(&self.draft_key(draft.request.request), &encode_draft(draft))
    }

    /// Every readable draft in this browser, newest request title first by name.
    pub fn drafts(&self) -> Result<Vec<AccountDraft>, StoreError> {
        let prefix = format!("{}account:", self.prefix());
        let mut found: Vec<AccountDraft> = self
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .filter_map(|k| self.raw(&k).ok().flatten())
            .filter_map(|t| decode_draft(&t).ok())
            .collect();
        retrace_domain::sorting::sort_by(&mut found, |a, b| a.request.title.cmp(&b.request.title));
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{AccountDraft, AccountRequest, Id, Replica};
    use crate::storage::memory::MemoryStore;
    use crate::storage::Repository;
    use std::rc::Rc;

    fn request() -> AccountRequest {
        AccountRequest {
            retro: Id::from_random([1; 16]),
            request: Id::from_random([2; 16]),
            title: "Outage".into(),
            impact: String::new(),
            time_zone: String::new(),
            moments: vec![],
            anonymous: false,
            note: String::new(),
        }
    }

    #[test]
    fn drafts_are_kept_per_request_and_an_unreadable_one_is_reported() {
        let store = Rc::new(MemoryStore::new());
        let repo = Repository::new(store.clone(), "t:");
        let mut draft = AccountDraft::new(request(), Id::from_random([3; 16]), Replica(4));
        draft.edit(|b| b.narrative = "I saw it".into(), Replica(4));
        repo.save_draft(&draft).unwrap();
        assert_eq!(repo.load_draft(draft.request.request).unwrap(), Some(Ok(draft.clone())));
        assert_eq!(repo.drafts().unwrap(), vec![draft.clone()]);
        assert_eq!(repo.load_draft(Id::from_random([9; 16])).unwrap(), None);
        crate::storage::KeyValueStore::set(&*store, &format!("t:account:{}", draft.request.request), "{oops").unwrap();
        assert!(matches!(repo.load_draft(draft.request.request).unwrap(), Some(Err(_))));
        assert!(repo.drafts().unwrap().is_empty(), "an unreadable draft is not listed as one");
    }
}
