//! Accounts this browser is writing for someone else's retrospective: listed on the home
//! screen so a person who closed the tab finds theirs again. Each stays in this browser until
//! it is sent (and after, so it can be corrected and sent again).

use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::ui::context::{uid, AppState, Route};
use leptos::prelude::*;

#[component]
pub fn AccountsInProgress() -> impl IntoView {
    let app = expect_context::<AppState>();
    let drafts = app.repo.with_value(|r| r.drafts());
    let (drafts, problem) = match drafts {
        Ok(d) => (d, None),
        Err(e) => (Vec::new(), Some(tf!("Your accounts in progress could not be listed: {problem}", problem = e))),
    };
    (!drafts.is_empty() || problem.is_some()).then(|| {
        view! {
            <section class="accounts-in-progress" aria-labelledby=uid("drafts-title")>
                <h2 id=uid("drafts-title")>{tr("Your accounts")}</h2>
                <p class="hint">{tr("Accounts you are writing for someone's retrospective. They stay in this browser.")}</p>
                {problem.map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                <ul class="draft-list">
                    {drafts.into_iter().map(|draft| {
                        let title = if draft.request.title.trim().is_empty() { tr("Untitled retrospective").to_string() } else { draft.request.title.clone() };
                        let state = if draft.body.value.is_empty() { tr("Not started") } else { tr("In progress") };
                        view! {
                            <li class="card draft-item">
                                <a href=Route::Account(draft.request.request).to_hash() on:click=move |ev| {
                                    ev.prevent_default();
                                    app.navigate(Route::Account(draft.request.request));
                                }>{title}</a>
                                <span class="hint">{state}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
