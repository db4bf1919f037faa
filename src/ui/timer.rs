//! The step timebox on screen: a countdown the back row can read, its controls, spoken cues
//! at one minute and at zero, and an optional short chime (off unless switched on).

use crate::domain::i18n::tr;
use crate::domain::model::timer::{Cue, Timer, PRESETS};
use crate::domain::tf;
use crate::domain::{Edit, Step};
use crate::ui::context::uid;
use crate::ui::menu;
use crate::ui::platform::now_ms;
use crate::ui::session::RetroSession;
use leptos::prelude::*;
use std::time::Duration;

/// The current time, refreshed four times a second while the component lives.
pub fn use_clock() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_ms());
    let handle = set_interval_with_handle(move || set_now.set(now_ms()), Duration::from_millis(250)).ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    now
}

/// The big `MM:SS` face, shared by the facilitator's and the audience's windows.
#[component]
pub fn TimerFace(#[prop(into)] timer: Signal<Timer>, now: ReadSignal<i64>) -> impl IntoView {
    view! {
        <span class="timer-face" class:time-up=move || timer.get().is_up(now.get())
            class:running=move || timer.get().is_running()
            role="timer" aria-label=tr("Time left")>
            {move || timer.get().display(now.get())}
        </span>
    }
}

/// The meeting step's timer as a participant sees it: the face alone, set by the facilitator.
#[component]
pub fn TimerReadout() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let now = use_clock();
    let timer = s.memo(|r| r.facilitation.timer(r.step.value));
    view! {
        <div class="timer-panel" role="group" aria-label=tr("Step timer")>
            <TimerFace timer now />
        </div>
    }
}

/// The facilitator's timer for the current step.
#[component]
pub fn TimerPanel() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let now = use_clock();
    let step = s.memo(|r| r.step.value);
    let timer = s.memo(|r| r.facilitation.timer(r.step.value));
    let sound = RwSignal::new(false);
    let custom = RwSignal::new(String::new());
    let set = move |t: Timer| {
        s.apply(Edit::SetTimer(step.get_untracked(), t));
    };

    // Announce the thresholds once each, including when a reload lands past them.
    let last_remaining = StoredValue::new(None::<(Step, i64)>);
    Effect::new(move |_| {
        let (step, remaining) = (step.get(), timer.get().remaining_ms(now.get()));
        let running = timer.with(|t| !matches!(t, Timer::Idle { .. }));
        if let Some((prev_step, before)) = last_remaining.get_value() {
            if prev_step == step && running {
                if let Some(cue) = Timer::cue_between(before, remaining) {
                    s.app().announcer.say(cue.message());
                    if cue == Cue::TimeUp && sound.get_untracked() {
                        let _ = chime();
                    }
                }
            }
        }
        last_remaining.set_value(Some((step, remaining)));
    });

    let toggle_label = move || match timer.get() {
        Timer::Running { .. } => tr("Pause"),
        Timer::Paused { remaining_ms, .. } if remaining_ms > 0 => tr("Resume"),
        _ => tr("Start"),
    };
    let settings = NodeRef::<leptos::html::Details>::new();
    menu::close_on_outside_press(settings);
    view! {
        <div class="timer-panel" role="group" aria-label=tr("Step timer")>
            <TimerFace timer=timer now />
            <div class="timer-controls">
                <button type="button" class="button small primary" aria-keyshortcuts="t"
                    on:click=move |_| set(timer.get_untracked().toggle(now_ms()))>{toggle_label}</button>
                <button type="button" class="button small" on:click=move |_| set(timer.get_untracked().add_minute(now_ms()))>{tr("+1 min")}</button>
                <details class="timer-settings" node_ref=settings on:keydown=menu::on_key(settings) on:click=menu::on_choose(settings)>
                    <summary>{tr("Set time")}</summary>
                    <div class="timer-settings-body">
                        <button type="button" class="button small" on:click=move |_| set(timer.get_untracked().reset())>{tr("Reset")}</button>
                        <div class="button-row" role="group" aria-label=tr("Presets")>
                            {PRESETS.iter().map(|m| {
                                let m = *m;
                                view! { <button type="button" class="button small" on:click=move |_| set(Timer::minutes(m))>{tf!("{n} min", n = m)}</button> }
                            }).collect_view()}
                        </div>
                        <form class="timer-custom" on:submit=move |ev| {
                            ev.prevent_default();
                            if let Some(timer) = Timer::typed(&custom.get_untracked()) {
                                set(timer);
                            }
                        }>
                            <label for=uid("timer-minutes")>{tr("Minutes")}</label>
                            <input id=uid("timer-minutes") type="number" min="1" max="180" inputmode="numeric"
                                prop:value=move || custom.get() on:input=move |ev| custom.set(event_target_value(&ev)) />
                            <button type="submit" class="button small">{tr("Set")}</button>
                        </form>
                        <label class="check">
                            <input type="checkbox" prop:checked=move || sound.get() on:change=move |ev| sound.set(event_target_checked(&ev)) />
                            <span>{tr("Chime when time is up")}</span>
                        </label>
                    </div>
                </details>
            </div>
        </div>
    }
}

/// A short, soft two-note chime through WebAudio.
fn chime() -> Result<(), wasm_bindgen::JsValue> {
    let ctx = web_sys::AudioContext::new()?;
    let start = ctx.current_time();
    for (i, frequency) in [660.0_f32, 880.0].iter().enumerate() {
        let at = start + i as f64 * 0.25;
        let oscillator = ctx.create_oscillator()?;
        oscillator.frequency().set_value(*frequency);
        let gain = ctx.create_gain()?;
        gain.gain().set_value_at_time(0.0001, at)?;
        gain.gain().exponential_ramp_to_value_at_time(0.15, at + 0.02)?;
        gain.gain().exponential_ramp_to_value_at_time(0.0001, at + 0.6)?;
        oscillator.connect_with_audio_node(&gain)?;
        gain.connect_with_audio_node(&ctx.destination())?;
        oscillator.start_with_when(at)?;
        oscillator.stop_with_when(at + 0.65)?;
    }
    Ok(())
}
