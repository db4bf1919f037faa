//! The audience window: what the room sees while the facilitator works in their own window.
//! Read-only, large, the current step and the timer. It follows the facilitator through the
//! `storage` event that every save raises in other windows, so it needs no server and no
//! channel of its own, and closing it loses nothing.

use crate::domain::export::write_up::{write_up, Options, Reader};
use crate::domain::i18n::tr;
use crate::domain::model::silent::Viewer;
use crate::domain::tf;
use crate::domain::{Id, LearningList, Retrospective, Step};
use crate::ui::context::AppState;
use crate::ui::timer::{use_clock, TimerFace};
use crate::ui::write_ups::{section_body, write_up_view};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn AudienceScreen(id: Id) -> impl IntoView {
    let app = expect_context::<AppState>();
    let load = move || app.repo.with_value(|repo| repo.load(id)).map_err(|e| e.to_string());
    let doc = RwSignal::new(load());
    let key = app.repo.with_value(|r| r.retro_key(id));
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let event: web_sys::StorageEvent = ev.unchecked_into();
        if event.key().as_deref() == Some(key.as_str()) {
            // The value the other window wrote (reading storage again may still answer with
            // an older one); keep showing the last good version if the new one cannot be read.
            if let Some(Ok(retro)) = event.new_value().map(|raw| crate::domain::decode(&raw)) {
                doc.set(Ok(retro));
            }
        }
    });
    on_cleanup(move || listener.remove());
    let now = use_clock();
    Effect::new(move |_| {
        if let Ok(r) = &*doc.read() {
            app.set_title(&tf!("{title} · audience · Retrace", title = r.display_title()));
        }
    });
    view! {
        <div class="audience">
            {move || match &*doc.read() {
                Err(message) => view! {
                    <section class="panel load-failure">
                        <h1>{tr("Nothing to show yet")}</h1>
                        <p>{message.clone()}</p>
                    </section>
                }.into_any(),
                Ok(r) => {
                    // The room's screen: nobody's unrevealed note, whoever's window this is.
                    let r = &*r.as_seen_by(Viewer::Room);
                    let step = r.step.value;
                    let timer = r.facilitation.timer(step);
                    view! {
                        <header class="audience-header">
                            <div>
                                <p class="eyebrow">{tf!("{title} · step {n} of 5", title = r.display_title(), n = step.index() + 1)}</p>
                                <h1>{step.label()}</h1>
                            </div>
                            <TimerFace timer=Signal::derive(move || timer) now />
                        </header>
                        <section class="audience-body" aria-live="off">{step_view(r, step)}</section>
                    }.into_any()
                }
            }}
        </div>
    }
}

/// The step's part of the full learning review, as the screen shows it (see
/// `Options::on_screen`): the same words the report and the write-ups use.
pub fn step_view(r: &Retrospective, step: Step) -> AnyView {
    let review = write_up(r, Reader::Full, Options::on_screen(r));
    let part = |heading: &str| section_body(&review, heading);
    match step {
        Step::SetTheStage => view! {
            {part(tr("Overview"))}
            <blockquote class="agreement-text">{r.agreement().to_string()}</blockquote>
        }
        .into_any(),
        Step::WhatHappened => part(tr("What happened")),
        Step::Why => part(tr("Why")),
        Step::Prevention => part(tr("Prevention")),
        Step::Summary => view! {
            <div class="summary-grid">
                <section><h2>{LearningList::WentWell.label()}</h2>{part(LearningList::WentWell.label())}</section>
                <section><h2>{LearningList::Lucky.label()}</h2>{part(LearningList::Lucky.label())}</section>
            </div>
            <details class="audience-report"><summary>{tr("Whole report")}</summary>{write_up_view(&review)}</details>
        }
        .into_any(),
    }
}
