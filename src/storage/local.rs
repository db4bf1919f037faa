//! The browser's `localStorage`, behind [`KeyValueStore`], on gloo-storage. Nothing here
//! decides anything: it only translates calls and turns JavaScript exceptions into
//! [`StoreError`]s.
//!
//! Typed values (this browser's settings) go through gloo's `get` and `set`. Text values go
//! through the `Storage` gloo hands out ([`LocalStorage::raw`]), as text: a document is stored
//! as the JSON text the domain wrote, which gloo's `set` would quote as a string. One call keeps
//! a binding of its own: reading a value hands the JavaScript string over without the copy
//! wasm-bindgen makes (BENCHMARKS.md, "reading a 500 KB value", shows why).

use super::{KeyValueStore, StoreError, StoreOperation, Unusable};
use crate::domain::i18n::{n_, tr};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Storage`, seen through a binding whose `getItem` returns the JavaScript string
    /// itself rather than a copy in Rust.
    #[wasm_bindgen(js_name = Storage)]
    type UncopiedStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_value(this: &UncopiedStorage, key: &str) -> Result<JsValue, JsValue>;

    /// `TextEncoder`, whose `encode` takes the JavaScript string as it is.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encode)]
    fn encode_value(this: &Utf8Encoder, text: &JsValue) -> js_sys::Uint8Array;
}

/// A JavaScript string's text in Rust. wasm-bindgen's own conversion copies ASCII one
/// character at a time in a JavaScript loop: on a cold start, before that loop is compiled,
/// the 80 KB index took milliseconds and a 500 KB retrospective tens of them. The browser's
/// encoder and one block copy do the same work at memory speed.
fn rust_text(value: &JsValue) -> String {
    thread_local! {
        static ENCODER: Utf8Encoder = Utf8Encoder::new();
    }
    let bytes = ENCODER.with(|encoder| encoder.encode_value(value)).to_vec();
    // The encoder writes UTF-8 (a lone surrogate becomes U+FFFD), so this never loses text.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `localStorage`, once it is known to be usable.
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Opens local storage and touches it once: sandboxed frames and storage blocked by policy
    /// throw on `window.localStorage` or on first use, and both must become an error here
    /// (gloo's own accessor would throw instead, which the app could not recover from).
    pub fn open() -> Result<LocalStore, StoreError> {
        let window = web_sys::window().ok_or_else(|| StoreError::Unavailable(Unusable::Ours(n_("there is no window"))))?;
        let storage = window
            .local_storage()
            .map_err(|e| StoreError::Unavailable(Unusable::Browser(describe(&e))))?
            .ok_or_else(|| StoreError::Unavailable(Unusable::Ours(n_("local storage is turned off"))))?;
        storage.length().map_err(|e| StoreError::Unavailable(Unusable::Browser(describe(&e))))?;
        Ok(LocalStore { storage: LocalStorage::raw() })
    }

    fn uncopied(&self) -> &UncopiedStorage {
        self.storage.unchecked_ref()
    }
}

fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => error.as_string().unwrap_or_else(|| tr("unknown error").into()),
    }
}

/// The error for an exception `operation` threw.
fn store_error(operation: StoreOperation) -> impl Fn(JsValue) -> StoreError {
    move |error| match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.code() == 22 => StoreError::QuotaExceeded, // QUOTA_EXCEEDED_ERR, in any browser
        Some(e) => from_name(operation, &e.name(), &e.message()),
        None => StoreError::Failed { operation, detail: describe(&error) },
    }
}

/// Retrace's error for an exception by its name (a `DOMException`'s, or gloo's `JsError`'s).
fn from_name(operation: StoreOperation, name: &str, message: &str) -> StoreError {
    match name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" => StoreError::Unavailable(Unusable::Browser(format!("{name}: {message}"))),
        _ => StoreError::Failed { operation, detail: format!("{name}: {message}") },
    }
}

/// gloo's error, as Retrace's. "Not found" is not an error to Retrace, and a value that is
/// not JSON is the caller's to report, so neither arrives here.
fn from_gloo(operation: StoreOperation, error: StorageError) -> StoreError {
    match error {
        StorageError::JsError(e) => from_name(operation, &e.name, &e.message),
        other => StoreError::Failed { operation, detail: other.to_string() },
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = self.uncopied().get_item_value(key).map_err(store_error(StoreOperation::Reading))?;
        Ok(value.is_string().then(|| rust_text(&value)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(store_error(StoreOperation::Writing))
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        // Not gloo's `delete`, which treats a throwing `removeItem` as unreachable.
        self.storage.remove_item(key).map_err(store_error(StoreOperation::Removing))
    }

    fn text_len(&self, key: &str) -> Result<Option<usize>, StoreError> {
        let value = self.uncopied().get_item_value(key).map_err(store_error(StoreOperation::Reading))?;
        Ok(value.dyn_ref::<js_sys::JsString>().map(|s| s.length() as usize))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let listing = store_error(StoreOperation::ListingKeys);
        let length = self.storage.length().map_err(&listing)?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self.storage.key(i).map_err(&listing)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    fn get_value(&self, key: &str) -> Result<Option<Result<serde_json::Value, String>>, StoreError> {
        match LocalStorage::get::<serde_json::Value>(key) {
            Ok(value) => Ok(Some(Ok(value))),
            Err(StorageError::KeyNotFound(_)) => Ok(None),
            Err(StorageError::SerdeError(e)) => Ok(Some(Err(e.to_string()))),
            Err(e) => Err(from_gloo(StoreOperation::Reading, e)),
        }
    }

    fn set_value(&self, key: &str, value: &serde_json::Value) -> Result<(), StoreError> {
        LocalStorage::set(key, value).map_err(|e| from_gloo(StoreOperation::Writing, e))
    }
}
