//! One saved retrospective in the list: open, rename, duplicate, export, delete.

use super::state::Home;
use crate::domain::i18n::{fill, n_, tr, trn};
use crate::domain::listing::RetroSummary;
use crate::domain::model::time::describe_age;
use crate::domain::tf;
use crate::ui::context::Route;
use crate::ui::platform::{focus_soon, now_ms, utc_offset_minutes};
use leptos::prelude::*;
use std::sync::Arc;

/// A list of retrospective cards, keyed by what a card shows (the title as written, not the
/// shown one), so a card is redrawn only when its retrospective changed.
#[component]
pub(super) fn RetroCards(cards: Memo<Vec<Arc<RetroSummary>>>) -> impl IntoView {
    view! {
        <ul class="retro-list">
            <For each=move || cards.get() key=|s| (s.id, s.updated_at, s.written_title.clone()) let(summary)>
                <RetroCard summary />
            </For>
        </ul>
    }
}

#[component]
pub(super) fn RetroCard(summary: Arc<RetroSummary>) -> impl IntoView {
    let home = expect_context::<Home>();
    let renaming = RwSignal::new(false);
    let new_title = RwSignal::new(summary.written_title.clone());
    let id = summary.id;
    let actions = match summary.open_actions {
        0 => trn("{n} action", "{n} actions", summary.actions),
        open => {
            let n = summary.actions;
            fill(tr(if n == 1 { n_("{n} action ({open} open)") } else { n_("{n} actions ({open} open)") }), &[("n", &n), ("open", &open)])
        }
    };
    let counts =
        format!("{} · {} · {actions}", trn("{n} timeline entry", "{n} timeline entries", summary.timeline), trn("{n} factor", "{n} factors", summary.factors));
    let incident = summary.incident_date.map(|d| tf!("Incident {date}", date = d.shown())).unwrap_or_else(|| tr("No incident date").into());
    let edited = tf!("Edited {age}", age = describe_age(summary.updated_at, now_ms(), utc_offset_minutes()));
    let title_for_labels = summary.title().to_string();
    let (s1, s2, s3) = (summary.clone(), summary.clone(), summary.clone());
    let rename_id = format!("rename-{id}");
    view! {
        <li class="card retro-card">
            <div class="retro-card-main">
                <h3>
                    <a href=Route::Retro(id).to_hash()
                        on:pointerenter=|_| super::state::expect_a_retrospective()
                        on:focus=|_| super::state::expect_a_retrospective()
                        on:click=move |ev| {
                        ev.prevent_default();
                        home.app.navigate(Route::Retro(id));
                    }>{summary.title().to_string()}</a>
                </h3>
                <p class="meta">
                    <span>{summary.template_name().to_string()}</span>
                    <span>{incident}</span>
                    <span>{tf!("Step: {step}", step = summary.step.label())}</span>
                </p>
                <p class="meta"><span>{counts}</span><span>{edited}</span></p>
            </div>
            <Show when=move || renaming.get()
                fallback={
                    let title = title_for_labels.clone();
                    let rename_id = rename_id.clone();
                    move || {
                        let (s2, s3) = (s2.clone(), s3.clone());
                        let rename_id = rename_id.clone();
                        let move_label = tf!("Move “{title}” to the team space", title = title);
                        view! {
                            <div class="retro-card-actions">
                                <button type="button" class="button quiet small" aria-label=tf!("Rename “{title}”", title = title)
                                    on:click=move |_| { renaming.set(true); focus_soon(rename_id.clone()); }>{tr("Rename")}</button>
                                <button type="button" class="button quiet small" aria-label=tf!("Duplicate “{title}”", title = title)
                                    on:click=move |_| home.duplicate(&s2)>{tr("Duplicate")}</button>
                                <Show when=move || home.space.address.with(Option::is_some) && !home.space.members.with(|m| m.contains(&id))>
                                    <button type="button" class="button quiet small" aria-label=move_label.clone()
                                        on:click=move |_| home.move_to_space(id)>{tr("Move to team space")}</button>
                                </Show>
                                <button type="button" class="button quiet small danger" aria-label=tf!("Delete “{title}”", title = title)
                                    on:click=move |_| home.delete(&s3)>{tr("Delete")}</button>
                            </div>
                        }
                    }
                }>
                {
                    let s1 = s1.clone();
                    let rename_id = rename_id.clone();
                    view! {
                        <form class="rename-form" on:submit=move |ev| {
                            ev.prevent_default();
                            renaming.set(false);
                            home.rename(&s1, new_title.get_untracked());
                        }>
                            <label for=rename_id.clone() class="sr-only">{tr("New title")}</label>
                            <input id=rename_id type="text" maxlength="200" required
                                prop:value=move || new_title.get() on:input=move |ev| new_title.set(event_target_value(&ev)) />
                            <button type="submit" class="button primary small">{tr("Save")}</button>
                            <button type="button" class="button quiet small" on:click=move |_| renaming.set(false)>{tr("Cancel")}</button>
                        </form>
                    }
                }
            </Show>
        </li>
    }
}
