//! Own templates meeting retrospectives: starting one from a template (the template copied in,
//! its timeboxes set and its starter items added, each as an ordinary edit), and saving one as a
//! template.

use crate::change::edit::Edit;
use crate::model::actions::ActionField;
use crate::model::factors::FactorField;
use crate::model::ids::Id;
use crate::model::own_template::{clip, OwnTemplate, Starters, StepWords, NAME_MAX, STARTERS_MAX};
use crate::model::postmortem::Severity;
use crate::model::retrospective::{Retrospective, Writer};
use crate::model::settings::default_minutes;
use crate::model::steps::Step;
use crate::model::timeline::TimelineField;
use crate::model::timer::Timer;

impl OwnTemplate {
    /// A new retrospective made from this template: a copy of the template kept with it, the
    /// timeboxes set and the starter items added.
    pub fn start(&self, id: Id, title: &str, writer: &Writer, mut next_id: impl FnMut() -> Id) -> Retrospective {
        let mut retro = Retrospective::new(id, self.kind, title, writer);
        retro.own_template = Some(self.clone());
        for (step, minutes) in &self.timeboxes {
            if *minutes != default_minutes(*step) {
                retro.apply(Edit::SetTimer(*step, Timer::minutes(*minutes)), writer);
            }
        }
        for text in &self.starters.timeline {
            let id = next_id();
            retro.apply(Edit::AddTimelineEntry { id }, writer);
            retro.apply(Edit::Timeline(id, TimelineField::What(text.clone())), writer);
        }
        for text in &self.starters.factors {
            let id = next_id();
            retro.apply(Edit::AddFactor { id }, writer);
            retro.apply(Edit::Factor(id, FactorField::Statement(text.clone())), writer);
        }
        for text in &self.starters.actions {
            let id = next_id();
            retro.apply(Edit::AddAction { id }, writer);
            retro.apply(Edit::Action(id, ActionField::Description(text.clone())), writer);
        }
        retro
    }
    /// "Save as template": the words `retro` shows, its timeboxes and, when `with_items`, the
    /// texts of its timeline entries, factors and actions as starter items (at most
    /// [`STARTERS_MAX`] of each, the empty ones left out).
    pub fn from_retrospective(retro: &Retrospective, name: &str, id: Id, now_ms: i64, with_items: bool) -> OwnTemplate {
        let starters = if with_items {
            let texts = |items: Vec<String>| items.into_iter().filter(|t| !t.trim().is_empty()).take(STARTERS_MAX).collect();
            Starters {
                timeline: texts(retro.timeline_order().iter().map(|id| retro.timeline[id].what.value.clone()).collect()),
                factors: texts(retro.factor_order().iter().map(|id| retro.factors[id].statement.value.clone()).collect()),
                actions: texts(retro.action_order().iter().map(|id| retro.actions[id].description.value.clone()).collect()),
            }
        } else {
            Starters::default()
        };
        OwnTemplate {
            id,
            name: clip(name.trim(), NAME_MAX),
            description: retro.own_template.as_ref().map(|t| t.description.clone()).unwrap_or_else(|| retro.template.description().to_string()),
            kind: retro.template,
            steps: Step::ALL.iter().map(|s| (*s, StepWords::from(retro.step_copy(*s)))).collect(),
            categories: retro.suggested_categories().to_vec(),
            agreement: retro.agreement().to_string(),
            severities: Severity::ALL.iter().map(|s| (*s, retro.severity_definition(*s).to_string())).collect(),
            timeboxes: Step::ALL.iter().map(|s| (*s, retro.facilitation.timer(*s).total_minutes())).collect(),
            starters,
            updated_at: now_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::factors::Category;
    use crate::model::ids::Replica;
    use crate::model::own_template::TEXT_MAX;
    use crate::model::template::{Template, BLAMELESS_AGREEMENT};

    fn ids() -> impl FnMut() -> Id {
        let mut n = 100u8;
        move || {
            n += 1;
            Id::from_random([n; 16])
        }
    }

    fn team_template() -> OwnTemplate {
        let mut t = OwnTemplate::copy_of(Template::Incident, Id::from_random([7; 16]), 1_000);
        t.name = "Payments incident".into();
        t.steps.get_mut(&Step::WhatHappened).unwrap().placeholder = "What did the payment dashboards show?".into();
        t.categories = vec![Category::Communication, Category::Technical];
        t.agreement = "We look at the system, not at people.".into();
        t.severities.insert(Severity::Sev1, "Card payments fail for more than 5% of shoppers.".into());
        t.timeboxes.insert(Step::Why, 25);
        t.starters.timeline = vec!["Alert fired".into()];
        t.starters.actions = vec!["Review the payment runbook".into()];
        t
    }

    #[test]
    fn a_retrospective_from_an_own_template_shows_its_words_and_starts_with_its_items() {
        let w = Writer::new(Replica(1), 5_000);
        let t = team_template();
        let r = t.start(Id::from_random([1; 16]), "Card declines", &w, ids());
        assert_eq!(r.template_name(), "Payments incident");
        assert_eq!(r.step_copy(Step::WhatHappened).placeholder, "What did the payment dashboards show?");
        assert_eq!(r.step_copy(Step::Why), Template::Incident.copy(Step::Why));
        assert_eq!(r.suggested_categories(), &[Category::Communication, Category::Technical]);
        assert_eq!(r.agreement(), "We look at the system, not at people.");
        assert_eq!(r.severity_definition(Severity::Sev1), "Card payments fail for more than 5% of shoppers.");
        assert_eq!(r.severity_definition(Severity::Sev2), Severity::Sev2.definition());
        assert_eq!(r.facilitation.timer(Step::Why).total_minutes(), 25);
        assert_eq!(r.facilitation.timer(Step::WhatHappened).total_minutes(), default_minutes(Step::WhatHappened));
        let entry = r.timeline_order()[0];
        assert_eq!(r.timeline[&entry].what.value, "Alert fired");
        assert_eq!(r.actions.values().next().unwrap().description.value, "Review the payment runbook");
        assert!(r.factors.is_empty());
    }

    #[test]
    fn saving_a_retrospective_as_a_template_and_starting_from_it_gives_the_same_words() {
        let w = Writer::new(Replica(1), 5_000);
        let first = team_template().start(Id::from_random([1; 16]), "Card declines", &w, ids());
        let saved = OwnTemplate::from_retrospective(&first, "  Second  ", Id::from_random([9; 16]), 9_000, true);
        assert_eq!(saved.name, "Second");
        assert_eq!(saved.kind, Template::Incident);
        assert_eq!(saved.starters.timeline, vec!["Alert fired".to_string()]);
        let second = saved.start(Id::from_random([2; 16]), "Again", &w, ids());
        for step in Step::ALL {
            assert_eq!(second.step_copy(*step), first.step_copy(*step));
            assert_eq!(second.facilitation.timer(*step).total_minutes(), first.facilitation.timer(*step).total_minutes());
        }
        assert_eq!(second.agreement(), first.agreement());
        assert_eq!(second.suggested_categories(), first.suggested_categories());
        let without = OwnTemplate::from_retrospective(&first, "x", Id::from_random([9; 16]), 9_000, false);
        assert!(without.starters.is_empty());
    }

    #[test]
    fn a_built_in_retrospective_reads_its_kind_and_a_copy_of_the_kind_changes_nothing() {
        let w = Writer::new(Replica(1), 5_000);
        let plain = Retrospective::new(Id::from_random([1; 16]), Template::Project, "t", &w);
        let copied = OwnTemplate::copy_of(Template::Project, Id::from_random([3; 16]), 0).start(Id::from_random([1; 16]), "t", &w, ids());
        for step in Step::ALL {
            assert_eq!(plain.step_copy(*step), copied.step_copy(*step));
        }
        assert_eq!(plain.agreement(), BLAMELESS_AGREEMENT);
        assert_eq!(plain.template_name(), Template::Project.label());
        assert_eq!(copied.facilitation.timers.len(), 0, "default timeboxes are not written");
    }

    #[test]
    fn tidy_keeps_a_hostile_template_within_the_editor_limits() {
        let mut t = team_template();
        t.name = "n".repeat(500);
        t.agreement = "é".repeat(5_000);
        t.categories = vec![Category::Process, Category::Process];
        t.timeboxes.insert(Step::Summary, 10_000);
        t.starters.factors = vec!["f".into(); 80];
        let changed = t.tidy();
        assert_eq!(t.name.chars().count(), NAME_MAX);
        assert_eq!(t.agreement.chars().count(), TEXT_MAX);
        assert_eq!(t.categories, vec![Category::Process]);
        assert_eq!(t.timeboxes[&Step::Summary], 180);
        assert_eq!(t.starters.factors.len(), STARTERS_MAX);
        assert_eq!(changed.len(), 4, "{changed:?}");
        t.categories.clear();
        t.tidy();
        assert_eq!(t.categories, Template::Incident.suggested_categories());
        assert!(team_template().tidy().is_empty());
    }
}
