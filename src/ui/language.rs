//! The page's language: which one it starts in, the picker that changes it, and getting each
//! language's catalog — from the page itself (the one-file build carries the catalogs inline,
//! since a file may fetch nothing) or from `i18n/<code>.json` beside the module, fetched once
//! per page and language.
//!
//! One language per page: the catalog the domain's `tr` reads is the page's, so every widget on
//! a page shows the same language, and a change in one redraws them all.

use crate::domain::i18n::{self, tr, Catalog, Lang};
use crate::ui::context::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

// Reference-counted, not owned by any widget: they outlive every mount and unmount, and a
// widget reads them through handles its own owner disposes (see `shown` and `loading`).
thread_local! {
    /// The language every widget on the page shows; it changes only once its catalog is active.
    static SHOWN: ArcRwSignal<Lang> = ArcRwSignal::new(i18n::active());
    /// A language asked for and not shown yet: what is on screen waits for it.
    static LOADING: ArcRwSignal<Option<Lang>> = ArcRwSignal::new(None);
}

/// The language on screen, as a handle owned by the calling component.
pub fn shown() -> RwSignal<Lang> {
    SHOWN.with(|s| RwSignal::from(s.clone()))
}

/// The language being loaded, if any, as a handle owned by the calling component.
pub fn loading() -> RwSignal<Option<Lang>> {
    LOADING.with(|s| RwSignal::from(s.clone()))
}

// A set wakes every reader even with the same value, and the reader of `shown` is each
// widget's whole shell: set only what changes.
fn set_shown(lang: Lang) {
    SHOWN.with(|s| s.maybe_update(|shown| std::mem::replace(shown, lang) != lang));
}

fn set_loading(lang: Option<Lang>) {
    LOADING.with(|s| s.maybe_update(|loading| std::mem::replace(loading, lang) != lang));
}

/// Shows `lang` once its catalog is in; `failed` hears, in English, why it could not be.
pub fn request(lang: Lang, failed: impl FnOnce(String) + 'static) {
    if i18n::active() == lang {
        // Whatever was still loading is no longer wanted.
        set_loading(None);
        set_shown(lang);
        return;
    }
    set_loading(Some(lang));
    leptos::task::spawn_local(async move {
        let result = load(lang, &base_url()).await;
        // A later request wins: only the language still wanted is switched to and shown, so
        // what `tr` reads never differs from the language on screen.
        if LOADING.with(|s| s.get_untracked()) == Some(lang) {
            set_loading(None);
            let before = SHOWN.with(|s| s.get_untracked());
            match result {
                Ok(()) => {
                    i18n::switch_to(lang);
                    set_shown(lang);
                }
                Err(e) => {
                    failed(format!("The {} texts could not be loaded ({e}), so Retrace is shown in {}.", english_name(lang), english_name(before)));
                }
            }
        }
    });
}

/// Said when a catalog cannot be had, which is in English: there is then no other language.
fn english_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::De => "German",
        Lang::Es => "Spanish",
    }
}

/// The folder Retrace was loaded from, as the loader recorded it in `window.Retrace.base`, or
/// the page's own folder.
pub fn base_url() -> String {
    let from_loader = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"Retrace".into()).ok())
        .and_then(|api| js_sys::Reflect::get(&api, &"base".into()).ok())
        .and_then(|b| b.as_string());
    from_loader.unwrap_or_else(|| {
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let href = href.split('#').next().unwrap_or_default();
        href.rsplit_once('/').map(|(dir, _)| format!("{dir}/")).unwrap_or_default()
    })
}

/// The language picker, each language named in itself so anyone finds theirs. The choice is
/// kept in this browser's settings (under the instance's prefix).
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let app = expect_context::<AppState>();
    let shown = shown();
    let id = crate::ui::context::uid("language");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(lang) = Lang::from_tag(&event_target_value(&ev)) else { return };
        if let Err(e) = app.repo.with_value(|r| r.set_language(lang)) {
            app.notice.set(Some(e));
        }
        request(lang, move |problem| {
            let _ = app.notice.try_set(Some(problem));
        });
    };
    view! {
        <span class="language-picker">
            <label for=id.clone() class="sr-only">{tr("Language")}</label>
            <select id=id class="language-select" on:change=on_change>
                {Lang::ALL.map(|lang| view! {
                    <option value=lang.code() lang=lang.code() selected=move || shown.get() == lang>{lang.autonym()}</option>
                })}
            </select>
        </span>
    }
}

/// The browser's preferred languages, most preferred first.
fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return vec![] };
    let listed: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// The language to start in: one chosen in this browser comes first, then the host page's
/// `lang` option, then the browser's own preference; English when none is shipped.
pub fn initial(chosen: Option<Lang>, option: Option<Lang>) -> Lang {
    chosen.or(option).unwrap_or_else(|| Lang::preferred(browser_languages()))
}

/// Loads and keeps the catalog of `lang`, unless it is kept already (English always is).
async fn load(lang: Lang, base: &str) -> Result<(), String> {
    if lang == Lang::En || i18n::is_kept(lang) {
        return Ok(());
    }
    let text = match inline_catalog(lang) {
        Some(text) => text,
        None => match asked_early(lang).await {
            Some(text) => text,
            None => fetch_text(&format!("{base}i18n/{}.json", lang.code())).await?,
        },
    };
    i18n::keep(Catalog::parse(lang, &text).map_err(|e| e.to_string())?);
    Ok(())
}

/// The catalog the loader asked for beside the module (`window.Retrace.catalog`), if it guessed
/// this language and got it.
async fn asked_early(lang: Lang) -> Option<String> {
    let window = web_sys::window()?;
    let early = js_sys::Reflect::get(&js_sys::Reflect::get(&window, &"Retrace".into()).ok()?, &"catalog".into()).ok()?;
    if js_sys::Reflect::get(&early, &"lang".into()).ok()?.as_string()? != lang.code() {
        return None;
    }
    let text: js_sys::Promise = js_sys::Reflect::get(&early, &"text".into()).ok()?.dyn_into().ok()?;
    JsFuture::from(text).await.ok()?.as_string()
}

fn inline_catalog(lang: Lang) -> Option<String> {
    leptos::prelude::document().get_element_by_id(&format!("retrace-catalog-{}", lang.code()))?.text_content()
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let describe = |e: wasm_bindgen::JsValue| match e.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => e.as_string().unwrap_or_else(|| "the request failed".into()),
    };
    let window = web_sys::window().ok_or("there is no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.map_err(describe)?.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("{url} answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().ok_or_else(|| format!("{url} did not answer with text"))
}
