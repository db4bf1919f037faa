//! How a WebDAV space keeps its retrospectives, chosen once from what its server guarantees
//! (`sync::probe`) and recorded in the space itself (`retrace-space.json`), so every member
//! uses the same layout whatever their own probe said:
//!
//! - [`Layout::Shared`]: one file per retrospective, written only at the version read — where
//!   the server compares and swaps (Apache, lighttpd, Nextcloud);
//! - [`Layout::PerWriter`]: one file per writer per retrospective, merged by every reader —
//!   the synced-folder layout (`sync::folder`), where the server does not; nobody ever writes
//!   another's file, so no write can be lost whatever the server does.
//!
//! A space made before the record existed holds shared files and no record: the first probe
//! writes one, and a space on Apache keeps working as it did. Per writer is never left again
//! (its readers also merge a shared file left from before, so the way there is safe; the way
//! back would not be). A record that cannot be read is never written over.

use super::probe::{probe, Guarantees};
use super::store::{Condition, Fetched, Pause, SpaceError, SpaceStore, Version};
use serde::{Deserialize, Serialize};

/// The space's record of its layout.
pub const CHOICE_FILE: &str = "retrace-space.json";
/// Its format marker.
pub const CHOICE_FORMAT: &str = "retrace.space";

/// How the space keeps a retrospective.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// One file per retrospective, compare-and-swap.
    Shared,
    /// One file per writer per retrospective.
    PerWriter,
}

impl Layout {
    /// What a server with these guarantees needs.
    pub fn for_server(found: &Guarantees) -> Layout {
        if found.compares_and_swaps() {
            Layout::Shared
        } else {
            Layout::PerWriter
        }
    }
}

/// What `retrace-space.json` holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Always [`CHOICE_FORMAT`].
    pub format: String,
    /// The layout every member uses.
    pub layout: Layout,
    /// What the probe that chose it found.
    pub found: Guarantees,
    /// When it was chosen (the choosing browser's clock).
    pub chosen_ms: i64,
}

impl Choice {
    /// The record of `layout`, chosen now from `found`.
    pub fn new(layout: Layout, found: Guarantees, now_ms: i64) -> Choice {
        Choice { format: CHOICE_FORMAT.into(), layout, found, chosen_ms: now_ms }
    }

    /// Its text in the space.
    pub fn encode(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// What the space's record says, once read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// There is none yet.
    Nothing,
    /// A record this build reads.
    Choice(Choice),
    /// Something that cannot be read (damaged, hostile, a newer Retrace's): left as it is.
    Unreadable,
}

/// Reads the record's text.
pub fn read_choice(text: &str) -> Recorded {
    match serde_json::from_str::<Choice>(text) {
        Ok(choice) if choice.format == CHOICE_FORMAT && text.len() < 64 * 1024 => Recorded::Choice(choice),
        _ => Recorded::Unreadable,
    }
}

/// What to do, given the record and this browser's probe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Use this layout; the record stays as it is.
    Use(Layout),
    /// Write this record (with the condition), then use its layout.
    Record(Choice),
}

/// The layout to use: the record's, unless there is none or this server no longer compares
/// and swaps for this browser while the record says shared (then per writer, recorded for
/// everyone). An unreadable record is never written over: per writer is used, safe on any
/// server.
pub fn decide(recorded: &Recorded, found: &Guarantees, now_ms: i64) -> Decision {
    let wanted = Layout::for_server(found);
    match recorded {
        Recorded::Nothing => Decision::Record(Choice::new(wanted, *found, now_ms)),
        Recorded::Unreadable => Decision::Use(Layout::PerWriter),
        Recorded::Choice(choice) if choice.layout == Layout::Shared && wanted == Layout::PerWriter => Decision::Record(Choice::new(wanted, *found, now_ms)),
        Recorded::Choice(choice) => Decision::Use(choice.layout),
    }
}

/// How many times a record written meanwhile by another member is read again.
const ATTEMPTS: u32 = 3;

