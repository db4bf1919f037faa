//! *Why*: contributing factors and, under each, a tree of "how did this make sense?" questions.

use super::choice::choice;
use super::clock::{Clock, Register};
use super::ids::Id;
use super::order::by_position;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

super::order::positioned!(ContributingFactor, WhyNode);

choice! {
    /// Where a factor sits in the system. There is deliberately no "person" category.
    Category {
        Technical => ("technical", "Technical"),
        Process => ("process", "Process"),
        Communication => ("communication", "Communication"),
        Tooling => ("tooling", "Tooling"),
        Organisational => ("organisational", "Organisational"),
        Environment => ("environment", "Environment"),
    }
}

/// A condition that contributed to the outcome.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct ContributingFactor {
    pub statement: Register<String>,
    pub category: Register<Category>,
    /// Timeline entries this factor explains or shows up in.
    pub timeline_links: Register<BTreeSet<Id>>,
    /// Marked by the group as one of the factors that most need an action.
    pub key: Register<bool>,
    /// Dots recorded for this factor when the room votes.
    pub votes: Register<u32>,
    pub position: Register<f64>,
    /// Set when the room found this factor to be a duplicate of another: it is then shown as
    /// part of that one, keeping its statement, links and why chain. `None` undoes it.
    #[serde(default = "not_merged")]
    pub merged_into: Register<Option<Id>>,
}

fn not_merged() -> Register<Option<Id>> {
    Register::new(None, Clock::default())
}

#[derive(Clone, PartialEq, Debug)]
pub enum FactorField {
    Statement(String),
    Category(Category),
    TimelineLinks(BTreeSet<Id>),
    Key(bool),
    Votes(u32),
    MergedInto(Option<Id>),
}

impl ContributingFactor {
    pub fn new(category: Category, position: f64, clock: Clock) -> Self {
        ContributingFactor {
            statement: Register::new(String::new(), clock),
            category: Register::new(category, clock),
            timeline_links: Register::new(BTreeSet::new(), clock),
            key: Register::new(false, clock),
            votes: Register::new(0, clock),
            position: Register::new(position, clock),
            merged_into: Register::new(None, clock),
        }
    }

    pub fn set(&mut self, field: FactorField, clock: Clock) {
        match field {
            FactorField::Statement(v) => self.statement.set(v, clock),
            FactorField::Category(v) => self.category.set(v, clock),
            FactorField::TimelineLinks(v) => self.timeline_links.set(v, clock),
            FactorField::Key(v) => self.key.set(v, clock),
            FactorField::Votes(v) => self.votes.set(v, clock),
            FactorField::MergedInto(v) => self.merged_into.set(v, clock),
        }
    }

    pub fn merge(&mut self, other: &Self) -> bool {
        let a = self.statement.merge(&other.statement);
        let b = self.category.merge(&other.category);
        let c = self.timeline_links.merge(&other.timeline_links);
        let d = self.key.merge(&other.key);
        let e = self.votes.merge(&other.votes);
        let f = self.position.merge(&other.position);
        let g = self.merged_into.merge(&other.merged_into);
        a | b | c | d | e | f | g
    }
}

/// One question in a factor's chain of "why / how did this make sense?", with its answer.
/// Nodes form a tree: `parent` is `None` for the first question under a factor.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct WhyNode {
    /// Fixed at creation: a node never moves to another factor or parent.
    pub factor: Id,
    pub parent: Option<Id>,
    pub question: Register<String>,
    pub answer: Register<String>,
    pub position: Register<f64>,
}

#[derive(Clone, PartialEq, Debug)]
pub enum WhyField {
    Question(String),
    Answer(String),
}

impl WhyNode {
    pub fn new(factor: Id, parent: Option<Id>, question: String, position: f64, clock: Clock) -> Self {
        WhyNode {
            factor,
            parent,
            question: Register::new(question, clock),
            answer: Register::new(String::new(), clock),
            position: Register::new(position, clock),
        }
    }

    pub fn set(&mut self, field: WhyField, clock: Clock) {
        match field {
            WhyField::Question(v) => self.question.set(v, clock),
            WhyField::Answer(v) => self.answer.set(v, clock),
        }
    }

    pub fn merge(&mut self, other: &Self) -> bool {
        let a = self.question.merge(&other.question);
        let b = self.answer.merge(&other.answer);
        let c = self.position.merge(&other.position);
        a | b | c
    }
}

/// The question a new node suggests, so the room always has a blameless prompt to answer.
pub fn suggested_question(depth: usize) -> &'static str {
    match depth {
        0 => "How did this come about?",
        1 => "What made that the reasonable thing to do at the time?",
        2 => "What in the system allowed that?",
        _ => "And how did that come about?",
    }
}

/// Children of `parent` under `factor`, in order.
pub fn why_children(whys: &BTreeMap<Id, WhyNode>, factor: Id, parent: Option<Id>) -> Vec<Id> {
    by_position(whys.iter().filter(|(_, n)| n.factor == factor && n.parent == parent))
}

/// `root` and every node below it.
pub fn why_subtree(whys: &BTreeMap<Id, WhyNode>, root: Id) -> Vec<Id> {
    let mut found = vec![root];
    let mut next = 0;
    while next < found.len() {
        let current = found[next];
        found.extend(whys.iter().filter(|(_, n)| n.parent == Some(current)).map(|(id, _)| *id));
        next += 1;
    }
    found
}

/// How many questions deep the chain under `factor` goes.
pub fn why_depth(whys: &BTreeMap<Id, WhyNode>, factor: Id) -> usize {
    fn depth(whys: &BTreeMap<Id, WhyNode>, factor: Id, parent: Option<Id>) -> usize {
        why_children(whys, factor, parent).into_iter().map(|c| 1 + depth(whys, factor, Some(c))).max().unwrap_or(0)
    }
    depth(whys, factor, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::Replica;

    #[test]
    fn why_trees_branch_and_report_depth_and_subtrees() {
        let c = Clock(1, Replica(1));
        let factor = Id::from_random([1; 16]);
        let [a, b, a1, a1x] = [2u8, 3, 4, 5].map(|n| Id::from_random([n; 16]));
        let mut whys = BTreeMap::new();
        whys.insert(a, WhyNode::new(factor, None, "q".into(), 1.0, c));
        whys.insert(b, WhyNode::new(factor, None, "q".into(), 2.0, c));
        whys.insert(a1, WhyNode::new(factor, Some(a), "q".into(), 1.0, c));
        whys.insert(a1x, WhyNode::new(factor, Some(a1), "q".into(), 1.0, c));
        assert_eq!(why_children(&whys, factor, None), vec![a, b]);
        assert_eq!(why_depth(&whys, factor), 3);
        let mut sub = why_subtree(&whys, a);
        sub.sort();
        let mut expected = vec![a, a1, a1x];
        expected.sort();
        assert_eq!(sub, expected);
        assert_eq!(why_depth(&whys, Id::from_random([9; 16])), 0);
    }

    #[test]
    fn suggested_questions_ask_how_not_who() {
        for depth in 0..6 {
            let q = suggested_question(depth).to_lowercase();
            assert!(!q.contains("who") && !q.contains("should"), "{q}");
        }
    }
}
