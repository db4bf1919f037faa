//! *Why*: contributing factors, each with its tree of "how did this make sense?" questions.

use crate::domain::checks::short_name;
use crate::domain::factors::why_children;
use crate::domain::{Category, Edit, FactorField, Id, Step, WhyField};
use crate::ui::platform::{focus_soon, new_id};
use crate::ui::retro::{EmptyState, StepHeader};
use crate::ui::session::RetroSession;
use crate::ui::widgets::{ChoiceSelect, ItemControls, LinkPicker, TextField};
use leptos::prelude::*;

#[component]
pub fn WhyStep() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let order = s.memo(|r| r.factor_order());
    let suggested = s.doc.with_untracked(|r| r.template.suggested_categories());
    let suggested = suggested.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ");
    let add = move |_| {
        let id = new_id();
        if s.apply(Edit::AddFactor { id }) {
            focus_soon(format!("factor-{id}-statement"));
        }
    };
    view! {
        <StepHeader step=Step::Why />
        <p class="hint">{format!("Common categories for this kind of retrospective: {suggested}.")}</p>
        <Show when=move || !order.get().is_empty()
            fallback=|| view! { <EmptyState step=Step::Why what="No contributing factors yet. Name a condition that made the outcome possible or worse — a system, a process, a pressure — not a person." /> }>
            <ol class="item-list factor-list" aria-label="Contributing factors">
                <For each=move || order.get() key=|id| *id let(id)>
                    <FactorCard id />
                </For>
            </ol>
        </Show>
        <button type="button" class="button add-button" on:click=add>"+ Add contributing factor"</button>
    }
}

#[component]
fn FactorCard(id: Id) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let statement = s.memo(move |r| r.factors.get(&id).map(|f| f.statement.value.clone()).unwrap_or_default());
    let category = s.memo(move |r| r.factors.get(&id).map(|f| f.category.value).unwrap_or(Category::Technical));
    let key = s.memo(move |r| r.factors.get(&id).is_some_and(|f| f.key.value));
    let links = s.memo(move |r| r.factors.get(&id).map(|f| f.timeline_links.value.clone()).unwrap_or_default());
    let entries = s.memo(|r| {
        r.timeline_order()
            .into_iter()
            .map(|e| {
                let entry = &r.timeline[&e];
                let time = entry.when.value.map(|t| format!("{} · ", t.clock_time())).unwrap_or_default();
                (e, format!("{time}{}", short_name(&entry.what.value, 60)))
            })
            .collect::<Vec<_>>()
    });
    let set = move |field: FactorField| {
        s.apply(Edit::Factor(id, field));
    };
    let key_id = format!("factor-{id}-key");
    let ask = move |_| {
        let q = new_id();
        if s.apply(Edit::AddWhy { id: q, factor: id, parent: None }) {
            focus_soon(format!("why-{q}-answer"));
        }
    };
    view! {
        <li class="card item factor-item" class:key-factor=move || key.get()>
            <div class="factor-grid">
                <TextField label="Contributing factor" id=format!("factor-{id}-statement") multiline=true class="grow"
                    placeholder="What condition contributed to this?"
                    value=statement on_input=move |v| set(FactorField::Statement(v)) />
                <ChoiceSelect label="Category" value=category on_change=move |v: Category| set(FactorField::Category(v)) />
                <div class="field field-check">
                    <input type="checkbox" id=key_id.clone()
                        prop:checked=move || key.get()
                        on:change=move |ev| set(FactorField::Key(event_target_checked(&ev))) />
                    <label for=key_id>"Key factor"</label>
                </div>
                <ItemControls noun="contributing factor"
                    on_move=move |up| { s.apply(Edit::Move { id, up }); }
                    on_delete=move |_| { s.apply(Edit::Delete(id)); s.app().announcer.say("Contributing factor deleted, with its questions."); } />
            </div>
            <LinkPicker legend="Linked timeline entries" options=entries selected=links
                on_change=move |v| set(FactorField::TimelineLinks(v))
                empty="Add timeline entries in “What happened” to link them here." />
            <div class="why-chain">
                <WhyList factor=id parent=None />
                <button type="button" class="button quiet small" on:click=ask>"+ Ask how this came about"</button>
            </div>
        </li>
    }
}

/// The questions directly under `parent` (or under the factor itself).
#[component]
fn WhyList(factor: Id, parent: Option<Id>) -> AnyView {
    let s = expect_context::<RetroSession>();
    let children = s.memo(move |r| why_children(&r.whys, factor, parent));
    view! {
        <Show when=move || !children.get().is_empty()>
            <ol class="why-list">
                <For each=move || children.get() key=|id| *id let(id)>
                    <WhyItem id factor />
                </For>
            </ol>
        </Show>
    }
    .into_any()
}

#[component]
fn WhyItem(id: Id, factor: Id) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let question = s.memo(move |r| r.whys.get(&id).map(|n| n.question.value.clone()).unwrap_or_default());
    let answer = s.memo(move |r| r.whys.get(&id).map(|n| n.answer.value.clone()).unwrap_or_default());
    let follow_up = move |_| {
        let child = new_id();
        if s.apply(Edit::AddWhy { id: child, factor, parent: Some(id) }) {
            focus_soon(format!("why-{child}-answer"));
        }
    };
    view! {
        <li class="why-item">
            <div class="why-grid">
                <TextField label="Question" id=format!("why-{id}-question") class="why-question"
                    value=question on_input=move |v| { s.apply(Edit::Why(id, WhyField::Question(v))); } />
                <ItemControls noun="question"
                    on_move=move |up| { s.apply(Edit::Move { id, up }); }
                    on_delete=move |_| { s.apply(Edit::Delete(id)); s.app().announcer.say("Question deleted, with the questions below it."); } />
            </div>
            <TextField label="Answer" id=format!("why-{id}-answer") multiline=true
                placeholder="What made sense at the time, and why?"
                value=answer on_input=move |v| { s.apply(Edit::Why(id, WhyField::Answer(v))); } />
            <button type="button" class="button quiet small" on:click=follow_up>"+ Ask a follow-up"</button>
            <WhyList factor parent=Some(id) />
        </li>
    }
}
