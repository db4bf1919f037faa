//! Every screen but Home, fetched the first time it is needed (#34).
//!
//! In the release build (`--features split`, run by the Trunk hook in `xtask/src/split.rs`) each
//! function below is a split point: its code, and whatever only it reaches, leaves the main
//! module for a module of its own, which `__wasm_split.js` fetches when the function is first
//! called. Home is drawn from the main module alone. Without the feature (`trunk serve`, the
//! wasm-bindgen tests, clippy) the same functions are plain `async fn`s in one module, so the
//! call sites are the same in both builds.
//!
//! A module can fail to arrive: the network is gone and the worker has not kept the files yet,
//! or Retrace was updated on the server while this page was open, so the files it asks for are
//! another build's. The screen then says so and offers to try again; nothing typed is lost,
//! since every edit was saved as it was typed.

use crate::domain::i18n::tr;
use crate::domain::Id;
use crate::ui::context::Incoming;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

/// A screen's module could not be fetched or started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScreenMissing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ScreenMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ScreenMissing
    }
}

/// `lazy_screen!(module, fn name(args) => view)`: with `split`, a split point whose load
/// failure comes back as `Err` (`fallible`) instead of aborting the whole module; without it,
/// an `async fn` with the same signature. The function itself is synchronous: it only builds
/// the view, so nothing async crosses the split boundary.
macro_rules! lazy_screen {
    ($module:ident, fn $name:ident($($arg:ident: $ty:ty),*) => $view:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<AnyView, ScreenMissing> {
            Ok($view.into_any())
        }

        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<AnyView, ScreenMissing> {
            Ok($view.into_any())
        }
    };
}

lazy_screen!(retrospective, fn retrospective(id: Id) => view! { <crate::ui::retro::RetroScreen id /> });
lazy_screen!(audience, fn audience(id: Id) => view! { <crate::ui::audience::AudienceScreen id /> });
lazy_screen!(account, fn account(request: Id) => view! { <crate::ui::accounts::write::AccountScreen request /> });
lazy_screen!(insights, fn insights() => view! { <crate::ui::insights::InsightsScreen /> });
lazy_screen!(templates, fn templates() => view! { <crate::ui::templates::TemplatesScreen /> });
lazy_screen!(template_editor, fn template_editor(id: Id) => view! { <crate::ui::templates::editor::TemplateEditor id /> });
lazy_screen!(incoming, fn incoming(incoming: Incoming) => view! { <crate::ui::incoming::IncomingScreen incoming /> });

/// Draws what `load` gives once its module is in. Until then the screen stays empty, and says
/// "Opening…" only if that takes long enough to notice (the CSS delays it). If the module cannot
/// be fetched, the screen says so and "Try again" asks once more.
pub fn lazily<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ScreenMissing>> + 'static,
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
                        Err(ScreenMissing) => view! { <ScreenMissingNote retry=move || attempt.update(|n| *n += 1) /> }.into_any(),
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
            <p>{tr("Its part of Retrace did not arrive: the network may be down, or Retrace was updated on the server while this page was open. Your work is saved in this browser.")}</p>
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
