//! A reply arriving (a `#a=` link or a reply file): previewed first, attached only when the
//! facilitator chooses. Attaching twice, or an older reply after a newer one, changes nothing
//! (`Retrospective::attach_reply`).

use crate::domain::i18n::{tr, trn};
use crate::domain::tf;
use crate::domain::{AccountReply, Attached, Retrospective};
use crate::storage::LoadError;
use crate::ui::context::{uid, AppState, Route};
use leptos::prelude::*;

/// What the reply holds, in a line.
fn describe(reply: &AccountReply) -> String {
    let body = &reply.body.value;
    let mut parts = vec![trn("{n} moment of the timeline", "{n} moments of the timeline", body.moments.len())];
    if !body.added.is_empty() {
        parts.push(trn("{n} moment the timeline lacks", "{n} moments the timeline lacks", body.added.len()));
    }
    if !body.narrative.trim().is_empty() {
        parts.push(tr("their story in their words").into());
    }
    if !body.surprised.trim().is_empty() {
        parts.push(tr("what surprised them").into());
    }
    tf!("Notes on {parts}.", parts = parts.join(", "))
}

#[component]
pub fn ReplyPreview(reply: AccountReply) -> impl IntoView {
    let state = expect_context::<AppState>();
    let from = reply.body.value.name.trim().to_string();
    let problem = RwSignal::new(None::<String>);
    let target: Result<Retrospective, String> = state.repo.with_value(|r| r.load(reply.retro)).map_err(|e| match e {
        LoadError::Missing => {
            tr("This reply is for a retrospective that is not in this browser. Open it in the browser where you asked for accounts. Nothing was changed.")
                .to_string()
        }
        other => tf!("The retrospective this reply is for cannot be opened here ({error}). Nothing was changed.", error = other),
    });
    let summary = describe(&reply);
    let body = match target {
        Err(message) => view! {
            <p class="banner banner-warning" role="alert">{message}</p>
            <button type="button" class="button primary" on:click=move |_| state.leave_incoming(Route::Home)>{tr("Back to all retrospectives")}</button>
        }
        .into_any(),
        Ok(retro) => {
            let title = retro.display_title().to_string();
            let id = retro.id;
            let earlier = retro.accounts.contains_key(&reply.account);
            let attach = move |_| {
                let now = crate::ui::platform::now_ms();
                let result = state.repo.with_value(|r| r.update(id, |retro| retro.attach_reply(&reply, now)));
                match result {
                    Ok((Ok(attached), _)) => {
                        state.notice.set(Some(
                            match attached {
                                Attached::New => tr("The account was attached. It is private to you: find it under Accounts in What happened."),
                                Attached::Updated => tr("The account was brought up to its newer reply."),
                                Attached::Unchanged => tr("This account is attached already, as new as this reply or newer; nothing changed."),
                            }
                            .to_string(),
                        ));
                        state.leave_incoming(Route::Retro(id));
                    }
                    Ok((Err(e), _)) => problem.set(Some(tf!("{problem} Nothing was changed.", problem = e))),
                    Err(e) => problem.set(Some(tf!("The account could not be attached: {error}. Nothing was changed.", error = e))),
                }
            };
            view! {
                <p>{if from.is_empty() {
                    tf!("For “{title}”, from someone who did not give a name.", title = title)
                } else {
                    tf!("For “{title}”, from {name}.", title = title, name = from)
                }}</p>
                <p class="hint">{summary}</p>
                {earlier.then(|| view! { <p class="hint">{tr("An earlier reply of theirs is attached; attaching keeps whichever is newer.")}</p> })}
                {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                <div class="button-row">
                    <button type="button" class="button primary" on:click=attach>{tf!("Attach to “{title}”", title = title)}</button>
                    <button type="button" class="button quiet" on:click=move |_| state.leave_incoming(Route::Home)>{tr("Cancel")}</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="incoming card" aria-labelledby=uid("reply-title")>
            <h1 id=uid("reply-title")>{tr("An account sent back")}</h1>
            <p class="hint">{tr("Nothing changes until you choose to attach it.")}</p>
            {body}
        </section>
    }
}
