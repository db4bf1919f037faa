//! Small controls used by every step: labelled fields bound to the document, choice pickers,
//! item controls and the storage banner.

use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::domain::{Choice, Date, LocalDateTime};
use crate::ui::platform::new_id;
use leptos::prelude::*;

/// Longest text a field accepts; matches the format's string limit.
pub const MAX_TEXT: usize = 20_000;

fn field_id(id: Option<String>) -> String {
    id.unwrap_or_else(|| format!("f-{}", new_id()))
}

fn label_class(hidden: bool) -> &'static str {
    if hidden {
        "sr-only"
    } else {
        "field-label"
    }
}

/// A labelled text field. The label is visible unless `label_hidden`, in which case it is
/// still the accessible name.
#[component]
pub fn TextField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional)] label_hidden: bool,
    #[prop(optional, into)] class: Option<String>,
    /// The most characters it takes; [`MAX_TEXT`] unless said.
    #[prop(optional)]
    max: Option<usize>,
    /// When set, the blameless coach reviews this field; the key identifies it for dismissals.
    #[prop(optional, into)]
    coach: Option<String>,
) -> impl IntoView {
    let id = field_id(id);
    let placeholder = placeholder.unwrap_or_default();
    let max = max.unwrap_or(MAX_TEXT);
    let hints = coach.map(|field_key| view! { <crate::ui::coach::CoachHints field_key text=value /> });
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="2" maxlength=max placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" maxlength=max placeholder=placeholder autocomplete="off"
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class=format!("field {}", class.unwrap_or_default())>
            <label for=id class=label_class(label_hidden)>{label}</label>
            {control}
            {hints}
        </div>
    }
}

/// A `datetime-local` field. Clearing it sets no time.
#[component]
pub fn DateTimeField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<LocalDateTime>>,
    #[prop(into)] on_change: Callback<Option<LocalDateTime>>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] label_hidden: bool,
) -> impl IntoView {
    let id = field_id(id);
    view! {
        <div class="field field-time">
            <label for=id.clone() class=label_class(label_hidden)>{label}</label>
            <input id=id type="datetime-local"
                prop:value=move || value.get().map(|t| t.to_string()).unwrap_or_default()
                on:change=move |ev| on_change.run(LocalDateTime::parse(&event_target_value(&ev))) />
        </div>
    }
}

/// A `date` field. Clearing it sets no date.
#[component]
pub fn DateField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<Date>>,
    #[prop(into)] on_change: Callback<Option<Date>>,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = field_id(id);
    view! {
        <div class="field field-date">
            <label for=id.clone() class="field-label">{label}</label>
            <input id=id type="date"
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| on_change.run(Date::parse(&event_target_value(&ev))) />
        </div>
    }
}

/// One `<option>` per value of a fixed choice, selected while `selected` says so.
fn choice_options<C: Choice>(selected: impl Fn(C) -> bool + Copy + Send + Sync + 'static) -> impl IntoView {
    C::all()
        .iter()
        .map(|choice| {
            let choice = *choice;
            view! { <option value=choice.key() prop:selected=move || selected(choice)>{choice.label()}</option> }
        })
        .collect_view()
}

/// A `<select>` over one of the domain's fixed choices.
#[component]
pub fn ChoiceSelect<C: Choice>(
    #[prop(into)] label: String,
    value: Memo<C>,
    #[prop(into)] on_change: Callback<C>,
    #[prop(optional)] label_hidden: bool,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = field_id(id);
    let options = choice_options(move |choice| value.get() == choice);
    view! {
        <div class="field field-choice">
            <label for=id.clone() class=label_class(label_hidden)>{label}</label>
            <select id=id on:change=move |ev| {
                if let Some(choice) = C::from_key(&event_target_value(&ev)) {
                    on_change.run(choice);
                }
            }>{options}</select>
        </div>
    }
}

/// A `<select>` over one of the domain's fixed choices that may also be unset.
#[component]
pub fn OptionalChoiceSelect<C: Choice>(
    #[prop(into)] label: String,
    value: Memo<Option<C>>,
    #[prop(into)] on_change: Callback<Option<C>>,
    /// What the unset option says ("Not decided", "Not marked").
    unset: &'static str,
    #[prop(optional)] label_hidden: bool,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = field_id(id);
    let options = choice_options(move |choice| value.get() == Some(choice));
    view! {
        <div class="field field-choice">
            <label for=id.clone() class=label_class(label_hidden)>{label}</label>
            <select id=id on:change=move |ev| on_change.run(C::from_key(&event_target_value(&ev)))>
                <option value="" prop:selected=move || value.get().is_none()>{unset}</option>
                {options}
            </select>
        </div>
    }
}

