//! Embedding in a host page: options from `data-*` attributes or a JavaScript object,
//! auto-mounting on `[data-retrace]`, and `window.Retrace.mount(element, options)` returning a
//! handle whose `unmount()` removes the widget with all its listeners and timers.
//!
//! ```html
//! <div data-retrace data-prefix="team-a:" data-theme="dark"></div>
//! <script type="module" src="/tools/retro/retrace-loader.js"></script>
//! ```

use super::{clean_prefix, mount, MountOptions, Route, Theme};
use crate::domain::i18n::Lang;
use crate::domain::Id;
use leptos::prelude::document;
use std::any::Any;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
    static MOUNTED: RefCell<Vec<(web_sys::Element, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
}

/// Options for a new instance; `get` reads one option by name (`prefix`, `view`, `theme`,
/// `presenter`, `lang`, `space`).
pub fn options(get: impl Fn(&str) -> Option<String>) -> MountOptions {
    let n = NEXT_INSTANCE.with(|c| {
        let n = c.get();
        c.set(n + 1);
        n
    });
    let off = |v: &str| matches!(v.trim().to_ascii_lowercase().as_str(), "false" | "off" | "no" | "0");
    MountOptions {
        prefix: clean_prefix(&get("prefix").unwrap_or_else(|| "retrace:".into())),
        initial: get("view").and_then(|v| Id::parse(v.trim())).map(Route::Retro).unwrap_or(Route::Home),
        theme: Theme::parse(&get("theme").unwrap_or_default()),
        presenter_allowed: get("presenter").map(|v| !off(&v)).unwrap_or(true),
        lang: get("lang").and_then(|v| Lang::from_tag(&v)),
        embedded: true,
        id_prefix: format!("retrace{n}-"),
        app_url: format!("{}index.html", crate::ui::language::base_url()),
        space: get("space").filter(|s| !s.trim().is_empty()),
    }
}

fn mount_element(element: web_sys::HtmlElement, options: MountOptions) {
    unmount_element(&element);
    let _ = element.set_attribute("data-retrace-mounted", "");
    let handle = mount(element.clone(), options);
    MOUNTED.with(|m| m.borrow_mut().push((element.into(), handle)));
}

/// Unmounts the widget in `element`, if there is one. The handle is dropped outside the
/// registry's borrow, since dropping it runs the widget's cleanups.
fn unmount_element(element: &web_sys::Element) {
    let handle = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.iter().position(|(e, _)| e == element).map(|i| m.remove(i).1)
    });
    if handle.is_some() {
        let _ = element.remove_attribute("data-retrace-mounted");
    }
    drop(handle);
}

/// Mounts on every `[data-retrace]` element not mounted yet; returns how many there are.
pub fn auto_mount() -> usize {
    let Ok(nodes) = document().query_selector_all("[data-retrace]") else { return 0 };
    let mut count = 0;
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        count += 1;
        if element.has_attribute("data-retrace-mounted") {
            continue;
        }
        let data = element.dataset();
        mount_element(element, options(|key| data.get(key)));
    }
    count
}

fn option_from(object: &JsValue, key: &str) -> Option<String> {
    let value = js_sys::Reflect::get(object, &key.into()).ok()?;
    value.as_string().or_else(|| value.as_bool().map(|b| b.to_string())).or_else(|| value.as_f64().map(|n| n.to_string()))
}

/// Installs `window.Retrace.mount(element, options)` and `window.Retrace.unmount(element)`.
pub fn expose_api() {
    let Some(window) = web_sys::window() else { return };
    let api = js_sys::Reflect::get(&window, &"Retrace".into()).ok().filter(|v| v.is_object()).unwrap_or_else(|| js_sys::Object::new().into());
    let mount_fn = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|element: JsValue, options: JsValue| -> JsValue {
        let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else {
            web_sys::console::error_1(&"Retrace.mount needs an element to mount into.".into());
            return JsValue::UNDEFINED;
        };
        mount_element(element.clone(), self::options(|key| option_from(&options, key)));
        let handle = js_sys::Object::new();
        let unmount = Closure::once_into_js(move || unmount_element(&element));
        let _ = js_sys::Reflect::set(&handle, &"unmount".into(), &unmount);
        handle.into()
    });
    let unmount_fn = Closure::<dyn Fn(JsValue)>::new(|element: JsValue| {
        if let Ok(element) = element.dyn_into::<web_sys::Element>() {
            unmount_element(&element);
        }
    });
    let _ = js_sys::Reflect::set(&api, &"mount".into(), &mount_fn.into_js_value());
    let _ = js_sys::Reflect::set(&api, &"unmount".into(), &unmount_fn.into_js_value());
    let _ = js_sys::Reflect::set(&window, &"Retrace".into(), &api);
}
