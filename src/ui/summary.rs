//! *Summary*: what went well and where we got lucky, why we were surprised, open questions,
//! themes, the publish checklist and the write-ups, and the whole retrospective as a report
//! (the full learning review, as the screen shows it).

use crate::domain::coach::findings::CoachedField;
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::domain::{Edit, HeaderField, LearningField, LearningList, Step};
use crate::ui::context::uid;
use crate::ui::platform::{focus_soon, new_id};
use crate::ui::session::RetroSession;
use crate::ui::step::StepHeader;
use crate::ui::widgets::{InternalCheck, ItemControls, TextField};
use leptos::prelude::*;

#[component]
pub fn SummaryStep() -> impl IntoView {
    view! {
        <StepHeader step=Step::Summary />
        <crate::ui::silent::SilentWriting step=Step::Summary />
        <div class="summary-grid">
            <LearningColumn list=LearningList::WentWell placeholder=tr("What went well?") />
            <LearningColumn list=LearningList::Lucky placeholder=tr("Where did luck help us?") />
        </div>
        <Surprise />
        <crate::ui::questions::OpenQuestions />
        <crate::ui::themes::Themes />
        <crate::ui::write_ups::ReadyToPublish />
        <crate::ui::write_ups::WriteUps />
        <Report />
    }
}

/// Why we were surprised: what the team believed about the system that turned out not to hold.
#[component]
fn Surprise() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    view! {
        <section class="card surprise" aria-labelledby=uid("surprise-title")>
            <h3 id=uid("surprise-title")>{tr("Why we were surprised")}</h3>
            <TextField label=tr("Why we were surprised") label_hidden=true id=uid("surprise") multiline=true coach=CoachedField::Surprise.to_string()
                placeholder=tr("What did we believe about the system that turned out not to hold?")
                value=s.memo(|r| r.surprise.value.clone())
                on_input=move |v| { s.apply(Edit::Header(HeaderField::Surprise(v))); } />
        </section>
    }
}

/// Adds a note to one of the two lists and puts the cursor in it.
pub fn add_learning(s: RetroSession, list: LearningList) {
    let id = new_id();
    if s.apply(Edit::AddLearning { id, list }) {
        focus_soon(format!("learning-{id}"));
    }
}

#[component]
fn LearningColumn(list: LearningList, placeholder: &'static str) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let viewer = s.viewer;
    let order = s.memo(move |r| r.shown_to(viewer.get(), r.learning_order(list)));
    let heading_id = format!("learning-{}", list.key());
    let add = move |_| add_learning(s, list);
    view! {
        <section class="card learning-column" aria-labelledby=heading_id>
            <h3 id=heading_id.clone()>{list.label()}</h3>
            <ul class="learning-list">
                <For each=move || order.get() key=|id| *id let(id)>
                    <li class="learning-item">
                        <TextField label=list.label() label_hidden=true id=format!("learning-{id}") multiline=true coach=CoachedField::Learning(id).to_string() class="grow"
                            placeholder=placeholder
                            value=s.item_memo(id, move |r| r.learnings.get(&id).map(|l| l.text.value.clone()).unwrap_or_default())
                            on_input=move |v| { s.apply(Edit::Learning(id, LearningField::Text(v))); } />
                        <InternalCheck id=format!("learning-{id}-internal")
                            value=s.item_memo(id, move |r| r.learnings.get(&id).is_some_and(|l| l.internal.value))
                            on_change=move |v| { s.apply(Edit::Learning(id, LearningField::Internal(v))); } />
                        <ItemControls noun=tr("note")
                            on_move=move |up| { s.apply(Edit::Move { id, up }); }
                            on_delete=move |_| { s.apply(Edit::Delete(id)); } />
                        <crate::ui::silent::WrittenBy id />
                    </li>
                </For>
            </ul>
            <button type="button" class="button quiet small" on:click=add>{tf!("+ Add to “{list}”", list = list.label())}</button>
        </section>
    }
}

/// The read-only report: one view of the whole retrospective, rebuilt when edits settle
/// (`RetroSession::settled`) rather than per keystroke, which for a large retrospective would
/// rebuild thousands of elements for every letter typed into "What went well".
#[component]
fn Report() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    view! {
        <article class="card report" aria-labelledby=uid("report-title")>
            <h3 id=uid("report-title")>{tr("Report")}</h3>
            {move || {
                s.settled.track();
                s.seen(crate::ui::write_ups::report_view)
            }}
        </article>
    }
}
