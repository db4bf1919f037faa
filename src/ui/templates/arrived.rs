//! A template file that arrived (imported from the templates screen, or dropped anywhere):
//! shown with what it holds, and stored only when the person says so. One with the id of a
//! template this browser already has, but different, is never written over unasked: the
//! person chooses to replace theirs or keep both.

use crate::domain::format::template_file::TemplateRead;
use crate::domain::i18n::{tr, trn};
use crate::domain::tf;
use crate::domain::OwnTemplate;
use crate::ui::context::{AppState, Route};
use crate::ui::platform::{new_id, now_ms};
use leptos::prelude::*;

#[component]
pub fn TemplateArrived(read: TemplateRead) -> impl IntoView {
    let app = expect_context::<AppState>();
    let theirs = read.template;
    let mine = app.repo.with_value(|r| r.template(theirs.id));
    let store = move |template: OwnTemplate| match app.repo.with_value(|r| r.save_template(&template)) {
        Ok(()) => {
            app.announcer.say(tf!("Template “{name}” added.", name = template.name));
            app.leave_incoming(Route::Template(template.id));
        }
        Err(e) => app.announcer.say(tf!("The template could not be saved: {problem} Nothing was changed.", problem = e)),
    };
    let holds = [
        tf!("Based on {template}", template = theirs.kind.label()),
        tf!("categories offered first: {categories}", categories = theirs.categories.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")),
        trn("{n} starter item", "{n} starter items", theirs.starters.len()),
    ]
    .join(" · ");
    let tidied = (!read.tidied.is_empty()).then(|| tf!("Brought within Retrace's limits: {changes}.", changes = read.tidied.join("; ")));
    let (as_is, copy) = (StoredValue::new(theirs.clone()), StoredValue::new(theirs.clone()));
    let choices = match &mine {
        Some(m) if *m == theirs => view! {
            <p role="status">{tr("You already have this template, exactly as it is.")}</p>
            <div class="button-row">
                <button type="button" class="button primary" on:click=move |_| app.leave_incoming(Route::Templates)>{tr("Open templates")}</button>
            </div>
        }
        .into_any(),
        Some(m) => {
            let which = if m.updated_at > theirs.updated_at {
                tf!("You have a different version of this template, “{name}”. Yours was edited more recently.", name = m.name)
            } else {
                tf!("You have a different version of this template, “{name}”. The file's was edited more recently.", name = m.name)
            };
            view! {
                <p role="status">{which}</p>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| store(as_is.get_value())>{tr("Replace mine")}</button>
                    <button type="button" class="button primary" on:click=move |_| {
                        let mut both = copy.get_value();
                        both.id = new_id();
                        let name = tf!("{name} (imported)", name = both.name);
                        both.name = name;
                        both.updated_at = now_ms();
                        store(both);
                    }>{tr("Keep both")}</button>
                    <button type="button" class="button quiet" on:click=move |_| app.leave_incoming(Route::Templates)>{tr("Cancel")}</button>
                </div>
            }
            .into_any()
        }
        None => view! {
            <div class="button-row">
                <button type="button" class="button primary" on:click=move |_| store(as_is.get_value())>{tr("Add to my templates")}</button>
                <button type="button" class="button quiet" on:click=move |_| app.leave_incoming(Route::Templates)>{tr("Cancel")}</button>
            </div>
        }
        .into_any(),
    };
    view! {
        <section class="card incoming-card" aria-labelledby="arrived-template-title">
            <p class="eyebrow">{tr("Template file")}</p>
            <h1 id="arrived-template-title">{theirs.name.clone()}</h1>
            <p>{theirs.description.clone()}</p>
            <p class="meta"><span>{holds}</span></p>
            {tidied.map(|t| view! { <p class="banner banner-info" role="status">{t}</p> })}
            {choices}
        </section>
    }
}
