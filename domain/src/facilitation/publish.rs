//! *Ready to publish?*: a checklist in the spirit of published postmortem review criteria,
//! each item read off the document. It says what is missing and where to add it; it never
//! blocks a write-up.

use crate::i18n::{tr, trn};
use crate::model::choice::choice;
use crate::model::retrospective::Retrospective;
use crate::model::steps::Step;
use crate::model::timeline::{incident_durations, incident_span, Derived};
use crate::tf;

choice! {
    /// One question of the checklist.
    PublishItem {
        Impact => ("impact", "Impact complete"),
        Timeline => ("timeline", "Timeline has detection and resolution"),
        KeyFactors => ("key_factors", "Key factors have actions or a decision"),
        Actions => ("actions", "Open actions have an owner and a due date"),
        Questions => ("questions", "Open questions have someone to follow up"),
        Accounts => ("accounts", "Accounts heard"),
    }
}

/// The answer to one item.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PublishCheck {
    /// Which item.
    pub item: PublishItem,
    /// Whether the document already answers it.
    pub ready: bool,
    /// What is there, or what is missing, in one sentence in the active language.
    pub detail: String,
    /// The step where it is added.
    pub step: Step,
}

/// The checklist for `retro`, in a fixed order.
pub fn publish_checklist(retro: &Retrospective) -> Vec<PublishCheck> {
    vec![impact(retro), timeline(retro), key_factors(retro), actions(retro), questions(retro), accounts(retro)]
}

fn check(item: PublishItem, step: Step, missing: Option<String>, ready: impl Into<String>) -> PublishCheck {
    let done = missing.is_none();
    let detail = missing.unwrap_or_else(|| ready.into());
    PublishCheck { item, ready: done, detail, step }
}

fn impact(r: &Retrospective) -> PublishCheck {
    let (started, ended) = incident_span(r.incident_start.value, r.incident_end.value, &r.timeline);
    let no_impact = r.impact.value.trim().is_empty();
    let no_severity = r.severity.value.is_none();
    let no_span = started.time().is_none() || ended.time().is_none();
    let missing = match (no_impact, no_severity, no_span) {
        (true, true, true) => Some(tr("Describe the impact, choose a severity and say when it started and ended.")),
        (true, true, false) => Some(tr("Describe the impact and choose a severity.")),
        (true, false, true) => Some(tr("Describe the impact and say when it started and ended.")),
        (false, true, true) => Some(tr("Choose a severity and say when it started and ended.")),
        (true, false, false) => Some(tr("Describe the impact.")),
        (false, true, false) => Some(tr("Choose a severity.")),
        (false, false, true) => Some(tr("Say when it started and ended.")),
        (false, false, false) => None,
    };
    check(PublishItem::Impact, Step::SetTheStage, missing.map(String::from), tr("Impact, severity, start and end are written down."))
}

fn timeline(r: &Retrospective) -> PublishCheck {
    let durations = incident_durations(&r.timeline);
    let no_detection = matches!(durations.time_to_detect, Derived::Missing(_));
    let no_resolution = matches!(durations.time_to_resolve, Derived::Missing(_));
    let missing = match (no_detection, no_resolution) {
        (true, true) => Some(tr("Mark a timed trigger, detection and resolution on the timeline.")),
        (true, false) => Some(tr("Mark a timed trigger and detection on the timeline.")),
        (false, true) => Some(tr("Mark a timed trigger and resolution on the timeline.")),
        (false, false) => None,
    };
    let ready =
        tf!("Detected after {detect}, resolved after {resolve}.", detect = durations.time_to_detect.describe(), resolve = durations.time_to_resolve.describe());
    check(PublishItem::Timeline, Step::WhatHappened, missing.map(String::from), ready)
}

fn key_factors(r: &Retrospective) -> PublishCheck {
    let addressed = r.addressed_factors();
    let key: Vec<_> = r.factor_order().into_iter().filter(|f| r.factors[f].key.value).collect();
    let open = key.iter().filter(|f| !addressed.contains(f) && r.factors[f].decision.value.trim().is_empty()).count();
    let missing = match (key.len(), open) {
        (0, _) => Some(tr("Mark the factors that matter most as key.").to_string()),
        (_, 0) => None,
        (_, 1) => Some(tr("Give the one open key factor an action or a decision.").to_string()),
        (_, n) => Some(tf!("Give {n} key factors an action or a decision.", n = n)),
    };
    let ready = trn("{n} key factor answered.", "{n} key factors answered.", key.len());
    check(PublishItem::KeyFactors, Step::Why, missing, ready)
}

fn actions(r: &Retrospective) -> PublishCheck {
    let open: Vec<_> = r.actions.values().filter(|a| a.status.value.is_open()).collect();
    let without_owner = open.iter().filter(|a| a.owner.value.trim().is_empty()).count();
    let without_due = open.iter().filter(|a| a.due.value.is_none()).count();
    let missing = match (r.actions.is_empty(), without_owner, without_due) {
        (true, _, _) => Some(tr("Agree on at least one action.").to_string()),
        (false, 0, 0) => None,
        (false, owners, 0) => Some(tf!("Open actions: {owners} without an owner.", owners = owners)),
        (false, 0, dates) => Some(tf!("Open actions: {dates} without a due date.", dates = dates)),
        (false, owners, dates) => Some(tf!("Open actions: {owners} without an owner and {dates} without a due date.", owners = owners, dates = dates)),
    };
    check(PublishItem::Actions, Step::Prevention, missing, tf!("{n} open, each with an owner and a due date.", n = open.len()))
}

