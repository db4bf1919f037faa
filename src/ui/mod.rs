//! Leptos components, one file per concept. Components read the document through memos and
//! send [`crate::domain::Edit`]s; they hold no rules of their own.

pub mod home;
pub mod live;
pub mod platform;
pub mod prevention;
pub mod retro;
pub mod session;
pub mod stage;
pub mod summary;
pub mod timeline;
pub mod why;
pub mod widgets;
