//! *Why*: contributing factors, each with its tree of "how did this make sense?" questions.

use crate::domain::coach::findings::CoachedField;
use crate::domain::facilitation::checks::short_name;
use crate::domain::i18n::{tr, trn};
use crate::domain::model::factors::why_children;
use crate::domain::tf;
use crate::domain::{Category, Edit, FactorField, Id, Step, WhyField};
use crate::ui::context::uid;
use crate::ui::platform::{focus_soon, new_id};
use crate::ui::session::RetroSession;
use crate::ui::step::{AddButton, EmptyState, StepHeader};
use crate::ui::widgets::{CheckField, ChoiceSelect, InternalCheck, ItemControls, LinkPicker, TextField};
use leptos::prelude::*;

#[component]
pub fn WhyStep() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let by_votes = RwSignal::new(false);
    let viewer = s.viewer;
    let order = s.memo(move |r| r.shown_to(viewer.get(), r.factor_order()));
    let shown = Memo::new(move |_| {
        let mut ids = order.get();
        if by_votes.get() {
            // Stable: equal votes keep the list order.
            let totals = s.doc.with(|r| r.vote_totals());
            retrace_domain::sorting::sort_by_key(&mut ids, |id| std::cmp::Reverse(totals.get(id).copied().unwrap_or(0)));
        }
        ids
    });
    // Shared by every card, computed once per edit instead of once per card.
    let several = Memo::new(move |_| order.with(|o| o.len() > 1));
    // Which factors an action addresses: an action's links are edits of the action, not of the
    // factor, so each card's own memo would not see them; and one set serves every card.
    let addressed = s.memo(|r| r.addressed_factors());
    let factor_labels = s
        .memo(move |r| r.shown_to(viewer.get(), r.factor_order()).into_iter().map(|f| (f, short_name(&r.factors[&f].statement.value, 60))).collect::<Vec<_>>());
    let timeline_options = s.memo(|r| {
        r.timeline_order()
            .into_iter()
            .map(|e| {
                let entry = &r.timeline[&e];
                let time = entry.when.value.map(|t| format!("{} · ", t.clock_time())).unwrap_or_default();
                (e, format!("{time}{}", short_name(&entry.what.value, 60)))
            })
            .collect::<Vec<_>>()
    });
    let suggested = s.doc.with_untracked(|r| r.suggested_categories().to_vec());
    let suggested = suggested.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ");
    let add = Callback::new(move |()| add_factor(s));
    crate::ui::insights::similar::History::provide();
    view! {
        <StepHeader step=Step::Why />
        <crate::ui::silent::SilentWriting step=Step::Why />
        <AddButton label=tr("+ Add contributing factor") on_add=add before_items=true />
        <Show when=move || several.get()>
            <VotingBar by_votes />
        </Show>
        <Show when=move || !order.get().is_empty()
            fallback=move || view! {
                <EmptyState step=Step::Why what=tr("No contributing factors yet. Name a condition that made the outcome possible or worse — a system, a process, a pressure — not a person.") />
                <p class="hint">{tf!("Common categories for this kind of retrospective: {categories}.", categories = suggested)}</p>
            }>
            <ol class="item-list factor-list" aria-label=tr("Contributing factors")>
                <For each=move || shown.get() key=|id| *id let(id)>
                    <FactorCard id several factor_labels timeline_options addressed />
                </For>
            </ol>
        </Show>
        <AddButton label=tr("+ Add contributing factor") on_add=add before_items=false />
    }
}

/// Adds a factor at the end and puts the cursor in its statement.
pub fn add_factor(s: RetroSession) {
    let id = new_id();
    if s.apply(Edit::AddFactor { id }) {
        focus_soon(format!("factor-{id}-statement"));
    }
}

