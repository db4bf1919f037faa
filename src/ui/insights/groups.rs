//! Recurring factors, by category: each group with the retrospectives it came up in and the
//! actions raised against it; a group none of whose actions is done is called out.

use crate::domain::i18n::{n_, tr};
use crate::domain::insights::recurring::FactorGroup;
use crate::domain::insights::Insights;
use crate::domain::tf;
use crate::domain::{Category, Date};
use crate::ui::context::{uid, AppState, Route};
use leptos::prelude::*;

/// Groups shown before "Show all": the most recurring come first.
const FIRST_GROUPS: usize = 10;
/// Places and actions listed per group before "Show all": the latest places, open actions first.
const PER_GROUP: usize = 5;

#[component]
pub(super) fn RecurringFactors(insights: Memo<Insights>) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let by_category = Memo::new(move |_| {
        insights.with(|i| {
            let shown = if show_all.get() { i.recurring.len() } else { FIRST_GROUPS };
            let groups = &i.recurring[..i.recurring.len().min(shown)];
            Category::ALL
                .iter()
                .map(|c| (*c, groups.iter().filter(|g| g.category == *c).cloned().collect::<Vec<_>>()))
                .filter(|(_, g)| !g.is_empty())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="insights-section" aria-labelledby=uid("insights-recurring-title")>
            <h2 id=uid("insights-recurring-title")>{tr("Recurring factors")}</h2>
            <p class="hint">{tr("Conditions that came up in more than one retrospective, grouped by their wording and by the links made while writing them.")}</p>
            <Show when=move || insights.with(|i| !i.recurring.is_empty())
                fallback=|| view! { <p class="empty-title">{tr("No condition came up in more than one retrospective.")}</p> }>
                <For each=move || by_category.get() key=|(c, groups)| (*c, groups.len(), groups.first().map(|g| g.members.len())) let((category, groups))>
                    <div class="group-category">
                        <h3>{category.label()}</h3>
                        <ul class="group-list">
                            {groups.into_iter().map(|g| view! { <GroupCard group=g /> }).collect_view()}
                        </ul>
                    </div>
                </For>
                <super::ShowAll show_all first=FIRST_GROUPS total=Signal::derive(move || insights.with(|i| i.recurring.len())) label=n_("Show all {n} recurring conditions") />
            </Show>
        </section>
    }
}

#[component]
fn GroupCard(group: FactorGroup) -> impl IntoView {
    let app = expect_context::<AppState>();
    let open = move |retro: crate::domain::Id| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            app.navigate(Route::Retro(retro));
        }
    };
    let none_done = group.none_done();
    let last = group.last_seen().map(Date::shown);
    let (retros, name) = (group.retros, group.name().to_string());
    // A condition that came up fifty times lists its latest few; the rest on request.
    let all_members = RwSignal::new(false);
    let all_actions = RwSignal::new(false);
    let total_members = group.members.len();
    let mut actions_sorted = group.actions.clone();
    retrace_domain::sorting::sort_by_key(&mut actions_sorted, |a| !a.status.is_open());
    let total_actions = actions_sorted.len();
    let members = std::sync::Arc::new(group.members);
    let actions_sorted = std::sync::Arc::new(actions_sorted);
    let member_rows = move || {
        let shown = if all_members.get() { total_members } else { PER_GROUP };
        members
            .iter()
            .rev()
            .take(shown)
            .map(|m| {
                view! {
                    <li>
                        <a href=Route::Retro(m.at.retro).to_hash() on:click=open(m.at.retro)>{m.retro_title.clone()}</a>
                        <span class="group-date">{format!(" · {}", m.date.shown())}</span>
                        <q class="group-statement">{m.statement.clone()}</q>
                    </li>
                }
            })
            .collect_view()
    };
    let action_rows = move || {
        let shown = if all_actions.get() { total_actions } else { PER_GROUP };
        actions_sorted
            .iter()
            .take(shown)
            .map(|a| {
                view! {
                    <li>
                        <span class=format!("status-chip status-{}", a.status.key())>{a.status.label()}</span>
                        " " {a.description.clone()}
                        <span class="group-date">{format!(" · {}", a.retro_title)}</span>
                    </li>
                }
            })
            .collect_view()
    };
    // `label` is "Show all {n} …": `more` shows only when there are more than `PER_GROUP`.
    let more = |all: RwSignal<bool>, total: usize, label: String| {
        view! {
            <Show when=move || { !all.get() && total > PER_GROUP }>
                <button type="button" class="button quiet small" on:click=move |_| all.set(true)>{label.clone()}</button>
            </Show>
        }
    };
    let actions = if total_actions == 0 {
        view! { <p class="hint">{tr("No action was raised against it.")}</p> }.into_any()
    } else {
        view! {
            <ul class="group-actions" aria-label=tr("Actions raised against it")>{action_rows}</ul>
            {more(all_actions, total_actions, tf!("Show all {n} actions", n = total_actions))}
        }
        .into_any()
    };
    view! {
        <li class="card group-card" class:none-done=none_done>
            <h4>{name}</h4>
            <p class="group-meta">{match last {
                Some(day) => tf!("Came up in {n} retrospectives, last on {day}.", n = retros, day = day),
                None => tf!("Came up in {n} retrospectives.", n = retros),
            }}</p>
            {none_done.then(|| view! { <p class="callout">{tr("No action against it is done yet.")}</p> })}
            <ul class="group-members" aria-label=tr("Where it came up")>{member_rows}</ul>
            {more(all_members, total_members, tf!("Show all {n} places it came up", n = total_members))}
            {actions}
        </li>
    }
}