/// A labelled checkbox bound to one flag of the document ("Key factor", "Internal").
#[component]
pub fn CheckField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
    #[prop(optional, into)] id: Option<String>,
    /// Said to screen readers after the label, to tell one card's box from another's.
    #[prop(optional, into)]
    title: Option<String>,
) -> impl IntoView {
    let id = field_id(id);
    view! {
        <div class="field field-check" title=title>
            <input type="checkbox" id=id.clone()
                prop:checked=move || value.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            <label for=id>{label}</label>
        </div>
    }
}

/// "Internal": keeps an item out of the customer note.
#[component]
pub fn InternalCheck(#[prop(into)] value: Signal<bool>, #[prop(into)] on_change: Callback<bool>, #[prop(into)] id: String) -> impl IntoView {
    view! { <CheckField label=tr("Internal") id title=tr("Internal: never in the customer note") value on_change /> }
}

/// Move up, move down and delete for one item; `noun` names the item for screen readers.
#[component]
pub fn ItemControls(#[prop(into)] noun: String, #[prop(into)] on_move: Callback<bool>, #[prop(into)] on_delete: Callback<()>) -> impl IntoView {
    view! {
        <div class="item-controls">
            <button type="button" class="icon-button" aria-label=tf!("Move {item} up", item = noun) title=tr("Move up")
                on:click=move |_| on_move.run(true)>"↑"</button>
            <button type="button" class="icon-button" aria-label=tf!("Move {item} down", item = noun) title=tr("Move down")
                on:click=move |_| on_move.run(false)>"↓"</button>
            <button type="button" class="icon-button danger" aria-label=tf!("Delete {item}", item = noun) title=tr("Delete")
                on:click=move |_| on_delete.run(())>"✕"</button>
        </div>
    }
}

/// A persistent warning about storage, with an optional way to save work as a file.
#[component]
pub fn StorageBanner(#[prop(into)] message: Signal<Option<String>>, #[prop(optional, into)] on_download: Option<Callback<()>>) -> impl IntoView {
    view! {
        <Show when=move || message.get().is_some()>
            <div class="banner banner-warning" role="alert">
                <span class="banner-text">{move || message.get().unwrap_or_default()}</span>
                {on_download.map(|download| view! {
                    <button type="button" class="button" on:click=move |_| download.run(())>
                        {tr("Download JSON")}
                    </button>
                })}
            </div>
        </Show>
    }
}

/// A collapsible set of checkboxes linking an item to others (factors to timeline entries,
/// actions to factors). Links to items that no longer exist are neither shown nor counted.
/// The checkboxes exist only while it is open: closed pickers on 300 cards over 500 entries
/// would otherwise be 150,000 checkboxes.
#[component]
pub fn LinkPicker(
    #[prop(into)] legend: String,
    #[prop(into)] options: Signal<Vec<(crate::domain::Id, String)>>,
    #[prop(into)] selected: Signal<std::collections::BTreeSet<crate::domain::Id>>,
    #[prop(into)] on_change: Callback<std::collections::BTreeSet<crate::domain::Id>>,
    #[prop(into)] empty: String,
) -> impl IntoView {
    let count = move || {
        let options = options.get();
        selected.get().iter().filter(|id| options.iter().any(|(o, _)| o == *id)).count()
    };
    let summary_legend = legend.clone();
    let open = RwSignal::new(false);
    view! {
        <details class="link-picker" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{move || format!("{summary_legend} ({})", count())}</summary>
            <fieldset>
                <legend class="sr-only">{legend}</legend>
                <Show when=move || !options.get().is_empty() fallback=move || view! { <p class="hint">{empty.clone()}</p> }>
                    <For each=move || if open.get() { options.get() } else { Vec::new() } key=|(id, label)| (*id, label.clone()) let((id, label))>
                        <label class="check">
                            <input type="checkbox"
                                prop:checked=move || selected.get().contains(&id)
                                on:change=move |ev| {
                                    let mut set = selected.get_untracked();
                                    if event_target_checked(&ev) { set.insert(id); } else { set.remove(&id); }
                                    on_change.run(set);
                                } />
                            <span>{label}</span>
                        </label>
                    </For>
                </Show>
            </fieldset>
        </details>
    }
}
