//! Menus that float over the page (the bar's **More**, the timer's settings) close the way
//! people expect of a menu: after choosing an item, on Escape (focus goes back to the menu's
//! button), and on a click or tap anywhere else. Left open, they covered the stepper.
//!
//! A menu is a `<details>`: `<details node_ref=menu on:keydown=on_key(menu) on:click=on_choose(menu)>`
//! plus [`close_on_outside_press`] once per menu.

use leptos::html::Details;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn close(menu: NodeRef<Details>, refocus: bool) {
    let Some(details) = menu.get_untracked() else { return };
    if !details.open() {
        return;
    }
    details.set_open(false);
    if refocus {
        if let Some(summary) = details.query_selector("summary").ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = summary.focus();
        }
    }
}

/// Escape closes the menu and gives the focus back to its button.
pub fn on_key(menu: NodeRef<Details>) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    move |ev| {
        if ev.key() == "Escape" && menu.get_untracked().is_some_and(|d| d.open()) {
            ev.stop_propagation();
            close(menu, true);
        }
    }
}

/// Choosing an item (a button or link inside the menu's body) closes the menu.
pub fn on_choose(menu: NodeRef<Details>) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        let chosen = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("button, a, [role=menuitem]").ok().flatten());
        // The summary is the menu's own button: it toggles, it is not an item.
        if chosen.is_some_and(|e| e.tag_name() != "SUMMARY") {
            close(menu, false);
        }
    }
}

/// A press anywhere outside the menu closes it; removed with the component.
pub fn close_on_outside_press(menu: NodeRef<Details>) {
    let handle = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let Some(details) = menu.get_untracked() else { return };
        let inside = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).is_some_and(|node| details.contains(Some(&node)));
        if details.open() && !inside {
            close(menu, false);
        }
    });
    on_cleanup(move || handle.remove());
}