/// Reads the space's record and settles the layout with this browser's probe: writes the
/// record when [`decide`] says so (created only if absent, or over the version read), reading
/// again when another member wrote first.
pub async fn settle(store: &dyn SpaceStore, found: &Guarantees, now_ms: i64) -> Result<Layout, SpaceError> {
    for _ in 0..ATTEMPTS {
        let fetched = store.get(CHOICE_FILE).await?;
        let recorded = match &fetched {
            None => Recorded::Nothing,
            Some(Fetched { text, .. }) => read_choice(text),
        };
        let choice = match decide(&recorded, found, now_ms) {
            Decision::Use(layout) => return Ok(layout),
            Decision::Record(choice) => choice,
        };
        let condition = match fetched {
            None => Condition::Absent,
            Some(Fetched { version: Some(version), .. }) if !version.is_weak() && found.accepts_own_version => Condition::At(version),
            // A server whose versions are no use for a condition: the record is only ever
            // moved towards per writer, so writing over it cannot undo a safer choice.
            Some(_) => Condition::Any,
        };
        match store.put(CHOICE_FILE, choice.encode(), condition).await {
            Ok(_) => return Ok(choice.layout),
            Err(SpaceError::Conflict) => continue,
            Err(e) => return Err(e),
        }
    }
    // Others kept writing the record: per writer is right whatever they wrote.
    Ok(Layout::PerWriter)
}

/// What a member learns of a space before using it: its layout, and what its server was found
/// to guarantee. A space recorded as per writer is followed without a probe (#42: on a phone's
/// network a probe costs six round trips and a wait for the server's version to settle, two
/// seconds and more before a joining participant sees anything). Per writer asks nothing of the
/// server, since nobody writes another's file, and a record never moves back to shared; what
/// it says was found is the recording member's probe. Shared needs this browser's own probe,
/// since its writes rely on the server's conditions holding for it too.
pub async fn learn(store: &dyn SpaceStore, pause: &dyn Pause, probe_file: &str, now_ms: i64) -> Result<(Guarantees, Layout), SpaceError> {
    if let Some(Fetched { text, .. }) = store.get(CHOICE_FILE).await? {
        if let Recorded::Choice(Choice { layout: Layout::PerWriter, found, .. }) = read_choice(&text) {
            return Ok((found, Layout::PerWriter));
        }
    }
    let found = probe(store, pause, probe_file).await?;
    Ok((found, settle(store, &found, now_ms).await?))
}

