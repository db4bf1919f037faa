//! Backups in storage: everything under this instance's prefix made into one file, and a
//! restore plan carried out. When the last backup was made, and how often to be reminded, are
//! kept under `<prefix>backup` as a small typed value.

use super::{Repository, StoreError};
use crate::domain::change::restore::{RestorePlan, RestoreStep};
use crate::domain::format::backup::encode_backup;
use crate::domain::tf;
use crate::domain::{Id, Retrospective};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// When this browser last made a backup, and how many days may pass before the home screen
/// says so (0: never remind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupReminder {
    /// Unix milliseconds of the last backup, if any.
    pub last_ms: Option<i64>,
    /// Days after which the home screen reminds; 0 turns the reminder off.
    pub every_days: u32,
}

impl Default for BackupReminder {
    fn default() -> Self {
        BackupReminder { last_ms: None, every_days: 14 }
    }
}

impl BackupReminder {
    /// Whether the home screen should remind, with `retros` stored, at `now_ms`.
    pub fn due(&self, retros: usize, now_ms: i64) -> bool {
        let every = i64::from(self.every_days) * 86_400_000;
        retros > 0 && self.every_days > 0 && self.last_ms.is_none_or(|last| now_ms - last >= every)
    }
}

/// A backup made: its text, how many retrospectives it holds, and how many stored values
/// could not be read and are not in it (they stay listed as damaged).
pub struct MadeBackup {
    /// The file's text.
    pub text: String,
    /// Retrospectives in it.
    pub included: usize,
    /// Stored values left out because they cannot be read.
    pub left_out: usize,
}

impl Repository {
    fn reminder_key(&self) -> String {
        format!("{}backup", self.prefix())
    }

    /// The backup reminder (the default one if none was stored or it cannot be read).
    pub fn backup_reminder(&self) -> BackupReminder {
        self.store.get_value(&self.reminder_key()).ok().flatten().and_then(Result::ok).and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default()
    }

    /// Stores the backup reminder.
    pub fn set_backup_reminder(&self, reminder: BackupReminder) -> Result<(), StoreError> {
        let value = serde_json::to_value(reminder).unwrap_or_default();
        self.store.set_value(&self.reminder_key(), &value)
    }

    /// Every readable retrospective and the issue-tracker setting, as one backup made at
    /// `now_ms`; the reminder notes the time.
    pub fn make_backup(&self, now_ms: i64) -> Result<MadeBackup, StoreError> {
        let listing = self.list()?;
        let ids: Vec<Id> = listing.retros.iter().map(|s| s.id).collect();
        let mut made = self.backup_of(&ids, now_ms);
        made.left_out += listing.damaged.len();
        let reminder = BackupReminder { last_ms: Some(now_ms), ..self.backup_reminder() };
        // The file is made either way; a reminder that cannot be noted only reminds again.
        let _ = self.set_backup_reminder(reminder);
        Ok(made)
    }

    /// The retrospectives `ids` and the settings as one backup file: an archive, when they are
    /// then removed from this browser. Importing it brings them back like any backup.
    pub fn backup_of(&self, ids: &[Id], now_ms: i64) -> MadeBackup {
        let mut retros: Vec<Retrospective> = Vec::with_capacity(ids.len());
        let mut left_out = 0;
        for id in ids {
            match self.load(*id) {
                Ok(r) => retros.push(r),
                Err(_) => left_out += 1,
            }
        }
        let mut settings = BTreeMap::new();
        if let Some(tracker) = self.tracker() {
            settings.insert("tracker".to_string(), serde_json::to_value(tracker).unwrap_or_default());
        }
        let templates = self.templates().map(|t| t.templates).unwrap_or_default();
        let text = encode_backup(&retros, &settings, &templates, now_ms);
        MadeBackup { text, included: retros.len(), left_out }
    }

