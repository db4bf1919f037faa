//! The retrospective model and its rules, in plain Rust: no `web-sys`, no Leptos.
//!
//! Everything here is deterministic — time and randomness come in as arguments — so it is
//! tested natively with `cargo test` in milliseconds. See ARCHITECTURE.md for the map.

pub mod choice;
pub mod coach;
pub mod coaching;

pub mod actions;
pub mod checks;
pub mod clock;
pub mod edit;
pub mod encoder;
pub mod export;
pub mod facilitation;
pub mod factors;
pub mod format;
mod format_scan;
pub mod guide;
pub mod ids;
pub mod learnings;
pub mod link;
pub mod merge;
pub mod order;
pub mod quick_entry;
pub mod retrospective;
pub mod steps;
pub mod summary;
pub mod template;
pub mod time;
pub mod timeline;
pub mod timer;

pub use actions::{ActionField, ActionItem, ActionKind, ActionStatus, Priority};
pub use checks::{prevention_checks, Check};
pub use choice::Choice;
pub use clock::{Clock, Register};
pub use coach::{review, Finding};
pub use edit::{Edit, EditScope};
pub use facilitation::Facilitation;
pub use factors::{Category, ContributingFactor, FactorField, WhyField, WhyNode};
pub use format::{decode, encode, FormatError};
pub use ids::{Id, Replica};
pub use learnings::{Learning, LearningList};
pub use merge::{merge_retrospectives, MergeReport};
pub use retrospective::{Retrospective, Writer};
pub use steps::Step;
pub use summary::RetroSummary;
pub use template::Template;
pub use time::{Date, LocalDateTime};
pub use timeline::{EntryKind, TimelineEntry, TimelineField};
pub use timer::Timer;
