//! Starting a retrospective: a new one from a template, or one brought in from a file.

use super::state::{Home, StartFrom};
use crate::domain::i18n::tr;
use crate::domain::tf;
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
            <input node_ref=input id=uid("import-file") type="file" aria-label=tr("Import a retrospective file") accept=".json,application/json" class="sr-only" tabindex="-1"
                on:change=move |_| {
                    if let Some(file) = input.get_untracked().and_then(|i| i.files()).and_then(|f| f.get(0)) {
                        crate::ui::incoming::receive_file(home.app, file);
                    }
                } />
            <button type="button" class="button large" on:click=move |_| { if let Some(i) = input.get() { i.click(); } }>
                {tr("Import a file")}
            </button>
            <span class="hint">{tr("…or drop a .json file anywhere on the page.")}</span>
        </div>
    }
}

#[component]
pub(super) fn NewRetrospective() -> impl IntoView {
    let home = expect_context::<Home>();
    let open = RwSignal::new(false);
    let template = RwSignal::new(StartFrom::BuiltIn(Template::Incident));
    // Read when the form opens, so a template made in another tab is offered too.
    let own = RwSignal::new(Vec::new());
    let title = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let title_id = StoredValue::new(uid("new-title"));
    // Where to keep it: the team space by default while connected.
    let in_space = RwSignal::new(true);
    let connected = Memo::new(move |_| home.space.address.with(Option::is_some));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let create = home.create(template.get_untracked(), title.get_untracked(), connected.get_untracked() && in_space.get_untracked());
        leptos::task::spawn_local(async move {
            if let Err(e) = create.await {
                let _ = problem.try_set(Some(tf!("Could not create it: {problem}", problem = e)));
            }
        });
    };
    let choice = move |start: StartFrom, name: String, description: String, badge: Option<&'static str>| {
        view! {
            <label class="template-choice" class:selected=move || template.get() == start>
                <input type="radio" name="template" prop:checked=move || template.get() == start on:change=move |_| template.set(start) />
                <span class="template-name">{name}{badge.map(|b| view! { <span class="template-badge">{b}</span> })}</span>
                <span class="template-description">{description}</span>
            </label>
        }
    };
    let choices = move || {
        let built_in = Template::ALL.iter().map(|t| choice(StartFrom::BuiltIn(*t), t.label().to_string(), t.description().to_string(), None));
        let own_ones = own.get().into_iter().map(|t: crate::domain::OwnTemplate| choice(StartFrom::Own(t.id), t.name, t.description, Some(tr("Yours"))));
        built_in.chain(own_ones).collect_view()
    };
    let place = move |team: bool, name: &'static str, description: &'static str| {
        view! {
            <label class="template-choice" class:selected=move || in_space.get() == team>
                <input type="radio" name="keep-in" prop:checked=move || in_space.get() == team on:change=move |_| in_space.set(team) />
                <span class="template-name">{name}</span>
                <span class="template-description">{description}</span>
            </label>
        }
    };
    let open_form = move || {
        in_space.set(true);
        own.set(home.app.repo.with_value(|r| r.templates()).map(|l| l.templates).unwrap_or_default());
        open.set(true);
        focus_soon(title_id.get_value());
    };
    view! {
        <Show when=move || open.get()
            fallback=move || view! {
                <button type="button" class="button primary large" on:click=move |_| open_form()>{tr("New retrospective")}</button>
            }>
            <form class="card new-retro" on:submit=submit on:focusin=|_| super::state::expect_a_retrospective() aria-labelledby=uid("new-retro-title")>
                <h2 id=uid("new-retro-title")>{tr("New retrospective")}</h2>
                <fieldset class="template-choices">
                    <legend>{tr("Start from a template")}</legend>
                    {choices}
                    <a class="hint" href=crate::ui::context::Route::Templates.to_hash()
                        on:click=move |ev| { ev.prevent_default(); home.app.navigate(crate::ui::context::Route::Templates); }>{tr("Manage templates")}</a>
                </fieldset>
                <Show when=move || connected.get()>
                    <fieldset class="template-choices keep-in">
                        <legend>{tr("Where to keep it")}</legend>
                        {place(true, tr("In the team space"), tr("Everyone connected to the team space sees it and can write in it."))}
                        {place(false, tr("Only in this browser"), tr("Nobody else sees it until you share it or move it into the team space."))}
                    </fieldset>
                </Show>
                <div class="field">
                    <label for=uid("new-title") class="field-label">{tr("Title")}</label>
                    <input id=uid("new-title") type="text" maxlength="200" required autocomplete="off"
                        placeholder=tr("e.g. Checkout errors after the 14:00 deploy")
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                </div>
                {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                <div class="button-row">
                    <button type="submit" class="button primary">{tr("Create")}</button>
                    <button type="button" class="button quiet" on:click=move |_| open.set(false)>{tr("Cancel")}</button>
                </div>
            </form>
        </Show>
    }
}
