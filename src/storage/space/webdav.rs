//! A WebDAV folder behind [`SpaceStore`]: `PROPFIND` to list, `GET` and `HEAD` to read, `PUT`
//! with `If-Match` / `If-None-Match: *` to write. What the answers mean is decided in the
//! domain (`sync::webdav`); this file only sends requests and reads headers.
//!
//! Requests go with the browser's own credentials for the server (`include`): on the same
//! origin that is the server's login (a basic prompt, an SSO cookie), so nothing secret is
//! ever stored by Retrace. Caching is off: a cached answer would hide another person's write.

use crate::domain::sync::store::{Condition, Fetched, Listed, LocalFuture, SpaceError, SpaceStore, Version};
use crate::domain::sync::webdav::{error_for_status, files_in, http_date_ms, parse_multistatus, version_without_etag, PROPFIND_BODY};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long one request may take before it counts as "not reachable" (a server that accepts
/// connections but never answers would otherwise hold the sync for good).
const REQUEST_TIMEOUT_MS: i32 = 20_000;

/// A WebDAV folder, by its address (ending in `/`).
pub struct WebDavStore {
    folder: String,
}

impl WebDavStore {
    /// The folder at `address`, already checked by `sync::webdav::folder_address`.
    pub fn new(address: &str) -> WebDavStore {
        WebDavStore { folder: address.to_string() }
    }

    fn file_url(&self, name: &str) -> String {
        let mut url = self.folder.clone();
        // Names are Retrace's own (`retro-<uuid>.json`), but a listing may hold anything.
        for byte in name.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => url.push(byte as char),
                _ => url.push_str(&format!("%{byte:02X}")),
            }
        }
        url
    }

    /// The folder's path, to read a listing's hrefs against.
    fn folder_path(&self) -> String {
        let after_scheme = self.folder.find("://").map_or(0, |at| at + 3);
        self.folder[after_scheme..].find('/').map_or("/".to_string(), |slash| self.folder[after_scheme + slash..].to_string())
    }
}

/// Sends one request; a network failure (offline, refused, CORS, timeout) is "not reachable".
async fn send(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Result<web_sys::Response, SpaceError> {
    let unreachable = |e: JsValue| SpaceError::Unreachable(describe(&e));
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_credentials(web_sys::RequestCredentials::Include);
    let header_map = web_sys::Headers::new().map_err(unreachable)?;
    for (name, value) in headers {
        header_map.set(name, value).map_err(unreachable)?;
    }
    init.set_headers(&header_map);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let controller = web_sys::AbortController::new().map_err(unreachable)?;
    init.set_signal(Some(&controller.signal()));
    let window = web_sys::window().ok_or_else(|| SpaceError::Unreachable("no window".into()))?;
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    let timer = window.set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), REQUEST_TIMEOUT_MS).ok();
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(unreachable)?;
    let answer = JsFuture::from(window.fetch_with_request(&request)).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    answer.map_err(unreachable)?.dyn_into::<web_sys::Response>().map_err(unreachable)
}

async fn text_of(response: &web_sys::Response) -> Result<String, SpaceError> {
    let promise = response.text().map_err(|e| SpaceError::Unreachable(describe(&e)))?;
    let text = JsFuture::from(promise).await.map_err(|e| SpaceError::Unreachable(describe(&e)))?;
    Ok(text.as_string().unwrap_or_default())
}

fn header(response: &web_sys::Response, name: &str) -> Option<String> {
    response.headers().get(name).ok().flatten().filter(|v| !v.is_empty())
}

/// The server's clock when it answered (`Date`), else this browser's: what a modification
/// time is judged against.
fn server_now(response: &web_sys::Response) -> i64 {
    header(response, "Date").and_then(|d| http_date_ms(&d)).unwrap_or_else(|| js_sys::Date::now() as i64)
}

/// The answer's version: its ETag, else its time and size (a server that sends no ETag).
fn version(response: &web_sys::Response) -> Option<Version> {
    header(response, "ETag").map(Version).or_else(|| {
        let modified = header(response, "Last-Modified").and_then(|d| http_date_ms(&d))?;
        let length = header(response, "Content-Length").and_then(|l| l.parse().ok());
        Some(version_without_etag(Some(modified), length, Some(server_now(response))))
    })
}

/// What a write's answer says of the new version: its ETag only (a write's answer has no
/// body to take a length from).
fn written_version(response: &web_sys::Response) -> Option<Version> {
    header(response, "ETag").map(Version)
}

fn failure(response: &web_sys::Response) -> SpaceError {
    error_for_status(response.status(), &response.status_text())
}

fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => error.as_string().unwrap_or_else(|| "network error".into()),
    }
}

impl SpaceStore for WebDavStore {
    fn list(&self) -> LocalFuture<'_, Result<Vec<Listed>, SpaceError>> {
        Box::pin(async move {
            let headers = [("Depth", "1"), ("Content-Type", "application/xml; charset=utf-8")];
            let response = send("PROPFIND", &self.folder, &headers, Some(PROPFIND_BODY)).await?;
            if response.status() != 207 {
                return Err(failure(&response));
            }
            let now = server_now(&response);
            let text = text_of(&response).await?;
            let entries = parse_multistatus(&text).map_err(SpaceError::Other)?;
            Ok(files_in(&self.folder_path(), &entries, Some(now)))
        })
    }

    fn get<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<Option<Fetched>, SpaceError>> {
        Box::pin(async move {
            let response = send("GET", &self.file_url(name), &[], None).await?;
            match response.status() {
                200 => Ok(Some(Fetched { version: version(&response), text: text_of(&response).await? })),
                404 | 410 => Ok(None),
                _ => Err(failure(&response)),
            }
        })
    }

    fn version<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<Option<Version>, SpaceError>> {
        Box::pin(async move {
            let response = send("HEAD", &self.file_url(name), &[], None).await?;
            match response.status() {
                200 => Ok(version(&response)),
                404 | 410 => Ok(None),
                _ => Err(failure(&response)),
            }
        })
    }

    fn put<'a>(&'a self, name: &'a str, text: String, condition: Condition) -> LocalFuture<'a, Result<Option<Version>, SpaceError>> {
        Box::pin(async move {
            let precondition = match &condition {
                Condition::Absent => Some(("If-None-Match", "*".to_string())),
                Condition::At(version) => Some(("If-Match", version.0.clone())),
                Condition::Any => None,
            };
            let mut headers = vec![("Content-Type", "application/json; charset=utf-8")];
            if let Some((header, value)) = &precondition {
                headers.push((header, value.as_str()));
            }
            let response = send("PUT", &self.file_url(name), &headers, Some(&text)).await?;
            match response.status() {
                200 | 201 | 204 => Ok(written_version(&response)),
                _ => Err(failure(&response)),
            }
        })
    }

    fn remove<'a>(&'a self, name: &'a str) -> LocalFuture<'a, Result<(), SpaceError>> {
        Box::pin(async move {
            let response = send("DELETE", &self.file_url(name), &[], None).await?;
            match response.status() {
                200 | 202 | 204 | 404 | 410 => Ok(()),
                _ => Err(failure(&response)),
            }
        })
    }
}
