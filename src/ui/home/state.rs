//! The home screen's shared state and what it does to the stored retrospectives: list,
//! create, rename, duplicate, delete with undo.

use crate::domain::i18n::tr;
use crate::domain::listing::RetroSummary;
use crate::domain::tf;
use crate::domain::{Edit, HeaderField, Id, Retrospective, Template, Writer};
use crate::storage::{DamagedEntry, Listing};
use crate::ui::context::{AppState, Route};
use crate::ui::lazy::split_point;
use crate::ui::platform::{focus_soon, new_id, now_ms};
use crate::ui::space::TeamSpace;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

// Creating a retrospective and editing one from Home run in the retrospective's module (the
// model's constructors, edits and rules, which the workspace needs too): fetched at the first
// such change, as opening the retrospective would.
split_point!(retrospective, fn creating(home: Home, start_from: StartFrom, title: String, in_space: bool) -> Result<(), String> => home.create_now(start_from, &title, in_space));
split_point!(retrospective, fn applying(home: Home, id: Id, edit: Edit) -> Result<(), String> => home.change_now(id, edit));

split_point!(retrospective, fn fetch_retrospective_module() -> () => ());

/// Fetches the retrospective's module when a person shows they are about to open or create
/// one (a pointer on a title, focus on it or on the new retrospective's form): the click then
/// finds it in, or on its way. Nothing is said if it fails; the click says it.
pub(super) fn expect_a_retrospective() {
    leptos::task::spawn_local(async {
        let _ = fetch_retrospective_module().await;
    });
}

/// How long "Undo" stays offered after a delete.
const UNDO_WINDOW: Duration = Duration::from_secs(12);

/// What a new retrospective starts from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StartFrom {
    /// A built-in kind, with its words.
    BuiltIn(Template),
    /// An own template, by id; copied into the retrospective when it is made.
    Own(crate::domain::Id),
}

/// Home-screen state shared by its parts.
#[derive(Clone, Copy)]
pub(super) struct Home {
    pub app: AppState,
    /// The team space: team retrospectives are listed apart, and changes to them reach it.
    pub space: TeamSpace,
    /// The listed retrospectives, newest first, shared: the list, its filter and the open
    /// actions hold these instead of copies (each summary carries its open actions).
    pub summaries: RwSignal<Vec<Arc<RetroSummary>>>,
    /// Stored values that could not be read.
    pub damaged: RwSignal<Vec<DamagedEntry>>,
    pub list_problem: RwSignal<Option<String>>,
    /// The last deleted retrospective, kept in memory so it can be restored.
    pub undo: RwSignal<Option<Retrospective>>,
    pub undo_timer: StoredValue<Option<TimeoutHandle>>,
}

impl Home {
    pub fn refresh(&self) {
        match self.app.repo.with_value(|r| r.list()) {
            Ok(Listing { retros, damaged }) => {
                self.summaries.set(retros.into_iter().map(Arc::new).collect());
                self.damaged.set(damaged);
                self.list_problem.set(None);
            }
            Err(e) => self.list_problem.set(Some(e.to_string())),
        }
    }

    pub fn writer(&self) -> Writer {
        self.app.writer()
    }

    /// Creates a retrospective and opens it; `in_space` keeps it in the team space.
    pub async fn create(self, start_from: StartFrom, title: String, in_space: bool) -> Result<(), String> {
        creating(self, start_from, title, in_space).await.map_err(|missing| missing.to_string())?
    }

    fn create_now(&self, start_from: StartFrom, title: &str, in_space: bool) -> Result<(), String> {
        let writer = self.writer();
        let mut retro = match start_from {
            StartFrom::BuiltIn(kind) => Retrospective::new(new_id(), kind, title, &writer),
            StartFrom::Own(id) => {
                let missing = tr("that template is no longer in this browser's storage, or cannot be read");
                let template = self.app.repo.with_value(|r| r.template(id)).ok_or(missing)?;
                template.start(new_id(), title, &writer, new_id)
            }
        };
        // Its times are in the zone of whoever starts it, wherever the others read them.
        retro.apply(Edit::Header(HeaderField::TimeZone(crate::ui::zones::browser_zone_name())), &writer);
        self.app.repo.with_value(|r| r.save(&mut retro)).map_err(|e| e.to_string())?;
        if in_space {
            self.space.adopt_retro(retro.id);
        }
        self.app.navigate(Route::Retro(retro.id));
        Ok(())
    }

