//! While a factor is written, the factors of earlier retrospectives that say the same thing:
//! "came up in 'Backbone outage', 2021-10-04 — its action is still open", and one click links
//! them, so the insights group them whatever the wording.
//!
//! The offer is one folded line under the card and is left out while "safe to share" is on:
//! another incident's words never appear on a shared screen unasked.

use crate::domain::i18n::{fill, n_, tr, trn};
use crate::domain::insights::recurring::{PastFactors, SimilarFactor};
use crate::domain::tf;
use crate::domain::{ActionStatus, Edit, FactorField, Id, PastFactor};
use crate::ui::session::RetroSession;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

/// The earlier retrospectives' factors, read once per open retrospective, after its first
/// frame: reading every stored document must not delay the step appearing.
#[derive(Clone, Copy)]
pub struct History(RwSignal<Option<Arc<PastFactors>>>);

impl History {
    /// Provides the history to the factor cards, and starts reading it.
    pub fn provide() -> History {
        let s = expect_context::<RetroSession>();
        let history = History(RwSignal::new(None));
        provide_context(history);
        set_timeout(
            move || {
                let digests = s.app().repo.with_value(|r| r.digests());
                if let Ok(d) = digests {
                    let _ = history.0.try_set(Some(Arc::new(PastFactors::new(d.retros))));
                }
            },
            Duration::from_millis(300),
        );
        history
    }
}

/// Suggestions offered per card at most.
const OFFERED: usize = 3;

fn outcome(f: &SimilarFactor) -> String {
    match f.actions.as_slice() {
        [] => tr("no action was raised against it").into(),
        [(description, status)] => match status {
            ActionStatus::Done => tf!("its action “{action}” is done", action = description),
            ActionStatus::WontDo => tf!("its action “{action}” was dropped", action = description),
            _ => tf!("its action “{action}” is still open", action = description),
        },
        many => {
            let open = many.iter().filter(|(_, s)| s.is_open()).count();
            tf!("{n} actions, {open} still open", n = many.len(), open = open)
        }
    }
}

#[component]
pub fn SimilarPast(id: Id, statement: Memo<String>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let Some(history) = use_context::<History>() else { return ().into_any() };
    let own = s.doc.with_untracked(|r| r.id);
    let linked = s.item_memo(id, move |r| r.factors.get(&id).map(|f| f.recurs.value.clone()).unwrap_or_default());
    let offered = Memo::new(move |_| {
        let Some(past) = history.0.get() else { return Vec::new() };
        linked.with(|skip| statement.with(|text| past.similar_to(text, own, skip, OFFERED)))
    });
    let linked_shown = Memo::new(move |_| {
        let Some(past) = history.0.get() else { return Vec::new() };
        linked.with(|l| l.iter().filter_map(|at| past.describe(*at, 1.0)).collect::<Vec<_>>())
    });
    let set_links = move |change: &dyn Fn(&mut BTreeSet<PastFactor>)| {
        let mut links = linked.get_untracked();
        change(&mut links);
        s.apply(Edit::Factor(id, FactorField::Recurs(links)));
    };
    let link = move |at: PastFactor| {
        set_links(&|l| {
            l.insert(at);
        });
        s.app().announcer.say(tr("Linked: the insights count it as the same condition."));
    };
    let unlink = move |at: PastFactor| {
        set_links(&|l| {
            l.remove(&at);
        });
        s.app().announcer.say(tr("Link removed."));
    };
    view! {
        <Show when=move || !s.safe_to_share.get() && (!offered.with(Vec::is_empty) || !linked_shown.with(Vec::is_empty))>
            <details class="similar-past">
                <summary>{move || {
                    let (n, l) = (offered.with(Vec::len), linked_shown.with(Vec::len));
                    match (n, l) {
                        (0, l) => trn("The same condition as {n} earlier factor", "The same condition as {n} earlier factors", l),
                        (n, 0) => trn("Came up before: {n} similar factor in earlier retrospectives", "Came up before: {n} similar factors in earlier retrospectives", n),
                        (n, l) => {
                            let text = tr(if l == 1 { n_("Linked to {linked} earlier factor; {n} more similar") } else { n_("Linked to {linked} earlier factors; {n} more similar") });
                            fill(text, &[("linked", &l), ("n", &n)])
                        }
                    }
                }}</summary>
                <ul class="similar-list">
                    <For each={move || linked_shown.get().into_iter().map(|f| (f, true)).chain(offered.get().into_iter().map(|f| (f, false))).collect::<Vec<_>>()}
                        key=|(f, linked)| (f.at, *linked) let((f, linked))>
                        {
                            let at = f.at;
                            let (title, day, statement, result) = (&f.retro_title, f.date.shown(), &f.statement, outcome(&f));
                            let said = if linked {
                                tf!("Linked: came up in “{title}”, {day}: “{statement}” — {outcome}.", title = title, day = day, statement = statement, outcome = result)
                            } else {
                                tf!("Came up in “{title}”, {day}: “{statement}” — {outcome}.", title = title, day = day, statement = statement, outcome = result)
                            };
                            view! {
                                <li class="similar" class:linked=linked>
                                    <span>{said}</span>
                                    {if linked {
                                        view! { <button type="button" class="button quiet small" on:click=move |_| unlink(at)>{tr("Unlink")}</button> }.into_any()
                                    } else {
                                        view! { <button type="button" class="button small" on:click=move |_| link(at)>{tr("Link as the same condition")}</button> }.into_any()
                                    }}
                                </li>
                            }
                        }
                    </For>
                </ul>
            </details>
        </Show>
    }
    .into_any()
}
