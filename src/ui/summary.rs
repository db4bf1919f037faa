//! *Summary*: the whole retrospective as a readable report, plus what went well and where
//! we got lucky.

use crate::domain::factors::why_children;
use crate::domain::timeline::incident_durations;
use crate::domain::{Edit, Id, LearningList, Retrospective, Step};
use crate::ui::platform::{focus_soon, new_id};
use crate::ui::retro::StepHeader;
use crate::ui::session::RetroSession;
use crate::ui::widgets::{ItemControls, TextField};
use leptos::prelude::*;

#[component]
pub fn SummaryStep() -> impl IntoView {
    view! {
        <StepHeader step=Step::Summary />
        <div class="summary-grid">
            <LearningColumn list=LearningList::WentWell placeholder="What went well?" />
            <LearningColumn list=LearningList::Lucky placeholder="Where did luck help us?" />
        </div>
        <Report />
    }
}

#[component]
fn LearningColumn(list: LearningList, placeholder: &'static str) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let order = s.memo(move |r| r.learning_order(list));
    let heading_id = format!("learning-{}", list.key());
    let add = move |_| {
        let id = new_id();
        if s.apply(Edit::AddLearning { id, list }) {
            focus_soon(format!("learning-{id}"));
        }
    };
    view! {
        <section class="card learning-column" aria-labelledby=heading_id>
            <h3 id=heading_id.clone()>{list.label()}</h3>
            <ul class="learning-list">
                <For each=move || order.get() key=|id| *id let(id)>
                    <li class="learning-item">
                        <TextField label=list.label() label_hidden=true id=format!("learning-{id}") multiline=true class="grow"
                            placeholder=placeholder
                            value=s.memo(move |r| r.learnings.get(&id).map(|l| l.text.value.clone()).unwrap_or_default())
                            on_input=move |v| { s.apply(Edit::LearningText(id, v)); } />
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

/// The read-only report. Rebuilt from the document when anything changes: it is one view of
/// the whole retrospective, so there is nothing finer-grained to track.
#[component]
fn Report() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    view! {
        <article class="card report" aria-labelledby="report-title">
            <h3 id="report-title">"Report"</h3>
            {move || s.doc.with(report_body)}
        </article>
    }
}

fn or_none(text: &str, none: &'static str) -> String {
    let t = text.trim();
    if t.is_empty() { none.to_string() } else { t.to_string() }
}

fn report_body(r: &Retrospective) -> AnyView {
    let durations = incident_durations(&r.timeline);
    let window = match (r.incident_start.value, r.incident_end.value) {
        (Some(a), Some(b)) => format!("{} – {}", a.to_string().replace('T', " "), b.to_string().replace('T', " ")),
        (Some(a), None) => format!("From {}", a.to_string().replace('T', " ")),
        _ => "Not recorded".into(),
    };
    let timeline = r
        .timeline_order()
        .into_iter()
        .map(|id| {
            let e = &r.timeline[&id];
            view! {
                <tr>
                    <td class="nowrap">{e.when.value.map(|t| t.to_string().replace('T', " ")).unwrap_or_else(|| "—".into())}</td>
                    <td>{e.kind.value.label()}</td>
                    <td class="pre">{e.what.value.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let factors = r
        .factor_order()
        .into_iter()
        .map(|id| {
            let f = &r.factors[&id];
            view! {
                <li>
                    <p>
                        <strong class="pre">{or_none(&f.statement.value, "(no statement)")}</strong>
                        " · " {f.category.value.label()} {f.key.value.then_some(" · key factor")}
                    </p>
                    {why_report(r, id, None)}
                </li>
            }
        })
        .collect_view();
    let actions = r
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
    let learnings = |list| {
        let order = r.learning_order(list);
        if order.is_empty() {
            return view! { <p class="hint">"Nothing recorded."</p> }.into_any();
        }
        let items = order
            .into_iter()
            .map(|id| view! { <li class="pre">{r.learnings[&id].text.value.clone()}</li> })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! {
        <dl class="report-facts">
            <dt>"Title"</dt><dd>{r.display_title().to_string()}</dd>
            <dt>"Kind"</dt><dd>{r.template.label()}</dd>
            <dt>"When"</dt><dd>{window}</dd>
            <dt>"Impact"</dt><dd class="pre">{or_none(&r.impact.value, "Not recorded")}</dd>
            <dt>"Time to detect"</dt><dd>{durations.time_to_detect.describe()}</dd>
            <dt>"Time to resolve"</dt><dd>{durations.time_to_resolve.describe()}</dd>
        </dl>
        <h4>"What happened"</h4>
        {if r.timeline.is_empty() {
            view! { <p class="hint">"No timeline entries."</p> }.into_any()
        } else {
            view! {
                <table class="report-table">
                    <thead><tr><th scope="col">"When"</th><th scope="col">"Kind"</th><th scope="col">"What happened"</th></tr></thead>
                    <tbody>{timeline}</tbody>
                </table>
            }.into_any()
        }}
        <h4>"Why"</h4>
        {if r.factors.is_empty() {
            view! { <p class="hint">"No contributing factors."</p> }.into_any()
        } else {
            view! { <ol class="report-factors">{factors}</ol> }.into_any()
        }}
        <h4>"Prevention"</h4>
        {if r.actions.is_empty() {
            view! { <p class="hint">"No actions."</p> }.into_any()
        } else {
            view! {
                <table class="report-table">
                    <thead><tr><th scope="col">"Action"</th><th scope="col">"Owner"</th><th scope="col">"Due"</th><th scope="col">"Priority"</th><th scope="col">"Status"</th></tr></thead>
                    <tbody>{actions}</tbody>
                </table>
            }.into_any()
        }}
        <h4>"What went well"</h4>
        {learnings(LearningList::WentWell)}
        <h4>"Where we got lucky"</h4>
        {learnings(LearningList::Lucky)}
    }
    .into_any()
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
