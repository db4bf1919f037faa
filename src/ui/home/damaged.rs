//! Stored values that could not be read: listed by what can be told of them, never dropped.

use super::state::Home;
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::storage::DamagedEntry;
use crate::ui::context::uid;
use crate::ui::context::Route;
use crate::ui::platform::download;
use leptos::prelude::*;

#[component]
pub(super) fn DamagedEntries() -> impl IntoView {
    let home = expect_context::<Home>();
    let damaged = home.damaged;
    view! {
        <Show when=move || !damaged.get().is_empty()>
            <section class="damaged" aria-labelledby=uid("damaged-title")>
                <h2 id=uid("damaged-title")>{tr("Saved data that could not be read")}</h2>
                <p class="hint">{tr("Retrace will not change these. Download the raw data to keep it, then delete the entry if you no longer need it.")}</p>
                <ul>
                    <For each=move || damaged.get() key=|d| d.key.clone() let(entry)>
                        <DamagedCard entry />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn DamagedCard(entry: DamagedEntry) -> impl IntoView {
    let home = expect_context::<Home>();
    let key = entry.key.clone();
    let key2 = entry.key.clone();
    let label = entry.label.clone();
    let download_raw = move |_| match home.app.repo.with_value(|r| r.raw(&key)) {
        Ok(Some(raw)) => {
            let name = format!("{}.txt", key.replace(':', "-"));
            if let Err(e) = download(&name, "text/plain", &raw) {
                home.app.announcer.say(tf!("Download failed: {problem}", problem = e));
            }
        }
        _ => home.app.announcer.say(tr("That entry is no longer stored.")),
    };
    let discard = move |_| {
        match home.app.repo.with_value(|r| r.discard(&key2)) {
            Ok(()) => home.app.announcer.say(tr("Damaged entry deleted.")),
            Err(e) => home.app.announcer.say(tf!("Could not delete: {problem}", problem = e)),
        }
        home.refresh();
    };
    view! {
        <li class="card damaged-card">
            <p><strong>{entry.label.clone()}</strong>
                {entry.newer_version.then(|| tr(" — saved by a newer version of Retrace"))}</p>
            <p class="hint">{entry.problem.clone()}</p>
            <div class="button-row">
                {entry.readable.map(|id| view! {
                    <button type="button" class="button small primary" aria-label=tf!("Open {name} read-only", name = entry.label)
                        on:click=move |_| home.app.navigate(Route::Retro(id))>{tr("Open read-only")}</button>
                })}
                <button type="button" class="button small" aria-label=tf!("Download raw data of {name}", name = label) on:click=download_raw>{tr("Download raw data")}</button>
                <button type="button" class="button small danger" aria-label=tf!("Delete {item}", item = entry.label) on:click=discard>{tr("Delete")}</button>
            </div>
        </li>
    }
}
