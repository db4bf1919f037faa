//! Back up everything, on the home screen: one file with every retrospective of this browser,
//! and a quiet reminder when none was made for a while (shown only here, never in a meeting).
//! Restoring is importing that file (`ui::restore`).

use super::Home;
use crate::domain::i18n::{fill, n_, tr, trn};
use crate::domain::tf;
use crate::storage::BackupReminder;
use crate::ui::context::uid;
use crate::ui::platform::{download, now_ms, today};
use leptos::prelude::*;

/// How often the reminder may come back, in days (0: never).
const EVERY: [(u32, &str); 4] = [(7, n_("every week")), (14, n_("every two weeks")), (30, n_("every month")), (0, n_("never"))];

#[component]
pub fn BackupPanel() -> impl IntoView {
    let home = expect_context::<Home>();
    let reminder = RwSignal::new(home.app.repo.with_value(|r| r.backup_reminder()));
    let count = Memo::new(move |_| home.summaries.with(Vec::len));
    let due = move || reminder.get().due(count.get(), now_ms());
    let back_up = move |_| {
        let made = home.app.repo.with_value(|r| r.make_backup(now_ms()));
        let said = match made {
            Ok(made) => match download(&format!("retrace-backup-{}.json", today()), "application/json", &made.text) {
                Ok(()) => {
                    reminder.set(home.app.repo.with_value(|r| r.backup_reminder()));
                    match made.left_out {
                        0 => trn("Backed up {n} retrospective.", "Backed up {n} retrospectives.", made.included),
                        n => fill(
                            tr(if n == 1 {
                                n_("Backed up {included} retrospectives; {n} stored value cannot be read and is not in it (see below).")
                            } else {
                                n_("Backed up {included} retrospectives; {n} stored values cannot be read and are not in it (see below).")
                            }),
                            &[("included", &made.included), ("n", &n)],
                        ),
                    }
                }
                Err(e) => tf!("The backup could not be downloaded: {problem}", problem = e),
            },
            Err(e) => tf!("The backup could not be made: {problem}", problem = e),
        };
        home.app.announcer.say(said);
    };
    let set_every = move |ev: leptos::ev::Event| {
        if let Ok(days) = event_target_value(&ev).parse::<u32>() {
            let next = BackupReminder { every_days: days, ..reminder.get_untracked() };
            if home.app.repo.with_value(|r| r.set_backup_reminder(next)).is_ok() {
                reminder.set(next);
            }
        }
    };
    view! {
        <section class="backup" aria-labelledby=uid("backup-title")>
            <h2 id=uid("backup-title")>{tr("Back up")}</h2>
            <Show when=due>
                <p class="banner banner-info" role="status">{move || match reminder.get().last_ms {
                    None => tr("Nothing has been backed up from this browser yet. Clearing the browser's data would delete these retrospectives.").to_string(),
                    Some(last) => tf!("The last backup was made {age}. Back up again so nothing since is lost.", age = crate::domain::model::time::describe_age(last, now_ms(), 0)),
                }}</p>
            </Show>
            <p class="hint">{tr("One file with every retrospective in this browser. To restore, import it with “Import a file”: new ones are added, yours are merged, nothing is lost.")}</p>
            <div class="button-row">
                <button type="button" class="button" prop:disabled=move || count.get() == 0 on:click=back_up>{tr("Back up everything")}</button>
                <div class="field field-inline">
                    <label for=uid("backup-every") class="field-label">{tr("Remind me")}</label>
                    <select id=uid("backup-every") on:change=set_every>
                        {EVERY.iter().map(|(days, label)| {
                            let days = *days;
                            view! { <option value=days.to_string() prop:selected=move || reminder.get().every_days == days>{tr(label)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
        </section>
    }
}
