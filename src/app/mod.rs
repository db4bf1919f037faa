//! The shell: opens storage, holds app-wide state, routes between the home screen and one
//! retrospective, and mounts into the page.

pub mod embed;
mod screens;

use crate::domain::i18n::{self, tr, Lang};
use crate::domain::tf;
use crate::storage::{local::LocalStore, memory::MemoryStore, KeyValueStore, Repository, StoreError};
use crate::ui::context::Incoming;
pub use crate::ui::context::{uid, AppState, Route};
use crate::ui::home::HomeScreen;
use crate::ui::incoming::receive_file;
use crate::ui::language::{self, LanguagePicker};
use crate::ui::live::{Announcer, LiveRegion};
use crate::ui::platform::new_replica;
use crate::ui::widgets::StorageBanner;
use leptos::prelude::*;
use std::rc::Rc;

/// Colours: light, dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    System,
}

impl Theme {
    pub fn parse(text: &str) -> Theme {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::System => None,
        }
    }
}

/// Options for one mounted instance of Retrace.
#[derive(Clone, Debug)]
pub struct MountOptions {
    /// Prefix of every storage key this instance reads or writes.
    pub prefix: String,
    /// What to show first: home, or one retrospective.
    pub initial: Route,
    pub theme: Theme,
    pub presenter_allowed: bool,
    /// The host page's language for the widget (`lang` option): used until someone picks one.
    pub lang: Option<Lang>,
    /// See [`AppState::embedded`].
    pub embedded: bool,
    /// Prefix for fixed element ids (empty for the whole page).
    pub id_prefix: String,
    /// Address of the standalone app, for share links made in an embedded widget.
    pub app_url: String,
    /// A team space the host page presets (`space` option, `data-space`): used until someone
    /// in this browser connects to another or disconnects.
    pub space: Option<String>,
}

impl Default for MountOptions {
    fn default() -> Self {
        MountOptions {
            prefix: "retrace:".into(),
            initial: Route::Home,
            theme: Theme::System,
            presenter_allowed: true,
            lang: None,
            embedded: false,
            id_prefix: String::new(),
            app_url: String::new(),
            space: None,
        }
    }
}

/// Storage prefixes are limited to a safe alphabet so they cannot collide with Retrace's own
/// key structure or smuggle anything odd into storage keys.
pub fn clean_prefix(prefix: &str) -> String {
    let cleaned: String = prefix.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')).take(64).collect();
    match cleaned.is_empty() {
        true => "retrace:".into(),
        false if cleaned.ends_with(':') => cleaned,
        false => format!("{cleaned}:"),
    }
}

/// Local storage, or memory when the browser refuses it (and why, to say so).
fn open_storage(prefix: &str) -> (Repository, Option<StoreError>) {
    match LocalStore::open() {
        Ok(store) => (Repository::new(Rc::new(store) as Rc<dyn KeyValueStore>, prefix), None),
        Err(e) => (Repository::new(Rc::new(MemoryStore::new()), prefix), Some(e)),
    }
}

/// What the storage banner says about a store refused at start, in the language shown.
fn in_memory_only(problem: &StoreError, opened: bool) -> String {
    match opened {
        false => tf!("{problem} Your work is kept in memory only: download it as JSON before closing this page.", problem = problem),
        true => problem.to_string(),
    }
}

#[component]
pub fn App(options: MountOptions) -> impl IntoView {
    let (repo, open_problem) = open_storage(&options.prefix);
    let mut startup_problem = open_problem.map(|e| (e, false));
    let profile = match repo.profile(new_replica) {
        Ok(r) => r,
        Err(e) => {
            startup_problem.get_or_insert((e, true));
            new_replica()
        }
    };
    let problem = startup_problem.as_ref().map(|(e, opened)| in_memory_only(e, *opened));
    let hash = if options.embedded { String::new() } else { web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default() };
    let initial = if options.embedded || hash.is_empty() { options.initial } else { Route::from_hash(&hash) };
    let incoming = is_incoming_link(&hash).then(|| Incoming::Link(hash.clone()));
    let root = NodeRef::<leptos::html::Div>::new();
    let state = AppState {
        embedded: options.embedded,
        id_prefix: Box::leak(options.id_prefix.clone().into_boxed_str()),
        presenter_allowed: options.presenter_allowed,
        app_url: Box::leak(options.app_url.clone().into_boxed_str()),
        root,
        repo: StoredValue::new_local(repo),
        replica: new_replica(),
        profile,
        route: RwSignal::new(initial),
        storage_unavailable: RwSignal::new(problem),
        announcer: Announcer::new(),
        incoming: RwSignal::new(incoming),
        notice: RwSignal::new(None),
    };
    provide_context(state);
    // The standalone page takes a preset team space from `<html data-space="…">`.
    let preset = options
        .space
        .clone()
        .or_else(|| (!options.embedded).then(|| document().document_element().and_then(|html| html.get_attribute("data-space"))).flatten());
    // A join link names its team space in the query: `index.html?space=…#/retro/<id>`.
    let invited = (!options.embedded).then(|| crate::ui::platform::query_value("space")).flatten();
    let joining = invited.is_some();
    let space = crate::ui::space::TeamSpace::start(state, preset, invited);
    provide_context(space);
    // A join link to a retrospective this browser does not hold: the team space fetches it at
    // once, while the retrospective's screen is still on its way (#42), rather than once that
    // screen has arrived and asks for it.
    if let Route::Retro(id) = state.route.get_untracked() {
        if joining && !state.repo.with_value(|r| r.contains(id)) {
            space.join(id);
        }
    }

    // The language: one chosen in this browser, else the host page's, else the browser's. Until
    // its catalog is in, the screen stays empty rather than flash English.
    let wanted = language::initial(state.repo.with_value(|r| r.language()), options.lang);
    let shown = language::shown();
    let loading = language::loading();
    let ready = RwSignal::new(i18n::active() == wanted);
    language::request(wanted, move |problem| {
        // The widget may be gone by the time the catalog fails.
        let _ = state.notice.try_set(Some(problem));
    });
    Effect::new(move |_| {
        if loading.get().is_none() && !ready.get_untracked() {
            ready.set(true);
        }
    });
    // Said at start, before the catalog was in: say it again in the language shown.
    if let Some((e, opened)) = startup_problem {
        Effect::new(move |_| {
            shown.track();
            state.storage_unavailable.set(Some(in_memory_only(&e, opened)));
        });
    }
    if !options.embedded {
        Effect::new(move |_| {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", shown.get().code());
            }
        });
    }

    let hash_listener = (!options.embedded).then(|| {
        window_event_listener(leptos::ev::hashchange, move |_| {
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            if is_incoming_link(&hash) {
                state.incoming.set(Some(Incoming::Link(hash)));
                return;
            }
            let route = Route::from_hash(&hash);
            if state.route.get_untracked() != route {
                state.route.set(route);
            }
        })
    });
    let keyboard_listener = crate::ui::platform::keep_focused_field_in_view();
    on_cleanup(move || {
        keyboard_listener.remove();
        if let Some(listener) = hash_listener {
            listener.remove();
        }
    });

    view! {
        <div class="retrace" node_ref=root data-theme=options.theme.attribute() lang=move || shown.get().code()
            class:embedded=options.embedded
            class:audience-mode=move || matches!(state.route.get(), Route::Audience(_))
            on:dragover=move |ev| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                // A drop a dialog took (the chat import) is not a retrospective file.
                if ev.default_prevented() {
                    return;
                }
                ev.prevent_default();
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    receive_file(state, file);
                }
            }>
            // Everything in the language shown: drawn again when it changes (rarely, and all
            // work is saved as typed), and not at all until the first catalog is in.
            {move || {
                shown.track();
                ready.get().then(|| shell(state))
            }}
            <LiveRegion announcer=state.announcer />
        </div>
    }
}

