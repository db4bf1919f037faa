//! Templates people write for themselves (#18): the words each step shows, the factor
//! categories offered first, the agreement read out at the start, what each severity level
//! means, the timebox of each step and, if wanted, items every retrospective starts with.
//!
//! A template is copied into each retrospective made from it ([`Retrospective::own_template`]),
//! so the retrospective reads the same after the template is edited, deleted or never had by
//! whoever opens a link to it. The built-in kinds ([`Template`]) stay read-only; a copy of one
//! is an own template like any other.

use crate::i18n::tr;
use crate::model::factors::Category;
use crate::model::ids::Id;
use crate::model::postmortem::Severity;
use crate::model::settings::default_minutes;
use crate::model::steps::Step;
use crate::model::template::{StepCopy, Template, BLAMELESS_AGREEMENT};
use crate::model::timer::CUSTOM_MINUTES;
use crate::tf;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest name, in characters.
pub const NAME_MAX: usize = 120;
/// Longest prompt, hint, description or agreement, in characters.
pub const TEXT_MAX: usize = 2_000;
/// Most starter items in one list.
pub const STARTERS_MAX: usize = 50;

/// A template someone wrote, or copied from a built-in one and changed.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct OwnTemplate {
    /// Names it in storage and in the retrospectives made from it; kept when it travels as a file.
    pub id: Id,
    /// What people pick it by: "Payments incident".
    pub name: String,
    /// A sentence on what it is for, shown beside its name when a retrospective is created.
    pub description: String,
    /// The built-in kind it builds on: the facilitator's guide follows it, and Insights and the
    /// list file its retrospectives under it.
    pub kind: Template,
    /// What each step shows; a step left out shows the built-in kind's words.
    pub steps: BTreeMap<Step, StepWords>,
    /// The factor categories offered first, in this order; never empty.
    pub categories: Vec<Category>,
    /// Read out before the retrospective starts.
    pub agreement: String,
    /// What each severity level means for this team; a level left out keeps its usual meaning.
    pub severities: BTreeMap<Severity, String>,
    /// The timebox of each step, in minutes; a step left out keeps its default.
    pub timeboxes: BTreeMap<Step, u32>,
    /// Items every retrospective made from it starts with.
    pub starters: Starters,
    /// Unix milliseconds of the last change, shown in the list and used to tell two files apart.
    pub updated_at: i64,
}

/// The words one step shows; see [`StepCopy`].
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct StepWords {
    /// What the step collects; empty shows the built-in kind's words.
    pub purpose: String,
    /// An example of a good item (the hint in the empty state); empty as above.
    pub example: String,
    /// The main field's placeholder; empty as above.
    pub placeholder: String,
}

/// Items a retrospective starts with, one text each.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct Starters {
    /// Timeline entries, with no time set.
    pub timeline: Vec<String>,
    /// Contributing factors, in the first category offered.
    pub factors: Vec<String>,
    /// Action items, open, with no owner or date.
    pub actions: Vec<String>,
}

impl Starters {
    /// How many items there are in all three lists.
    pub fn len(&self) -> usize {
        self.timeline.len() + self.factors.len() + self.actions.len()
    }

    /// True when no list holds an item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl OwnTemplate {
    /// An editable copy of a built-in kind, with all its words.
    pub fn copy_of(kind: Template, id: Id, now_ms: i64) -> OwnTemplate {
        OwnTemplate {
            id,
            name: tf!("{name} (copy)", name = kind.label()),
            description: kind.description().to_string(),
            kind,
            steps: Step::ALL.iter().map(|s| (*s, StepWords::from(kind.copy(*s)))).collect(),
            categories: kind.suggested_categories().to_vec(),
            agreement: tr(BLAMELESS_AGREEMENT).to_string(),
            severities: Severity::ALL.iter().map(|s| (*s, s.definition().to_string())).collect(),
            timeboxes: Step::ALL.iter().map(|s| (*s, default_minutes(*s))).collect(),
            starters: Starters::default(),
            updated_at: now_ms,
        }
    }

    /// The words `step` shows: this template's, or the built-in kind's where it has none.
    pub fn step_copy(&self, step: Step) -> StepCopy<'_> {
        let fallback = self.kind.copy(step);
        match self.steps.get(&step) {
            Some(w) => StepCopy {
                purpose: or(&w.purpose, fallback.purpose),
                example: or(&w.example, fallback.example),
                placeholder: or(&w.placeholder, fallback.placeholder),
            },
            None => fallback,
        }
    }

    /// Brings a template read from a file or storage within the limits the editor keeps:
    /// texts clipped, lists capped, timeboxes in the timer's range, at least one category,
    /// each category once. Returns what it had to change, for the message shown on import.
    pub fn tidy(&mut self) -> Vec<&'static str> {
        let mut changed = Vec::new();
        let mut note = |did: bool, what| {
            if did && !changed.contains(&what) {
                changed.push(what);
            }
        };
        note(clip_in_place(&mut self.name, NAME_MAX), tr("a name that was too long was shortened"));
        let mut long = clip_in_place(&mut self.description, TEXT_MAX) | clip_in_place(&mut self.agreement, TEXT_MAX);
        for w in self.steps.values_mut() {
            for text in [&mut w.purpose, &mut w.example, &mut w.placeholder] {
                long |= clip_in_place(text, TEXT_MAX);
            }
        }
        for text in self.severities.values_mut() {
            long |= clip_in_place(text, TEXT_MAX);
        }
        for list in [&mut self.starters.timeline, &mut self.starters.factors, &mut self.starters.actions] {
            note(list.len() > STARTERS_MAX, tr("starter items beyond 50 a list were left out"));
            list.truncate(STARTERS_MAX);
            for text in list.iter_mut() {
                long |= clip_in_place(text, TEXT_MAX);
            }
        }
        note(long, tr("texts over 2,000 characters were shortened"));
        let before = self.timeboxes.clone();
        for minutes in self.timeboxes.values_mut() {
            *minutes = (*minutes).clamp(*CUSTOM_MINUTES.start(), *CUSTOM_MINUTES.end());
        }
        note(before != self.timeboxes, tr("timeboxes were brought within 1 to 180 minutes"));
        let mut seen = Vec::new();
        self.categories.retain(|c| {
            !seen.contains(c) && {
                seen.push(*c);
                true
            }
        });
        if self.categories.is_empty() {
            self.categories = self.kind.suggested_categories().to_vec();
            note(true, tr("a template without categories got its kind's"));
        }
        if self.name.trim().is_empty() {
            self.name = tr("Untitled template").to_string();
        }
        changed
    }
}

impl<'a> From<StepCopy<'a>> for StepWords {
    fn from(copy: StepCopy<'a>) -> Self {
        StepWords { purpose: copy.purpose.to_string(), example: copy.example.to_string(), placeholder: copy.placeholder.to_string() }
    }
}

fn or<'a>(own: &'a str, fallback: &'a str) -> &'a str {
    if own.trim().is_empty() {
        fallback
    } else {
        own
    }
}

pub(crate) fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Shortens `text` to `max` characters; true when it had to.
fn clip_in_place(text: &mut String, max: usize) -> bool {
    match text.char_indices().nth(max) {
        Some((cut, _)) => {
            text.truncate(cut);
            true
        }
        None => false,
    }
}
