//! The retrospective model and its rules, in plain Rust: no `web-sys`, no Leptos — a Cargo
//! fact, since this crate depends on serde, serde_json and two codecs only.
//!
//! Everything here is deterministic — time and randomness come in as arguments — so it is
//! tested natively with `cargo test` in milliseconds. The modules are layered; each imports
//! only the ones above it in this list (tests aside):
//!
//! - [`model`] — the document: ids, clocks and registers, order, time, the items of each step,
//!   the template, timers and facilitation settings, and [`Retrospective`] itself.
//! - [`change`] — what can happen to a document: [`Edit`]s, [`merge_retrospectives`], quick entry.
//! - [`format`] — the one serialised form: reading within limits, migrations, the encoder, links.
//! - [`coach`] — the blameless language coach and its findings on a retrospective.
//! - [`facilitation`] — the guide for each step and the prevention checks.
//! - [`import`] — chat and log lines read into timeline entries, with zones passed in as data.
//! - [`listing`] — what the home screen shows of a retrospective without opening it.
//! - [`export`] — Markdown, CSV, calendar and tracker exports.
//! - [`insights`] — what keeps coming back across retrospectives: recurring factors, open
//!   actions, detection and resolution over time.
//! - [`sync`] — the team space: a folder of team retrospectives kept in step with this browser.
//! - [`sorting`] — the one sort every list above goes through (one copy of the algorithm in
//!   the web module instead of one per call site).
//!
//! ARCHITECTURE.md draws the same map with the crate graph around it.

#![warn(missing_docs)]

pub mod change;
pub mod coach;
pub mod export;
pub mod facilitation;
pub mod format;
pub mod i18n;
pub mod import;
pub mod insights;
pub mod listing;
pub mod model;
pub mod sorting;
pub mod sync;

pub use change::accounts::{Attached, ReplyError};
pub use change::edit::{Edit, EditScope};
pub use change::merge::{merge_retrospectives, MergeReport};
pub use coach::{review, Finding};
pub use facilitation::checks::{prevention_checks, Check};
pub use format::{decode, encode, FormatError};
pub use listing::RetroSummary;
pub use model::accounts::{
    Account, AccountBody, AccountDraft, AccountField, AccountReply, AccountRequest, AddedMoment, MomentNotes, PassageAt, PassageRef, Prompt,
};
pub use model::actions::{ActionField, ActionItem, ActionKind, ActionStatus, Horizon, Priority};
pub use model::choice::Choice;
pub use model::clock::{Clock, Register};
pub use model::factors::{Category, ContributingFactor, FactorField, PastFactor, WhyField, WhyNode};
pub use model::ids::{Id, Replica};
pub use model::learnings::{Learning, LearningField, LearningList};
pub use model::own_template::{OwnTemplate, Starters, StepWords};
pub use model::postmortem::{Detection, Responder, ResponderField, ResponderRole, Severity};
pub use model::questions::{OpenQuestion, QuestionField};
pub use model::record::Record;
pub use model::retrospective::{HeaderField, Retrospective, Writer};
pub use model::settings::{Facilitation, SettingField};
pub use model::steps::Step;
pub use model::template::Template;
pub use model::themes::{Theme, ThemeField};
pub use model::time::{Date, LocalDateTime};
pub use model::timeline::{EntryKind, TimelineEntry, TimelineField};
pub use model::timer::Timer;
