//! The few things the UI needs from the browser besides the DOM: randomness, the clock,
//! focus, and file downloads. Kept here so components stay about rendering.

use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::domain::{Date, Id, Replica};
use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

/// Random bytes from `crypto.getRandomValues`, falling back to `Math.random` where the page
/// has no crypto object (ids only need to be unique, not secret).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = web_sys::window().and_then(|w| w.crypto().ok()).is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// Runs `work` inside a User Timing measure named `name` ("retrace-save", "retrace-merge",
/// "retrace-export-markdown"): visible in the browser's performance tools and read by
/// `cargo xtask bench`. Costs two calls when nobody is looking.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}-start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    result
}

pub fn new_id() -> Id {
    Id::from_random(random_bytes())
}

pub fn new_replica() -> Replica {
    Replica(u64::from_le_bytes(random_bytes()))
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Minutes east of UTC for the user's time zone now.
pub fn utc_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

pub fn today() -> Date {
    Date::from_unix_ms(now_ms(), utc_offset_minutes())
}

/// A value of the page's query string (`?space=…`), decoded.
pub fn query_value(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| js_sys::decode_uri_component(&value.replace('+', " ")).ok().map(String::from)).flatten()
    })
}

/// The page's address without its fragment, for building links to the app.
pub fn page_address() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).map(|href| href.split('#').next().unwrap_or_default().to_string()).unwrap_or_default()
}

/// Focuses the element with this DOM id as soon as it has been rendered, so a new item's
/// first field takes the very next keystroke. Rendering runs on the async executor, so one
/// executor tick is enough; a frame later is the fallback.
pub fn focus_soon(dom_id: String) {
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        if !focus_now(&dom_id) {
            request_animation_frame(move || {
                focus_now(&dom_id);
            });
        }
    });
}

fn focus_now(dom_id: &str) -> bool {
    match document().get_element_by_id(dom_id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Offers `text` to the user as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| tf!("the browser refused the download ({error})", error = format!("{e:?}"));
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_attribute("hidden", "").map_err(fail)?;
    let body = document().body().ok_or(tr("the page has no body"))?;
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    anchor.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let _ = leptos::prelude::set_timeout_with_handle(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// A file name from a title: letters, digits and dashes only.
pub fn file_name(title: &str, extension: &str) -> String {
    let mut name: String = title.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    while name.contains("--") {
        name = name.replace("--", "-");
    }
    let name = name.trim_matches('-');
    let name = if name.is_empty() { "retrospective" } else { name };
    format!("{}.{extension}", name.chars().take(60).collect::<String>())
}

/// Keeps the field being written in on screen as the window gets shorter. On a phone the
/// on-screen keyboard opening resizes the page (`interactive-widget=resizes-content` in
/// index.html), and a field in the lower half would otherwise end up under the keyboard.
pub fn keep_focused_field_in_view() -> leptos::prelude::WindowListenerHandle {
    leptos::prelude::window_event_listener(leptos::ev::resize, |_| {
        let Some(field) = document().active_element() else { return };
        if !matches!(field.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
            return;
        }
        let height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
        let rect = field.get_bounding_client_rect();
        if rect.bottom() > height || rect.top() < 0.0 {
            // Aligned to the bottom: the lines above it, what the person is answering, stay in view.
            field.scroll_into_view_with_bool(false);
        }
    })
}
