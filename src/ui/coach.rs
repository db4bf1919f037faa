//! Coach hints under a text field: a small marker per open finding that opens to the reason,
//! a suggested reframing, and "Dismiss". Nothing pops up; nothing blocks typing.

use crate::domain::coach::findings::open_findings;
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::domain::Edit;
use crate::ui::session::RetroSession;
use leptos::prelude::*;

#[component]
pub fn CoachHints(field_key: String, #[prop(into)] text: Signal<String>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let key = field_key.clone();
    // Depends on this field's text and the dismissed set only, never on the whole document, so
    // typing elsewhere does not re-review this field.
    let findings = Memo::new(move |_| {
        let text = text.get();
        s.dismissed.with(|dismissed| {
            open_findings(&key, &text, dismissed)
                .into_iter()
                .map(|(k, f)| {
                    let matched = text.get(f.start..f.end).unwrap_or("").to_string();
                    (k, matched, f)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !findings.get().is_empty()>
            <div class="coach-hints" role="group" aria-label=tr("Blameless hints")>
                <For each=move || findings.get() key=|(key, _, _)| key.clone() let((key, matched, finding))>
                    <details class="coach-hint">
                            <summary>
                                <span class="coach-mark" aria-hidden="true">"⚑"</span>
                                {tf!("“{text}”", text = matched)}
                            </summary>
                            <div class="coach-body">
                                <p>{finding.reason}</p>
                                <p><strong>{tr("Try: ")}</strong>{finding.suggestion}</p>
                                <button type="button" class="button quiet small"
                                    on:click=move |_| {
                                        s.apply(Edit::DismissFinding(key.clone()));
                                        s.app().announcer.say(tr("Hint dismissed."));
                                    }>{tr("Dismiss")}</button>
                            </div>
                    </details>
                </For>
            </div>
        </Show>
    }
}
