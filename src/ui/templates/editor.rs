//! The template editor: every part of an own template, saved as it is typed. Retrospectives
//! already made from the template keep the words they were made with.

use super::export_template;
use crate::domain::i18n::{n_, tr};
use crate::domain::model::own_template::{NAME_MAX, STARTERS_MAX, TEXT_MAX};
use crate::domain::model::timer::CUSTOM_MINUTES;
use crate::domain::tf;
use crate::domain::{Category, OwnTemplate, Severity, Step, StepWords, Template};
use crate::ui::context::{uid, AppState, Route};
use crate::ui::platform::now_ms;
use crate::ui::widgets::{ChoiceSelect, TextField};
use leptos::prelude::*;

/// The template being edited and how saving it went.
#[derive(Clone, Copy)]
struct Draft {
    app: AppState,
    template: RwSignal<OwnTemplate>,
    problem: RwSignal<Option<String>>,
}

impl Draft {
    /// Changes the template and stores it at once, like every edit in Retrace.
    fn edit(&self, change: impl FnOnce(&mut OwnTemplate)) {
        self.template.update(|t| {
            change(t);
            t.updated_at = now_ms();
        });
        let result = self.template.with_untracked(|t| self.app.repo.with_value(|r| r.save_template(t)));
        self.problem.set(result.err().map(|e| tf!("Not saved: {problem}", problem = e)));
    }

    /// One text of the template, read reactively.
    fn text(&self, read: impl Fn(&OwnTemplate) -> &str + Send + Sync + 'static) -> Signal<String> {
        let template = self.template;
        Signal::derive(move || template.with(|t| read(t).to_string()))
    }
}

#[component]
pub fn TemplateEditor(id: crate::domain::Id) -> impl IntoView {
    let app = expect_context::<AppState>();
    let back = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        app.navigate(Route::Templates);
    };
    let Some(template) = app.repo.with_value(|r| r.template(id)) else {
        return view! {
            <div class="templates-screen">
                <nav class="back-nav"><a href=Route::Templates.to_hash() on:click=back>{tr("← Templates")}</a></nav>
                <h1>{tr("Template not found")}</h1>
                <p class="banner banner-warning" role="alert">{tr("This template is not in this browser's storage, or it cannot be read (the home screen then lists it with the damaged data). Nothing was changed.")}</p>
            </div>
        }
        .into_any();
    };
    app.set_title(&tf!("{name} · Templates · Retrace", name = template.name));
    let draft = Draft { app, template: RwSignal::new(template), problem: RwSignal::new(None) };
    let kind = Memo::new(move |_| draft.template.with(|t| t.kind));
    view! {
        <div class="templates-screen template-editor">
            <nav class="back-nav"><a href=Route::Templates.to_hash() on:click=back>{tr("← Templates")}</a></nav>
            <h1>{move || draft.template.with(|t| t.name.clone())}</h1>
            <p class="tagline">{tr("Changes are saved as you type. Retrospectives already made from this template keep the words they started with.")}</p>
            {move || draft.problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
            <section class="card editor-section" aria-labelledby=uid("template-about")>
                <h2 id=uid("template-about")>{tr("About")}</h2>
                <TextField label=tr("Name") max=NAME_MAX value={draft.text(|t| t.name.as_str())} on_input={move |v: String| draft.edit(|t| t.name = v)} />
                <TextField label=tr("Description") max=TEXT_MAX multiline=true value={draft.text(|t| t.description.as_str())} on_input={move |v: String| draft.edit(|t| t.description = v)} />
                <ChoiceSelect label=tr("Based on") value=kind on_change={move |k: Template| draft.edit(|t| t.kind = k)} />
                <p class="hint">{tr("The facilitator's guide follows the kind it is based on, and Insights files its retrospectives under it.")}</p>
                <div class="button-row">
                    <button type="button" class="button small" on:click=move |_| draft.template.with_untracked(|t| export_template(app, t))>{tr("Export file")}</button>
                </div>
            </section>
            <section class="card editor-section" aria-labelledby=uid("template-agreement")>
                <h2 id=uid("template-agreement")>{tr("Agreement")}</h2>
                <TextField label=tr("Read out before the retrospective starts") max=TEXT_MAX multiline=true value={draft.text(|t| t.agreement.as_str())}
                    on_input={move |v: String| draft.edit(|t| t.agreement = v)} />
            </section>
            <section class="card editor-section" aria-labelledby=uid("template-steps")>
                <h2 id=uid("template-steps")>{tr("Steps")}</h2>
                <p class="hint">{tr("A field left empty shows the built-in words of the kind it is based on.")}</p>
                {Step::ALL.iter().map(|step| view! { <StepFields draft step=*step /> }).collect_view()}
            </section>
            <Categories draft />
            <section class="card editor-section" aria-labelledby=uid("template-severity")>
                <h2 id=uid("template-severity")>{tr("Severity levels")}</h2>
                <p class="hint">{tr("What each level means for your team, shown beside the severity picker.")}</p>
                {Severity::ALL.iter().map(|level| {
                    let level = *level;
                    view! {
                        <TextField label=tf!("{level} means", level = level.label()) max=TEXT_MAX multiline=true
                            value={Signal::derive(move || draft.template.with(|t| t.severities.get(&level).cloned().unwrap_or_default()))}
                            on_input={move |v: String| draft.edit(|t| { t.severities.insert(level, v); })} />
                    }
                }).collect_view()}
            </section>
            <Starters draft />
        </div>
    }
    .into_any()
}

