//! What the home screen shows of a retrospective without opening it.

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