    /// Carries out a restore plan: each retrospective to add or merge is written (a stored copy
    /// that changed meanwhile is merged again on the way in, as every save does, and one that
    /// cannot be read is never written over). Returns how many were written and, for each that
    /// was not, its title and why.
    pub fn carry_out(&self, plan: RestorePlan) -> (usize, Vec<String>) {
        let mut written = 0;
        let mut failed = Vec::new();
        for template in &plan.templates {
            // Counted apart from the retrospectives written: the plan already said how many.
            if let Err(e) = self.save_template(template) {
                failed.push(tf!("template “{name}”: {problem}", name = template.name, problem = e));
            }
        }
        for step in plan.steps {
            let mut retro = match step {
                RestoreStep::Add(r) => r,
                RestoreStep::Merge { merged, .. } => merged,
                RestoreStep::Unchanged(_) => continue,
            };
            // Restoring is the person's choice, even for one deleted in this browser since.
            match self.restore(&mut retro) {
                Ok(_) => written += 1,
                Err(e) => failed.push(tf!("“{title}”: {problem}", title = retro.display_title(), problem = e)),
            }
        }
        (written, failed)
    }

    /// Takes back the backup's issue tracker if this browser has none.
    pub fn restore_settings(&self, settings: &BTreeMap<String, serde_json::Value>) {
        if self.tracker().is_some() {
            return;
        }
        if let Some(Ok((kind, base))) = settings.get("tracker").map(|v| serde_json::from_value::<(crate::domain::export::tracker::Tracker, String)>(v.clone()))
        {
            let _ = self.set_tracker(Some((kind, &base)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::restore::plan_restore;
    use crate::domain::format::backup::decode_backup;
    use crate::domain::{Edit, HeaderField, Replica, Template, Writer};
    use crate::storage::memory::MemoryStore;
    use std::rc::Rc;

    #[test]
    fn a_backup_restored_into_an_empty_browser_brings_everything_back() {
        let w = Writer::new(Replica(1), 1_000);
        let repo = Repository::new(Rc::new(MemoryStore::new()), "t:");
        for n in 1..=3u8 {
            let mut r = Retrospective::new(Id::from_random([n; 16]), Template::Incident, &format!("Retro {n}"), &w);
            r.apply(Edit::Header(HeaderField::Impact(format!("impact {n}"))), &w);
            repo.save(&mut r).unwrap();
        }
        let template = crate::domain::OwnTemplate::copy_of(Template::Project, Id::from_random([9; 16]), 1);
        repo.save_template(&template).unwrap();
        assert!(repo.backup_reminder().due(3, 10_000));
        let made = repo.make_backup(50_000).unwrap();
        assert_eq!((made.included, made.left_out), (3, 0));
        assert!(!repo.backup_reminder().due(3, 50_000 + 13 * 86_400_000), "backed up two weeks ago at most");
        assert!(repo.backup_reminder().due(3, 50_000 + 14 * 86_400_000));

        let cleared = Repository::new(Rc::new(MemoryStore::new()), "t:");
        let plan = plan_restore(decode_backup(&made.text).unwrap(), |id| cleared.load(id).ok(), |id| cleared.template(id));
        assert_eq!(plan.counts(), (3, 0, 0));
        assert_eq!(plan.templates.len(), 1);
        assert_eq!(cleared.carry_out(plan), (3, vec![]));
        assert_eq!(cleared.template(template.id), Some(template), "templates come back with the retrospectives");
        for n in 1..=3u8 {
            assert_eq!(cleared.load(Id::from_random([n; 16])).unwrap(), repo.load(Id::from_random([n; 16])).unwrap());
        }
        let again = plan_restore(decode_backup(&made.text).unwrap(), |id| cleared.load(id).ok(), |id| cleared.template(id));
        assert_eq!(again.counts(), (0, 0, 3));
        assert!(!BackupReminder { every_days: 0, last_ms: None }.due(3, 0), "never reminds when switched off");

        // Archiving two: their file, then they leave the browser; importing it brings them back.
        let archived = [Id::from_random([1; 16]), Id::from_random([2; 16])];
        let archive = cleared.backup_of(&archived, 60_000);
        assert_eq!((archive.included, archive.left_out), (2, 0));
        for id in archived {
            cleared.delete(id, 61_000).unwrap();
        }
        assert_eq!(cleared.list().unwrap().retros.len(), 1);
        let back = plan_restore(decode_backup(&archive.text).unwrap(), |id| cleared.load(id).ok(), |id| cleared.template(id));
        assert_eq!(back.counts(), (2, 0, 0));
        assert_eq!(cleared.carry_out(back), (2, vec![]));
        assert_eq!(cleared.list().unwrap().retros.len(), 3);
        assert!(!BackupReminder::default().due(0, 0), "nothing stored, nothing to back up");
    }
}
