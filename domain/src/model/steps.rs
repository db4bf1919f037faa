//! The five steps a retrospective walks through, in order.

use crate::model::choice::choice;

choice! {
    /// A step of the retrospective. The labels are the product's vocabulary; keep them exact.
    Step {
        SetTheStage => ("stage", "Set the stage"),
        WhatHappened => ("what_happened", "What happened"),
        Why => ("why", "Why"),
        Prevention => ("prevention", "Prevention"),
        Summary => ("summary", "Summary"),
    }
}

impl Step {
    /// Where the step comes in the walk, from 0.
    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The step after this one; `None` on the last.
    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    /// The step before this one; `None` on the first.
    pub fn previous(self) -> Option<Step> {
        self.index().checked_sub(1).map(|i| Step::ALL[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_walk_in_order_and_stop_at_the_ends() {
        let labels: Vec<_> = Step::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(labels, ["Set the stage", "What happened", "Why", "Prevention", "Summary"]);
        assert_eq!(Step::SetTheStage.previous(), None);
        assert_eq!(Step::Why.next(), Some(Step::Prevention));
        assert_eq!(Step::Summary.next(), None);
        assert_eq!(Step::from_key("why"), Some(Step::Why));
    }
}
