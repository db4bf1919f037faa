//! Themes in *Summary*: patterns the group sees across contributing factors, each linked to the
//! factors it runs through.

use crate::domain::facilitation::checks::short_name;
use crate::domain::i18n::tr;
use crate::domain::{Edit, ThemeField};
use crate::ui::context::uid;
use crate::ui::platform::{focus_soon, new_id};
use crate::ui::session::RetroSession;
use crate::ui::widgets::{InternalCheck, ItemControls, LinkPicker, TextField};
use leptos::prelude::*;

#[component]
pub fn Themes() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let order = s.memo(|r| r.theme_order());
    let viewer = s.viewer;
    let factor_options = s.memo(move |r| {
        r.shown_to(viewer.get(), r.factor_order()).into_iter().map(|id| (id, short_name(&r.factors[&id].statement.value, 60))).collect::<Vec<_>>()
    });
    let add = move |_| {
        let id = new_id();
        if s.apply(Edit::AddTheme { id }) {
            focus_soon(format!("theme-{id}"));
        }
    };
    view! {
        <section class="card themes" aria-labelledby=uid("themes-title")>
            <h3 id=uid("themes-title")>{tr("Themes")}</h3>
            <p class="hint">{tr("Patterns across the factors: what several of them have in common.")}</p>
            <ul class="theme-list">
                <For each=move || order.get() key=|id| *id let(id)>
                    <li class="theme-item">
                        <div class="theme-line">
                            <TextField label=tr("Theme") label_hidden=true id=format!("theme-{id}") class="grow"
                                placeholder=tr("Alerts nobody owns, changes outside the pipeline…")
                                value=s.item_memo(id, move |r| r.themes.get(&id).map(|t| t.name.value.clone()).unwrap_or_default())
                                on_input=move |v| { s.apply(Edit::Theme(id, ThemeField::Name(v))); } />
                            <InternalCheck id=format!("theme-{id}-internal")
                                value=s.item_memo(id, move |r| r.themes.get(&id).is_some_and(|t| t.internal.value))
                                on_change=move |v| { s.apply(Edit::Theme(id, ThemeField::Internal(v))); } />
                            <ItemControls noun=tr("theme")
                                on_move=move |up| { s.apply(Edit::Move { id, up }); }
                                on_delete=move |_| { s.apply(Edit::Delete(id)); } />
                        </div>
                        <LinkPicker legend=tr("Factors it runs through") options=factor_options
                            selected=s.item_memo(id, move |r| r.themes.get(&id).map(|t| t.factors.value.clone()).unwrap_or_default())
                            on_change=move |v| { s.apply(Edit::Theme(id, ThemeField::Factors(v))); }
                            empty=tr("Add contributing factors in “Why” to link them here.") />
                    </li>
                </For>
            </ul>
            <button type="button" class="button quiet small" on:click=add>{tr("+ Add a theme")}</button>
        </section>
    }
}
