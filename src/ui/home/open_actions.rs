//! Open actions from every retrospective, with the issue tracker they can be filed in.

use super::state::Home;
use crate::domain::export::tracker::{new_issue_url, IssueDraft};
use crate::domain::i18n::tr;
use crate::domain::listing::RetroSummary;
use crate::domain::tf;
use crate::ui::context::uid;
use crate::ui::context::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// Open actions from every retrospective, so the next one starts by reviewing them.
#[component]
pub(super) fn OpenActions() -> impl IntoView {
    let home = expect_context::<Home>();
    let rows = Memo::new(move |_| {
        home.summaries.with(|l| {
            let mut rows: Vec<(Arc<RetroSummary>, crate::domain::listing::OpenAction)> =
                l.iter().flat_map(|s| s.open_action_items.iter().map(move |a| (s.clone(), a.clone()))).collect();
            crate::domain::listing::by_urgency(&mut rows, |(_, a)| a);
            rows
        })
    });
    // The most urgent first, the rest on request: a long history can hold hundreds.
    const FIRST: usize = 10;
    let show_all = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let mut rows = rows.get();
        if !show_all.get() {
            rows.truncate(FIRST);
        }
        rows
    });
    let tracker = RwSignal::new(home.app.repo.with_value(|r| r.tracker()));
    let today = crate::ui::platform::today();
    let mark_done = move |retro: crate::domain::Id, action: crate::domain::Id| {
        let done = crate::domain::Edit::Action(action, crate::domain::ActionField::Status(crate::domain::ActionStatus::Done));
        leptos::task::spawn_local(async move {
            match home.change(retro, done).await {
                Ok(()) => home.app.announcer.say(tr("Marked done.")),
                Err(e) => home.app.announcer.say(tf!("Could not mark it done: {problem}", problem = e)),
            }
            home.refresh();
        });
    };
    view! {
        <Show when=move || !rows.get().is_empty()>
            <section class="open-actions" aria-labelledby=uid("open-actions-title")>
                <h2 id=uid("open-actions-title")>{tr("Open actions")}</h2>
                <p class="hint">{tr("From all your retrospectives: review them at the start of the next one.")}</p>
                <table class="report-table">
                    <thead><tr>
                        <th scope="col">{tr("Done")}</th><th scope="col">{tr("Action")}</th><th scope="col">{tr("Owner")}</th>
                        <th scope="col">{tr("Due")}</th><th scope="col">{tr("Retrospective")}</th><th scope="col">{tr("Tracker")}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || shown.get() key=|(s, a)| (s.id, a.id, a.description.clone(), a.owner.clone(), a.due) let((summary, action))>
                            {
                                let overdue = action.is_overdue(today);
                                let label = if action.description.is_empty() { tr("Untitled action").to_string() } else { action.description.clone() };
                                let (retro_id, action_id) = (summary.id, action.id);
                                // Built from the summary the index holds: no document is read to draw the list.
                                let draft_source = (summary.clone(), action.clone());
                                let issue_link = move || tracker.get().and_then(|(kind, base)| {
                                    let draft = IssueDraft::from_summary(&draft_source.0, &draft_source.1);
                                    new_issue_url(kind, &base, &draft).ok()
                                });
                                view! {
                                    <tr class:overdue=overdue>
                                        <td><input type="checkbox" aria-label=tf!("Mark “{action}” done", action = label) on:change=move |_| mark_done(retro_id, action_id) /></td>
                                        <td class="pre">{label.clone()}</td>
                                        <td>{if action.owner.is_empty() { "—".to_string() } else { action.owner.clone() }}</td>
                                        <td class="nowrap">{action.due.map(|d| if overdue { tf!("{date} (overdue)", date = d.shown()) } else { d.shown() }).unwrap_or_else(|| "—".into())}</td>
                                        <td><a href=Route::Retro(retro_id).to_hash()>{summary.title().to_string()}</a></td>
                                        <td>{move || issue_link().map(|url| view! {
                                            <a href=url target="_blank" rel="noopener noreferrer">{tr("New issue")}</a>
                                        })}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
                <Show when=move || rows.with(|r| r.len() > FIRST)>
                    <button type="button" class="button quiet small" aria-expanded=move || show_all.get().to_string()
                        on:click=move |_| show_all.update(|all| *all = !*all)>
                        {move || if show_all.get() { tf!("Show the first {count}", count = FIRST) } else { tf!("Show all {count} open actions", count = rows.with(Vec::len)) }}
                    </button>
                </Show>
                <TrackerSettings tracker />
            </section>
        </Show>
    }
}

/// Where "New issue" links go; set once per browser.
#[component]
fn TrackerSettings(tracker: RwSignal<Option<(crate::domain::export::tracker::Tracker, String)>>) -> impl IntoView {
    use crate::domain::export::tracker::Tracker;
    let home = expect_context::<Home>();
    let kind = RwSignal::new(tracker.get_untracked().map(|t| t.0).unwrap_or(Tracker::GitHub));
    let base = RwSignal::new(tracker.get_untracked().map(|t| t.1).unwrap_or_default());
    let problem = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = base.get_untracked();
        let choice = (!text.trim().is_empty()).then(|| (kind.get_untracked(), text.as_str()));
        match home.app.repo.with_value(|r| r.set_tracker(choice)) {
            Ok(()) => {
                problem.set(None);
                tracker.set(home.app.repo.with_value(|r| r.tracker()));
                home.app.announcer.say(if choice.is_some() { tr("Issue tracker saved.") } else { tr("Issue tracker removed.") });
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <details class="tracker-settings">
            <summary>{move || match tracker.get() { Some((k, _)) => tf!("Issue tracker: {tracker}", tracker = k.label()), None => tr("Set up “New issue” links").to_string() }}</summary>
            <form class="tracker-form" on:submit=save>
                <div class="field">
                    <label for=uid("tracker-kind") class="field-label">{tr("Tracker")}</label>
                    <select id=uid("tracker-kind") on:change=move |ev| if let Some(k) = Tracker::from_key(&event_target_value(&ev)) { kind.set(k) }>
                        {Tracker::ALL.iter().map(|t| { let t = *t; view! { <option value=t.key() prop:selected=move || kind.get() == t>{t.label()}</option> } }).collect_view()}
                    </select>
                </div>
                <div class="field grow">
                    <label for=uid("tracker-base") class="field-label">{tr("Project address")}</label>
                    <input id=uid("tracker-base") type="url" placeholder=tr("https://github.com/your-org/your-repo")
                        prop:value=move || base.get() on:input=move |ev| base.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button">{tr("Save")}</button>
            </form>
            {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
        </details>
    }
}
