//! The live meeting on each person's screen: silent writing and its reveal, who wrote a
//! revealed note, and following the facilitator's step (the rules are the domain's
//! `model::silent`; this file only shows them and sends intents).

use crate::domain::i18n::{tr, trn};
use crate::domain::tf;
use crate::domain::{Edit, Id, Step};
use crate::ui::session::RetroSession;
use crate::ui::space::TeamSpace;
use leptos::prelude::*;

/// Whether the open retrospective is in the team space: its row, Invite and silent writing
/// need other people's devices, so a retrospective of this browser alone has none of them.
pub fn is_team(s: RetroSession) -> Memo<bool> {
    let space = use_context::<TeamSpace>();
    let id = s.id();
    Memo::new(move |_| space.is_some_and(|space| space.members.with(|m| m.contains(&id))))
}

/// Whether this screen is a participant's: someone following the facilitator in a team
/// retrospective. Their screen is for writing; the timer's controls, Present, Safe to share and
/// the facilitator's guide belong to whoever leads. Provided once by the workspace.
#[derive(Clone, Copy)]
pub struct Participant(pub Memo<bool>);

impl Participant {
    /// For the workspace's session, given whether it is a team retrospective (`is_team`). Not
    /// leading means someone else was named to lead, so no memo of that is needed.
    pub fn new(s: RetroSession, team: Memo<bool>) -> Self {
        Participant(Memo::new(move |_| team.get() && !s.leads.get()))
    }

    /// Whether the screen in context is a participant's (never outside a workspace).
    pub fn of_screen() -> Signal<bool> {
        let participant = use_context::<Participant>();
        Signal::derive(move || participant.is_some_and(|p| p.0.get()))
    }
}

/// "3 people, 7 notes".
pub fn count_words(people: usize, notes: usize) -> String {
    tf!("{people}, {notes}", people = trn("{n} person", "{n} people", people), notes = trn("{n} note", "{n} notes", notes))
}

/// The step's silent writing: **Start silent writing** for whoever leads; while it runs, the
/// count of what everyone wrote, what "hidden" means, and **Reveal**.
#[component]
pub fn SilentWriting(step: Step) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let team = is_team(s);
    let count = s.memo(move |r| r.writing_count(step));
    let open = Memo::new(move |_| count.with(Option::is_some));
    let start = move |_| {
        if s.doc.with_untracked(|r| r.facilitation.facilitator.value.is_none()) {
            s.apply(Edit::Facilitate);
        }
        if s.apply(Edit::StartSilentWriting(step)) {
            s.app().announcer.say(tr("Silent writing started. What each person adds stays on their own screen until you reveal it."));
        }
    };
    let reveal = move |_| {
        if s.apply(Edit::Reveal(step)) {
            s.app().announcer.say(tr("Revealed: everyone sees every note now."));
        }
    };
    view! {
        <Show when=move || team.get() && (open.get() || s.leads.get())>
            <section class="silent-writing" class:open=move || open.get() aria-label=tr("Silent writing")>
                <Show when=move || open.get()
                    fallback=move || view! {
                        <p class="silent-lead">{tr("Let everyone write on their own laptop first: notes stay hidden from the others until you reveal them.")}</p>
                        <button type="button" class="button small" on:click=start>{tr("Start silent writing")}</button>
                    }>
                    <p class="silent-state" role="status">
                        <strong>{tr("Writing")}</strong>
                        {move || count.get().map(|c| format!(" · {}", count_words(c.people, c.notes)))}
                    </p>
                    <p class="silent-lead">{tr("Each person sees only their own notes until Reveal. Hidden on screen, not secret: whoever can read the team space's files can read them.")}</p>
                    <MyName />
                    <Show when=move || s.leads.get()>
                        <button type="button" class="button small primary" on:click=reveal>{tr("Reveal")}</button>
                    </Show>
                </Show>
            </section>
        </Show>
    }
}

