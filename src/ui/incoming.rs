//! A retrospective arriving from outside — a share link or an imported file. It is previewed,
//! and nothing is stored until the person chooses: save it, merge it into their copy, or open
//! it as a new retrospective. Every failure says what happened and changes nothing.

use crate::domain::format::accounts::{account_link_kind, account_link_text, read_account_document, AccountDocument};
use crate::domain::format::link::{self, LinkError, Payload};
use crate::domain::format::{self, FormatError, Limits};
use crate::domain::AccountDraft;
use crate::domain::{merge_retrospectives, Retrospective};
use crate::storage::LoadError;
use crate::ui::accounts::reply::ReplyPreview;
use crate::ui::accounts::write::WriteAccount;
use crate::ui::context::uid;
use crate::ui::context::{AppState, Incoming, Route};
use crate::ui::crypto::decrypt;
use crate::ui::platform::new_id;
use crate::ui::widgets::count;
use leptos::prelude::*;

/// Reads a picked or dropped file into `state.incoming`, refusing oversized files unread.
pub fn receive_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let limit = Limits::default().max_bytes as f64;
    if file.size() > limit {
        state.incoming.set(Some(Incoming::Refused(format!(
            "“{name}” is {:.1} MB; Retrace imports files up to {:.0} MB. Nothing was changed.",
            file.size() / 1_048_576.0,
            limit / 1_048_576.0
        ))));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
        state.incoming.set(Some(match text {
            Some(text) => Incoming::File { name, text },
            None => Incoming::Refused(format!("“{name}” could not be read as text. Nothing was changed.")),
        }));
    });
}

fn finish(state: AppState, route: Route) {
    state.leave_incoming(route);
}

/// A request for accounts or a reply, if that is what arrived (by its link or its marker).
fn account_document(incoming: &Incoming) -> Option<Result<AccountDocument, String>> {
    match incoming {
        Incoming::Link(fragment) if account_link_kind(fragment).is_some() => {
            Some(account_link_text(fragment).map_err(|e| link_message(&e)).and_then(|(_, text)| {
                read_account_document(&text).unwrap_or(Err(FormatError::NotRetrace { found: None })).map_err(|e| format!("{e} Nothing was changed."))
            }))
        }
        Incoming::File { name, text } => read_account_document(text).map(|read| read.map_err(|e| format!("“{name}” was not opened: {e} Nothing was changed."))),
        _ => None,
    }
}

#[component]
pub fn IncomingScreen(incoming: Incoming) -> impl IntoView {
    let state = expect_context::<AppState>();
    match account_document(&incoming) {
        Some(Ok(AccountDocument::Request(request))) => {
            // Opened before: go on with the account written so far.
            let stored = state.repo.with_value(|r| r.load_draft(request.request)).ok().flatten();
            return match stored {
                Some(Ok(draft)) => view! { <WriteAccount draft stored=true /> }.into_any(),
                Some(Err(e)) => view! {
                    <p class="banner banner-warning" role="alert">{format!("An account for this request is stored in this browser but cannot be read ({e}); it is left as it is. Nothing was changed.")}</p>
                }
                .into_any(),
                None => view! { <WriteAccount draft=AccountDraft::new(request, new_id(), state.replica) stored=false /> }.into_any(),
            };
        }
        Some(Ok(AccountDocument::Reply(reply))) => {
            return view! { <ReplyPreview reply /> }.into_any();
        }
        Some(Err(message)) => {
            return view! {
                <section class="incoming card">
                    <p class="banner banner-warning" role="alert">{message}</p>
                    <button type="button" class="button primary" on:click=move |_| finish(state, Route::Home)>"Back to all retrospectives"</button>
                </section>
            }
            .into_any();
        }
        None => {}
    }
    // The decoded document, or why it cannot be opened.
    let decoded = RwSignal::new(None::<Result<Retrospective, String>>);
    let needs_passphrase = RwSignal::new(None::<(Vec<u8>, Vec<u8>, Vec<u8>)>);
    let source = match &incoming {
        Incoming::Link(_) => "link",
        _ => "file",
    };
    match incoming {
        Incoming::Refused(message) => decoded.set(Some(Err(message))),
        Incoming::File { name, text } => decoded.set(Some(format::decode(&text).map_err(|e| format!("“{name}” was not imported: {e} Nothing was changed.")))),
        Incoming::Link(fragment) => match link::parse(&fragment) {
            Ok(Payload::Plain(bytes)) => decoded.set(Some(link::decompress(&bytes).map_err(|e| link_message(&e)))),
            Ok(Payload::Encrypted { salt, iv, ciphertext }) => needs_passphrase.set(Some((salt, iv, ciphertext))),
            Err(e) => decoded.set(Some(Err(link_message(&e)))),
        },
    }
    let passphrase = RwSignal::new(String::new());
    let passphrase_problem = RwSignal::new(None::<String>);
    let unlocking = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((salt, iv, ciphertext)) = needs_passphrase.get_untracked() else { return };
        let phrase = passphrase.get_untracked();
        unlocking.set(true);
        leptos::task::spawn_local(async move {
            let result = decrypt(&salt, &iv, &ciphertext, &phrase).await;
            unlocking.set(false);
            match result {
                Ok(bytes) => {
                    needs_passphrase.set(None);
                    decoded.set(Some(link::decompress(&bytes).map_err(|e| link_message(&e))));
                }
                Err(e) => {
                    passphrase_problem.set(Some(e.to_string()));
                    state.announcer.say(e.to_string());
                }
            }
        });
    };
    view! {
        <section class="incoming" aria-labelledby=uid("incoming-title")>
            <h1 id=uid("incoming-title")>{format!("A retrospective from a {source}")}</h1>
            <p class="hint">"Nothing is saved until you choose what to do with it."</p>
            <Show when=move || needs_passphrase.get().is_some()>
                <form class="card passphrase-form" on:submit=unlock>
                    <p>"This link is encrypted. Enter the passphrase you were given."</p>
                    <div class="field">
                        <label for=uid("incoming-passphrase") class="field-label">"Passphrase"</label>
                        <input id=uid("incoming-passphrase") type="password" autocomplete="off" required
                            prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                    </div>
                    {move || passphrase_problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                    <div class="button-row">
                        <button type="submit" class="button primary" prop:disabled=move || unlocking.get()>
                            {move || if unlocking.get() { "Opening…" } else { "Open" }}
                        </button>
                        <button type="button" class="button quiet" on:click=move |_| finish(state, Route::Home)>"Cancel"</button>
                    </div>
                </form>
            </Show>
            {move || decoded.get().map(|result| match result {
                Err(message) => view! {
                    <div class="card">
                        <p class="banner banner-warning" role="alert">{message}</p>
                        <button type="button" class="button primary" on:click=move |_| finish(state, Route::Home)>"Back to all retrospectives"</button>
                    </div>
                }.into_any(),
                Ok(theirs) => view! { <Preview theirs /> }.into_any(),
            })}
        </section>
    }
    .into_any()
}

