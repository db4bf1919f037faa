//! Merging two copies of one retrospective: per field the later write wins, items are united,
//! tombstones are united and hide what they name. Commutative, associative and idempotent, so
//! copies can meet in any order (share links, imported files, another tab's write).

use super::clock::{merge_map, Clock};
use super::ids::{Id, Replica};
use super::retrospective::Retrospective;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// What a merge changed in the receiving copy.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct MergeReport {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    /// Whose writes came in: the browser profiles behind every register, item and tombstone
    /// that won (two tabs of one browser are one person here).
    pub by: BTreeSet<Replica>,
}

impl MergeReport {
    pub fn is_empty(&self) -> bool {
        self.added == 0 && self.changed == 0 && self.removed == 0
    }

    pub fn describe(&self) -> String {
        if self.is_empty() {
            return "Nothing new to merge.".to_string();
        }
        format!("Merged: {} added, {} changed, {} removed.", self.added, self.changed, self.removed)
    }
}

impl MergeReport {
    /// The report in words, naming contributors by the display names `retro` knows.
    pub fn describe_by(&self, retro: &Retrospective) -> String {
        if self.is_empty() {
            return self.describe();
        }
        let mut names: Vec<String> = self.by.iter().filter_map(|r| retro.author_name(*r)).map(str::to_string).collect();
        names.sort();
        names.dedup();
        let anonymous = self.by.iter().filter(|r| retro.author_name(**r).is_none()).count();
        if anonymous > 0 {
            names.push(if anonymous == 1 { "1 person without a name".into() } else { format!("{anonymous} people without a name") });
        }
        let who = match names.len() {
            0 => String::new(),
            1 => format!(" — by {}", names[0]),
            n => format!(" — by {} and {}", names[..n - 1].join(", "), names[n - 1]),
        };
        format!("{}{who}", self.describe().trim_end_matches('.'))
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct DifferentRetrospectives;

/// Merges `other` into `into`. Both must be copies of the same retrospective.
pub fn merge_retrospectives(into: &mut Retrospective, other: &Retrospective) -> Result<MergeReport, DifferentRetrospectives> {
    if into.id != other.id {
        return Err(DifferentRetrospectives);
    }
    let mut report = MergeReport { by: winning_writers(into, other), ..MergeReport::default() };
    let mut header_changed = false;
    header_changed |= into.title.merge(&other.title);
    header_changed |= into.incident_start.merge(&other.incident_start);
    header_changed |= into.incident_end.merge(&other.incident_end);
    header_changed |= into.impact.merge(&other.impact);
    header_changed |= into.participants.merge(&other.participants);
    into.step.merge(&other.step); // where the other person was looking is not a content change
    into.facilitation.merge(&other.facilitation);
    merge_map(&mut into.authors, &other.authors);
    for (replica, profile) in &other.writers {
        // A replica belongs to one profile; `min` only keeps hand-edited files deterministic.
        let entry = into.writers.entry(*replica).or_insert(*profile);
        *entry = (*entry).min(*profile);
    }
    report.by = std::mem::take(&mut report.by).into_iter().map(|r| into.profile_of(r)).collect();
    report.changed += usize::from(header_changed);

    for (id, clock) in &other.deleted {
        let entry = into.deleted.entry(*id).or_insert(*clock);
        *entry = (*entry).max(*clock);
    }
    let deleted = &into.deleted;
    merge_items(&mut into.timeline, &other.timeline, deleted, &mut report, |a, b| a.merge(b));
    merge_items(&mut into.factors, &other.factors, deleted, &mut report, |a, b| a.merge(b));
    merge_items(&mut into.whys, &other.whys, deleted, &mut report, |a, b| a.merge(b));
    merge_items(&mut into.actions, &other.actions, deleted, &mut report, |a, b| a.merge(b));
    merge_items(&mut into.learnings, &other.learnings, deleted, &mut report, |a, b| a.merge(b));

    // Template and creation time are fixed at creation; take the same side on every replica.
    into.created_at = into.created_at.min(other.created_at);
    into.updated_at = into.updated_at.max(other.updated_at);
    into.counter = into.counter.max(other.counter);
    Ok(report)
}

/// The replicas whose writes in `other` are newer than what `into` holds. Walks the JSON forms
/// of the two sides, so every register of every kind counts without a list of fields to keep up
/// to date; only the parts that differ are converted, so two large copies that differ in a few
/// items cost a few items, not the whole document.
fn winning_writers(into: &Retrospective, other: &Retrospective) -> BTreeSet<Replica> {
    let mut found = BTreeSet::new();
    let mut compare = |mine: Option<Value>, theirs: Value| walk(mine.as_ref(), &theirs, &mut found);
    macro_rules! part {
        ($($field:ident),*) => {$(
            if into.$field != other.$field {
                compare(serde_json::to_value(&into.$field).ok(), serde_json::to_value(&other.$field).unwrap_or(Value::Null));
            }
        )*};
    }
    part!(title, incident_start, incident_end, impact, participants, facilitation, authors);
    macro_rules! items {
        ($($field:ident),*) => {$(
            for (id, theirs) in &other.$field {
                let mine = into.$field.get(id);
                if mine != Some(theirs) {
                    compare(mine.and_then(|m| serde_json::to_value(m).ok()), serde_json::to_value(theirs).unwrap_or(Value::Null));
                }
            }
        )*};
    }
    items!(timeline, factors, whys, actions, learnings);
    for (id, clock) in &other.deleted {
        if !into.deleted.contains_key(id) {
            found.insert(clock.1);
        }
    }
    found
}

fn clock_of(value: &Value) -> Option<(u64, &str)> {
    let c = value.as_array()?;
    Some((c.first()?.as_u64()?, c.get(1)?.as_str()?))
}

/// Collects the writers of registers (`{"v": …, "c": [counter, replica]}`) in `theirs` that are
/// newer than the same register in `mine`.
fn walk(mine: Option<&Value>, theirs: &Value, out: &mut BTreeSet<Replica>) {
    let Value::Object(map) = theirs else { return };
    if let (Some(_), Some(clock)) = (map.get("v"), map.get("c").and_then(clock_of)) {
        let mine = mine.and_then(|m| m.get("c")).and_then(clock_of);
        if mine.is_none_or(|m| clock > m) && clock.0 > 0 {
            out.extend(Replica::parse(clock.1));
        }
        return;
    }
    for (key, value) in map {
        walk(mine.and_then(|m| m.get(key)), value, out);
    }
}

fn merge_items<T: Clone>(
    into: &mut BTreeMap<Id, T>,
    other: &BTreeMap<Id, T>,
    deleted: &BTreeMap<Id, Clock>,
    report: &mut MergeReport,
    merge_one: impl Fn(&mut T, &T) -> bool,
) {
    let before = into.len();
    into.retain(|id, _| !deleted.contains_key(id));
    report.removed += before - into.len();
    for (id, item) in other {
        if deleted.contains_key(id) {
            continue;
        }
        match into.get_mut(id) {
            Some(mine) => report.changed += usize::from(merge_one(mine, item)),
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
    use crate::edit::Edit;
    use crate::ids::Replica;
    use crate::retrospective::Writer;
    use crate::template::Template;
    use crate::timeline::TimelineField;

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
        theirs.apply(Edit::Title("New title".into()), &w(3));
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