/// "— Name" on a note written in silent writing, once revealed, when its writer gave a name
/// (never while the screen is safe to share).
#[component]
pub fn WrittenBy(id: Id) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let name = s.item_memo(id, move |r| {
        let by = r.facilitation.silent.get(&id)?.by;
        r.author_name(by).map(str::to_string)
    });
    let hidden = s.safe_to_share;
    move || {
        name.get().filter(|_| !hidden.get()).map(|name| {
            view! { <span class="written-by">{tf!("— {name}", name = name)}</span> }
        })
    }
}

/// For everyone but the facilitator: whether this screen follows their step, and the way back
/// to it after looking elsewhere; and for anyone, taking over the lead.
#[component]
pub fn FollowFacilitator() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let team = is_team(s);
    let led = s.memo(|r| r.facilitation.facilitator.value.is_some());
    let meeting = s.memo(|r| r.step.value);
    let elsewhere = Memo::new(move |_| s.looking_at.get().is_some_and(|step| step != meeting.get()));
    view! {
        <Show when=move || team.get() && led.get() && !s.leads.get()>
            <p class="follow" class:elsewhere=move || elsewhere.get()>
                <span>{move || if elsewhere.get() {
                    tf!("The facilitator is on “{step}”.", step = meeting.get().label())
                } else {
                    tr("Following the facilitator.").to_string()
                }}</span>
                <Show when=move || elsewhere.get()>
                    <button type="button" class="button small primary" on:click=move |_| s.looking_at.set(None)>{tr("Follow the facilitator")}</button>
                </Show>
            </p>
        </Show>
    }
}

/// The dots this person gives a factor from their own device, in a team retrospective: one
/// register per person, so however many devices sync, each person's dots count once. The
/// scribe's − / + beside it stays for the people in the room without a laptop.
#[component]
pub fn MyDots(id: Id, label: Signal<String>) -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let team = is_team(s);
    let me = s.app().profile;
    let mine = s.memo(move |r| r.facilitation.dots.get(&id).and_then(|p| p.get(&me)).map_or(0, |d| d.value));
    let left = s.memo(move |r| r.facilitation.votes_per_person.value.saturating_sub(r.facilitation.dots_given(me)));
    let give = move |count: u32| {
        if !s.apply(Edit::Dots { factor: id, count }) && count > mine.get_untracked() {
            s.app().announcer.say(tr("You have no dots left. Take one back from another factor first."));
        }
    };
    view! {
        <Show when=move || team.get()>
            <div class="vote-control my-dots" role="group" aria-label=move || tf!("My dots for “{factor}”", factor = label.get())>
                <button type="button" class="icon-button small" aria-label=tr("Take back one of my dots")
                    disabled=move || mine.get() == 0
                    on:click=move |_| give(mine.get_untracked().saturating_sub(1))>"−"</button>
                <span class="vote-count">{move || trn("{n} of mine", "{n} of mine", mine.get() as usize)}</span>
                <button type="button" class="icon-button small" aria-label=tr("Give one of my dots")
                    aria-disabled=move || (left.get() == 0).then_some("true")
                    on:click=move |_| give(mine.get_untracked() + 1)>"+"</button>
            </div>
        </Show>
    }
}

/// The name revealed notes are marked with, optional: without one a person's notes carry no
/// name, and the list of who is here says "Participant n".
#[component]
fn MyName() -> impl IntoView {
    let s = expect_context::<RetroSession>();
    let me = s.app().profile;
    let name = s.memo(move |r| r.author_name(me).unwrap_or_default().to_string());
    let field = s.app().id("my-name");
    view! {
        <div class="field field-inline">
            <label for=field.clone() class="field-label">{tr("Your name on your notes (optional)")}</label>
            <input id=field type="text" maxlength="80" autocomplete="off" placeholder=tr("Leave empty to stay anonymous")
                prop:value=move || name.get()
                on:change=move |ev| { s.apply(Edit::DisplayName(event_target_value(&ev))); } />
        </div>
    }
}
