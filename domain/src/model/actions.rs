//! *Prevention*: action items that change the system.

use crate::model::choice::choice;
use crate::model::clock::{Clock, Register};
use crate::model::ids::Id;
use crate::model::record::record;
use crate::model::time::Date;
use std::collections::BTreeSet;

crate::model::order::positioned!(ActionItem);

choice! {
    /// How urgent an action is.
    Priority {
        High => ("high", "High"),
        Medium => ("medium", "Medium"),
        Low => ("low", "Low"),
    }
}

choice! {
    /// What an action does about the failure.
    ActionKind {
        Prevent => ("prevent", "Prevent"),
        Detect => ("detect", "Detect"),
        Mitigate => ("mitigate", "Mitigate"),
        Learn => ("learn", "Learn"),
    }
}

choice! {
    /// How far an action reaches: a quick fix for now, or a change to how the system works.
    Horizon {
        ShortTerm => ("short_term", "Short-term fix"),
        LongTerm => ("long_term", "Long-term change"),
    }
}

choice! {
    /// Where an action stands, from open to done or dropped.
    ActionStatus {
        Open => ("open", "Open"),
        InProgress => ("in_progress", "In progress"),
        Done => ("done", "Done"),
        WontDo => ("wont_do", "Won't do"),
    }
}

impl ActionStatus {
    /// Still needs someone's attention.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

record! {
    /// Something the team will change, with who carries it and by when.
    pub struct ActionItem {
        ;
        /// What will change.
        description: String => Description,
        /// Free text: a team, a role or a person.
        owner: String => Owner,
        /// When it is due, if anyone said.
        due: Option<Date> => Due,
        /// How urgent it is.
        priority: Priority => Priority,
        /// What it does about the failure.
        kind: ActionKind => Kind,
        /// Where it stands.
        status: ActionStatus => Status,
        /// Contributing factors this action addresses.
        factor_links: BTreeSet<Id> => FactorLinks,
        /// A short-term fix or a long-term change, once the group says which.
        horizon: Option<Horizon> => Horizon,
        /// Kept out of the customer note.
        internal: bool => Internal,
        /// Its place in the list (see [`order`](crate::model::order)).
        position: f64,
    }
    /// One field of an action item, as an edit.
    pub enum ActionField;
}

impl ActionItem {
    /// A new, empty action at `position`: medium priority, "prevent", open.
    pub fn new(position: f64, clock: Clock) -> Self {
        ActionItem {
            description: Register::new(String::new(), clock),
            owner: Register::new(String::new(), clock),
            due: Register::new(None, clock),
            priority: Register::new(Priority::Medium, clock),
            kind: Register::new(ActionKind::Prevent, clock),
            status: Register::new(ActionStatus::Open, clock),
            factor_links: Register::new(BTreeSet::new(), clock),
            horizon: Register::new(None, clock),
            internal: Register::new(false, clock),
            position: Register::new(position, clock),
        }
    }
}
