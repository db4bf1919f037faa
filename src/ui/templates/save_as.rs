//! "Save as template" from a retrospective: its words, categories, agreement, severity
//! meanings and timeboxes become an own template, with its items as starters if wanted.

use crate::domain::i18n::{tr, trn};
use crate::domain::tf;
use crate::domain::OwnTemplate;
use crate::ui::context::{uid, AppState, Route};
use crate::ui::platform::{new_id, now_ms};
use crate::ui::session::RetroSession;
use leptos::prelude::*;

#[component]
pub fn SaveAsTemplate(dialog: NodeRef<leptos::html::Dialog>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let session = expect_context::<RetroSession>();
    let name = RwSignal::new(String::new());
    let with_items = RwSignal::new(false);
    let saved = RwSignal::new(None::<OwnTemplate>);
    let problem = RwSignal::new(None::<String>);
    let items = move || {
        session.doc.with(|r| {
            tf!(
                "Also start with this retrospective's items: {entries}, {factors} and {actions}",
                entries = trn("{n} timeline entry", "{n} timeline entries", r.timeline.len()),
                factors = trn("{n} factor", "{n} factors", r.factors.len()),
                actions = trn("{n} action", "{n} actions", r.actions.len())
            )
        })
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let template = session.doc.with_untracked(|r| {
            let name = name.get_untracked();
            let name = if name.trim().is_empty() { tf!("{title} template", title = r.display_title()) } else { name };
            OwnTemplate::from_retrospective(r, &name, new_id(), now_ms(), with_items.get_untracked())
        });
        match app.repo.with_value(|r| r.save_template(&template)) {
            Ok(()) => {
                app.announcer.say(tf!("Saved as template “{name}”.", name = template.name));
                problem.set(None);
                saved.set(Some(template));
            }
            Err(e) => problem.set(Some(tf!("The template could not be saved: {problem}", problem = e))),
        }
    };
    view! {
        <dialog node_ref=dialog class="dialog save-as-template" aria-labelledby=uid("save-as-template-title")
            on:close=move |_| { saved.set(None); problem.set(None); }>
            <h2 id=uid("save-as-template-title")>{tr("Save as template")}</h2>
            <Show when=move || saved.with(Option::is_none)
                fallback=move || {
                    let template = saved.get().expect("shown once saved");
                    let id = template.id;
                    view! {
                        <p role="status">{tf!("Saved “{name}”. New retrospectives can start from it.", name = template.name)}</p>
                        <div class="button-row">
                            <button type="button" class="button primary" on:click=move |_| { close(); app.navigate(Route::Template(id)); }>{tr("Edit the template")}</button>
                            <button type="button" class="button quiet" on:click=move |_| close()>{tr("Close")}</button>
                        </div>
                    }
                }>
                <form on:submit=submit>
                    <p class="hint">{tr("Keeps this retrospective's step words, factor categories, agreement, severity meanings and timeboxes. The retrospective itself is not changed.")}</p>
                    <div class="field">
                        <label for=uid("template-name") class="field-label">{tr("Template name")}</label>
                        <input id=uid("template-name") type="text" maxlength="120" autocomplete="off" placeholder=tr("e.g. Payments incident")
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    </div>
                    <div class="field field-check">
                        <input type="checkbox" id=uid("template-with-items") prop:checked=move || with_items.get()
                            on:change=move |ev| with_items.set(event_target_checked(&ev)) />
                        <label for=uid("template-with-items")>{items}</label>
                    </div>
                    {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                    <div class="button-row">
                        <button type="submit" class="button primary">{tr("Save template")}</button>
                        <button type="button" class="button quiet" on:click=move |_| close()>{tr("Cancel")}</button>
                    </div>
                </form>
            </Show>
        </dialog>
    }
}
