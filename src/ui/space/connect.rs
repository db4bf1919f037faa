//! Connecting to a team space and leaving it: a WebDAV address (listed, then probed for what
//! the server guarantees and settled on the space's layout, `domain::sync::probe` and
//! `domain::sync::choice`), a folder on this computer, the browser's permission for it again,
//! and disconnecting. The same again for a space whose layout this browser does not know yet.

use super::{connecting, connecting_folder, BrowserPause, TeamSpace};
use crate::domain::i18n::tr;
use crate::domain::sync::choice::{learn, Layout};
use crate::domain::sync::probe::{probe_file_name, Guarantees};
use crate::domain::sync::store::{SpaceError, SpaceStore};
use crate::domain::sync::webdav::folder_address;
use crate::domain::tf;
use crate::storage::space::folder::{self, FolderStore};
use crate::storage::space::webdav::WebDavStore;
use crate::storage::space::SpaceRecord;
use crate::ui::platform::now_ms;
use leptos::prelude::*;
use std::collections::BTreeSet;

impl TeamSpace {
    /// Connects to the WebDAV folder at `typed`: checks that it answers as a folder first, so
    /// a typo is said at once rather than as a failing status later.
    pub async fn connect(self, typed: String) -> Result<(), String> {
        connecting(self, typed).await.map_err(|missing| missing.to_string())?.await
    }

    /// Connects to a folder on this computer that the person picked (a folder a sync client
    /// keeps in step between laptops). Its handle is kept in IndexedDB for the next visit.
    pub async fn connect_folder(self, dir: web_sys::FileSystemDirectoryHandle) -> Result<(), String> {
        connecting_folder(self, dir).await.map_err(|missing| missing.to_string())?.await
    }

    pub(super) async fn connect_now(self, typed: String) -> Result<(), String> {
        let address = folder_address(&typed, &crate::ui::platform::page_address())?;
        let store = WebDavStore::new(&address);
        store.list().await.map_err(|e| tf!("Could not connect: {problem}", problem = e))?;
        // Know the server before trusting it: what it guarantees decides the layout.
        let (found, layout) = self.probe_and_settle(&store).await.map_err(|e| tf!("Could not connect: {problem}", problem = e))?;
        let mut record = SpaceRecord::new(&address);
        record.found = Some(found);
        record.layout = Some(layout);
        self.app.repo.with_value(|r| r.set_space_record(&record)).map_err(|e| e.to_string())?;
        self.problem.set(None);
        self.damaged.set(Vec::new());
        self.adopt(&record);
        self.app.announcer.say(format!("{} {}", tr("Connected to the team space."), found.describe()));
        Ok(())
    }

    pub(super) async fn connect_folder_now(self, dir: web_sys::FileSystemDirectoryHandle) -> Result<(), String> {
        let store = FolderStore::new(dir.clone());
        store.list().await.map_err(|e| tf!("Could not connect: {problem}", problem = e))?;
        folder::kept::keep(&self.folder_key(), Some(&dir)).await.map_err(|e| tf!("Could not connect: {problem}", problem = e))?;
        let record = SpaceRecord::folder(&store.name());
        self.app.repo.with_value(|r| r.set_space_record(&record)).map_err(|e| e.to_string())?;
        self.folder.set_value(Some(store));
        self.problem.set(None);
        self.needs_permission.set(false);
        self.damaged.set(Vec::new());
        self.adopt(&record);
        self.app.announcer.say(tr("Connected to the team space."));
        Ok(())
    }

    /// Asks the browser for the picked folder again (a click): after a reload, browsers want
    /// the person to confirm before a page may write into a folder of theirs.
    pub async fn allow_folder(self) {
        let Some(store) = self.folder.try_get_value().flatten() else { return };
        if folder::permission(store.dir(), true).await {
            let _ = self.needs_permission.try_set(false);
            self.due_now();
        }
    }

    /// Disconnects: the team's retrospectives stay in this browser as its own.
    pub fn disconnect(&self) {
        if self.folder.with_value(Option::is_some) {
            let key = self.folder_key();
            leptos::task::spawn_local(async move {
                let _ = folder::kept::keep(&key, None).await;
            });
            self.folder.set_value(None);
        }
        self.needs_permission.set(false);
        let _ = self.app.repo.with_value(|r| r.forget_space());
        self.address.set(None);
        self.status.set(None);
        self.server.set(None);
        self.members.set(BTreeSet::new());
        self.damaged.set(Vec::new());
        self.app.announcer.say(tr("Disconnected from the team space. Its retrospectives stay in this browser."));
    }

    /// Finds out which layout the space uses (`sync::choice`, recorded in the space) and what
    /// the WebDAV server guarantees (`sync::probe`, unless the record says per writer).
    async fn probe_and_settle(&self, store: &WebDavStore) -> Result<(Guarantees, Layout), SpaceError> {
        learn(store, &BrowserPause, &probe_file_name(&self.writer_name()), now_ms()).await
    }

    /// A WebDAV space whose layout this browser does not know yet (connected by an older
    /// Retrace, a host page's preset, a join link), or whose record changed: probes and
    /// settles it, and keeps what it found.
    pub(super) async fn learn_layout(&self, record: &SpaceRecord) -> Result<Layout, SpaceError> {
        let store = WebDavStore::new(&record.address);
        let (found, layout) = self.probe_and_settle(&store).await?;
        self.change_record(|r| {
            r.found = Some(found);
            r.layout = Some(layout);
            r.relearn = false;
        });
        let _ = self.server.try_set(Some(found.describe().to_string()));
        Ok(layout)
    }
}
