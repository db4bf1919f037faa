//! Retrace: blameless failure retrospectives in the browser, with no server.
//!
//! Layers, each importing only the ones before it (see ARCHITECTURE.md):
//! [`domain`] (pure model and rules) ← [`storage`] (local storage adapter) ← [`ui`]
//! (Leptos components) ← [`app`] (shell and mounting).

pub mod app;
/// The model and its rules: their own crate (`domain/`), so that "no web in the domain" is a
/// Cargo fact.
pub use retrace_domain as domain;
pub mod storage;
pub mod ui;
