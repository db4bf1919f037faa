//! One open retrospective in the UI: its document signal, the edits sent to it, and saving.
//!
//! Cards read their fields through [`RetroSession::item_memo`], which wakes only for edits to
//! that card (see [`EditScope`]); views over the whole document use [`RetroSession::memo`].
//! Everything writes through [`RetroSession::apply`]. A keystroke in one of a thousand cards
//! therefore re-reads one card, not a thousand: the reactive graph pays per subscriber when a
//! signal changes, so no signal that changes per keystroke may have a subscriber per card.
//! Saving is debounced, flushed when the page is hidden or closed, retried while storage
//! fails, and merges what another tab stored in the meantime instead of overwriting it.

use crate::domain::i18n::tr;
use crate::domain::model::silent::Viewer;
use crate::domain::tf;
use crate::domain::{encode, merge_retrospectives, Edit, EditScope, Id, Retrospective, Step};
use crate::storage::SaveError;
use crate::ui::context::{AppState, Route};
use crate::ui::platform::{download, file_name, new_id, timed};
use leptos::prelude::*;
use std::collections::HashMap;
use std::time::Duration;

/// Quiet time after the last edit before saving (the issue allows up to 300 ms).
const SAVE_DELAY: Duration = Duration::from_millis(250);
/// How soon to try again while storage refuses writes (for example when it is full).
const RETRY_DELAY: Duration = Duration::from_secs(5);

/// What is rendered for the browser's print dialog (see `ui::step::print`).
#[derive(Clone, Copy, PartialEq)]
pub enum Printout {
    /// The Summary's report of the whole retrospective.
    Report,
    /// One of the write-ups.
    WriteUp(crate::domain::export::write_up::Reader, crate::domain::export::write_up::Options),
}

/// Where changes merged into the open document came from, for what is said about them.
#[derive(Clone, Copy)]
enum MergedFrom {
    OtherTab,
    TeamSpace,
}

#[derive(Clone, Copy)]
pub struct RetroSession {
    pub doc: RwSignal<Retrospective>,
    app: AppState,
    timer: StoredValue<Option<TimeoutHandle>>,
    dirty: StoredValue<bool>,
    /// Why the latest save failed; `None` once a save succeeds.
    pub save_problem: RwSignal<Option<String>>,
    /// The retrospective was deleted in another tab or window while open here: nothing is
    /// written back until the person chooses (keep this copy as a new one, or let it go).
    pub deleted_elsewhere: RwSignal<bool>,
    /// That deletion came from the team space (someone else deleted it for the team).
    pub deleted_in_space: RwSignal<bool>,
    /// What is rendered for printing, while it is.
    pub printing: RwSignal<Option<Printout>>,
    /// Bumped when edits settle: at every save attempt (250 ms after the last keystroke) and
    /// after a merge. Views too costly to rebuild per keystroke (the stepper's hint counts, the
    /// Summary's report) follow this instead of every edit.
    pub settled: RwSignal<u64>,
    /// Whether edits wait for their save (true from the first keystroke until the save): the
    /// team space says "syncing" from that moment, never "synced" over an unsent edit.
    pub unsaved: RwSignal<bool>,
    /// Dismissed coach findings, shared by every field's hints; changes only on a dismissal.
    pub dismissed: Memo<std::collections::BTreeSet<String>>,
    /// "Safe to share" is on: cards hide names and vote counts. Shared by every card.
    pub safe_to_share: Memo<bool>,
    /// Present: this page shows the content alone, for the room (never stored: each page
    /// decides for itself whether it is the shared screen).
    pub presenting: RwSignal<bool>,
    /// Whose eyes this page shows the retrospective to: this person's, or the room's while
    /// presenting (then nobody's unrevealed notes are shown, not even one's own).
    pub viewer: Memo<Viewer>,
    /// This person leads: nobody was named to, or they were. Their step and timer are the
    /// meeting's; everyone else's screen follows them.
    pub leads: Memo<bool>,
    /// A step this person chose to look at instead of the facilitator's (this page only).
    pub looking_at: RwSignal<Option<Step>>,
    /// The step on this screen: the one looked at, or the meeting's.
    pub shown_step: Memo<Step>,
    /// One change signal per item, notified by edits to that item ([`EditScope::Item`]) and,
    /// all of them, by edits that can reach any item ([`EditScope::Document`], merges).
    item_changes: StoredValue<HashMap<Id, ArcTrigger>>,
}

