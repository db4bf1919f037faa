//! *What happened*: the timeline of facts and the durations derived from it.

use crate::domain::change::quick_entry::quick_entry_for;
use crate::domain::coach::findings::CoachedField;
use crate::domain::i18n::tr;
use crate::domain::model::timeline::{incident_durations, Derived};
use crate::domain::tf;
use crate::domain::{Edit, EntryKind, Id, Step, TimelineField};
use crate::ui::platform::{focus_soon, new_id};
use crate::ui::session::RetroSession;
use crate::ui::step::{EmptyState, StepHeader};
use crate::ui::widgets::{ChoiceSelect, DateTimeField, InternalCheck, ItemControls, TextField};
use crate::ui::zones::{day_in, zone_or_browser};
use leptos::prelude::*;

#[component]
pub fn TimelineStep() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let viewer = s.viewer;
    let order = s.memo(move |r| r.shown_to(viewer.get(), r.timeline_order()));
    let durations = s.memo(|r| incident_durations(&r.timeline));
    let add = move |_| add_timeline_entry(s);
    let import = NodeRef::<leptos::html::Dialog>::new();
    let zone = s.memo(|r| zone_or_browser(&r.time_zone.value));
    let duration = |label: &'static str, value: Memo<Derived>| {
        view! {
            <div class="metric">
                <dt>{label}</dt>
                <dd class:missing=move || matches!(value.get(), Derived::Missing(_))
                    class:questionable=move || matches!(value.get(), Derived::BeforeTrigger { .. })>{move || value.get().describe()}</dd>
            </div>
        }
    };
    // A participant's first screen is the writing, the entry field and the entries: the
    // durations come after them there.
    let participant = crate::ui::silent::Participant::of_screen();
    let metrics = move || {
        view! {
            <dl class="metrics" aria-label=tr("Derived from the timeline")>
                {duration(tr("Time to detect"), Memo::new(move |_| durations.get().time_to_detect))}
                {duration(tr("Time to resolve"), Memo::new(move |_| durations.get().time_to_resolve))}
            </dl>
        }
    };
    view! {
        <StepHeader step=Step::WhatHappened />
        <crate::ui::silent::SilentWriting step=Step::WhatHappened />
        <Show when=move || !participant.get()>{metrics}</Show>
        <QuickEntryLine />
        <Show when=move || !order.get().is_empty()
            fallback=|| view! { <EmptyState step=Step::WhatHappened what=tr("No entries yet. Type one line above (for example “14:02 error alert fired”) or add an entry, one fact each.") /> }>
            <div class="timeline-head" aria-hidden="true"><span>{move || tf!("When ({zone})", zone = zone.get())}</span><span>{tr("Kind")}</span><span>{tr("What happened")}</span></div>
            <ol class="item-list timeline-list" aria-label=tr("Timeline")>
                <For each=move || order.get() key=|id| *id let(id)>
                    <TimelineRow id />
                </For>
            </ol>
        </Show>
        <div class="button-row">
            <button type="button" class="button add-button" on:click=add>{tr("+ Add timeline entry")}</button>
            <button type="button" class="button" on:click=move |_| { if let Some(d) = import.get() { let _ = d.show_modal(); } }>{tr("Import from chat or log…")}</button>
        </div>
        <Show when=move || participant.get()>{metrics}</Show>
        <crate::ui::chat_import::ChatImport dialog=import />
        <crate::ui::accounts::AccountsSection />
        <p class="hint">{tr("Entries with a time are sorted by time; entries without one stay after the entry they follow.")}</p>
    }
}

