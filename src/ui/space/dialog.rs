//! "Team space…": connect this browser to a folder the team already has (a WebDAV address),
//! see where it stands, or disconnect. The server's own login applies; Retrace stores no
//! password.

use super::TeamSpace;
use crate::domain::i18n::tr;
use crate::domain::tf;
use crate::ui::context::uid;
use leptos::prelude::*;

/// "Allow access to the folder": shown while the browser wants the person's permission again
/// for the picked folder (after a reload). The permission prompt needs this click.
#[component]
pub fn AllowFolder() -> impl IntoView {
    let space = expect_context::<TeamSpace>();
    view! {
        <Show when=move || space.needs_permission.get()>
            <button type="button" class="button primary" on:click=move |_| leptos::task::spawn_local(space.allow_folder())>
                {tr("Allow access to the folder")}
            </button>
        </Show>
    }
}

#[component]
pub fn TeamSpaceButton() -> impl IntoView {
    let space = expect_context::<TeamSpace>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let open = move |_| {
        typed.set(space.address.get_untracked().unwrap_or_default());
        problem.set(None);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let connect = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        working.set(true);
        problem.set(None);
        let address = typed.get_untracked();
        leptos::task::spawn_local(async move {
            // Connected, the dialog stays open: it says what kind of server was found and how
            // Retrace keeps the team's retrospectives there, until the person closes it.
            if let Err(message) = space.connect(address).await {
                let _ = problem.try_set(Some(message));
            }
            let _ = working.try_set(false);
        });
    };
    view! {
        <button type="button" class="button team-space-button" on:click=open>{tr("Team space…")}</button>
        <dialog node_ref=dialog class="dialog team-space" aria-labelledby=uid("space-title")>
            <h2 id=uid("space-title")>{tr("Team space")}</h2>
            <p class="hint">{tr("Keep the team's retrospectives in a folder your team already has: a WebDAV folder (Nextcloud, ownCloud, SharePoint, a NAS, Apache). Everyone connected sees the same retrospectives and each other's edits within seconds. Every edit is saved in this browser first, so nothing is lost while the folder cannot be reached.")}</p>
            {move || space.address.get().map(|address| view! {
                <div class="space-connected">
                    <p>{tf!("Connected to {address}", address = address)}</p>
                    {move || space.server.get().map(|found| view! { <p class="banner banner-info space-server">{found}</p> })}
                    <AllowFolder />

                    <button type="button" class="button quiet" on:click=move |_| space.disconnect()>{tr("Disconnect")}</button>
                </div>
            })}
            {move || space.problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
            <form class="space-form" on:submit=connect>
                <div class="field">
                    <label for=uid("space-address") class="field-label">{tr("WebDAV address")}</label>
                    <input id=uid("space-address") type="text" inputmode="url" autocomplete="url" spellcheck="false" required
                        placeholder="https://cloud.example.com/remote.php/dav/files/team/retros/"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                    <span class="hint">{tr("The folder's address as your file server shows it. The server's own login is used; Retrace stores no password. Nothing goes into the folder that a share link would not carry: accounts stay on the device of whoever wrote them.")}</span>
                </div>
                {move || problem.get().map(|p| view! { <p class="banner banner-warning" role="alert">{p}</p> })}
                <div class="button-row">
                    <button type="submit" class="button primary" prop:disabled=move || working.get()>
                        {move || if working.get() { tr("Connecting…") } else { tr("Connect") }}
                    </button>
                </div>
            </form>
            <section class="space-folder" aria-labelledby=uid("space-folder-title")>
                <h3 id=uid("space-folder-title")>{tr("Or a folder on this computer")}</h3>
                <p class="hint">{tr("A folder that OneDrive, Dropbox, Google Drive or a network share keeps in step between your laptops. Each browser writes only files of its own there, so the sync client never has to choose between two versions.")}</p>
                {match crate::storage::space::folder::can_pick_folder() {
                    true => view! {
                        <button type="button" class="button" prop:disabled=move || working.get() on:click=move |_| {
                            working.set(true);
                            problem.set(None);
                            leptos::task::spawn_local(async move {
                                let result = match crate::storage::space::folder::pick_folder().await {
                                    Ok(dir) => space.connect_folder(dir).await,
                                    // Closing the picker is not a problem to report.
                                    Err(e) if e.starts_with("AbortError") => Ok(()),
                                    Err(e) => Err(tf!("Could not connect: {problem}", problem = e)),
                                };
                                let _ = working.try_set(false);
                                match result {
                                    Ok(()) if space.is_connected() => {
                                        if let Some(d) = dialog.get_untracked() {
                                            d.close();
                                        }
                                    }
                                    Ok(()) => {}
                                    Err(message) => {
                                        let _ = problem.try_set(Some(message));
                                    }
                                }
                            });
                        }>{tr("Choose a folder…")}</button>
                    }.into_any(),
                    false => view! {
                        <p class="banner banner-info">{tr("Choosing a folder on this computer needs Chromium or Microsoft Edge; this browser does not offer it. Use a WebDAV address instead: Nextcloud, ownCloud and rclone serve webdav (in front of OneDrive, Dropbox or Google Drive) all give one.")}</p>
                    }.into_any(),
                }}
            </section>
            <form method="dialog" class="button-row">
                <button type="submit" class="button">{tr("Close")}</button>
            </form>
        </dialog>
    }
}