/// Dot voting, scribed by the facilitator: how many votes each person has, how many people,
/// and what is left. The room votes aloud or with stickers; the facilitator records it here.
#[component]
fn VotingBar(by_votes: RwSignal<bool>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let per_person = s.memo(|r| r.facilitation.votes_per_person.value);
    let voters = s.memo(|r| r.facilitation.voters.value);
    // The scribe's count and the dots people gave from their own devices.
    let used = s.memo(|r| r.factors.values().map(|f| f.votes.value).sum::<u32>() + r.facilitation.dots.keys().map(|f| r.facilitation.dots_on(*f)).sum::<u32>());
    let left = Memo::new(move |_| {
        let used = used.get();
        s.doc.with(|r| r.facilitation.votes_left(used))
    });
    let hidden = s.safe_to_share;
    let number = |ev: &leptos::ev::Event| event_target_value(ev).trim().parse::<u32>().ok();
    // One line until opened; open from the start once the room has begun voting.
    let start_open = s.doc.with_untracked(|r| r.facilitation.voters.value > 0 && !r.facilitation.presenter.value);
    view! {
        <details class="voting" open=start_open>
            <summary id=uid("voting-title")>
                <span class="voting-title">{tr("Dot voting")}</span>
                <span class="voting-summary">{move || {
                    match (hidden.get(), left.get()) {
                        (false, Some((total, _))) => tf!(" · {used} of {total} votes used", used = used.get(), total = total),
                        _ => String::new(),
                    }
                }}</span>
            </summary>
            <div class="voting-fields">
                <div class="field field-number">
                    <label for=uid("votes-per-person") class="field-label">{tr("Votes per person")}</label>
                    <input id=uid("votes-per-person") type="number" min="1" max="99"
                        prop:value=move || per_person.get().to_string()
                        on:change=move |ev| if let Some(n) = number(&ev) { s.apply(Edit::VotesPerPerson(n)); } />
                </div>
                <div class="field field-number">
                    <label for=uid("voters") class="field-label">{tr("People voting")}</label>
                    <input id=uid("voters") type="number" min="0" max="999"
                        prop:value=move || voters.get().to_string()
                        on:change=move |ev| if let Some(n) = number(&ev) { s.apply(Edit::Voters(n)); } />
                </div>
                <p class="votes-left" aria-live="polite">
                    {move || {
                        match (hidden.get(), left.get()) {
                            (true, _) => tr("Vote counts are hidden while the screen is shared.").to_string(),
                            (false, None) => trn(
                                "{n} vote recorded. Enter how many people are voting to see what is left.",
                                "{n} votes recorded. Enter how many people are voting to see what is left.",
                                used.get() as usize,
                            ),
                            (false, Some((total, left))) => tf!("{used} of {total} votes used · {left} left", used = used.get(), total = total, left = left),
                        }
                    }}
                </p>
                <button type="button" class="button small"
                    aria-pressed=move || if by_votes.get() { "true" } else { "false" }
                    on:click=move |_| by_votes.update(|b| *b = !*b)>{tr("Sort by votes")}</button>
            </div>
        </details>
    }
}

