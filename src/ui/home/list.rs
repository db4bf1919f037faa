//! One saved retrospective in the list: open, rename, duplicate, export, delete.

use super::state::Home;
use crate::domain::listing::RetroSummary;
use crate::domain::model::time::describe_age;
use crate::ui::context::Route;
use crate::ui::platform::{focus_soon, now_ms, utc_offset_minutes};
use crate::ui::widgets::count;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub(super) fn RetroCard(summary: Arc<RetroSummary>) -> impl IntoView {
    let home = expect_context::<Home>();
    let renaming = RwSignal::new(false);
    let new_title = RwSignal::new(summary.title.clone());
    let id = summary.id;
    let counts = format!(
        "{} · {} · {}{}",
        count(summary.timeline, "timeline entry", "timeline entries"),
        count(summary.factors, "factor", "factors"),
        count(summary.actions, "action", "actions"),
        if summary.open_actions > 0 { format!(" ({} open)", summary.open_actions) } else { String::new() }
    );
    let incident = summary.incident_date.map(|d| format!("Incident {d}")).unwrap_or_else(|| "No incident date".into());
    let edited = format!("Edited {}", describe_age(summary.updated_at, now_ms(), utc_offset_minutes()));
    let title_for_labels = summary.title.clone();
    let (s1, s2, s3) = (summary.clone(), summary.clone(), summary.clone());
    let rename_id = format!("rename-{id}");
    view! {
        <li class="card retro-card">
            <div class="retro-card-main">
                <h3>
                    <a href=Route::Retro(id).to_hash() on:click=move |ev| {
                        ev.prevent_default();
                        home.app.navigate(Route::Retro(id));
                    }>{summary.title.clone()}</a>
                </h3>
                <p class="meta">
                    <span>{summary.template_name().to_string()}</span>
                    <span>{incident}</span>
                    <span>{format!("Step: {}", summary.step.label())}</span>
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
                        view! {
                            <div class="retro-card-actions">
                                <button type="button" class="button quiet small" aria-label=format!("Rename “{title}”")
                                    on:click=move |_| { renaming.set(true); focus_soon(rename_id.clone()); }>"Rename"</button>
                                <button type="button" class="button quiet small" aria-label=format!("Duplicate “{title}”")
                                    on:click=move |_| home.duplicate(&s2)>"Duplicate"</button>
                                <button type="button" class="button quiet small danger" aria-label=format!("Delete “{title}”")
                                    on:click=move |_| home.delete(&s3)>"Delete"</button>
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
                            <label for=rename_id.clone() class="sr-only">"New title"</label>
                            <input id=rename_id type="text" maxlength="200" required
                                prop:value=move || new_title.get() on:input=move |ev| new_title.set(event_target_value(&ev)) />
                            <button type="submit" class="button primary small">"Save"</button>
                            <button type="button" class="button quiet small" on:click=move |_| renaming.set(false)>"Cancel"</button>
                        </form>
                    }
                }
            </Show>
        </li>
    }
}
