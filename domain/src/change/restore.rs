//! Restoring a backup into a browser: retrospectives it lacks are added, those it has are
//! merged with the same merge as links and files, so restoring never loses an edit on either
//! side and restoring twice changes nothing the second time. The plan is worked out first, so
//! the person sees what will change before anything is written.
//!
//! Own templates have no merge (one person edits a template; it is not a shared document):
//! one the browser lacks is added, and of two that differ the later-edited one is kept.

use crate::change::merge::{merge_retrospectives, MergeReport};
use crate::format::backup::BackupRead;
use crate::format::template_file::TemplateFileError;
use crate::format::FormatError;
use crate::model::ids::Id;
use crate::model::own_template::OwnTemplate;
use crate::model::retrospective::Retrospective;
use crate::tf;
use std::collections::BTreeMap;

/// What restoring does to one retrospective.
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreStep {
    /// Not in this browser: added as it is in the backup.
    Add(Retrospective),
    /// In this browser: the merged result, and what the merge changed.
    Merge {
        /// The copy in this browser with the backup's merged in.
        merged: Retrospective,
        /// What came in.
        report: MergeReport,
    },
    /// In this browser already with everything the backup holds.
    Unchanged(Id),
}

/// The whole restore, before it is carried out.
#[derive(Clone, Debug)]
pub struct RestorePlan {
    /// One step per retrospective, in the backup's order (a retrospective the backup holds
    /// twice is merged with itself first and listed once).
    pub steps: Vec<RestoreStep>,
    /// Retrospectives of the backup that could not be read: their place in the file and why.
    pub unreadable: Vec<(usize, FormatError)>,
    /// Own templates to write: those this browser lacks, and those the backup holds a later
    /// edit of.
    pub templates: Vec<OwnTemplate>,
    /// Own templates of the backup this browser already has as they are, or edited later.
    pub templates_kept: usize,
    /// Own templates of the backup that could not be read.
    pub unreadable_templates: Vec<(usize, TemplateFileError)>,
}

impl RestorePlan {
    /// How many are added, merged with changes, and left as they are.
    pub fn counts(&self) -> (usize, usize, usize) {
        self.steps.iter().fold((0, 0, 0), |(a, m, u), step| match step {
            RestoreStep::Add(_) => (a + 1, m, u),
            RestoreStep::Merge { .. } => (a, m + 1, u),
            RestoreStep::Unchanged(_) => (a, m, u + 1),
        })
    }

    /// The plan in one sentence for people.
    pub fn describe(&self) -> String {
        let (added, merged, unchanged) = self.counts();
        let mut sentence = match self.unreadable.len() {
            0 => tf!("{added} to add, {merged} to merge, {unchanged} already up to date.", added = added, merged = merged, unchanged = unchanged),
            n => tf!(
                "{added} to add, {merged} to merge, {unchanged} already up to date, {unreadable} that cannot be read.",
                added = added,
                merged = merged,
                unchanged = unchanged,
                unreadable = n
            ),
        };
        let (written, kept, unreadable) = (self.templates.len(), self.templates_kept, self.unreadable_templates.len());
        if written + kept + unreadable > 0 {
            let templates = match unreadable {
                0 => tf!("Templates: {written} to add or update, {kept} already up to date.", written = written, kept = kept),
                n => tf!(
                    "Templates: {written} to add or update, {kept} already up to date, {unreadable} that cannot be read.",
                    written = written,
                    kept = kept,
                    unreadable = n
                ),
            };
            sentence.push(' ');
            sentence.push_str(&templates);
        }
        sentence
    }
}

/// Works out what restoring `backup` does, given what this browser holds (`mine`: a
/// retrospective by id, if it has one that can be read; `my_template` likewise).
pub fn plan_restore(backup: BackupRead, mine: impl Fn(Id) -> Option<Retrospective>, my_template: impl Fn(Id) -> Option<OwnTemplate>) -> RestorePlan {
    let (templates, templates_kept, unreadable_templates) = plan_templates(backup.templates, my_template);
    let mut unreadable = Vec::new();
    let mut theirs: Vec<Retrospective> = Vec::new();
    let mut place: BTreeMap<Id, usize> = BTreeMap::new();
    for read in backup.retrospectives {
        match read {
            Err(problem) => unreadable.push(problem),
            Ok(retro) => match place.get(&retro.id) {
                // The same id twice in one file: both copies count, merged.
                Some(&i) => {
                    let _ = merge_retrospectives(&mut theirs[i], &retro);
                }
                None => {
                    place.insert(retro.id, theirs.len());
                    theirs.push(retro);
                }
            },
        }
    }
    let steps = theirs
        .into_iter()
        .map(|retro| match mine(retro.id) {
            None => RestoreStep::Add(retro),
            Some(mut merged) => match merge_retrospectives(&mut merged, &retro) {
                Ok(report) if report.is_empty() => RestoreStep::Unchanged(retro.id),
                Ok(report) => RestoreStep::Merge { merged, report },
                Err(_) => unreachable!("looked up by the same id"),
            },
        })
        .collect();
    RestorePlan { steps, unreadable, templates, templates_kept, unreadable_templates }
}

type TemplatePlan = (Vec<OwnTemplate>, usize, Vec<(usize, TemplateFileError)>);