#[component]
fn FactorCard(
    id: Id,
    /// More than one factor: merging one into another is possible.
    several: Memo<bool>,
    factor_labels: Memo<Vec<(Id, String)>>,
    timeline_options: Memo<Vec<(Id, String)>>,
    /// The factors some action addresses (see `Retrospective::addressed_factors`).
    addressed: Memo<std::collections::HashSet<Id>>,
) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let statement = s.item_memo(id, move |r| r.factors.get(&id).map(|f| f.statement.value.clone()).unwrap_or_default());
    let category = s.item_memo(id, move |r| r.factors.get(&id).map(|f| f.category.value).unwrap_or(Category::Technical));
    let key = s.item_memo(id, move |r| r.factors.get(&id).is_some_and(|f| f.key.value));
    let links = s.item_memo(id, move |r| r.factors.get(&id).map(|f| f.timeline_links.value.clone()).unwrap_or_default());
    let internal = s.item_memo(id, move |r| r.factors.get(&id).is_some_and(|f| f.internal.value));
    let decision = s.item_memo(id, move |r| r.factors.get(&id).map(|f| f.decision.value.clone()).unwrap_or_default());
    let sources = s.item_memo(id, move |r| r.factors.get(&id).map_or(0, |f| f.sources.value.len()));
    let shown_as = s.item_memo(id, move |r| r.shown_as(id));
    let unanswered = Memo::new(move |_| key.get() && !addressed.with(|a| a.contains(&shown_as.get())));
    let set = move |field: FactorField| {
        s.apply(Edit::Factor(id, field));
    };
    let key_id = format!("factor-{id}-key");
    let votes = s.item_memo(id, move |r| r.factors.get(&id).map_or(0, |f| f.votes.value));
    let total_votes = s.item_memo(id, move |r| r.total_votes(id));
    let hide_votes = s.safe_to_share;
    let statement_for_label = move || short_name(&statement.get(), 40);
    // The merge targets are listed only once the picker is in use: a list per card of every
    // other factor would be a quarter of a million options in a 500-factor retrospective.
    let choosing = RwSignal::new(false);
    let others = move || {
        if choosing.get() {
            factor_labels.get().into_iter().filter(|(o, _)| *o != id).collect()
        } else {
            Vec::new()
        }
    };
    let parts = s.item_memo(id, move |r| r.merged_parts(id));
    let merge_into = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(into) = Id::parse(&value) {
            if s.apply(Edit::MergeFactor { duplicate: id, into }) {
                s.app().announcer.say(tr("Merged as a duplicate. “Separate again” undoes it."));
                crate::ui::platform::focus_soon(format!("factor-{into}-statement"));
            }
        }
    };
    // The why chain, links and duplicates fold open on demand, so a card is two lines.
    let open = RwSignal::new(false);
    let questions = s.item_memo(id, move |r| r.whys.values().filter(|n| n.factor == id).count());
    let ask = move |_| {
        let q = new_id();
        if s.apply(Edit::AddWhy { id: q, factor: id, parent: None }) {
            open.set(true);
            focus_soon(format!("why-{q}-answer"));
        }
    };
    view! {
        <li class="card item factor-item" class:key-factor=move || key.get() data-internal=move || internal.get().then_some("true")>
            <div class="factor-grid">
                <TextField label=tr("Contributing factor") label_hidden=true id=format!("factor-{id}-statement") multiline=true coach=CoachedField::FactorStatement(id).to_string() class="grow"
                    placeholder=tr("What condition contributed to this?")
                    value=statement on_input=move |v| set(FactorField::Statement(v)) />
                <ChoiceSelect label=tr("Category") label_hidden=true value=category on_change=move |v: Category| set(FactorField::Category(v)) />
                <CheckField label=tr("Key factor") id=key_id value=key on_change=move |v| set(FactorField::Key(v)) />
                <ItemControls noun=tr("contributing factor")
                    on_move=move |up| { s.apply(Edit::Move { id, up }); }
                    on_delete=move |_| { s.apply(Edit::Delete(id)); s.app().announcer.say(tr("Contributing factor deleted, with its questions.")); } />
            </div>
            <crate::ui::silent::WrittenBy id />
            <div class="factor-tools">
                <div class="vote-control" role="group" aria-label=move || tf!("Votes for “{factor}”", factor = statement_for_label())>
                    <button type="button" class="icon-button small" aria-label=tr("Remove a vote")
                        on:click=move |_| { let v = votes.get_untracked(); if v > 0 { set(FactorField::Votes(v - 1)); } }>"−"</button>
                    <span class="vote-count">
                        {move || if hide_votes.get() { tr("votes hidden").to_string() } else {
                            trn("{n} vote", "{n} votes", total_votes.get() as usize)
                        }}
                    </span>
                    <button type="button" class="icon-button small" aria-label=tr("Add a vote")
                        on:click=move |_| set(FactorField::Votes(votes.get_untracked() + 1))>"+"</button>
                </div>
                <crate::ui::silent::MyDots id label=Signal::derive(statement_for_label) />
                <button type="button" class="button quiet small fold-toggle"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || {
                        let (q, l, p) = (questions.get(), links.with(|l| l.len()), parts.with(|p| p.len()));
                        let mut bits = vec![trn("{n} question", "{n} questions", q)];
                        if l > 0 { bits.push(trn("{n} linked entry", "{n} linked entries", l)); }
                        if p > 0 { bits.push(trn("{n} duplicate", "{n} duplicates", p)); }
                        if !decision.with(|d| d.trim().is_empty()) { bits.push(tr("decided").to_string()); }
                        tf!("How it came about: {details}", details = bits.join(", "))
                    }}
                </button>
                <button type="button" class="button quiet small" on:click=ask>{tr("+ Ask how this came about")}</button>
                <InternalCheck id=format!("factor-{id}-internal") value=internal on_change=move |v| set(FactorField::Internal(v)) />
                <Show when=move || several.get()>
                    <div class="field field-merge">
                        <label class="sr-only" for=format!("merge-{id}")>{tr("Merge into another factor as a duplicate")}</label>
                        <select id=format!("merge-{id}") on:change=merge_into
                            on:focus=move |_| choosing.set(true) on:pointerdown=move |_| choosing.set(true)
                            on:blur=move |_| choosing.set(false)>
                            <option value="" selected>{tr("Duplicate of…")}</option>
                            <For each=others key=|(o, label)| (*o, label.clone()) let((o, label))>
                                <option value=o.to_string()>{label}</option>
                            </For>
                        </select>
                    </div>
                </Show>
            </div>
            // Asked only where it answers something: a key factor no action addresses yet.
            <Show when=move || unanswered.get() || !decision.with(|d| d.is_empty())>
                <TextField label=tr("No action needed, because… (optional)") id=format!("factor-{id}-decision") coach=CoachedField::FactorDecision(id).to_string()
                    placeholder=tr("An explicit decision answers a key factor as an action does")
                    value=decision on_input=move |v| set(FactorField::Decision(v)) />
            </Show>
            <crate::ui::insights::similar::SimilarPast id statement />
            <Show when=move || { sources.get() > 0 }>
                <p class="hint">{move || trn("From a difference between accounts ({n} passage).", "From a difference between accounts ({n} passages).", sources.get())}</p>
            </Show>
            <div class="factor-more" hidden=move || !open.get()>
                <Show when=move || !parts.get().is_empty()>
                    <ul class="merged-parts" aria-label=tr("Merged duplicates")>
                        <For each=move || parts.get() key=|p| *p let(part)>
                            <MergedPart id=part />
                        </For>
                    </ul>
                </Show>
                <LinkPicker legend=tr("Linked timeline entries") options=timeline_options selected=links
                    on_change=move |v| set(FactorField::TimelineLinks(v))
                    empty=tr("Add timeline entries in “What happened” to link them here.") />
                <div class="why-chain">
                    <WhyList factor=id parent=None />
                </div>
            </div>
        </li>
    }
}

