//! The home screen: every saved retrospective, the way to start a new one, and any stored
//! value that could not be read.

use crate::domain::export::tracker::{new_issue_url, IssueDraft};
use crate::domain::listing::RetroSummary;
use crate::domain::model::time::describe_age;
use crate::domain::{Retrospective, Template, Writer};
use crate::storage::{DamagedEntry, Listing};
use crate::ui::context::uid;
use crate::ui::context::{AppState, Route};
use crate::ui::platform::{download, focus_soon, new_id, now_ms, utc_offset_minutes};
use crate::ui::widgets::count;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// How long "Undo" stays offered after a delete.
const UNDO_WINDOW: Duration = Duration::from_secs(12);

/// Retrospective cards drawn in the first frame, and in each frame after it until all are
/// drawn. A screen shows five or six; building a long history's hundred cards before the first
/// frame would keep the whole page from appearing for that long.
const CARDS_PER_FRAME: usize = 20;

/// Home-screen state shared by its parts.
#[derive(Clone, Copy)]
struct Home {
    app: AppState,
    /// The listed retrospectives, newest first, shared: the list, its filter and the open
    /// actions hold these instead of copies (each summary carries its open actions).
    summaries: RwSignal<Vec<Arc<RetroSummary>>>,
    /// Stored values that could not be read.
    damaged: RwSignal<Vec<DamagedEntry>>,
    list_problem: RwSignal<Option<String>>,
    /// The last deleted retrospective, kept in memory so it can be restored.
    undo: RwSignal<Option<Retrospective>>,
    undo_timer: StoredValue<Option<TimeoutHandle>>,
}

impl Home {
    fn refresh(&self) {
        match self.app.repo.with_value(|r| r.list()) {
            Ok(Listing { retros, damaged }) => {
                self.summaries.set(retros.into_iter().map(Arc::new).collect());
                self.damaged.set(damaged);
                self.list_problem.set(None);
            }
            Err(e) => self.list_problem.set(Some(e.to_string())),
        }
    }

    fn writer(&self) -> Writer {
        self.app.writer()
    }

    fn create(&self, template: Template, title: &str) -> Result<(), String> {
        let mut retro = Retrospective::new(new_id(), template, title, &self.writer());
        self.app.repo.with_value(|r| r.save(&mut retro)).map_err(|e| e.to_string())?;
        self.app.navigate(Route::Retro(retro.id));
        Ok(())
    }

    fn rename(&self, summary: &RetroSummary, title: String) {
        let writer = self.writer();
        let result = self
            .app
            .repo
            .with_value(|repo| repo.update(summary.id, |retro| retro.apply(crate::domain::Edit::Header(crate::domain::HeaderField::Title(title)), &writer)));
        match result {
            Ok(_) => self.app.announcer.say("Renamed."),
            Err(e) => self.app.announcer.say(format!("Could not rename: {e}")),
        }
        self.refresh();
    }

    fn duplicate(&self, summary: &RetroSummary) {
        let result = self.app.repo.with_value(|repo| {
            let original = repo.load(summary.id).map_err(|e| e.to_string())?;
            let mut copy = original.duplicate(new_id(), original.copy_title(), &self.writer());
            repo.save(&mut copy).map_err(|e| e.to_string())
        });
        match result {
            Ok(_) => self.app.announcer.say(format!("Duplicated “{}”.", summary.title)),
            Err(e) => self.app.announcer.say(format!("Could not duplicate: {e}")),
        }
        self.refresh();
    }

    fn delete(&self, summary: &RetroSummary) {
        let result = self.app.repo.with_value(|repo| {
            let retro = repo.load(summary.id).map_err(|e| e.to_string())?;
            repo.delete(summary.id, now_ms()).map_err(|e| e.to_string())?;
            Ok::<_, String>(retro)
        });
        match result {
            Ok(retro) => {
                self.undo.set(Some(retro));
                if let Some(t) = self.undo_timer.get_value() {
                    t.clear();
                }
                let undo = self.undo;
                self.undo_timer.set_value(set_timeout_with_handle(move || undo.set(None), UNDO_WINDOW).ok());
                self.app.announcer.say(format!("Deleted “{}”. Undo is available for a few seconds.", summary.title));
                focus_soon(self.app.id("undo-delete"));
            }
            Err(e) => self.app.announcer.say(format!("Could not delete: {e}")),
        }
        self.refresh();
    }

