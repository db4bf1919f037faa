//! One retrospective on screen: header, stepper, the current step, and step navigation.

use crate::domain::coach::findings::StepFindings;
use crate::domain::export::write_up::write_up;
use crate::domain::i18n::{tr, trn};
use crate::domain::tf;
use crate::domain::{Edit, LearningList};
use crate::domain::{Id, Retrospective, Step};
use crate::storage::{LoadError, Opened};
use crate::ui::context::uid;
use crate::ui::context::{AppState, Route};
use crate::ui::menu;
use crate::ui::platform::{download, focus_soon};
use crate::ui::prevention::PreventionStep;
use crate::ui::session::Printout;
use crate::ui::session::RetroSession;
use crate::ui::shortcuts::{use_shortcuts, Action, ShortcutSheet};
use crate::ui::silent::Participant;
use crate::ui::space::TeamSpace;
use crate::ui::stage::StageStep;
use crate::ui::summary::SummaryStep;
use crate::ui::timeline::TimelineStep;
use crate::ui::timer::{TimerPanel, TimerReadout};
use crate::ui::why::WhyStep;
use crate::ui::widgets::StorageBanner;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn RetroScreen(id: Id) -> impl IntoView {
    let app = expect_context::<AppState>();
    match app.repo.with_value(|repo| repo.open(id)) {
        Ok(Opened::Editable(retro)) => view! { <Workspace retro /> }.into_any(),
        Ok(Opened::ReadOnly { retro, schema }) => view! { <ReadOnly retro found=schema /> }.into_any(),
        Err(LoadError::Missing) if use_context::<TeamSpace>().is_some_and(|s| s.is_connected()) => view! { <Joining id /> }.into_any(),
        Err(error) => view! { <LoadFailure id error /> }.into_any(),
    }
}
/// A team retrospective this browser does not hold yet (someone's join link): fetched from
/// the team space, then opened. Nothing is shown from the space before it has been read and
/// checked like every other file.
#[component]
fn Joining(id: Id) -> impl IntoView {
    let app = expect_context::<AppState>();
    let space = expect_context::<TeamSpace>();
    space.join(id);
    let here = Memo::new(move |_| {
        space.arrived.track();
        app.repo.with_value(|r| r.contains(id))
    });
    let gone = Memo::new(move |_| !space.members.with(|m| m.contains(&id)) && !here.get());
    view! {
        <Show when=move || here.get()
            fallback=move || view! {
                <Show when=move || !gone.get()
                    fallback=move || view! { <LoadFailure id error=LoadError::Missing /> }>
                    <section class="panel joining" aria-labelledby=uid("joining-title")>
                        <h1 id=uid("joining-title")>{tr("Joining the retrospective…")}</h1>
                        <p>{tr("Fetching it from the team space. It opens as soon as it is here.")}</p>
                    </section>
                </Show>
            }>
            {move || match app.repo.with_value(|repo| repo.open(id)) {
                Ok(Opened::Editable(retro)) => view! { <Workspace retro /> }.into_any(),
                Ok(Opened::ReadOnly { retro, schema }) => view! { <ReadOnly retro found=schema /> }.into_any(),
                Err(error) => view! { <LoadFailure id error /> }.into_any(),
            }}
        </Show>
    }
}

/// A retrospective saved by a newer Retrace: shown, never edited or saved, so nothing the newer
/// version wrote is lost.
#[component]
fn ReadOnly(retro: Retrospective, found: u64) -> impl IntoView {
    let app = expect_context::<AppState>();
    view! {
        <section class="read-only" aria-labelledby=uid("read-only-title")>
            <p class="banner banner-warning" role="alert">
                {tf!("This retrospective was saved by a newer version of Retrace (schema {found}). It is shown read-only so that nothing the newer version stored is lost; update Retrace to edit it.", found = found)}
            </p>
            <button type="button" class="button quiet" on:click=move |_| app.navigate(Route::Home)>{tr("← All retrospectives")}</button>
            <h1 id=uid("read-only-title")>{retro.display_title().to_string()}</h1>
            <article class="card report">{crate::ui::write_ups::report_view(&retro)}</article>
        </section>
    }
}

