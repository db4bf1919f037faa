//! When the team space is read and written, decided apart from the timers that carry it out:
//! soon after a local save, every second for the team retrospective on screen, every 15 s for
//! the whole folder, once a minute while the page is hidden, with growing pauses while the
//! space fails — and at once when something says "now" (back online, the page shown again,
//! hidden with changes waiting), even in the middle of a round.

/// How often the retrospective on screen is checked while the page is visible: others'
/// edits show within about this plus a save's round trip.
pub const OPEN_CHECK_MS: i64 = 1_000;
/// How often the whole folder is listed while the page is visible.
pub const LIST_MS: i64 = 15_000;
/// Both, while the page is hidden.
pub const HIDDEN_MS: i64 = 60_000;
/// Quiet time after a local save before it is sent.
pub const PUSH_DELAY_MS: i64 = 150;
/// The longest pause between attempts while the space fails.
pub const MAX_BACKOFF_MS: i64 = 30_000;
/// A deletion reaches the space once it can no longer be undone here (Home offers Undo for
/// 12 s), so an undo never meets its own tombstone.
pub const DELETE_AFTER_MS: i64 = 13_000;

/// When each kind of work is next due, and how the space has been answering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    next_list: i64,
    next_open_check: i64,
    push_due: Option<i64>,
    failures: u32,
    /// Counts the calls of [`Schedule::now`]: a round that started before one must not put
    /// off what it asked for when the round ends.
    nudges: u64,
}

/// What a round is to do, and what it began from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    /// List the whole folder.
    pub list: bool,
    /// Check the retrospective on screen.
    pub open: bool,
    /// Send what waits here (saves, deletions).
    pub push: bool,
    nudges: u64,
}

/// What this browser holds that the schedule weighs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Waiting {
    /// A team retrospective is on screen.
    pub open: bool,
    /// Some team retrospectives have changes not yet in the space.
    pub changes: bool,
    /// Some deletions are past their undo time.
    pub deletions: bool,
}

impl Schedule {
    /// Everything due at once: a page just loaded or connected.
    pub fn new() -> Schedule {
        Schedule::default()
    }

    /// Everything due at once, and no pause for past failures: back online, the page shown
    /// again, a person asked. Holds even if a round is under way.
    pub fn now(&mut self) {
        self.next_list = 0;
        self.next_open_check = 0;
        self.failures = 0;
        self.nudges += 1;
    }

    /// A local save: send it after [`PUSH_DELAY_MS`] of quiet (a later save does not put it off).
    pub fn saved(&mut self, now_ms: i64) {
        self.push_due.get_or_insert(now_ms + PUSH_DELAY_MS);
    }

    /// Changes wait and the page is being hidden (switched away from, closed, a phone locked):
    /// send them now, not after a hidden page's slow timers.
    pub fn hiding(&mut self, now_ms: i64, waiting: bool) {
        if waiting {
            self.push_due = Some(now_ms);
            self.nudges += 1;
        }
    }

    /// A team retrospective came on screen: check it at once.
    pub fn opened(&mut self) {
        self.next_open_check = 0;
        self.nudges += 1;
    }

    /// What is due at `now_ms`, if anything; a due push is taken (the round sends it).
    pub fn due(&mut self, now_ms: i64, waiting: Waiting) -> Option<Plan> {
        let list = self.next_list <= now_ms;
        let open = waiting.open && self.next_open_check <= now_ms;
        let push = self.push_due.is_some_and(|at| at <= now_ms) || (list && waiting.changes) || waiting.deletions;
        if !(list || open || push) {
            return None;
        }
        if push {
            self.push_due = None;
        }
        Some(Plan { list, open, push, nudges: self.nudges })
    }

    /// After the round `plan`: `failed` when the space failed it, `listed` / `checked_open`
    /// for what it did, `waiting` when changes still wait, `hidden` for the page now.
    pub fn finished(&mut self, plan: &Plan, now_ms: i64, outcome: Finished) {
        let Finished { failed, listed, checked_open, waiting, hidden } = outcome;
        // Asked for "now" while the round ran: that holds, whatever the round found.
        let nudged = self.nudges != plan.nudges;
        let pace = |visible: i64| now_ms + if hidden { HIDDEN_MS } else { visible };
        if failed && !nudged {
            self.failures = self.failures.saturating_add(1);
            let pause = (1_000i64 << self.failures.min(6)).min(MAX_BACKOFF_MS);
            self.next_list = now_ms + pause;
            self.next_open_check = now_ms + pause;
            if waiting {
                self.push_due = Some(now_ms + pause);
            }
            return;
        }
        if failed {
            // The round met the failure the nudge may have mended: try again now.
            if waiting {
                self.push_due = Some(now_ms);
            }
            return;
        }
        self.failures = 0;
        if nudged {
            return;
        }
        if listed {
            self.next_list = pace(LIST_MS);
        }
        if checked_open || listed {
            self.next_open_check = pace(OPEN_CHECK_MS);
        }
    }

