//! The team space's state in words, for the one status line people read: synced, syncing,
//! offline or not reachable with changes waiting, signed out, others' changes merged in.

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
}
