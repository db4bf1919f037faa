//! *Why*: contributing factors and, under each, a tree of "how did this make sense?" questions.

use crate::i18n::tr;
use crate::model::accounts::PassageRef;
use crate::model::choice::choice;
use crate::model::clock::{Clock, Register};
use crate::model::ids::Id;
use crate::model::order::by_position;
use crate::model::record::record;
use std::collections::{BTreeMap, BTreeSet};

crate::model::order::positioned!(ContributingFactor, WhyNode);

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

record! {
    /// A condition that contributed to the outcome.
    pub struct ContributingFactor {
        ;
        /// The condition, in the room's words.
        statement: String => Statement,
        /// Where it sits in the system.
        category: Category => Category,
        /// Timeline entries this factor explains or shows up in.
        timeline_links: BTreeSet<Id> => TimelineLinks,
        /// Marked by the group as one of the factors that most need an action.
        key: bool => Key,
        /// Dots recorded for this factor when the room votes.
        votes: u32 => Votes,
        /// Its place in the list (see [`order`](crate::model::order)).
        position: f64,
        /// Set when the room found this factor to be a duplicate of another: it is then shown as
        /// part of that one, keeping its statement, links and why chain. `None` undoes it.
        #[serde(default = "not_merged")]
        merged_into: Option<Id> => MergedInto,
        /// Why the group decided no action is needed, when it did: an explicit decision counts
        /// as much as an action on the publish checklist.
        decision: String => Decision,
        /// The passages of accounts it came from (schema 5).
        sources: Vec<PassageRef> => Sources,
        /// Kept out of the customer note.
        internal: bool => Internal,
        /// The same condition in earlier retrospectives, linked by the group while writing
        /// (schema 6): the insights group them whatever their wording.
        recurs: BTreeSet<PastFactor> => Recurs,
    }
    /// One field of a contributing factor, as an edit.
    pub enum FactorField;
}

fn not_merged() -> Register<Option<Id>> {
    Register::new(None, Clock::default())
}

impl ContributingFactor {
    /// A new factor with no statement, links or votes, in `category` at `position`.
    pub fn new(category: Category, position: f64, clock: Clock) -> Self {
        ContributingFactor {
            statement: Register::new(String::new(), clock),
            category: Register::new(category, clock),
            timeline_links: Register::new(BTreeSet::new(), clock),
            key: Register::new(false, clock),
            votes: Register::new(0, clock),
            position: Register::new(position, clock),
            merged_into: Register::new(None, clock),
            decision: Register::new(String::new(), clock),
            sources: Register::new(Vec::new(), clock),
            internal: Register::new(false, clock),
            recurs: Register::new(BTreeSet::new(), clock),
        }
    }
}

/// A contributing factor of another retrospective, named across documents.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, serde::Serialize, serde::Deserialize)]
pub struct PastFactor {
    /// The retrospective it is in.
    pub retro: Id,
    /// The factor there.
    pub factor: Id,
}

record! {
    /// One question in a factor's chain of "why / how did this make sense?", with its answer.
    /// Nodes form a tree: `parent` is `None` for the first question under a factor.
    pub struct WhyNode {
        /// The factor this chain explains. Fixed at creation: a node never moves to another
        /// factor or parent.
        pub factor: Id,
        /// The question this one follows up, or `None` for a first question.
        pub parent: Option<Id>,
        ;
        /// The question asked.
        question: String => Question,
        /// The room's answer.
        answer: String => Answer,
        /// Its place among its siblings.
        position: f64,
    }
    /// One field of a why question, as an edit.
    pub enum WhyField;
}

impl WhyNode {
    /// A new question under `factor` (and `parent`, if any) at `position`, not yet answered.
    pub fn new(factor: Id, parent: Option<Id>, question: String, position: f64, clock: Clock) -> Self {
        WhyNode {
            factor,
            parent,
            question: Register::new(question, clock),
            answer: Register::new(String::new(), clock),
            position: Register::new(position, clock),
        }
    }
}

/// The question a new node suggests, so the room always has a blameless prompt to answer.
pub fn suggested_question(depth: usize) -> &'static str {
    match depth {
        0 => tr("How did this come about?"),
        1 => tr("What made that the reasonable thing to do at the time?"),
        2 => tr("What in the system allowed that?"),
        _ => tr("And how did that come about?"),
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
    use crate::model::ids::Replica;

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
        crate::sorting::sort(&mut sub);
        let mut expected = vec![a, a1, a1x];
        crate::sorting::sort(&mut expected);
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
