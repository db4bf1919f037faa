//! A folder on this computer behind [`SpaceStore`], through the File System Access API: one
//! picked with `showDirectoryPicker` (a folder OneDrive, Dropbox, Google Drive or a network
//! share keeps in step between laptops; Chromium and Edge only), or the origin-private file
//! system, which has the same interface. A file's version is its modification time and size.
//!
//! Nothing here is conditional, because a synced folder cannot be: the folder kind of sync
//! (`sync::folder`) only ever writes files of its own. The picked folder's handle is kept in
//! IndexedDB (the only place a browser keeps one), so a reload finds it again; the browser
//! may then want the person's permission again, which only a click can give.

use crate::domain::sync::store::{Condition, Fetched, Listed, LocalFuture, SpaceError, SpaceStore, Version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A folder of files on this computer.
#[derive(Clone)]
pub struct FolderStore {
    dir: web_sys::FileSystemDirectoryHandle,
}

impl FolderStore {
    pub fn new(dir: web_sys::FileSystemDirectoryHandle) -> FolderStore {
        FolderStore { dir }
    }

    /// The handle, for the browser's permission calls.
    pub fn dir(&self) -> &web_sys::FileSystemDirectoryHandle {
        &self.dir
    }

    /// The folder's name, for people.
    pub fn name(&self) -> String {
        self.dir.name()
    }

    async fn file(&self, name: &str) -> Result<Option<web_sys::File>, SpaceError> {
        let handle = match JsFuture::from(self.dir.get_file_handle(name)).await {
            Ok(handle) => handle.unchecked_into::<web_sys::FileSystemFileHandle>(),
            Err(e) if error_name(&e) == "NotFoundError" || error_name(&e) == "TypeMismatchError" => return Ok(None),
            Err(e) => return Err(space_error(&e)),
        };
        let file = JsFuture::from(handle.get_file()).await.map_err(|e| space_error(&e))?;
        Ok(Some(file.unchecked_into()))
    }
}

fn version_of(file: &web_sys::File) -> Version {
    Version(format!("{}-{}", file.last_modified() as i64, file.size() as u64))
}

fn error_name(error: &JsValue) -> String {
    error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default()
}

fn space_error(error: &JsValue) -> SpaceError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => match e.name().as_str() {
            "NotAllowedError" | "SecurityError" => SpaceError::PermissionNeeded,
            "NotFoundError" => SpaceError::FolderMissing,
            "QuotaExceededError" => SpaceError::Full,
            "NoModificationAllowedError" | "InvalidModificationError" => SpaceError::Forbidden,
            name => SpaceError::Other(format!("{name}: {}", e.message())),
        },
        None => SpaceError::Other(error.as_string().unwrap_or_else(|| "file system error".into())),
    }
}

/// Resolves a promise, with the folder's failures as [`SpaceError`]s.
async fn settle(promise: js_sys::Promise) -> Result<JsValue, SpaceError> {
    JsFuture::from(promise).await.map_err(|e| space_error(&e))
}

impl SpaceStore for FolderStore {
    fn list(&self) -> LocalFuture<'_, Result<Vec<Listed>, SpaceError>> {
        Box::pin(async move {
            let entries = self.dir.values();
            let mut listed = vec![];
            loop {
                let next = settle(entries.next().map_err(|e| space_error(&e))?).await?;
                if js_sys::Reflect::get(&next, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
                    break;
                }
                let Ok(handle) = js_sys::Reflect::get(&next, &"value".into()) else { break };
                let handle: web_sys::FileSystemHandle = handle.unchecked_into();
                if handle.kind() != web_sys::FileSystemHandleKind::File {
                    continue;
                }
                let file: web_sys::File = settle(handle.unchecked_into::<web_sys::FileSystemFileHandle>().get_file()).await?.unchecked_into();
                listed.push(Listed {
                    name: file.name(),
                    version: version_of(&file),
                    size: Some(file.size() as u64),
                    modified_ms: Some(file.last_modified() as i64),
                });
            }
            Ok(listed)
        })
    }

    fn get<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<Option<Fetched>, SpaceError>> {
        Box::pin(async move {
            let Some(file) = self.file(name).await? else { return Ok(None) };
            let text = settle(file.text()).await?.as_string().unwrap_or_default();
            Ok(Some(Fetched { text, version: Some(version_of(&file)) }))
        })
    }

    fn version<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<Option<Version>, SpaceError>> {
        Box::pin(async move { Ok(self.file(name).await?.map(|f| version_of(&f))) })
    }

    fn put<'a>(&'a self, name: &'a str, text: String, condition: Condition) -> LocalFuture<'a, Result<Option<Version>, SpaceError>> {
        Box::pin(async move {
            // A folder cannot compare and swap; the check is a courtesy, not a guarantee, and
            // the folder kind of sync asks for none.
            match (&condition, self.file(name).await?) {
                (Condition::Absent, Some(_)) => return Err(SpaceError::Conflict),
                (Condition::At(wanted), current) if current.as_ref().map(version_of).as_ref() != Some(wanted) => return Err(SpaceError::Conflict),
                _ => {}
            }
            let options = web_sys::FileSystemGetFileOptions::new();
            options.set_create(true);
            let handle: web_sys::FileSystemFileHandle = settle(self.dir.get_file_handle_with_options(name, &options)).await?.unchecked_into();
            let writable: web_sys::FileSystemWritableFileStream = settle(handle.create_writable()).await?.unchecked_into();
            settle(writable.write_with_str(&text).map_err(|e| space_error(&e))?).await?;
            settle(writable.close()).await?;
            Ok(None)
        })
    }

    fn remove<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<(), SpaceError>> {
        Box::pin(async move {
            match JsFuture::from(self.dir.remove_entry(name)).await {
                Ok(_) => Ok(()),
                Err(e) if error_name(&e) == "NotFoundError" => Ok(()),
                Err(e) => Err(space_error(&e)),
            }
        })
    }
}

