//! **Present**: the facilitator's own window turned into the shared screen, the content alone.
//! No form chrome and no per-item controls: one line per timeline entry, one per factor or
//! action, the derived durations on one line, the step's timer, and the way to the next step.
//! It shows the retrospective as the room may see it, so nobody's unrevealed note appears,
//! the facilitator's own included (see `model::silent`).

use crate::domain::i18n::tr;
use crate::domain::model::timeline::incident_durations;
use crate::domain::tf;
use crate::domain::{Retrospective, Step};
use crate::ui::session::RetroSession;
use crate::ui::silent::count_words;
use crate::ui::timer::{use_clock, TimerFace};
use leptos::prelude::*;

#[component]
pub fn PresentView(on_go: Callback<Step>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let now = use_clock();
    let step = s.shown_step;
    let title = s.memo(|r| r.display_title().to_string());
    let timer = s.memo(|r| r.facilitation.timer(r.step.value));
    let count = s.memo(move |r| r.writing_count(step.get()).map(|c| count_words(c.people, c.notes)));
    let heading = s.app().id("step-heading");
    view! {
        <div class="present">
            <header class="present-bar">
                <div class="present-title">
                    <p class="eyebrow">{move || tf!("{title} · step {n} of 5", title = title.get(), n = step.get().index() + 1)}</p>
                    <h2 id=heading tabindex="-1">{move || step.get().label()}</h2>
                </div>
                {move || count.get().map(|words| view! {
                    <p class="present-writing" role="status"><strong>{tr("Writing")}</strong>{format!(" · {words}")}</p>
                })}
                <TimerFace timer=Signal::derive(move || timer.get()) now />
                <button type="button" class="button small" aria-keyshortcuts="Escape" on:click=move |_| s.presenting.set(false)>{tr("Stop presenting")}</button>
            </header>
            <section class="present-body" aria-live="off">
                // Rebuilt when edits settle: the room's screen need not follow each keystroke.
                {move || {
                    s.settled.track();
                    let viewer = s.viewer.get();
                    let step = step.get();
                    s.doc.with(|r| content(&r.as_seen_by(viewer), step))
                }}
            </section>
            <nav class="present-nav" aria-label=tr("Previous and next step")>
                {move || step.get().previous().map(|p| view! {
                    <button type="button" class="button quiet" on:click=move |_| on_go.run(p)>{tf!("← Back: {step}", step = p.label())}</button>
                })}
                <span class="spacer"></span>
                {move || step.get().next().map(|n| view! {
                    <button type="button" class="button" on:click=move |_| on_go.run(n)>{tf!("Next: {step} →", step = n.label())}</button>
                })}
            </nav>
        </div>
    }
}

/// The step's content, one line per item.
fn content(r: &Retrospective, step: Step) -> AnyView {
    match step {
        Step::WhatHappened => timeline(r),
        Step::Why => factors(r),
        // The others read best as the audience window shows them.
        other => crate::ui::audience::step_view(r, other),
    }
}

fn timeline(r: &Retrospective) -> AnyView {
    let durations = incident_durations(&r.timeline);
    let entries = r
        .timeline_order()
        .into_iter()
        .map(|id| {
            let e = &r.timeline[&id];
            view! {
                <li>
                    <span class="present-when">{e.when.value.map(|w| w.clock_time()).unwrap_or_default()}</span>
                    <span class="present-kind">{e.kind.value.label()}</span>
                    <span class="present-text">{e.what.value.clone()}</span>
                    <crate::ui::silent::WrittenBy id />
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="present-durations">
            {tf!("Time to detect: {ttd} · Time to resolve: {ttr}", ttd = durations.time_to_detect.describe(), ttr = durations.time_to_resolve.describe())}
        </p>
        <ol class="present-list present-timeline" aria-label=tr("Timeline")>{entries}</ol>
    }
    .into_any()
}

fn factors(r: &Retrospective) -> AnyView {
    let totals = r.vote_totals();
    let safe = r.facilitation.safe_to_share.value;
    let items = r
        .factor_order()
        .into_iter()
        .map(|id| {
            let f = &r.factors[&id];
            let votes = totals.get(&id).copied().unwrap_or(0);
            view! {
                <li class:key-factor=f.key.value>
                    <span class="present-kind">{f.category.value.label()}</span>
                    <span class="present-text">{f.statement.value.clone()}{f.key.value.then(|| view! { <strong class="present-key">{tr(" · key")}</strong> })}</span>
                    {(!safe && votes > 0).then(|| view! { <span class="present-votes">{format!("● {votes}")}</span> })}
                    <crate::ui::silent::WrittenBy id />
                </li>
            }
        })
        .collect_view();
    view! { <ol class="present-list present-factors" aria-label=tr("Contributing factors")>{items}</ol> }.into_any()
}
