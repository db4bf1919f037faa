//! A retrospective arriving from outside — a share link or an imported file. It is previewed,
//! and nothing is stored until the person chooses: save it, merge it into their copy, or open
//! it as a new retrospective. Every failure says what happened and changes nothing.

use crate::domain::change::restore::{plan_restore, RestorePlan};
use crate::domain::format::accounts::{read_account_document, AccountDocument};
use crate::domain::format::backup::{decode_backup, BackupError, MAX_BACKUP_BYTES};
use crate::domain::format::link::{self, Carries, LinkError, Payload};
use crate::domain::format::template_file::{decode_template, TemplateFileError, TemplateRead};
use crate::domain::format::{self, FormatError};
use crate::domain::i18n::{decimal, tr, trc, trn};
use crate::domain::tf;
use crate::domain::{merge_retrospectives, Retrospective};
use crate::domain::{AccountDraft, AccountRequest};
use crate::storage::LoadError;
use crate::ui::accounts::reply::ReplyPreview;
use crate::ui::accounts::write::WriteAccount;
use crate::ui::context::uid;
use crate::ui::context::{AppState, Incoming, Route};
use crate::ui::crypto::decrypt;
use crate::ui::platform::new_id;
use crate::ui::restore::RestorePreview;
use crate::ui::templates::arrived::TemplateArrived;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Reads a picked or dropped file into `state.incoming`, refusing oversized files unread.
pub fn receive_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    // A backup may be far larger than one retrospective; each reader checks its own limit.
    let limit = MAX_BACKUP_BYTES as f64;
    if file.size() > limit {
        state.incoming.set(Some(Incoming::Refused(tf!(
            "“{name}” is {size} MB; Retrace imports files up to {limit} MB. Nothing was changed.",
            name = name,
            size = decimal(file.size() / 1_048_576.0, 1),
            limit = decimal(limit / 1_048_576.0, 0)
        ))));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
        state.incoming.set(Some(match text {
            Some(text) => Incoming::File { name, text },
            None => Incoming::Refused(tf!("“{name}” could not be read as text. Nothing was changed.", name = name)),
        }));
    });
}

fn finish(state: AppState, route: Route) {
    state.leave_incoming(route);
}

/// What arrived, once read (and, for an encrypted link, decrypted).
#[derive(Clone)]
enum Arrived {
    /// A retrospective: previewed, then saved or merged.
    Retro(Box<Retrospective>),
    /// A request for accounts or a reply.
    Account(AccountDocument),
    /// A backup, with what restoring it would do here, when it was made, and its settings.
    Backup(RestorePlan, i64, BTreeMap<String, serde_json::Value>),
    /// An own template, previewed before it is added.
    Template(TemplateRead),
}

/// Reads a link's plain (or decrypted) payload as what its fragment says it carries.
fn read_payload(carries: Carries, bytes: &[u8]) -> Result<Arrived, String> {
    match carries {
        Carries::Retrospective => link::decompress(bytes).map(|r| Arrived::Retro(Box::new(r))).map_err(|e| link_message(&e)),
        Carries::Request | Carries::Reply => {
            let text = link::inflate_text(bytes).map_err(|e| link_message(&e))?;
            read_account_document(&text)
                .unwrap_or(Err(FormatError::NotRetrace { found: None }))
                .map(Arrived::Account)
                .map_err(|e| tf!("{problem} Nothing was changed.", problem = e))
        }
    }
}

/// A file: a backup, a template or an account document by its marker, else a retrospective.
fn read_file(state: AppState, name: &str, text: &str) -> Result<Arrived, String> {
    match decode_backup(text) {
        Ok(read) => {
            let (created_at, settings) = (read.created_at, read.settings.clone());
            let plan = state.repo.with_value(|r| plan_restore(read, |id| r.load(id).ok(), |id| r.template(id)));
            return Ok(Arrived::Backup(plan, created_at, settings));
        }
        Err(BackupError::NotABackup { .. } | BackupError::NotJson(_)) => {}
        Err(e) => return Err(tf!("“{name}” was not restored: {problem} Nothing was changed.", name = name, problem = e)),
    }
    match decode_template(text) {
        Ok(read) => return Ok(Arrived::Template(read)),
        Err(TemplateFileError::NotATemplate { .. } | TemplateFileError::NotJson(_)) => {}
        Err(e) => return Err(tf!("“{name}” was not imported: {problem} Nothing was changed.", name = name, problem = e)),
    }
    match read_account_document(text) {
        Some(read) => read.map(Arrived::Account).map_err(|e| tf!("“{name}” was not opened: {problem} Nothing was changed.", name = name, problem = e)),
        None => format::decode(text)
            .map(|r| Arrived::Retro(Box::new(r)))
            .map_err(|e| tf!("“{name}” was not imported: {problem} Nothing was changed.", name = name, problem = e)),
    }
}

