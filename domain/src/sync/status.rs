//! The team space's state in words, for the one status line people read: synced, syncing,
//! offline or not reachable with changes waiting, signed out, others' changes merged in.

use super::engine::SyncError;
use super::store::SpaceError;
use crate::i18n::{tr, trn};
use crate::tf;

/// Where syncing with the team space stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncStatus {
    /// Everything this browser holds is in the space, and the space's news is here.
    Synced,
    /// Reading or writing right now.
    Syncing,
    /// Others' changes just came in (and ours went out).
    Merged,
    /// The browser says it is offline; `waiting` retrospectives have changes to send.
    Offline {
        /// Team retrospectives with changes not yet in the space.
        waiting: usize,
    },
    /// The space could not be reached or refused for now; retried with growing pauses.
    Failing {
        /// Team retrospectives with changes not yet in the space.
        waiting: usize,
        /// What the space answered last.
        error: SpaceError,
    },
    /// Some team retrospectives cannot be synced (a damaged or newer file in the space); the
    /// others are in step.
    Stuck {
        /// How many files are left alone.
        files: usize,
    },
}

impl SyncStatus {
    /// The status line, whole: "Team space: synced".
    pub fn describe(&self) -> String {
        match self {
            SyncStatus::Synced => tr("Team space: synced").into(),
            SyncStatus::Syncing => tr("Team space: syncing…").into(),
            SyncStatus::Merged => tr("Team space: synced, changes from others merged in").into(),
            SyncStatus::Offline { waiting } => trn("Team space: offline, {n} change waiting", "Team space: offline, {n} changes waiting", *waiting),
            SyncStatus::Failing { waiting, error: SpaceError::SignedOut } => {
                tf!("Team space: signed out, {waiting} waiting. {problem}", waiting = changes(*waiting), problem = SpaceError::SignedOut)
            }
            // "Not reachable" only when it is not: a server that answers and refuses is said so.
            SyncStatus::Failing { waiting, error: error @ SpaceError::Unreachable(_) } => {
                tf!("Team space: not reachable, {waiting} waiting. {problem}", waiting = changes(*waiting), problem = error)
            }
            SyncStatus::Failing { waiting, error } => {
                tf!("Team space: not saved, {waiting} waiting. {problem}", waiting = changes(*waiting), problem = error)
            }
            SyncStatus::Stuck { files } => trn(
                "Team space: synced, but {n} file in it cannot be read and is left as it is",
                "Team space: synced, but {n} files in it cannot be read and are left as they are",
                *files,
            ),
        }
    }

    /// Whether the line should catch the eye (something waits on a person or the network).
    pub fn is_warning(&self) -> bool {
        matches!(self, SyncStatus::Offline { .. } | SyncStatus::Failing { .. } | SyncStatus::Stuck { .. })
    }
}

/// What a round of syncing came to, as the status line weighs it.
#[derive(Clone, Copy, Debug, Default)]
pub struct AfterRound<'a> {
    /// Why the round failed, if it did.
    pub error: Option<&'a SyncError>,
    /// The browser says it is offline.
    pub offline: bool,
    /// Team retrospectives with changes or deletions not yet in the space.
    pub waiting: usize,
    /// Changes saved here while the round ran, or still being typed: not in the space yet.
    pub unsent: bool,
    /// Files of the space left alone.
    pub stuck: usize,
    /// Others' changes came in this round.
    pub merged: bool,
    /// The round looked at the space (listed it, or checked the retrospective on screen).
    pub looked: bool,
}

