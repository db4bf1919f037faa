//! What the home screen shows of a retrospective without opening it.

use crate::model::actions::{ActionKind, Priority};
use crate::model::ids::Id;
use crate::model::retrospective::Retrospective;
use crate::model::steps::Step;
use crate::model::template::Template;
use crate::model::time::Date;
use serde::{Deserialize, Serialize};

/// One retrospective as the home screen lists it, kept in the index so the list opens no document.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct RetroSummary {
    /// The retrospective's id.
    pub id: Id,
    /// Its title as written, empty when it has none; lists show [`Self::title`]. The stand-in
    /// for an empty title is not stored, so it follows the language the list is shown in.
    #[serde(rename = "title")]
    pub written_title: String,
    /// Its template's kind.
    pub template: Template,
    /// The name of the own template it was made from (schema 7); see [`Self::template_name`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_template: Option<String>,
    /// The day the incident started, if that was set.
    pub incident_date: Option<Date>,
    /// The step the group is on.
    pub step: Step,
    /// How many timeline entries it has.
    pub timeline: usize,
    /// How many contributing factors it has, merged duplicates included.
    pub factors: usize,
    /// How many action items it has.
    pub actions: usize,
    /// How many of those are open or in progress.
    pub open_actions: usize,
    /// Unix milliseconds of its latest edit, for sorting.
    pub updated_at: i64,
    /// The open actions themselves, for the home screen's list across retrospectives.
    #[serde(default)]
    pub open_action_items: Vec<OpenAction>,
    /// Its tags (schema 6), for the cards and for completing a tag being typed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// An action still open or in progress, as the home screen lists it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct OpenAction {
    /// The action's id in its retrospective.
    pub id: Id,
    /// What will change, trimmed.
    pub description: String,
    /// Who carries it, trimmed; empty when nobody does yet.
    pub owner: String,
    /// When it is due, if anyone said.
    pub due: Option<Date>,
    /// How urgent it is. Defaults keep index entries written before these fields readable: medium here.
    #[serde(default = "default_priority")]
    pub priority: Priority,
    /// What it does about the failure; "prevent" by default, as for `priority`.
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
    /// The name of the template it was made from: the own template's, else the kind's.
    pub fn template_name(&self) -> &str {
        self.own_template.as_deref().unwrap_or(self.template.label())
    }

    /// The title as lists show it, never empty: see [`Retrospective::display_title`].
    pub fn title(&self) -> &str {
        crate::model::retrospective::shown_title(&self.written_title)
    }

    /// The summary of `retro` as it stands.
    pub fn of(retro: &Retrospective) -> RetroSummary {
        RetroSummary {
            id: retro.id,
            written_title: retro.title.value.trim().to_string(),
            template: retro.template,
            own_template: retro.own_template.as_ref().map(|t| t.name.clone()),
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
            tags: retro.tags.value.iter().cloned().collect(),
        }
    }

    /// Case-insensitive match on the title, for the home screen's filter.
    pub fn matches(&self, filter: &str) -> bool {
        let filter = filter.trim().to_lowercase();
        filter.is_empty() || self.title().to_lowercase().contains(&filter)
    }
}

impl OpenAction {
    /// Open and past its due date (due today is not overdue, as in the Prevention checks).
    pub fn is_overdue(&self, today: Date) -> bool {
        self.due.is_some_and(|d| d.is_past(today))
    }
}

/// Open actions across retrospectives in the order they need attention: overdue and soonest
/// due first, undated last; the sort is stable, so ties keep their list order.
pub fn by_urgency<T>(rows: &mut [T], action: impl Fn(&T) -> &OpenAction) {
    crate::sorting::sort_by_key(rows, |row| {
        let due = action(row).due;
        (due.is_none(), due)
    });
}

/// Newest first; ties by title so the order is stable.
pub fn sort_newest_first(list: &mut [RetroSummary]) {
    crate::sorting::sort_by(list, |a, b| b.updated_at.cmp(&a.updated_at).then_with(|| a.title().cmp(b.title())));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::Replica;
    use crate::model::retrospective::Writer;

    #[test]
    fn an_untitled_retrospective_is_stored_without_a_title_and_shown_with_the_stand_in() {
        let w = Writer::new(Replica(1), 1);
        let retro = Retrospective::new(Id::from_random([4; 16]), Template::Incident, "  ", &w);
        let summary = RetroSummary::of(&retro);
        assert_eq!((summary.written_title.as_str(), summary.title()), ("", "Untitled retrospective"));
        // The stand-in is in the language on screen when shown, so the index keeps none.
        let stored = serde_json::to_string(&summary).unwrap();
        assert!(stored.contains("\"title\":\"\""), "{stored}");
        assert_eq!(serde_json::from_str::<RetroSummary>(&stored).unwrap(), summary);
    }

    fn action(n: u8, due: Option<&str>) -> OpenAction {
        OpenAction {
            id: Id::from_random([n; 16]),
            description: format!("action {n}"),
            owner: String::new(),
            due: due.map(|d| Date::parse(d).unwrap()),
            priority: Priority::Medium,
            kind: ActionKind::Prevent,
        }
    }

    #[test]
    fn open_actions_come_overdue_and_soonest_first_and_undated_last() {
        let mut rows = vec![action(1, None), action(2, Some("2026-12-09")), action(3, Some("2026-11-30")), action(4, None), action(5, Some("2026-12-01"))];
        by_urgency(&mut rows, |a| a);
        let order: Vec<u8> = rows.iter().map(|a| a.description.as_bytes()[7] - b'0').collect();
        assert_eq!(order, [3, 5, 2, 1, 4]);
        let today = Date::parse("2026-12-01").unwrap();
        assert!(rows[0].is_overdue(today));
        assert!(!rows[1].is_overdue(today), "due today is not overdue");
        assert!(!rows[3].is_overdue(today), "no date, never overdue");
    }
}
