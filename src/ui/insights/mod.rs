//! Insights (#19): what keeps coming back across the retrospectives of this browser, from the
//! home screen. Everything shown is worked out by `domain::insights` from the digests storage
//! keeps (`storage::insights`); this file lays it out, with filters and the exports.

mod charts;
mod groups;
pub mod similar;

use crate::domain::i18n::{fill, n_, tr, trn};
use crate::domain::insights::export::{describe_trend, insights_csv, insights_markdown};
use crate::domain::insights::trends::AgeSpan;
use crate::domain::insights::{tags_in_use, Filter, Insights};
use crate::domain::model::time::describe_minutes;
use crate::domain::tf;
use crate::domain::{ActionStatus, Choice, Date, Priority, Template};
use crate::ui::context::{uid, AppState, Route};
use crate::ui::lazy::split_point;
use crate::ui::platform::{download, timed, today};
use crate::ui::widgets::{DateField, OptionalChoiceSelect};
use charts::{Bar, BarChart};
use leptos::prelude::*;
use std::sync::Arc;

/// Incidents drawn in the detection chart: the latest ones; the export has all.
const CHARTED_INCIDENTS: usize = 12;
/// Open actions listed before "Show all".
const FIRST_ACTIONS: usize = 15;

// In the Insights module (the screen's split point in `app::screens` names the same module):
// Home reads the digests Insights needs while it is idle, which fetches this module ahead of
// need rather than on the first paint.
split_point!(insights, pub fn warm_digests(app: AppState, retros: Vec<(crate::domain::Id, i64)>) -> () => {
    let _ = app.repo.try_with_value(|r| r.warm_digests(&retros));
});

#[component]
pub fn InsightsScreen() -> impl IntoView {
    let app = expect_context::<AppState>();
    app.set_title(tr("Insights · Retrace"));
    let loaded = app.repo.with_value(|r| timed("retrace-insights-read", || r.digests()));
    let (history, unreadable, problem) = match loaded {
        Ok(d) => (Arc::new(d.retros), d.unreadable, None),
        Err(e) => (Arc::new(Vec::new()), 0, Some(tf!("The retrospectives could not be read from this browser's storage: {error}", error = e))),
    };
    let filter = RwSignal::new(Filter::default());
    let day = today();
    let tags = tags_in_use(history.iter().map(|r| &r.tags));
    let insights = {
        let history = history.clone();
        Memo::new(move |_| filter.with(|f| timed("retrace-insights-build", || Insights::build(&history, f, day))))
    };
    let home = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        app.navigate(Route::Home);
    };
    let export = move |markdown: bool| {
        let (i, f) = (insights.get_untracked(), filter.get_untracked());
        let result = if markdown {
            download(&format!("retrace-insights-{day}.md"), "text/markdown", &insights_markdown(&i, &f))
        } else {
            download(&format!("retrace-insights-{day}.csv"), "text/csv", &insights_csv(&i))
        };
        app.announcer.say(match result {
            Ok(()) => tr("Insights exported.").to_string(),
            Err(e) => tf!("The export could not be downloaded: {error}", error = e),
        });
    };
    let total = history.len();
    view! {
        <div class="insights">
            <nav class="back-nav"><a href=Route::Home.to_hash() on:click=home>{tr("← All retrospectives")}</a></nav>
            <h1>{tr("Insights")}</h1>
            <p class="tagline">{tr("What keeps coming back across the retrospectives in this browser: conditions that recur, actions that stay open, and whether detection and resolution are getting faster.")}</p>
            {problem.map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
            {(unreadable > 0).then(|| {
                let said = trn("{n} stored retrospective could not be read and is left out; the home screen lists it.", "{n} stored retrospectives could not be read and are left out; the home screen lists them.", unreadable);
                view! { <p class="banner banner-warning" role="status">{said}</p> }
            })}
            <Show when=move || { total > 0 }
                fallback=|| view! {
                    <div class="empty-state">
                        <p class="empty-title">{tr("No retrospectives yet.")}</p>
                        <p>{tr("Insights appear once this browser holds a few retrospectives.")}</p>
                    </div>
                }>
                <Filters filter tags=tags.clone() />
                <AtAGlance insights />
                <div class="button-row export-row">
                    <button type="button" class="button" on:click=move |_| export(true)>{tr("Export as Markdown")}</button>
                    <button type="button" class="button" on:click=move |_| export(false)>{tr("Export as CSV")}</button>
                </div>
                <groups::RecurringFactors insights />
                <ActionsSection insights />
                <DetectionSection insights />
                <CountsSection insights />
            </Show>
        </div>
    }
}

