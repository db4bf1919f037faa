//! The browser's `localStorage`, behind [`KeyValueStore`]. Nothing here decides anything: it
//! only translates calls and turns JavaScript exceptions into [`StoreError`]s.

use super::{KeyValueStore, StoreError};
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
}

pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Opens local storage and touches it once: sandboxed frames and storage blocked by policy
    /// throw on `window.localStorage` or on first use, and both must become an error here.
    pub fn open() -> Result<LocalStore, StoreError> {
        let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("there is no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?
            .ok_or_else(|| StoreError::Unavailable("local storage is turned off".into()))?;
        storage.length().map_err(|e| StoreError::Unavailable(describe(&e)))?;
        Ok(LocalStore { storage })
    }
}

fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

fn to_store_error(error: JsValue) -> StoreError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StoreError::QuotaExceeded,
        Some(e) if e.name() == "SecurityError" => StoreError::Unavailable(describe(&error)),
        _ => StoreError::Failed(describe(&error)),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(to_store_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(to_store_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(to_store_error)
    }

    fn text_len(&self, key: &str) -> Result<Option<usize>, StoreError> {
        let value = self.storage.unchecked_ref::<UncopiedStorage>().get_item_value(key).map_err(to_store_error)?;
        Ok(value.dyn_ref::<js_sys::JsString>().map(|s| s.length() as usize))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self.storage.length().map_err(to_store_error)?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self.storage.key(i).map_err(to_store_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