fn questions(r: &Retrospective) -> PublishCheck {
    let without = r.questions.values().filter(|q| q.follow_up.value.trim().is_empty()).count();
    let missing = match without {
        0 => None,
        1 => Some(tr("Name who could find out for the one question without.").to_string()),
        n => Some(tf!("Name who could find out for {n} questions.", n = n)),
    };
    let ready = match r.questions.len() {
        0 => tr("No open questions.").to_string(),
        n => trn("{n} open question, each with someone to follow up.", "{n} open questions, each with someone to follow up.", n),
    };
    check(PublishItem::Questions, Step::Summary, missing, ready)
}

fn accounts(r: &Retrospective) -> PublishCheck {
    let missing = r.accounts.is_empty().then(|| tr("Ask the people involved for their accounts, in What happened.").to_string());
    check(PublishItem::Accounts, Step::WhatHappened, missing, trn("{n} account attached.", "{n} accounts attached.", r.accounts.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::model::actions::ActionField;
    use crate::model::factors::FactorField;
    use crate::model::ids::{Id, Replica};
    use crate::model::postmortem::Severity;
    use crate::model::questions::QuestionField;
    use crate::model::retrospective::{HeaderField, Writer};
    use crate::model::template::Template;
    use crate::model::time::{Date, LocalDateTime};
    use crate::model::timeline::{EntryKind, TimelineField};

    fn id(n: u8) -> Id {
        Id::from_random([n; 16])
    }

    fn ready(r: &Retrospective) -> Vec<(PublishItem, bool)> {
        publish_checklist(r).into_iter().map(|c| (c.item, c.ready)).collect()
    }

    #[test]
    fn an_empty_retrospective_says_what_each_item_lacks() {
        let w = Writer::new(Replica(1), 0);
        let r = Retrospective::new(id(1), Template::Incident, "t", &w);
        let list = publish_checklist(&r);
        assert!(list.iter().all(|c| !c.ready || c.item == PublishItem::Questions), "{list:?}");
        assert_eq!(list[0].detail, "Describe the impact, choose a severity and say when it started and ended.");
        assert_eq!(list[1].detail, "Mark a timed trigger, detection and resolution on the timeline.");
        assert_eq!(list[2].detail, "Mark the factors that matter most as key.");
        assert_eq!(list[3].detail, "Agree on at least one action.");
        assert_eq!(list[4].detail, "No open questions.");
        assert_eq!(list[5].step, Step::WhatHappened);
    }

    #[test]
    fn each_item_turns_ready_from_the_document() {
        let w = Writer::new(Replica(1), 0);
        let mut r = Retrospective::new(id(1), Template::Incident, "t", &w);
        r.apply(Edit::Header(HeaderField::Impact("Checkout failed".into())), &w);
        r.apply(Edit::Header(HeaderField::Severity(Some(Severity::Sev2))), &w);
        for (n, (time, kind)) in
            [("2026-11-20T14:00", EntryKind::Trigger), ("2026-11-20T14:09", EntryKind::Detection), ("2026-11-20T14:47", EntryKind::Resolution)]
                .into_iter()
                .enumerate()
        {
            let e = id(10 + n as u8);
            r.apply(Edit::AddTimelineEntry { id: e }, &w);
            r.apply(Edit::Timeline(e, TimelineField::When(LocalDateTime::parse(time))), &w);
            r.apply(Edit::Timeline(e, TimelineField::Kind(kind)), &w);
        }
        r.apply(Edit::AddFactor { id: id(2) }, &w);
        r.apply(Edit::Factor(id(2), FactorField::Key(true)), &w);
        r.apply(Edit::AddFactor { id: id(3) }, &w);
        r.apply(Edit::Factor(id(3), FactorField::Key(true)), &w);
        r.apply(Edit::AddAction { id: id(4) }, &w);
        r.apply(Edit::Action(id(4), ActionField::FactorLinks([id(2)].into())), &w);
        r.apply(Edit::AddQuestion { id: id(5), sources: vec![] }, &w);
        let list = publish_checklist(&r);
        assert_eq!(list[1].detail, "Detected after 9 min, resolved after 47 min.");
        assert_eq!(list[2].detail, "Give the one open key factor an action or a decision.");
        assert_eq!(list[3].detail, "Open actions: 1 without an owner and 1 without a due date.");
        assert_eq!(list[4].detail, "Name who could find out for the one question without.");
        r.apply(Edit::Factor(id(3), FactorField::Decision("A vendor limit we accept".into())), &w);
        r.apply(Edit::Action(id(4), ActionField::Owner("Payments team".into())), &w);
        r.apply(Edit::Action(id(4), ActionField::Due(Date::parse("2026-12-10"))), &w);
        r.apply(Edit::Question(id(5), QuestionField::FollowUp("database team".into())), &w);
        let expected: Vec<(PublishItem, bool)> = PublishItem::ALL.iter().map(|i| (*i, *i != PublishItem::Accounts)).collect();
        assert_eq!(ready(&r), expected);
    }
}
