//! The team space at work in one mounted instance: connecting, the sync loop, and what the
//! screens read (the status line, which retrospectives are the team's, files that cannot be
//! read). The sync itself is the domain's (`sync::engine`, `sync::folder`), and so is the
//! decision of when (`sync::schedule`) and in which layout (`sync::probe`, `sync::choice`);
//! this file keeps the timers and signals. Every edit is saved in this browser first, so a
//! failing space loses nothing.

mod connect;
pub mod dialog;
mod folder_round;
pub mod here;
pub mod invite;
mod presence_round;
pub mod status;
mod webdav_round;

use crate::domain::i18n::tr;
use crate::domain::sync::choice::Layout;
use crate::domain::sync::engine::{Replicas, SyncError};
use crate::domain::sync::schedule::{Finished, Schedule, Waiting, DELETE_AFTER_MS, MAX_BACKOFF_MS};
use crate::domain::sync::status::{AfterRound, SyncStatus};
use crate::domain::sync::store::{LocalFuture, Pause, SpaceError, SpaceStore};
use crate::domain::sync::webdav::folder_address;
use crate::domain::tf;
use crate::domain::{merge_retrospectives, Id, MergeReport, Retrospective};
use crate::storage::space::folder::{self, FolderStore};
use crate::storage::space::webdav::WebDavStore;
use crate::storage::space::SpaceRecord;
use crate::storage::LoadError;
use crate::ui::context::{AppState, Route};
use crate::ui::lazy::{split_point, Work};
use crate::ui::platform::now_ms;
use crate::ui::session::RetroSession;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// How often the loop looks at what is due (no request unless something is); a nudge
/// ([`TeamSpace::due_now`]) ends the wait at once.
const TICK_MS: u32 = 250;

/// A file of the space that is left alone: it cannot be read, or a newer Retrace wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct SpaceDamage {
    pub name: String,
    pub problem: String,
}

/// This page's heartbeats and what it has seen of the others', for the open retrospective.
#[derive(Default)]
struct PresenceState {
    retro: Option<Id>,
    seen: crate::domain::sync::presence::Presence,
    beats: u64,
    next_beat: i64,
    next_look: i64,
}

/// The team space of one instance, shared through context.
#[derive(Clone, Copy)]
pub struct TeamSpace {
    app: AppState,
    /// Where the team space is, as people read it (a WebDAV address, or a folder's name);
    /// `None` when not connected.
    pub address: RwSignal<Option<String>>,
    /// The browser wants the person's permission again before the picked folder can be used
    /// (only a click can give it: the dialog and the status offer the button).
    pub needs_permission: RwSignal<bool>,
    /// Where syncing stands; `None` when not connected.
    pub status: RwSignal<Option<SyncStatus>>,
    /// The team's retrospectives (those stored here that live in the space).
    pub members: RwSignal<BTreeSet<Id>>,
    /// Files in the space that are left alone.
    pub damaged: RwSignal<Vec<SpaceDamage>>,
    /// What the WebDAV server was found to guarantee, in words (after Connect).
    pub server: RwSignal<Option<String>>,
    /// Why the stored team space settings cannot be used, when they cannot.
    pub problem: RwSignal<Option<String>>,
    /// Bumped when retrospectives arrived from the space or were deleted there: the home list
    /// reads storage again.
    pub arrived: RwSignal<u64>,
    open: StoredValue<Option<RetroSession>, LocalStorage>,
    /// Who is in the open team retrospective, this page included.
    pub here: RwSignal<Vec<crate::domain::sync::presence::Present>>,
    presence: StoredValue<PresenceState, LocalStorage>,
    /// The picked folder, once its handle is found again (IndexedDB) or picked.
    folder: StoredValue<Option<FolderStore>, LocalStorage>,
    schedule: StoredValue<Schedule>,
    /// Ends the loop's current wait early (the resolve of its timer's promise).
    wake: StoredValue<Option<js_sys::Function>, LocalStorage>,
    alive: StoredValue<bool>,
    /// Whether the loop runs: only while connected, so a browser without a team space never
    /// wakes up for it.
    looping: StoredValue<bool>,
}

