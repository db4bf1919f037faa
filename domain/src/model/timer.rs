//! The step timebox. It stores when it ends, not how much is left, so it keeps counting
//! through a reload and agrees across windows that read the same document.

use crate::i18n::tr;
use serde::{Deserialize, Serialize};

/// Minutes offered as one-click presets.
pub const PRESETS: [u32; 4] = [3, 5, 10, 15];
/// The timeboxes a facilitator may type in, in minutes: a minute to a three-hour workshop.
pub const CUSTOM_MINUTES: std::ops::RangeInclusive<u32> = 1..=180;
const MINUTE: i64 = 60_000;

/// A step's timebox and where its countdown stands; every change returns a new value.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Timer {
    /// Set but not started.
    Idle {
        /// The timebox, in milliseconds.
        duration_ms: i64,
    },
    /// Counting down to `ends_at_ms` (Unix milliseconds).
    Running {
        /// When time is up, in Unix milliseconds.
        ends_at_ms: i64,
        /// The timebox, in milliseconds, including minutes added.
        duration_ms: i64,
    },
    /// Stopped part-way; starting again counts down what was left, or starts over if nothing was.
    Paused {
        /// What was left when it was paused, in milliseconds.
        remaining_ms: i64,
        /// The timebox, in milliseconds, including minutes added.
        duration_ms: i64,
    },
}

/// What a screen reader should hear as the countdown passes a threshold.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cue {
    /// The time left has just dropped to a minute or less.
    OneMinuteLeft,
    /// The time left has just reached zero.
    TimeUp,
}

impl Cue {
    /// The words to announce.
    pub fn message(self) -> &'static str {
        match self {
            Cue::OneMinuteLeft => tr("1 minute left"),
            Cue::TimeUp => tr("Time is up"),
        }
    }
}

impl Timer {
    /// A timebox the facilitator typed, if it is a whole number within [`CUSTOM_MINUTES`].
    pub fn typed(text: &str) -> Option<Timer> {
        let minutes = text.trim().parse::<u32>().ok()?;
        CUSTOM_MINUTES.contains(&minutes).then(|| Timer::minutes(minutes))
    }

    /// An idle timebox of `minutes`.
    pub fn minutes(minutes: u32) -> Timer {
        Timer::Idle { duration_ms: minutes as i64 * MINUTE }
    }

    /// The whole timebox in milliseconds, whatever the state.
    pub fn duration_ms(self) -> i64 {
        match self {
            Timer::Idle { duration_ms } | Timer::Running { duration_ms, .. } | Timer::Paused { duration_ms, .. } => duration_ms,
        }
    }

    /// The whole timebox in whole minutes (rounded), what a template keeps.
    pub fn total_minutes(self) -> u32 {
        ((self.duration_ms() + MINUTE / 2) / MINUTE).clamp(1, i64::from(u32::MAX)) as u32
    }

    /// Milliseconds left at `now_ms`: all of it when idle, never below zero.
    pub fn remaining_ms(self, now_ms: i64) -> i64 {
        match self {
            Timer::Idle { duration_ms } => duration_ms,
            Timer::Running { ends_at_ms, .. } => (ends_at_ms - now_ms).max(0),
            Timer::Paused { remaining_ms, .. } => remaining_ms.max(0),
        }
    }

    /// Whether it is counting down (even past its end).
    pub fn is_running(self) -> bool {
        matches!(self, Timer::Running { .. })
    }

    /// Whether a started timer has no time left at `now_ms`; an idle one never is.
    pub fn is_up(self, now_ms: i64) -> bool {
        !matches!(self, Timer::Idle { .. }) && self.remaining_ms(now_ms) == 0
    }

    /// Starts counting down at `now_ms`: from what was left when paused, else from the whole
    /// timebox (so a finished timer starts over). A running timer is left as it is.
    pub fn start(self, now_ms: i64) -> Timer {
        match self {
            Timer::Running { .. } => self,
            Timer::Paused { remaining_ms, duration_ms } if remaining_ms > 0 => Timer::Running { ends_at_ms: now_ms + remaining_ms, duration_ms },
            _ => Timer::Running { ends_at_ms: now_ms + self.duration_ms(), duration_ms: self.duration_ms() },
        }
    }

    /// Stops a running timer at `now_ms`, keeping what is left; any other is left as it is.
    pub fn pause(self, now_ms: i64) -> Timer {
        match self {
            Timer::Running { duration_ms, .. } => Timer::Paused { remaining_ms: self.remaining_ms(now_ms), duration_ms },
            other => other,
        }
    }

