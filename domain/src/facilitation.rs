//! How the retrospective is being run, kept with it so a reload or a second window picks up
//! where the facilitator is: presenter mode, what is hidden on the shared screen, the step
//! timers, the voting set-up, and the coach findings the group dismissed.

use super::clock::{merge_map, Clock, Register};
use super::steps::Step;
use super::timer::Timer;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Votes each person gets when the facilitator has not chosen a number.
pub const DEFAULT_VOTES_PER_PERSON: u32 = 3;

#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Facilitation {
    pub presenter: Register<bool>,
    /// Hides participant names and vote counts while the screen is shared.
    pub safe_to_share: Register<bool>,
    pub votes_per_person: Register<u32>,
    /// How many people are voting; 0 until the facilitator says.
    pub voters: Register<u32>,
    #[serde(default)]
    pub timers: BTreeMap<Step, Register<Timer>>,
    /// Keys of dismissed coach findings (see `ui`'s finding key). Grow-only: a merge never
    /// brings a dismissed finding back.
    #[serde(default)]
    pub dismissed: BTreeSet<String>,
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
        }
    }
}

impl Facilitation {
    pub fn timer(&self, step: Step) -> Timer {
        self.timers.get(&step).map(|r| r.value).unwrap_or(Timer::minutes(default_minutes(step)))
    }

    /// The room's votes in all and how many are left once `used` are recorded, when the
    /// facilitator has said how many people vote; `None` before that.
    pub fn votes_left(&self, used: u32) -> Option<(u32, u32)> {
        let total = self.votes_per_person.value.saturating_mul(self.voters.value);
        (total > 0).then(|| (total, total.saturating_sub(used)))
    }

    pub fn merge(&mut self, other: &Self) -> bool {
        let mut changed = self.presenter.merge(&other.presenter);
        changed |= self.safe_to_share.merge(&other.safe_to_share);
        changed |= self.votes_per_person.merge(&other.votes_per_person);
        changed |= self.voters.merge(&other.voters);
        changed |= merge_map(&mut self.timers, &other.timers);
        let before = self.dismissed.len();
        self.dismissed.extend(other.dismissed.iter().cloned());
        changed | (self.dismissed.len() != before)
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