/// Shown while the open retrospective has been deleted in another tab or window: nothing is
/// written back unless the person keeps this copy as a new retrospective.
#[component]
fn DeletedElsewhereBanner() -> impl IntoView {
    let session = expect_context::<RetroSession>();
    view! {
        <Show when=move || session.deleted_elsewhere.get()>
            <div class="banner banner-warning" role="alert">
                <span class="banner-text">
                    {move || if session.deleted_in_space.get() {
                        tr("This retrospective was deleted in the team space. What you see here is not saved; keep it as a new retrospective, or let it go.")
                    } else {
                        tr("This retrospective was deleted in another tab or window. What you see here is not saved; keep it as a new retrospective, or let it go.")
                    }}
                </span>
                <button type="button" class="button primary" on:click=move |_| session.keep_as_new()>{tr("Keep my copy as a new retrospective")}</button>
                <button type="button" class="button" on:click=move |_| session.download_json()>{tr("Download JSON")}</button>
                <button type="button" class="button quiet" on:click=move |_| session.let_go()>{tr("Let it go")}</button>
            </div>
        </Show>
    }
}

/// Shown when a retrospective cannot be opened: say why, keep the data, offer a way out.
#[component]
fn LoadFailure(id: Id, error: LoadError) -> impl IntoView {
    let app = expect_context::<AppState>();
    let key = app.repo.with_value(|r| r.retro_key(id));
    let has_raw = matches!(error, LoadError::Damaged(_));
    let message = error.to_string();
    let download_raw = move |_| {
        if let Ok(Some(raw)) = app.repo.with_value(|r| r.raw(&key)) {
            let _ = download(&format!("retrace-{id}-raw.txt"), "text/plain", &raw);
        }
    };
    view! {
        <section class="panel load-failure" aria-labelledby=uid("load-failure-title")>
            <h1 id=uid("load-failure-title")>{tr("This retrospective can't be opened")}</h1>
            <p>{message}</p>
            <p>{tr("Nothing has been changed or deleted.")}</p>
            <div class="button-row">
                <button type="button" class="button primary" on:click=move |_| app.navigate(Route::Home)>
                    {tr("Back to all retrospectives")}
                </button>
                {has_raw.then(|| view! {
                    <button type="button" class="button" on:click=download_raw>{tr("Download raw data")}</button>
                })}
            </div>
        </section>
    }
}

