//! How much of the browser's storage Retrace uses, a warning well before it is full, and the
//! way out: archive chosen retrospectives into a file (a backup of just those), then remove
//! them from this browser once the file is safe. Importing the file brings them back.

use super::Home;
use crate::domain::i18n::{tr, trn};
use crate::domain::tf;
use crate::domain::Id;
use crate::storage::{Pressure, StorageUse};
use crate::ui::context::uid;
use crate::ui::platform::{download, now_ms, today};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Days without an edit after which "Select the older ones" picks a retrospective.
const OLD_DAYS: i64 = 180;

/// What the warning at the top and the panel below share.
#[derive(Clone, Copy)]
pub(super) struct StorageState {
    usage: Memo<Option<StorageUse>>,
    archiving: RwSignal<bool>,
}

impl StorageState {
    pub fn new(home: Home) -> StorageState {
        // Measured again whenever the list changes (a save, an import, another tab).
        let usage = Memo::new(move |_| {
            home.summaries.track();
            home.app.repo.with_value(|r| r.usage().ok())
        });
        StorageState { usage, archiving: RwSignal::new(false) }
    }
}

/// The warning at the top of the home screen once storage is 70 % full.
#[component]
pub(super) fn StorageWarning(state: StorageState) -> impl IntoView {
    let StorageState { usage, archiving } = state;
    move || {
        usage.get().filter(|u| u.pressure() != Pressure::Fine).map(|u| {
            view! {
                <div class="banner banner-warning" role="alert">
                    <span class="banner-text">{warning(&u)}</span>
                    <button type="button" class="button small" on:click=move |_| {
                        archiving.set(true);
                        crate::ui::platform::focus_soon(uid("archive-title"));
                    }>{tr("Archive retrospectives…")}</button>
                </div>
            }
        })
    }
}

#[component]
pub(super) fn StoragePanel(state: StorageState) -> impl IntoView {
    let home = expect_context::<Home>();
    let StorageState { usage, archiving } = state;
    view! {
        <section class="storage-use" aria-labelledby=uid("storage-title")>
            <h2 id=uid("storage-title")>{tr("Storage")}</h2>
            {move || usage.get().map(|u| view! {
                <div class="field">
                    <label for=uid("storage-meter") class="field-label">{tf!("This site uses {used} of about {quota} the browser allows ({percent} %); Retrace’s own data is {ours}.",
                        used = StorageUse::megabytes(u.all), quota = StorageUse::megabytes(u.quota), percent = u.percent(), ours = StorageUse::megabytes(u.ours)
                    )}</label>
                    <meter id=uid("storage-meter") min="0" max="100" low="70" high="90" optimum="0" value=u.percent().to_string()></meter>
                </div>
            })}
            <p class="hint">{tr("Browsers keep a few megabytes per site. Archiving moves retrospectives you no longer need every day into a file; importing that file brings them back.")}</p>
            <Show when=move || !archiving.get()>
                <button type="button" class="button" prop:disabled=move || home.summaries.with(Vec::is_empty) on:click=move |_| archiving.set(true)>{tr("Archive retrospectives…")}</button>
            </Show>
            <Show when=move || archiving.get()>
                <Archive done=Callback::new(move |_| archiving.set(false)) />
            </Show>
        </section>
    }
}

fn warning(u: &StorageUse) -> String {
    match u.pressure() {
        Pressure::NearlyFull => tf!(
            "Storage is {percent} % full: the next saves may fail. Back up everything now, then archive older retrospectives into a file to make room.",
            percent = u.percent()
        ),
        _ => tf!("Storage is {percent} % full. Back up everything, then archive older retrospectives into a file before it runs out.", percent = u.percent()),
    }
}

