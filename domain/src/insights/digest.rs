//! What the insights read of one retrospective: a few hundred bytes in place of the document,
//! so the storage layer can keep one per stored retrospective in memory and the insights over
//! hundreds of them are a walk over small values.

use crate::model::actions::{ActionStatus, Priority};
use crate::model::factors::{Category, PastFactor};
use crate::model::ids::Id;
use crate::model::postmortem::{Detection, Severity};
use crate::model::retrospective::Retrospective;
use crate::model::template::Template;
use crate::model::time::Date;
use crate::model::timeline::{incident_durations, incident_span, Derived};
use std::collections::BTreeSet;

/// One retrospective as the insights see it.
#[derive(Clone, PartialEq, Debug)]
pub struct RetroDigest {
    /// The retrospective's id.
    pub id: Id,
    /// Its title as lists show it.
    pub title: String,
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
            .map(|(id, f)| FactorDigest { id, statement: f.statement.value.trim().to_string(), category: f.category.value, recurs: f.recurs.value.clone() })
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
            title: retro.display_title().to_string(),
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
