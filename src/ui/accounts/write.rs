//! Writing one's own account, on one's own device: a calm page with the timeline so far and, at
//! each moment, what you saw, knew, expected and did; moments the timeline lacks; the story in
//! your words; what surprised you. It saves in this browser as you type (under the request, so
//! you can come back to it) and is sent back as a reply link or file that carries only the
//! account.

use super::{LinkBox, PassphraseField};
use crate::domain::format::accounts::encode_reply;
use crate::domain::format::link::{compress_text, Carries};
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::domain::{AccountBody, AccountDraft, AddedMoment, Id, Prompt};
use crate::ui::context::{uid, AppState, Route};
use crate::ui::platform::{download, file_name};
use crate::ui::share::make_link;
use crate::ui::widgets::DateTimeField;
use leptos::prelude::*;

/// The account page for a draft that is stored (`stored`) or, from a request just opened, not
/// yet: it is stored at the first word written, and the address then names it. A request
/// opened with a passphrase makes its reply with the same one (it is kept on this page only,
/// never stored).
#[component]
pub fn WriteAccount(draft: AccountDraft, stored: bool, #[prop(optional)] passphrase: Option<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let request = draft.request.clone();
    let request_id = request.request;
    let draft = RwSignal::new(draft);
    let stored = RwSignal::new(stored);
    let problem = RwSignal::new(None::<String>);
    let reply = RwSignal::new(None::<Result<String, String>>);
    let edit = move |change: Box<dyn FnOnce(&mut AccountBody)>| {
        draft.update(|d| d.edit(change, state.replica));
        reply.set(None);
        let saved = draft.with_untracked(|d| state.repo.with_value(|r| r.save_draft(d)));
        match saved {
            Ok(()) => {
                problem.set(None);
                if !stored.get_untracked() {
                    stored.set(true);
                    if !state.embedded {
                        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&Route::Account(request_id).to_hash()));
                        }
                    }
                }
            }
            Err(e) => problem.set(Some(tf!(
                "Your account could not be saved in this browser ({error}). It is still on this page: send it back before you close it.",
                error = e
            ))),
        }
    };
    let body = move |read: fn(&AccountBody) -> String| Signal::derive(move || draft.with(|d| read(&d.body.value)));
    let from_request = passphrase.as_deref().is_some_and(|p| !p.is_empty());
    let passphrase = RwSignal::new(passphrase.unwrap_or_default());
    let make_reply = move |_| {
        let text = draft.with_untracked(|d| encode_reply(&d.reply()));
        let phrase = passphrase.get_untracked();
        leptos::task::spawn_local(async move {
            let made = make_link(state, Carries::Reply, compress_text(&text), phrase).await.map_err(|e| tf!("{problem} Send the file instead.", problem = e));
            reply.set(Some(made));
            state.announcer.say(tr("Reply made: send the link or the file to the person who asked."));
        });
    };
    let save_file = move || {
        let text = draft.with_untracked(|d| encode_reply(&d.reply()));
        let title = draft.with_untracked(|d| d.request.title.clone());
        if let Err(e) = download(&file_name(&format!("{title} account"), "json"), "application/json", &text) {
            state.announcer.say(tf!("Download failed: {error}", error = e));
        }
    };
    let anonymous = request.anonymous;
    let moments = request.moments.clone();
    state.set_title(&tf!("Your account: {title}", title = request.title));
    view! {
        <article class="write-account" aria-labelledby=uid("write-title")>
            <h1 id=uid("write-title")>{tf!("Your account: {title}", title = request.title)}</h1>
            {(!request.note.is_empty()).then(|| view! { <p class="account-note">{request.note.clone()}</p> })}
            {(!request.impact.is_empty()).then(|| view! { <p><span class="example-label">{tr("Impact: ")}</span>{request.impact.clone()}</p> })}
            <p class="hint">{tr("Write what you saw, knew, expected and did, as you remember it. There are no wrong answers: the review asks how things made sense at the time, not who did what. Everything is optional. It stays in this browser until you send it back.")}</p>
            {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
            {if anonymous {
                view! { <p class="hint">{tr("This request is anonymous: no name is sent, and your account is shown as “Participant 1”, “Participant 2”… Leave out what would identify you if you prefer.")}</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for=uid("write-name") class="field-label">{tr("Your name (optional)")}</label>
                        <input id=uid("write-name") type="text" autocomplete="off" prop:value=body(|b| b.name.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |b| b.name = v)); } />
                    </div>
                }.into_any()
            }}
            <h2>{tr("The timeline so far")}</h2>
            {if moments.is_empty() { Some(view! { <p class="hint">{tr("The timeline is empty so far: tell it in your own words below, or add the moments you remember.")}</p> }) } else { None }}
            <ol class="account-moments">
                {moments.into_iter().map(|m| {
                    let when = m.when.map(|w| {
                        w.shown()
                    });
                    let heading = format!("{} {}", when.unwrap_or_default(), m.what).trim().to_string();
                    let entry = m.id;
                    view! {
                        <li class="card account-moment">
                            <fieldset>
                                <legend>{heading}</legend>
                                {Prompt::ALL.iter().map(|prompt| {
                                    let prompt = *prompt;
                                    let id = uid(&format!("write-{entry}-{}", prompt.key()));
                                    view! {
                                        <div class="field">
                                            <label for=id.clone() class="field-label">{prompt.question()}</label>
                                            <textarea id=id rows="2"
                                                prop:value=move || draft.with(|d| d.body.value.moments.get(&entry).map(|n| n.get(prompt).to_string()).unwrap_or_default())
                                                on:input=move |ev| {
                                                    let v = event_target_value(&ev);
                                                    edit(Box::new(move |b| {
                                                        b.moments.entry(entry).or_default().set(prompt, v);
                                                        b.moments.retain(|_, n| !n.is_empty());
                                                    }));
                                                }></textarea>
                                        </div>
                                    }
                                }).collect_view()}
                            </fieldset>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <AddedMoments draft edit />
            <div class="field">
                <label for=uid("write-narrative") class="field-label">{tr("In your own words")}</label>
                <textarea id=uid("write-narrative") rows="5" placeholder=tr("How it went for you, from the start")
                    prop:value=body(|b| b.narrative.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |b| b.narrative = v)); }></textarea>
            </div>
            <div class="field">
                <label for=uid("write-surprised") class="field-label">{tr("What surprised you?")}</label>
                <textarea id=uid("write-surprised") rows="3"
                    prop:value=body(|b| b.surprised.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |b| b.surprised = v)); }></textarea>
            </div>
            <p class="save-state" role="status">{move || if stored.get() { tr("Saved in this browser.") } else { tr("Nothing written yet.") }}</p>
            <section class="card" aria-labelledby=uid("send-title")>
                <h2 id=uid("send-title")>{tr("Send it back")}</h2>
                <p class="hint">{tr("The reply carries your account only. Send it to the person who asked; you can send a newer one later, and it replaces this one.")}</p>
                <PassphraseField id=uid("reply-passphrase") value=passphrase on_input=move |_| reply.set(None)
                    hint=if from_request {
                        tr("The request came encrypted: the reply uses the same passphrase unless you change it.")
                    } else {
                        tr("Encrypts the reply link (not the file). Use the passphrase the request came with, if it had one.")
                    } />
                {move || match reply.get() {
                    None => view! { <button type="button" class="button primary" on:click=make_reply>{tr("Make the reply")}</button> }.into_any(),
                    Some(Ok(link)) => view! { <LinkBox label=tr("Reply link") name="reply-link" link on_download=move |_| save_file() /> }.into_any(),
                    Some(Err(problem)) => view! {
                        <p class="banner banner-warning" role="alert">{problem}</p>
                        <button type="button" class="button" on:click=move |_| save_file()>{tr("Download as a file")}</button>
                    }.into_any(),
                }}
            </section>
        </article>
    }
}

