//! What the insights read of one retrospective: a few hundred bytes in place of the document,
//! so the storage layer can keep one per stored retrospective in memory and the insights over
//! hundreds of them are a walk over small values.

use super::similarity::{stems, Stems};
use crate::format::{FORMAT, SCHEMA};
use crate::model::actions::{ActionItem, ActionStatus, Priority};
use crate::model::clock::{Clock, Register};
use crate::model::factors::{Category, ContributingFactor, PastFactor};
use crate::model::ids::{Id, Replica};
use crate::model::postmortem::{Detection, Severity};
use crate::model::retrospective::{Retrospective, Writer};
use crate::model::template::Template;
use crate::model::time::{Date, LocalDateTime};
use crate::model::timeline::{incident_durations, incident_span, Derived, EntryKind, TimelineEntry};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// One retrospective as the insights see it.
#[derive(Clone, PartialEq, Debug)]
pub struct RetroDigest {
    /// The retrospective's id.
    pub id: Id,
    /// Its title as written, empty when it has none; shown as [`Self::title`].
    pub written_title: String,
    /// Its template.
    pub template: Template,
    /// The day of the incident (set or from the timeline), else the day it was created (UTC).
    pub date: Date,
    /// Its tags.
    pub tags: BTreeSet<String>,
    /// Severity, once agreed.
    pub severity: Option<Severity>,
    /// How it was detected, once said.
    pub detection: Option<Detection>,
    /// Minutes from the trigger to the first detection, when the timeline tells.
    pub time_to_detect: Option<i64>,
    /// Minutes from the trigger to the last resolution, when the timeline tells.
    pub time_to_resolve: Option<i64>,
    /// Its contributing factors with a statement; duplicates merged into another are left out.
    pub factors: Vec<FactorDigest>,
    /// Its action items with a description.
    pub actions: Vec<ActionDigest>,
}

/// A contributing factor, as the insights see it.
#[derive(Clone, PartialEq, Debug)]
pub struct FactorDigest {
    /// The factor's id in its retrospective.
    pub id: Id,
    /// Its statement, trimmed.
    pub statement: String,
    /// Its category.
    pub category: Category,
    /// The earlier factors the group linked it to.
    pub recurs: BTreeSet<PastFactor>,
    /// The statement's word stems, worked out once with the digest (which storage keeps), not
    /// each time the insights are built.
    pub stems: Stems,
}

/// An action item, as the insights see it.
#[derive(Clone, PartialEq, Debug)]
pub struct ActionDigest {
    /// The action's id in its retrospective.
    pub id: Id,
    /// What will change, trimmed.
    pub description: String,
    /// Who carries it, trimmed.
    pub owner: String,
    /// When it is due.
    pub due: Option<Date>,
    /// How urgent it is.
    pub priority: Priority,
    /// Where it stands.
    pub status: ActionStatus,
    /// The factors it addresses (a duplicate's link counts for the factor it was merged into).
    pub factors: BTreeSet<Id>,
}

impl RetroDigest {
    /// The title as lists show it, never empty.
    pub fn title(&self) -> &str {
        crate::model::retrospective::shown_title(&self.written_title)
    }

    /// The digest of `retro` as it stands.
    pub fn of(retro: &Retrospective) -> RetroDigest {
        let (start, _) = incident_span(retro.incident_start.value, retro.incident_end.value, &retro.timeline);
        let durations = incident_durations(&retro.timeline);
        let minutes = |d: Derived| match d {
            Derived::Minutes(m) => Some(m),
            _ => None,
        };
        // A duplicate stands for the factor it was merged into, however deep the chain.
        let canonical = |mut id: Id| {
            for _ in 0..retro.factors.len() {
                match retro.factors.get(&id).and_then(|f| f.merged_into.value) {
                    Some(next) if retro.factors.contains_key(&next) => id = next,
                    _ => break,
                }
            }
            id
        };
        let factors = retro
            .factor_order()
            .into_iter()
            .map(|id| (id, &retro.factors[&id]))
            .filter(|(_, f)| f.merged_into.value.is_none() && !f.statement.value.trim().is_empty())
            .map(|(id, f)| FactorDigest {
                id,
                statement: f.statement.value.trim().to_string(),
                category: f.category.value,
                recurs: f.recurs.value.clone(),
                stems: stems(&f.statement.value),
            })
            .collect();
        let actions = retro
            .action_order()
            .into_iter()
            .map(|id| (id, &retro.actions[&id]))
            .filter(|(_, a)| !a.description.value.trim().is_empty())
            .map(|(id, a)| ActionDigest {
                id,
                description: a.description.value.trim().to_string(),
                owner: a.owner.value.trim().to_string(),
                due: a.due.value,
                priority: a.priority.value,
                status: a.status.value,
                factors: a.factor_links.value.iter().map(|f| canonical(*f)).collect(),
            })
            .collect();
        RetroDigest {
            id: retro.id,
            written_title: retro.title.value.trim().to_string(),
            template: retro.template,
            date: start.time().map(|t| t.date()).unwrap_or_else(|| Date::from_unix_ms(retro.created_at, 0)),
            tags: retro.tags.value.clone(),
            severity: retro.severity.value,
            detection: retro.detection.value,
            time_to_detect: minutes(durations.time_to_detect),
            time_to_resolve: minutes(durations.time_to_resolve),
            factors,
            actions,
        }
    }
}