impl TeamSpace {
    /// The team space of this instance: the one stored in this browser, else `preset` (the
    /// host page's `space` option). Starts the sync loop, which ends with the instance.
    pub fn start(app: AppState, preset: Option<String>, invited: Option<String>) -> TeamSpace {
        let space = TeamSpace {
            app,
            address: RwSignal::new(None),
            needs_permission: RwSignal::new(false),
            status: RwSignal::new(None),
            members: RwSignal::new(BTreeSet::new()),
            damaged: RwSignal::new(Vec::new()),
            server: RwSignal::new(None),
            problem: RwSignal::new(None),
            arrived: RwSignal::new(0),
            open: StoredValue::new_local(None),
            here: RwSignal::new(Vec::new()),
            presence: StoredValue::new_local(PresenceState::default()),
            folder: StoredValue::new_local(None),
            schedule: StoredValue::new(Schedule::new()),
            wake: StoredValue::new_local(None),
            alive: StoredValue::new(true),
            looping: StoredValue::new(false),
        };
        let page = crate::ui::platform::page_address();
        let invited = invited.and_then(|p| folder_address(&p, &page).ok());
        match app.repo.with_value(|r| r.space_record()) {
            Ok(Some(record)) => {
                // A join link for another space than the one this browser uses: say so rather
                // than switch behind the person's back.
                if let Some(other) = invited.filter(|other| *other != record.address) {
                    app.notice.set(Some(tf!(
                        "This link is for the team space at {link}, but this browser is connected to {current}. To join, disconnect in Team space… and open the link again.",
                        link = other,
                        current = record.folder.clone().unwrap_or_else(|| record.address.clone())
                    )));
                }
                space.adopt(&record)
            }
            Ok(None) => {
                if let Some(address) = invited.or_else(|| preset.and_then(|p| folder_address(&p, &page).ok())) {
                    let record = SpaceRecord::new(&address);
                    if app.repo.with_value(|r| r.set_space_record(&record)).is_ok() {
                        space.adopt(&record);
                    }
                }
            }
            Err(problem) => space.problem.set(Some(problem)),
        }
        on_cleanup(move || {
            let _ = space.alive.try_set_value(false);
        });
        let on_online = window_event_listener(leptos::ev::online, move |_| space.due_now());
        // Back on the page after a while away: what others wrote meanwhile is read at once,
        // not at the next slow round of a hidden page. Leaving it (another tab, a phone
        // locked): what waits is sent now, before the browser slows a hidden page's timers.
        let on_visible = window_event_listener(leptos::ev::visibilitychange, move |_| match document().visibility_state() {
            web_sys::VisibilityState::Visible => space.due_now(),
            _ => space.hiding(),
        });
        on_cleanup(move || {
            on_online.remove();
            on_visible.remove();
        });
        space
    }

    /// Starts the loop unless it runs already. The loop lives in the team space's own module
    /// (`sync_loop`): fetched now, and after a pause again while it cannot be.
    fn ensure_loop(&self) {
        if self.looping.get_value() {
            return;
        }
        self.looping.set_value(true);
        let space = *self;
        leptos::task::spawn_local(async move {
            loop {
                match sync_loop(space).await {
                    Ok(run) => return run.await,
                    Err(missing) => {
                        let _ = space.problem.try_set(Some(missing.to_string()));
                        sleep(MAX_BACKOFF_MS as u32).await;
                        if space.alive.try_get_value() != Some(true) || space.address.try_get_untracked().flatten().is_none() {
                            let _ = space.looping.try_set_value(false);
                            return;
                        }
                        let _ = space.problem.try_set(None);
                    }
                }
            }
        });
    }

    fn adopt(&self, record: &SpaceRecord) {
        self.address.set(Some(record.folder.clone().unwrap_or_else(|| record.address.clone())));
        self.server.set(record.found.map(|f| f.describe().to_string()));
        self.ensure_loop();
        if record.folder.is_some() && self.folder.with_value(Option::is_none) {
            // The picked folder's handle lives in IndexedDB; a reload finds it there.
            let space = *self;
            let key = self.folder_key();
            leptos::task::spawn_local(async move {
                match folder::kept::find(&key).await {
                    Some(dir) => {
                        let _ = space.folder.try_set_value(Some(FolderStore::new(dir)));
                        space.due_now();
                    }
                    None => {
                        let _ = space.problem.try_set(Some(
                            tr("The folder of the team space is not known to this browser any more. Choose it again with Choose a folder…, or disconnect.")
                                .into(),
                        ));
                    }
                }
            });
        }
        self.members.set(members(record));
        self.status.set(Some(SyncStatus::Syncing));
        self.due_now();
    }

