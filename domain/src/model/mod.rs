//! The document and its parts, bottom layer of the domain: nothing here imports another
//! domain module.
//!
//! A retrospective is made of registers ([`clock`]): every editable field remembers the clock of
//! its last write, so two copies merge field by field. [`record`] generates the register
//! plumbing (field edits, merge, the clock walk) once for every kind of item.

pub mod accounts;
pub mod actions;
pub mod choice;
pub mod clock;
pub mod factors;
pub mod ids;
pub mod learnings;
pub mod order;
pub mod own_template;
pub mod postmortem;
pub mod questions;
pub mod record;
pub mod retrospective;
pub mod settings;
pub mod silent;
pub mod steps;
pub mod tags;
pub mod template;
pub mod themes;
pub mod time;
pub mod timeline;
pub mod timer;
