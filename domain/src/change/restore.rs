//! Restoring a backup into a browser: retrospectives it lacks are added, those it has are
//! merged with the same merge as links and files, so restoring never loses an edit on either
//! side and restoring twice changes nothing the second time. The plan is worked out first, so
//! the person sees what will change before anything is written.

use crate::change::merge::{merge_retrospectives, MergeReport};
use crate::format::backup::BackupRead;
use crate::format::FormatError;
use crate::model::ids::Id;
use crate::model::retrospective::Retrospective;
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
        let mut parts = vec![format!("{added} to add"), format!("{merged} to merge"), format!("{unchanged} already up to date")];
        if !self.unreadable.is_empty() {
            parts.push(format!("{} that cannot be read", self.unreadable.len()));
        }
        format!("{}.", parts.join(", "))
    }
}

/// Works out what restoring `backup` does, given what this browser holds (`mine`: a
/// retrospective by id, if it has one that can be read).
pub fn plan_restore(backup: BackupRead, mine: impl Fn(Id) -> Option<Retrospective>) -> RestorePlan {
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
    RestorePlan { steps, unreadable }
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
        let text = encode_backup(&[backed_up_a, b.clone()], &BTreeMap::new(), 0);
        let mut browser: BTreeMap<Id, Retrospective> = BTreeMap::from([(a.id, mine_a)]);
        let plan = plan_restore(decode_backup(&text).unwrap(), |id| browser.get(&id).cloned());
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
        let again = plan_restore(decode_backup(&text).unwrap(), |id| browser.get(&id).cloned());
        assert_eq!(again.counts(), (0, 0, 2), "restoring twice changes nothing");
    }

    #[test]
    fn an_unreadable_one_is_listed_and_a_repeated_id_is_merged_once() {
        let a = retro(1);
        let mut later = a.clone();
        later.apply(Edit::Header(HeaderField::Impact("later".into())), &Writer::new(Replica(9), 3_000));
        let text = encode_backup(&[a.clone(), later, retro(3)], &BTreeMap::new(), 0);
        let damaged = text.replacen(&format!(r#""id":"{}""#, retro(3).id), r#""id":"not an id""#, 1);
        let plan = plan_restore(decode_backup(&damaged).unwrap(), |_| None);
        assert_eq!(plan.counts(), (1, 0, 0));
        assert!(matches!(&plan.steps[0], RestoreStep::Add(r) if r.impact.value == "later"));
        assert_eq!(plan.unreadable.len(), 1);
        assert_eq!(plan.unreadable[0].0, 2);
        assert!(plan.describe().ends_with("1 that cannot be read."));
    }
}
