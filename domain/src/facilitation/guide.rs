//! The facilitator's guide for each step: why the step exists, questions that keep the room on
//! facts and conditions, and traps to steer around. Our own words, short enough to glance at.

use crate::i18n::{active, n_, tr, Lang};
use crate::model::steps::Step;
use crate::model::template::Template;
use std::cell::RefCell;
use std::collections::HashMap;

/// A list of messages marked with `n_`, in the active language (see [`translated`]).
macro_rules! keys {
    ($($key:expr),* $(,)?) => {
        translated(const { &[$($key),*] })
    };
}

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

/// The guide for `step` in a retrospective of this template, in the active language.
pub fn guide(template: Template, step: Step) -> Guide {
    use Step::*;
    use Template::*;
    match (template, step) {
        (_, SetTheStage) => Guide {
            purpose: tr("Make it safe to speak plainly: agree what we are looking at and that we are here to learn, not to judge."),
            questions: keys![
                n_("What do we want to understand by the end of this hour?"),
                n_("Which users and systems were affected, and how did it show up for them?"),
                n_("Is there anyone whose view we are missing today?"),
            ],
            traps: keys![n_("Starting with causes before the facts are on the table."), n_("Skipping the agreement because “we all know it”.")],
        },
        (Incident, WhatHappened) => Guide {
            purpose: tr("Rebuild the minutes as people lived them: what they saw, what the systems did, what was tried."),
            questions: keys![
                n_("What did you see at that moment, and where?"),
                n_("What did you expect to happen next?"),
                n_("What did the dashboards, alerts or logs show then — not now?"),
                n_("What else was going on at the same time?"),
            ],
            traps: keys![
                n_("Explaining before the timeline is complete."),
                n_("Replacing what people saw with what we know now."),
                n_("Letting one voice tell the whole story."),
            ],
        },
        (Project, WhatHappened) => Guide {
            purpose: tr("Lay out the decisions and signals in order, with what was known when each was made."),
            questions: keys![
                n_("What did we know when this decision was made?"),
                n_("Which signals did we have that things were drifting?"),
                n_("Where did the plan change, and what prompted it?"),
            ],
            traps: keys![n_("Judging early decisions by the final outcome."), n_("Turning the timeline into a list of complaints.")],
        },
        (Incident, Why) => Guide {
            purpose: tr("Find the conditions that made the failure possible, and keep asking until you reach something the system can change."),
            questions: keys![
                n_("What made that the reasonable choice at the time?"),
                n_("What would have made the problem visible sooner?"),
                n_("Where did the tools or the process make the wrong thing easy?"),
                n_("Has something like this almost happened before?"),
            ],
            traps: keys![
                n_("Stopping at a person (“human error”) instead of the conditions around them."),
                n_("Hunting for one root cause when several factors lined up."),
            ],
        },
        (Project, Why) => Guide {
            purpose: tr("Understand the pressures and assumptions that shaped the outcome, so the next project starts from better conditions."),
            questions: keys![
                n_("Which assumptions did we make, and when did they stop being true?"),
                n_("What made raising concerns easy or hard?"),
                n_("Where did information arrive late, and why there?"),
            ],
            traps: keys![n_("Blaming the plan instead of asking how it was made."), n_("Treating a single decision as the cause.")],
        },
        (_, Prevention) => Guide {
            purpose: tr("Turn the key factors into a few changes that someone owns, with a date and a way to tell they worked."),
            questions: keys![
                n_("Which of the key factors does this action change?"),
                n_("Will it make the problem less likely, found sooner, or hurt less?"),
                n_("Which team or role will own it, and by when is it realistic?"),
                n_("How will we know it worked?"),
            ],
            traps: keys![n_("Actions like “be more careful” that change nobody's conditions."), n_("More actions than the team can finish.")],
        },
        (_, Summary) => Guide {
            purpose: tr("Read the story back, name what went well, and be honest about luck."),
            questions: keys![
                n_("What went well that we want to keep doing on purpose?"),
                n_("Where did luck save us, and what if it had not?"),
                n_("Is there anything we have not said that we should write down?"),
            ],
            traps: keys![n_("Ending without owners and dates for the actions."), n_("Skipping what went well.")],
        },
    }
}

/// `keys` in the active language, as a list that lasts as long as the page: each list is
/// translated once per language and kept, so showing a guide again costs nothing.
fn translated(keys: &'static [&'static str]) -> &'static [&'static str] {
    type Lists = HashMap<(Lang, &'static [&'static str]), &'static [&'static str]>;
    thread_local! {
        static TRANSLATED: RefCell<Lists> = RefCell::new(HashMap::new());
    }
    let lang = active();
    if lang == Lang::En {
        return keys;
    }
    let make = || -> &'static [&'static str] { Box::leak(keys.iter().copied().map(tr).collect::<Vec<_>>().into_boxed_slice()) };
    TRANSLATED.with(|t| *t.borrow_mut().entry((lang, keys)).or_insert_with(make))
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