impl RetroSession {
    pub fn new(app: AppState, retro: Retrospective) -> Self {
        let doc = RwSignal::new(retro);
        let presenting = RwSignal::new(false);
        let me = app.profile;
        let looking_at = RwSignal::new(None);
        RetroSession {
            presenting,
            viewer: Memo::new(move |_| if presenting.get() { Viewer::Room } else { Viewer::Person(me) }),
            leads: Memo::new(move |_| doc.with(|r| r.facilitation.facilitator.value.is_none_or(|f| f == me))),
            looking_at,
            shown_step: Memo::new(move |_| looking_at.get().unwrap_or_else(|| doc.with(|r| r.step.value))),
            dismissed: Memo::new(move |_| doc.with(|r| r.facilitation.dismissed.clone())),
            safe_to_share: Memo::new(move |_| doc.with(|r| r.facilitation.safe_to_share.value)),
            item_changes: StoredValue::new(HashMap::new()),
            settled: RwSignal::new(0),
            unsaved: RwSignal::new(false),
            doc,
            app,
            timer: StoredValue::new(None),
            dirty: StoredValue::new(false),
            save_problem: RwSignal::new(None),
            deleted_elsewhere: RwSignal::new(false),
            deleted_in_space: RwSignal::new(false),
            printing: RwSignal::new(None),
        }
    }

    pub fn app(&self) -> AppState {
        self.app
    }

    /// The open retrospective's id (a nil id once the workspace is gone).
    pub fn id(&self) -> Id {
        self.doc.try_with_untracked(|r| r.id).unwrap_or_else(|| Id::from_random([0; 16]))
    }

