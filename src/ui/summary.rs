//! *Summary*: the whole retrospective as a readable report, plus what went well and where
//! we got lucky.

use crate::domain::coach::findings::CoachedField;
use crate::domain::model::factors::why_children;
use crate::domain::model::timeline::incident_durations;
use crate::domain::{Edit, HeaderField, Id, LearningField, LearningList, Retrospective, Step};
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
        <div class="summary-grid">
            <LearningColumn list=LearningList::WentWell placeholder="What went well?" />
            <LearningColumn list=LearningList::Lucky placeholder="Where did luck help us?" />
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
            <h3 id=uid("surprise-title")>"Why we were surprised"</h3>
            <TextField label="Why we were surprised" label_hidden=true id=uid("surprise") multiline=true coach=CoachedField::Surprise.to_string()
                placeholder="What did we believe about the system that turned out not to hold?"
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
    let order = s.memo(move |r| r.learning_order(list));
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
                        <ItemControls noun="note"
                            on_move=move |up| { s.apply(Edit::Move { id, up }); }
                            on_delete=move |_| { s.apply(Edit::Delete(id)); } />
                    </li>
                </For>
            </ul>
            <button type="button" class="button quiet small" on:click=add>{format!("+ Add to “{}”", list.label())}</button>
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
            <h3 id=uid("report-title")>"Report"</h3>
            {move || {
                s.settled.track();
                s.doc.with_untracked(full_report)
            }}
        </article>
    }
}

fn or_none(text: &str, none: &'static str) -> String {
    let t = text.trim();
    if t.is_empty() {
        none.to_string()
    } else {
        t.to_string()
    }
}

fn when(t: crate::domain::LocalDateTime) -> String {
    t.to_string().replace('T', " ")
}

/// Every section, in order: the Summary step's report.
pub fn full_report(r: &Retrospective) -> AnyView {
    view! {
        {facts_section(r)}
        <h4>"What happened"</h4>
        {timeline_section(r)}
        <h4>"Why"</h4>
        {factors_section(r)}
        <h4>"Prevention"</h4>
        {actions_section(r)}
        {questions_section(r)}
        <h4>"What went well"</h4>
        {learnings_section(r, LearningList::WentWell)}
        <h4>"Where we got lucky"</h4>
        {learnings_section(r, LearningList::Lucky)}
    }
    .into_any()
}

/// Title, window, impact, durations — and participants, unless the screen is "safe to share".
pub fn facts_section(r: &Retrospective) -> AnyView {
    let durations = incident_durations(&r.timeline);
    let (started, ended) = crate::domain::model::timeline::incident_span(r.incident_start.value, r.incident_end.value, &r.timeline);
    let window = match (started.time(), ended.time()) {
        (Some(_), Some(_)) => format!("{} – {}", started.describe_with(when), ended.describe_with(when)),
        (Some(_), None) => format!("From {}", started.describe_with(when)),
        _ => "Not recorded".into(),
    };
    let participants = (!r.facilitation.safe_to_share.value && !r.participants.value.trim().is_empty())
        .then(|| view! { <dt>"Participants"</dt><dd>{r.participants.value.clone()}</dd> });
    view! {
        <dl class="report-facts">
            <dt>"Title"</dt><dd>{r.display_title().to_string()}</dd>
            <dt>"Kind"</dt><dd>{r.template.label()}</dd>
            <dt>"When"</dt><dd>{window}</dd>
            <dt>"Impact"</dt><dd class="pre">{or_none(&r.impact.value, "Not recorded")}</dd>
            {participants}
            <dt>"Time to detect"</dt><dd>{durations.time_to_detect.describe()}</dd>
            <dt>"Time to resolve"</dt><dd>{durations.time_to_resolve.describe()}</dd>
        </dl>
    }
    .into_any()
}

