//! Home's "Team space" section: the team's retrospectives (stored here, kept in step with
//! the space), and the files in the space that are left alone because they cannot be read.

use super::list::RetroCards;
use super::state::Home;
use crate::domain::i18n::tr;
use crate::ui::context::uid;
use leptos::prelude::*;

#[component]
pub(super) fn TeamSection() -> impl IntoView {
    let home = expect_context::<Home>();
    let space = home.space;
    let team = Memo::new(move |_| {
        space.members.with(|members| home.summaries.with(|all| all.iter().filter(|s| members.contains(&s.id)).cloned().collect::<Vec<_>>()))
    });
    view! {
        <Show when=move || space.address.with(Option::is_some)>
            <section class="retro-list-section team-section" aria-labelledby=uid("team-title")>
                <div class="list-header">
                    <h2 id=uid("team-title")>{tr("Team space")}</h2>
                    <span class="hint">{move || space.address.get().unwrap_or_default()}</span>
                </div>
                <crate::ui::space::dialog::AllowFolder />
                <Show when=move || !team.with(Vec::is_empty)
                    fallback=|| view! { <p class="hint">{tr("No team retrospectives yet. Start one with New retrospective, or move one of yours into the team space.")}</p> }>
                    <RetroCards cards=team />
                </Show>
                <Show when=move || !space.damaged.with(Vec::is_empty)>
                    <div class="damaged-list" role="group" aria-labelledby=uid("space-damaged-title")>
                        <h3 id=uid("space-damaged-title")>{tr("Files in the team space that cannot be read")}</h3>
                        <p class="hint">{tr("They are left exactly as they are: Retrace never writes over a file it could not read. Whoever manages the folder can restore or remove them.")}</p>
                        <ul>
                            <For each=move || space.damaged.get() key=|d| (d.name.clone(), d.problem.clone()) let(file)>
                                <li class="card space-damaged"><strong>{file.name}</strong>" — "{file.problem}</li>
                            </For>
                        </ul>
                    </div>
                </Show>
            </section>
        </Show>
    }
}
