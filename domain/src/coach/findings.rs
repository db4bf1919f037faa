//! The coach applied to a retrospective: which texts belong to which step, a stable key per
//! finding (so a dismissal survives edits elsewhere in the text), and the open findings.

use crate::coach::{review, Finding};
use crate::model::ids::Id;
use crate::model::retrospective::Retrospective;
use crate::model::steps::Step;
use std::collections::{BTreeSet, HashMap};
use std::fmt;

/// A text the coach reviews. Its key names it in dismissals, so the UI and the step counts
/// must build keys the same way: both go through this type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum CoachedField {
    /// The impact, in *Set the stage*.
    Impact,
    /// What a timeline entry says happened.
    TimelineWhat(Id),
    /// A contributing factor's statement.
    FactorStatement(Id),
    /// A why node's question.
    WhyQuestion(Id),
    /// A why node's answer.
    WhyAnswer(Id),
    /// An action item's description.
    ActionDescription(Id),
    /// A learning's text.
    Learning(Id),
    /// Why we were surprised, in *Summary*.
    Surprise,
    /// A factor's no-action decision.
    FactorDecision(Id),
}

impl fmt::Display for CoachedField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoachedField::Impact => write!(f, "impact"),
            CoachedField::TimelineWhat(id) => write!(f, "timeline:{id}:what"),
            CoachedField::FactorStatement(id) => write!(f, "factor:{id}:statement"),
            CoachedField::WhyQuestion(id) => write!(f, "why:{id}:question"),
            CoachedField::WhyAnswer(id) => write!(f, "why:{id}:answer"),
            CoachedField::ActionDescription(id) => write!(f, "action:{id}:description"),
            CoachedField::Learning(id) => write!(f, "learning:{id}"),
            CoachedField::Surprise => write!(f, "surprise"),
            CoachedField::FactorDecision(id) => write!(f, "factor:{id}:decision"),
        }
    }
}

/// The key a finding is dismissed under: where it is, which rule, and the words it matched.
pub fn finding_key(field_key: &str, text: &str, finding: &Finding) -> String {
    let matched = text.get(finding.start..finding.end).unwrap_or("").to_lowercase();
    format!("{field_key}|{}|{matched}", finding.rule)
}

/// Findings in one field that are not in `dismissed`, each with its key.
pub fn open_findings(field_key: &str, text: &str, dismissed: &BTreeSet<String>) -> Vec<(String, Finding)> {
    review(text).into_iter().map(|f| (finding_key(field_key, text, &f), f)).filter(|(key, _)| !dismissed.contains(key)).collect()
}

/// Every coached text of a step, with its field.
fn step_texts(retro: &Retrospective, step: Step) -> Vec<(CoachedField, &str)> {
    fn keyed(field: CoachedField, text: &str) -> (CoachedField, &str) {
        (field, text)
    }
    match step {
        Step::SetTheStage => vec![keyed(CoachedField::Impact, retro.impact.value.as_str())],
        Step::WhatHappened => retro.timeline.iter().map(|(id, e)| keyed(CoachedField::TimelineWhat(*id), &e.what.value)).collect(),
        Step::Why => {
            let factors = retro.factors.iter().map(|(id, f)| keyed(CoachedField::FactorStatement(*id), &f.statement.value));
            let questions = retro.whys.iter().map(|(id, n)| keyed(CoachedField::WhyQuestion(*id), &n.question.value));
            let answers = retro.whys.iter().map(|(id, n)| keyed(CoachedField::WhyAnswer(*id), &n.answer.value));
            let decisions = retro.factors.iter().map(|(id, f)| keyed(CoachedField::FactorDecision(*id), &f.decision.value));
            factors.chain(questions).chain(answers).chain(decisions).collect()
        }
        Step::Prevention => retro.actions.iter().map(|(id, a)| keyed(CoachedField::ActionDescription(*id), &a.description.value)).collect(),
        Step::Summary => {
            let learnings = retro.learnings.iter().map(|(id, l)| keyed(CoachedField::Learning(*id), &l.text.value));
            learnings.chain([keyed(CoachedField::Surprise, retro.surprise.value.as_str())]).collect()
        }
    }
}

/// How many findings in a step are still open: shown in the stepper.
pub fn open_findings_count(retro: &Retrospective, step: Step) -> usize {
    StepFindings::new(step).open_count(retro)
}

