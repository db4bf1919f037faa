//! Who is here, for the team retrospective on screen: this page's heartbeat is rewritten every
//! 20 s, and the folder is read every 10 s for the others' (`domain::sync::presence`). Works
//! the same for both kinds of space: it needs only list, get, an unconditional put and remove.

use super::TeamSpace;
use crate::domain::sync::presence::{here_file_name, Heartbeat, BEAT_MS};
use crate::domain::sync::store::{Condition, SpaceError, SpaceStore};
use crate::domain::Id;
use crate::ui::platform::now_ms;
use leptos::prelude::*;

/// How often the folder is read for heartbeats while a team retrospective is open.
pub(super) const LOOK_MS: i64 = 10_000;

pub(super) async fn round(space: TeamSpace, store: &dyn SpaceStore, retro: Id) -> Result<(), SpaceError> {
    let me = space.writer_name();
    let now = now_ms();
    let my_name = space
        .open_session(retro)
        .and_then(|s| s.doc.try_with_untracked(|r| r.author_name(space.app.profile).map(str::to_string)).flatten())
        .unwrap_or_default();
    let beat_due = space.presence.try_with_value(|p| p.next_beat <= now).unwrap_or(false);
    if beat_due {
        let count = space.presence.try_update_value(|p| {
            p.beats += 1;
            p.next_beat = now + BEAT_MS;
            p.beats
        });
        let beat = Heartbeat::new(retro, &me, &my_name, count.unwrap_or(1));
        store.put(&here_file_name(retro, &me), beat.encode(), Condition::Any).await?;
    }
    let listing = store.list().await?;
    let to_read = space.presence.try_update_value(|p| p.seen.observe(retro, &listing, now)).unwrap_or_default();
    for name in to_read {
        if let Some(fetched) = store.get(&name).await? {
            if let Some(beat) = Heartbeat::read(&name, &fetched.text) {
                let _ = space.presence.try_update_value(|p| p.seen.read(&beat));
            }
        }
    }
    let here = space.presence.try_with_value(|p| p.seen.here(&me, &my_name, now)).unwrap_or_default();
    if space.here.try_get_untracked().as_ref() != Some(&here) {
        let _ = space.here.try_set(here);
    }
    Ok(())
}
