//! Tags on a retrospective, in *Set the stage*: chips to remove, a field to add one, with the
//! tags other retrospectives of this browser use offered as the person types, so "payments"
//! is not also filed as "Payment" and "payments-api".

use crate::domain::i18n::tr;
use crate::domain::insights::tags_in_use;
use crate::domain::model::tags::parse_tags;
use crate::domain::tf;
use crate::domain::{Edit, HeaderField};
use crate::ui::context::uid;
use crate::ui::session::RetroSession;
use leptos::prelude::*;

#[component]
pub fn TagsField() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let tags = s.memo(|r| r.tags.value.clone());
    let typed = RwSignal::new(String::new());
    // Read once: what other retrospectives use does not change while this one is open.
    let known: Vec<String> = s.app().repo.with_value(|repo| {
        let own = s.doc.with_untracked(|r| r.id);
        let listing = repo.list().map(|l| l.retros).unwrap_or_default();
        let sets: Vec<std::collections::BTreeSet<String>> = listing.iter().filter(|r| r.id != own).map(|r| r.tags.iter().cloned().collect()).collect();
        tags_in_use(sets.iter())
    });
    let add = move || {
        let new = parse_tags(&typed.get_untracked());
        if new.is_empty() {
            return;
        }
        let mut all = tags.get_untracked();
        all.extend(new);
        s.apply(Edit::Header(HeaderField::Tags(all)));
        typed.set(String::new());
    };
    let remove = move |tag: String| {
        let mut all = tags.get_untracked();
        all.remove(&tag);
        s.apply(Edit::Header(HeaderField::Tags(all)));
        s.app().announcer.say(tf!("Tag “{tag}” removed.", tag = tag));
        crate::ui::platform::focus_soon(uid("stage-tags"));
    };
    view! {
        <div class="field tags-field">
            <label for=uid("stage-tags") class="field-label">{tr("Tags")}</label>
            <ul class="tag-list" aria-label=tr("Tags of this retrospective")>
                <For each={move || tags.get().into_iter().collect::<Vec<_>>()} key=|t| t.clone() let(tag)>
                    <li class="tag">
                        <span>{tag.clone()}</span>
                        <button type="button" class="tag-remove" aria-label=tf!("Remove tag {tag}", tag = tag)
                            on:click={ let tag = tag.clone(); move |_| remove(tag.clone()) }>"×"</button>
                    </li>
                </For>
            </ul>
            <div class="tag-entry">
                <input id=uid("stage-tags") type="text" list=uid("stage-tags-known") autocomplete="off" maxlength="200"
                    placeholder=tr("Service, team, anything — Enter adds")
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        // A comma ends a tag, as in most tag fields.
                        if v.ends_with(',') { typed.set(v); add(); } else { typed.set(v); }
                    }
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); } />
                <datalist id=uid("stage-tags-known")>
                    {known.into_iter().map(|t| view! { <option value=t></option> }).collect_view()}
                </datalist>
                <button type="button" class="button small" on:click=move |_| add()>{tr("Add tag")}</button>
            </div>
            <p class="hint">{tr("Insights can be filtered by tag across retrospectives.")}</p>
        </div>
    }
}
