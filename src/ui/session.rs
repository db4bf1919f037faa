//! One open retrospective in the UI: its document signal, the edits sent to it, and saving.
//!
//! Components read fields through [`RetroSession::memo`], so a keystroke in one card only
//! re-renders the text nodes whose value changed, and write through [`RetroSession::apply`].
//! Saving is debounced, flushed when the page is hidden or closed, retried while storage
//! fails, and merges what another tab stored in the meantime instead of overwriting it.

use crate::app::AppState;
use crate::domain::{encode, merge_retrospectives, Edit, Retrospective, Writer};
use crate::ui::platform::{download, file_name, now_ms};
use leptos::prelude::*;
use std::time::Duration;

/// Quiet time after the last edit before saving (the issue allows up to 300 ms).
const SAVE_DELAY: Duration = Duration::from_millis(250);
/// How soon to try again while storage refuses writes (for example when it is full).
const RETRY_DELAY: Duration = Duration::from_secs(5);

#[derive(Clone, Copy)]
pub struct RetroSession {
    pub doc: RwSignal<Retrospective>,
    app: AppState,
    timer: StoredValue<Option<TimeoutHandle>>,
    dirty: StoredValue<bool>,
    /// Why the latest save failed; `None` once a save succeeds.
    pub save_problem: RwSignal<Option<String>>,
    /// True while the full report is rendered for printing.
    pub printing: RwSignal<bool>,
    /// Bumped after every save: derived views too costly to recompute per keystroke (the
    /// stepper's hint counts) follow this instead of every edit.
    pub saves: RwSignal<u64>,
    /// Dismissed coach findings, shared by every field's hints; changes only on a dismissal.
    pub dismissed: Memo<std::collections::BTreeSet<String>>,
}

impl RetroSession {
    pub fn new(app: AppState, retro: Retrospective) -> Self {
        let doc = RwSignal::new(retro);
        RetroSession {
            dismissed: Memo::new(move |_| doc.with(|r| r.facilitation.dismissed.clone())),
            saves: RwSignal::new(0),
            doc,
            app,
            timer: StoredValue::new(None),
            dirty: StoredValue::new(false),
            save_problem: RwSignal::new(None),
            printing: RwSignal::new(false),
        }
    }

    pub fn app(&self) -> AppState {
        self.app
    }

    /// A derived value that only notifies when it changes.
    pub fn memo<T>(&self, read: impl Fn(&Retrospective) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Clone + Send + Sync + 'static,
    {
        let doc = self.doc;
        Memo::new(move |_| doc.with(|r| read(r)))
    }

    /// Applies an edit and schedules a save. Returns whether anything changed.
    pub fn apply(&self, edit: Edit) -> bool {
        let writer = Writer { replica: self.app.replica, now_ms: now_ms() };
        let changed = self.doc.try_maybe_update(|r| {
            let changed = r.apply(edit, &writer);
            (changed, changed)
        });
        if changed == Some(true) {
            self.dirty.set_value(true);
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
        // A User Timing entry per save ("retrace-save"), visible in the browser's performance
        // tools and read by `cargo xtask bench`.
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark("retrace-save-start");
        }
        let result = self.app.repo.with_value(|repo| {
            self.doc.try_maybe_update(|r| {
                let result = repo.save(r);
                let merged = matches!(&result, Ok(saved) if saved.merged.as_ref().is_some_and(|m| !m.is_empty()));
                (merged, result)
            })
        });
        if let Some(p) = &performance {
            let _ = p.measure_with_start_mark("retrace-save", "retrace-save-start");
        }
        match result {
            Some(Ok(saved)) => {
                self.dirty.set_value(false);
                self.saves.update(|n| *n += 1);
                if self.save_problem.get_untracked().is_some() {
                    self.save_problem.set(None);
                    self.app.announcer.say("Saved. Storage is working again.");
                }
                self.announce_merge(saved.merged);
            }
            Some(Err(error)) => {
                let message = format!("{error} Your changes are kept in this page and saving is retried; download them as JSON so nothing is lost.");
                if self.save_problem.get_untracked().as_deref() != Some(&message) {
                    self.app.announcer.say("Not saved. Your changes are kept in this page.");
                    self.save_problem.set(Some(message));
                }
                self.schedule_save(RETRY_DELAY);
            }
            None => {}
        }
    }

    /// Brings in what another tab stored for this retrospective (a `storage` event).
    pub fn merge_from_storage(&self) {
        let id = self.doc.with_untracked(|r| r.id);
        let Ok(Some(theirs)) = self.app.repo.with_value(|repo| repo.load_if_changed(id)) else { return };
        let report = self.doc.try_maybe_update(|mine| match merge_retrospectives(mine, &theirs) {
            Ok(report) => (!report.is_empty(), Some(report)),
            Err(_) => (false, None),
        });
        self.saves.update(|n| *n += 1);
        self.announce_merge(report.flatten());
        // Only unsaved local edits need writing: the other tab merged our last save into its own.
        if self.dirty.get_value() {
            self.schedule_save(SAVE_DELAY);
        }
    }

    /// Tells the user what another tab's changes brought in, when they brought anything.
    fn announce_merge(&self, report: Option<crate::domain::MergeReport>) {
        if let Some(report) = report.filter(|r| !r.is_empty()) {
            let text = self.doc.with_untracked(|r| report.describe_by(r));
            self.app.announcer.say(format!("Changes from another tab merged in. {text}"));
        }
    }

    /// Offers the whole document as a JSON file (the same format as storage).
    pub fn download_json(&self) {
        let (name, text) = self.doc.with_untracked(|r| (file_name(r.display_title(), "json"), encode(r)));
        if let Err(e) = download(&name, "application/json", &text) {
            self.app.announcer.say(format!("Download failed: {e}"));
        }
    }
}