    /// Start when idle or paused, pause when running: the one key a facilitator presses.
    pub fn toggle(self, now_ms: i64) -> Timer {
        if self.is_running() {
            self.pause(now_ms)
        } else {
            self.start(now_ms)
        }
    }

    /// Back to idle with the whole timebox, minutes added included.
    pub fn reset(self) -> Timer {
        Timer::Idle { duration_ms: self.duration_ms() }
    }

    /// One more minute; after time is up it counts from now again.
    pub fn add_minute(self, now_ms: i64) -> Timer {
        match self {
            Timer::Idle { duration_ms } => Timer::Idle { duration_ms: duration_ms + MINUTE },
            Timer::Running { ends_at_ms, duration_ms } => Timer::Running { ends_at_ms: ends_at_ms.max(now_ms) + MINUTE, duration_ms: duration_ms + MINUTE },
            Timer::Paused { remaining_ms, duration_ms } => Timer::Paused { remaining_ms: remaining_ms.max(0) + MINUTE, duration_ms: duration_ms + MINUTE },
        }
    }

    /// `MM:SS`, rounding up so the display reaches 00:00 exactly when time is up.
    pub fn display(self, now_ms: i64) -> String {
        let seconds = (self.remaining_ms(now_ms) + 999) / 1000;
        format!("{:02}:{:02}", seconds / 60, seconds % 60)
    }

    /// The cue to announce when the remaining time went from `before_ms` to `after_ms`.
    pub fn cue_between(before_ms: i64, after_ms: i64) -> Option<Cue> {
        if before_ms > 0 && after_ms == 0 {
            Some(Cue::TimeUp)
        } else if before_ms > MINUTE && after_ms <= MINUTE && after_ms > 0 {
            Some(Cue::OneMinuteLeft)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_timeboxes_are_bounded() {
        assert_eq!(Timer::typed(" 25 "), Some(Timer::minutes(25)));
        assert_eq!(Timer::typed("180"), Some(Timer::minutes(180)));
        for bad in ["0", "181", "-5", "2.5", "ten", ""] {
            assert_eq!(Timer::typed(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_running_timer_counts_down_from_its_end_time() {
        let t = Timer::minutes(5).start(1_000);
        assert_eq!(t, Timer::Running { ends_at_ms: 301_000, duration_ms: 300_000 });
        assert_eq!(t.remaining_ms(61_000), 240_000);
        assert_eq!(t.display(61_000), "04:00");
        assert_eq!(t.display(61_001), "04:00");
        assert_eq!(t.display(62_000), "03:59");
        assert!(!t.is_up(300_999));
        assert!(t.is_up(301_000));
        assert_eq!(t.display(400_000), "00:00");
    }

    #[test]
    fn pause_resume_keeps_the_remaining_time() {
        let t = Timer::minutes(3).start(0).pause(60_000);
        assert_eq!(t, Timer::Paused { remaining_ms: 120_000, duration_ms: 180_000 });
        assert_eq!(t.remaining_ms(999_999), 120_000, "a paused timer does not move");
        let resumed = t.start(500_000);
        assert_eq!(resumed.remaining_ms(560_000), 60_000);
        assert_eq!(resumed.toggle(560_000), Timer::Paused { remaining_ms: 60_000, duration_ms: 180_000 });
    }

    #[test]
    fn plus_one_minute_and_reset() {
        assert_eq!(Timer::minutes(5).add_minute(0), Timer::minutes(6));
        let running = Timer::minutes(1).start(0);
        assert_eq!(running.add_minute(30_000).remaining_ms(30_000), 90_000);
        // After time is up, +1 min gives a minute from now.
        assert_eq!(running.add_minute(500_000).remaining_ms(500_000), 60_000);
        assert_eq!(running.reset(), Timer::Idle { duration_ms: 60_000 });
        let after_up = Timer::minutes(1).start(0).pause(90_000);
        assert_eq!(after_up.start(100_000).remaining_ms(100_000), 60_000, "starting a finished timer starts it over");
    }

    #[test]
    fn cues_fire_once_when_thresholds_are_crossed() {
        assert_eq!(Timer::cue_between(61_000, 60_000), Some(Cue::OneMinuteLeft));
        assert_eq!(Timer::cue_between(60_000, 59_000), None);
        assert_eq!(Timer::cue_between(1_000, 0), Some(Cue::TimeUp));
        assert_eq!(Timer::cue_between(0, 0), None);
        assert_eq!(Timer::cue_between(200_000, 0), Some(Cue::TimeUp), "a reload past the end still says time is up");
        assert_eq!(Cue::TimeUp.message(), "Time is up");
    }
}
