//! *Prevention*: action items that change the system.

use super::choice::choice;
use super::clock::{Clock, Register};
use super::ids::Id;
use super::time::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

super::order::positioned!(ActionItem);

choice! {
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

/// Something the team will change, with who carries it and by when.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct ActionItem {
    pub description: Register<String>,
    /// Free text: a team, a role or a person.
    pub owner: Register<String>,
    pub due: Register<Option<Date>>,
    pub priority: Register<Priority>,
    pub kind: Register<ActionKind>,
    pub status: Register<ActionStatus>,
    /// Contributing factors this action addresses.
    pub factor_links: Register<BTreeSet<Id>>,
    pub position: Register<f64>,
}

#[derive(Clone, PartialEq, Debug)]
pub enum ActionField {
    Description(String),
    Owner(String),
    Due(Option<Date>),
    Priority(Priority),
    Kind(ActionKind),
    Status(ActionStatus),
    FactorLinks(BTreeSet<Id>),
}

impl ActionItem {
    pub fn new(position: f64, clock: Clock) -> Self {
        ActionItem {
            description: Register::new(String::new(), clock),
            owner: Register::new(String::new(), clock),
            due: Register::new(None, clock),
            priority: Register::new(Priority::Medium, clock),
            kind: Register::new(ActionKind::Prevent, clock),
            status: Register::new(ActionStatus::Open, clock),
            factor_links: Register::new(BTreeSet::new(), clock),
            position: Register::new(position, clock),
        }
    }

    pub fn set(&mut self, field: ActionField, clock: Clock) {
        match field {
            ActionField::Description(v) => self.description.set(v, clock),
            ActionField::Owner(v) => self.owner.set(v, clock),
            ActionField::Due(v) => self.due.set(v, clock),
            ActionField::Priority(v) => self.priority.set(v, clock),
            ActionField::Kind(v) => self.kind.set(v, clock),
            ActionField::Status(v) => self.status.set(v, clock),
            ActionField::FactorLinks(v) => self.factor_links.set(v, clock),
        }
    }

    pub fn merge(&mut self, other: &Self) -> bool {
        let a = self.description.merge(&other.description);
        let b = self.owner.merge(&other.owner);
        let c = self.due.merge(&other.due);
        let d = self.priority.merge(&other.priority);
        let e = self.kind.merge(&other.kind);
        let f = self.status.merge(&other.status);
        let g = self.factor_links.merge(&other.factor_links);
        let h = self.position.merge(&other.position);
        a | b | c | d | e | f | g | h
    }
}