/// The request's account page: the account written so far in this browser, or a new one.
fn write_account(state: AppState, request: AccountRequest, passphrase: Option<String>) -> AnyView {
    match state.repo.with_value(|r| r.load_draft(request.request)).ok().flatten() {
        Some(Ok(draft)) => view! { <WriteAccount draft stored=true passphrase=passphrase.unwrap_or_default() /> }.into_any(),
        Some(Err(e)) => view! {
            <p class="banner banner-warning" role="alert">{tf!("An account for this request is stored in this browser but cannot be read ({problem}); it is left as it is. Nothing was changed.", problem = e)}</p>
        }
        .into_any(),
        None => view! { <WriteAccount draft=AccountDraft::new(request, new_id(), state.replica) stored=false passphrase=passphrase.unwrap_or_default() /> }.into_any(),
    }
}

#[component]
pub fn IncomingScreen(incoming: Incoming) -> impl IntoView {
    let state = expect_context::<AppState>();
    let arrived = RwSignal::new(None::<Result<Arrived, String>>);
    let needs_passphrase = RwSignal::new(None::<(Carries, Vec<u8>, Vec<u8>, Vec<u8>)>);
    let unlocked_with = StoredValue::new(None::<String>);
    let (from_link, carries) = match &incoming {
        Incoming::Link(fragment) => (true, link::carries(fragment).map_or(Carries::Retrospective, |(c, _)| c)),
        _ => (false, Carries::Retrospective),
    };
    match incoming {
        Incoming::Refused(message) => arrived.set(Some(Err(message))),
        Incoming::File { name, text } => arrived.set(Some(read_file(state, &name, &text))),
        Incoming::Link(fragment) => match link::read(&fragment) {
            Ok((carries, Payload::Plain(bytes))) => arrived.set(Some(read_payload(carries, &bytes))),
            Ok((carries, Payload::Encrypted { salt, iv, ciphertext })) => needs_passphrase.set(Some((carries, salt, iv, ciphertext))),
            Err(e) => arrived.set(Some(Err(link_message(&e)))),
        },
    }
    let passphrase = RwSignal::new(String::new());
    let passphrase_problem = RwSignal::new(None::<String>);
    let unlocking = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((carries, salt, iv, ciphertext)) = needs_passphrase.get_untracked() else { return };
        let phrase = passphrase.get_untracked();
        unlocking.set(true);
        leptos::task::spawn_local(async move {
            let result = decrypt(&salt, &iv, &ciphertext, &phrase).await;
            unlocking.set(false);
            match result {
                Ok(bytes) => {
                    unlocked_with.set_value(Some(phrase));
                    needs_passphrase.set(None);
                    arrived.set(Some(read_payload(carries, &bytes)));
                }
                Err(e) => {
                    passphrase_problem.set(Some(e.to_string()));
                    state.announcer.say(e.to_string());
                }
            }
        });
    };
    let heading = match carries {
        Carries::Retrospective if from_link => tr("A retrospective from a link"),
        Carries::Retrospective => tr("A retrospective from a file"),
        Carries::Request => tr("A request for your account"),
        Carries::Reply => tr("An account sent back"),
    };
    let error_card = move |message: String| {
        view! {
            <div class="card">
                <p class="banner banner-warning" role="alert">{message}</p>
                <button type="button" class="button primary" on:click=move |_| finish(state, Route::Home)>{tr("Back to all retrospectives")}</button>
            </div>
        }
    };
    move || match arrived.get() {
        // Account documents have pages of their own.
        Some(Ok(Arrived::Account(AccountDocument::Request(request)))) => write_account(state, request, unlocked_with.get_value()),
        Some(Ok(Arrived::Account(AccountDocument::Reply(reply)))) => view! { <ReplyPreview reply /> }.into_any(),
        Some(Ok(Arrived::Backup(plan, created_at, settings))) => view! { <RestorePreview plan created_at settings /> }.into_any(),
        Some(Ok(Arrived::Template(read))) => view! { <TemplateArrived read /> }.into_any(),
        other => view! {
            <section class="incoming" aria-labelledby=uid("incoming-title")>
                <h1 id=uid("incoming-title")>{heading}</h1>
                <p class="hint">{tr("Nothing is saved until you choose what to do with it.")}</p>
                <Show when=move || needs_passphrase.get().is_some()>
                    <form class="card passphrase-form" on:submit=unlock>
                        <p>{tr("This link is encrypted. Enter the passphrase you were given.")}</p>
                        <div class="field">
                            <label for=uid("incoming-passphrase") class="field-label">{tr("Passphrase")}</label>
                            <input id=uid("incoming-passphrase") type="password" autocomplete="off" required
                                prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                        </div>
                        {move || passphrase_problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                        <div class="button-row">
                            <button type="submit" class="button primary" prop:disabled=move || unlocking.get()>
                                {move || if unlocking.get() { tr("Opening…") } else { trc("button|Open") }}
                            </button>
                            <button type="button" class="button quiet" on:click=move |_| finish(state, Route::Home)>{tr("Cancel")}</button>
                        </div>
                    </form>
                </Show>
                {other.map(|result| match result {
                    Err(message) => error_card(message).into_any(),
                    Ok(Arrived::Retro(theirs)) => view! { <Preview theirs=*theirs /> }.into_any(),
                    Ok(Arrived::Account(_) | Arrived::Backup(..) | Arrived::Template(_)) => ().into_any(),
                })}
            </section>
        }
        .into_any(),
    }
}

