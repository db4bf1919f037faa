//! "A new version is ready": shown when the service worker has installed a newer build
//! (announced by retrace-loader.js). The page reloads only when the person presses Reload, so
//! a deploy never interrupts someone typing; the work is saved either way.

use crate::domain::i18n::tr;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn loader_api() -> Option<js_sys::Object> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"Retrace".into()).ok()?.dyn_into().ok()
}

fn update_ready() -> bool {
    loader_api().and_then(|api| js_sys::Reflect::get(&api, &"updateReady".into()).ok()).is_some_and(|v| v.is_truthy())
}

fn apply_update() {
    let apply = loader_api().and_then(|api| js_sys::Reflect::get(&api, &"applyUpdate".into()).ok()).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match apply {
        Some(f) => {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
        None => {
            let _ = web_sys::window().map(|w| w.location().reload());
        }
    }
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(update_ready());
    let dismissed = RwSignal::new(false);
    let listener = window_event_listener_untyped("retrace-update", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    view! {
        <Show when=move || ready.get() && !dismissed.get()>
            <div class="banner banner-info" role="status">
                <span class="banner-text">{tr("A new version of Retrace is ready. It loads when you reload; what you have written is saved.")}</span>
                <button type="button" class="button small primary" on:click=move |_| apply_update()>{tr("Reload now")}</button>
                <button type="button" class="button small quiet" on:click=move |_| dismissed.set(true)>{tr("Later")}</button>
            </div>
        </Show>
    }
}
