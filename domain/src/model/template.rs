//! The two kinds of retrospective and the words each uses to guide people.
//!
//! Steps are the same for both; what changes is the wording, the examples and which factor
//! categories are suggested first. All prompts ask *what* and *how*, never *who*.

use crate::i18n::{n_, tr};
use crate::model::choice::choice;
use crate::model::factors::Category;
use crate::model::steps::Step;

choice! {
    /// Chosen when a retrospective is created; never changes afterwards.
    Template {
        Incident => ("incident", "Incident postmortem"),
        Project => ("project", "Project or sprint failure retro"),
    }
}

/// The guidance a step shows: what belongs here, and one example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepCopy<'a> {
    /// One or two sentences on what this step collects.
    pub purpose: &'a str,
    /// One concrete example of a good item, shown in the empty state.
    pub example: &'a str,
    /// Placeholder for the step's main text field.
    pub placeholder: &'a str,
}

/// Read out before the retrospective starts; our own words. A message key: show it with
/// `tr(BLAMELESS_AGREEMENT)`.
pub const BLAMELESS_AGREEMENT: &str = n_("We are here to understand how our systems and ways of working made this outcome possible, not to decide who is at fault. Everyone involved acted in good faith on what they knew and saw at the time. We describe what happened and what made each decision sensible then; hindsight is not a fact. What is said here is used to improve the system, never against a person.");

impl Template {
    /// What this kind of retrospective is for, in a sentence, shown beside its name when one is created.
    pub fn description(self) -> &'static str {
        match self {
            Template::Incident => tr("Something broke in production. Reconstruct the minutes, understand the conditions, prevent a repeat."),
            Template::Project => tr("A project, release or sprint went wrong. Trace the decisions and signals, and change how the team works."),
        }
    }

    /// The categories offered first when a factor is added; the others stay available.
    pub fn suggested_categories(self) -> &'static [Category] {
        match self {
            Template::Incident => &[Category::Technical, Category::Tooling, Category::Process, Category::Communication],
            Template::Project => &[Category::Process, Category::Communication, Category::Organisational, Category::Environment],
        }
    }

    /// The guidance `step` shows in this template.
    pub fn copy(self, step: Step) -> StepCopy<'static> {
        use Step::*;
        use Template::*;
        match (self, step) {
            (Incident, SetTheStage) => StepCopy {
                purpose: tr("Agree on what this retrospective covers: the incident window, the impact on users and systems, and how we will talk about it."),
                example: tr("Checkout returned errors for 18% of requests between 14:02 and 14:47."),
                placeholder: tr("What did customers or users experience, and for how long?"),
            },
            (Project, SetTheStage) => StepCopy {
                purpose: tr("Agree on what this retrospective covers: the period, what was expected, what actually came out, and how we will talk about it."),
                example: tr("The Q3 billing migration shipped six weeks late and without the reporting module."),
                placeholder: tr("What was expected, and what happened instead?"),
            },
            (Incident, WhatHappened) => StepCopy {
                purpose: tr("Build a timeline of facts: what people saw, what the systems did, and what was done, in the order it happened. Interpretation comes later."),
                example: tr("14:02 — Error-rate alert fired for the checkout service."),
                placeholder: tr("What happened at this moment? What did you see?"),
            },
            (Project, WhatHappened) => StepCopy {
                purpose: tr("Lay out the decisions, signals and turning points of the project in order. Record what was known at each point, not what we know now."),
                example: tr("Week 3 — Estimate for the data export revised from 5 to 15 days."),
                placeholder: tr("What was decided or noticed at this point?"),
            },
            (Incident, Why) => StepCopy {
                purpose: tr("Find the conditions that made the incident possible or worse. For each factor, keep asking how it made sense at the time, until you reach something the system can change."),
                example: tr("The deploy pipeline does not run the migration check for configuration-only changes."),
                placeholder: tr("What condition contributed to this?"),
            },
            (Project, Why) => StepCopy {
                purpose: tr("Find the conditions that shaped the outcome: plans, assumptions, handovers, pressures. Ask how each decision looked reasonable with what was known then."),
                example: tr("Scope was fixed before the data model had been reviewed by the reporting team."),
                placeholder: tr("What condition contributed to this?"),
            },
            (Incident, Prevention) => StepCopy {
                purpose: tr("Decide what will change so this is less likely, found sooner, or hurts less. Each action has an owner and a date."),
                example: tr("Run the migration check for every pipeline, including config-only deploys — owner: Platform team, due in two weeks."),
                placeholder: tr("What will we change?"),
            },
            (Project, Prevention) => StepCopy {
                purpose: tr("Decide what the team will do differently next time, and make each change concrete: an owner, a date, a way to tell it worked."),
                example: tr("Add a data-model review to the project kickoff checklist — owner: Delivery lead, due before the next planning."),
                placeholder: tr("What will we change?"),
            },
            (_, Summary) => StepCopy {
                purpose: tr("Read back the story, the key factors and the actions. Capture what went well and where we were lucky, so we keep the first and stop relying on the second."),
                example: tr("The on-call engineer found the runbook within two minutes."),
                placeholder: tr("What went well?"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_guidance_in_both_templates_and_none_asks_who() {
        for template in Template::ALL {
            for step in Step::ALL {
                let copy = template.copy(*step);
                assert!(!copy.purpose.is_empty() && !copy.example.is_empty());
                for text in [copy.purpose, copy.placeholder] {
                    assert!(!text.to_lowercase().contains("who "), "{text}");
                }
            }
        }
        assert_ne!(Template::Incident.copy(Step::WhatHappened), Template::Project.copy(Step::WhatHappened));
        assert_ne!(Template::Incident.suggested_categories(), Template::Project.suggested_categories());
    }
}