/// One line for a live meeting: `14:02 error alert fired` becomes an entry at 14:02 on the
/// retrospective's day, and the cursor stays for the next line.
#[component]
fn QuickEntryLine() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let text = RwSignal::new(String::new());
    let input_id = s.app().id("quick-entry");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let line = text.get_untracked();
        let entry = s.doc.with_untracked(|r| quick_entry_for(r, &line, day_in(&zone_or_browser(&r.time_zone.value), r.created_at)));
        let Some(entry) = entry else { return };
        let id = new_id();
        if s.apply(Edit::AddTimelineEntry { id }) {
            s.apply(Edit::Timeline(id, TimelineField::When(entry.when)));
            s.apply(Edit::Timeline(id, TimelineField::What(entry.what)));
            text.set(String::new());
            s.app().announcer.say(match entry.when {
                Some(w) => tf!("Timeline entry added at {time}.", time = w.clock_time()),
                None => tr("Timeline entry added.").to_string(),
            });
        }
    };
    view! {
        <form class="quick-entry" on:submit=submit>
            <label for=input_id.clone() class="field-label">{tr("Quick entry")}</label>
            <input id=input_id type="text" autocomplete="off" maxlength=crate::ui::widgets::MAX_TEXT
                placeholder=tr("14:02 error alert fired — Enter adds it")
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev)) />
            <button type="submit" class="button">{tr("Add")}</button>
        </form>
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
    let internal = s.item_memo(id, move |r| r.timeline.get(&id).is_some_and(|e| e.internal.value));
    let placeholder = s.doc.with_untracked(|r| r.step_copy(Step::WhatHappened).placeholder.to_string());
    let set = move |field: TimelineField| {
        s.apply(Edit::Timeline(id, field));
    };
    // Evidence opens on demand; an entry that has some shows it is there.
    let evidence_open = RwSignal::new(false);
    let has_evidence = move || !evidence.get().trim().is_empty();
    let evidence_id = format!("tl-{id}-evidence");
    view! {
        <li class="card item timeline-item" data-kind=move || kind.get().key() data-internal=move || internal.get().then_some("true")>
            <div class="timeline-grid">
                <DateTimeField label=tr("When") label_hidden=true id=format!("tl-{id}-when") value=when
                    on_change=move |v| {
                        set(TimelineField::When(v));
                        // The entry may move to its new place in time; keep the cursor with it.
                        focus_soon(format!("tl-{id}-when"));
                    } />
                <ChoiceSelect label=tr("Kind") label_hidden=true value=kind on_change=move |v: EntryKind| set(TimelineField::Kind(v)) />
                <TextField label=tr("What happened") label_hidden=true id=format!("tl-{id}-what") multiline=true coach=CoachedField::TimelineWhat(id).to_string() class="grow" placeholder=placeholder
                    value=what on_input=move |v| set(TimelineField::What(v)) />
                <button type="button" class="button small quiet evidence-toggle" class:filled=has_evidence
                    aria-expanded=move || if evidence_open.get() { "true" } else { "false" }
                    aria-controls=evidence_id.clone()
                    on:click=move |_| {
                        let open = !evidence_open.get_untracked();
                        evidence_open.set(open);
                        if open { focus_soon(format!("tl-{id}-evidence")); }
                    }>
                    {tr("Evidence")}
                    <span class="evidence-mark" aria-hidden="true">{move || if has_evidence() { " ●" } else { "" }}</span>
                    <span class="sr-only">{move || if has_evidence() { tr(" (added)") } else { "" }}</span>
                </button>
                <ItemControls noun=tr("timeline entry")
                    on_move=move |up| {
                        if !s.apply(Edit::Move { id, up }) {
                            s.app().announcer.say(tr("This entry is placed by its time. Change the time to move it."));
                        }
                    }
                    on_delete=move |_| { s.apply(Edit::Delete(id)); s.app().announcer.say(tr("Timeline entry deleted.")); } />
            </div>
            <crate::ui::silent::WrittenBy id />
            <Show when=move || evidence_open.get()>
                <div class="evidence-row">
                    <TextField label=tr("Evidence (link or reference)") id=evidence_id.clone() class="evidence grow" placeholder=tr("Dashboard, log query, ticket…")
                        value=evidence on_input=move |v| set(TimelineField::Evidence(v)) />
                    <InternalCheck id=format!("tl-{id}-internal") value=internal on_change=move |v| set(TimelineField::Internal(v)) />
                </div>
            </Show>
        </li>
    }
}
