//! Asking for accounts: one request, as a link or a file, for everyone. It carries the title,
//! the impact, the timeline so far and whether names are asked for; nothing else of the
//! retrospective.

use super::LinkBox;
use super::PassphraseField;
use crate::domain::format::accounts::encode_request;
use crate::domain::format::link::{compress_text, Carries};
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::ui::context::uid;
use crate::ui::platform::{download, file_name, new_id};
use crate::ui::session::RetroSession;
use crate::ui::share::make_link;
use leptos::prelude::*;

#[component]
pub fn AskDialog(dialog: NodeRef<leptos::html::Dialog>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let anonymous = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    // The request made: its link (or why there is none) and its file text.
    let made = RwSignal::new(None::<(Result<String, String>, String)>);
    let passphrase = RwSignal::new(String::new());
    let make = move |_| {
        let request = s.doc.with_untracked(|r| r.account_request(new_id(), anonymous.get_untracked(), &note.get_untracked()));
        let text = encode_request(&request);
        let phrase = passphrase.get_untracked();
        leptos::task::spawn_local(async move {
            let link = make_link(s.app(), Carries::Request, compress_text(&text), phrase.clone())
                .await
                .map_err(|e| tf!("{problem} Send the file instead.", problem = e));
            made.set(Some((link, text)));
            s.app().announcer.say(if phrase.is_empty() {
                tr("Request for accounts made.")
            } else {
                tr("Encrypted request made. Send the passphrase another way.")
            });
        });
    };
    let save = move || {
        let Some((_, text)) = made.get_untracked() else { return };
        let title = s.doc.with_untracked(|r| r.display_title().to_string());
        if let Err(e) = download(&file_name(&format!("{title} account request"), "json"), "application/json", &text) {
            s.app().announcer.say(tf!("Download failed: {error}", error = e));
        }
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        made.set(None);
    };
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby=uid("ask-title")>
            <h2 id=uid("ask-title")>{tr("Ask for accounts")}</h2>
            <p class="hint">{tr("One request for everyone. It carries the title, the impact and the timeline so far, and asks each person what they saw, knew, expected and did at each moment, what the timeline lacks, and what surprised them. Their replies come back to you as links or files.")}</p>
            <label class="check">
                <input type="checkbox" prop:checked=move || anonymous.get() on:change=move |ev| { anonymous.set(event_target_checked(&ev)); made.set(None); } />
                {tr(" Anonymous: ask for no names (accounts show as “Participant 1”, “Participant 2”…)")}
            </label>
            <div class="field">
                <label for=uid("ask-note") class="field-label">{tr("A note for them (optional)")}</label>
                <textarea id=uid("ask-note") rows="2" placeholder=tr("By when, and why it helps")
                    prop:value=move || note.get() on:input=move |ev| { note.set(event_target_value(&ev)); made.set(None); }></textarea>
            </div>
            <PassphraseField id=uid("ask-passphrase") value=passphrase on_input=move |_| made.set(None)
                hint=tr("Encrypts the link (not the file). Each person needs it to open the request, and their reply is encrypted with it too.") />
            {move || match made.get() {
                None => view! { <button type="button" class="button primary" on:click=make>{tr("Make the request")}</button> }.into_any(),
                Some((Ok(link), _)) => view! { <LinkBox label=tr("Request link") name="request-link" link on_download=move |_| save() /> }.into_any(),
                Some((Err(problem), _)) => view! {
                    <p class="banner banner-warning" role="alert">{problem}</p>
                    <button type="button" class="button" on:click=move |_| save()>{tr("Download as a file")}</button>
                }.into_any(),
            }}
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| close()>{tr("Close")}</button>
            </div>
        </dialog>
    }
}