    /// Where the picked folder's handle is kept in IndexedDB: one per storage prefix.
    fn folder_key(&self) -> String {
        self.app.repo.with_value(|r| format!("{}space-folder", r.prefix()))
    }

    fn record(&self) -> Option<SpaceRecord> {
        self.app.repo.try_with_value(|r| r.space_record().ok().flatten()).flatten()
    }

    /// Changes the stored record (unless it cannot be read) and says whether it was kept.
    fn change_record(&self, change: impl FnOnce(&mut SpaceRecord)) -> bool {
        let Some(mut record) = self.record() else { return false };
        change(&mut record);
        let kept = self.app.repo.try_with_value(|r| r.set_space_record(&record).is_ok()).unwrap_or(false);
        let _ = self.members.try_set(members(&record));
        kept
    }

    pub fn is_connected(&self) -> bool {
        self.address.with_untracked(Option::is_some)
    }

    pub fn is_member(&self, id: Id) -> bool {
        self.members.with_untracked(|m| m.contains(&id))
    }

    /// Fetches team retrospective `id` from the space (a join link): it becomes one of the
    /// team's here, and the next round reads it. One the space does not have is forgotten
    /// again by that round.
    pub fn join(&self, id: Id) {
        if !self.is_connected() || self.is_member(id) {
            return;
        }
        self.change_record(|r| {
            r.retros.entry(id).or_insert(None);
        });
        self.due_now();
    }

    /// Makes a retrospective stored here one of the team's, and sends it soon.
    pub fn adopt_retro(&self, id: Id) -> bool {
        let kept = self.change_record(|r| {
            r.retros.entry(id).or_insert(None);
            r.pending.insert(id);
        });
        self.push_soon();
        kept
    }

    /// A team retrospective is being typed into: until the edits are sent, the line says
    /// "syncing", so nobody closes the laptop on a "synced" that no longer holds.
    pub fn editing(&self, id: Id) {
        if self.is_member(id) && matches!(self.status.get_untracked(), Some(SyncStatus::Synced | SyncStatus::Merged)) {
            self.status.set(Some(SyncStatus::Syncing));
        }
    }

    /// A team retrospective was saved here: send it soon.
    pub fn saved_locally(&self, id: Id) {
        if self.is_member(id) {
            self.change_record(|r| {
                r.pending.insert(id);
            });
            self.push_soon();
        }
    }

    /// A team retrospective was deleted here: the deletion goes to the space too, once it
    /// can no longer be undone.
    pub fn deleted_locally(&self, id: Id) {
        if self.is_member(id) {
            self.change_record(|r| {
                r.pending.remove(&id);
                r.deleting.insert(id, now_ms());
            });
        }
    }

    /// A deletion was undone here before it reached the space.
    pub fn restored_locally(&self, id: Id) {
        let restored = self.change_record(|r| {
            if r.deleting.remove(&id).is_some() {
                r.pending.insert(id);
            }
        });
        if restored {
            self.push_soon();
        }
    }

    /// The workspace of `session` is on screen: merges go into it, and it is watched closely.
    pub fn opened(&self, session: RetroSession) {
        self.open.set_value(Some(session));
        self.schedule.update_value(Schedule::opened);
        self.wake_up();
        self.presence.set_value(PresenceState { retro: Some(session.id()), ..PresenceState::default() });
    }

    pub fn closed(&self, id: Id) {
        let _ = self.open.try_update_value(|open| {
            if open.is_some_and(|s| s.id() == id) {
                *open = None;
            }
        });
        // Leaving: this page's heartbeat goes, so the others see it gone at once.
        let left = self.presence.try_update_value(|p| std::mem::take(p).retro).flatten();
        let _ = self.here.try_set(Vec::new());
        if let (Some(retro), Some(store)) = (left.filter(|r| *r == id), self.store()) {
            let name = crate::domain::sync::presence::here_file_name(retro, &self.writer_name());
            leptos::task::spawn_local(async move {
                let _ = store.remove(&name).await;
            });
        }
    }

    /// This page load's name as a writer in the space: its replica, 16 hex digits.
    pub(super) fn writer_name(&self) -> String {
        format!("{:016x}", self.app.replica.0)
    }