/// Whether this browser can pick a folder on the computer (Chromium and Edge can; Firefox and
/// Safari cannot).
pub fn can_pick_folder() -> bool {
    web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"showDirectoryPicker".into()).ok()).is_some_and(|f| f.is_function())
}

/// Asks the person to pick a folder (needs a click). `Err` says why there is none.
pub async fn pick_folder() -> Result<web_sys::FileSystemDirectoryHandle, String> {
    let window = web_sys::window().ok_or("no window")?;
    let picker: js_sys::Function =
        js_sys::Reflect::get(&window, &"showDirectoryPicker".into()).ok().and_then(|f| f.dyn_into().ok()).ok_or("no folder picker")?;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"mode".into(), &"readwrite".into());
    let _ = js_sys::Reflect::set(&options, &"id".into(), &"retrace-team-space".into());
    let promise: js_sys::Promise = picker.call1(&window, &options).map_err(|e| describe(&e))?.dyn_into().map_err(|e| describe(&e))?;
    let handle = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    handle.dyn_into().map_err(|_| "not a folder".to_string())
}

/// Whether the folder may be read and written now (`Some(false)`: the browser must ask the
/// person first). Handles that have no permission API (the origin-private file system in
/// some browsers) are always usable.
pub async fn permission(dir: &web_sys::FileSystemDirectoryHandle, ask: bool) -> bool {
    let method = if ask { "requestPermission" } else { "queryPermission" };
    let Some(function) = js_sys::Reflect::get(dir, &method.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else { return true };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"mode".into(), &"readwrite".into());
    let Ok(promise) = function.call1(dir, &options).and_then(|p| p.dyn_into::<js_sys::Promise>()) else { return false };
    JsFuture::from(promise).await.ok().and_then(|state| state.as_string()).as_deref() == Some("granted")
}

fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

/// The picked folder's handle, kept in IndexedDB under `key` (one database for Retrace, one
/// entry per storage prefix), so a reload finds the same folder.
pub mod kept {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    const DATABASE: &str = "retrace";
    const STORE: &str = "folders";

    /// Resolves when `request` succeeds (with its result) or fails.
    async fn done(request: &web_sys::IdbRequest) -> Result<JsValue, JsValue> {
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
        });
        JsFuture::from(promise).await?;
        request.result()
    }

    async fn database() -> Result<web_sys::IdbDatabase, JsValue> {
        let factory = web_sys::window().ok_or(JsValue::NULL)?.indexed_db()?.ok_or(JsValue::NULL)?;
        let request = factory.open_with_u32(DATABASE, 1)?;
        let upgrade = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(request) = event.target().and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok()) else { return };
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<web_sys::IdbDatabase>()) {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = done(&request).await;
        request.set_onupgradeneeded(None);
        db?.dyn_into()
    }

    /// Keeps `dir` (or forgets, with `None`) under `key`.
    pub async fn keep(key: &str, dir: Option<&web_sys::FileSystemDirectoryHandle>) -> Result<(), String> {
        let run = async {
            let db = database().await?;
            let store = db.transaction_with_str_and_mode(STORE, web_sys::IdbTransactionMode::Readwrite)?.object_store(STORE)?;
            let request = match dir {
                Some(dir) => store.put_with_key(dir, &key.into())?,
                None => store.delete(&key.into())?,
            };
            done(&request).await.map(|_| ())
        };
        run.await.map_err(|e: JsValue| e.dyn_ref::<web_sys::DomException>().map(|e| e.message()).unwrap_or_else(|| "IndexedDB is not available".into()))
    }

    /// The folder kept under `key`, if any.
    pub async fn find(key: &str) -> Option<web_sys::FileSystemDirectoryHandle> {
        let db = database().await.ok()?;
        let store = db.transaction_with_str(STORE).ok()?.object_store(STORE).ok()?;
        let found = done(&store.get(&key.into()).ok()?).await.ok()?;
        found.dyn_into().ok()
    }
}