/// Choose, download, then remove: nothing leaves the browser before its file was made.
#[component]
fn Archive(done: Callback<()>) -> impl IntoView {
    let home = expect_context::<Home>();
    let chosen = RwSignal::new(BTreeSet::<Id>::new());
    // Set once the file was downloaded: what it holds, to remove on confirmation.
    let downloaded = RwSignal::new(None::<Vec<Id>>);
    let oldest_first = Memo::new(move |_| {
        let mut list = home.summaries.get();
        retrace_domain::sorting::sort_by_key(&mut list, |s| s.updated_at);
        list
    });
    let select_old = move |_| {
        let cutoff = now_ms() - OLD_DAYS * 86_400_000;
        chosen.set(oldest_first.get_untracked().iter().filter(|s| s.updated_at < cutoff).map(|s| s.id).collect());
    };
    let make_file = move |_| {
        let ids: Vec<Id> = chosen.get_untracked().into_iter().collect();
        let made = home.app.repo.with_value(|r| r.backup_of(&ids, now_ms()));
        match download(&format!("retrace-archive-{}.json", today()), "application/json", &made.text) {
            Ok(()) if made.left_out == 0 => {
                downloaded.set(Some(ids));
                home.app.announcer.say(trn(
                    "Archive file made with {n} retrospective. Keep it safe, then remove it from this browser.",
                    "Archive file made with {n} retrospectives. Keep it safe, then remove them from this browser.",
                    made.included,
                ));
            }
            Ok(()) => home.app.announcer.say(trn(
                "{n} retrospective could not be read, so nothing is removed; the file holds the others.",
                "{n} retrospectives could not be read, so nothing is removed; the file holds the others.",
                made.left_out,
            )),
            Err(e) => home.app.announcer.say(tf!("The archive file could not be downloaded, so nothing is removed: {problem}", problem = e)),
        }
    };
    let remove = move |_| {
        let Some(ids) = downloaded.get_untracked() else { return };
        let failed = ids.iter().filter(|id| home.app.repo.with_value(|r| r.delete(**id, now_ms())).is_err()).count();
        home.refresh();
        home.app.announcer.say(match failed {
            0 => trn(
                "Archived {n} retrospective. Import the archive file to bring it back.",
                "Archived {n} retrospectives. Import the archive file to bring them back.",
                ids.len(),
            ),
            n => {
                trn("{n} retrospective could not be removed and stays in this browser.", "{n} retrospectives could not be removed and stay in this browser.", n)
            }
        });
        done.run(());
    };
    view! {
        <div class="archive card" role="group" aria-labelledby=uid("archive-title")>
            <h3 id=uid("archive-title") tabindex="-1">{tr("Archive retrospectives")}</h3>
            <Show when=move || downloaded.with(Option::is_none)
                fallback=move || view! {
                    <p>{move || trn("The file holds {n} retrospective. Once it is saved somewhere safe, remove it from this browser.",
                        "The file holds {n} retrospectives. Once it is saved somewhere safe, remove them from this browser.",
                        downloaded.with(|d| d.as_ref().map_or(0, Vec::len)),
                    )}</p>
                    <div class="button-row">
                        <button type="button" class="button danger" on:click=remove>{tr("Remove them from this browser")}</button>
                        <button type="button" class="button quiet" on:click=move |_| done.run(())>{tr("Keep them here")}</button>
                    </div>
                }>
                <p class="hint">{tr("Choose the retrospectives to move into a file. They are removed from this browser only after the file is made and you confirm.")}</p>
                <button type="button" class="button quiet small" on:click=select_old>{tf!("Select those not edited for {days} days", days = OLD_DAYS)}</button>
                <ul class="archive-list">
                    <For each=move || oldest_first.get() key=|s| s.id let(summary)>
                        {
                            let id = summary.id;
                            let check_id = format!("{}archive-{id}", home.app.id_prefix);
                            let edited = crate::domain::model::time::describe_age(summary.updated_at, now_ms(), crate::ui::platform::utc_offset_minutes());
                            view! {
                                <li>
                                    <input type="checkbox" id=check_id.clone() prop:checked=move || chosen.with(|c| c.contains(&id))
                                        on:change=move |ev| { let on = event_target_checked(&ev); chosen.update(|c| { if on { c.insert(id); } else { c.remove(&id); } }); } />
                                    <label for=check_id>{summary.title().to_string()}<span class="hint">{tf!(" · edited {age}", age = edited)}</span></label>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <div class="button-row">
                    <button type="button" class="button" prop:disabled=move || chosen.with(BTreeSet::is_empty) on:click=make_file>
                        {move || trn("Download the archive file ({n} retrospective)", "Download the archive file ({n} retrospectives)", chosen.with(BTreeSet::len))}
                    </button>
                    <button type="button" class="button quiet" on:click=move |_| done.run(())>{tr("Cancel")}</button>
                </div>
            </Show>
        </div>
    }
}
