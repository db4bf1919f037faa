//! What every component of one mounted instance shares through context: where the app is
//! ([`Route`]), the app-wide handles ([`AppState`]) and ids per instance ([`uid`]). It lives in
//! `ui` so that components never import the shell (`app`), which only opens storage, routes
//! and mounts.

use crate::domain::{Id, Replica, Writer};
use crate::storage::Repository;
use crate::ui::live::Announcer;
use leptos::prelude::*;

/// What is waiting to be previewed.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    /// A URL fragment (`#r=…` or `#e=…`; `#q=…` a request for accounts, `#a=…` a reply).
    Link(String),
    /// The text of a file the user picked or dropped.
    File { name: String, text: String },
    /// Something that could not even be read (too large, unreadable file).
    Refused(String),
}

/// Where the app is. Reflected in the URL fragment (`#/retro/<id>`) so reload, back and
/// forward work, and a bookmark reopens the same retrospective.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Route {
    Home,
    Retro(Id),
    /// The read-only window the room sees.
    Audience(Id),
    /// One's own account for a request, kept in this browser.
    Account(Id),
    /// What keeps coming back across retrospectives.
    Insights,
    /// The built-in and own templates.
    Templates,
    /// One own template, in the editor.
    Template(Id),
}

impl Route {
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        if let Some(id) = path.strip_prefix("/retro/").and_then(Id::parse) {
            Route::Retro(id)
        } else if let Some(id) = path.strip_prefix("/audience/").and_then(Id::parse) {
            Route::Audience(id)
        } else if let Some(id) = path.strip_prefix("/account/").and_then(Id::parse) {
            Route::Account(id)
        } else if path == "/insights" {
            Route::Insights
        } else if path == "/templates" {
            Route::Templates
        } else if let Some(id) = path.strip_prefix("/templates/").and_then(Id::parse) {
            Route::Template(id)
        } else {
            Route::Home
        }
    }

    pub fn to_hash(self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Retro(id) => format!("#/retro/{id}"),
            Route::Audience(id) => format!("#/audience/{id}"),
            Route::Account(id) => format!("#/account/{id}"),
            Route::Insights => "#/insights".to_string(),
            Route::Templates => "#/templates".to_string(),
            Route::Template(id) => format!("#/templates/{id}"),
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
    /// stamp the same clock (see `domain::model::clock`).
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

    /// Leaves the screen of a link or file that arrived and drops the link from the address
    /// bar, so a reload does not offer it again.
    pub fn leave_incoming(&self, route: Route) {
        self.incoming.set(None);
        if let Some(window) = web_sys::window() {
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.to_hash()));
            }
        }
        self.route.set(route);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_through_the_fragment() {
        let id = Id::from_random([3; 16]);
        assert_eq!(Route::from_hash(&Route::Retro(id).to_hash()), Route::Retro(id));
        assert_eq!(Route::from_hash(""), Route::Home);
        assert_eq!(Route::from_hash("#/retro/not-an-id"), Route::Home);
        assert_eq!(Route::from_hash("#r=abc"), Route::Home);
        assert_eq!(Route::from_hash(&Route::Audience(id).to_hash()), Route::Audience(id));
        assert_eq!(Route::from_hash(&Route::Insights.to_hash()), Route::Insights);
        assert_eq!(Route::from_hash(&Route::Templates.to_hash()), Route::Templates);
        let id = Id::from_random([5; 16]);
        assert_eq!(Route::from_hash(&Route::Template(id).to_hash()), Route::Template(id));
    }
}