    /// The space this browser is connected to, to read and write.
    fn store(&self) -> Option<Box<dyn SpaceStore>> {
        let record = self.record()?;
        match record.folder {
            Some(_) => self.folder.try_get_value().flatten().map(|f| Box::new(f) as Box<dyn SpaceStore>),
            None => Some(Box::new(WebDavStore::new(&record.address))),
        }
    }

    pub(super) fn open_session(&self, id: Id) -> Option<RetroSession> {
        self.open.try_get_value().flatten().filter(|s| s.id() == id)
    }

    fn push_soon(&self) {
        let _ = self.schedule.try_update_value(|s| s.saved(now_ms()));
    }

    fn due_now(&self) {
        let _ = self.schedule.try_update_value(Schedule::now);
        self.wake_up();
    }

    /// The page is being hidden: what waits goes now.
    fn hiding(&self) {
        let waiting = self.record().is_some_and(|r| !r.pending.is_empty());
        if let Some(session) = self.app.route.try_get_untracked().and_then(|route| match route {
            Route::Retro(id) => self.open_session(id),
            _ => None,
        }) {
            session.flush();
        }
        let _ = self.schedule.try_update_value(|s| s.hiding(now_ms(), waiting));
        if waiting {
            self.wake_up();
        }
    }

    /// Ends the loop's current wait.
    fn wake_up(&self) {
        if let Some(resolve) = self.wake.try_update_value(Option::take).flatten() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    }

