//! Checks shown to the facilitator in *Prevention*. They point at gaps; they never block.

use crate::i18n::tr;
use crate::model::ids::Id;
use crate::model::retrospective::Retrospective;
use crate::model::time::Date;
use crate::tf;

/// One gap in *Prevention*, naming the item it is about.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Check {
    /// A factor marked as key that no action addresses and no decision explains.
    KeyFactorWithoutAction {
        /// The key factor.
        factor: Id,
    },
    /// An open action that nobody carries yet.
    ActionWithoutOwner {
        /// The action without an owner.
        action: Id,
    },
    /// An open action with no due date.
    ActionWithoutDueDate {
        /// The action without a due date.
        action: Id,
    },
    /// Open or in progress, and its due date has passed.
    OverdueAction {
        /// The overdue action.
        action: Id,
        /// The date it was due.
        due: Date,
    },
}

impl Check {
    /// One sentence for the facilitator, in the active language; `name` is the item's text,
    /// already shortened.
    pub fn message(&self, name: &str) -> String {
        match self {
            Check::KeyFactorWithoutAction { .. } => tf!("Key factor “{name}” has no action yet.", name = name),
            Check::ActionWithoutOwner { .. } => tf!("“{name}” has no owner.", name = name),
            Check::ActionWithoutDueDate { .. } => tf!("“{name}” has no due date.", name = name),
            Check::OverdueAction { due, .. } => {
                tf!("“{name}” was due on {date} and is still open.", name = name, date = due.shown())
            }
        }
    }
}

/// Every check that applies today, in the order the items are listed.
pub fn prevention_checks(retro: &Retrospective, today: Date) -> Vec<Check> {
    let mut checks = vec![];
    let addressed = retro.addressed_factors();
    for factor in retro.factor_order() {
        // An explicit decision that no action is needed answers a key factor as an action does.
        let decided = !retro.factors[&factor].decision.value.trim().is_empty();
        if retro.factors[&factor].key.value && !addressed.contains(&factor) && !decided {
            checks.push(Check::KeyFactorWithoutAction { factor });
        }
    }
    for action in retro.action_order() {
        let item = &retro.actions[&action];
        if !item.status.value.is_open() {
            continue;
        }
        if item.owner.value.trim().is_empty() {
            checks.push(Check::ActionWithoutOwner { action });
        }
        match item.due.value {
            None => checks.push(Check::ActionWithoutDueDate { action }),
            Some(due) if due.is_past(today) => checks.push(Check::OverdueAction { action, due }),
            Some(_) => {}
        }
    }
    checks
}

/// Shortens item text for a message: first line, at most `max` characters.
pub fn short_name(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        return tr("Untitled item").to_string();
    }
    if line.chars().count() <= max {
        line.to_string()
    } else {
        format!("{}…", line.chars().take(max).collect::<String>().trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::model::actions::{ActionField, ActionStatus};
    use crate::model::factors::FactorField;
    use crate::model::ids::Replica;
    use crate::model::retrospective::Writer;
    use crate::model::template::Template;
    use std::collections::BTreeSet;

    #[test]
    fn checks_find_unaddressed_key_factors_and_incomplete_or_late_actions() {
        let w = Writer::new(Replica(1), 0);
        let id = |n: u8| Id::from_random([n; 16]);
        let mut r = Retrospective::new(id(1), Template::Incident, "t", &w);
        let today = Date::parse("2026-11-25").unwrap();
        r.apply(Edit::AddFactor { id: id(2) }, &w);
        r.apply(Edit::Factor(id(2), FactorField::Key(true)), &w);
        r.apply(Edit::AddFactor { id: id(3) }, &w); // not key: no check
        r.apply(Edit::AddAction { id: id(4) }, &w);
        assert_eq!(
            prevention_checks(&r, today),
            vec![Check::KeyFactorWithoutAction { factor: id(2) }, Check::ActionWithoutOwner { action: id(4) }, Check::ActionWithoutDueDate { action: id(4) },]
        );
        r.apply(Edit::Action(id(4), ActionField::FactorLinks(BTreeSet::from([id(2)]))), &w);
        r.apply(Edit::Action(id(4), ActionField::Owner("Platform team".into())), &w);
        let yesterday = Date::parse("2026-11-24").unwrap();
        r.apply(Edit::Action(id(4), ActionField::Due(Some(yesterday))), &w);
        assert_eq!(prevention_checks(&r, today), vec![Check::OverdueAction { action: id(4), due: yesterday }]);
        r.apply(Edit::Action(id(4), ActionField::Due(Some(today))), &w);
        assert!(prevention_checks(&r, today).is_empty(), "due today is not overdue");
        r.apply(Edit::Action(id(4), ActionField::Due(Some(yesterday))), &w);
        r.apply(Edit::Action(id(4), ActionField::Status(ActionStatus::Done)), &w);
        assert!(prevention_checks(&r, today).is_empty(), "done actions are not nagged");
    }

    #[test]
    fn a_key_factor_whose_merged_duplicate_has_an_action_raises_no_check() {
        let w = Writer::new(Replica(1), 0);
        let id = |n: u8| Id::from_random([n; 16]);
        let today = Date::parse("2026-11-25").unwrap();
        let mut r = Retrospective::new(id(1), Template::Incident, "t", &w);
        r.apply(Edit::AddFactor { id: id(2) }, &w);
        r.apply(Edit::Factor(id(2), FactorField::Key(true)), &w);
        r.apply(Edit::AddFactor { id: id(3) }, &w);
        r.apply(Edit::AddAction { id: id(4) }, &w);
        r.apply(Edit::Action(id(4), ActionField::Owner("Storage team".into())), &w);
        r.apply(Edit::Action(id(4), ActionField::Due(Some(today))), &w);
        r.apply(Edit::Action(id(4), ActionField::FactorLinks(BTreeSet::from([id(3)]))), &w);
        assert_eq!(prevention_checks(&r, today), vec![Check::KeyFactorWithoutAction { factor: id(2) }]);
        r.apply(Edit::MergeFactor { duplicate: id(3), into: id(2) }, &w);
        assert!(r.is_addressed(id(2)) && r.is_addressed(id(3)));
        assert!(prevention_checks(&r, today).is_empty(), "the duplicate's action addresses the key factor");
        r.apply(Edit::SeparateFactor(id(3)), &w);
        assert!(!r.is_addressed(id(2)));
        assert_eq!(prevention_checks(&r, today), vec![Check::KeyFactorWithoutAction { factor: id(2) }]);
    }

    #[test]
    fn short_names_take_the_first_line_and_cut_long_text() {
        assert_eq!(short_name("Fix the alert\nmore", 40), "Fix the alert");
        assert_eq!(short_name("   ", 40), "Untitled item");
        assert_eq!(short_name("abcdefghij", 4), "abcd…");
    }
}