#[component]
fn StepFields(draft: Draft, step: Step) -> impl IntoView {
    let words = move |read: fn(&StepWords) -> &str| {
        Signal::derive(move || draft.template.with(|t| t.steps.get(&step).map(|w| read(w).to_string()).unwrap_or_default()))
    };
    let set = move |write: fn(&mut StepWords, String)| move |v: String| draft.edit(|t| write(t.steps.entry(step).or_default(), v));
    let minutes =
        Signal::derive(move || draft.template.with(|t| t.timeboxes.get(&step).copied().unwrap_or(crate::domain::model::settings::default_minutes(step))));
    let timebox_id = uid(&format!("template-timebox-{}", step.key()));
    view! {
        <fieldset class="step-fields">
            <legend>{step.label()}</legend>
            <TextField label=tf!("{step}: what it collects", step = step.label()) max=TEXT_MAX multiline=true value={words(|w| w.purpose.as_str())} on_input={set(|w, v| w.purpose = v)} />
            <TextField label=tf!("{step}: example hint", step = step.label()) max=TEXT_MAX value={words(|w| w.example.as_str())} on_input={set(|w, v| w.example = v)} />
            <TextField label=tf!("{step}: placeholder", step = step.label()) max=TEXT_MAX value={words(|w| w.placeholder.as_str())} on_input={set(|w, v| w.placeholder = v)} />
            <div class="field field-number">
                <label for=timebox_id.clone() class="field-label">{tf!("{step}: timebox in minutes", step = step.label())}</label>
                <input id=timebox_id type="number" min=*CUSTOM_MINUTES.start() max=*CUSTOM_MINUTES.end() step="1"
                    prop:value=move || minutes.get().to_string()
                    on:change=move |ev| {
                        if let Some(timer) = crate::domain::model::timer::Timer::typed(&event_target_value(&ev)) {
                            draft.edit(|t| { t.timeboxes.insert(step, timer.total_minutes()); });
                        }
                    } />
            </div>
        </fieldset>
    }
}

/// The categories offered first: ticked ones, in the order they were ticked; one always stays.
#[component]
fn Categories(draft: Draft) -> impl IntoView {
    let order = move || draft.template.with(|t| t.categories.iter().map(|c| c.label()).collect::<Vec<_>>().join(", "));
    view! {
        <section class="card editor-section" aria-labelledby=uid("template-categories")>
            <h2 id=uid("template-categories")>{tr("Factor categories offered first")}</h2>
            <div class="check-grid" role="group" aria-label=tr("Factor categories offered first")>
                {Category::ALL.iter().map(|category| {
                    let category = *category;
                    let id = uid(&format!("template-category-{}", category.key()));
                    let checked = Memo::new(move |_| draft.template.with(|t| t.categories.contains(&category)));
                    let only = Memo::new(move |_| draft.template.with(|t| t.categories == [category]));
                    view! {
                        <div class="field field-check">
                            <input type="checkbox" id=id.clone() prop:checked=move || checked.get() disabled=move || only.get()
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.edit(|t| if on { t.categories.push(category) } else { t.categories.retain(|c| *c != category) });
                                } />
                            <label for=id>{category.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
            <p class="hint">{move || tf!("Offered in this order: {categories}. The others stay available.", categories = order())}</p>
        </section>
    }
}

/// Starter items, one per line. The boxes keep what is typed (blank lines too); the template
/// keeps the non-empty lines.
#[component]
fn Starters(draft: Draft) -> impl IntoView {
    let list = move |label: &'static str, read: fn(&OwnTemplate) -> &Vec<String>, write: fn(&mut OwnTemplate) -> &mut Vec<String>| {
        let id = uid(&format!("template-starters-{}", label.to_lowercase().replace(' ', "-")));
        let initial = draft.template.with_untracked(|t| read(t).join("\n"));
        view! {
            <div class="field">
                <label for=id.clone() class="field-label">{tr(label)}</label>
                <textarea id=id rows="4" prop:value=initial on:input=move |ev| {
                    let lines: Vec<String> = event_target_value(&ev).lines().map(str::trim).filter(|l| !l.is_empty()).take(STARTERS_MAX).map(|l| l.chars().take(TEXT_MAX).collect()).collect();
                    draft.edit(|t| *write(t) = lines);
                }></textarea>
            </div>
        }
    };
    view! {
        <section class="card editor-section" aria-labelledby=uid("template-starters")>
            <h2 id=uid("template-starters")>{tr("Starter items")}</h2>
            <p class="hint">{tr("Every retrospective made from this template starts with these, one per line (at most 50 a list). Leave them empty for a blank start.")}</p>
            {list(n_("Timeline entries"), |t| &t.starters.timeline, |t| &mut t.starters.timeline)}
            {list(n_("Contributing factors"), |t| &t.starters.factors, |t| &mut t.starters.factors)}
            {list(n_("Action items"), |t| &t.starters.actions, |t| &mut t.starters.actions)}
        </section>
    }
}
