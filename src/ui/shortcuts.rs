//! Keyboard shortcuts for running a retrospective from the keyboard, and the `?` cheat sheet.
//! Shortcuts never fire while someone is typing in a field.

use crate::domain::i18n::{n_, tr};
use crate::ui::context::uid;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Action {
    NextStep,
    PreviousStep,
    AddItem,
    TogglePresenter,
    ToggleTimer,
    ShowShortcuts,
}

/// Every shortcut, as the cheat sheet lists them.
pub const SHORTCUTS: &[(&str, &str)] = &[
    (n_("→  or  ]"), n_("Next step")),
    (n_("←  or  ["), n_("Previous step")),
    ("a", n_("Add an item to the current step")),
    ("p", n_("Presenter mode on or off")),
    ("t", n_("Start or pause the step timer")),
    ("?", n_("Show these shortcuts")),
    ("Esc", n_("Close this list")),
    (n_("Tab / Shift+Tab"), n_("Move between fields and buttons")),
];

/// The action for a key press, if any. `in_field` is true when focus is in something that takes
/// text; `modified` when Ctrl, Alt or Meta is held (those belong to the browser).
pub fn action_for(key: &str, in_field: bool, modified: bool) -> Option<Action> {
    if in_field || modified {
        return None;
    }
    match key {
        "ArrowRight" | "]" => Some(Action::NextStep),
        "ArrowLeft" | "[" => Some(Action::PreviousStep),
        "a" | "A" => Some(Action::AddItem),
        "p" | "P" => Some(Action::TogglePresenter),
        "t" | "T" => Some(Action::ToggleTimer),
        "?" => Some(Action::ShowShortcuts),
        _ => None,
    }
}

/// Whether the event's target takes typing: text inputs, text areas, selects, editable content.
fn typing_target(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    let tag = element.tag_name().to_ascii_lowercase();
    let input_type = element.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
    match tag.as_str() {
        "textarea" | "select" => true,
        "input" => !matches!(input_type.as_str(), "checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color"),
        _ => element.closest("[contenteditable=''], [contenteditable='true'], dialog[open]").ok().flatten().is_some(),
    }
}

/// Listens for shortcuts on the window while mounted and runs `on_action`.
pub fn use_shortcuts(on_action: impl Fn(Action) + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        if event.default_prevented() || event.repeat() {
            return;
        }
        let modified = event.ctrl_key() || event.alt_key() || event.meta_key();
        if let Some(action) = action_for(&event.key(), typing_target(&event), modified) {
            event.prevent_default();
            on_action(action);
        }
    });
    on_cleanup(move || handle.remove());
}

/// The cheat sheet: a modal dialog (Esc closes it, focus returns where it was).
#[component]
pub fn ShortcutSheet(dialog: NodeRef<leptos::html::Dialog>) -> impl IntoView {
    view! {
        <dialog node_ref=dialog class="dialog shortcuts" aria-labelledby=uid("shortcuts-title")>
            <h2 id=uid("shortcuts-title")>{tr("Keyboard shortcuts")}</h2>
            <p class="hint">{tr("They work whenever you are not typing in a field.")}</p>
            <table>
                <thead><tr><th scope="col">{tr("Key")}</th><th scope="col">{tr("Does")}</th></tr></thead>
                <tbody>
                    {SHORTCUTS.iter().map(|(key, what)| view! { <tr><td><kbd>{tr(key)}</kbd></td><td>{tr(what)}</td></tr> }).collect_view()}
                </tbody>
            </table>
            <form method="dialog">
                <button type="submit" class="button primary">{tr("Close")}</button>
            </form>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions_only_outside_fields_and_without_modifiers() {
        assert_eq!(action_for("ArrowRight", false, false), Some(Action::NextStep));
        assert_eq!(action_for("[", false, false), Some(Action::PreviousStep));
        assert_eq!(action_for("p", false, false), Some(Action::TogglePresenter));
        assert_eq!(action_for("?", false, false), Some(Action::ShowShortcuts));
        assert_eq!(action_for("p", true, false), None, "typing a p in a field is just a p");
        assert_eq!(action_for("ArrowRight", true, false), None);
        assert_eq!(action_for("t", false, true), None, "Ctrl+T belongs to the browser");
        assert_eq!(action_for("x", false, false), None);
    }

    #[test]
    fn every_action_is_on_the_cheat_sheet() {
        let listed: Vec<&str> = SHORTCUTS.iter().map(|(_, what)| *what).collect();
        for what in [
            "Next step",
            "Previous step",
            "Add an item to the current step",
            "Presenter mode on or off",
            "Start or pause the step timer",
            "Show these shortcuts",
        ] {
            assert!(listed.contains(&what), "{what}");
        }
    }
}
