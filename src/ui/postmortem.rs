//! The postmortem details in *Set the stage*: severity (with what each level means), how it
//! was detected, and who responded in which role. All optional.

use crate::domain::i18n::tr;
use crate::domain::{Detection, Edit, HeaderField, ResponderField, ResponderRole, Severity};
use crate::ui::context::uid;
use crate::ui::platform::{focus_soon, new_id};
use crate::ui::session::RetroSession;
use crate::ui::widgets::{ChoiceSelect, ItemControls, OptionalChoiceSelect, TextField};
use leptos::prelude::*;

#[component]
pub fn PostmortemDetails() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let severity = s.memo(|r| r.severity.value);
    let detection = s.memo(|r| r.detection.value);
    let order = s.memo(|r| r.responder_order());
    let safe = s.safe_to_share;
    let add = move |_| {
        let id = new_id();
        if s.apply(Edit::AddResponder { id }) {
            focus_soon(format!("responder-{id}-role"));
        }
    };
    view! {
        <section class="card postmortem" aria-labelledby=uid("postmortem-title")>
            <h3 id=uid("postmortem-title")>{tr("Postmortem details (optional)")}</h3>
            <div class="postmortem-grid">
                <div class="postmortem-facts">
                    <OptionalChoiceSelect label=tr("Severity") id=uid("stage-severity") unset=tr("Not decided") value=severity
                        on_change={move |v: Option<Severity>| { s.apply(Edit::Header(HeaderField::Severity(v))); }} />
                    <p class="hint severity-definition">
                        {move || match severity.get() {
                            Some(level) => s.doc.with(|r| r.severity_definition(level).to_string()),
                            None => tr("Choose by the impact, not by how the incident felt.").to_string(),
                        }}
                    </p>
                    <OptionalChoiceSelect label=tr("How it was detected") id=uid("stage-detection") unset=tr("Not recorded") value=detection
                        on_change={move |v: Option<Detection>| { s.apply(Edit::Header(HeaderField::Detection(v))); }} />
                </div>
                <div class="responders">
                    <h4 id=uid("responders-title")>{tr("Responders")}</h4>
                    <ul class="responder-list" aria-labelledby=uid("responders-title")>
                        <For each=move || order.get() key=|id| *id let(id)>
                            <li class="responder-item">
                                <ChoiceSelect label=tr("Role") id=format!("responder-{id}-role")
                                    value=s.item_memo(id, move |r| r.responders.get(&id).map_or(ResponderRole::Other, |x| x.role.value))
                                    on_change=move |v: ResponderRole| { s.apply(Edit::Responder(id, ResponderField::Role(v))); } />
                                <Show when=move || !safe.get() fallback=|| view! { <p class="hint grow">{tr("Name hidden while the screen is shared.")}</p> }>
                                    <TextField label=tr("Name (optional)") id=format!("responder-{id}-name") class="grow"
                                        value=s.item_memo(id, move |r| r.responders.get(&id).map(|x| x.name.value.clone()).unwrap_or_default())
                                        on_input=move |v| { s.apply(Edit::Responder(id, ResponderField::Name(v))); } />
                                </Show>
                                <ItemControls noun=tr("responder")
                                    on_move=move |up| { s.apply(Edit::Move { id, up }); }
                                    on_delete=move |_| { s.apply(Edit::Delete(id)); } />
                            </li>
                        </For>
                    </ul>
                    <button type="button" class="button quiet small" on:click=add>{tr("+ Add a responder")}</button>
                </div>
            </div>
        </section>
    }
}
