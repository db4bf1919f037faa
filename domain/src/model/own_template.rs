//! Templates people write for themselves (#18): the words each step shows, the factor
//! categories offered first, the agreement read out at the start, what each severity level
//! means, the timebox of each step and, if wanted, items every retrospective starts with.
//!
//! A template is copied into each retrospective made from it ([`Retrospective::own_template`]),
//! so the retrospective reads the same after the template is edited, deleted or never had by
//! whoever opens a link to it. The built-in kinds ([`Template`]) stay read-only; a copy of one
//! is an own template like any other.

use crate::change::edit::Edit;
use crate::model::actions::ActionField;
use crate::model::factors::{Category, FactorField};
use crate::model::ids::Id;
use crate::model::postmortem::Severity;
use crate::model::retrospective::{Retrospective, Writer};
use crate::model::settings::default_minutes;
use crate::model::steps::Step;
use crate::model::template::{StepCopy, Template, BLAMELESS_AGREEMENT};
use crate::model::timeline::TimelineField;
use crate::model::timer::{Timer, CUSTOM_MINUTES};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest name, in characters.
pub const NAME_MAX: usize = 120;
/// Longest prompt, hint, description or agreement, in characters.
pub const TEXT_MAX: usize = 2_000;
/// Most starter items in one list.
pub const STARTERS_MAX: usize = 50;

/// A template someone wrote, or copied from a built-in one and changed.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct OwnTemplate {
    /// Names it in storage and in the retrospectives made from it; kept when it travels as a file.
    pub id: Id,
    /// What people pick it by: "Payments incident".
    pub name: String,
    /// A sentence on what it is for, shown beside its name when a retrospective is created.
    pub description: String,
    /// The built-in kind it builds on: the facilitator's guide follows it, and Insights and the
    /// list file its retrospectives under it.
    pub kind: Template,
    /// What each step shows; a step left out shows the built-in kind's words.
    pub steps: BTreeMap<Step, StepWords>,
    /// The factor categories offered first, in this order; never empty.
    pub categories: Vec<Category>,
    /// Read out before the retrospective starts.
    pub agreement: String,
    /// What each severity level means for this team; a level left out keeps its usual meaning.
    pub severities: BTreeMap<Severity, String>,
    /// The timebox of each step, in minutes; a step left out keeps its default.
    pub timeboxes: BTreeMap<Step, u32>,
    /// Items every retrospective made from it starts with.
    pub starters: Starters,
    /// Unix milliseconds of the last change, shown in the list and used to tell two files apart.
    pub updated_at: i64,
}

/// The words one step shows; see [`StepCopy`].
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct StepWords {
    /// What the step collects; empty shows the built-in kind's words.
    pub purpose: String,
    /// An example of a good item (the hint in the empty state); empty as above.
    pub example: String,
    /// The main field's placeholder; empty as above.
    pub placeholder: String,
}

/// Items a retrospective starts with, one text each.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct Starters {
    /// Timeline entries, with no time set.
    pub timeline: Vec<String>,
    /// Contributing factors, in the first category offered.
    pub factors: Vec<String>,
    /// Action items, open, with no owner or date.
    pub actions: Vec<String>,
}

impl Starters {
    /// How many items there are in all three lists.
    pub fn len(&self) -> usize {
        self.timeline.len() + self.factors.len() + self.actions.len()
    }

    /// True when no list holds an item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl OwnTemplate {
    /// An editable copy of a built-in kind, with all its words.
    pub fn copy_of(kind: Template, id: Id, now_ms: i64) -> OwnTemplate {
        OwnTemplate {
            id,
            name: format!("{} (copy)", kind.label()),
            description: kind.description().to_string(),
            kind,
            steps: Step::ALL.iter().map(|s| (*s, StepWords::from(kind.copy(*s)))).collect(),
            categories: kind.suggested_categories().to_vec(),
            agreement: BLAMELESS_AGREEMENT.to_string(),
            severities: Severity::ALL.iter().map(|s| (*s, s.definition().to_string())).collect(),
            timeboxes: Step::ALL.iter().map(|s| (*s, default_minutes(*s))).collect(),
            starters: Starters::default(),
            updated_at: now_ms,
        }
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

    /// The words `step` shows: this template's, or the built-in kind's where it has none.
    pub fn step_copy(&self, step: Step) -> StepCopy<'_> {
        let fallback = self.kind.copy(step);
        match self.steps.get(&step) {
            Some(w) => StepCopy {
                purpose: or(&w.purpose, fallback.purpose),
                example: or(&w.example, fallback.example),
                placeholder: or(&w.placeholder, fallback.placeholder),
            },
            None => fallback,
        }
    }

