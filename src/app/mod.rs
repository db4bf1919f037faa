//! The shell: opens storage, holds app-wide state, routes between the home screen and one
//! retrospective, and mounts into the page.

pub mod embed;

use crate::domain::{Id, Replica, Writer};
use crate::storage::{local::LocalStore, memory::MemoryStore, KeyValueStore, Repository};
use crate::ui::audience::AudienceScreen;
use crate::ui::home::HomeScreen;
use crate::ui::incoming::{receive_file, Incoming, IncomingScreen};
use crate::ui::live::{Announcer, LiveRegion};
use crate::ui::platform::new_replica;
use crate::ui::retro::RetroScreen;
use crate::ui::widgets::StorageBanner;
use leptos::prelude::*;
use std::rc::Rc;

/// Where the app is. Reflected in the URL fragment (`#/retro/<id>`) so reload, back and
/// forward work, and a bookmark reopens the same retrospective.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Route {
    Home,
    Retro(Id),
    /// The read-only window the room sees.
    Audience(Id),
}

impl Route {
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        if let Some(id) = path.strip_prefix("/retro/").and_then(Id::parse) {
            Route::Retro(id)
        } else if let Some(id) = path.strip_prefix("/audience/").and_then(Id::parse) {
            Route::Audience(id)
        } else {
            Route::Home
        }
    }

    pub fn to_hash(self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Retro(id) => format!("#/retro/{id}"),
            Route::Audience(id) => format!("#/audience/{id}"),
        }
    }
}

/// App-wide state, shared through context. Every field is a cheap handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Mounted inside a host page rather than as the whole page: then the URL, the page title
    /// and keys pressed outside the widget belong to the host.
    pub embedded: bool,
    /// Prepended to every fixed element id, so two widgets on one page never share an id.
    pub id_prefix: &'static str,
    pub presenter_allowed: bool,
    /// Where the standalone app lives, for share links made inside an embedded widget.
    pub app_url: &'static str,
    pub root: NodeRef<leptos::html::Div>,
    pub repo: StoredValue<Repository, LocalStorage>,
    /// This page load's replica: fresh on every load, so no two tabs, windows or widgets ever
    /// stamp the same clock (see `domain::clock`).
    pub replica: Replica,
    /// This browser profile (stored in settings): who the writes are from, for names and
    /// merge reports.
    pub profile: Replica,
    pub route: RwSignal<Route>,
    /// Set when storage cannot be used at all: the app keeps working in memory.
    pub storage_unavailable: RwSignal<Option<String>>,
    pub announcer: Announcer,
    /// A link or file waiting to be previewed; shown instead of the route while set.
    pub incoming: RwSignal<Option<Incoming>>,
    /// A one-off message shown under the app bar (for example a merge report).
    pub notice: RwSignal<Option<String>>,
}

impl AppState {
    /// Who is writing now: this page load, on behalf of this browser profile.
    pub fn writer(&self) -> Writer {
        Writer::in_profile(self.replica, self.profile, crate::ui::platform::now_ms())
    }

    pub fn navigate(&self, route: Route) {
        self.notice.set(None);
        self.route.set(route);
        if !self.embedded {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_hash(&route.to_hash());
            }
        }
    }

    /// This instance's id for a fixed element name.
    pub fn id(&self, name: &str) -> String {
        format!("{}{name}", self.id_prefix)
    }

    /// Whether keyboard focus is inside this widget (always true for the whole page).
    pub fn has_focus(&self) -> bool {
        if !self.embedded {
            return true;
        }
        let active = document().active_element();
        match (self.root.get_untracked(), active) {
            (Some(root), Some(active)) => root.contains(Some(&active)),
            _ => false,
        }
    }

    /// Sets the page title, unless a host page owns it.
    pub fn set_title(&self, title: &str) {
        if !self.embedded {
            document().set_title(title);
        }
    }
}

/// The id of a fixed element in the instance being rendered (see [`AppState::id`]).
pub fn uid(name: &str) -> String {
    match use_context::<AppState>() {
        Some(state) => state.id(name),
        None => name.to_string(),
    }
}

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
    /// See [`AppState::embedded`].
    pub embedded: bool,
    /// Prefix for fixed element ids (empty for the whole page).
    pub id_prefix: String,
    /// Address of the standalone app, for share links made in an embedded widget.
    pub app_url: String,
}

