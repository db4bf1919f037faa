//! Silent writing (schema 8): while a step is in writing, what each person adds is shown only
//! to them, and as counts to everyone else, until the facilitator reveals it.
//!
//! Both parts merge without coordination, so two facilitators, a dropped connection or a late
//! joiner all end in one state:
//! - a step's [`Writing`] state is a round number and whether that round is revealed, merged
//!   by taking the greater (round first, then revealed over not). Starting writes the next
//!   round; revealing marks the round. A revealed round can never be hidden again: nothing
//!   below it in the order exists.
//! - each item added during writing gets a [`SilentNote`]: its step, the round it was written
//!   in and the profile that wrote it. Notes are never changed; copies merge by union.
//!
//! An item is hidden from a viewer when it has a note by someone else whose round the step has
//! not revealed yet. A note written offline in round 2 that arrives after the reveal of round 2
//! is shown at once; one that arrives while round 2 is still open stays hidden.
//!
//! Hidden means hidden on screen: the notes are in the file like every other item, readable by
//! whoever can read the team space (unless a passphrase encrypts what is shared).

use crate::model::ids::{Id, Replica};
use crate::model::steps::Step;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Where a step's silent writing stands. Ordered round first, then revealed after not: the
/// merge takes the greater, so states only move forward.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Writing {
    /// The latest round started on this step; 0: never.
    pub round: u32,
    /// Whether that round has been revealed.
    pub revealed: bool,
}

impl Writing {
    /// People are writing silently now.
    pub fn is_open(self) -> bool {
        self.round > 0 && !self.revealed
    }

    /// The latest round whose notes everyone sees (0: none was ever hidden).
    pub fn revealed_through(self) -> u32 {
        if self.revealed {
            self.round
        } else {
            self.round.saturating_sub(1)
        }
    }

    /// The state after "Start silent writing": the next round, open. `None` while a round is
    /// open already (starting again would hide nothing more and reveal nothing).
    pub fn started(self) -> Option<Writing> {
        (!self.is_open()).then(|| Writing { round: self.round.saturating_add(1), revealed: false })
    }

    /// The state after "Reveal"; `None` when no round is open.
    pub fn revealed(self) -> Option<Writing> {
        self.is_open().then_some(Writing { round: self.round, revealed: true })
    }
}

/// An item written while its step was in writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SilentNote {
    /// The step whose writing it belongs to.
    pub step: Step,
    /// The round it was written in.
    pub round: u32,
    /// The browser profile that wrote it: the person, as far as Retrace knows people.
    pub by: Replica,
}

/// Who is looking: a person (their profile), or the shared screen, which shows nobody's
/// unrevealed notes, not even the facilitator's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    /// One person's own screen: their own notes are always shown to them.
    Person(Replica),
    /// A screen the room sees (Present, the audience window, presenter mode).
    Room,
}

/// Merges another copy's writing states: per step, the greater. Returns whether `into` changed.
pub fn merge_writing(into: &mut BTreeMap<Step, Writing>, other: &BTreeMap<Step, Writing>) -> bool {
    let mut changed = false;
    for (step, theirs) in other {
        let mine = into.entry(*step).or_default();
        if theirs > mine {
            *mine = *theirs;
            changed = true;
        }
    }
    changed
}

/// Merges another copy's notes by union. Notes are written once, under a fresh item id, so two
/// different notes for one id do not occur; if a hostile copy has one, the lesser is kept on
/// both sides, so copies still agree.
pub fn merge_notes(into: &mut BTreeMap<Id, SilentNote>, other: &BTreeMap<Id, SilentNote>) -> bool {
    let mut changed = false;
    for (id, theirs) in other {
        match into.get_mut(id) {
            Some(mine) if theirs < mine => {
                *mine = *theirs;
                changed = true;
            }
            Some(_) => {}
            None => {
                into.insert(*id, *theirs);
                changed = true;
            }
        }
    }
    changed
}

/// Whether the item with `note` is hidden from `viewer` under these writing states.
pub fn is_hidden(note: &SilentNote, writing: &BTreeMap<Step, Writing>, viewer: Viewer) -> bool {
    let revealed = writing.get(&note.step).copied().unwrap_or_default().revealed_through();
    note.round > revealed && viewer != Viewer::Person(note.by)
}

/// What the room is told while a step is in writing: how many people have written and how
/// many notes, counting everyone's, hidden or not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WritingCount {
    /// People who wrote at least one note this round.
    pub people: usize,
    /// Notes written this round.
    pub notes: usize,
}

