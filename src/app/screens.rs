//! Every screen but Home, each a split point (`crate::ui::lazy`): fetched the first time it is
//! needed, so Home is drawn from the main module alone (#34).
//!
//! A screen whose module does not arrive says so and offers to try again; nothing typed is lost,
//! since every edit was saved as it was typed.

use crate::domain::i18n::tr;
use crate::domain::Id;
use crate::ui::context::Incoming;
use crate::ui::lazy::{split_point, PartMissing};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

split_point!(retrospective, pub fn retrospective(id: Id) -> AnyView => view! { <crate::ui::retro::RetroScreen id /> }.into_any());
split_point!(audience, pub fn audience(id: Id) -> AnyView => view! { <crate::ui::audience::AudienceScreen id /> }.into_any());
split_point!(account, pub fn account(request: Id) -> AnyView => view! { <crate::ui::accounts::write::AccountScreen request /> }.into_any());
split_point!(insights, pub fn insights() -> AnyView => view! { <crate::ui::insights::InsightsScreen /> }.into_any());
split_point!(templates, pub fn templates() -> AnyView => view! { <crate::ui::templates::TemplatesScreen /> }.into_any());
split_point!(template_editor, pub fn template_editor(id: Id) -> AnyView => view! { <crate::ui::templates::editor::TemplateEditor id /> }.into_any());
split_point!(incoming, pub fn incoming(incoming: Incoming) -> AnyView => view! { <crate::ui::incoming::IncomingScreen incoming /> }.into_any());

/// Draws what `load` gives once its module is in. Until then the screen stays empty, and says
/// "Opening…" only if that takes long enough to notice (the CSS delays it). If the module cannot
/// be fetched, the screen says so and "Try again" asks once more.
pub fn lazily<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, PartMissing>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=|| view! { <p class="screen-opening" role="status">{tr("Opening…")}</p> }>
            {move || {
                attempt.track();
                // Leptos asks for a future it could move between threads; a web page has one.
                let screen = SendWrapper::new(load());
                Suspend::new(async move {
                    match screen.await {
                        Ok(view) => view,
                        Err(PartMissing) => view! { <ScreenMissingNote retry=move || attempt.update(|n| *n += 1) /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ScreenMissingNote(retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <section class="screen-missing" role="alert">
            <h1>{tr("This screen could not be loaded")}</h1>
            <p>{tr("The part of Retrace that draws it did not arrive: the network may be down, or Retrace was updated on the server while this page was open. Your work is saved in this browser.")}</p>
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| retry()>{tr("Try again")}</button>
                <button type="button" class="button" on:click=|_| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().reload();
                    }
                }>{tr("Reload Retrace")}</button>
            </div>
        </section>
    }
}