pub fn timeline_section(r: &Retrospective) -> AnyView {
    if r.timeline.is_empty() {
        return view! { <p class="hint">"No timeline entries."</p> }.into_any();
    }
    let rows = r
        .timeline_order()
        .into_iter()
        .map(|id| {
            let e = &r.timeline[&id];
            view! {
                <tr>
                    <td class="nowrap">{e.when.value.map(when).unwrap_or_else(|| "—".into())}</td>
                    <td>{e.kind.value.label()}</td>
                    <td class="pre">{e.what.value.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="report-table">
            <thead><tr><th scope="col">"When"</th><th scope="col">"Kind"</th><th scope="col">"What happened"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// Factors with their why chains; duplicates merged into a factor are listed under it.
pub fn factors_section(r: &Retrospective) -> AnyView {
    let order = r.factor_order();
    if order.is_empty() {
        return view! { <p class="hint">"No contributing factors."</p> }.into_any();
    }
    let show_votes = !r.facilitation.safe_to_share.value;
    let addressed = r.addressed_factors();
    let items = order
        .into_iter()
        .map(|id| {
            let f = &r.factors[&id];
            let votes = r.total_votes(id);
            let parts = r
                .merged_parts(id)
                .into_iter()
                .map(|p| {
                    view! {
                        <li>
                            <span class="pre">{format!("Also named as: {}", or_none(&r.factors[&p].statement.value, "(no statement)"))}</span>
                            {why_report(r, p, None)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li>
                    <p>
                        <strong class="pre">{or_none(&f.statement.value, "(no statement)")}</strong>
                        " · " {f.category.value.label()} {f.key.value.then_some(" · key factor")}
                        {(f.key.value && !addressed.contains(&id)).then_some(" · no action yet")}
                        {(show_votes && votes > 0).then(|| format!(" · {votes} vote{}", if votes == 1 { "" } else { "s" }))}
                    </p>
                    {why_report(r, id, None)}
                    <ul class="report-parts">{parts}</ul>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="report-factors">{items}</ol> }.into_any()
}

pub fn actions_section(r: &Retrospective) -> AnyView {
    if r.actions.is_empty() {
        return view! { <p class="hint">"No actions."</p> }.into_any();
    }
    let rows = r
        .action_order()
        .into_iter()
        .map(|id| {
            let a = &r.actions[&id];
            view! {
                <tr>
                    <td class="pre">{or_none(&a.description.value, "(no description)")}</td>
                    <td>{or_none(&a.owner.value, "—")}</td>
                    <td class="nowrap">{a.due.value.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</td>
                    <td>{a.priority.value.label()}</td>
                    <td>{a.status.value.label()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="report-table">
            <thead><tr><th scope="col">"Action"</th><th scope="col">"Owner"</th><th scope="col">"Due"</th><th scope="col">"Priority"</th><th scope="col">"Status"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The open questions, with who could find out; nothing when there are none.
pub fn questions_section(r: &Retrospective) -> AnyView {
    let order = r.question_order();
    if order.is_empty() {
        return ().into_any();
    }
    let items = order
        .into_iter()
        .map(|id| {
            let q = &r.questions[&id];
            let who = q.follow_up.value.trim().to_string();
            view! {
                <li>
                    <span class="pre">{or_none(&q.question.value, "(no question written)")}</span>
                    {(!who.is_empty()).then(|| view! { <span class="hint">{format!(" — who could find out: {who}")}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <h4>"Open questions"</h4><ul>{items}</ul> }.into_any()
}

pub fn learnings_section(r: &Retrospective, list: LearningList) -> AnyView {
    let order = r.learning_order(list);
    if order.is_empty() {
        return view! { <p class="hint">"Nothing recorded."</p> }.into_any();
    }
    let items = order.into_iter().map(|id| view! { <li class="pre">{r.learnings[&id].text.value.clone()}</li> }).collect_view();
    view! { <ul>{items}</ul> }.into_any()
}

fn why_report(r: &Retrospective, factor: Id, parent: Option<Id>) -> AnyView {
    let children = why_children(&r.whys, factor, parent);
    if children.is_empty() {
        return ().into_any();
    }
    let items = children
        .into_iter()
        .map(|id| {
            let node = &r.whys[&id];
            view! {
                <li>
                    <span class="why-q">{node.question.value.clone()}</span>" "
                    <span class="pre">{or_none(&node.answer.value, "(not answered)")}</span>
                    {why_report(r, factor, Some(id))}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="report-whys">{items}</ul> }.into_any()
}