#[component]
fn Filters(filter: RwSignal<Filter>, tags: Vec<String>) -> impl IntoView {
    let from = Memo::new(move |_| filter.with(|f| f.from));
    let to = Memo::new(move |_| filter.with(|f| f.to));
    let template = Memo::new(move |_| filter.with(|f| f.template));
    let has_tags = !tags.is_empty();
    view! {
        <section class="card insights-filters" aria-labelledby=uid("insights-filter-title")>
            <h2 id=uid("insights-filter-title") class="sr-only">{tr("Filters")}</h2>
            <div class="field-row">
                <DateField label=tr("From") id=uid("insights-from") value=from on_change={move |d: Option<Date>| filter.update(|f| f.from = d)} />
                <DateField label=tr("To") id=uid("insights-to") value=to on_change={move |d: Option<Date>| filter.update(|f| f.to = d)} />
                <OptionalChoiceSelect label=tr("Template") id=uid("insights-template") value=template unset=tr("Any template")
                    on_change={move |t: Option<Template>| filter.update(|f| f.template = t)} />
                <Show when=move || !filter.with(Filter::is_everything)>
                    <button type="button" class="button quiet small" on:click=move |_| filter.set(Filter::default())>{tr("Clear filters")}</button>
                </Show>
            </div>
            {has_tags.then(|| view! {
                <div class="tag-filter" role="group" aria-label=tr("Only retrospectives tagged")>
                    <span class="field-label">{tr("Tagged")}</span>
                    {tags.into_iter().map(|tag| {
                        let pressed = { let tag = tag.clone(); Memo::new(move |_| filter.with(|f| f.tags.contains(&tag))) };
                        let toggle = { let tag = tag.clone(); move |_| filter.update(|f| if !f.tags.remove(&tag) { f.tags.insert(tag.clone()); }) };
                        view! {
                            <button type="button" class="tag tag-toggle" aria-pressed=move || if pressed.get() { "true" } else { "false" } on:click=toggle>{tag}</button>
                        }
                    }).collect_view()}
                </div>
            })}
            <p class="hint" role="status">{move || tf!("Looking at {filter}.", filter = filter.with(Filter::describe))}</p>
        </section>
    }
}

#[component]
fn AtAGlance(insights: Memo<Insights>) -> impl IntoView {
    let tile = |value: String, label: &'static str| view! { <li class="glance-tile"><span class="glance-value">{value}</span><span class="glance-label">{label}</span></li> };
    view! {
        <ul class="glance" aria-label=tr("At a glance")>
            {move || insights.with(|i| {
                let overdue = i.open_actions.iter().filter(|a| a.is_overdue(i.today)).count();
                let done = (i.actions_done * 100 + i.actions_total / 2).checked_div(i.actions_total).map_or("—".to_string(), |p| format!("{p} %"));
                view! {
                    {tile(i.retros.to_string(), tr("retrospectives"))}
                    {tile(i.recurring.len().to_string(), tr("recurring conditions"))}
                    {tile(i.open_actions.len().to_string(), tr("open actions"))}
                    {tile(overdue.to_string(), tr("overdue"))}
                    {tile(done, tr("of all actions done"))}
                }
            })}
        </ul>
    }
}

#[component]
fn ActionsSection(insights: Memo<Insights>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let show_all = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let shown = if show_all.get() { usize::MAX } else { FIRST_ACTIONS };
        insights.with(|i| i.open_actions.iter().take(shown).cloned().collect::<Vec<_>>())
    });
    let ages = move || {
        insights.with(|i| {
            AgeSpan::ALL
                .iter()
                .zip(i.age_by_priority)
                .map(|(span, row)| Bar { label: span.label().into(), values: row.iter().map(|n| Some(*n as i64)).collect() })
                .collect::<Vec<_>>()
        })
    };
    let months = move || {
        insights.with(|i| {
            i.completion
                .iter()
                .map(|m| Bar { label: m.label(), values: vec![Some(m.done as i64), Some((m.total - m.done - m.dropped) as i64), Some(m.dropped as i64)] })
                .collect::<Vec<_>>()
        })
    };
    const PRIORITIES: &[&str] = &[n_("High"), n_("Medium"), n_("Low")];
    const OUTCOMES: &[&str] = &[n_("Done"), n_("Still open"), n_("Won't do")];
    debug_assert_eq!(Priority::ALL.len(), PRIORITIES.len());
    view! {
        <section class="insights-section" aria-labelledby=uid("insights-actions-title")>
            <h2 id=uid("insights-actions-title")>{tr("Actions")}</h2>
            <div class="chart-pair">
                {move || view! { <BarChart title=tr("Open actions by age and priority") series=PRIORITIES rows=ages() /> }}
                {move || view! { <BarChart title=tr("Actions by month of their retrospective") series=OUTCOMES rows=months() /> }}
            </div>
            <Show when=move || insights.with(|i| !i.open_actions.is_empty())
                fallback=|| view! { <p class="hint">{tr("No open actions: every action is done or dropped.")}</p> }>
                <table class="report-table open-actions-table">
                    <caption>{tr("Open actions, overdue first, then by priority and age")}</caption>
                    <thead><tr>
                        <th scope="col">{tr("Action")}</th><th scope="col">{tr("Owner")}</th><th scope="col">{tr("Priority")}</th>
                        <th scope="col">{tr("Due")}</th><th scope="col">{tr("Age")}</th><th scope="col">{tr("Retrospective")}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|a| (a.retro, a.action) let(a)>
                            {
                                let day = insights.with_untracked(|i| i.today);
                                let overdue = a.is_overdue(day);
                                let retro = a.retro;
                                view! {
                                    <tr class:overdue=overdue>
                                        <td>{a.description.clone()}{(a.status == ActionStatus::InProgress).then(|| view! { <span class="status-note">{tr(" (in progress)")}</span> })}</td>
                                        <td>{if a.owner.is_empty() { "—".to_string() } else { a.owner.clone() }}</td>
                                        <td>{a.priority.label()}</td>
                                        <td>{a.due.map(|d| if overdue { tf!("{due} · overdue", due = d.shown()) } else { d.shown() }).unwrap_or_else(|| "—".into())}</td>
                                        <td>{age(a.age_days)}</td>
                                        <td><a href=Route::Retro(retro).to_hash() on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Retro(retro)); }>{a.retro_title.clone()}</a></td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
                <ShowAll show_all first=FIRST_ACTIONS total=Signal::derive(move || insights.with(|i| i.open_actions.len())) label=n_("Show all {n} open actions") />
            </Show>
        </section>
    }
}