    /// Waits `ms` milliseconds, or less when woken.
    async fn nap(&self, ms: u32) {
        let wake = self.wake;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
            }
            let _ = wake.try_set_value(Some(resolve));
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        let _ = wake.try_set_value(None);
    }

    /// The loop: looks every [`TICK_MS`] at what is due, until the instance is gone or the
    /// space is disconnected.
    async fn run(self) {
        loop {
            self.nap(TICK_MS).await;
            let connected = self.address.try_get_untracked().flatten().is_some();
            if self.alive.try_get_value() != Some(true) || !connected {
                let _ = self.looping.try_set_value(false);
                return;
            }
            self.round().await;
        }
    }

    /// One round of whatever is due.
    async fn round(self) {
        let Some(mut record) = self.record() else { return };
        let now = now_ms();
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        let open = match self.app.route.try_get_untracked() {
            Some(Route::Retro(id)) if record.retros.contains_key(&id) => Some(id),
            _ => None,
        };
        let deletions: Vec<Id> = record.deleting.iter().filter(|(_, at)| now - **at >= DELETE_AFTER_MS).map(|(id, _)| *id).collect();
        let waiting = Waiting { open: open.is_some(), changes: !record.pending.is_empty(), deletions: !deletions.is_empty() };
        let Some(plan) = self.schedule.try_update_value(|s| s.due(now, waiting)).flatten() else {
            self.look_around(open, hidden).await;
            return;
        };
        // A WebDAV space whose layout is not known here yet, or whose record changed: first
        // find out (nothing is written to the space before).
        if record.folder.is_none() && (record.layout.is_none() || record.relearn) {
            match self.learn_layout(&record).await {
                Ok(layout) => record.layout = Some(layout),
                Err(e) => {
                    self.finish(&plan, Round::failing(e), true, true, hidden);
                    return;
                }
            }
        }
        let mut local: Vec<Id> = record.pending.iter().filter(|id| !record.deleting.contains_key(id)).copied().collect();
        if plan.list {
            // Changed here since the last sync by any path (a rename on Home, an action marked
            // done, a link merged in): the stored fingerprint tells.
            for (id, fingerprint) in &record.local {
                if !record.deleting.contains_key(id) && self.app.repo.try_with_value(|r| r.written(*id)).flatten() != Some(*fingerprint) {
                    local.push(*id);
                }
            }
        }
        // What the open page holds is what is sent: its pending save first.
        if let Some(session) = open.and_then(|id| self.open_session(id)) {
            session.flush();
        }
        let per_writer = record.folder.is_some() || record.layout == Some(Layout::PerWriter);
        let outcome = match &record.folder {
            // A folder on this computer is cheap to list: it is listed whenever anything is due.
            Some(_) => match self.folder.try_get_value().flatten() {
                Some(store) => folder_round::round(self, &record, &store, &deletions, local).await,
                None => Round::failing(SpaceError::PermissionNeeded),
            },
            // A WebDAV server that does not compare and swap: a file per writer, the listing
            // being the only way to see another writer's news.
            None if per_writer => folder_round::round_webdav(self, &record, &deletions, local).await,
            None => webdav_round::round(self, &record, webdav_round::Due { list: plan.list, open: open.filter(|_| plan.open), deletions, local }).await,
        };
        let listed = plan.list || per_writer;
        self.finish(&plan, outcome, listed, plan.open || per_writer, hidden);
        self.look_around(open, hidden).await;
    }

    /// Who is here: for the team retrospective on screen, while the page is visible.
    async fn look_around(&self, open: Option<Id>, hidden: bool) {
        let now = now_ms();
        let Some(id) = open.filter(|_| !hidden) else { return };
        if self.presence.try_with_value(|p| p.retro != Some(id) || p.next_look > now).unwrap_or(true) {
            return;
        }
        self.presence.update_value(|p| p.next_look = now + presence_round::LOOK_MS);
        if let Some(store) = self.store() {
            // A failing space is said by the status line already; presence just waits.
            let _ = presence_round::round(*self, store.as_ref(), id).await;
        }
    }

    /// Forgets a team retrospective whose deletion reached the space.
    pub(super) fn forget(&self, id: Id) {
        self.change_record(|r| {
            r.deleting.remove(&id);
            r.retros.remove(&id);
            r.local.remove(&id);
            r.pending.remove(&id);
            r.folder_known.remove(&id);
        });
    }

    /// A retrospective is in step with the space: `note` records what is known of its files.
    pub(super) fn in_step(&self, id: Id, merged: &MergeReport, outcome: &mut Round, note: impl FnOnce(&mut SpaceRecord)) {
        let arrived = !self.is_member(id);
        let local = self.app.repo.try_with_value(|r| r.written(id)).flatten();
        self.change_record(|r| {
            note(r);
            r.retros.entry(id).or_insert(None);
            if let Some(local) = local {
                r.local.insert(id, local);
            }
            // Saved again while the sync was under way: that save is still to be sent.
            if self.schedule.try_get_value().is_none_or(|s| !s.push_waiting()) {
                r.pending.remove(&id);
            }
        });
        if !merged.is_empty() {
            outcome.merged = true;
        }
        if arrived || !merged.is_empty() {
            outcome.arrived = true;
        }
    }

    /// Someone deleted a team retrospective in the space: it goes from here too (an open page
    /// keeps its copy until the person chooses).
    pub(super) fn deleted_there(&self, id: Id, outcome: &mut Round) {
        self.forget(id);
        match self.open_session(id) {
            Some(session) => session.deleted_in_space(),
            None => {
                let _ = self.app.repo.try_with_value(|r| r.delete(id, now_ms()));
            }
        }
        outcome.arrived = true;
    }

    /// A sync of `id` failed: a file left alone is listed; a space that failed fails the round.
    pub(super) fn sync_failed(&self, id: Id, error: SyncError, outcome: &mut Round) {
        match error {
            SyncError::Damaged(e) => outcome.stuck(id, e.to_string()),
            SyncError::Newer(schema) => {
                outcome.stuck(id, tf!("A newer version of Retrace wrote it (schema {schema}); it is left as it is until this one is updated.", schema = schema))
            }
            SyncError::NothingToSync => self.forget(id),
            e => outcome.failed(e),
        }
    }

    /// After a round: when the next one is due, and the status in words.
    fn finish(&self, plan: &crate::domain::sync::schedule::Plan, outcome: Round, listed: bool, checked_open: bool, hidden: bool) {
        let now = now_ms();
        let waiting = self.record().map_or(0, |r| r.pending.len() + r.deleting.len());
        if matches!(outcome.error, Some(SyncError::Busy)) {
            // Writes at the version read keep being refused: the server's answers no longer
            // make sense for a shared file. Find out again what it guarantees.
            self.change_record(|r| r.relearn = r.folder.is_none());
        }
        let finished = Finished { failed: outcome.error.is_some(), listed, checked_open, waiting: waiting > 0, hidden };
        let _ = self.schedule.try_update_value(|s| s.finished(plan, now, finished));
        if let Some(damaged) = outcome.damaged.clone() {
            let mut all = damaged;
            all.extend(outcome.stuck.iter().cloned());
            let _ = self.damaged.try_set(all);
        } else if !outcome.stuck.is_empty() {
            let _ = self.damaged.try_update(|d| {
                for s in &outcome.stuck {
                    if !d.iter().any(|x| x.name == s.name) {
                        d.push(s.clone());
                    }
                }
            });
        }
        if outcome.arrived {
            let _ = self.arrived.try_update(|n| *n += 1);
        }
        let previous = self.status.try_get_untracked().flatten();
        let status = SyncStatus::after_round(
            AfterRound {
                error: outcome.error.as_ref(),
                offline: web_sys::window().is_some_and(|w| !w.navigator().on_line()),
                waiting,
                unsent: self.record().is_some_and(|r| r.pending.iter().any(|id| !r.deleting.contains_key(id)))
                    || self.open.try_get_value().flatten().is_some_and(|session| session.unsaved.get_untracked()),
                stuck: self.damaged.try_with_untracked(Vec::len).unwrap_or(0),
                merged: outcome.merged,
                looked: listed || checked_open,
            },
            previous.as_ref(),
        );
        if self.status.try_get_untracked().flatten().as_ref() != Some(&status) {
            let _ = self.status.try_set(Some(status));
        }
    }
}

