//! *Set the stage*: what the retrospective covers and how the group will talk about it.

use crate::domain::coach::findings::CoachedField;
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::domain::StepWords;
use crate::domain::{Edit, HeaderField, Step};
use crate::ui::context::uid;
use crate::ui::session::RetroSession;
use crate::ui::step::StepHeader;
use crate::ui::widgets::{DateTimeField, TextField};
use crate::ui::zones::{browser_zone_name, is_known_zone, known_zones};
use leptos::prelude::*;

#[component]
pub fn StageStep() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let (copy, agreement) = s.doc.with_untracked(|r| (StepWords::from(r.step_copy(Step::SetTheStage)), r.agreement().to_string()));
    let safe = s.safe_to_share;
    view! {
        <StepHeader step=Step::SetTheStage />
        <div class="stage-grid">
            <div class="card stage-fields">
                <TextField label=tr("Title") id=uid("stage-title")
                    value=s.memo(|r| r.title.value.clone())
                    on_input=move |v| { s.apply(Edit::Header(HeaderField::Title(v))); } />
                <div class="field-row">
                    <DateTimeField label=tr("Started (incident or period)") id=uid("stage-start")
                        value=s.memo(|r| r.incident_start.value)
                        on_change=move |v| { s.apply(Edit::Header(HeaderField::IncidentStart(v))); } />
                    <DateTimeField label=tr("Ended") id=uid("stage-end")
                        value=s.memo(|r| r.incident_end.value)
                        on_change=move |v| { s.apply(Edit::Header(HeaderField::IncidentEnd(v))); } />
                    <TimeZoneField />
                </div>
                <TextField label=tr("Impact") id=uid("stage-impact") multiline=true coach=CoachedField::Impact.to_string() placeholder=copy.placeholder
                    value=s.memo(|r| r.impact.value.clone())
                    on_input=move |v| { s.apply(Edit::Header(HeaderField::Impact(v))); } />
                <Show when=move || !safe.get()
                    fallback=|| view! { <p class="hint">{tr("Participants are hidden while the screen is shared.")}</p> }>
                    <TextField label=tr("Participants (optional)") id=uid("stage-participants")
                        placeholder=tr("Names or roles, if the group wants them recorded")
                        value=s.memo(|r| r.participants.value.clone())
                        on_input=move |v| { s.apply(Edit::Header(HeaderField::Participants(v))); } />
                </Show>
                <p class="hint"><span class="example-label">{tr("Example impact: ")}</span>{copy.example}</p>
                <crate::ui::tags::TagsField />
            </div>
            <aside class="card agreement" aria-labelledby=uid("agreement-title")>
                <h3 id=uid("agreement-title")>{tr("Our blameless agreement")}</h3>
                <p class="agreement-text">{agreement}</p>
                <p class="hint">{tr("Read it out before you start. Ask what happened and how it made sense at the time — never who should have done what.")}</p>
            </aside>
        </div>
        <crate::ui::postmortem::PostmortemDetails />
    }
}

/// The zone the retrospective's times are in. Whoever starts one sets it to theirs; everyone
/// else reads the same wall-clock times, named with this zone, wherever they are.
#[component]
fn TimeZoneField() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let id = uid("stage-zone");
    let zone = s.memo(|r| r.time_zone.value.clone());
    let here = browser_zone_name();
    let option = move |value: String, label: String| {
        let current = value.clone();
        view! { <option value=value prop:selected=move || zone.with(|z| *z == current)>{label}</option> }
    };
    view! {
        <div class="field">
            <label for=id.clone() class="field-label">{tr("Time zone")}</label>
            <select id=id on:change=move |ev| { s.apply(Edit::Header(HeaderField::TimeZone(event_target_value(&ev)))); }>
                {option(String::new(), tf!("Each reader's own (here {zone})", zone = here))}
                // A zone that is not in this browser's list stays listed, so it is not lost by
                // accident: an alias the browser takes as it is, one it does not know with a word.
                {move || Some(zone.get()).filter(|z| !z.is_empty() && !known_zones().contains(z)).map(|z| {
                    let label = if is_known_zone(&z) { z.clone() } else { tf!("{zone} (unknown here: times read in {here})", zone = z, here = browser_zone_name()) };
                    option(z, label)
                })}
                {known_zones().iter().map(|z| option(z.clone(), z.clone())).collect_view()}
            </select>
        </div>
    }
}
