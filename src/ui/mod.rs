//! Leptos components, one file per concept. Components read the document through memos and
//! send [`crate::domain::Edit`]s; they hold no rules of their own.

pub mod accounts;
pub mod audience;
pub mod chat_import;
pub mod coach;
pub mod context;
pub mod crypto;
pub mod home;
pub mod incoming;
pub mod insights;
pub mod language;
pub mod live;
pub mod menu;
pub mod platform;
pub mod postmortem;
pub mod prevention;
pub mod questions;
pub mod restore;
pub mod retro;
pub mod session;
pub mod share;
pub mod shortcuts;
pub mod space;
pub mod stage;
pub mod step;
pub mod summary;
pub mod tags;
pub mod templates;
pub mod themes;
pub mod timeline;
pub mod timer;
pub mod update;
pub mod why;
pub mod widgets;
pub mod write_ups;
pub mod zones;