/// The count for `step`'s open round, over the items that still exist (`exists`).
pub fn writing_count(notes: &BTreeMap<Id, SilentNote>, writing: &BTreeMap<Step, Writing>, step: Step, exists: impl Fn(Id) -> bool) -> WritingCount {
    let state = writing.get(&step).copied().unwrap_or_default();
    if !state.is_open() {
        return WritingCount::default();
    }
    let mut people = BTreeSet::new();
    let mut count = 0;
    for (id, note) in notes {
        if note.step == step && note.round == state.round && exists(*id) {
            people.insert(note.by);
            count += 1;
        }
    }
    WritingCount { people: people.len(), notes: count }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(n: u64) -> Replica {
        Replica(n)
    }

    #[test]
    fn a_round_opens_and_reveals_and_never_hides_again() {
        let never = Writing::default();
        assert!(!never.is_open());
        let open = never.started().unwrap();
        assert_eq!(open, Writing { round: 1, revealed: false });
        assert_eq!(open.started(), None, "a round that is open is not started again");
        let shown = open.revealed().unwrap();
        assert_eq!(shown.revealed_through(), 1);
        assert_eq!(shown.revealed(), None);
        assert!(open < shown && shown < shown.started().unwrap(), "every move is forward in the order");
        // Merging an older state into a newer one changes nothing.
        let mut states = BTreeMap::from([(Step::Why, shown)]);
        assert!(!merge_writing(&mut states, &BTreeMap::from([(Step::Why, open)])));
        assert_eq!(states[&Step::Why], shown);
    }

    #[test]
    fn two_reveals_at_once_are_one_state() {
        let open = Writing { round: 3, revealed: false };
        let mut a = BTreeMap::from([(Step::WhatHappened, open.revealed().unwrap())]);
        let b = a.clone();
        assert!(!merge_writing(&mut a, &b));
        // A late joiner holding the open round learns the reveal.
        let mut late = BTreeMap::from([(Step::WhatHappened, open)]);
        assert!(merge_writing(&mut late, &a));
        assert_eq!(late, a);
    }

    #[test]
    fn hidden_only_from_others_and_only_until_the_round_is_revealed() {
        let note = SilentNote { step: Step::WhatHappened, round: 2, by: profile(1) };
        let mut writing = BTreeMap::from([(Step::WhatHappened, Writing { round: 2, revealed: false })]);
        assert!(!is_hidden(&note, &writing, Viewer::Person(profile(1))), "the writer sees their own");
        assert!(is_hidden(&note, &writing, Viewer::Person(profile(2))));
        assert!(is_hidden(&note, &writing, Viewer::Room), "the shared screen hides even the facilitator's");
        writing.insert(Step::WhatHappened, Writing { round: 2, revealed: true });
        assert!(!is_hidden(&note, &writing, Viewer::Room));
        // Written offline in round 2, arriving after round 3 started: round 2 was revealed.
        writing.insert(Step::WhatHappened, Writing { round: 3, revealed: false });
        assert!(!is_hidden(&note, &writing, Viewer::Person(profile(2))));
        // A note from a round this copy has not heard of yet stays hidden.
        let ahead = SilentNote { round: 4, ..note };
        assert!(is_hidden(&ahead, &writing, Viewer::Person(profile(2))));
    }

    #[test]
    fn counts_people_and_notes_of_the_open_round() {
        let writing = BTreeMap::from([(Step::Why, Writing { round: 1, revealed: false })]);
        let ids: Vec<Id> = (0..5u8).map(|n| Id::from_random([n; 16])).collect();
        let notes = BTreeMap::from([
            (ids[0], SilentNote { step: Step::Why, round: 1, by: profile(1) }),
            (ids[1], SilentNote { step: Step::Why, round: 1, by: profile(1) }),
            (ids[2], SilentNote { step: Step::Why, round: 1, by: profile(2) }),
            (ids[3], SilentNote { step: Step::WhatHappened, round: 1, by: profile(3) }),
            (ids[4], SilentNote { step: Step::Why, round: 1, by: profile(3) }),
        ]);
        let count = writing_count(&notes, &writing, Step::Why, |id| id != ids[4]);
        assert_eq!(count, WritingCount { people: 2, notes: 3 }, "deleted items and other steps are not counted");
        assert_eq!(writing_count(&notes, &writing, Step::WhatHappened, |_| true), WritingCount::default(), "no round open there");
    }

    #[test]
    fn notes_merge_by_union_the_same_either_way() {
        let a_id = Id::from_random([1; 16]);
        let b_id = Id::from_random([2; 16]);
        let a = BTreeMap::from([(a_id, SilentNote { step: Step::Why, round: 1, by: profile(1) })]);
        let b = BTreeMap::from([
            (b_id, SilentNote { step: Step::Why, round: 1, by: profile(2) }),
            (a_id, SilentNote { step: Step::Why, round: 1, by: profile(0) }),
        ]);
        let (mut ab, mut ba) = (a.clone(), b.clone());
        merge_notes(&mut ab, &b);
        merge_notes(&mut ba, &a);
        assert_eq!(ab, ba);
        assert!(!merge_notes(&mut ab, &ba), "idempotent");
    }
}