impl SyncStatus {
    /// The status after a round; `previous` is the one on screen before it. Never "synced"
    /// while something is not in the space yet: a person closes the laptop on that word.
    pub fn after_round(round: AfterRound<'_>, previous: Option<&SyncStatus>) -> SyncStatus {
        let waiting = round.waiting;
        match round.error {
            Some(_) if round.offline => SyncStatus::Offline { waiting },
            Some(SyncError::Space(error)) => SyncStatus::Failing { waiting, error: error.clone() },
            Some(SyncError::Local(problem)) => SyncStatus::Failing { waiting, error: SpaceError::Other(problem.clone()) },
            Some(_) => SyncStatus::Failing { waiting, error: SpaceError::Other(tr("others kept saving first; trying again").into()) },
            // Files left alone are said for as long as they are there; a merge only once.
            None if round.stuck > 0 => SyncStatus::Stuck { files: round.stuck },
            None if round.unsent => SyncStatus::Syncing,
            None if round.merged => SyncStatus::Merged,
            // "merged" stays on screen until the next round that finds nothing new.
            None if previous == Some(&SyncStatus::Merged) && !round.looked => SyncStatus::Merged,
            None => SyncStatus::Synced,
        }
    }
}

fn changes(n: usize) -> String {
    trn("{n} change", "{n} changes", n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_state_reads_as_a_sentence() {
        assert_eq!(SyncStatus::Synced.describe(), "Team space: synced");
        assert_eq!(SyncStatus::Offline { waiting: 1 }.describe(), "Team space: offline, 1 change waiting");
        assert_eq!(SyncStatus::Offline { waiting: 3 }.describe(), "Team space: offline, 3 changes waiting");
        let down = SyncStatus::Failing { waiting: 2, error: SpaceError::Unreachable("HTTP 0".into()) }.describe();
        assert!(down.starts_with("Team space: not reachable, 2 changes waiting."), "{down}");
        assert!(SyncStatus::Failing { waiting: 0, error: SpaceError::SignedOut }.describe().starts_with("Team space: signed out"));
        let full = SyncStatus::Failing { waiting: 1, error: SpaceError::Full }.describe();
        assert!(full.starts_with("Team space: not saved, 1 change waiting. The team space is full"), "{full}");
        assert!(!SyncStatus::Merged.is_warning());
    }

    #[test]
    fn after_a_round_synced_only_once_nothing_waits_to_be_sent() {
        let ok = AfterRound { looked: true, ..AfterRound::default() };
        assert_eq!(SyncStatus::after_round(AfterRound { ..ok }, None), SyncStatus::Synced);
        // A save made while the round ran is not in the space: not synced, whatever came in.
        assert_eq!(SyncStatus::after_round(AfterRound { unsent: true, merged: true, ..ok }, None), SyncStatus::Syncing);
        assert_eq!(SyncStatus::after_round(AfterRound { merged: true, ..ok }, None), SyncStatus::Merged);
        // "merged" stays until a round that looked finds nothing new.
        let quiet = AfterRound { looked: false, ..AfterRound::default() };
        assert_eq!(SyncStatus::after_round(quiet, Some(&SyncStatus::Merged)), SyncStatus::Merged);
        assert_eq!(SyncStatus::after_round(AfterRound { ..ok }, Some(&SyncStatus::Merged)), SyncStatus::Synced);
        assert_eq!(SyncStatus::after_round(AfterRound { stuck: 2, unsent: true, ..ok }, None), SyncStatus::Stuck { files: 2 });
    }

    #[test]
    fn after_a_failed_round_the_line_says_what_failed() {
        let down = SyncError::Space(SpaceError::Unreachable("HTTP 0".into()));
        let round = |error, offline| AfterRound { error: Some(error), offline, waiting: 2, ..AfterRound::default() };
        assert_eq!(SyncStatus::after_round(round(&down, true), None), SyncStatus::Offline { waiting: 2 });
        assert!(matches!(SyncStatus::after_round(round(&down, false), None), SyncStatus::Failing { waiting: 2, error: SpaceError::Unreachable(_) }));
        let busy = SyncStatus::after_round(round(&SyncError::Busy, false), None).describe();
        assert!(busy.starts_with("Team space: not saved, 2 changes waiting."), "{busy}");
    }
}