    pub fn rename(&self, summary: &RetroSummary, title: String) {
        let (home, id) = (*self, summary.id);
        leptos::task::spawn_local(async move {
            match home.change(id, Edit::Header(HeaderField::Title(title))).await {
                Ok(()) => {
                    home.space.saved_locally(id);
                    home.app.announcer.say(tr("Renamed."));
                }
                Err(e) => home.app.announcer.say(tf!("Could not rename: {problem}", problem = e)),
            }
            home.refresh();
        });
    }

    /// Applies one edit to a stored retrospective, in the retrospective's module.
    pub async fn change(self, id: Id, edit: Edit) -> Result<(), String> {
        applying(self, id, edit).await.map_err(|missing| missing.to_string())?
    }

    fn change_now(&self, id: Id, edit: Edit) -> Result<(), String> {
        let writer = self.writer();
        self.app.repo.with_value(|repo| repo.update(id, |retro| retro.apply(edit, &writer))).map(|_| ()).map_err(|e| e.to_string())
    }

    pub fn duplicate(&self, summary: &RetroSummary) {
        let result = self.app.repo.with_value(|repo| {
            let original = repo.load(summary.id).map_err(|e| e.to_string())?;
            let mut copy = original.duplicate(new_id(), original.copy_title(), &self.writer());
            repo.save(&mut copy).map_err(|e| e.to_string())
        });
        match result {
            Ok(_) => self.app.announcer.say(tf!("Duplicated “{title}”.", title = summary.title())),
            Err(e) => self.app.announcer.say(tf!("Could not duplicate: {problem}", problem = e)),
        }
        self.refresh();
    }

    pub fn delete(&self, summary: &RetroSummary) {
        let result = self.app.repo.with_value(|repo| {
            let retro = repo.load(summary.id).map_err(|e| e.to_string())?;
            repo.delete(summary.id, now_ms()).map_err(|e| e.to_string())?;
            Ok::<_, String>(retro)
        });
        match result {
            Ok(retro) => {
                self.space.deleted_locally(retro.id);
                self.undo.set(Some(retro));
                if let Some(t) = self.undo_timer.get_value() {
                    t.clear();
                }
                let undo = self.undo;
                self.undo_timer.set_value(set_timeout_with_handle(move || undo.set(None), UNDO_WINDOW).ok());
                self.app.announcer.say(tf!("Deleted “{title}”. Undo is available for a few seconds.", title = summary.title()));
                focus_soon(self.app.id("undo-delete"));
            }
            Err(e) => self.app.announcer.say(tf!("Could not delete: {problem}", problem = e)),
        }
        self.refresh();
    }

    /// Makes one of this browser's retrospectives the team's: it is sent to the team space
    /// (accounts stay here) and listed there from now on.
    pub fn move_to_space(&self, id: crate::domain::Id) {
        match self.space.adopt_retro(id) {
            true => self.app.announcer.say(tr("Moved to the team space. It is being sent now.")),
            false => self.app.announcer.say(tr("Could not move it: the team space settings in this browser cannot be changed.")),
        }
    }

    pub fn undo_delete(&self) {
        if let Some(mut retro) = self.undo.get_untracked() {
            match self.app.repo.with_value(|r| r.restore(&mut retro)) {
                Ok(_) => {
                    self.space.restored_locally(retro.id);
                    self.undo.set(None);
                    self.app.announcer.say(tf!("Restored “{title}”.", title = retro.display_title()));
                }
                Err(e) => self.app.announcer.say(tf!("Could not restore: {problem}", problem = e)),
            }
            self.refresh();
        }
    }
}
