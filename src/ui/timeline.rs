//! *What happened*: the timeline of facts and the durations derived from it.

use crate::domain::timeline::{incident_durations, Derived};
use crate::domain::{EntryKind, Edit, Id, Step, TimelineField};
use crate::ui::platform::{focus_soon, new_id};
use crate::ui::retro::{EmptyState, StepHeader};
use crate::ui::session::RetroSession;
use crate::ui::widgets::{ChoiceSelect, DateTimeField, ItemControls, TextField};
use crate::domain::coaching::CoachedField;
use leptos::prelude::*;

#[component]
pub fn TimelineStep() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let order = s.memo(|r| r.timeline_order());
    let durations = s.memo(|r| incident_durations(&r.timeline));
    let add = move |_| add_timeline_entry(s);
    let duration = |label: &'static str, value: Memo<Derived>| {
        view! {
            <div class="metric">
                <dt>{label}</dt>
                <dd class:missing=move || matches!(value.get(), Derived::Missing(_))
                    class:questionable=move || matches!(value.get(), Derived::BeforeTrigger { .. })>{move || value.get().describe()}</dd>
            </div>
        }
    };
    view! {
        <StepHeader step=Step::WhatHappened />
        <dl class="metrics" aria-label="Derived from the timeline">
            {duration("Time to detect", Memo::new(move |_| durations.get().time_to_detect))}
            {duration("Time to resolve", Memo::new(move |_| durations.get().time_to_resolve))}
        </dl>
        <Show when=move || !order.get().is_empty()
            fallback=|| view! { <EmptyState step=Step::WhatHappened what="No entries yet. Add what happened, one fact per entry, with a time if you know it." /> }>
            <ol class="item-list timeline-list" aria-label="Timeline">
                <For each=move || order.get() key=|id| *id let(id)>
                    <TimelineRow id />
                </For>
            </ol>
        </Show>
        <button type="button" class="button add-button" on:click=add>"+ Add timeline entry"</button>
        <p class="hint">"Entries with a time are sorted by time; entries without one stay after the entry they follow."</p>
    }
}

/// Adds an entry at the end and puts the cursor in it.
pub fn add_timeline_entry(s: RetroSession) {
    let id = new_id();
    if s.apply(Edit::AddTimelineEntry { id }) {
        focus_soon(format!("tl-{id}-what"));
    }
}

#[component]
fn TimelineRow(id: Id) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let when = s.item_memo(id, move |r| r.timeline.get(&id).and_then(|e| e.when.value));
    let what = s.item_memo(id, move |r| r.timeline.get(&id).map(|e| e.what.value.clone()).unwrap_or_default());
    let kind = s.item_memo(id, move |r| r.timeline.get(&id).map(|e| e.kind.value).unwrap_or(EntryKind::Other));
    let evidence = s.item_memo(id, move |r| r.timeline.get(&id).map(|e| e.evidence.value.clone()).unwrap_or_default());
    let placeholder = s.doc.with_untracked(|r| r.template.copy(Step::WhatHappened).placeholder);
    let set = move |field: TimelineField| {
        s.apply(Edit::Timeline(id, field));
    };
    view! {
        <li class="card item timeline-item" data-kind=move || kind.get().key()>
            <div class="timeline-grid">
                <DateTimeField label="When" id=format!("tl-{id}-when") value=when
                    on_change=move |v| {
                        set(TimelineField::When(v));
                        // The entry may move to its new place in time; keep the cursor with it.
                        focus_soon(format!("tl-{id}-when"));
                    } />
                <ChoiceSelect label="Kind" value=kind on_change=move |v: EntryKind| set(TimelineField::Kind(v)) />
                <TextField label="What happened" id=format!("tl-{id}-what") multiline=true coach=CoachedField::TimelineWhat(id).to_string() class="grow" placeholder=placeholder
                    value=what on_input=move |v| set(TimelineField::What(v)) />
                <ItemControls noun="timeline entry"
                    on_move=move |up| {
                        if !s.apply(Edit::Move { id, up }) {
                            s.app().announcer.say("This entry is placed by its time. Change the time to move it.");
                        }
                    }
                    on_delete=move |_| { s.apply(Edit::Delete(id)); s.app().announcer.say("Timeline entry deleted."); } />
            </div>
            <TextField label="Evidence (link or reference)" class="evidence" placeholder="Dashboard, log query, ticket…"
                value=evidence on_input=move |v| set(TimelineField::Evidence(v)) />
        </li>
    }
}