/// The team's retrospectives: those in the record, less those being deleted.
fn members(record: &SpaceRecord) -> BTreeSet<Id> {
    record.retros.keys().filter(|id| !record.deleting.contains_key(id)).copied().collect()
}

/// What one round came to.
#[derive(Default)]
pub(super) struct Round {
    error: Option<SyncError>,
    merged: bool,
    arrived: bool,
    /// The listing's files that are left alone (`None`: no listing this round).
    damaged: Option<Vec<SpaceDamage>>,
    stuck: Vec<SpaceDamage>,
}

impl Round {
    fn failing(error: SpaceError) -> Round {
        Round { error: Some(SyncError::Space(error)), ..Round::default() }
    }

    fn failed(&mut self, error: SyncError) {
        self.error.get_or_insert(error);
    }

    fn stuck(&mut self, id: Id, problem: String) {
        self.stuck.push(SpaceDamage { name: crate::domain::sync::layout::file_name(id), problem });
    }
}

/// This page's copies for the sync: the open workspace's document, else storage.
pub(super) struct PageReplicas {
    pub space: TeamSpace,
}

impl Replicas for PageReplicas {
    fn current(&self, id: Id) -> Option<Retrospective> {
        if let Some(session) = self.space.open_session(id) {
            return session.doc.try_get_untracked();
        }
        self.space.app.repo.try_with_value(|r| r.load(id).ok()).flatten()
    }

    fn merge_in(&self, theirs: &Retrospective) -> Result<MergeReport, String> {
        if let Some(session) = self.space.open_session(theirs.id) {
            return session.merge_from_space(theirs);
        }
        let repo = self.space.app.repo;
        repo.try_with_value(|repo| match repo.load(theirs.id) {
            Ok(mut mine) => {
                let report = merge_retrospectives(&mut mine, theirs).map_err(|_| tr("the file holds a different retrospective").to_string())?;
                if report.changed_anything() {
                    repo.save(&mut mine).map_err(|e| e.to_string())?;
                }
                Ok(report)
            }
            Err(LoadError::Missing) => {
                let mut copy = theirs.clone();
                repo.save(&mut copy).map_err(|e| e.to_string())?;
                Ok(MergeReport { added: 1, ..MergeReport::default() })
            }
            Err(e) => Err(e.to_string()),
        })
        .unwrap_or_else(|| Err(tr("this page is closing").into()))
    }
}

/// Pauses between attempts of one sync: a timer, a little shorter or longer each time so
/// writers that met once do not meet again at the same moment.
pub(super) struct BrowserPause;

impl Pause for BrowserPause {
    fn pause(&self, ms: u32) -> LocalFuture<'_, ()> {
        let jittered = (f64::from(ms) * (0.75 + js_sys::Math::random() * 0.5)) as u32;
        Box::pin(sleep(jittered))
    }
}

// The team space's module: reading, merging and writing the space's files. A browser that is
// not connected to a team space never fetches it.
split_point!(team_space, pub fn sync_loop(space: TeamSpace) -> Work<()> => Box::pin(space.run()));
split_point!(team_space, pub fn connecting(space: TeamSpace, typed: String) -> Work<Result<(), String>> => Box::pin(space.connect_now(typed)));
split_point!(
    team_space,
    pub fn connecting_folder(space: TeamSpace, dir: web_sys::FileSystemDirectoryHandle) -> Work<Result<(), String>> => Box::pin(space.connect_folder_now(dir))
);

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
