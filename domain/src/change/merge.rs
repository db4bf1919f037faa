//! Merging two copies of one retrospective: per field the later write wins, items are united,
//! tombstones are united and hide what they name. Commutative, associative and idempotent, so
//! copies can meet in any order (share links, imported files, another tab's write).

use crate::i18n::{tr, trn};
use crate::model::clock::{merge_map, Clock};
use crate::model::ids::{Id, Replica};
use crate::model::record::{newer_clocks_in, newer_register_clocks, Record};
use crate::model::retrospective::Retrospective;
use crate::tf;
use std::collections::{BTreeMap, BTreeSet};

/// What a merge changed in the receiving copy.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct MergeReport {
    /// Items that came in from the other copy.
    pub added: usize,
    /// Items that took a later write from the other copy, plus one when the header did.
    pub changed: usize,
    /// Items that a tombstone from the other copy removed.
    pub removed: usize,
    /// Whose writes came in: the browser profiles behind every register, item and tombstone
    /// that won (two tabs of one browser are one person here).
    pub by: BTreeSet<Replica>,
    /// How the meeting is run changed, and nothing else: the step, a timer, silent writing,
    /// who facilitates, a name. Not told as a merge, but screens follow it and it is saved.
    pub meeting: bool,
}

impl MergeReport {
    /// Whether the merge added, changed and removed nothing.
    pub fn is_empty(&self) -> bool {
        self.added == 0 && self.changed == 0 && self.removed == 0
    }

    /// Whether the merge changed anything at all, the meeting's settings included.
    pub fn changed_anything(&self) -> bool {
        !self.is_empty() || self.meeting
    }

    /// Adds `other` to this report: several merges in a row, told as one.
    pub fn absorb(&mut self, other: MergeReport) {
        self.meeting |= other.meeting;
        self.added += other.added;
        self.changed += other.changed;
        self.removed += other.removed;
        self.by.extend(other.by);
    }

    /// The report in words, as `Merged: 2 added, 1 changed, 0 removed.`
    pub fn describe(&self) -> String {
        if self.is_empty() {
            return tr("Nothing new to merge.").to_string();
        }
        tf!("Merged: {added} added, {changed} changed, {removed} removed.", added = self.added, changed = self.changed, removed = self.removed)
    }
}

impl MergeReport {
    /// The report in words, naming contributors by the display names `retro` knows.
    pub fn describe_by(&self, retro: &Retrospective) -> String {
        if self.is_empty() {
            return self.describe();
        }
        let mut names: Vec<String> = self.by.iter().filter_map(|r| retro.author_name(*r)).map(str::to_string).collect();
        crate::sorting::sort(&mut names);
        names.dedup();
        let anonymous = self.by.iter().filter(|r| retro.author_name(**r).is_none()).count();
        if anonymous > 0 {
            names.push(trn("{n} person without a name", "{n} people without a name", anonymous));
        }
        let who = match names.len() {
            0 => return self.describe().trim_end_matches('.').to_string(),
            1 => names[0].clone(),
            n => tf!("{names} and {last}", names = names[..n - 1].join(", "), last = names[n - 1]),
        };
        let (added, changed, removed) = (self.added, self.changed, self.removed);
        tf!("Merged: {added} added, {changed} changed, {removed} removed — by {who}", added = added, changed = changed, removed = removed, who = who)
    }
}

/// Refusal to merge two documents with different ids: they are not copies of one retrospective.
#[derive(Debug, PartialEq, Eq)]
pub struct DifferentRetrospectives;