/// A register as written, its value only: the digest needs no clocks.
#[derive(Deserialize)]
struct Value<T> {
    v: T,
}

/// The parts of a stored document a digest needs; everything else is skipped unread.
#[derive(Deserialize)]
struct Written {
    id: Id,
    template: Template,
    created_at: i64,
    title: Value<String>,
    incident_start: Value<Option<LocalDateTime>>,
    incident_end: Value<Option<LocalDateTime>>,
    severity: Value<Option<Severity>>,
    detection: Value<Option<Detection>>,
    tags: Value<BTreeSet<String>>,
    #[serde(default)]
    timeline: BTreeMap<Id, WrittenEntry>,
    #[serde(default)]
    factors: BTreeMap<Id, WrittenFactor>,
    #[serde(default)]
    actions: BTreeMap<Id, WrittenAction>,
}

#[derive(Deserialize)]
struct WrittenEntry {
    when: Value<Option<LocalDateTime>>,
    kind: Value<EntryKind>,
    position: Value<f64>,
}

#[derive(Deserialize)]
struct WrittenFactor {
    statement: Value<String>,
    category: Value<Category>,
    position: Value<f64>,
    merged_into: Value<Option<Id>>,
    recurs: Value<BTreeSet<PastFactor>>,
}

#[derive(Deserialize)]
struct WrittenAction {
    description: Value<String>,
    owner: Value<String>,
    due: Value<Option<Date>>,
    priority: Value<Priority>,
    status: Value<ActionStatus>,
    factor_links: Value<BTreeSet<Id>>,
    position: Value<f64>,
}

impl RetroDigest {
    /// The digest read straight from `text`, a stored document of this schema, skipping what a
    /// digest does not need (why chains, accounts, learnings, every clock): about twice as fast
    /// as reading the whole document, which matters over hundreds of them. `None` for anything
    /// else — an older or newer schema, or text this reader does not follow — which the caller
    /// then reads the usual way, with every check.
    pub fn read(text: &str) -> Option<RetroDigest> {
        let head = format!("{{\"format\":\"{FORMAT}\",\"schema\":{SCHEMA},");
        if !text.starts_with(&head) {
            return None;
        }
        let w: Written = serde_json::from_str(text).ok()?;
        // A skeleton of the document with just these parts, so `of` stays the one place that
        // says what a digest is.
        let clock = Clock(1, Replica(0));
        let reg = |v| Register::new(v, clock);
        let mut r = Retrospective::new(w.id, w.template, "", &Writer::new(Replica(0), w.created_at));
        r.title = reg(w.title.v);
        r.incident_start = Register::new(w.incident_start.v, clock);
        r.incident_end = Register::new(w.incident_end.v, clock);
        r.severity = Register::new(w.severity.v, clock);
        r.detection = Register::new(w.detection.v, clock);
        r.tags = Register::new(w.tags.v, clock);
        for (id, e) in w.timeline {
            let mut entry = TimelineEntry::new(e.position.v, clock);
            entry.when = Register::new(e.when.v, clock);
            entry.kind = Register::new(e.kind.v, clock);
            r.timeline.insert(id, entry);
        }
        for (id, f) in w.factors {
            let mut factor = ContributingFactor::new(f.category.v, f.position.v, clock);
            factor.statement = Register::new(f.statement.v, clock);
            factor.merged_into = Register::new(f.merged_into.v, clock);
            factor.recurs = Register::new(f.recurs.v, clock);
            r.factors.insert(id, factor);
        }
        for (id, a) in w.actions {
            let mut action = ActionItem::new(a.position.v, clock);
            action.description = Register::new(a.description.v, clock);
            action.owner = Register::new(a.owner.v, clock);
            action.due = Register::new(a.due.v, clock);
            action.priority = Register::new(a.priority.v, clock);
            action.status = Register::new(a.status.v, clock);
            action.factor_links = Register::new(a.factor_links.v, clock);
            r.actions.insert(id, action);
        }
        Some(RetroDigest::of(&r))
    }
}
