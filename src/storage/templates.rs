//! Own templates, kept beside the retrospectives under the same prefix
//! (`<prefix>template:<id>`), each as the file `domain::format::template_file` writes. The
//! damaged-value rules are the retrospectives': a value that cannot be read is listed with the
//! damaged entries on the home screen, never written over, and goes only when the person
//! deletes it.

use super::repository::StoredKind;
use super::{DamagedEntry, Repository, SaveError, StoreError};
use crate::domain::format::template_file::{decode_template, encode_template, TemplateFileError};
use crate::domain::format::FormatError;
use crate::domain::i18n::tr;
use crate::domain::{Id, OwnTemplate};

/// The own templates of this browser, by name, and the values that could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TemplateListing {
    pub templates: Vec<OwnTemplate>,
    pub damaged: Vec<DamagedEntry>,
}

impl Repository {
    pub fn template_key(&self, id: Id) -> String {
        format!("{}template:{id}", self.prefix())
    }

    fn template_id_of_key(&self, key: &str) -> Option<Id> {
        key.strip_prefix(self.prefix())?.strip_prefix("template:").and_then(Id::parse)
    }

    /// Every own template, sorted by name, and every template value that cannot be read.
    pub fn templates(&self) -> Result<TemplateListing, StoreError> {
        self.templates_among(&self.keys()?)
    }

    /// [`Self::templates`] among `keys`, the store's keys already listed.
    pub(super) fn templates_among(&self, keys: &[String]) -> Result<TemplateListing, StoreError> {
        let mut listing = TemplateListing::default();
        for key in keys {
            let Some(id) = self.template_id_of_key(key) else { continue };
            let Some(text) = self.raw(key)? else { continue };
            let damaged = |problem, newer| DamagedEntry::unreadable(StoredKind::Template, key, id, problem, newer);
            match decode_template(&text) {
                Ok(read) if read.template.id == id => listing.templates.push(read.template),
                Ok(_) => listing.damaged.push(damaged(tr("it is stored under another template's key").into(), false)),
                Err(e) => listing.damaged.push(damaged(e.to_string(), matches!(e, TemplateFileError::NewerSchema { .. }))),
            }
        }
        retrace_domain::sorting::sort_by(&mut listing.templates, |a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
        Ok(listing)
    }

    /// One own template; `None` when there is none under `id` or it cannot be read.
    pub fn template(&self, id: Id) -> Option<OwnTemplate> {
        let text = self.raw(&self.template_key(id)).ok()??;
        decode_template(&text).ok().map(|read| read.template).filter(|t| t.id == id)
    }

    /// Stores `template`, unless what is stored under its key cannot be read.
    pub fn save_template(&self, template: &OwnTemplate) -> Result<(), SaveError> {
        let key = self.template_key(template.id);
        if let Some(existing) = self.raw(&key).map_err(SaveError::Store)? {
            if let Err(e) = decode_template(&existing) {
                return Err(SaveError::WouldOverwriteUnreadable(FormatError::Invalid(e.to_string())));
            }
        }
        self.store_text(&key, &encode_template(template)).map_err(SaveError::Store)
    }

    /// Deletes an own template. Retrospectives made from it keep their copy of it.
    pub fn delete_template(&self, id: Id) -> Result<(), StoreError> {
        self.discard(&self.template_key(id))
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{Id, OwnTemplate, Template};
    use crate::storage::memory::MemoryStore;
    use crate::storage::{KeyValueStore, Repository, SaveError};
    use std::rc::Rc;

    fn template(n: u8, name: &str) -> OwnTemplate {
        let mut t = OwnTemplate::copy_of(Template::Incident, Id::from_random([n; 16]), 1);
        t.name = name.into();
        t
    }

    #[test]
    fn templates_are_listed_by_name_and_a_damaged_one_is_reported_and_kept() {
        let store = Rc::new(MemoryStore::new());
        let repo = Repository::new(store.clone(), "t:");
        let (a, b) = (template(1, "payments"), template(2, "Database"));
        repo.save_template(&a).unwrap();
        repo.save_template(&b).unwrap();
        assert_eq!(repo.templates().unwrap().templates, vec![b.clone(), a.clone()]);
        assert_eq!(repo.template(a.id), Some(a.clone()));
        store.set(&repo.template_key(a.id), "{oops").unwrap();
        let listing = repo.templates().unwrap();
        assert_eq!(listing.templates, vec![b.clone()]);
        assert_eq!(listing.damaged[0].label, format!("Template {}…", &a.id.to_string()[..8]));
        assert!(matches!(repo.save_template(&a), Err(SaveError::WouldOverwriteUnreadable(_))));
        assert_eq!(store.get(&repo.template_key(a.id)).unwrap().as_deref(), Some("{oops"), "never written over");
        repo.delete_template(b.id).unwrap();
        assert_eq!(repo.template(b.id), None);
        assert!(repo.list().unwrap().retros.is_empty(), "templates are not retrospectives");
    }
}
