//! Templates (#18): the built-in ones, read-only but copyable, and the team's own, kept in this
//! browser, edited in [`editor`], exported and imported as files (an import arrives like any
//! file, through `ui::incoming`, and is shown by [`arrived`]).

pub mod arrived;
pub mod editor;
pub mod save_as;

use crate::domain::format::template_file::{encode_template, template_file_name};
use crate::domain::i18n::{tr, trn};
use crate::domain::model::time::describe_age;
use crate::domain::tf;
use crate::domain::{OwnTemplate, Template};
use crate::ui::context::{uid, AppState, Route};
use crate::ui::platform::{download, new_id, now_ms, utc_offset_minutes};
use leptos::prelude::*;

/// The own templates as last read, and why they could not be, if so.
#[derive(Clone, Copy)]
struct Templates {
    app: AppState,
    own: RwSignal<Vec<OwnTemplate>>,
    problem: RwSignal<Option<String>>,
}

impl Templates {
    fn refresh(&self) {
        match self.app.repo.with_value(|r| r.templates()) {
            Ok(listing) => {
                self.own.set(listing.templates);
                self.problem.set((!listing.damaged.is_empty()).then(|| {
                    trn(
                        "{n} stored template could not be read; the home screen lists it with the other damaged data.",
                        "{n} stored templates could not be read; the home screen lists them with the other damaged data.",
                        listing.damaged.len(),
                    )
                }));
            }
            Err(e) => self.problem.set(Some(tf!("The templates could not be read from this browser's storage: {problem}", problem = e))),
        }
    }

    /// Stores a new own template and opens it in the editor.
    fn add_and_edit(&self, template: OwnTemplate) {
        match self.app.repo.with_value(|r| r.save_template(&template)) {
            Ok(()) => self.app.navigate(Route::Template(template.id)),
            Err(e) => self.app.announcer.say(tf!("The template could not be saved: {problem}", problem = e)),
        }
    }
}

/// Downloads `template` as its file.
pub fn export_template(app: AppState, template: &OwnTemplate) {
    match download(&template_file_name(template), "application/json", &encode_template(template)) {
        Ok(()) => app.announcer.say(tf!("Exported “{name}”.", name = template.name)),
        Err(e) => app.announcer.say(tf!("The template could not be downloaded: {problem}", problem = e)),
    }
}

