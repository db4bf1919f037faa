//! The facilitator's guide for each step: why the step exists, questions that keep the room on
//! facts and conditions, and traps to steer around. Our own words, short enough to glance at.

use crate::model::steps::Step;
use crate::model::template::Template;

/// What the facilitator's guide says about one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guide {
    /// Why the step exists, in a sentence.
    pub purpose: &'static str,
    /// Questions to ask the room that keep it on facts and conditions.
    pub questions: &'static [&'static str],
    /// Traps to steer around.
    pub traps: &'static [&'static str],
}

/// The guide for `step` in a retrospective of this template.
pub fn guide(template: Template, step: Step) -> Guide {
    use Step::*;
    use Template::*;
    match (template, step) {
        (_, SetTheStage) => Guide {
            purpose: "Make it safe to speak plainly: agree what we are looking at and that we are here to learn, not to judge.",
            questions: &[
                "What do we want to understand by the end of this hour?",
                "Which users and systems were affected, and how did it show up for them?",
                "Is there anyone whose view we are missing today?",
            ],
            traps: &["Starting with causes before the facts are on the table.", "Skipping the agreement because “we all know it”."],
        },
        (Incident, WhatHappened) => Guide {
            purpose: "Rebuild the minutes as people lived them: what they saw, what the systems did, what was tried.",
            questions: &[
                "What did you see at that moment, and where?",
                "What did you expect to happen next?",
                "What did the dashboards, alerts or logs show then — not now?",
                "What else was going on at the same time?",
            ],
            traps: &[
                "Explaining before the timeline is complete.",
                "Replacing what people saw with what we know now.",
                "Letting one voice tell the whole story.",
            ],
        },
        (Project, WhatHappened) => Guide {
            purpose: "Lay out the decisions and signals in order, with what was known when each was made.",
            questions: &[
                "What did we know when this decision was made?",
                "Which signals did we have that things were drifting?",
                "Where did the plan change, and what prompted it?",
            ],
            traps: &["Judging early decisions by the final outcome.", "Turning the timeline into a list of complaints."],
        },
        (Incident, Why) => Guide {
            purpose: "Find the conditions that made the failure possible, and keep asking until you reach something the system can change.",
            questions: &[
                "What made that the reasonable choice at the time?",
                "What would have made the problem visible sooner?",
                "Where did the tools or the process make the wrong thing easy?",
                "Has something like this almost happened before?",
            ],
            traps: &[
                "Stopping at a person (“human error”) instead of the conditions around them.",
                "Hunting for one root cause when several factors lined up.",
            ],
        },
        (Project, Why) => Guide {
            purpose: "Understand the pressures and assumptions that shaped the outcome, so the next project starts from better conditions.",
            questions: &[
                "Which assumptions did we make, and when did they stop being true?",
                "What made raising concerns easy or hard?",
                "Where did information arrive late, and why there?",
            ],
            traps: &["Blaming the plan instead of asking how it was made.", "Treating a single decision as the cause."],
        },
        (_, Prevention) => Guide {
            purpose: "Turn the key factors into a few changes that someone owns, with a date and a way to tell they worked.",
            questions: &[
                "Which of the key factors does this action change?",
                "Will it make the problem less likely, found sooner, or hurt less?",
                "Which team or role will own it, and by when is it realistic?",
                "How will we know it worked?",
            ],
            traps: &["Actions like “be more careful” that change nobody's conditions.", "More actions than the team can finish."],
        },
        (_, Summary) => Guide {
            purpose: "Read the story back, name what went well, and be honest about luck.",
            questions: &[
                "What went well that we want to keep doing on purpose?",
                "Where did luck save us, and what if it had not?",
                "Is there anything we have not said that we should write down?",
            ],
            traps: &["Ending without owners and dates for the actions.", "Skipping what went well."],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_three_to_five_questions_and_none_asks_who_or_should() {
        for template in Template::ALL {
            for step in Step::ALL {
                let g = guide(*template, *step);
                assert!((3..=5).contains(&g.questions.len()), "{template:?} {step:?}");
                assert!(!g.traps.is_empty());
                for q in g.questions {
                    let lower = q.to_lowercase();
                    assert!(!lower.starts_with("who") && !lower.contains("should have"), "{q}");
                    assert!(crate::coach::review(q).is_empty(), "the guide's own question trips the coach: {q}");
                }
            }
        }
    }
}