/// The templates to write, how many are kept as they are, and those that cannot be read.
fn plan_templates(read: Vec<Result<OwnTemplate, (usize, TemplateFileError)>>, mine: impl Fn(Id) -> Option<OwnTemplate>) -> TemplatePlan {
    let mut unreadable = Vec::new();
    let mut newest: BTreeMap<Id, OwnTemplate> = BTreeMap::new();
    for template in read {
        match template {
            Err(problem) => unreadable.push(problem),
            Ok(t) => match newest.get(&t.id) {
                Some(seen) if seen.updated_at >= t.updated_at => {}
                _ => {
                    newest.insert(t.id, t);
                }
            },
        }
    }
    let (write, keep): (Vec<_>, Vec<_>) = newest.into_values().partition(|t| match mine(t.id) {
        None => true,
        Some(m) => m != *t && t.updated_at > m.updated_at,
    });
    (write, keep.len(), unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::format::backup::{decode_backup, encode_backup};
    use crate::model::ids::Replica;
    use crate::model::retrospective::{HeaderField, Writer};
    use crate::model::template::Template;

    fn retro(n: u8) -> Retrospective {
        let w = Writer::new(Replica(n as u64), 1_000);
        Retrospective::new(Id::from_random([n; 16]), Template::Incident, &format!("Retro {n}"), &w)
    }

    #[test]
    fn new_ones_are_added_known_ones_merged_and_a_second_restore_changes_nothing() {
        let (a, b) = (retro(1), retro(2));
        // This browser has `a`, edited since the backup; the backup has an edit of its own.
        let mut mine_a = a.clone();
        mine_a.apply(Edit::Header(HeaderField::Impact("mine".into())), &Writer::new(Replica(7), 2_000));
        let mut backed_up_a = a.clone();
        backed_up_a.apply(Edit::Header(HeaderField::Participants("from the backup".into())), &Writer::new(Replica(8), 2_000));
        let text = encode_backup(&[backed_up_a, b.clone()], &BTreeMap::new(), &[], 0);
        let mut browser: BTreeMap<Id, Retrospective> = BTreeMap::from([(a.id, mine_a)]);
        let plan = plan_restore(decode_backup(&text).unwrap(), |id| browser.get(&id).cloned(), |_| None);
        assert_eq!(plan.counts(), (1, 1, 0));
        assert_eq!(plan.describe(), "1 to add, 1 to merge, 0 already up to date.");
        for step in plan.steps {
            match step {
                RestoreStep::Add(r) => {
                    browser.insert(r.id, r);
                }
                RestoreStep::Merge { merged, .. } => {
                    assert_eq!((merged.impact.value.as_str(), merged.participants.value.as_str()), ("mine", "from the backup"), "both sides' edits kept");
                    browser.insert(merged.id, merged);
                }
                RestoreStep::Unchanged(_) => unreachable!(),
            }
        }
        assert_eq!(browser[&b.id], b);
        let again = plan_restore(decode_backup(&text).unwrap(), |id| browser.get(&id).cloned(), |_| None);
        assert_eq!(again.counts(), (0, 0, 2), "restoring twice changes nothing");
    }

    #[test]
    fn an_unreadable_one_is_listed_and_a_repeated_id_is_merged_once() {
        let a = retro(1);
        let mut later = a.clone();
        later.apply(Edit::Header(HeaderField::Impact("later".into())), &Writer::new(Replica(9), 3_000));
        let text = encode_backup(&[a.clone(), later, retro(3)], &BTreeMap::new(), &[], 0);
        let damaged = text.replacen(&format!(r#""id":"{}""#, retro(3).id), r#""id":"not an id""#, 1);
        let plan = plan_restore(decode_backup(&damaged).unwrap(), |_| None, |_| None);
        assert_eq!(plan.counts(), (1, 0, 0));
        assert!(matches!(&plan.steps[0], RestoreStep::Add(r) if r.impact.value == "later"));
        assert_eq!(plan.unreadable.len(), 1);
        assert_eq!(plan.unreadable[0].0, 2);
        assert!(plan.describe().ends_with("1 that cannot be read."));
    }

    #[test]
    fn templates_are_added_and_the_later_edit_of_one_is_kept() {
        let t = |n: u8, at: i64, name: &str| {
            let mut t = OwnTemplate::copy_of(Template::Incident, Id::from_random([n; 16]), at);
            t.name = name.into();
            t
        };
        let backed_up = [t(1, 10, "new here"), t(2, 50, "edited in the backup later"), t(3, 10, "edited here later"), t(4, 10, "same")];
        let browser: BTreeMap<Id, OwnTemplate> = [t(2, 20, "old"), t(3, 90, "mine"), t(4, 10, "same")].into_iter().map(|t| (t.id, t)).collect();
        let text = encode_backup(&[], &BTreeMap::new(), &backed_up, 0);
        let plan = plan_restore(decode_backup(&text).unwrap(), |_| None, |id| browser.get(&id).cloned());
        let names: Vec<&str> = plan.templates.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["new here", "edited in the backup later"]);
        assert_eq!(plan.templates_kept, 2);
        assert_eq!(plan.describe(), "0 to add, 0 to merge, 0 already up to date. Templates: 2 to add or update, 2 already up to date.");
    }
}