    /// A value derived from the whole document; it re-runs on every edit and notifies only
    /// when its result changes. For values of one card, use [`Self::item_memo`].
    pub fn memo<T>(&self, read: impl Fn(&Retrospective) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Clone + Send + Sync + 'static,
    {
        let doc = self.doc;
        Memo::new(move |_| doc.with(|r| read(r)))
    }

    /// A value read from item `id`: it re-runs when that item is edited or when an edit reaches
    /// beyond one item, never when another card is typed into.
    pub fn item_memo<T>(&self, id: Id, read: impl Fn(&Retrospective) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Clone + Send + Sync + 'static,
    {
        let doc = self.doc;
        let changes = self.item_changes(id);
        Memo::new(move |_| {
            changes.track();
            doc.with_untracked(|r| read(r))
        })
    }

    /// `read` over the retrospective as this page may show it: during silent writing, without
    /// the notes hidden from its viewer. What write-ups, the report and exports read.
    pub fn seen<T>(&self, read: impl FnOnce(&Retrospective) -> T) -> T {
        let viewer = self.viewer.get_untracked();
        self.doc.with_untracked(|r| read(&r.as_seen_by(viewer)))
    }

    /// Moves to `step`: the meeting, for whoever leads; otherwise only this screen, which
    /// stops following the facilitator until it comes back to their step.
    pub fn go_to(&self, step: Step) {
        if self.leads.get_untracked() {
            self.looking_at.set(None);
            self.apply(Edit::GoTo(step));
        } else {
            let meeting = self.doc.with_untracked(|r| r.step.value);
            self.looking_at.set((step != meeting).then_some(step));
        }
    }

    fn item_changes(&self, id: Id) -> ArcTrigger {
        self.item_changes.try_update_value(|all| all.entry(id).or_default().clone()).unwrap_or_default()
    }

    /// Wakes every card: after edits and merges that may have touched any item.
    fn notify_all_items(&self) {
        self.item_changes.with_value(|all| all.values().for_each(ArcTrigger::notify));
    }

    /// Applies an edit and schedules a save. Returns whether anything changed.
    pub fn apply(&self, edit: Edit) -> bool {
        let writer = self.app.writer();
        let scope = edit.scope();
        let changed = self.doc.try_maybe_update(|r| {
            let changed = r.apply(edit, &writer);
            (changed, changed)
        });
        if changed == Some(true) {
            match scope {
                EditScope::Item(id) => self.item_changes(id).notify(),
                EditScope::Document => self.notify_all_items(),
            }
            self.dirty.set_value(true);
            if !self.unsaved.get_untracked() {
                self.unsaved.set(true);
            }
            self.schedule_save(SAVE_DELAY);
        }
        changed == Some(true)
    }

    fn schedule_save(&self, delay: Duration) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let session = *self;
        let handle = set_timeout_with_handle(move || session.flush(), delay).ok();
        self.timer.set_value(handle);
    }

    /// Writes pending changes now. Called by the debounce timer, on `pagehide` and
    /// `visibilitychange`, and when the retrospective is closed.
    pub fn flush(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        if !self.dirty.get_value() {
            return;
        }
        let result = timed("retrace-save", || {
            self.app.repo.with_value(|repo| {
                self.doc.try_maybe_update(|r| {
                    let result = repo.save(r);
                    let merged = matches!(&result, Ok(saved) if saved.merged.as_ref().is_some_and(|m| !m.is_empty()));
                    (merged, result)
                })
            })
        });
        match result {
            Some(Ok(saved)) => {
                self.dirty.set_value(false);
                self.unsaved.set(false);
                self.settled.update(|n| *n += 1);
                if self.save_problem.get_untracked().is_some() {
                    self.save_problem.set(None);
                    self.app.announcer.say(tr("Saved. Storage is working again."));
                }
                self.merged_in(saved.merged, MergedFrom::OtherTab);
            }
            Some(Err(SaveError::DeletedElsewhere)) => {
                self.settled.update(|n| *n += 1);
                self.learn_deleted_elsewhere();
            }
            Some(Err(error)) => {
                let message = tf!("{error} Your changes are kept in this page and saving is retried; download them as JSON so nothing is lost.", error = error);
                if self.save_problem.get_untracked().as_deref() != Some(&message) {
                    self.app.announcer.say(tr("Not saved. Your changes are kept in this page."));
                    self.save_problem.set(Some(message));
                }
                self.settled.update(|n| *n += 1);
                self.schedule_save(RETRY_DELAY);
            }
            None => {}
        }
    }

    /// Says once, plainly, that the retrospective was deleted elsewhere; edits stay in the page.
    fn learn_deleted_elsewhere(&self) {
        self.learn_deleted(tr("This retrospective was deleted in another tab or window. Your copy here is not saved."));
    }

    /// Says once that the retrospective was deleted elsewhere, in `words`.
    fn learn_deleted(&self, words: &str) {
        if !self.deleted_elsewhere.get_untracked() {
            self.deleted_elsewhere.set(true);
            self.app.announcer.say(words);
        }
    }

    /// Keeps what this page holds as a new retrospective (after it was deleted elsewhere) and
    /// opens it. The deleted one stays deleted.
    pub fn keep_as_new(&self) {
        let writer = self.app.writer();
        let mut copy = self.doc.with_untracked(|r| r.duplicate(new_id(), r.kept_copy_title(), &writer));
        match self.app.repo.with_value(|repo| repo.save(&mut copy)) {
            Ok(_) => {
                self.dirty.set_value(false);
                self.app.announcer.say(tf!("Kept as a new retrospective: “{title}”.", title = copy.display_title()));
                self.app.navigate(Route::Retro(copy.id));
            }
            Err(e) => self.save_problem.set(Some(tf!("{error} Your changes are kept in this page; download them as JSON so nothing is lost.", error = e))),
        }
    }

    /// Lets go of a retrospective deleted elsewhere: back to the list, nothing written.
    pub fn let_go(&self) {
        self.dirty.set_value(false);
        self.app.navigate(Route::Home);
    }

    /// Brings in what another tab stored for this retrospective (a `storage` event with the
    /// value it wrote), or learns that another tab deleted it (`None`: the key was removed).
    ///
    /// When this page holds writes the other copy lacks, they are written back, so storage
    /// ends up with everything both had. Without that, two tabs that saved at the same
    /// moment could each keep their own merge while storage keeps only the last write.
    pub fn merge_from_storage(&self, stored: Option<String>) {
        let id = self.doc.with_untracked(|r| r.id);
        let Some(raw) = stored else {
            if self.app.repo.with_value(|repo| repo.was_deleted(id)).unwrap_or(false) {
                self.learn_deleted_elsewhere();
            }
            return;
        };
        // Stored again (an undo in the other tab): this copy is saved as usual from here on.
        if self.deleted_elsewhere.get_untracked() {
            self.deleted_elsewhere.set(false);
            self.app.announcer.say(tr("This retrospective was restored in another tab; your changes are saved again."));
            if self.dirty.get_value() {
                self.schedule_save(SAVE_DELAY);
            }
        }
        let Ok(Some(theirs)) = self.app.repo.with_value(|repo| repo.changed_copy(id, &raw)) else { return };
        let outcome = self.doc.try_maybe_update(|mine| match timed("retrace-merge", || merge_retrospectives(mine, &theirs)) {
            Ok(report) => (report.changed_anything(), Some((report, *mine != theirs))),
            Err(_) => (false, None),
        });
        self.settled.update(|n| *n += 1);
        let Some(Some((report, mine_has_more))) = outcome else { return };
        self.merged_in(Some(report), MergedFrom::OtherTab);
        if mine_has_more {
            self.dirty.set_value(true);
        }
        if self.dirty.get_value() {
            self.schedule_save(SAVE_DELAY);
        }
    }

    /// Brings in what the team space holds for this retrospective (already read and checked by
    /// the sync) and says what came in. The merged document is saved here as usual.
    pub fn merge_from_space(&self, theirs: &Retrospective) -> Result<crate::domain::MergeReport, String> {
        let outcome = self.doc.try_maybe_update(|mine| match timed("retrace-merge", || merge_retrospectives(mine, theirs)) {
            Ok(report) => (report.changed_anything(), Ok(report)),
            Err(_) => (false, Err(tr("the file holds a different retrospective").to_string())),
        });
        let report = outcome.unwrap_or_else(|| Err(tr("this page is closing").into()))?;
        if report.changed_anything() {
            self.merged_in(Some(report.clone()), MergedFrom::TeamSpace);
            self.dirty.set_value(true);
            self.schedule_save(SAVE_DELAY);
            self.settled.update(|n| *n += 1);
        }
        Ok(report)
    }

    /// Someone deleted this retrospective in the team space: it goes from this browser too,
    /// and, as for a deletion in another tab, this page keeps its copy until the person
    /// chooses to keep it as a new retrospective or let it go.
    pub fn deleted_in_space(&self) {
        let id = self.id();
        let _ = self.app.repo.try_with_value(|r| r.delete(id, crate::ui::platform::now_ms()));
        self.deleted_in_space.set(true);
        self.learn_deleted(tr("This retrospective was deleted in the team space. Your copy here is not saved."));
    }

    /// After another tab's changes were merged in: wakes every card (any item may have
    /// changed) and tells the user what came in, when anything did. A merge that changed only
    /// how the meeting runs (the step, a timer, silent writing) is not told, but wakes the
    /// cards too: a revealed note shows, a hidden one goes.
    fn merged_in(&self, report: Option<crate::domain::MergeReport>, from: MergedFrom) {
        let Some(report) = report.filter(crate::domain::MergeReport::changed_anything) else { return };
        self.notify_all_items();
        if !report.is_empty() {
            let text = self.doc.with_untracked(|r| report.describe_by(r));
            // One whole sentence per source: the words around the list differ by language.
            self.app.announcer.say(match from {
                MergedFrom::OtherTab => tf!("Changes from another tab merged in. {changes}", changes = text),
                MergedFrom::TeamSpace => tf!("Changes from the team space merged in. {changes}", changes = text),
            });
        }
    }

    /// Offers the whole document as a JSON file (the same format as storage).
    pub fn download_json(&self) {
        let (name, text) = self.doc.with_untracked(|r| (file_name(r.display_title(), "json"), encode(r)));
        if let Err(e) = download(&name, "application/json", &text) {
            self.app.announcer.say(tf!("Download failed: {error}", error = e));
        }
    }
}
