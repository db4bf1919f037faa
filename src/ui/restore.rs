//! A backup arriving (an imported file): what restoring it will add, merge or leave as it is,
//! shown before anything is written; restored only when the person chooses.

use crate::domain::change::restore::{RestorePlan, RestoreStep};
use crate::domain::i18n::{tr, trn};
use crate::domain::model::time::describe_age;
use crate::domain::tf;
use crate::ui::context::{uid, AppState, Route};
use crate::ui::platform::now_ms;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn RestorePreview(plan: RestorePlan, created_at: i64, settings: BTreeMap<String, serde_json::Value>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let summary = plan.describe();
    let rows = plan
        .steps
        .iter()
        .map(|step| {
            let (title, what) = match step {
                RestoreStep::Add(r) => (r.display_title().to_string(), tr("added").to_string()),
                RestoreStep::Merge { merged, report } => (
                    merged.display_title().to_string(),
                    tf!(
                        "merged with yours: {added} added, {changed} changed, {removed} removed.",
                        added = report.added,
                        changed = report.changed,
                        removed = report.removed
                    ),
                ),
                RestoreStep::Unchanged(id) => {
                    (state.repo.with_value(|r| r.load(*id).map(|r| r.display_title().to_string()).unwrap_or_default()), tr("already up to date").to_string())
                }
            };
            view! { <li><strong>{title}</strong>" — "{what}</li> }
        })
        .collect_view();
    let unreadable = plan
        .unreadable
        .iter()
        .map(|(place, problem)| view! { <li>{tf!("Retrospective {number} in the file: {problem}", number = place + 1, problem = problem)}</li> })
        .collect_view();
    let any_unreadable = !plan.unreadable.is_empty();
    let nothing_to_do = plan.steps.iter().all(|s| matches!(s, RestoreStep::Unchanged(_)));
    let plan = StoredValue::new(Some(plan));
    let problem = RwSignal::new(None::<String>);
    let restore = move |_| {
        let Some(plan) = plan.try_update_value(Option::take).flatten() else { return };
        let (written, failed) = state.repo.with_value(|r| {
            r.restore_settings(&settings);
            r.carry_out(plan)
        });
        if failed.is_empty() {
            let said = trn("Restored {n} retrospective.", "Restored {n} retrospectives.", written);
            state.notice.set(Some(said.clone()));
            state.announcer.say(said);
            state.leave_incoming(Route::Home);
        } else {
            problem.set(Some(tf!("{count} restored; these were not, and nothing of them was changed: {failed}", count = written, failed = failed.join("; "))));
        }
    };
    view! {
        <section class="incoming" aria-labelledby=uid("restore-title")>
            <h1 id=uid("restore-title")>{tr("Restore a backup")}</h1>
            <p class="hint">{tr("Nothing is written until you choose. Retrospectives this browser lacks are added; those it has are merged, so no edit on either side is lost.")}</p>
            <article class="card preview">
                <p>{tf!("A backup made {age}: {summary}", age = describe_age(created_at, now_ms(), 0), summary = summary)}</p>
                <ul class="restore-list">{rows}</ul>
                {any_unreadable.then(|| view! {
                    <p class="banner banner-warning">{tr("Some retrospectives in the file cannot be read and will not be restored:")}</p>
                    <ul>{unreadable}</ul>
                })}
                {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                <div class="button-row">
                    <button type="button" class="button primary" prop:disabled=nothing_to_do on:click=restore>{tr("Restore")}</button>
                    <button type="button" class="button quiet" on:click=move |_| state.leave_incoming(Route::Home)>{tr("Cancel")}</button>
                </div>
            </article>
        </section>
    }
}