/// Merges `other` into `into`. Both must be copies of the same retrospective.
pub fn merge_retrospectives(into: &mut Retrospective, other: &Retrospective) -> Result<MergeReport, DifferentRetrospectives> {
    if into.id != other.id {
        return Err(DifferentRetrospectives);
    }
    let mut report = MergeReport { by: winning_writers(into, other), ..MergeReport::default() };
    // Every field of the document is named here, so a new one does not compile until this
    // merge says what becomes of it.
    let Retrospective {
        id: _,
        template: _,     // fixed at creation
        own_template: _, // copied in at creation, never changed
        created_at,
        updated_at,
        counter,
        title: _,
        incident_start: _,
        incident_end: _,
        impact: _,
        participants: _,
        time_zone: _,
        severity: _,
        detection: _,
        surprise: _,
        tags: _, // the ten header registers: `merge_header`
        step,
        timeline,
        factors,
        whys,
        actions,
        learnings,
        accounts,
        questions,
        responders,
        themes,
        deleted,
        facilitation,
        authors,
        writers,
    } = other;
    let header_changed = into.merge_header(other);
    // Where the group is and how it is run: not content, but every screen follows it.
    report.meeting |= into.step.merge(step);
    report.meeting |= into.facilitation.merge(facilitation);
    report.meeting |= merge_map(&mut into.authors, authors);
    for (replica, profile) in writers {
        // A replica belongs to one profile; `min` only keeps hand-edited files deterministic.
        let entry = into.writers.entry(*replica).or_insert(*profile);
        *entry = (*entry).min(*profile);
    }
    report.by = std::mem::take(&mut report.by).into_iter().map(|r| into.profile_of(r)).collect();
    report.changed += usize::from(header_changed);

    for (id, clock) in deleted {
        let entry = into.deleted.entry(*id).or_insert(*clock);
        *entry = (*entry).max(*clock);
    }
    let tombstones = &into.deleted;
    merge_items(&mut into.timeline, timeline, tombstones, &mut report);
    merge_items(&mut into.factors, factors, tombstones, &mut report);
    merge_items(&mut into.whys, whys, tombstones, &mut report);
    merge_items(&mut into.actions, actions, tombstones, &mut report);
    merge_items(&mut into.learnings, learnings, tombstones, &mut report);
    merge_items(&mut into.accounts, accounts, tombstones, &mut report);
    merge_items(&mut into.questions, questions, tombstones, &mut report);
    merge_items(&mut into.responders, responders, tombstones, &mut report);
    merge_items(&mut into.themes, themes, tombstones, &mut report);

    // Creation time is fixed at creation; take the same side on every replica.
    into.created_at = into.created_at.min(*created_at);
    into.updated_at = into.updated_at.max(*updated_at);
    into.counter = into.counter.max(*counter);
    Ok(report)
}

/// The replicas whose writes in `other` are newer than what `into` holds: the clock walk of
/// every record kind, so every register counts without a list of fields to keep up to date.
fn winning_writers(into: &Retrospective, other: &Retrospective) -> BTreeSet<Replica> {
    let mut found = BTreeSet::new();
    let mut note = |clock: Clock| {
        // Clock zero marks a default no one wrote (see `Facilitation::default`).
        if clock.counter() > 0 {
            found.insert(clock.1);
        }
    };
    other.header_clocks(Some(into), &mut note);
    other.facilitation.newer_clocks(Some(&into.facilitation), &mut note);
    newer_register_clocks(&other.authors, Some(&into.authors), &mut note);
    newer_clocks_in(&other.timeline, &into.timeline, &mut note);
    newer_clocks_in(&other.factors, &into.factors, &mut note);
    newer_clocks_in(&other.whys, &into.whys, &mut note);
    newer_clocks_in(&other.actions, &into.actions, &mut note);
    newer_clocks_in(&other.learnings, &into.learnings, &mut note);
    newer_clocks_in(&other.accounts, &into.accounts, &mut note);
    newer_clocks_in(&other.questions, &into.questions, &mut note);
    newer_clocks_in(&other.responders, &into.responders, &mut note);
    newer_clocks_in(&other.themes, &into.themes, &mut note);
    for (id, clock) in &other.deleted {
        if !into.deleted.contains_key(id) {
            note(*clock);
        }
    }
    found
}

