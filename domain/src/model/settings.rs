//! How the retrospective is being run, kept with it so a reload or a second window picks up
//! where the facilitator is: presenter mode, what is hidden on the shared screen, the step
//! timers, the voting set-up, and the coach findings the group dismissed; and, from schema 8,
//! the live meeting: who facilitates, silent writing (see [`silent`](crate::model::silent))
//! and each person's own dots.

use crate::model::clock::{merge_map, Clock, Register};
use crate::model::ids::{Id, Replica};
use crate::model::record::{newer_register_clocks, record};
use crate::model::silent::{merge_notes, merge_writing, SilentNote, Writing};
use crate::model::steps::Step;
use crate::model::timer::Timer;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Votes each person gets when the facilitator has not chosen a number.
pub const DEFAULT_VOTES_PER_PERSON: u32 = 3;

/// How the retrospective is being run; see the module documentation.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Facilitation {
    /// Presenter mode: large type and the essentials, for a shared screen.
    pub presenter: Register<bool>,
    /// Hides participant names and vote counts while the screen is shared.
    pub safe_to_share: Register<bool>,
    /// Dots each person may give when the room votes.
    pub votes_per_person: Register<u32>,
    /// How many people are voting; 0 until the facilitator says.
    pub voters: Register<u32>,
    /// The timebox of each step that has one set.
    #[serde(default)]
    pub timers: BTreeMap<Step, Register<Timer>>,
    /// Keys of dismissed coach findings (see `ui`'s finding key). Grow-only: a merge never
    /// brings a dismissed finding back.
    #[serde(default)]
    pub dismissed: BTreeSet<String>,
    /// The profile whose step and timer everyone else's screen follows (schema 8). `None`:
    /// nobody leads, and whoever moves the step moves it for all, as before.
    #[serde(default = "nobody")]
    pub facilitator: Register<Option<Replica>>,
    /// Each step's silent writing (schema 8), merged by the greater state.
    #[serde(default)]
    pub writing: BTreeMap<Step, Writing>,
    /// Items written during silent writing, by item id (schema 8). Grow-only.
    #[serde(default)]
    pub silent: BTreeMap<Id, SilentNote>,
    /// Dots each person gave from their own device, per factor and profile (schema 8): one
    /// register per person, so merging copies never counts anyone twice. The factor's own
    /// `votes` stay the scribe's count for rooms without laptops; the total is both.
    #[serde(default)]
    pub dots: BTreeMap<Id, BTreeMap<Replica, Register<u32>>>,
}

fn nobody() -> Register<Option<Replica>> {
    Register::new(None, Clock::default())
}

impl Default for Facilitation {
    fn default() -> Self {
        // Clock zero: any real write wins over these defaults.
        let zero = Clock::default();
        Facilitation {
            presenter: Register::new(false, zero),
            safe_to_share: Register::new(false, zero),
            votes_per_person: Register::new(DEFAULT_VOTES_PER_PERSON, zero),
            voters: Register::new(0, zero),
            timers: BTreeMap::new(),
            dismissed: BTreeSet::new(),
            facilitator: nobody(),
            writing: BTreeMap::new(),
            silent: BTreeMap::new(),
            dots: BTreeMap::new(),
        }
    }
}

impl Facilitation {
    /// The clock walk of [`Record::newer_clocks`](crate::model::record::Record::newer_clocks)
    /// over every register here, timers included.
    pub fn newer_clocks(&self, mine: Option<&Self>, found: &mut dyn FnMut(Clock)) {
        self.setting_clocks(mine, found);
        newer_register_clocks(&self.timers, mine.map(|m| &m.timers), found);
        for (factor, people) in &self.dots {
            newer_register_clocks(people, mine.and_then(|m| m.dots.get(factor)), found);
        }
    }

    /// Dots `person` gave from their own devices, over all factors.
    pub fn dots_given(&self, person: Replica) -> u32 {
        self.dots.values().filter_map(|people| people.get(&person)).map(|r| r.value).sum()
    }

    /// Dots every person gave to `factor` from their own devices.
    pub fn dots_on(&self, factor: Id) -> u32 {
        self.dots.get(&factor).map_or(0, |people| people.values().map(|r| r.value).sum())
    }

    /// The writing state of `step`.
    pub fn writing(&self, step: Step) -> Writing {
        self.writing.get(&step).copied().unwrap_or_default()
    }

    /// The timebox of `step`: the one set, or the step's default.
    pub fn timer(&self, step: Step) -> Timer {
        self.timers.get(&step).map(|r| r.value).unwrap_or(Timer::minutes(default_minutes(step)))
    }

    /// The room's votes in all and how many are left once `used` are recorded, when the
    /// facilitator has said how many people vote; `None` before that.
    pub fn votes_left(&self, used: u32) -> Option<(u32, u32)> {
        let total = self.votes_per_person.value.saturating_mul(self.voters.value);
        (total > 0).then(|| (total, total.saturating_sub(used)))
    }

    /// Merges another copy's settings: registers and timers by their clocks, dismissals by
    /// union. Returns true when `self` changed.
    pub fn merge(&mut self, other: &Self) -> bool {
        let mut changed = self.merge_settings(other);
        changed |= merge_map(&mut self.timers, &other.timers);
        changed |= merge_writing(&mut self.writing, &other.writing);
        changed |= merge_notes(&mut self.silent, &other.silent);
        for (factor, people) in &other.dots {
            changed |= merge_map(self.dots.entry(*factor).or_default(), people);
        }
        let before = self.dismissed.len();
        self.dismissed.extend(other.dismissed.iter().cloned());
        changed | (self.dismissed.len() != before)
    }
}

record! {
    impl Facilitation {
        /// One of the facilitation settings, as an edit.
        enum SettingField;
        fn set_setting, merge_settings, setting_clocks;
    }
    {
        presenter: bool => Presenter,
        safe_to_share: bool => SafeToShare,
        votes_per_person: u32 => VotesPerPerson,
        voters: u32 => Voters,
        facilitator: Option<Replica> => Facilitator,
    }
}

/// A sensible first timebox per step, in minutes.
pub fn default_minutes(step: Step) -> u32 {
    match step {
        Step::SetTheStage => 5,
        Step::WhatHappened => 15,
        Step::Why => 15,
        Step::Prevention => 10,
        Step::Summary => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_left_are_known_once_the_voters_are() {
        let mut f = Facilitation::default();
        assert_eq!(f.votes_left(2), None, "nobody counted yet");
        f.voters.value = 4;
        assert_eq!(f.votes_left(5), Some((12, 7)));
        assert_eq!(f.votes_left(15), Some((12, 0)), "more recorded than given never goes negative");
    }
}
