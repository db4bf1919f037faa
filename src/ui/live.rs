//! One polite live region for the whole app: saves, merges, errors and undo offers are
//! announced here so screen-reader users hear what sighted users see.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Announcer {
    message: RwSignal<String>,
}

impl Announcer {
    pub fn new() -> Self {
        Announcer { message: RwSignal::new(String::new()) }
    }

    /// Announces `text`. Saying the same thing twice is heard twice: the region is cleared
    /// first and filled on the next frame.
    pub fn say(&self, text: impl Into<String>) {
        let text = text.into();
        let message = self.message;
        message.set(String::new());
        request_animation_frame(move || message.set(text));
    }
}

impl Default for Announcer {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn LiveRegion(announcer: Announcer) -> impl IntoView {
    view! { <div class="sr-only" role="status" aria-live="polite">{move || announcer.message.get()}</div> }
}