/// A duplicate shown inside the factor it was merged into: its words and why chain stay.
#[component]
fn MergedPart(id: Id) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let statement = s.item_memo(id, move |r| r.factors.get(&id).map(|f| short_name(&f.statement.value, 200)).unwrap_or_default());
    view! {
        <li class="merged-part">
            <p><span class="eyebrow">{tr("Also named as")}</span> <span class="pre">{move || statement.get()}</span></p>
            <WhyList factor=id parent=None />
            <button type="button" class="button quiet small"
                on:click=move |_| {
                    if s.apply(Edit::SeparateFactor(id)) {
                        s.app().announcer.say(tr("Separated: the factor stands on its own again."));
                    }
                }>{tr("Separate again")}</button>
        </li>
    }
}

/// The questions directly under `parent` (or under the factor itself).
#[component]
fn WhyList(factor: Id, parent: Option<Id>) -> AnyView {
    let s = expect_context::<RetroSession>();
    let children = s.item_memo(factor, move |r| why_children(&r.whys, factor, parent));
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
    let question = s.item_memo(id, move |r| r.whys.get(&id).map(|n| n.question.value.clone()).unwrap_or_default());
    let answer = s.item_memo(id, move |r| r.whys.get(&id).map(|n| n.answer.value.clone()).unwrap_or_default());
    let follow_up = move |_| {
        let child = new_id();
        if s.apply(Edit::AddWhy { id: child, factor, parent: Some(id) }) {
            focus_soon(format!("why-{child}-answer"));
        }
    };
    view! {
        <li class="why-item">
            <div class="why-grid">
                <TextField label=tr("Question") id=format!("why-{id}-question") coach=CoachedField::WhyQuestion(id).to_string() class="why-question"
                    value=question on_input=move |v| { s.apply(Edit::Why(id, WhyField::Question(v))); } />
                <ItemControls noun=tr("question")
                    on_move=move |up| { s.apply(Edit::Move { id, up }); }
                    on_delete=move |_| { s.apply(Edit::Delete(id)); s.app().announcer.say(tr("Question deleted, with the questions below it.")); } />
            </div>
            <TextField label=tr("Answer") id=format!("why-{id}-answer") multiline=true coach=CoachedField::WhyAnswer(id).to_string()
                placeholder=tr("What made sense at the time, and why?")
                value=answer on_input=move |v| { s.apply(Edit::Why(id, WhyField::Answer(v))); } />
            <button type="button" class="button quiet small" on:click=follow_up>{tr("+ Ask a follow-up")}</button>
            <WhyList factor parent=Some(id) />
        </li>
    }
}