/// The open-finding count of one step, kept up to date cheaply: each text's review is
/// remembered, and only texts that changed since the last count are reviewed again. Counting
/// a 1,000-item retrospective from scratch after every save was most of a save's cost.
pub struct StepFindings {
    step: Step,
    /// Per field: the text last reviewed and the keys of its findings.
    reviewed: HashMap<CoachedField, (String, Vec<String>)>,
}

impl StepFindings {
    /// A count for `step` that has reviewed nothing yet.
    pub fn new(step: Step) -> Self {
        StepFindings { step, reviewed: HashMap::new() }
    }

    /// The step's open findings in `retro`, reviewing only the texts that changed since the last count.
    pub fn open_count(&mut self, retro: &Retrospective) -> usize {
        let dismissed = &retro.facilitation.dismissed;
        let mut reviewed = HashMap::with_capacity(self.reviewed.len());
        let mut open = 0;
        for (field, text) in step_texts(retro, self.step) {
            let entry = match self.reviewed.remove(&field) {
                Some(known) if known.0 == text => known,
                _ => {
                    let key = field.to_string();
                    (text.to_string(), review(text).iter().map(|f| finding_key(&key, text, f)).collect())
                }
            };
            open += entry.1.iter().filter(|k| !dismissed.contains(*k)).count();
            reviewed.insert(field, entry);
        }
        // Fields of deleted items are dropped with the old map.
        self.reviewed = reviewed;
        open
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Edit, Id, Replica, Template, TimelineField, Writer};

    #[test]
    fn findings_are_counted_per_step_and_dismissals_stick() {
        let w = Writer::new(Replica(1), 0);
        let id = Id::from_random([2; 16]);
        let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "t", &w);
        r.apply(Edit::AddTimelineEntry { id }, &w);
        let text = "Sam should have checked. It was human error.";
        r.apply(Edit::Timeline(id, TimelineField::What(text.into())), &w);
        assert_eq!(open_findings_count(&r, Step::WhatHappened), 2);
        assert_eq!(open_findings_count(&r, Step::Why), 0);
        let key = CoachedField::TimelineWhat(id).to_string();
        let first = &review(text)[0];
        r.apply(Edit::DismissFinding(finding_key(&key, text, first)), &w);
        assert_eq!(open_findings_count(&r, Step::WhatHappened), 1);
        // Editing other words keeps the dismissal; the same words elsewhere are a new finding.
        let edited = "Earlier that day Sam should have checked. It was human error.";
        r.apply(Edit::Timeline(id, TimelineField::What(edited.into())), &w);
        assert_eq!(open_findings_count(&r, Step::WhatHappened), 1);
    }

    #[test]
    fn a_kept_count_follows_edits_dismissals_and_deletions() {
        let w = Writer::new(Replica(1), 0);
        let (a, b) = (Id::from_random([2; 16]), Id::from_random([3; 16]));
        let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "t", &w);
        let mut kept = StepFindings::new(Step::WhatHappened);
        assert_eq!(kept.open_count(&r), 0);
        r.apply(Edit::AddTimelineEntry { id: a }, &w);
        r.apply(Edit::AddTimelineEntry { id: b }, &w);
        r.apply(Edit::Timeline(a, TimelineField::What("It was human error.".into())), &w);
        assert_eq!(kept.open_count(&r), 1);
        r.apply(Edit::Timeline(b, TimelineField::What("Sam should have checked.".into())), &w);
        assert_eq!(kept.open_count(&r), 2);
        let text = r.timeline[&b].what.value.clone();
        let key = finding_key(&CoachedField::TimelineWhat(b).to_string(), &text, &review(&text)[0]);
        r.apply(Edit::DismissFinding(key), &w);
        assert_eq!(kept.open_count(&r), 1);
        r.apply(Edit::Timeline(a, TimelineField::What("The alert fired at 02:10.".into())), &w);
        assert_eq!(kept.open_count(&r), 0);
        r.apply(Edit::Timeline(a, TimelineField::What("It was human error.".into())), &w);
        r.apply(Edit::Delete(a), &w);
        assert_eq!(kept.open_count(&r), 0);
        assert_eq!(kept.open_count(&r), open_findings_count(&r, Step::WhatHappened));
    }
}
