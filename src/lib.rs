//! Retrace: blameless failure retrospectives in the browser, with no server.
//!
//! Layers, each importing only the ones before it (see ARCHITECTURE.md):
//! [`domain`] (pure model and rules) ← [`storage`] (local storage adapter) ← [`ui`]
//! (Leptos components) ← [`app`] (shell and mounting).

pub mod app;
pub mod domain;
pub mod storage;
pub mod ui;

pub use app::mount_to_body;