#[component]
pub fn TemplatesScreen() -> impl IntoView {
    let app = expect_context::<AppState>();
    app.set_title(tr("Templates · Retrace"));
    let state = Templates { app, own: RwSignal::new(Vec::new()), problem: RwSignal::new(None) };
    state.refresh();
    // Another tab may add or change templates.
    let on_storage = window_event_listener(leptos::ev::storage, move |_| state.refresh());
    on_cleanup(move || on_storage.remove());
    let input = NodeRef::<leptos::html::Input>::new();
    let home = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        app.navigate(Route::Home);
    };
    view! {
        <div class="templates-screen">
            <nav class="back-nav"><a href=Route::Home.to_hash() on:click=home>{tr("← All retrospectives")}</a></nav>
            <h1>{tr("Templates")}</h1>
            <p class="tagline">{tr("A template holds the words each step shows, the categories offered first, the agreement you read out, what each severity level means, the timeboxes and any items every retrospective starts with. Your own templates stay in this browser, travel as files and are part of every backup.")}</p>
            {move || state.problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
            <section class="template-section" aria-labelledby=uid("own-templates-title")>
                <div class="list-header">
                    <h2 id=uid("own-templates-title")>{tr("Your templates")}</h2>
                    <input node_ref=input type="file" aria-label=tr("Import a template file") accept=".json,application/json" class="sr-only" tabindex="-1"
                        on:change=move |_| {
                            if let Some(file) = input.get_untracked().and_then(|i| i.files()).and_then(|f| f.get(0)) {
                                crate::ui::incoming::receive_file(app, file);
                            }
                        } />
                    <button type="button" class="button" on:click=move |_| { if let Some(i) = input.get() { i.click(); } }>{tr("Import a template")}</button>
                </div>
                <Show when=move || !state.own.with(Vec::is_empty)
                    fallback=|| view! {
                        <div class="empty-state">
                            <p class="empty-title">{tr("No templates of your own yet.")}</p>
                            <p>{tr("Copy a built-in one below, or open a retrospective and choose More → Save as template.")}</p>
                        </div>
                    }>
                    <ul class="template-list">
                        <For each=move || state.own.get() key=|t| (t.id, t.updated_at) let(template)>
                            <OwnTemplateCard state template />
                        </For>
                    </ul>
                </Show>
            </section>
            <section class="template-section" aria-labelledby=uid("built-in-templates-title")>
                <h2 id=uid("built-in-templates-title")>{tr("Built-in templates")}</h2>
                <p class="hint">{tr("These stay as they are. Make a copy to change the words, categories, severity levels or timeboxes.")}</p>
                <ul class="template-list">
                    {Template::ALL.iter().map(|kind| {
                        let kind = *kind;
                        view! {
                            <li class="card template-card">
                                <div class="template-card-main">
                                    <h3>{kind.label()}</h3>
                                    <p class="hint">{kind.description()}</p>
                                    <p class="meta"><span>{tr("Built in · read-only")}</span></p>
                                </div>
                                <div class="button-row">
                                    <button type="button" class="button small" aria-label=tf!("Make a copy of {template}", template = kind.label())
                                        on:click=move |_| state.add_and_edit(OwnTemplate::copy_of(kind, new_id(), now_ms()))>{tr("Make a copy")}</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </div>
    }
}

#[component]
fn OwnTemplateCard(state: Templates, template: OwnTemplate) -> impl IntoView {
    let app = state.app;
    let confirming = RwSignal::new(false);
    let id = template.id;
    let name = template.name.clone();
    let meta = [
        tf!("Based on {template}", template = template.kind.label()),
        trn("{n} starter item", "{n} starter items", template.starters.len()),
        tf!("edited {age}", age = describe_age(template.updated_at, now_ms(), utc_offset_minutes())),
    ]
    .join(" · ");
    let exported = StoredValue::new(template.clone());
    let delete = move |_| {
        match app.repo.with_value(|r| r.delete_template(id)) {
            Ok(()) => app.announcer.say(tr("Template deleted. Retrospectives made from it keep their copy.")),
            Err(e) => app.announcer.say(tf!("The template could not be deleted: {problem}", problem = e)),
        }
        state.refresh();
    };
    let (n1, n2, n3) = (name.clone(), name.clone(), name.clone());
    view! {
        <li class="card template-card">
            <div class="template-card-main">
                <h3>
                    <a href=Route::Template(id).to_hash() on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Template(id)); }>{name.clone()}</a>
                </h3>
                <p class="hint">{template.description.clone()}</p>
                <p class="meta"><span>{meta}</span></p>
            </div>
            <Show when=move || confirming.get()
                fallback=move || {
                    let (n1, n2, n3) = (n1.clone(), n2.clone(), n3.clone());
                    view! {
                        <div class="button-row">
                            <button type="button" class="button small" aria-label=tf!("Edit {name}", name = n1) on:click=move |_| app.navigate(Route::Template(id))>{tr("Edit")}</button>
                            <button type="button" class="button small quiet" aria-label=tf!("Export {name}", name = n2)
                                on:click=move |_| exported.with_value(|t| export_template(app, t))>{tr("Export")}</button>
                            <button type="button" class="button small quiet danger" aria-label=tf!("Delete {item}", item = n3) on:click=move |_| confirming.set(true)>{tr("Delete")}</button>
                        </div>
                    }
                }>
                <div class="button-row confirm-row" role="group" aria-label=tr("Confirm delete")>
                    <span>{tr("Delete this template? Retrospectives made from it keep their copy.")}</span>
                    <button type="button" class="button small danger" on:click=delete>{tr("Delete template")}</button>
                    <button type="button" class="button small quiet" on:click=move |_| confirming.set(false)>{tr("Keep it")}</button>
                </div>
            </Show>
        </li>
    }
}
