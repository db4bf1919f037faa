//! Pieces every step shares: its header (heading, purpose, the facilitator's guide), what an
//! empty step shows, and printing the report. The steps import these; the workspace
//! (`retro.rs`) imports the steps, so they live here rather than there.

use crate::domain::facilitation::guide::guide;
use crate::domain::i18n::tr;
use crate::domain::Step;
use crate::ui::context::uid;
use crate::ui::session::{Printout, RetroSession};
use leptos::prelude::*;

/// The heading and purpose of the current step, and for whoever may lead, the facilitator's guide.
#[component]
pub fn StepHeader(step: Step) -> impl IntoView {
    let session = expect_context::<RetroSession>();
    let (copy, guide) = session.doc.with_untracked(|r| (crate::domain::StepWords::from(r.step_copy(step)), guide(r.template, step)));
    let participant = crate::ui::silent::Participant::of_screen();
    view! {
        <header class="step-header">
            <div class="step-title">
                <h2 id=uid("step-heading") tabindex="-1">{step.label()}</h2>
                <p class="step-purpose" title=copy.purpose.clone()>{copy.purpose.clone()}</p>
            </div>
            <Show when=move || !participant.get()>
                <details class="guide">
                    <summary>{tr("Facilitator guide")}</summary>
                    <div class="guide-body">
                        <p>{guide.purpose}</p>
                        <h3>{tr("Ask the room")}</h3>
                        <ul>{guide.questions.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}</ul>
                        <h3>{tr("Watch out for")}</h3>
                        <ul>{guide.traps.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
                    </div>
                </details>
            </Show>
        </header>
    }
}

/// The step's "+ Add …" button, placed twice around the items and shown in one place: before
/// them on a participant's screen (where to write comes first there), after them for whoever
/// leads, who works down the list.
#[component]
pub fn AddButton(label: &'static str, on_add: Callback<()>, before_items: bool) -> impl IntoView {
    let participant = crate::ui::silent::Participant::of_screen();
    view! {
        <Show when=move || participant.get() == before_items>
            <button type="button" class="button add-button" on:click=move |_| on_add.run(())>{label}</button>
        </Show>
    }
}

/// What an empty step shows: what belongs here and one example.
#[component]
pub fn EmptyState(step: Step, #[prop(into)] what: String) -> impl IntoView {
    let session = expect_context::<RetroSession>();
    let example = session.doc.with_untracked(|r| r.step_copy(step).example.to_string());
    view! {
        <div class="empty-state">
            <p class="empty-title">{what}</p>
            <p class="empty-example"><span class="example-label">{tr("Example: ")}</span>{example}</p>
        </div>
    }
}

/// Renders `what`, opens the browser's print dialog, and removes it again.
pub fn print(session: RetroSession, what: Printout) {
    session.printing.set(Some(what));
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        request_animation_frame(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
            let _ = session.printing.try_set(None);
        });
    });
}