/// "Show all 40 open actions", while only the first of them are listed. `label` is a message
/// key marked with `n_` whose `{n}` is the total (always more than one here).
#[component]
fn ShowAll(show_all: RwSignal<bool>, first: usize, total: Signal<usize>, label: &'static str) -> impl IntoView {
    view! {
        <Show when={move || !show_all.get() && total.get() > first}>
            <button type="button" class="button quiet" on:click=move |_| show_all.set(true)>{move || fill(tr(label), &[("n", &total.get())])}</button>
        </Show>
    }
}

/// "12 days", "5 months", "2 years": an action's age as a person would say it.
fn age(days: i64) -> String {
    let days = days.max(0) as usize;
    match days {
        0..60 => trn("{n} day", "{n} days", days),
        60..730 => trn("{n} month", "{n} months", days / 30),
        _ => trn("{n} year", "{n} years", days / 365),
    }
}

#[component]
fn DetectionSection(insights: Memo<Insights>) -> impl IntoView {
    let rows = move || {
        insights.with(|i| {
            let skip = i.incidents.len().saturating_sub(CHARTED_INCIDENTS);
            i.incidents[skip..]
                .iter()
                .map(|r| Bar { label: format!("{} {}", r.date.shown(), r.title), values: vec![r.time_to_detect, r.time_to_resolve] })
                .collect::<Vec<_>>()
        })
    };
    let trends = move || {
        insights.with(|i| {
            [("detect", i.detect_trend), ("resolve", i.resolve_trend)]
                .into_iter()
                .filter_map(|(what, t)| t.map(|t| describe_trend(what, &t)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="insights-section" aria-labelledby=uid("insights-detection-title")>
            <h2 id=uid("insights-detection-title")>{tr("Detection and resolution")}</h2>
            <Show when=move || insights.with(|i| !i.incidents.is_empty())
                fallback=|| view! { <p class="hint">{tr("No timeline marks a trigger with a detection or resolution time yet. Mark those entries in “What happened” to see how long detection and resolution take.")}</p> }>
                <ul class="trend-list">{move || trends().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                {move || {
                    let n = insights.with(|i| i.incidents.len());
                    let title = if n > CHARTED_INCIDENTS {
                        tf!("Time to detect and to resolve, the latest {shown} of {n} incidents", shown = CHARTED_INCIDENTS, n = n)
                    } else {
                        tr("Time to detect and to resolve, per incident").to_string()
                    };
                    const SERIES: &[&str] = &[n_("Time to detect"), n_("Time to resolve")];
                    view! { <BarChart title series=SERIES rows=rows() grouped=true format=describe_minutes /> }
                }}
            </Show>
        </section>
    }
}

#[component]
fn CountsSection(insights: Memo<Insights>) -> impl IntoView {
    fn bars<C: Choice>(counts: &[(Option<C>, usize)]) -> Vec<Bar> {
        counts.iter().map(|(c, n)| Bar { label: c.map(|c| c.label()).unwrap_or_else(|| tr("Not set")).to_string(), values: vec![Some(*n as i64)] }).collect()
    }
    const RETROS: &[&str] = &[n_("Retrospectives")];
    const FACTORS: &[&str] = &[n_("Factors")];
    view! {
        <section class="insights-section" aria-labelledby=uid("insights-counts-title")>
            <h2 id=uid("insights-counts-title")>{tr("Severity, detection and categories")}</h2>
            <div class="chart-trio">
                {move || view! { <BarChart title=tr("Retrospectives by severity") series=RETROS rows=insights.with(|i| bars(&i.by_severity)) /> }}
                {move || view! { <BarChart title=tr("Retrospectives by how it was detected") series=RETROS rows=insights.with(|i| bars(&i.by_detection)) /> }}
                {move || view! {
                    <BarChart title=tr("Contributing factors by category") series=FACTORS
                        rows=insights.with(|i| i.by_category.iter().map(|(c, n)| Bar { label: c.label().into(), values: vec![Some(*n as i64)] }).collect::<Vec<_>>()) />
                }}
            </div>
        </section>
    }
}
