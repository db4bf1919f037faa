//! Who is here, in the team retrospective's row: how many, and their names or "Participant n"
//! (names only when people gave one, in the Share dialog). Read from heartbeats in the space.

use super::TeamSpace;
use crate::domain::i18n::trn;
use crate::domain::tf;
use leptos::prelude::*;

#[component]
pub fn WhoIsHere() -> impl IntoView {
    let space = expect_context::<TeamSpace>();
    let words = Memo::new(move |_| {
        space.here.with(|here| {
            let names: Vec<String> = here.iter().map(|p| if p.me { tf!("{name} (you)", name = p.label) } else { p.label.clone() }).collect();
            (here.len(), names.join(", "))
        })
    });
    view! {
        <Show when=move || words.with(|(n, _)| *n > 0)>
            <p class="presence" title=move || words.with(|(_, names)| names.clone())>
                <strong>{move || words.with(|(n, _)| trn("{n} here", "{n} here", *n))}</strong>
                ": "
                <span class="presence-names">{move || words.with(|(_, names)| names.clone())}</span>
            </p>
        </Show>
    }
}
