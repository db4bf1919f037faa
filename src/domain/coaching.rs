//! The coach applied to a retrospective: which texts belong to which step, a stable key per
//! finding (so a dismissal survives edits elsewhere in the text), and the open findings.

use super::coach::{review, Finding};
use super::retrospective::Retrospective;
use super::steps::Step;

/// The key a finding is dismissed under: where it is, which rule, and the words it matched.
pub fn finding_key(field_key: &str, text: &str, finding: &Finding) -> String {
    let matched = text.get(finding.start..finding.end).unwrap_or("").to_lowercase();
    format!("{field_key}|{}|{matched}", finding.rule)
}

/// Findings in one field that the group has not dismissed.
pub fn open_findings_in(retro: &Retrospective, field_key: &str, text: &str) -> Vec<Finding> {
    review(text)
        .into_iter()
        .filter(|f| !retro.facilitation.dismissed.contains(&finding_key(field_key, text, f)))
        .collect()
}

/// Every coached text of a step, with its field key.
pub fn step_texts(retro: &Retrospective, step: Step) -> Vec<(String, &str)> {
    match step {
        Step::SetTheStage => vec![("impact".to_string(), retro.impact.value.as_str())],
        Step::WhatHappened => retro.timeline.iter().map(|(id, e)| (format!("timeline:{id}:what"), e.what.value.as_str())).collect(),
        Step::Why => {
            let factors = retro.factors.iter().map(|(id, f)| (format!("factor:{id}:statement"), f.statement.value.as_str()));
            let questions = retro.whys.iter().map(|(id, n)| (format!("why:{id}:question"), n.question.value.as_str()));
            let answers = retro.whys.iter().map(|(id, n)| (format!("why:{id}:answer"), n.answer.value.as_str()));
            factors.chain(questions).chain(answers).collect()
        }
        Step::Prevention => retro.actions.iter().map(|(id, a)| (format!("action:{id}:description"), a.description.value.as_str())).collect(),
        Step::Summary => retro.learnings.iter().map(|(id, l)| (format!("learning:{id}"), l.text.value.as_str())).collect(),
    }
}

/// How many findings in a step are still open: shown in the stepper.
pub fn open_findings_count(retro: &Retrospective, step: Step) -> usize {
    step_texts(retro, step).iter().map(|(key, text)| open_findings_in(retro, key, text).len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Edit, Id, Replica, Template, TimelineField, Writer};

    #[test]
    fn findings_are_counted_per_step_and_dismissals_stick() {
        let w = Writer { replica: Replica(1), now_ms: 0 };
        let id = Id::from_random([2; 16]);
        let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "t", &w);
        r.apply(Edit::AddTimelineEntry { id }, &w);
        let text = "Sam should have checked. It was human error.";
        r.apply(Edit::Timeline(id, TimelineField::What(text.into())), &w);
        assert_eq!(open_findings_count(&r, Step::WhatHappened), 2);
        assert_eq!(open_findings_count(&r, Step::Why), 0);
        let key = format!("timeline:{id}:what");
        let first = &review(text)[0];
        r.apply(Edit::DismissFinding(finding_key(&key, text, first)), &w);
        assert_eq!(open_findings_count(&r, Step::WhatHappened), 1);
        // Editing other words keeps the dismissal; the same words elsewhere are a new finding.
        let edited = "Earlier that day Sam should have checked. It was human error.";
        r.apply(Edit::Timeline(id, TimelineField::What(edited.into())), &w);
        assert_eq!(open_findings_count(&r, Step::WhatHappened), 1);
    }
}