fn link_message(e: &LinkError) -> String {
    format!("{e} Nothing was changed.")
}

#[component]
fn Preview(theirs: Retrospective) -> impl IntoView {
    let state = expect_context::<AppState>();
    let mine = state.repo.with_value(|repo| repo.load(theirs.id));
    let have_it = mine.is_ok();
    let damaged_copy = matches!(mine, Err(LoadError::Damaged(_)));
    let names: Vec<String> = theirs.authors.values().map(|n| n.value.trim().to_string()).filter(|n| !n.is_empty()).collect();
    let facts = format!(
        "{} · {} · {} · {} · {}",
        theirs.template.label(),
        count(theirs.timeline.len(), "timeline entry", "timeline entries"),
        count(theirs.factor_order().len(), "factor", "factors"),
        count(theirs.actions.len(), "action", "actions"),
        count(theirs.learnings.len(), "note", "notes")
    );
    let problem = RwSignal::new(None::<String>);
    let theirs_for_save = theirs.clone();
    let theirs_for_copy = theirs.clone();
    let theirs_for_merge = theirs.clone();
    let save_as_is = move |_| {
        let mut retro = theirs_for_save.clone();
        // Saving it is the person's choice, even if this browser deleted it once.
        match state.repo.with_value(|repo| repo.restore(&mut retro)) {
            Ok(_) => {
                state.announcer.say(format!("Saved “{}” to this browser.", retro.display_title()));
                finish(state, Route::Retro(retro.id));
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let open_as_new = move |_| {
        let writer = state.writer();
        let original = &theirs_for_copy;
        let mut copy = original.duplicate(new_id(), original.copy_title(), &writer);
        match state.repo.with_value(|repo| repo.save(&mut copy)) {
            Ok(_) => {
                state.announcer.say("Opened as a new retrospective.");
                finish(state, Route::Retro(copy.id));
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let merge = move |_| {
        // The ids match (that is how this copy was found), so the merge cannot be refused.
        let result = state
            .repo
            .with_value(|repo| repo.update(theirs_for_merge.id, |mine| merge_retrospectives(mine, &theirs_for_merge).unwrap_or_default()))
            .map(|(report, mine)| report.describe_by(&mine));
        match result {
            Ok(summary) => {
                state.notice.set(Some(summary.clone()));
                state.announcer.say(summary);
                finish(state, Route::Retro(theirs_for_merge.id));
            }
            Err(e) => problem.set(Some(format!("Not merged: {e}. Nothing was changed."))),
        }
    };
    view! {
        <article class="card preview" aria-labelledby=uid("preview-title")>
            <h2 id=uid("preview-title")>{theirs.display_title().to_string()}</h2>
            <p class="meta">{facts}</p>
            {(!names.is_empty()).then(|| view! { <p class="meta">{format!("Contributors: {}", names.join(", "))}</p> })}
            {have_it.then(|| view! { <p>"You already have this retrospective. Merging keeps everything both copies contain; where the same field was edited in both, the later edit wins."</p> })}
            {damaged_copy.then(|| view! { <p class="banner banner-warning">"Your stored copy of this retrospective cannot be read, so it will not be merged or replaced. You can open this one as a new retrospective."</p> })}
            {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
            <div class="button-row">
                {if have_it {
                    view! {
                        <button type="button" class="button primary" on:click=merge>"Merge into mine"</button>
                        <button type="button" class="button" on:click=open_as_new>"Open as a new retrospective"</button>
                    }.into_any()
                } else if damaged_copy {
                    view! { <button type="button" class="button primary" on:click=open_as_new>"Open as a new retrospective"</button> }.into_any()
                } else {
                    view! { <button type="button" class="button primary" on:click=save_as_is>"Open as a new retrospective"</button> }.into_any()
                }}
                <button type="button" class="button quiet" on:click=move |_| finish(state, Route::Home)>"Cancel"</button>
            </div>
        </article>
    }
}
