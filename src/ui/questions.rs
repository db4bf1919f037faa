//! Open questions in *Summary*: what the review could not settle, and who could find out. A
//! question made from a difference between accounts says how many passages it came from (the
//! passages themselves stay private).

use crate::domain::i18n::{tr, trn};
use crate::domain::{Edit, QuestionField};
use crate::ui::context::uid;
use crate::ui::platform::{focus_soon, new_id};
use crate::ui::session::RetroSession;
use crate::ui::widgets::{InternalCheck, ItemControls, TextField};
use leptos::prelude::*;

#[component]
pub fn OpenQuestions() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let order = s.memo(|r| r.question_order());
    let add = move |_| {
        let id = new_id();
        if s.apply(Edit::AddQuestion { id, sources: vec![] }) {
            focus_soon(format!("question-{id}"));
        }
    };
    view! {
        <section class="card open-questions" aria-labelledby=uid("questions-title")>
            <h3 id=uid("questions-title")>{tr("Open questions")}</h3>
            <p class="hint">{tr("What is still unclear, and who could find out.")}</p>
            <ul class="question-list">
                <For each=move || order.get() key=|id| *id let(id)>
                    <li class="question-item">
                        <TextField label=tr("Open question") label_hidden=true id=format!("question-{id}") multiline=true class="grow"
                            placeholder=tr("What is still unclear?")
                            value=s.item_memo(id, move |r| r.questions.get(&id).map(|q| q.question.value.clone()).unwrap_or_default())
                            on_input=move |v| { s.apply(Edit::Question(id, QuestionField::Question(v))); } />
                        <TextField label=tr("Who could find out") id=format!("question-{id}-who")
                            placeholder=tr("A role or a team")
                            value=s.item_memo(id, move |r| r.questions.get(&id).map(|q| q.follow_up.value.clone()).unwrap_or_default())
                            on_input=move |v| { s.apply(Edit::Question(id, QuestionField::FollowUp(v))); } />
                        {
                            let sources = s.item_memo(id, move |r| r.questions.get(&id).map_or(0, |q| q.sources.value.len()));
                            move || (sources.get() > 0).then(|| view! { <p class="hint">{trn("From {n} passage of the accounts.", "From {n} passages of the accounts.", sources.get())}</p> })
                        }
                        <InternalCheck id=format!("question-{id}-internal")
                            value=s.item_memo(id, move |r| r.questions.get(&id).is_some_and(|q| q.internal.value))
                            on_change=move |v| { s.apply(Edit::Question(id, QuestionField::Internal(v))); } />
                        <ItemControls noun=tr("question")
                            on_move=move |up| { s.apply(Edit::Move { id, up }); }
                            on_delete=move |_| { s.apply(Edit::Delete(id)); } />
                    </li>
                </For>
            </ul>
            <button type="button" class="button quiet small" on:click=add>{tr("+ Add an open question")}</button>
        </section>
    }
}