impl Default for MountOptions {
    fn default() -> Self {
        MountOptions {
            prefix: "retrace:".into(),
            initial: Route::Home,
            theme: Theme::System,
            presenter_allowed: true,
            embedded: false,
            id_prefix: String::new(),
            app_url: String::new(),
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

fn open_storage(prefix: &str) -> (Repository, Option<String>) {
    match LocalStore::open() {
        Ok(store) => (Repository::new(Rc::new(store) as Rc<dyn KeyValueStore>, prefix), None),
        Err(e) => (
            Repository::new(Rc::new(MemoryStore::new()), prefix),
            Some(format!("{e} Your work is kept in memory only: download it as JSON before closing this page.")),
        ),
    }
}

#[component]
pub fn App(options: MountOptions) -> impl IntoView {
    let (repo, mut problem) = open_storage(&options.prefix);
    let profile = match repo.profile(new_replica) {
        Ok(r) => r,
        Err(e) => {
            problem.get_or_insert_with(|| e.to_string());
            new_replica()
        }
    };
    let hash = if options.embedded { String::new() } else { web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default() };
    let initial = if options.embedded || hash.is_empty() { options.initial } else { Route::from_hash(&hash) };
    let incoming = crate::domain::link::is_link(&hash).then(|| Incoming::Link(hash.clone()));
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

    let hash_listener = (!options.embedded).then(|| window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        if crate::domain::link::is_link(&hash) {
            state.incoming.set(Some(Incoming::Link(hash)));
            return;
        }
        let route = Route::from_hash(&hash);
        if state.route.get_untracked() != route {
            state.route.set(route);
        }
    }));
    on_cleanup(move || {
        if let Some(listener) = hash_listener {
            listener.remove();
        }
    });

    view! {
        <div class="retrace" node_ref=root data-theme=options.theme.attribute()
            class:embedded=options.embedded
            class:audience-mode=move || matches!(state.route.get(), Route::Audience(_))
            on:dragover=move |ev| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    receive_file(state, file);
                }
            }>
            <header class="app-bar">
                <a class="brand" href="#/" on:click=move |ev| {
                    ev.prevent_default();
                    state.navigate(Route::Home);
                }>
                    <span class="brand-mark" aria-hidden="true">"↺"</span>
                    "Retrace"
                </a>
                <span class="app-bar-note">"Blameless retrospectives · saved in this browser"</span>
            </header>
            <StorageBanner message=state.storage_unavailable />
            {move || state.notice.get().map(|notice| view! {
                <div class="banner banner-info" role="status">
                    <span class="banner-text">{notice}</span>
                    <button type="button" class="button small quiet" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                </div>
            })}
            <main class="app-main">
                {move || match (state.incoming.get(), state.route.get()) {
                    (Some(incoming), _) => view! { <IncomingScreen incoming /> }.into_any(),
                    (None, route) => match route {
                    Route::Home => view! { <HomeScreen /> }.into_any(),
                    Route::Retro(id) => view! { <RetroScreen id /> }.into_any(),
                    Route::Audience(id) => view! { <AudienceScreen id /> }.into_any(),
                    },
                }}
            </main>
            <LiveRegion announcer=state.announcer />
        </div>
    }
}

/// Mounts Retrace as the whole page (the standalone app).
pub fn mount_to_body() {
    console_error_panic_hook_lite();
    leptos::mount::mount_to_body(|| view! { <App options=MountOptions::default() /> });
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

    #[test]
    fn routes_round_trip_through_the_fragment() {
        let id = Id::from_random([3; 16]);
        assert_eq!(Route::from_hash(&Route::Retro(id).to_hash()), Route::Retro(id));
        assert_eq!(Route::from_hash(""), Route::Home);
        assert_eq!(Route::from_hash("#/retro/not-an-id"), Route::Home);
        assert_eq!(Route::from_hash("#r=abc"), Route::Home);
        assert_eq!(Route::from_hash(&Route::Audience(id).to_hash()), Route::Audience(id));
    }
}