/// Moments someone remembers that the timeline lacks: a time and a line each.
#[component]
fn AddedMoments(draft: RwSignal<AccountDraft>, edit: impl Fn(Box<dyn FnOnce(&mut AccountBody)>) + Copy + Send + Sync + 'static) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|d| d.body.value.added.len()));
    view! {
        <section class="account-added" aria-labelledby=uid("added-title")>
            <h2 id=uid("added-title")>{tr("What the timeline lacks")}</h2>
            <ol class="account-added-list">
                <For each=move || 0..count.get() key=|i| *i let(i)>
                    <li class="card">
                        <DateTimeField label=tf!("When (moment {n})", n = i + 1) id=uid(&format!("added-when-{i}"))
                            value=Signal::derive(move || draft.with(|d| d.body.value.added.get(i).and_then(|m| m.when)))
                            on_change=move |v| edit(Box::new(move |b| if let Some(m) = b.added.get_mut(i) { m.when = v; })) />
                        <div class="field">
                            <label for=uid(&format!("added-what-{i}")) class="field-label">{tf!("What happened (moment {n})", n = i + 1)}</label>
                            <textarea id=uid(&format!("added-what-{i}")) rows="2"
                                prop:value=move || draft.with(|d| d.body.value.added.get(i).map(|m| m.what.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |b| if let Some(m) = b.added.get_mut(i) { m.what = v; })); }></textarea>
                        </div>
                    </li>
                </For>
            </ol>
            <button type="button" class="button quiet small" on:click=move |_| edit(Box::new(|b| b.added.push(AddedMoment { when: None, what: String::new() })))>
                {tr("+ Add a moment the timeline lacks")}
            </button>
        </section>
    }
}

/// `#/account/<request>`: a stored draft, or why it cannot be opened.
#[component]
pub fn AccountScreen(request: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    match state.repo.with_value(|r| r.load_draft(request)) {
        Ok(Some(Ok(draft))) => view! { <WriteAccount draft stored=true /> }.into_any(),
        Ok(Some(Err(e))) => view! {
            <p class="banner banner-warning" role="alert">{tf!("The account stored for this request cannot be read ({error}). It is left as it is; open the request link again to start another.", error = e)}</p>
        }.into_any(),
        Ok(None) => view! { <p class="banner banner-info" role="status">{tr("There is no account for this request in this browser. Open the request link you were sent to write one.")}</p> }.into_any(),
        Err(e) => view! { <p class="banner banner-warning" role="alert">{tf!("Storage cannot be read: {error}", error = e)}</p> }.into_any(),
    }
}
