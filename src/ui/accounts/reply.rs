//! A reply arriving (a `#a=` link or a reply file): previewed first, attached only when the
//! facilitator chooses. Attaching twice, or an older reply after a newer one, changes nothing
//! (`Retrospective::attach_reply`).

use crate::domain::{AccountReply, Attached, Retrospective};
use crate::storage::LoadError;
use crate::ui::context::{uid, AppState, Route};
use crate::ui::widgets::count;
use leptos::prelude::*;

/// What the reply holds, in a line.
fn describe(reply: &AccountReply) -> String {
    let body = &reply.body.value;
    let mut parts = vec![count(body.moments.len(), "moment of the timeline", "moments of the timeline")];
    if !body.added.is_empty() {
        parts.push(count(body.added.len(), "moment the timeline lacks", "moments the timeline lacks"));
    }
    if !body.narrative.trim().is_empty() {
        parts.push("their story in their words".into());
    }
    if !body.surprised.trim().is_empty() {
        parts.push("what surprised them".into());
    }
    format!("Notes on {}.", parts.join(", "))
}

#[component]
pub fn ReplyPreview(reply: AccountReply) -> impl IntoView {
    let state = expect_context::<AppState>();
    let from = match reply.body.value.name.trim() {
        "" => "someone who did not give a name".to_string(),
        name => name.to_string(),
    };
    let problem = RwSignal::new(None::<String>);
    let target: Result<Retrospective, String> = state.repo.with_value(|r| r.load(reply.retro)).map_err(|e| match e {
        LoadError::Missing => {
            "This reply is for a retrospective that is not in this browser. Open it in the browser where you asked for accounts. Nothing was changed."
                .to_string()
        }
        other => format!("The retrospective this reply is for cannot be opened here ({other}). Nothing was changed."),
    });
    let summary = describe(&reply);
    let body = match target {
        Err(message) => view! {
            <p class="banner banner-warning" role="alert">{message}</p>
            <button type="button" class="button primary" on:click=move |_| state.leave_incoming(Route::Home)>"Back to all retrospectives"</button>
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
                                Attached::New => "The account was attached. It is private to you: find it under Accounts in What happened.",
                                Attached::Updated => "The account was brought up to its newer reply.",
                                Attached::Unchanged => "This account is attached already, as new as this reply or newer; nothing changed.",
                            }
                            .to_string(),
                        ));
                        state.leave_incoming(Route::Retro(id));
                    }
                    Ok((Err(e), _)) => problem.set(Some(format!("{e} Nothing was changed."))),
                    Err(e) => problem.set(Some(format!("The account could not be attached: {e}. Nothing was changed."))),
                }
            };
            view! {
                <p>{format!("For “{title}”, from {from}.")}</p>
                <p class="hint">{summary}</p>
                {earlier.then(|| view! { <p class="hint">"An earlier reply of theirs is attached; attaching keeps whichever is newer."</p> })}
                {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                <div class="button-row">
                    <button type="button" class="button primary" on:click=attach>{format!("Attach to “{title}”")}</button>
                    <button type="button" class="button quiet" on:click=move |_| state.leave_incoming(Route::Home)>"Cancel"</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="incoming card" aria-labelledby=uid("reply-title")>
            <h1 id=uid("reply-title")>"An account sent back"</h1>
            <p class="hint">"Nothing changes until you choose to attach it."</p>
            {body}
        </section>
    }
}
