//! The home screen: every saved retrospective, the way to start a new one, and any stored
//! value that could not be read.

mod accounts;
mod backup;
mod damaged;
mod list;
mod new;
mod open_actions;
mod state;
mod storage;
mod team;

use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::ui::context::uid;
use crate::ui::context::{AppState, Route};
use damaged::DamagedEntries;
use leptos::prelude::*;
use list::RetroCards;
use new::{ImportFile, NewRetrospective};
use open_actions::OpenActions;
use state::Home;
use std::time::Duration;

/// Retrospective cards drawn in the first frame, and in each frame after it until all are
/// drawn. A screen shows five or six; building a long history's hundred cards before the first
/// frame would keep the whole page from appearing for that long.
const CARDS_PER_FRAME: usize = 20;

#[component]
pub fn HomeScreen() -> impl IntoView {
    let app = expect_context::<AppState>();
    let space = expect_context::<crate::ui::space::TeamSpace>();
    let home = Home {
        app,
        space,
        summaries: RwSignal::new(Vec::new()),
        damaged: RwSignal::new(Vec::new()),
        list_problem: RwSignal::new(None),
        undo: RwSignal::new(None),
        undo_timer: StoredValue::new(None),
    };
    home.refresh();
    provide_context(home);
    let storage = storage::StorageState::new(home);
    warm_insights_in_idle_time(home);
    // Another tab may add, rename or delete retrospectives.
    let on_storage = window_event_listener(leptos::ev::storage, move |_| home.refresh());
    on_cleanup(move || {
        on_storage.remove();
        if let Some(t) = home.undo_timer.get_value() {
            t.clear();
        }
    });
    // Retrospectives that arrived from the team space, or were deleted there.
    Effect::new(move |previous: Option<()>| {
        space.arrived.track();
        if previous.is_some() {
            home.refresh();
        }
    });
    let filter = RwSignal::new(String::new());
    // This browser's own retrospectives; the team's are listed in their own section.
    let visible = Memo::new(move |_| {
        let f = filter.get();
        space.members.with(|team| home.summaries.with(|all| all.iter().filter(|s| !team.contains(&s.id) && s.matches(&f)).cloned().collect::<Vec<_>>()))
    });
    let total = Memo::new(move |_| home.summaries.with(Vec::len));
    let connected = Memo::new(move |_| space.address.with(Option::is_some));
    let local_total = Memo::new(move |_| space.members.with(|team| home.summaries.with(|all| all.iter().filter(|s| !team.contains(&s.id)).count())));
    let drawn = RwSignal::new(CARDS_PER_FRAME);
    // Counted over all retrospectives, not the filtered ones: a filter typed while cards are
    // still being drawn must not lift the limit, or clearing it would draw them all at once.
    draw_more_after_each_frame(drawn, move || home.summaries.try_with_untracked(Vec::len));
    let shown = Memo::new(move |_| {
        let limit = drawn.get();
        visible.with(|v| v[..v.len().min(limit)].to_vec())
    });
    view! {
        <div class="home">
            <section class="hero">
                <h1>"Retrace"</h1>
                <p class="tagline">{move || if connected.get() {
                    tr("Run a blameless retrospective step by step: what happened, why it made sense at the time, and what we will change. Team retrospectives are shared through your team space; the others stay in this browser.")
                } else {
                    tr("Run a blameless retrospective step by step: what happened, why it made sense at the time, and what we will change. Everything stays in this browser.")
                }}</p>
            </section>
            <div class="home-actions">
                <NewRetrospective />
                <ImportFile />
                <crate::ui::space::dialog::TeamSpaceButton />
                <a class="button templates-link" href=Route::Templates.to_hash() on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Templates); }>{tr("Templates")}</a>
                <Show when=move || { total.get() > 0 }>
                    <a class="button insights-link" href=Route::Insights.to_hash() on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Insights); }>{tr("Insights across retrospectives")}</a>
                </Show>
            </div>
            <storage::StorageWarning state=storage />
            <Show when=move || home.undo.get().is_some()>
                <div class="toast" role="group" aria-label=tr("Deleted")>
                    <span>{move || home.undo.get().map(|r| tf!("Deleted “{title}”.", title = r.display_title())).unwrap_or_default()}</span>
                    <button type="button" id=uid("undo-delete") class="button" on:click=move |_| home.undo_delete()>{tr("Undo")}</button>
                </div>
            </Show>
            <team::TeamSection />
            <section class="retro-list-section" aria-labelledby=uid("list-title")>
                <div class="list-header">
                    <h2 id=uid("list-title")>{move || if connected.get() { tr("Only in this browser") } else { tr("Your retrospectives") }}</h2>
                    <Show when=move || { local_total.get() > 0 }>
                        <div class="field filter">
                            <label for=uid("retro-filter") class="sr-only">{tr("Filter by title")}</label>
                            <input id=uid("retro-filter") type="search" placeholder=tr("Filter by title")
                                prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                        </div>
                    </Show>
                </div>
                {move || home.list_problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                <Show when=move || { local_total.get() > 0 }
                    fallback=move || match connected.get() {
                        true => view! { <p class="hint">{tr("Nothing is kept only in this browser: every retrospective here is the team's.")}</p> }.into_any(),
                        false => view! {
                            <div class="empty-state">
                                <p class="empty-title">{tr("No retrospectives yet.")}</p>
                                <p>{tr("Start one after your next incident — or practise on a past one, while memories are fresh.")}</p>
                            </div>
                        }.into_any(),
                    }>
                    <Show when=move || !visible.get().is_empty()
                        fallback=move || view! { <p class="hint">{move || tf!("No retrospective matches “{filter}”.", filter = filter.get())}</p> }>
                        <RetroCards cards=shown />
                    </Show>
                </Show>
            </section>
            <accounts::AccountsInProgress />
            <OpenActions />
            <backup::BackupPanel />
            <storage::StoragePanel state=storage />
            <DamagedEntries />
        </div>
    }
}

