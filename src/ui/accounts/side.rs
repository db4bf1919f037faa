//! The accounts side by side: the timeline down the side, one column per account, differences
//! marked, and each difference one click from an open question linked to its passages. The
//! arrangement is the domain's (`facilitation::side_by_side`); this draws it.

use crate::domain::facilitation::side_by_side::{side_by_side, Difference, Moment, Row};
use crate::domain::i18n::tr;
use crate::domain::model::accounts::{AccountField, PassageAt};
use crate::domain::tf;
use crate::domain::{Edit, FactorField, Id, QuestionField};
use crate::ui::context::uid;
use crate::ui::platform::new_id;
use crate::ui::session::RetroSession;
use leptos::prelude::*;

#[component]
pub fn SideBySideDialog(dialog: NodeRef<leptos::html::Dialog>, open: RwSignal<bool>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    // Worked out only while the dialog is open: typing elsewhere must not redraw it.
    let view_of = Memo::new(move |_| open.get().then(|| s.doc.with(side_by_side)));
    let ask = move |row: Row| {
        let Some((question, sources)) = view_of.with_untracked(|v| v.as_ref().and_then(|v| v.suggested_question(&row))) else { return };
        let id = new_id();
        if s.apply(Edit::AddQuestion { id, sources }) {
            s.apply(Edit::Question(id, QuestionField::Question(question)));
            s.app().announcer.say(tr("Open question added; it is listed in the Summary."));
        }
    };
    let as_factor = move |row: Row| {
        let Some((statement, category, sources)) = view_of.with_untracked(|v| v.as_ref().and_then(|v| v.suggested_factor(&row))) else { return };
        let id = new_id();
        if s.apply(Edit::AddFactor { id }) {
            s.apply(Edit::Factor(id, FactorField::Statement(statement)));
            s.apply(Edit::Factor(id, FactorField::Category(category)));
            s.apply(Edit::Factor(id, FactorField::Sources(sources)));
            s.app().announcer.say(tr("Contributing factor added; it is listed in Why."));
        }
    };
    // Including a passage is the facilitator's choice, one passage at a time: only included
    // passages reach the full learning review.
    let include = move |account: Id, at: PassageAt, on: bool| {
        let mut included = s.doc.with_untracked(|r| r.accounts.get(&account).map(|a| a.included.value.clone()).unwrap_or_default());
        included.retain(|p| *p != at);
        if on {
            included.push(at);
        }
        s.apply(Edit::Account(account, AccountField::Included(included)));
        s.app().announcer.say(if on { tr("Passage included in the full learning review.") } else { tr("Passage no longer included.") });
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        open.set(false);
    };
    view! {
        <dialog node_ref=dialog class="dialog side-by-side" aria-labelledby=uid("side-title") on:close=move |_| open.set(false)>
            <h2 id=uid("side-title")>{tr("Accounts side by side")}</h2>
            <p class="hint">{tr("Where accounts differ is where the learning is: ask how each view made sense at the time.")}</p>
            <div class="side-scroll">
                {move || view_of.with(|v| v.as_ref().map(|v| {
                    let columns = v.columns.clone();
                    view! {
                        <table class="side-table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr("Moment")}</th>
                                    {columns.iter().map(|c| view! { <th scope="col">{c.label.clone()}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {v.rows.iter().map(|row| {
                                    let heading = match &row.moment {
                                        Moment::Entry { when, what, .. } => format!("{} {}", when.map(|w| w.clock_time()).unwrap_or_default(), what).trim().to_string(),
                                        Moment::Added { when, what, .. } => format!("{} {}", when.map(|w| w.clock_time()).unwrap_or_default(), what).trim().to_string(),
                                        Moment::Narrative => tr("In their own words").to_string(),
                                        Moment::Surprised => tr("What surprised them").to_string(),
                                    };
                                    let badge = row.difference.as_ref().map(|d| match d {
                                        Difference::OnlyOne => tr("Only one account"),
                                        Difference::Missing => tr("Not in the timeline"),
                                        Difference::ExpectationsDiffer => tr("Expectations differ"),
                                    });
                                    let for_question = row.clone();
                                    let for_factor = row.clone();
                                    let factor_label = tf!("Make it a contributing factor: {moment}", moment = heading);
                                    view! {
                                        <tr class:differs=badge.is_some()>
                                            <th scope="row">
                                                <span class="side-moment">{heading.clone()}</span>
                                                {badge.map(|b| view! {
                                                    <span class="side-badge">{b}</span>
                                                    <button type="button" class="button small quiet" aria-label=tf!("Ask as an open question: {moment}", moment = heading)
                                                        on:click=move |_| ask(for_question.clone())>{tr("Ask as an open question")}</button>
                                                    <button type="button" class="button small quiet" aria-label=factor_label.clone()
                                                        on:click=move |_| as_factor(for_factor.clone())>{tr("Make it a contributing factor")}</button>
                                                })}
                                            </th>
                                            {row.cells.iter().zip(&columns).map(|(cell, column)| view! {
                                                <td>
                                                    {cell.iter().map(|p| {
                                                        let (account, at) = (column.account, p.at);
                                                        let included = s.doc.with_untracked(|r| r.accounts.get(&account).is_some_and(|a| a.included.value.contains(&at)));
                                                        let label = tf!("Include {name}’s passage in the full review", name = column.label);
                                                        view! {
                                                            <div class="side-passage" class:included=included>
                                                                <p>
                                                                    {p.prompt.map(|prompt| view! { <span class="side-prompt">{format!("{}: ", prompt.label())}</span> })}
                                                                    {p.text.clone()}
                                                                </p>
                                                                <label class="check side-include">
                                                                    <input type="checkbox" aria-label=label prop:checked=included
                                                                        on:change=move |ev| include(account, at, event_target_checked(&ev)) />
                                                                    <span aria-hidden="true">{tr("Include")}</span>
                                                                </label>
                                                            </div>
                                                        }
                                                    }).collect_view()}
                                                </td>
                                            }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                }))}
            </div>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| close()>{tr("Close")}</button>
            </div>
        </dialog>
    }
}
