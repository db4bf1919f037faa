//! What the home screen shows of a retrospective without opening it.

use super::actions::{ActionKind, Priority};
use super::ids::Id;
use super::retrospective::Retrospective;
use super::steps::Step;
use super::template::Template;
use super::time::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct RetroSummary {
    pub id: Id,
    pub title: String,
    pub template: Template,
    pub incident_date: Option<Date>,
    pub step: Step,
    pub timeline: usize,
    pub factors: usize,
    pub actions: usize,
    pub open_actions: usize,
    pub updated_at: i64,
    /// The open actions themselves, for the home screen's list across retrospectives.
    #[serde(default)]
    pub open_action_items: Vec<OpenAction>,
}

/// An action still open or in progress, as the home screen lists it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct OpenAction {
    pub id: Id,
    pub description: String,
    pub owner: String,
    pub due: Option<Date>,
    /// Defaults keep index entries written before these fields readable.
    #[serde(default = "default_priority")]
    pub priority: Priority,
    #[serde(default = "default_kind")]
    pub kind: ActionKind,
}

fn default_priority() -> Priority {
    Priority::Medium
}

fn default_kind() -> ActionKind {
    ActionKind::Prevent
}

impl RetroSummary {
    pub fn of(retro: &Retrospective) -> RetroSummary {
        RetroSummary {
            id: retro.id,
            title: retro.display_title().to_string(),
            template: retro.template,
            incident_date: retro.incident_start.value.map(|t| t.date()),
            step: retro.step.value,
            timeline: retro.timeline.len(),
            factors: retro.factors.len(),
            actions: retro.actions.len(),
            open_actions: retro.actions.values().filter(|a| a.status.value.is_open()).count(),
            updated_at: retro.updated_at,
            open_action_items: retro
                .action_order()
                .into_iter()
                .filter(|id| retro.actions[id].status.value.is_open())
                .map(|id| {
                    let a = &retro.actions[&id];
                    OpenAction {
                        id,
                        description: a.description.value.trim().to_string(),
                        owner: a.owner.value.trim().to_string(),
                        due: a.due.value,
                        priority: a.priority.value,
                        kind: a.kind.value,
                    }
                })
                .collect(),
        }
    }

    /// Case-insensitive match on the title, for the home screen's filter.
    pub fn matches(&self, filter: &str) -> bool {
        let filter = filter.trim().to_lowercase();
        filter.is_empty() || self.title.to_lowercase().contains(&filter)
    }
}

/// Newest first; ties by title so the order is stable.
pub fn sort_newest_first(list: &mut [RetroSummary]) {
    list.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then_with(|| a.title.cmp(&b.title)));
}
