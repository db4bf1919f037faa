//! A template file that arrived (imported from the templates screen, or dropped anywhere):
//! shown with what it holds, and stored only when the person says so. One with the id of a
//! template this browser already has, but different, is never written over unasked: the
//! person chooses to replace theirs or keep both.

use crate::domain::format::template_file::TemplateRead;
use crate::domain::OwnTemplate;
use crate::ui::context::{AppState, Route};
use crate::ui::platform::{new_id, now_ms};
use crate::ui::widgets::count;
use leptos::prelude::*;

#[component]
pub fn TemplateArrived(read: TemplateRead) -> impl IntoView {
    let app = expect_context::<AppState>();
    let theirs = read.template;
    let mine = app.repo.with_value(|r| r.template(theirs.id));
    let store = move |template: OwnTemplate| match app.repo.with_value(|r| r.save_template(&template)) {
        Ok(()) => {
            app.announcer.say(format!("Template “{}” added.", template.name));
            app.leave_incoming(Route::Template(template.id));
        }
        Err(e) => app.announcer.say(format!("The template could not be saved: {e} Nothing was changed.")),
    };
    let holds = format!(
        "Based on {} · categories offered first: {} · {}",
        theirs.kind.label(),
        theirs.categories.iter().map(|c| c.label()).collect::<Vec<_>>().join(", "),
        count(theirs.starters.len(), "starter item", "starter items")
    );
    let tidied = (!read.tidied.is_empty()).then(|| format!("Brought within Retrace's limits: {}.", read.tidied.join("; ")));
    let (as_is, copy) = (StoredValue::new(theirs.clone()), StoredValue::new(theirs.clone()));
    let choices = match &mine {
        Some(m) if *m == theirs => view! {
            <p role="status">"You already have this template, exactly as it is."</p>
            <div class="button-row">
                <button type="button" class="button primary" on:click=move |_| app.leave_incoming(Route::Templates)>"Open templates"</button>
            </div>
        }
        .into_any(),
        Some(m) => {
            let which = if m.updated_at > theirs.updated_at { "Yours was edited more recently." } else { "The file's was edited more recently." };
            view! {
                <p role="status">{format!("You have a different version of this template, “{}”. {which}", m.name)}</p>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| store(as_is.get_value())>"Replace mine"</button>
                    <button type="button" class="button primary" on:click=move |_| {
                        let mut both = copy.get_value();
                        both.id = new_id();
                        both.name = format!("{} (imported)", both.name);
                        both.updated_at = now_ms();
                        store(both);
                    }>"Keep both"</button>
                    <button type="button" class="button quiet" on:click=move |_| app.leave_incoming(Route::Templates)>"Cancel"</button>
                </div>
            }
            .into_any()
        }
        None => view! {
            <div class="button-row">
                <button type="button" class="button primary" on:click=move |_| store(as_is.get_value())>"Add to my templates"</button>
                <button type="button" class="button quiet" on:click=move |_| app.leave_incoming(Route::Templates)>"Cancel"</button>
            </div>
        }
        .into_any(),
    };
    view! {
        <section class="card incoming-card" aria-labelledby="arrived-template-title">
            <p class="eyebrow">"Template file"</p>
            <h1 id="arrived-template-title">{theirs.name.clone()}</h1>
            <p>{theirs.description.clone()}</p>
            <p class="meta"><span>{holds}</span></p>
            {tidied.map(|t| view! { <p class="banner banner-info" role="status">{t}</p> })}
            {choices}
        </section>
    }
}