    /// Brings a template read from a file or storage within the limits the editor keeps:
    /// texts clipped, lists capped, timeboxes in the timer's range, at least one category,
    /// each category once. Returns what it had to change, for the message shown on import.
    pub fn tidy(&mut self) -> Vec<&'static str> {
        let mut changed = Vec::new();
        let mut note = |did: bool, what| {
            if did && !changed.contains(&what) {
                changed.push(what);
            }
        };
        note(clip_in_place(&mut self.name, NAME_MAX), "a name that was too long was shortened");
        let mut long = clip_in_place(&mut self.description, TEXT_MAX) | clip_in_place(&mut self.agreement, TEXT_MAX);
        for w in self.steps.values_mut() {
            for text in [&mut w.purpose, &mut w.example, &mut w.placeholder] {
                long |= clip_in_place(text, TEXT_MAX);
            }
        }
        for text in self.severities.values_mut() {
            long |= clip_in_place(text, TEXT_MAX);
        }
        for list in [&mut self.starters.timeline, &mut self.starters.factors, &mut self.starters.actions] {
            note(list.len() > STARTERS_MAX, "starter items beyond 50 a list were left out");
            list.truncate(STARTERS_MAX);
            for text in list.iter_mut() {
                long |= clip_in_place(text, TEXT_MAX);
            }
        }
        note(long, "texts over 2,000 characters were shortened");
        let before = self.timeboxes.clone();
        for minutes in self.timeboxes.values_mut() {
            *minutes = (*minutes).clamp(*CUSTOM_MINUTES.start(), *CUSTOM_MINUTES.end());
        }
        note(before != self.timeboxes, "timeboxes were brought within 1 to 180 minutes");
        let mut seen = Vec::new();
        self.categories.retain(|c| {
            !seen.contains(c) && {
                seen.push(*c);
                true
            }
        });
        if self.categories.is_empty() {
            self.categories = self.kind.suggested_categories().to_vec();
            note(true, "a template without categories got its kind's");
        }
        if self.name.trim().is_empty() {
            self.name = "Untitled template".to_string();
        }
        changed
    }
}

impl<'a> From<StepCopy<'a>> for StepWords {
    fn from(copy: StepCopy<'a>) -> Self {
        StepWords { purpose: copy.purpose.to_string(), example: copy.example.to_string(), placeholder: copy.placeholder.to_string() }
    }
}

/// What a retrospective shows, from its own template when it was made from one, else from its
/// built-in kind. The UI and the write-ups ask here, never the kind directly.
impl Retrospective {
    /// The words `step` shows.
    pub fn step_copy(&self, step: Step) -> StepCopy<'_> {
        match &self.own_template {
            Some(t) => t.step_copy(step),
            None => self.template.copy(step),
        }
    }

    /// The factor categories offered first; never empty.
    pub fn suggested_categories(&self) -> &[Category] {
        match &self.own_template {
            Some(t) if !t.categories.is_empty() => &t.categories,
            _ => self.template.suggested_categories(),
        }
    }

    /// The agreement read out before the retrospective starts.
    pub fn agreement(&self) -> &str {
        self.own_template.as_ref().map(|t| t.agreement.as_str()).filter(|a| !a.trim().is_empty()).unwrap_or(BLAMELESS_AGREEMENT)
    }

    /// What `level` means in this retrospective.
    pub fn severity_definition(&self, level: Severity) -> &str {
        self.own_template.as_ref().and_then(|t| t.severities.get(&level)).map(String::as_str).filter(|d| !d.trim().is_empty()).unwrap_or(level.definition())
    }

    /// The name of the template it was made from: its own template's, or the built-in kind's.
    pub fn template_name(&self) -> &str {
        self.own_template.as_ref().map(|t| t.name.as_str()).unwrap_or(self.template.label())
    }
}

fn or<'a>(own: &'a str, fallback: &'a str) -> &'a str {
    if own.trim().is_empty() {
        fallback
    } else {
        own
    }
}

fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Shortens `text` to `max` characters; true when it had to.
fn clip_in_place(text: &mut String, max: usize) -> bool {
    match text.char_indices().nth(max) {
        Some((cut, _)) => {
            text.truncate(cut);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::Replica;

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