/// Digests read per idle slot: about 7 ms of work for ordinary retrospectives.
const DIGESTS_PER_SLOT: usize = 20;

/// Reads the digests Insights needs while the home screen is idle, a few retrospectives per
/// idle slot, so opening Insights does not wait for every document to be read. Stops when the
/// home screen is left (the signal is gone); the cache survives for the page's lifetime.
fn warm_insights_in_idle_time(home: Home) {
    fn next(home: Home, from: usize) {
        request_idle_callback(move || {
            let Some(chunk) =
                home.summaries.try_with_untracked(|all| all.iter().skip(from).take(DIGESTS_PER_SLOT).map(|s| (s.id, s.updated_at)).collect::<Vec<_>>())
            else {
                return;
            };
            if chunk.is_empty() {
                return;
            }
            // In the Insights module, which this fetches while Home is idle (ahead of need).
            leptos::task::spawn_local(async move {
                if crate::ui::insights::warm_digests(home.app, chunk).await.is_ok() {
                    next(home, from + DIGESTS_PER_SLOT);
                }
            });
        });
    }
    // After the first cards are painted, not before.
    set_timeout(move || next(home, 0), Duration::from_millis(400));
}

/// Raises `drawn` by [`CARDS_PER_FRAME`] after each painted frame until it covers `wanted()`,
/// then lifts the limit for good, so retrospectives added later (an import, another tab) show
/// at once. Stops by itself when the home screen is left (the signals are gone). In a tab
/// opened in the background frames wait until it is shown, and so do the remaining cards.
fn draw_more_after_each_frame(drawn: RwSignal<usize>, wanted: impl Fn() -> Option<usize> + Copy + 'static) {
    // A timeout started from an animation frame runs after that frame is painted.
    request_animation_frame(move || {
        set_timeout(
            move || {
                let (Some(limit), Some(count)) = (drawn.try_get_untracked(), wanted()) else { return };
                if limit.saturating_add(CARDS_PER_FRAME) >= count {
                    drawn.set(usize::MAX);
                } else {
                    drawn.set(limit + CARDS_PER_FRAME);
                    draw_more_after_each_frame(drawn, wanted);
                }
            },
            Duration::ZERO,
        )
    });
}
