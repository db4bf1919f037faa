//! Starting a retrospective: a new one from a template, or one brought in from a file.

use super::state::Home;
use crate::domain::Template;
use crate::ui::context::uid;
use crate::ui::platform::focus_soon;
use leptos::prelude::*;

/// Import a retrospective file (drag and drop onto the page works too).
#[component]
pub(super) fn ImportFile() -> impl IntoView {
    let home = expect_context::<Home>();
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <div class="import">
            <input node_ref=input id=uid("import-file") type="file" aria-label="Import a retrospective file" accept=".json,application/json" class="sr-only" tabindex="-1"
                on:change=move |_| {
                    if let Some(file) = input.get_untracked().and_then(|i| i.files()).and_then(|f| f.get(0)) {
                        crate::ui::incoming::receive_file(home.app, file);
                    }
                } />
            <button type="button" class="button large" on:click=move |_| { if let Some(i) = input.get() { i.click(); } }>
                "Import a file"
            </button>
            <span class="hint">"…or drop a .json file anywhere on the page."</span>
        </div>
    }
}

#[component]
pub(super) fn NewRetrospective() -> impl IntoView {
    let home = expect_context::<Home>();
    let open = RwSignal::new(false);
    let template = RwSignal::new(Template::Incident);
    let title = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let title_id = StoredValue::new(uid("new-title"));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(e) = home.create(template.get_untracked(), &title.get_untracked()) {
            problem.set(Some(format!("Could not create it: {e}")));
        }
    };
    let choices = move || {
        Template::ALL
            .iter()
            .map(move |t| {
                let t = *t;
                view! {
                    <label class="template-choice" class:selected=move || template.get() == t>
                        <input type="radio" name="template" value=t.key()
                            prop:checked=move || template.get() == t
                            on:change=move |_| template.set(t) />
                        <span class="template-name">{t.label()}</span>
                        <span class="template-description">{t.description()}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || open.get()
            fallback=move || view! {
                <button type="button" class="button primary large" on:click=move |_| {
                    open.set(true);
                    focus_soon(title_id.get_value());
                }>"New retrospective"</button>
            }>
            <form class="card new-retro" on:submit=submit aria-labelledby=uid("new-retro-title")>
                <h2 id=uid("new-retro-title")>"New retrospective"</h2>
                <fieldset class="template-choices">
                    <legend>"Kind of retrospective"</legend>
                    {choices()}
                </fieldset>
                <div class="field">
                    <label for=uid("new-title") class="field-label">"Title"</label>
                    <input id=uid("new-title") type="text" maxlength="200" required autocomplete="off"
                        placeholder="e.g. Checkout errors after the 14:00 deploy"
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                </div>
                {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                <div class="button-row">
                    <button type="submit" class="button primary">"Create"</button>
                    <button type="button" class="button quiet" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </form>
        </Show>
    }
}
