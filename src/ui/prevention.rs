//! *Prevention*: action items, and the checks that point at gaps.

use crate::domain::coach::findings::CoachedField;
use crate::domain::facilitation::checks::short_name;
use crate::domain::i18n::{fill, n_, tr};
use crate::domain::tf;
use crate::domain::{prevention_checks, ActionField, ActionKind, ActionStatus, Check, Edit, Horizon, Id, Priority, Step};
use crate::ui::context::uid;
use crate::ui::platform::{focus_soon, new_id, today};
use crate::ui::session::RetroSession;
use crate::ui::step::{AddButton, EmptyState, StepHeader};
use crate::ui::widgets::{ChoiceSelect, DateField, InternalCheck, ItemControls, LinkPicker, OptionalChoiceSelect, TextField};
use leptos::prelude::*;

#[component]
pub fn PreventionStep() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let viewer = s.viewer;
    let order = s.memo(move |r| r.shown_to(viewer.get(), r.action_order()));
    let day = today();
    let checks = s.memo(move |r| {
        prevention_checks(r, day)
            .into_iter()
            .map(|check| {
                let (text, fix) = match check {
                    Check::KeyFactorWithoutAction { factor } => (r.factors.get(&factor).map(|f| f.statement.value.clone()), Fix::AddActionFor(factor)),
                    Check::ActionWithoutOwner { action } => {
                        (r.actions.get(&action).map(|a| a.description.value.clone()), Fix::Focus(format!("action-{action}-owner")))
                    }
                    Check::ActionWithoutDueDate { action } | Check::OverdueAction { action, .. } => {
                        (r.actions.get(&action).map(|a| a.description.value.clone()), Fix::Focus(format!("action-{action}-due")))
                    }
                };
                (check.message(&short_name(&text.unwrap_or_default(), 50)), fix)
            })
            .collect::<Vec<_>>()
    });
    let add = Callback::new(move |()| add_action(s, None));
    // What an action can address, computed once for all cards rather than once per card.
    let factor_options = s.memo(move |r| {
        r.shown_to(viewer.get(), r.factor_order())
            .into_iter()
            .map(|f| {
                let factor = &r.factors[&f];
                let name = short_name(&factor.statement.value, 70);
                (f, if factor.key.value { tf!("{factor} (key)", factor = name) } else { name })
            })
            .collect::<Vec<_>>()
    });
    // The room's top three by votes, when no action addresses them yet.
    let top_voted = s.memo(|r| {
        if r.facilitation.safe_to_share.value {
            return Vec::new();
        }
        r.top_voted_unaddressed(3).into_iter().map(|(f, votes)| (f, short_name(&r.factors[&f].statement.value, 60), votes)).collect::<Vec<_>>()
    });
    view! {
        <StepHeader step=Step::Prevention />
        <crate::ui::silent::SilentWriting step=Step::Prevention />
        <AddButton label=tr("+ Add action") on_add=add before_items=true />
        <Show when=move || !top_voted.get().is_empty()>
            <section class="suggested" aria-labelledby=uid("suggested-title")>
                <h3 id=uid("suggested-title")>{tr("Most-voted factors without an action")}</h3>
                <ul>
                    {move || top_voted.get().into_iter().map(|(factor, label, votes)| view! {
                        <li>
                            <span>{fill(tr(if votes == 1 { n_("{factor} ({n} vote)") } else { n_("{factor} ({n} votes)") }), &[("factor", &label), ("n", &votes)])}</span>
                            <button type="button" class="button quiet small" on:click=move |_| add_action(s, Some(factor))>{tr("Add an action for it")}</button>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
        <Show when=move || !checks.get().is_empty()>
            <section class="checks" aria-labelledby=uid("checks-title")>
                <h3 id=uid("checks-title")>{move || tf!("Worth a look ({n})", n = checks.get().len())}</h3>
                <ul>
                    {move || checks.get().into_iter().map(|(message, fix)| {
                        let label = match fix {
                            Fix::AddActionFor(_) => tr("Add an action for it"),
                            Fix::Focus(_) => tr("Fill it in"),
                        };
                        view! {
                            <li>
                                <span>{message}</span>
                                <button type="button" class="button quiet small" on:click=move |_| match &fix {
                                    Fix::AddActionFor(factor) => add_action(s, Some(*factor)),
                                    Fix::Focus(target) => focus_soon(target.clone()),
                                }>{label}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
        <Show when=move || !order.get().is_empty()
            fallback=|| view! { <EmptyState step=Step::Prevention what=tr("No actions yet. Each action changes the system so this is less likely, found sooner, or hurts less.") /> }>
            <ol class="item-list action-list" aria-label=tr("Action items")>
                <For each=move || order.get() key=|id| *id let(id)>
                    <ActionCard id factor_options />
                </For>
            </ol>
        </Show>
        <AddButton label=tr("+ Add action") on_add=add before_items=false />
    }
}

/// What the facilitator can do about a check.
#[derive(Clone, PartialEq)]
enum Fix {
    /// Add an action already linked to this factor.
    AddActionFor(Id),
    /// Move the cursor to the field that is missing.
    Focus(String),
}

/// Adds an action at the end, linked to `factor` when given, and puts the cursor in it.
pub fn add_action(s: RetroSession, factor: Option<Id>) {
    let id = new_id();
    if s.apply(Edit::AddAction { id }) {
        if let Some(factor) = factor {
            s.apply(Edit::Action(id, ActionField::FactorLinks(std::collections::BTreeSet::from([factor]))));
        }
        focus_soon(format!("action-{id}-description"));
    }
}

#[component]
fn ActionCard(id: Id, factor_options: Memo<Vec<(Id, String)>>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let description = s.item_memo(id, move |r| r.actions.get(&id).map(|a| a.description.value.clone()).unwrap_or_default());
    let owner = s.item_memo(id, move |r| r.actions.get(&id).map(|a| a.owner.value.clone()).unwrap_or_default());
    let due = s.item_memo(id, move |r| r.actions.get(&id).and_then(|a| a.due.value));
    let priority = s.item_memo(id, move |r| r.actions.get(&id).map(|a| a.priority.value).unwrap_or(Priority::Medium));
    let kind = s.item_memo(id, move |r| r.actions.get(&id).map(|a| a.kind.value).unwrap_or(ActionKind::Prevent));
    let status = s.item_memo(id, move |r| r.actions.get(&id).map(|a| a.status.value).unwrap_or(ActionStatus::Open));
    let links = s.item_memo(id, move |r| r.actions.get(&id).map(|a| a.factor_links.value.clone()).unwrap_or_default());
    let horizon = s.item_memo(id, move |r| r.actions.get(&id).and_then(|a| a.horizon.value));
    let internal = s.item_memo(id, move |r| r.actions.get(&id).is_some_and(|a| a.internal.value));
    let set = move |field: ActionField| {
        s.apply(Edit::Action(id, field));
    };
    view! {
        <li class="card item action-item" data-status=move || status.get().key() data-internal=move || internal.get().then_some("true")>
            <div class="action-grid">
                <TextField label=tr("Action") id=format!("action-{id}-description") multiline=true coach=CoachedField::ActionDescription(id).to_string() class="grow"
                    placeholder=tr("What will we change?")
                    value=description on_input=move |v| set(ActionField::Description(v)) />
                <ItemControls noun=tr("action")
                    on_move=move |up| { s.apply(Edit::Move { id, up }); }
                    on_delete=move |_| { s.apply(Edit::Delete(id)); s.app().announcer.say(tr("Action deleted.")); } />
            </div>
            <crate::ui::silent::WrittenBy id />
            <div class="action-fields">
                <TextField label=tr("Owner") id=format!("action-{id}-owner") placeholder=tr("Team or role")
                    value=owner on_input=move |v| set(ActionField::Owner(v)) />
                <DateField label=tr("Due") id=format!("action-{id}-due") value=due on_change=move |v| set(ActionField::Due(v)) />
                <ChoiceSelect label=tr("Priority") value=priority on_change=move |v: Priority| set(ActionField::Priority(v)) />
                <ChoiceSelect label=tr("Kind") value=kind on_change=move |v: ActionKind| set(ActionField::Kind(v)) />
                <ChoiceSelect label=tr("Status") value=status on_change=move |v: ActionStatus| set(ActionField::Status(v)) />
                <OptionalChoiceSelect label=tr("Term") unset=tr("Not said") value=horizon on_change={move |v: Option<Horizon>| set(ActionField::Horizon(v))} />
                <InternalCheck id=format!("action-{id}-internal") value=internal on_change=move |v| set(ActionField::Internal(v)) />
            </div>
            <LinkPicker legend=tr("Addresses factors") options=factor_options selected=links
                on_change=move |v| set(ActionField::FactorLinks(v))
                empty=tr("Add contributing factors in “Why” to link them here.") />
        </li>
    }
}
