//! Accounts before the meeting. The facilitator asks (`ask.rs`: a request link or file); each
//! person writes theirs on their own device (`write.rs`) and sends it back; the facilitator
//! attaches each reply (`reply.rs`) and reads them side by side (`side.rs`), turning differences
//! into open questions. Accounts are private to the facilitator: this section is not shown in
//! presenter mode or while the screen is marked safe to share, the audience window never shows
//! it, and links, files and exports leave accounts out (`Retrospective::shareable`).

mod ask;
pub mod reply;
mod side;
pub mod write;

use crate::domain::i18n::{tr, trn};
use crate::ui::context::uid;
use crate::ui::session::RetroSession;
use crate::ui::share::copy_text;
use leptos::prelude::*;

/// The facilitator's accounts panel in *What happened*.
#[component]
pub fn AccountsSection() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let presenter = s.memo(|r| r.facilitation.presenter.value);
    let safe = s.safe_to_share;
    let accounts = s.memo(|r| r.accounts.len());
    let ask = NodeRef::<leptos::html::Dialog>::new();
    let side = NodeRef::<leptos::html::Dialog>::new();
    let side_open = RwSignal::new(false);
    let open = |dialog: NodeRef<leptos::html::Dialog>| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    view! {
        <Show when=move || !presenter.get() && !safe.get()>
            <section class="card accounts-panel" aria-labelledby=uid("accounts-title")>
                <h3 id=uid("accounts-title")>{tr("Accounts before the meeting")}</h3>
                <p class="hint">{tr("Ask each person for their own account: what they saw, knew, expected and did. Accounts are yours alone: never shown in presenter mode or the audience window, and left out of links, files and exports.")}</p>
                <p class="accounts-count">{move || match accounts.get() {
                    0 => tr("No accounts attached yet.").to_string(),
                    n => trn("{n} account attached.", "{n} accounts attached.", n),
                }}</p>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| open(ask)>{tr("Ask for accounts…")}</button>
                    <button type="button" class="button" prop:disabled=move || accounts.get() == 0 on:click=move |_| { side_open.set(true); open(side); }>{tr("Side by side")}</button>
                </div>
            </section>
        </Show>
        <ask::AskDialog dialog=ask />
        <side::SideBySideDialog dialog=side open=side_open />
    }
}

/// A link made for someone to open, with its copy button and a file to send instead.
/// `name` makes the field's id (`request-link`, `reply-link`), the same in every language.
#[component]
fn LinkBox(#[prop(into)] label: String, name: &'static str, link: String, #[prop(into)] on_download: Callback<()>) -> impl IntoView {
    let announcer = expect_context::<crate::ui::context::AppState>().announcer;
    let id = uid(&format!("link-{name}"));
    let copied = link.clone();
    view! {
        <div class="field link-box">
            <label for=id.clone() class="field-label">{label}</label>
            <input id=id type="text" readonly prop:value=link on:focus=|ev| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                input.select();
            } />
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| {
                    let text = copied.clone();
                    leptos::task::spawn_local(async move {
                        announcer.say(if copy_text(text).await {
                            tr("Link copied to the clipboard.")
                        } else {
                            tr("The browser did not allow copying; select the link and copy it, or send the file.")
                        });
                    });
                }>{tr("Copy link")}</button>
                <button type="button" class="button" on:click=move |_| on_download.run(())>{tr("Download as a file")}</button>
            </div>
        </div>
    }
}

/// An optional passphrase for a request or a reply link.
#[component]
fn PassphraseField(id: String, value: RwSignal<String>, #[prop(into)] on_input: Callback<()>, hint: &'static str) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone() class="field-label">{tr("Passphrase (optional)")}</label>
            <input id=id type="password" autocomplete="new-password" aria-describedby=hint_id.clone()
                prop:value=move || value.get() on:input=move |ev| { value.set(event_target_value(&ev)); on_input.run(()); } />
            <p class="hint" id=hint_id>{hint}</p>
        </div>
    }
}