    fn undo_delete(&self) {
        if let Some(mut retro) = self.undo.get_untracked() {
            match self.app.repo.with_value(|r| r.restore(&mut retro)) {
                Ok(_) => {
                    self.undo.set(None);
                    self.app.announcer.say(format!("Restored “{}”.", retro.display_title()));
                }
                Err(e) => self.app.announcer.say(format!("Could not restore: {e}")),
            }
            self.refresh();
        }
    }
}

#[component]
pub fn HomeScreen() -> impl IntoView {
    let app = expect_context::<AppState>();
    let home = Home {
        app,
        summaries: RwSignal::new(Vec::new()),
        damaged: RwSignal::new(Vec::new()),
        list_problem: RwSignal::new(None),
        undo: RwSignal::new(None),
        undo_timer: StoredValue::new(None),
    };
    home.refresh();
    provide_context(home);
    // Another tab may add, rename or delete retrospectives.
    let on_storage = window_event_listener(leptos::ev::storage, move |_| home.refresh());
    on_cleanup(move || {
        on_storage.remove();
        if let Some(t) = home.undo_timer.get_value() {
            t.clear();
        }
    });
    let filter = RwSignal::new(String::new());
    let visible = Memo::new(move |_| {
        let f = filter.get();
        home.summaries.with(|all| all.iter().filter(|s| s.matches(&f)).cloned().collect::<Vec<_>>())
    });
    let total = Memo::new(move |_| home.summaries.with(Vec::len));
    let drawn = RwSignal::new(CARDS_PER_FRAME);
    // Counted over all retrospectives, not the filtered ones: a filter typed while cards are
    // still being drawn must not lift the limit, or clearing it would draw them all at once.
    draw_more_after_each_frame(drawn, move || home.summaries.try_with_untracked(Vec::len));
    let shown = Memo::new(move |_| {
        let limit = drawn.get();
        visible.with(|v| v[..v.len().min(limit)].to_vec())
    });
    view! {
        <div class="home">
            <section class="hero">
                <h1>"Retrace"</h1>
                <p class="tagline">"Run a blameless retrospective step by step: what happened, why it made sense at the time, and what we will change. Everything stays in this browser."</p>
            </section>
            <div class="home-actions">
                <NewRetrospective />
                <ImportFile />
            </div>
            <Show when=move || home.undo.get().is_some()>
                <div class="toast" role="group" aria-label="Deleted">
                    <span>{move || home.undo.get().map(|r| format!("Deleted “{}”.", r.display_title())).unwrap_or_default()}</span>
                    <button type="button" id=uid("undo-delete") class="button" on:click=move |_| home.undo_delete()>"Undo"</button>
                </div>
            </Show>
            <section class="retro-list-section" aria-labelledby=uid("list-title")>
                <div class="list-header">
                    <h2 id=uid("list-title")>"Your retrospectives"</h2>
                    <Show when=move || { total.get() > 0 }>
                        <div class="field filter">
                            <label for=uid("retro-filter") class="sr-only">"Filter by title"</label>
                            <input id=uid("retro-filter") type="search" placeholder="Filter by title"
                                prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                        </div>
                    </Show>
                </div>
                {move || home.list_problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                <Show when=move || { total.get() > 0 }
                    fallback=|| view! {
                        <div class="empty-state">
                            <p class="empty-title">"No retrospectives yet."</p>
                            <p>"Start one after your next incident — or practise on a past one, while memories are fresh."</p>
                        </div>
                    }>
                    <Show when=move || !visible.get().is_empty()
                        fallback=move || view! { <p class="hint">{move || format!("No retrospective matches “{}”.", filter.get())}</p> }>
                        <ul class="retro-list">
                            <For each=move || shown.get() key=|s| (s.id, s.updated_at, s.title.clone()) let(summary)>
                                <RetroCard summary />
                            </For>
                        </ul>
                    </Show>
                </Show>
            </section>
            <OpenActions />
            <DamagedEntries />
        </div>
    }
}

/// Raises `drawn` by [`CARDS_PER_FRAME`] after each painted frame until it covers `wanted()`,
/// then lifts the limit for good, so retrospectives added later (an import, another tab) show
/// at once. Stops by itself when the home screen is left (the signals are gone). In a tab
/// opened in the background frames wait until it is shown, and so do the remaining cards.
fn draw_more_after_each_frame(drawn: RwSignal<usize>, wanted: impl Fn() -> Option<usize> + Copy + 'static) {
    // A timeout started from an animation frame runs after that frame is painted.
    request_animation_frame(move || {
        set_timeout(
            move || {
                let (Some(limit), Some(count)) = (drawn.try_get_untracked(), wanted()) else { return };
                if limit.saturating_add(CARDS_PER_FRAME) >= count {
                    drawn.set(usize::MAX);
                } else {
                    drawn.set(limit + CARDS_PER_FRAME);
                    draw_more_after_each_frame(drawn, wanted);
                }
            },
            Duration::ZERO,
        )
    });
}

/// Import a retrospective file (drag and drop onto the page works too).
#[component]
fn ImportFile() -> impl IntoView {
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

/// Open actions from every retrospective, so the next one starts by reviewing them.
#[component]
fn OpenActions() -> impl IntoView {
    let home = expect_context::<Home>();
    let rows = Memo::new(move |_| {
        home.summaries.with(|l| {
            let mut rows: Vec<(Arc<RetroSummary>, crate::domain::listing::OpenAction)> =
                l.iter().flat_map(|s| s.open_action_items.iter().map(move |a| (s.clone(), a.clone()))).collect();
            crate::domain::listing::by_urgency(&mut rows, |(_, a)| a);
            rows
        })
    });
    // The most urgent first, the rest on request: a long history can hold hundreds.
    const FIRST: usize = 10;
    let show_all = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let mut rows = rows.get();
        if !show_all.get() {
            rows.truncate(FIRST);
        }
        rows
    });
    let tracker = RwSignal::new(home.app.repo.with_value(|r| r.tracker()));
    let today = crate::ui::platform::today();
    let mark_done = move |retro: crate::domain::Id, action: crate::domain::Id| {
        let done = crate::domain::Edit::Action(action, crate::domain::ActionField::Status(crate::domain::ActionStatus::Done));
        let writer = home.writer();
        let result = home.app.repo.with_value(|repo| repo.update(retro, |r| r.apply(done, &writer)));
        match result {
            Ok(_) => home.app.announcer.say("Marked done."),
            Err(e) => home.app.announcer.say(format!("Could not mark it done: {e}")),
        }
        home.refresh();
    };
    view! {
        <Show when=move || !rows.get().is_empty()>
            <section class="open-actions" aria-labelledby=uid("open-actions-title")>
                <h2 id=uid("open-actions-title")>"Open actions"</h2>
                <p class="hint">"From all your retrospectives: review them at the start of the next one."</p>
                <table class="report-table">
                    <thead><tr>
                        <th scope="col">"Done"</th><th scope="col">"Action"</th><th scope="col">"Owner"</th>
                        <th scope="col">"Due"</th><th scope="col">"Retrospective"</th><th scope="col">"Tracker"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || shown.get() key=|(s, a)| (s.id, a.id, a.description.clone(), a.owner.clone(), a.due) let((summary, action))>
                            {
                                let overdue = action.is_overdue(today);
                                let label = if action.description.is_empty() { "Untitled action".to_string() } else { action.description.clone() };
                                let (retro_id, action_id) = (summary.id, action.id);
                                // Built from the summary the index holds: no document is read to draw the list.
                                let draft_source = (summary.clone(), action.clone());
                                let issue_link = move || tracker.get().and_then(|(kind, base)| {
                                    let draft = IssueDraft::from_summary(&draft_source.0, &draft_source.1);
                                    new_issue_url(kind, &base, &draft).ok()
                                });
                                view! {
                                    <tr class:overdue=overdue>
                                        <td><input type="checkbox" aria-label=format!("Mark “{label}” done") on:change=move |_| mark_done(retro_id, action_id) /></td>
                                        <td class="pre">{label.clone()}</td>
                                        <td>{if action.owner.is_empty() { "—".to_string() } else { action.owner.clone() }}</td>
                                        <td class="nowrap">{action.due.map(|d| format!("{d}{}", if overdue { " (overdue)" } else { "" })).unwrap_or_else(|| "—".into())}</td>
                                        <td><a href=Route::Retro(retro_id).to_hash()>{summary.title.clone()}</a></td>
                                        <td>{move || issue_link().map(|url| view! {
                                            <a href=url target="_blank" rel="noopener noreferrer">"New issue"</a>
                                        })}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
                <Show when=move || rows.with(|r| r.len() > FIRST)>
                    <button type="button" class="button quiet small" aria-expanded=move || show_all.get().to_string()
                        on:click=move |_| show_all.update(|all| *all = !*all)>
                        {move || if show_all.get() { format!("Show the first {FIRST}") } else { format!("Show all {} open actions", rows.with(Vec::len)) }}
                    </button>
                </Show>
                <TrackerSettings tracker />
            </section>
        </Show>
    }
}

/// Where "New issue" links go; set once per browser.
#[component]
fn TrackerSettings(tracker: RwSignal<Option<(crate::domain::export::tracker::Tracker, String)>>) -> impl IntoView {
    use crate::domain::export::tracker::Tracker;
    let home = expect_context::<Home>();
    let kind = RwSignal::new(tracker.get_untracked().map(|t| t.0).unwrap_or(Tracker::GitHub));
    let base = RwSignal::new(tracker.get_untracked().map(|t| t.1).unwrap_or_default());
    let problem = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = base.get_untracked();
        let choice = (!text.trim().is_empty()).then(|| (kind.get_untracked(), text.as_str()));
        match home.app.repo.with_value(|r| r.set_tracker(choice)) {
            Ok(()) => {
                problem.set(None);
                tracker.set(home.app.repo.with_value(|r| r.tracker()));
                home.app.announcer.say(if choice.is_some() { "Issue tracker saved." } else { "Issue tracker removed." });
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <details class="tracker-settings">
            <summary>{move || match tracker.get() { Some((k, _)) => format!("Issue tracker: {}", k.label()), None => "Set up “New issue” links".to_string() }}</summary>
            <form class="tracker-form" on:submit=save>
                <div class="field">
                    <label for=uid("tracker-kind") class="field-label">"Tracker"</label>
                    <select id=uid("tracker-kind") on:change=move |ev| if let Some(k) = Tracker::from_key(&event_target_value(&ev)) { kind.set(k) }>
                        {Tracker::ALL.iter().map(|t| { let t = *t; view! { <option value=t.key() prop:selected=move || kind.get() == t>{t.label()}</option> } }).collect_view()}
                    </select>
                </div>
                <div class="field grow">
                    <label for=uid("tracker-base") class="field-label">"Project address"</label>
                    <input id=uid("tracker-base") type="url" placeholder="https://github.com/your-org/your-repo"
                        prop:value=move || base.get() on:input=move |ev| base.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button">"Save"</button>
            </form>
            {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
        </details>
    }
}

#[component]
fn NewRetrospective() -> impl IntoView {
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

#[component]
fn RetroCard(summary: Arc<RetroSummary>) -> impl IntoView {
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
                    <span>{summary.template.label()}</span>
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

#[component]
fn DamagedEntries() -> impl IntoView {
    let home = expect_context::<Home>();
    let damaged = home.damaged;
    view! {
        <Show when=move || !damaged.get().is_empty()>
            <section class="damaged" aria-labelledby=uid("damaged-title")>
                <h2 id=uid("damaged-title")>"Saved data that could not be read"</h2>
                <p class="hint">"Retrace will not change these. Download the raw data to keep it, then delete the entry if you no longer need it."</p>
                <ul>
                    <For each=move || damaged.get() key=|d| d.key.clone() let(entry)>
                        <DamagedCard entry />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn DamagedCard(entry: DamagedEntry) -> impl IntoView {
    let home = expect_context::<Home>();
    let key = entry.key.clone();
    let key2 = entry.key.clone();
    let label = entry.label.clone();
    let download_raw = move |_| match home.app.repo.with_value(|r| r.raw(&key)) {
        Ok(Some(raw)) => {
            let name = format!("{}.txt", key.replace(':', "-"));
            if let Err(e) = download(&name, "text/plain", &raw) {
                home.app.announcer.say(format!("Download failed: {e}"));
            }
        }
        _ => home.app.announcer.say("That entry is no longer stored."),
    };
    let discard = move |_| {
        match home.app.repo.with_value(|r| r.discard(&key2)) {
            Ok(()) => home.app.announcer.say("Damaged entry deleted."),
            Err(e) => home.app.announcer.say(format!("Could not delete: {e}")),
        }
        home.refresh();
    };
    view! {
        <li class="card damaged-card">
            <p><strong>{entry.label.clone()}</strong>
                {entry.newer_version.then_some(" — saved by a newer version of Retrace")}</p>
            <p class="hint">{entry.problem.clone()}</p>
            <div class="button-row">
                {entry.readable.map(|id| view! {
                    <button type="button" class="button small primary" aria-label=format!("Open {} read-only", entry.label)
                        on:click=move |_| home.app.navigate(Route::Retro(id))>"Open read-only"</button>
                })}
                <button type="button" class="button small" aria-label=format!("Download raw data of {label}") on:click=download_raw>"Download raw data"</button>
                <button type="button" class="button small danger" aria-label=format!("Delete {}", entry.label) on:click=discard>"Delete"</button>
            </div>
        </li>
    }
}