#[component]
fn Workspace(retro: Retrospective) -> impl IntoView {
    let app = expect_context::<AppState>();
    let session = RetroSession::new(app, retro);
    provide_context(session);
    let retro_key = app.repo.with_value(|r| r.retro_key(session.doc.with_untracked(|d| d.id)));

    // Never lose the last keystroke: flush when the page is hidden, closed or left.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| session.flush());
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            session.flush();
        }
    });
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        let event: web_sys::StorageEvent = ev.unchecked_into();
        if event.key().as_deref() == Some(retro_key.as_str()) {
            session.merge_from_storage(event.new_value());
        }
    });
    // A team retrospective: the team space merges into this page and sends each save.
    if let Some(space) = use_context::<TeamSpace>() {
        let id = session.id();
        space.opened(session);
        Effect::new(move |previous: Option<()>| {
            session.settled.track();
            if previous.is_some() {
                space.saved_locally(id);
            }
        });
        Effect::new(move |_| {
            if session.unsaved.get() {
                space.editing(id);
            }
        });
        on_cleanup(move || {
            // The last keystrokes, saved as the workspace closes, go to the space too.
            session.flush();
            space.saved_locally(id);
            space.closed(id);
        });
    }
    on_cleanup(move || {
        session.flush();
        on_hide.remove();
        on_visibility.remove();
        on_storage.remove();
    });

    let title = session.memo(|r| r.display_title().to_string());
    let template = session.memo(|r| r.template_name().to_string());
    let step = session.shown_step;
    Effect::new(move |_| app.set_title(&format!("{} · Retrace", title.get())));
    on_cleanup(move || app.set_title("Retrace"));

    let heading_id = StoredValue::new(app.id("step-heading"));
    let go = move |target: Step| {
        session.go_to(target);
        focus_soon(heading_id.get_value());
    };
    let presenting = session.presenting;
    let on_escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && presenting.get_untracked() && app.has_focus() {
            presenting.set(false);
        }
    });
    on_cleanup(move || on_escape.remove());
    let presenter = session.memo(|r| r.facilitation.presenter.value);
    let more_menu = NodeRef::<leptos::html::Details>::new();
    let is_team = crate::ui::silent::is_team(session);
    let participant = Participant::new(session, is_team);
    provide_context(participant);
    let participant = participant.0;
    menu::close_on_outside_press(more_menu);
    let shortcuts = NodeRef::<leptos::html::Dialog>::new();
    let share = NodeRef::<leptos::html::Dialog>::new();
    let save_as_template = NodeRef::<leptos::html::Dialog>::new();
    let toggle_presenter = move || {
        let on = !presenter.get_untracked();
        session.apply(Edit::Presenter(on));
        app.announcer.say(if on { tr("Presenter mode on.") } else { tr("Presenter mode off.") });
    };
    use_shortcuts(move |action| match action {
        _ if !app.has_focus() => {}
        Action::TogglePresenter if !app.presenter_allowed => {}
        // The timer and presenter mode are the facilitator's (they change everyone's screen).
        Action::TogglePresenter | Action::ToggleTimer if participant.get_untracked() => {}
        Action::NextStep => {
            if let Some(next) = step.get_untracked().next() {
                go(next);
            }
        }
        Action::PreviousStep => {
            if let Some(previous) = step.get_untracked().previous() {
                go(previous);
            }
        }
        Action::AddItem => add_item(session, step.get_untracked()),
        Action::TogglePresenter => toggle_presenter(),
        Action::ToggleTimer => {
            let now = crate::ui::platform::now_ms();
            let (current, timer) = session.doc.with_untracked(|r| (r.step.value, r.facilitation.timer(r.step.value)));
            session.apply(Edit::SetTimer(current, timer.toggle(now)));
        }
        Action::ShowShortcuts => {
            if let Some(dialog) = shortcuts.get_untracked() {
                let _ = dialog.show_modal();
            }
        }
    });

    view! {
        <Show when=move || !presenting.get() fallback=move || view! {
            <div class="workspace presenting">
                <StorageBanner message=session.save_problem on_download=Callback::new(move |_| session.download_json()) />
                <crate::ui::present::PresentView on_go=Callback::new(go) />
            </div>
        }>
        <div class="workspace" class:presenter=move || presenter.get() && app.presenter_allowed class:participant=move || participant.get()>
            <StorageBanner message=session.save_problem on_download=Callback::new(move |_| session.download_json()) />
            <DeletedElsewhereBanner />
            // One slim bar that stays in view: where we are, the timer, the meeting's actions.
            <header class="workspace-bar">
                <button type="button" class="icon-button back-button" aria-label=tr("All retrospectives") title=tr("All retrospectives")
                    on:click=move |_| app.navigate(Route::Home)>
                    <span aria-hidden="true">"←"</span>
                </button>
                <div class="workspace-title" title=move || format!("{} · {}", title.get(), template.get())>
                    <h1>{title}</h1>
                </div>
                <Show when=move || !participant.get() fallback=|| view! { <TimerReadout /> }>
                    <TimerPanel />
                    <button type="button" class="button small" title=tr("The content alone, for the shared screen; Escape ends it")
                        on:click=move |_| { presenting.set(true); focus_soon(heading_id.get_value()); }>{tr("Present")}</button>
                    <SafeToShare />
                    <button type="button" class="button small" on:click=move |_| { if let Some(d) = share.get() { let _ = d.show_modal(); } }>
                        {tr("Share & export")}
                    </button>
                </Show>
                // A participant's one menu holds what the facilitator's bar shows in a row.
                <details class="bar-menu" node_ref=more_menu on:keydown=menu::on_key(more_menu) on:click=menu::on_choose(more_menu)>
                    <summary class="button small quiet">{tr("More")}</summary>
                    <div class="bar-menu-body">
                        <p class="eyebrow">{template}</p>
                        <Show when=move || participant.get()>
                            <button type="button" class="button small quiet" on:click=move |_| { if let Some(d) = share.get() { let _ = d.show_modal(); } }>
                                {tr("Share & export")}
                            </button>
                        </Show>
                        // Large type while the room works in this window; Present (in the bar)
                        // is the content alone for a shared screen.
                        {app.presenter_allowed.then(|| view! {
                            <Show when=move || !participant.get()>
                                <button type="button" class="button small quiet" aria-keyshortcuts="p"
                                    aria-pressed=move || if presenter.get() { "true" } else { "false" }
                                    on:click=move |_| toggle_presenter()>{tr("Presenter mode")}</button>
                            </Show>
                        })}
                        {(!app.embedded).then(|| view! {
                            <Show when=move || !participant.get()>
                                <button type="button" class="button small quiet" on:click=move |_| open_audience_window(session)>
                                    {tr("Open audience window")}
                                </button>
                            </Show>
                        })}
                        <Show when=move || is_team.get() && !session.leads.get()>
                            <button type="button" class="button small quiet" on:click=move |_| {
                                if session.apply(Edit::Facilitate) {
                                    session.looking_at.set(None);
                                    app.announcer.say(tr("You lead the meeting now: everyone else's screen follows your step."));
                                }
                            }>{tr("Lead the meeting")}</button>
                        </Show>
                        <button type="button" class="button small quiet"
                            on:click=move |_| { if let Some(d) = save_as_template.get() { let _ = d.show_modal(); } }>{tr("Save as template…")}</button>
                        <button type="button" class="button small quiet" aria-keyshortcuts="?"
                            on:click=move |_| { if let Some(d) = shortcuts.get() { let _ = d.show_modal(); } }>{tr("Shortcuts (?)")}</button>
                    </div>
                </details>
                <Show when=move || !participant.get()>
                    <SaveStatus />
                </Show>
                // A team retrospective's own row: where syncing stands, who is here, the way to
                // invite. A retrospective of this browser has no such row.
                <Show when=move || is_team.get()>
                    <div class="team-row">
                        <crate::ui::space::status::SyncStatusLine place=crate::ui::space::status::Place::Workspace />
                        <crate::ui::space::here::WhoIsHere />
                        <crate::ui::space::invite::InviteButton id=session.id() />
                    </div>
                </Show>
                <Stepper on_go=Callback::new(go) />
                <crate::ui::silent::FollowFacilitator />
            </header>
            <ShortcutSheet dialog=shortcuts />
            <crate::ui::templates::save_as::SaveAsTemplate dialog=save_as_template />
            <crate::ui::share::SharePanel dialog=share />
            {move || session.printing.get().map(|what| match what {
                Printout::Report => view! {
                    <article class="print-report" aria-hidden="true">
                        <h1>{move || title.get()}</h1>
                        {move || { session.doc.track(); session.seen(crate::ui::write_ups::report_view) }}
                    </article>
                }.into_any(),
                Printout::WriteUp(reader, options) => view! {
                    <article class="print-report print-write-up" aria-hidden="true">
                        {session.seen(|r| crate::ui::write_ups::write_up_view(&write_up(r, reader, options)))}
                    </article>
                }.into_any(),
            })}
            <section class="step-body" aria-labelledby=uid("step-heading")>
                {move || match step.get() {
                    Step::SetTheStage => view! { <StageStep /> }.into_any(),
                    Step::WhatHappened => view! { <TimelineStep /> }.into_any(),
                    Step::Why => view! { <WhyStep /> }.into_any(),
                    Step::Prevention => view! { <PreventionStep /> }.into_any(),
                    Step::Summary => view! { <SummaryStep /> }.into_any(),
                }}
            </section>
            <nav class="step-nav" aria-label=tr("Previous and next step")>
                {move || step.get().previous().map(|p| view! {
                    <button type="button" class="button" on:click=move |_| go(p)>
                        {tf!("← Back: {step}", step = p.label())}
                    </button>
                })}
                <span class="spacer"></span>
                {move || step.get().next().map(|n| view! {
                    <button type="button" class="button primary" on:click=move |_| go(n)>
                        {tf!("Next: {step} →", step = n.label())}
                    </button>
                })}
            </nav>
        </div>
        </Show>
    }
}