/// The bar, the banners and the screen of the current route.
fn shell(state: AppState) -> impl IntoView {
    view! {
        <header class="app-bar">
            <a class="brand" href="#/" on:click=move |ev| {
                ev.prevent_default();
                state.navigate(Route::Home);
            }>
                <span class="brand-mark" aria-hidden="true">"↺"</span>
                "Retrace"
            </a>
            <span class="app-bar-note">{tr("Blameless retrospectives · saved in this browser")}</span>
            <crate::ui::space::status::SyncStatusLine place=crate::ui::space::status::Place::AppBar />
            <LanguagePicker />
        </header>
        <StorageBanner message=state.storage_unavailable />
        <crate::ui::update::UpdateBanner />
        {move || state.notice.get().map(|notice| view! {
            <div class="banner banner-info" role="status">
                <span class="banner-text">{notice}</span>
                <button type="button" class="button small quiet" on:click=move |_| state.notice.set(None)>{tr("Dismiss")}</button>
            </div>
        })}
        <main class="app-main">
            // Home from the main module; every other screen from its own, fetched when first
            // needed (screens.rs).
            {move || match (state.incoming.get(), state.route.get()) {
                (Some(incoming), _) => screens::lazily(move || screens::incoming(incoming.clone())).into_any(),
                (None, Route::Home) => view! { <HomeScreen /> }.into_any(),
                (None, Route::Retro(id)) => screens::lazily(move || screens::retrospective(id)).into_any(),
                (None, Route::Audience(id)) => screens::lazily(move || screens::audience(id)).into_any(),
                (None, Route::Account(request)) => screens::lazily(move || screens::account(request)).into_any(),
                (None, Route::Insights) => screens::lazily(screens::insights).into_any(),
                (None, Route::Templates) => screens::lazily(screens::templates).into_any(),
                (None, Route::Template(id)) => screens::lazily(move || screens::template_editor(id)).into_any(),
            }}
        </main>
    }
}

/// Whether a fragment is something to preview: a share link, or an account request or reply.
fn is_incoming_link(hash: &str) -> bool {
    crate::domain::format::link::is_link(hash)
}

/// Mounts one widget into `element` and returns what unmounts it.
pub fn mount(element: web_sys::HtmlElement, options: MountOptions) -> Box<dyn std::any::Any> {
    Box::new(leptos::mount::mount_to(element, move || view! { <App options /> }))
}

/// The page's entry point: mount on every `[data-retrace]` element, or as the whole page when
/// there is none, and offer `window.Retrace.mount(element, options)` to host pages.
pub fn start() {
    console_error_panic_hook_lite();
    crate::app::embed::expose_api();
    let targets = crate::app::embed::auto_mount();
    if targets == 0 {
        leptos::mount::mount_to_body(|| view! { <App options=MountOptions::default() /> });
    }
}

/// Sends panic messages to the console, where a person debugging will look for them.
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Retrace stopped: {info}").into());
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_prefixes_are_cleaned() {
        assert_eq!(clean_prefix("team-a"), "team-a:");
        assert_eq!(clean_prefix("team a:"), "teama:");
        assert_eq!(clean_prefix("<x>"), "x:");
        assert_eq!(clean_prefix(""), "retrace:");
        assert_eq!(clean_prefix("wiki.ops:"), "wiki.ops:");
    }
}