    /// Whether a save waits to be sent (one made while a round ran is still to go).
    pub fn push_waiting(&self) -> bool {
        self.push_due.is_some()
    }

    /// How many rounds in a row have failed.
    pub fn failures(&self) -> u32 {
        self.failures
    }
}

/// What a round came to, for [`Schedule::finished`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Finished {
    /// The space failed the round.
    pub failed: bool,
    /// The round listed the folder.
    pub listed: bool,
    /// The round checked the retrospective on screen.
    pub checked_open: bool,
    /// Changes still wait to be sent.
    pub waiting: bool,
    /// The page is hidden now.
    pub hidden: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: Waiting = Waiting { open: true, changes: false, deletions: false };

    #[test]
    fn a_fresh_schedule_lists_and_checks_at_once_then_paces_itself() {
        let mut s = Schedule::new();
        let plan = s.due(10, OPEN).unwrap();
        assert!(plan.list && plan.open && !plan.push);
        s.finished(&plan, 10, Finished { listed: true, checked_open: true, ..Finished::default() });
        assert_eq!(s.due(500, OPEN), None);
        let plan = s.due(10 + OPEN_CHECK_MS, OPEN).unwrap();
        assert!(plan.open && !plan.list);
        s.finished(&plan, 1_010, Finished { checked_open: true, ..Finished::default() });
        assert!(s.due(10 + LIST_MS, OPEN).unwrap().list);
    }

    #[test]
    fn a_save_is_sent_after_a_quiet_moment_and_later_saves_do_not_put_it_off() {
        let mut s = Schedule::new();
        let plan = s.due(0, Waiting::default()).unwrap();
        s.finished(&plan, 0, Finished { listed: true, ..Finished::default() });
        s.saved(100);
        s.saved(200);
        assert_eq!(s.due(200, Waiting::default()), None);
        let plan = s.due(100 + PUSH_DELAY_MS, Waiting::default()).unwrap();
        assert!(plan.push && !plan.list);
        // Taken: not due again.
        assert_eq!(s.due(300, Waiting::default()), None);
    }

    #[test]
    fn a_hidden_page_checks_once_a_minute_and_a_shown_one_at_once() {
        let mut s = Schedule::new();
        let plan = s.due(0, OPEN).unwrap();
        s.finished(&plan, 0, Finished { listed: true, checked_open: true, hidden: true, ..Finished::default() });
        assert_eq!(s.due(HIDDEN_MS - 1, OPEN), None);
        s.now();
        assert!(s.due(1, OPEN).unwrap().open);
    }

    #[test]
    fn the_page_shown_during_a_round_of_a_hidden_page_is_not_put_off_by_its_end() {
        // The round began while hidden; the page was shown while it ran (Firefox, a tab
        // brought to the front). Its end must not set the next check a minute away.
        let mut s = Schedule::new();
        let plan = s.due(0, OPEN).unwrap();
        s.now();
        s.finished(&plan, 50, Finished { listed: true, checked_open: true, hidden: true, ..Finished::default() });
        let next = s.due(60, OPEN).unwrap();
        assert!(next.open && next.list);
    }

    #[test]
    fn changes_waiting_when_the_page_hides_are_sent_at_once() {
        let mut s = Schedule::new();
        let plan = s.due(0, OPEN).unwrap();
        s.finished(&plan, 0, Finished { listed: true, checked_open: true, ..Finished::default() });
        s.hiding(100, false);
        assert_eq!(s.due(100, Waiting::default()), None);
        s.saved(100);
        s.hiding(110, true);
        assert!(s.due(110, Waiting::default()).unwrap().push);
    }

    #[test]
    fn failures_back_off_up_to_half_a_minute_and_a_nudge_ends_the_wait() {
        let mut s = Schedule::new();
        let mut now = 0;
        let mut pauses = vec![];
        for _ in 0..8 {
            let plan = s.due(now, OPEN).unwrap();
            s.finished(&plan, now, Finished { failed: true, waiting: true, ..Finished::default() });
            let next = (now..now + 60_000).step_by(250).find(|t| s.clone().due(*t, OPEN).is_some()).unwrap();
            pauses.push(next - now);
            now = next;
        }
        assert_eq!(pauses, vec![2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000]);
        assert_eq!(s.failures(), 8);
        s.now();
        assert!(s.due(now + 1, OPEN).unwrap().list);
        assert_eq!(s.failures(), 0);
    }

    #[test]
    fn a_failure_met_by_a_round_that_a_nudge_overtook_is_tried_again_at_once() {
        let mut s = Schedule::new();
        let plan = s.due(0, OPEN).unwrap();
        s.now();
        s.finished(&plan, 10, Finished { failed: true, waiting: true, ..Finished::default() });
        assert!(s.due(10, OPEN).unwrap().push);
    }
}
