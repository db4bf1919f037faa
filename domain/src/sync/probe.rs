//! What a WebDAV server really guarantees, found out with a file of Retrace's own rather than
//! taken from its answers: many servers ignore `If-None-Match` and `If-Match` and answer 2xx
//! (nginx's dav-ext, rclone), so a compare-and-swap silently becomes "last writer wins"; some
//! hand the browser an ETag that never matches (Apache with mod_deflate: `"…-gzip"`); some
//! list no ETag at all (nginx). Each answer below is one request against the probe file.

use super::store::{Condition, Pause, SpaceError, SpaceStore, Version};
use crate::i18n::tr;
use serde::{Deserialize, Serialize};

/// How the listing says a file changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListingVersions {
    /// Each file's ETag (`getetag`).
    Etags,
    /// Only its modification time and size.
    TimeAndSize,
}

/// What one server did when asked, as plain facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Guarantees {
    /// A create (`If-None-Match: *`) of a file that exists was refused.
    pub refuses_second_create: bool,
    /// A write at a version the file does not have (`If-Match`) was refused.
    pub refuses_stale_write: bool,
    /// A write at the version this browser was given when it read the file was accepted.
    pub accepts_own_version: bool,
    /// What a listing carries.
    pub listing: ListingVersions,
}

impl Guarantees {
    /// Whether a write made conditional on the version read can be trusted to be refused when
    /// somebody wrote first, and to go through when nobody did: the server compares and swaps.
    pub fn compares_and_swaps(&self) -> bool {
        self.refuses_second_create && self.refuses_stale_write && self.accepts_own_version
    }

    /// What this server is, in a person's words, for the Team space dialog.
    pub fn describe(&self) -> &'static str {
        match (self.compares_and_swaps(), self.refuses_second_create || self.refuses_stale_write) {
            (true, _) => tr("This server refuses a save made over someone else's: Retrace keeps one file per retrospective here."),
            (false, true) => tr(
                "This server checks saves against versions, but not the versions it gives this browser (a compressing server or proxy does that): Retrace keeps one file per person here, so no save can overwrite another's.",
            ),
            (false, false) => tr("This server does not lock files: Retrace keeps one file per person here, so no save can overwrite another's."),
        }
    }
}

/// The probe file of `writer` (one per page load, so two browsers probing at once never
/// share one). Not a name a listing reads as a retrospective.
pub fn probe_file_name(writer: &str) -> String {
    format!("retrace-probe-{writer}.json")
}

/// A version no server hands out.
const MADE_UP_VERSION: &str = "\"retrace-probe-no-such-version\"";

/// How often the probe reads its file again while the server only vouches weakly for it
/// (Apache, within a second of a change).
const WEAK_READS: u32 = 4;

/// The probe file's text: JSON of over a kilobyte, so a server that compresses JSON does
/// compress it, as it would a retrospective.
fn probe_text(round: u32) -> String {
    let why = "Retrace checks what this WebDAV server guarantees before keeping team retrospectives here; this file is removed again at once.";
    format!("{{\"format\":\"retrace.probe\",\"round\":{round},\"why\":\"{why}\",\"padding\":\"{}\"}}", "-".repeat(1_024))
}

/// Whether a conditional write was refused (`Ok(true)`), taken (`Ok(false)`), or failed.
fn refused(answer: Result<Option<Version>, SpaceError>) -> Result<bool, SpaceError> {
    match answer {
        Ok(_) => Ok(false),
        Err(SpaceError::Conflict) => Ok(true),
        Err(e) => Err(e),
    }
}

/// Finds out what the space guarantees, with probe file `name`: written, created again,
/// written at a made-up version, read and written at the version read, listed, removed. A
/// space that refuses the first write (signed out, full, read-only) is an error, as it would
/// be for any retrospective.
pub async fn probe(store: &dyn SpaceStore, pause: &dyn Pause, name: &str) -> Result<Guarantees, SpaceError> {
    store.put(name, probe_text(1), Condition::Any).await?;
    let result = probe_written(store, pause, name).await;
    // The probe file goes whatever the answers were; one left behind is harmless.
    let _ = store.remove(name).await;
    result
}

async fn probe_written(store: &dyn SpaceStore, pause: &dyn Pause, name: &str) -> Result<Guarantees, SpaceError> {
    let refuses_second_create = refused(store.put(name, probe_text(2), Condition::Absent).await)?;
    let refuses_stale_write = refused(store.put(name, probe_text(3), Condition::At(Version(MADE_UP_VERSION.into()))).await)?;
    let mut given = None;
    for _ in 0..WEAK_READS {
        given = store.get(name).await?.and_then(|f| f.version);
        match &given {
            Some(version) if version.is_weak() => pause.pause(super::engine::WEAK_PAUSE_MS).await,
            _ => break,
        }
    }
    let accepts_own_version = match given {
        Some(version) if !version.is_weak() => !refused(store.put(name, probe_text(4), Condition::At(version)).await)?,
        // No version in the answer, or never a strong one: nothing to compare and swap with.
        _ => false,
    };
    let listed = store.list().await?;
    let listing = match listed.iter().find(|f| f.name == name) {
        Some(file) if file.version.0.trim_start_matches("W/").starts_with('"') => ListingVersions::Etags,
        _ => ListingVersions::TimeAndSize,
    };
    Ok(Guarantees { refuses_second_create, refuses_stale_write, accepts_own_version, listing })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::memory::{run_to_end, Fault, MemorySpace};

    fn probed(space: &MemorySpace) -> Result<Guarantees, SpaceError> {
        run_to_end(probe(space, &space.pause(), &probe_file_name("00000000000000aa")))
    }

    #[test]
    fn apache_compares_and_swaps_once_its_weak_version_turns_strong() {
        let space = MemorySpace::apache_like();
        let found = probed(&space).unwrap();
        assert_eq!(found, Guarantees { refuses_second_create: true, refuses_stale_write: true, accepts_own_version: true, listing: ListingVersions::Etags });
        assert!(found.compares_and_swaps());
        assert!(space.text(&probe_file_name("00000000000000aa")).is_none(), "the probe file is removed");
    }

    #[test]
    fn a_compressing_apache_checks_versions_but_not_the_ones_it_hands_out() {
        let found = probed(&MemorySpace::deflating_apache_like()).unwrap();
        assert!(found.refuses_second_create && found.refuses_stale_write);
        assert!(!found.accepts_own_version);
        assert!(!found.compares_and_swaps());
        assert!(found.describe().contains("compressing"));
    }

    #[test]
    fn nginx_and_rclone_ignore_conditions() {
        let nginx = probed(&MemorySpace::nginx_like()).unwrap();
        assert!(!nginx.refuses_second_create && !nginx.refuses_stale_write);
        assert_eq!(nginx.listing, ListingVersions::TimeAndSize);
        assert!(!nginx.compares_and_swaps());
        assert!(nginx.describe().contains("does not lock files"));
        let rclone = probed(&MemorySpace::rclone_like()).unwrap();
        assert!(!rclone.compares_and_swaps());
        assert_eq!(rclone.listing, ListingVersions::Etags);
    }

    #[test]
    fn a_server_that_refuses_the_probe_is_an_error_and_nothing_is_decided() {
        let space = MemorySpace::apache_like();
        space.inject([Fault::Full]);
        assert_eq!(probed(&space), Err(SpaceError::Full));
        space.inject([Fault::Unreachable]);
        assert!(matches!(probed(&space), Err(SpaceError::Unreachable(_))));
    }
}
