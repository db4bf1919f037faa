//! One line of the import preview.

use crate::domain::i18n::tr;
use crate::domain::import::PreviewRow;
use crate::domain::EntryKind;
use crate::ui::context::uid;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// One line of the preview: a checkbox labelled with its time, kind and text.
#[component]
pub fn ImportRow(
    i: usize,
    row: Option<PreviewRow>,
    picked: RwSignal<BTreeSet<usize>>,
    toggle: impl Fn(usize, bool) + Copy + Send + Sync + 'static,
    keep_authors: RwSignal<bool>,
) -> impl IntoView {
    let Some(row) = row else { return ().into_any() };
    let id = uid(&format!("import-row-{i}"));
    let when = row.when.map(|w| w.shown()).unwrap_or_else(|| tr("no time").into());
    let kind = (row.kind != EntryKind::Other).then(|| row.kind.label());
    let author = row.line.author.clone();
    view! {
        <li class="import-row" class:noise=row.line.noise class:done=row.already_added>
            <input type="checkbox" id=id.clone() prop:disabled=row.already_added
                prop:checked=move || picked.with(|p| p.contains(&i))
                on:click=move |ev: leptos::ev::MouseEvent| toggle(i, ev.shift_key()) />
            <label for=id>
                <span class="import-when">{when}</span>
                {kind.map(|k| view! { <span class="import-kind">{k}</span> })}
                <span class="import-text">{row.line.text.clone()}</span>
                // Names show only when they are to be kept: the screen may be shared.
                {move || author.clone().filter(|_| keep_authors.get()).map(|a| view! { <span class="import-author">{format!(" — {a}")}</span> })}
                {row.already_added.then(|| view! { <span class="import-note">{tr(" (already in the timeline)")}</span> })}
            </label>
        </li>
    }
    .into_any()
}
