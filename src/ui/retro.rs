//! One retrospective on screen: header, stepper, the current step, and step navigation.

use crate::app::{AppState, Route};
use crate::domain::{Id, Retrospective, Step};
use crate::storage::LoadError;
use crate::ui::platform::{download, focus_soon};
use crate::ui::prevention::PreventionStep;
use crate::ui::session::RetroSession;
use crate::ui::stage::StageStep;
use crate::ui::summary::SummaryStep;
use crate::ui::timeline::TimelineStep;
use crate::ui::why::WhyStep;
use crate::ui::widgets::StorageBanner;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn RetroScreen(id: Id) -> impl IntoView {
    let app = expect_context::<AppState>();
    match app.repo.with_value(|repo| repo.load(id)) {
        Ok(retro) => view! { <Workspace retro /> }.into_any(),
        Err(error) => view! { <LoadFailure id error /> }.into_any(),
    }
}

/// Shown when a retrospective cannot be opened: say why, keep the data, offer a way out.
#[component]
fn LoadFailure(id: Id, error: LoadError) -> impl IntoView {
    let app = expect_context::<AppState>();
    let key = app.repo.with_value(|r| r.retro_key(id));
    let has_raw = matches!(error, LoadError::Damaged(_));
    let message = error.to_string();
    let download_raw = move |_| {
        if let Ok(Some(raw)) = app.repo.with_value(|r| r.raw(&key)) {
            let _ = download(&format!("retrace-{id}-raw.txt"), "text/plain", &raw);
        }
    };
    view! {
        <section class="panel load-failure" aria-labelledby="load-failure-title">
            <h1 id="load-failure-title">"This retrospective can't be opened"</h1>
            <p>{message}</p>
            <p>"Nothing has been changed or deleted."</p>
            <div class="button-row">
                <button type="button" class="button primary" on:click=move |_| app.navigate(Route::Home)>
                    "Back to all retrospectives"
                </button>
                {has_raw.then(|| view! {
                    <button type="button" class="button" on:click=download_raw>"Download raw data"</button>
                })}
            </div>
        </section>
    }
}

#[component]
fn Workspace(retro: Retrospective) -> impl IntoView {
    let app = expect_context::<AppState>();
    let session = RetroSession::new(app, retro);
    provide_context(session);
    let retro_key = app.repo.with_value(|r| r.retro_key(session.doc.with_untracked(|d| d.id)));

    // Never lose the last keystroke: flush when the page is hidden, closed or left.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| session.flush());
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            session.flush();
        }
    });
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        let event: web_sys::StorageEvent = ev.unchecked_into();
        if event.key().as_deref() == Some(retro_key.as_str()) {
            session.merge_from_storage();
        }
    });
    on_cleanup(move || {
        session.flush();
        on_hide.remove();
        on_visibility.remove();
        on_storage.remove();
    });

    let title = session.memo(|r| r.display_title().to_string());
    let template = session.memo(|r| r.template.label());
    let step = session.memo(|r| r.step.value);
    Effect::new(move |_| document().set_title(&format!("{} · Retrace", title.get())));
    on_cleanup(|| document().set_title("Retrace"));

    let go = move |target: Step| {
        session.apply(crate::domain::Edit::GoTo(target));
        focus_soon("step-heading".into());
    };

    view! {
        <div class="workspace">
            <StorageBanner message=session.save_problem on_download=Callback::new(move |_| session.download_json()) />
            <div class="workspace-header">
                <button type="button" class="button quiet" on:click=move |_| app.navigate(Route::Home)>
                    "← All retrospectives"
                </button>
                <div class="workspace-title">
                    <p class="eyebrow">{template}</p>
                    <h1>{title}</h1>
                </div>
                <SaveStatus />
            </div>
            <Stepper on_go=Callback::new(go) />
            <section class="step-body" aria-labelledby="step-heading">
                {move || match step.get() {
                    Step::SetTheStage => view! { <StageStep /> }.into_any(),
                    Step::WhatHappened => view! { <TimelineStep /> }.into_any(),
                    Step::Why => view! { <WhyStep /> }.into_any(),
                    Step::Prevention => view! { <PreventionStep /> }.into_any(),
                    Step::Summary => view! { <SummaryStep /> }.into_any(),
                }}
            </section>
            <nav class="step-nav" aria-label="Previous and next step">
                {move || step.get().previous().map(|p| view! {
                    <button type="button" class="button" on:click=move |_| go(p)>
                        {format!("← Back: {}", p.label())}
                    </button>
                })}
                <span class="spacer"></span>
                {move || step.get().next().map(|n| view! {
                    <button type="button" class="button primary" on:click=move |_| go(n)>
                        {format!("Next: {} →", n.label())}
                    </button>
                })}
            </nav>
        </div>
    }
}

#[component]
fn SaveStatus() -> impl IntoView {
    let session = expect_context::<RetroSession>();
    view! {
        <p class="save-status">
            {move || if session.save_problem.get().is_some() { "Not saved" } else { "Saved in this browser" }}
        </p>
    }
}

/// The five steps as a navigation landmark; the current one carries `aria-current="step"`.
#[component]
fn Stepper(on_go: Callback<Step>) -> impl IntoView {
    let session = expect_context::<RetroSession>();
    let current = session.memo(|r| r.step.value);
    let items = Step::ALL
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let step = *step;
            let filled = session.memo(move |r| r.step_has_content(step));
            view! {
                <li>
                    <button type="button" class="step-link"
                        aria-current=move || (current.get() == step).then_some("step")
                        on:click=move |_| on_go.run(step)>
                        <span class="step-number" aria-hidden="true">{index + 1}</span>
                        <span class="step-name">{step.label()}</span>
                        <span class="step-state" class:filled=move || filled.get()>
                            <span aria-hidden="true">{move || if filled.get() { "●" } else { "○" }}</span>
                            <span class="sr-only">{move || if filled.get() { " (has content)" } else { " (empty)" }}</span>
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="stepper" aria-label="Retrospective steps">
            <ol>{items}</ol>
        </nav>
    }
}

/// The heading, purpose and (when empty) an example for the current step.
#[component]
pub fn StepHeader(step: Step) -> impl IntoView {
    let session = expect_context::<RetroSession>();
    let copy = session.doc.with_untracked(|r| r.template.copy(step));
    view! {
        <header class="step-header">
            <h2 id="step-heading" tabindex="-1">{step.label()}</h2>
            <p class="step-purpose">{copy.purpose}</p>
        </header>
    }
}

/// What an empty step shows: what belongs here and one example.
#[component]
pub fn EmptyState(step: Step, #[prop(into)] what: String) -> impl IntoView {
    let session = expect_context::<RetroSession>();
    let copy = session.doc.with_untracked(|r| r.template.copy(step));
    view! {
        <div class="empty-state">
            <p class="empty-title">{what}</p>
            <p class="empty-example"><span class="example-label">"Example: "</span>{copy.example}</p>
        </div>
    }
}