/// Unites one kind of item: tombstones remove, new items come in, shared ones merge.
fn merge_items<T: Clone + Record>(into: &mut BTreeMap<Id, T>, other: &BTreeMap<Id, T>, deleted: &BTreeMap<Id, Clock>, report: &mut MergeReport) {
    let before = into.len();
    into.retain(|id, _| !deleted.contains_key(id));
    report.removed += before - into.len();
    for (id, item) in other {
        if deleted.contains_key(id) {
            continue;
        }
        match into.get_mut(id) {
            Some(mine) => report.changed += usize::from(mine.merge(item)),
            None => {
                into.insert(*id, item.clone());
                report.added += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::model::ids::Replica;
    use crate::model::retrospective::HeaderField;
    use crate::model::retrospective::Writer;
    use crate::model::template::Template;
    use crate::model::timeline::TimelineField;

    #[test]
    fn both_sides_keep_their_new_items_and_the_later_edit_wins() {
        let alice = Writer::new(Replica(1), 10);
        let bob = Writer::new(Replica(2), 20);
        let id = |n: u8| Id::from_random([n; 16]);
        let mut base = Retrospective::new(id(1), Template::Incident, "t", &alice);
        base.apply(Edit::AddTimelineEntry { id: id(2) }, &alice);
        let mut a = base.clone();
        let mut b = base.clone();
        a.apply(Edit::AddTimelineEntry { id: id(3) }, &alice);
        b.apply(Edit::AddTimelineEntry { id: id(4) }, &bob);
        b.apply(Edit::Timeline(id(2), TimelineField::What("Bob's words".into())), &bob);
        a.apply(Edit::Delete(id(3)), &alice);

        let mut ab = a.clone();
        let report = merge_retrospectives(&mut ab, &b).unwrap();
        assert_eq!((report.added, report.changed, report.removed), (1, 1, 0));
        assert_eq!(report.by, BTreeSet::from([Replica(2)]), "only Bob's writes came in");
        let mut ba = b.clone();
        merge_retrospectives(&mut ba, &a).unwrap();
        assert_eq!(ab, ba);
        assert_eq!(ab.timeline.len(), 2);
        assert_eq!(ab.timeline[&id(2)].what.value, "Bob's words");
        let again = merge_retrospectives(&mut ab, &b).unwrap();
        assert!(again.is_empty());
    }

    #[test]
    fn the_report_names_every_writer_whose_change_came_in_and_nobody_else() {
        let w = |n: u64| Writer::new(Replica(n), n as i64);
        let id = |n: u8| Id::from_random([n; 16]);
        let mut base = Retrospective::new(id(1), Template::Incident, "t", &w(1));
        for n in 2..=4 {
            base.apply(Edit::AddTimelineEntry { id: id(n) }, &w(1));
        }
        let mut theirs = base.clone();
        theirs.apply(Edit::Header(HeaderField::Title("New title".into())), &w(3));
        theirs.apply(Edit::Presenter(true), &w(4));
        theirs.apply(Edit::Delete(id(2)), &w(5));
        theirs.apply(Edit::Timeline(id(3), TimelineField::What("x".into())), &w(6));
        theirs.apply(Edit::AddFactor { id: id(9) }, &w(7));
        let mut mine = base.clone();
        mine.apply(Edit::Timeline(id(4), TimelineField::What("mine".into())), &w(8));
        let report = merge_retrospectives(&mut mine, &theirs).unwrap();
        assert_eq!(report.by, (3..=7).map(Replica).collect::<BTreeSet<_>>());
    }

    #[test]
    fn a_deletion_removes_the_other_copys_item() {
        let w = Writer::new(Replica(1), 0);
        let id = |n: u8| Id::from_random([n; 16]);
        let mut a = Retrospective::new(id(1), Template::Incident, "t", &w);
        a.apply(Edit::AddAction { id: id(2) }, &w);
        let b = a.clone();
        a.apply(Edit::Delete(id(2)), &w);
        let mut b2 = b.clone();
        let report = merge_retrospectives(&mut b2, &a).unwrap();
        assert_eq!(report.removed, 1);
        assert!(b2.actions.is_empty());
    }

    #[test]
    fn different_retrospectives_do_not_merge() {
        let w = Writer::new(Replica(1), 0);
        let mut a = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "a", &w);
        let b = Retrospective::new(Id::from_random([2; 16]), Template::Incident, "b", &w);
        assert_eq!(merge_retrospectives(&mut a, &b), Err(DifferentRetrospectives));
    }
}