/// Whether a listing shows the record at another version than the one this browser acted on
/// (`None`: none seen yet): then it is read again, as another member may have moved the space
/// to per writer.
pub fn record_changed(listed: Option<&Version>, acted_on: Option<&Version>) -> bool {
    match (listed, acted_on) {
        (Some(now), Some(before)) => !now.same_state(before),
        (Some(_), None) => true,
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::memory::{run_to_end, MemorySpace};
    use crate::sync::probe::{probe, probe_file_name, ListingVersions};

    const SWAPS: Guarantees = Guarantees { refuses_second_create: true, refuses_stale_write: true, accepts_own_version: true, listing: ListingVersions::Etags };
    const IGNORES: Guarantees =
        Guarantees { refuses_second_create: false, refuses_stale_write: false, accepts_own_version: true, listing: ListingVersions::TimeAndSize };

    #[test]
    fn the_record_decides_and_only_ever_moves_towards_per_writer() {
        assert_eq!(decide(&Recorded::Nothing, &SWAPS, 5), Decision::Record(Choice::new(Layout::Shared, SWAPS, 5)));
        assert_eq!(decide(&Recorded::Nothing, &IGNORES, 5), Decision::Record(Choice::new(Layout::PerWriter, IGNORES, 5)));
        let shared = Recorded::Choice(Choice::new(Layout::Shared, SWAPS, 1));
        let per_writer = Recorded::Choice(Choice::new(Layout::PerWriter, IGNORES, 1));
        assert_eq!(decide(&shared, &SWAPS, 5), Decision::Use(Layout::Shared));
        assert_eq!(decide(&shared, &IGNORES, 5), Decision::Record(Choice::new(Layout::PerWriter, IGNORES, 5)));
        // A member whose own probe says the server swaps still follows the space's record.
        assert_eq!(decide(&per_writer, &SWAPS, 5), Decision::Use(Layout::PerWriter));
        assert_eq!(decide(&Recorded::Unreadable, &SWAPS, 5), Decision::Use(Layout::PerWriter));
    }

    #[test]
    fn a_space_recorded_per_writer_is_followed_without_a_probe_and_a_shared_one_is_probed() {
        let space = MemorySpace::nginx_like();
        let first = run_to_end(learn(&space, &space.pause(), &probe_file_name("00000000000000aa"), 1)).unwrap();
        assert_eq!(first.1, Layout::PerWriter);
        let (writes, _) = space.writes();
        // The second member writes nothing (no probe file, no record) and follows the record.
        assert_eq!(run_to_end(learn(&space, &space.pause(), &probe_file_name("00000000000000bb"), 2)), Ok((first.0, Layout::PerWriter)));
        assert_eq!(space.writes().0, writes);

        let apache = MemorySpace::apache_like();
        assert_eq!(run_to_end(learn(&apache, &apache.pause(), &probe_file_name("00000000000000aa"), 1)).map(|l| l.1), Ok(Layout::Shared));
        let (writes, _) = apache.writes();
        // Shared: each member's own probe, which writes its probe file.
        assert_eq!(run_to_end(learn(&apache, &apache.pause(), &probe_file_name("00000000000000bb"), 2)).map(|l| l.1), Ok(Layout::Shared));
        assert!(apache.writes().0 > writes);

        // An unreadable record is never followed blindly, nor written over: probed, per writer.
        let hostile = MemorySpace::apache_like();
        hostile.place(CHOICE_FILE, "{\"format\":\"retrace.space\",\"layout\":\"per-writer\"}");
        assert_eq!(run_to_end(learn(&hostile, &hostile.pause(), &probe_file_name("00000000000000aa"), 1)).map(|l| l.1), Ok(Layout::PerWriter));
        assert!(hostile.text(CHOICE_FILE).unwrap().ends_with("\"per-writer\"}"));
    }

    #[test]
    fn the_record_is_read_back_and_strangers_are_unreadable() {
        let choice = Choice::new(Layout::PerWriter, IGNORES, 7);
        assert_eq!(read_choice(&choice.encode()), Recorded::Choice(choice));
        for other in ["", "{}", "<html>", "{\"format\":\"retrace.space\",\"layout\":\"sideways\"}"] {
            assert_eq!(read_choice(other), Recorded::Unreadable, "{other}");
        }
    }

    #[test]
    fn settling_writes_the_record_once_and_everyone_follows_it() {
        let space = MemorySpace::apache_like();
        let found = run_to_end(probe(&space, &space.pause(), &probe_file_name("00000000000000aa"))).unwrap();
        assert_eq!(run_to_end(settle(&space, &found, 1)), Ok(Layout::Shared));
        assert!(space.text(CHOICE_FILE).unwrap().contains("\"shared\""));
        // A member whose probe found otherwise moves it to per writer, and it stays there.
        assert_eq!(run_to_end(settle(&space, &IGNORES, 2)), Ok(Layout::PerWriter));
        space.advance(2_000);
        assert_eq!(run_to_end(settle(&space, &SWAPS, 3)), Ok(Layout::PerWriter));
        assert!(space.text(CHOICE_FILE).unwrap().contains("per-writer"));
    }

    #[test]
    fn an_unreadable_record_is_left_as_it_is() {
        let space = MemorySpace::apache_like();
        space.place(CHOICE_FILE, "{\"format\":\"retrace.space\",\"layout\":");
        assert_eq!(run_to_end(settle(&space, &SWAPS, 1)), Ok(Layout::PerWriter));
        assert_eq!(space.text(CHOICE_FILE).as_deref(), Some("{\"format\":\"retrace.space\",\"layout\":"));
    }

    #[test]
    fn a_changed_record_is_read_again() {
        let v = |s: &str| Version(s.into());
        assert!(record_changed(Some(&v("\"2\"")), Some(&v("\"1\""))));
        assert!(record_changed(Some(&v("\"1\"")), None));
        assert!(!record_changed(Some(&v("W/\"1\"")), Some(&v("\"1\""))));
        assert!(!record_changed(None, Some(&v("\"1\""))));
    }
}
