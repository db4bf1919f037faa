//! "Invite…": the join link of a team retrospective, and its QR code drawn on this device,
//! for the people in the meeting. Whoever can reach the team space opens the link and is in
//! the same retrospective, with nothing to set up and no account anywhere.

use super::TeamSpace;
use crate::domain::export::qr::qr_drawing;
use crate::domain::i18n::tr;
use crate::domain::Id;
use crate::ui::context::uid;
use leptos::prelude::*;

/// The link that opens team retrospective `id` from the space: the app's address, the
/// space's address as `?space=` (a WebDAV folder; a picked folder cannot travel in a link),
/// and the retrospective as the usual `#/retro/<id>`.
pub fn join_link(space: &TeamSpace, id: Id) -> String {
    let app = space.app;
    let base = match app.embedded {
        true => app.app_url.to_string(),
        false => crate::ui::platform::page_address().split('?').next().unwrap_or_default().to_string(),
    };
    match space.record().filter(|r| r.folder.is_none()).map(|r| r.address) {
        Some(address) => format!("{base}?space={}#/retro/{id}", String::from(js_sys::encode_uri_component(&address))),
        None => format!("{base}#/retro/{id}"),
    }
}

#[component]
pub fn InviteButton(id: Id) -> impl IntoView {
    let space = expect_context::<TeamSpace>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let link = RwSignal::new(String::new());
    let is_team = Memo::new(move |_| space.members.with(|m| m.contains(&id)));
    let folder = Memo::new(move |_| {
        space.address.track();
        space.record().is_some_and(|r| r.folder.is_some())
    });
    let session = use_context::<crate::ui::session::RetroSession>();
    let open = move |_| {
        // Whoever invites the others leads, unless someone already does: from now on the
        // others' screens follow this one's step and timer.
        if let Some(s) = session.filter(|s| s.doc.with_untracked(|r| r.facilitation.facilitator.value.is_none())) {
            s.apply(crate::domain::Edit::Facilitate);
        }
        link.set(join_link(&space, id));
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            space.app.announcer.say(if crate::ui::share::copy_text(text).await {
                tr("Join link copied.")
            } else {
                tr("The browser did not allow copying; select the link and copy it.")
            });
        });
    };
    // Drawn once the dialog has a link, not before.
    let qr = Memo::new(move |_| link.with(|l| (!l.is_empty()).then(|| qr_drawing(l)).flatten()));
    view! {
        // Only a team retrospective has a join link: a local one shows neither the button nor
        // the dialog (and draws no code).
        <Show when=move || is_team.get()>
            <button type="button" class="button small" on:click=open>{tr("Invite…")}</button>
            <dialog node_ref=dialog class="dialog invite" aria-labelledby=uid("invite-title")>
                <h2 id=uid("invite-title")>{tr("Invite")}</h2>
                <p class="hint">{tr("Everyone who can reach the team space joins with this link, or by pointing a camera at the code: nothing to set up, and no account anywhere.")}</p>
                <Show when=move || folder.get()>
                    <p class="banner banner-info">{tr("This team space is a folder on each computer: participants first choose the same synced folder (Team space… → Choose a folder…), then open the link.")}</p>
                </Show>
                <div class="invite-body">
                    {move || qr.get().map(|code| {
                        let side = code.size + 8;
                        view! {
                            <svg class="qr" role="img" aria-label=tr("QR code of the join link") viewBox=format!("-4 -4 {side} {side}") shape-rendering="crispEdges">
                                <rect x="-4" y="-4" width=side.to_string() height=side.to_string() fill="#ffffff" />
                                <path d=code.path fill="#000000" />
                            </svg>
                        }
                    })}
                    <div class="invite-link">
                        <div class="field">
                            <label for=uid("join-link") class="field-label">{tr("Join link")}</label>
                            <textarea id=uid("join-link") readonly rows="4" prop:value=move || link.get()></textarea>
                        </div>
                        <button type="button" class="button primary" on:click=copy>{tr("Copy link")}</button>
                    </div>
                </div>
                <form method="dialog" class="button-row">
                    <button type="submit" class="button">{tr("Close")}</button>
                </form>
            </dialog>
        </Show>
    }
}