/// Adds an item to the step on screen (the `a` key).
fn add_item(session: RetroSession, step: Step) {
    match step {
        Step::SetTheStage => focus_soon(session.app().id("stage-impact")),
        Step::WhatHappened => crate::ui::timeline::add_timeline_entry(session),
        Step::Why => crate::ui::why::add_factor(session),
        Step::Prevention => crate::ui::prevention::add_action(session, None),
        Step::Summary => crate::ui::summary::add_learning(session, LearningList::WentWell),
    }
}

/// Opens (or brings forward) the read-only window for the room.
fn open_audience_window(session: RetroSession) {
    let id = session.doc.with_untracked(|r| r.id);
    let Some(window) = web_sys::window() else { return };
    let url = format!("{}{}", crate::ui::platform::page_address(), Route::Audience(id).to_hash());
    match window.open_with_url_and_target_and_features(&url, &format!("retrace-audience-{id}"), "popup,width=1280,height=720") {
        Ok(Some(_)) => session.app().announcer.say(tr("Audience window opened. Share that window with the room.")),
        _ => session.app().announcer.say(tr("The browser blocked the audience window. Allow pop-ups for this page and try again.")),
    }
}

/// "Safe to share": hides participant names and vote counts while the screen is shown.
#[component]
fn SafeToShare() -> impl IntoView {
    let session = expect_context::<RetroSession>();
    let on = session.safe_to_share;
    view! {
        <label class="switch">
            <input type="checkbox" role="switch" aria-label=tr("Safe to share: hide names and votes")
                prop:checked=move || on.get()
                on:change=move |ev| { session.apply(Edit::SafeToShare(event_target_checked(&ev))); } />
            <span aria-hidden="true">{tr("Safe to share")}</span>
        </label>
    }
}

