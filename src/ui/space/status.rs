//! The one status line of the team space: in the bar while connected, in words (synced,
//! syncing, offline or not reachable with changes waiting, signed out, merged). It is the
//! only `role="status"` the team space adds, and it speaks politely, like the app's own.

use super::TeamSpace;
use leptos::prelude::*;

/// Where the line stands: in the app's bar, or in the workspace bar of an open team
/// retrospective (which stays in view while the page scrolls). Only one of them shows at a time.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    AppBar,
    Workspace,
}

#[component]
pub fn SyncStatusLine(place: Place) -> impl IntoView {
    let space = expect_context::<TeamSpace>();
    let app = expect_context::<crate::ui::context::AppState>();
    let on_team_retro = Memo::new(move |_| match app.route.get() {
        crate::ui::context::Route::Retro(id) => space.members.with(|m| m.contains(&id)),
        _ => false,
    });
    let here = move || on_team_retro.get() == (place == Place::Workspace);
    let words = Memo::new(move |_| space.status.get().map(|s| (s.describe(), s.is_warning())));
    view! {
        <Show when=move || here() && words.with(Option::is_some)>
            <p class="sync-status" role="status" aria-live="polite" class:in-workspace=place == Place::Workspace
                title=move || words.with(|w| w.as_ref().map(|(text, _)| text.clone()).unwrap_or_default())
                class:warning=move || words.with(|w| w.as_ref().is_some_and(|(_, warning)| *warning))>
                <span class="sync-dot" aria-hidden="true"></span>
                <span class="sync-words">{move || words.with(|w| w.as_ref().map(|(text, _)| text.clone()).unwrap_or_default())}</span>
            </p>
        </Show>
    }
}
