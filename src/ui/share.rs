//! "Share & export": the Markdown report, JSON, action items as CSV, due dates as a calendar,
//! print, and a share link (optionally encrypted with a passphrase) — the same link or file a
//! participant sends back to be merged.

use crate::domain::export::{csv::actions_csv, ics::actions_ics, markdown::to_markdown};
use crate::domain::format::link;
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::domain::{encode, Edit, Retrospective};
use crate::ui::context::uid;
use crate::ui::crypto::encrypt;
use crate::ui::platform::{download, file_name, page_address, timed};
use crate::ui::session::RetroSession;
use leptos::prelude::*;

/// `YYYYMMDDTHHMMSSZ` for the calendar's DTSTAMP.
fn utc_stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date(),
        d.get_utc_hours(),
        d.get_utc_minutes(),
        d.get_utc_seconds()
    )
}

/// Copies text to the clipboard; says whether it worked.
pub async fn copy_text(text: String) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The link carrying `compressed` (see `link::compress_text`) as `carries`: encrypted with
/// `passphrase` in this browser unless it is empty. The one way every Retrace link is made.
pub async fn make_link(app: crate::ui::context::AppState, carries: link::Carries, compressed: Vec<u8>, passphrase: String) -> Result<String, String> {
    let payload = if passphrase.is_empty() {
        link::Payload::Plain(compressed)
    } else {
        let (salt, iv, ciphertext) = encrypt(&compressed, &passphrase).await.map_err(|e| e.to_string())?;
        link::Payload::Encrypted { salt, iv, ciphertext }
    };
    let base = if app.embedded { app.app_url.to_string() } else { page_address() };
    link::fragment_for(carries, &payload).map(|fragment| format!("{base}{fragment}")).map_err(|e| e.to_string())
}

#[component]
pub fn SharePanel(dialog: NodeRef<leptos::html::Dialog>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let say = move |text: &str| s.app().announcer.say(text.to_string());
    let title = move || s.doc.with_untracked(|r| r.display_title().to_string());
    let save_file = move |extension: &str, mime: &str, text: String| match download(&file_name(&title(), extension), mime, &text) {
        Ok(()) => say(&tf!("Downloaded the {extension} file.", extension = extension)),
        Err(e) => say(&tf!("Download failed: {error}", error = e)),
    };
    let markdown = move || timed("retrace-export-markdown", || s.seen(to_markdown));

    let my_name = s.memo(move |r| r.author_name(s.app().profile).unwrap_or("").to_string());
    let passphrase = RwSignal::new(String::new());
    let link_text = RwSignal::new(None::<String>);
    let link_problem = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let create_link = move |_| {
        link_problem.set(None);
        link_text.set(None);
        // Accounts are the facilitator's alone: a link never carries them.
        let retro = s.doc.with_untracked(Retrospective::shareable);
        let phrase = passphrase.get_untracked();
        working.set(true);
        leptos::task::spawn_local(async move {
            let made = make_link(s.app(), link::Carries::Retrospective, link::compress(&retro), phrase.clone()).await;
            working.set(false);
            match made {
                Ok(url) => {
                    link_text.set(Some(url));
                    say(if phrase.is_empty() { tr("Link created.") } else { tr("Encrypted link created. Send the passphrase another way.") });
                }
                Err(message) => link_problem.set(Some(message)),
            }
        });
    };
    view! {
        <dialog node_ref=dialog class="dialog share" aria-labelledby=uid("share-title")>
            <h2 id=uid("share-title")>{tr("Share & export")}</h2>
            <section aria-labelledby=uid("export-title") class="share-section">
                <h3 id=uid("export-title")>{tr("Export")}</h3>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| {
                        let text = markdown();
                        leptos::task::spawn_local(async move {
                            say(if copy_text(text).await {
                                tr("Markdown report copied to the clipboard.")
                            } else {
                                tr("The browser did not allow copying; use Download Markdown instead.")
                            });
                        });
                    }>{tr("Copy Markdown")}</button>
                    <button type="button" class="button" on:click=move |_| save_file("md", "text/markdown", markdown())>{tr("Download Markdown")}</button>
                    <button type="button" class="button" on:click=move |_| save_file("json", "application/json", s.doc.with_untracked(|r| encode(&r.shareable())))>{tr("Download JSON")}</button>
                    <button type="button" class="button" on:click=move |_| save_file("csv", "text/csv", s.seen(actions_csv))>{tr("Download actions (CSV)")}</button>
                    <button type="button" class="button" on:click=move |_| save_file("ics", "text/calendar", s.seen(|r| actions_ics(r, &utc_stamp())))>{tr("Download due dates (.ics)")}</button>
                    <button type="button" class="button" on:click=move |_| {
                        if let Some(d) = dialog.get_untracked() { d.close(); }
                        crate::ui::step::print(s, crate::ui::session::Printout::Report);
                    }>{tr("Print report")}</button>
                </div>
            </section>
            <section aria-labelledby=uid("link-title") class="share-section">
                <h3 id=uid("link-title")>{tr("Share as a link")}</h3>
                <p class="hint">{tr("The whole retrospective travels inside the link, after the “#”, which browsers never send to a server. Whoever opens it can add their part and send their version back the same way; you then merge it into yours.")}</p>
                <div class="field">
                    <label for=uid("display-name") class="field-label">{tr("Your name on this retrospective (optional)")}</label>
                    <input id=uid("display-name") type="text" maxlength="80" autocomplete="off" placeholder=tr("Leave empty to stay anonymous")
                        prop:value=move || my_name.get()
                        on:change=move |ev| { s.apply(Edit::DisplayName(event_target_value(&ev))); } />
                </div>
                <div class="field">
                    <label for=uid("link-passphrase") class="field-label">{tr("Passphrase (optional)")}</label>
                    <input id=uid("link-passphrase") type="password" autocomplete="new-password" placeholder=tr("Encrypt the link with a passphrase")
                        prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                </div>
                <div class="button-row">
                    <button type="button" class="button primary" prop:disabled=move || working.get() on:click=create_link>
                        {move || if working.get() { tr("Creating…") } else { tr("Create link") }}
                    </button>
                </div>
                {move || link_problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                {move || link_text.get().map(|url| {
                    let length = url.len();
                    let copy = url.clone();
                    view! {
                        <div class="field">
                            <label for=uid("share-link") class="field-label">{tf!("Link ({n} characters)", n = length)}</label>
                            <textarea id=uid("share-link") readonly rows="3" prop:value=url></textarea>
                        </div>
                        <button type="button" class="button" on:click=move |_| {
                            let text = copy.clone();
                            leptos::task::spawn_local(async move {
                                say(if copy_text(text).await { tr("Link copied.") } else { tr("The browser did not allow copying; select the link and copy it.") });
                            });
                        }>{tr("Copy link")}</button>
                    }
                })}
            </section>
            <form method="dialog" class="button-row">
                <button type="submit" class="button">{tr("Close")}</button>
            </form>
        </dialog>
    }
}