fn link_message(e: &LinkError) -> String {
    tf!("{problem} Nothing was changed.", problem = e)
}

#[component]
fn Preview(theirs: Retrospective) -> impl IntoView {
    let state = expect_context::<AppState>();
    let mine = state.repo.with_value(|repo| repo.load(theirs.id));
    let have_it = mine.is_ok();
    let damaged_copy = matches!(mine, Err(LoadError::Damaged(_)));
    let names: Vec<String> = theirs.authors.values().map(|n| n.value.trim().to_string()).filter(|n| !n.is_empty()).collect();
    let facts = [
        theirs.template_name().to_string(),
        trn("{n} timeline entry", "{n} timeline entries", theirs.timeline.len()),
        trn("{n} factor", "{n} factors", theirs.factor_order().len()),
        trn("{n} action", "{n} actions", theirs.actions.len()),
        trn("{n} note", "{n} notes", theirs.learnings.len()),
    ]
    .join(" · ");
    let problem = RwSignal::new(None::<String>);
    let theirs_for_save = theirs.clone();
    let theirs_for_copy = theirs.clone();
    let theirs_for_merge = theirs.clone();
    let save_as_is = move |_| {
        let mut retro = theirs_for_save.clone();
        // Saving it is the person's choice, even if this browser deleted it once.
        match state.repo.with_value(|repo| repo.restore(&mut retro)) {
            Ok(_) => {
                state.announcer.say(tf!("Saved “{title}” to this browser.", title = retro.display_title()));
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
                state.announcer.say(tr("Opened as a new retrospective."));
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
            Err(e) => problem.set(Some(tf!("Not merged: {problem}. Nothing was changed.", problem = e))),
        }
    };
    view! {
        <article class="card preview" aria-labelledby=uid("preview-title")>
            <h2 id=uid("preview-title")>{theirs.display_title().to_string()}</h2>
            <p class="meta">{facts}</p>
            {(!names.is_empty()).then(|| view! { <p class="meta">{tf!("Contributors: {names}", names = names.join(", "))}</p> })}
            {have_it.then(|| view! { <p>{tr("You already have this retrospective. Merging keeps everything both copies contain; where the same field was edited in both, the later edit wins.")}</p> })}
            {damaged_copy.then(|| view! { <p class="banner banner-warning">{tr("Your stored copy of this retrospective cannot be read, so it will not be merged or replaced. You can open this one as a new retrospective.")}</p> })}
            {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
            <div class="button-row">
                {if have_it {
                    view! {
                        <button type="button" class="button primary" on:click=merge>{tr("Merge into mine")}</button>
                        <button type="button" class="button" on:click=open_as_new>{tr("Open as a new retrospective")}</button>
                    }.into_any()
                } else if damaged_copy {
                    view! { <button type="button" class="button primary" on:click=open_as_new>{tr("Open as a new retrospective")}</button> }.into_any()
                } else {
                    view! { <button type="button" class="button primary" on:click=save_as_is>{tr("Open as a new retrospective")}</button> }.into_any()
                }}
                <button type="button" class="button quiet" on:click=move |_| finish(state, Route::Home)>{tr("Cancel")}</button>
            </div>
        </article>
    }
}
