//! The one status line of the team space: in the bar while connected, in words (synced,
//! syncing, offline or not reachable with changes waiting, signed out, merged). It is the
//! only `role="status"` the team space adds, and it speaks politely, like the app's own.

use super::TeamSpace;
use leptos::prelude::*;

#[component]
pub fn SyncStatusLine() -> impl IntoView {
    let space = expect_context::<TeamSpace>();
    let words = Memo::new(move |_| space.status.get().map(|s| (s.describe(), s.is_warning())));
    view! {
        <Show when=move || words.with(Option::is_some)>
            <p class="sync-status" role="status" aria-live="polite"
                class:warning=move || words.with(|w| w.as_ref().is_some_and(|(_, warning)| *warning))>
                <span class="sync-dot" aria-hidden="true"></span>
                {move || words.with(|w| w.as_ref().map(|(text, _)| text.clone()).unwrap_or_default())}
            </p>
        </Show>
    }
}
