//! The document as it is written: the `format` marker, the `schema` version, then the
//! retrospective's fields in declaration order.
//!
//! [`Document`] is the one definition of that shape. [`encode`] fills its item maps with the
//! model's maps; the incremental encoder (`encoder.rs`) fills them with
//! JSON it cached per item. Both go through the same serde derive, so their outputs are the
//! same bytes by construction, not by searching text.

use crate::model::accounts::Account;
use crate::model::clock::{Clock, Register};
use crate::model::ids::{Id, Replica};
use crate::model::own_template::OwnTemplate;
use crate::model::postmortem::{Detection, Responder, Severity};
use crate::model::questions::OpenQuestion;
use crate::model::retrospective::Retrospective;
use crate::model::settings::Facilitation;
use crate::model::steps::Step;
use crate::model::template::Template;
use crate::model::themes::Theme;
use crate::model::time::LocalDateTime;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The `format` marker every Retrace retrospective document carries.
pub const FORMAT: &str = "retrace.retrospective";
/// The schema version this build writes and the newest it can read.
pub const SCHEMA: u64 = 8;

/// A retrospective as written, with its five item maps as type parameters: the model's maps
/// or already-serialised JSON per item.
#[derive(Serialize)]
pub(super) struct Document<'a, T, F, W, A, L> {
    format: &'static str,
    schema: u64,
    id: Id,
    template: Template,
    own_template: &'a Option<OwnTemplate>,
    created_at: i64,
    updated_at: i64,
    counter: u64,
    title: &'a Register<String>,
    incident_start: &'a Register<Option<LocalDateTime>>,
    incident_end: &'a Register<Option<LocalDateTime>>,
    impact: &'a Register<String>,
    participants: &'a Register<String>,
    time_zone: &'a Register<String>,
    severity: &'a Register<Option<Severity>>,
    detection: &'a Register<Option<Detection>>,
    surprise: &'a Register<String>,
    tags: &'a Register<BTreeSet<String>>,
    step: &'a Register<Step>,
    timeline: T,
    factors: F,
    whys: W,
    actions: A,
    learnings: L,
    accounts: &'a BTreeMap<Id, Account>,
    questions: &'a BTreeMap<Id, OpenQuestion>,
    responders: &'a BTreeMap<Id, Responder>,
    themes: &'a BTreeMap<Id, Theme>,
    deleted: &'a BTreeMap<Id, Clock>,
    facilitation: &'a Facilitation,
    authors: &'a BTreeMap<Replica, Register<String>>,
    writers: &'a BTreeMap<Replica, Replica>,
}

impl<'a, T: Serialize, F: Serialize, W: Serialize, A: Serialize, L: Serialize> Document<'a, T, F, W, A, L> {
    /// `retro`'s header and settings with the given item maps. The destructuring names every
    /// field, so a field added to [`Retrospective`] does not compile until it is written here.
    pub(super) fn new(retro: &'a Retrospective, (timeline, factors, whys, actions, learnings): (T, F, W, A, L)) -> Self {
        let Retrospective {
            id,
            template,
            own_template,
            created_at,
            updated_at,
            counter,
            title,
            incident_start,
            incident_end,
            impact,
            participants,
            time_zone,
            severity,
            detection,
            surprise,
            tags,
            step,
            timeline: _,
            factors: _,
            whys: _,
            actions: _,
            learnings: _,
            accounts,
            questions,
            responders,
            themes,
            deleted,
            facilitation,
            authors,
            writers,
        } = retro;
        Document {
            format: FORMAT,
            schema: SCHEMA,
            id: *id,
            template: *template,
            own_template,
            created_at: *created_at,
            updated_at: *updated_at,
            counter: *counter,
            title,
            incident_start,
            incident_end,
            impact,
            participants,
            time_zone,
            severity,
            detection,
            surprise,
            tags,
            step,
            timeline,
            factors,
            whys,
            actions,
            learnings,
            accounts,
            questions,
            responders,
            themes,
            deleted,
            facilitation,
            authors,
            writers,
        }
    }

    /// The compact JSON text.
    pub(super) fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a retrospective always serialises: its map keys are strings and its floats are finite")
    }
}

/// Writes the document. Compact, because it travels in links and fills local storage.
pub fn encode(retro: &Retrospective) -> String {
    Document::new(retro, (&retro.timeline, &retro.factors, &retro.whys, &retro.actions, &retro.learnings)).to_text()
}