#[component]
fn SaveStatus() -> impl IntoView {
    let session = expect_context::<RetroSession>();
    view! {
        <p class="save-status" class:problem=move || session.save_problem.get().is_some() || session.deleted_elsewhere.get()>
            {move || if session.save_problem.get().is_some() || session.deleted_elsewhere.get() { tr("Not saved") } else { tr("Saved") }}
            <span class="sr-only">{move || if session.save_problem.get().is_some() || session.deleted_elsewhere.get() { "" } else { tr(" in this browser") }}</span>
        </p>
    }
}

/// The five steps as a navigation landmark; the current one carries `aria-current="step"`.
#[component]
fn Stepper(on_go: Callback<Step>) -> impl IntoView {
    let session = expect_context::<RetroSession>();
    let current = session.shown_step;
    let items = Step::ALL
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let step = *step;
            let filled = session.memo(move |r| r.step_has_content(step));
            // Counted after each save rather than per keystroke: reviewing every text of the
            // retrospective on each key press is too slow for large ones.
            let counter = StoredValue::new(StepFindings::new(step));
            let hints = Memo::new(move |_| {
                session.settled.track();
                session.dismissed.track();
                session.doc.with_untracked(|r| counter.try_update_value(|c| c.open_count(r)).unwrap_or(0))
            });
            view! {
                <li>
                    <button type="button" class="step-link"
                        aria-current=move || (current.get() == step).then_some("step")
                        on:click=move |_| on_go.run(step)>
                        <span class="step-number" aria-hidden="true">{index + 1}</span>
                        <span class="step-name">{step.label()}</span>
                        {move || (hints.get() > 0).then(|| view! {
                            <span class="step-hints" title=tr("Blameless hints in this step")>
                                <span aria-hidden="true">{format!("⚑ {}", hints.get())}</span>
                                <span class="sr-only">{trn(", {n} blameless hint", ", {n} blameless hints", hints.get())}</span>
                            </span>
                        })}
                        <span class="step-state" class:filled=move || filled.get()>
                            <span aria-hidden="true">{move || if filled.get() { "●" } else { "○" }}</span>
                            <span class="sr-only">{move || if filled.get() { tr(" (has content)") } else { tr(" (empty)") }}</span>
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="stepper" aria-label=tr("Retrospective steps")>
            <ol>{items}</ol>
        </nav>
    }
}
