//! The retrospective document: header fields, its items by kind, and tombstones.

use crate::i18n::tr;
use crate::model::accounts::Account;
use crate::model::actions::ActionItem;
use crate::model::clock::{Clock, Register};
use crate::model::factors::{ContributingFactor, WhyNode};
use crate::model::ids::{Id, Replica};
use crate::model::learnings::{Learning, LearningList};
use crate::model::order::by_position;
use crate::model::own_template::OwnTemplate;
use crate::model::postmortem::{Detection, Responder, Severity};
use crate::model::questions::OpenQuestion;
use crate::model::record::{newer_clock, newer_register_clocks, record, Record};
use crate::model::settings::Facilitation;
use crate::model::silent::{is_hidden, writing_count, Viewer, WritingCount};
use crate::model::steps::Step;
use crate::model::template::Template;
use crate::model::themes::Theme;
use crate::model::time::LocalDateTime;
use crate::model::timeline::{timeline_order, TimelineEntry};
use crate::tf;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};

record! {
    impl Retrospective {
        /// One of the header fields, as an edit.
        enum HeaderField;
        fn set_header, merge_header, header_clocks;
    }
    {
        title: String => Title,
        incident_start: Option<LocalDateTime> => IncidentStart,
        incident_end: Option<LocalDateTime> => IncidentEnd,
        impact: String => Impact,
        participants: String => Participants,
        time_zone: String => TimeZone,
        severity: Option<Severity> => Severity,
        detection: Option<Detection> => Detection,
        surprise: String => Surprise,
        tags: BTreeSet<String> => Tags,
    }
}

/// Who is writing, and when: every edit is stamped from this.
///
/// `replica` names one live writer — one page load (a tab, the audience window, an embedded
/// widget) — so no two writers that may edit at the same moment ever stamp the same clock.
/// `profile` names the person behind it, one per browser profile: display names and merge
/// reports speak of profiles, so two tabs of one browser still read as one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Writer {
    /// The live writer: one page load.
    pub replica: Replica,
    /// The browser profile behind it: the person, as far as names and reports go.
    pub profile: Replica,
    /// Unix time in milliseconds, for `updated_at` (never for ordering writes).
    pub now_ms: i64,
}

impl Writer {
    /// A writer that is its own profile, as every writer was before schema 3 (and as tests
    /// and tools that write as one party are).
    pub fn new(replica: Replica, now_ms: i64) -> Writer {
        Writer { replica, profile: replica, now_ms }
    }

    /// One page load of a browser profile.
    pub fn in_profile(replica: Replica, profile: Replica, now_ms: i64) -> Writer {
        Writer { replica, profile, now_ms }
    }
}

/// One retrospective. Every editable field is a [`Register`]; deleted items leave a tombstone in
/// `deleted` so that a merge cannot bring them back.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Retrospective {
    /// Names this retrospective in storage and across copies; fixed at creation.
    pub id: Id,
    /// The kind of retrospective, chosen at creation.
    pub template: Template,
    /// The own template it was made from, copied in whole at creation and never changed, so it
    /// reads the same wherever that template is gone (schema 7). `None`: a built-in kind.
    pub own_template: Option<OwnTemplate>,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds of the latest edit in any copy that has been merged in.
    pub updated_at: i64,
    /// Lamport counter: never below any clock in the document.
    pub counter: u64,
    /// The title people gave it; [`Self::display_title`] stands in when it is empty.
    pub title: Register<String>,
    /// When the incident started, if set in *Set the stage*.
    pub incident_start: Register<Option<LocalDateTime>>,
    /// When the incident ended, if set in *Set the stage*.
    pub incident_end: Register<Option<LocalDateTime>>,
    /// The impact, in free text: what people experienced, or what came out instead of what was expected.
    pub impact: Register<String>,
    /// Optional, free text: names are never required.
    pub participants: Register<String>,
    /// The IANA time zone its times are in ("Europe/Berlin"), from schema 4. Empty: each
    /// browser's own zone, as every retrospective was read before.
    pub time_zone: Register<String>,
    /// How severe it was, once the group agrees (schema 5).
    pub severity: Register<Option<Severity>>,
    /// How it was detected (schema 5).
    pub detection: Register<Option<Detection>>,
    /// Why we were surprised: what the team believed about the system that turned out not to
    /// hold (schema 5).
    pub surprise: Register<String>,
    /// What the group files it under: service, team, anything (schema 6); see
    /// [`tags`](crate::model::tags).
    pub tags: Register<BTreeSet<String>>,
    /// The step the group is on; restored on reload.
    pub step: Register<Step>,
    /// *What happened*: the timeline entries, by id; see [`Self::timeline_order`] for their order.
    #[serde(default)]
    pub timeline: BTreeMap<Id, TimelineEntry>,
    /// *Why*: the contributing factors, by id.
    #[serde(default)]
    pub factors: BTreeMap<Id, ContributingFactor>,
    /// The why questions under every factor, by id; each names its factor and parent.
    #[serde(default)]
    pub whys: BTreeMap<Id, WhyNode>,
    /// *Prevention*: the action items, by id.
    #[serde(default)]
    pub actions: BTreeMap<Id, ActionItem>,
    /// The summary's learnings in both lists, by id.
    #[serde(default)]
    pub learnings: BTreeMap<Id, Learning>,
    /// Each person's own account, from their reply (schema 4). Private to the facilitator:
    /// see [`Self::shareable`].
    #[serde(default)]
    pub accounts: BTreeMap<Id, Account>,
    /// What is still unclear, and who could find out (schema 4).
    #[serde(default)]
    pub questions: BTreeMap<Id, OpenQuestion>,
    /// Who responded, in which role (schema 5).
    #[serde(default)]
    pub responders: BTreeMap<Id, Responder>,
    /// Patterns across factors (schema 5).
    #[serde(default)]
    pub themes: BTreeMap<Id, Theme>,
    /// Tombstones: every deleted item's id, with the clock of its deletion.
    #[serde(default)]
    pub deleted: BTreeMap<Id, Clock>,
    /// How the retrospective is being run: presenter mode, timers, voting, dismissed findings.
    #[serde(default)]
    pub facilitation: Facilitation,
    /// Display names people chose, per browser profile. Optional: without one a person is
    /// anonymous.
    #[serde(default)]
    pub authors: BTreeMap<Replica, Register<String>>,
    /// The profile behind each page-load replica that wrote here (schema 3). A replica that is
    /// not listed is its own profile: documents written before schema 3 used the profile's id
    /// for every write. Grow-only; merged by union.
    #[serde(default)]
    pub writers: BTreeMap<Replica, Replica>,
}

/// A title as lists show it: trimmed, or a stand-in in the language on screen when it is
/// empty. Summaries and digests keep the title as written and call this when they show it, so
/// the stand-in is never stored in one language and shown in another.
pub fn shown_title(written: &str) -> &str {
    let title = written.trim();
    if title.is_empty() {
        tr("Untitled retrospective")
    } else {
        title
    }
}

impl Retrospective {
    /// A new, empty retrospective on its first step, titled `title` (trimmed) and written by `writer`.
    pub fn new(id: Id, template: Template, title: &str, writer: &Writer) -> Self {
        let clock = Clock(1, writer.replica);
        Retrospective {
            id,
            template,
            own_template: None,
            created_at: writer.now_ms,
            updated_at: writer.now_ms,
            counter: 1,
            title: Register::new(title.trim().to_string(), clock),
            incident_start: Register::new(None, clock),
            incident_end: Register::new(None, clock),
            impact: Register::new(String::new(), clock),
            participants: Register::new(String::new(), clock),
            time_zone: Register::new(String::new(), clock),
            severity: Register::new(None, clock),
            detection: Register::new(None, clock),
            surprise: Register::new(String::new(), clock),
            tags: Register::new(BTreeSet::new(), clock),
            step: Register::new(Step::SetTheStage, clock),
            timeline: BTreeMap::new(),
            factors: BTreeMap::new(),
            whys: BTreeMap::new(),
            actions: BTreeMap::new(),
            learnings: BTreeMap::new(),
            accounts: BTreeMap::new(),
            questions: BTreeMap::new(),
            responders: BTreeMap::new(),
            themes: BTreeMap::new(),
            deleted: BTreeMap::new(),
            facilitation: Facilitation::default(),
            authors: BTreeMap::new(),
            writers: BTreeMap::new(),
        }
        .with_writer(writer)
    }

    /// Records which profile `writer`'s replica belongs to, the first time it writes here.
    fn with_writer(mut self, writer: &Writer) -> Self {
        self.note_writer(writer);
        self
    }

    fn note_writer(&mut self, writer: &Writer) {
        if writer.replica != writer.profile && !self.writers.contains_key(&writer.replica) {
            self.writers.insert(writer.replica, writer.profile);
        }
    }

    /// A clock for a new write: one past every clock seen so far.
    pub fn stamp(&mut self, writer: &Writer) -> Clock {
        self.counter += 1;
        self.updated_at = self.updated_at.max(writer.now_ms);
        self.note_writer(writer);
        Clock(self.counter, writer.replica)
    }

    /// Every clock in the document: each register's, and each tombstone's. The highest of them
    /// is what [`Self::counter`] must never be below.
    pub fn clocks(&self, found: &mut dyn FnMut(Clock)) {
        self.header_clocks(None, found);
        newer_clock(&self.step, None, found);
        for entry in self.timeline.values() {
            entry.newer_clocks(None, found);
        }
        for factor in self.factors.values() {
            factor.newer_clocks(None, found);
        }
        for why in self.whys.values() {
            why.newer_clocks(None, found);
        }
        for action in self.actions.values() {
            action.newer_clocks(None, found);
        }
        for learning in self.learnings.values() {
            learning.newer_clocks(None, found);
        }
        for account in self.accounts.values() {
            account.newer_clocks(None, found);
        }
        for question in self.questions.values() {
            question.newer_clocks(None, found);
        }
        for responder in self.responders.values() {
            responder.newer_clocks(None, found);
        }
        for theme in self.themes.values() {
            theme.newer_clocks(None, found);
        }
        self.facilitation.newer_clocks(None, found);
        newer_register_clocks(&self.authors, None, found);
        self.deleted.values().for_each(|clock| found(*clock));
    }

    /// Raises [`Self::counter`] to the highest clock in the document: a copy edited by hand may
    /// carry clocks above its counter, and new writes must still win.
    pub fn repair_counter(&mut self) {
        let mut highest = self.counter;
        self.clocks(&mut |clock| highest = highest.max(clock.counter()));
        self.counter = highest;
    }

    /// The browser profile behind a replica (itself when the document does not say otherwise).
    pub fn profile_of(&self, replica: Replica) -> Replica {
        self.writers.get(&replica).copied().unwrap_or(replica)
    }

    /// The name the person behind a replica (or a profile) chose, if any.
    pub fn author_name(&self, replica: Replica) -> Option<&str> {
        self.authors.get(&self.profile_of(replica)).map(|r| r.value.trim()).filter(|n| !n.is_empty())
    }

    /// The title, or a stand-in so lists never show an empty line.
    pub fn display_title(&self) -> &str {
        shown_title(&self.title.value)
    }

    /// Timeline entries in the order they are shown; see [`timeline_order`].
    pub fn timeline_order(&self) -> Vec<Id> {
        timeline_order(&self.timeline)
    }

    /// The items `viewer` must not see yet: others' notes of a round still in silent writing.
    pub fn hidden_from(&self, viewer: Viewer) -> HashSet<Id> {
        let writing = &self.facilitation.writing;
        self.facilitation.silent.iter().filter(|(_, note)| is_hidden(note, writing, viewer)).map(|(id, _)| *id).collect()
    }

    /// What the room is told of `step`'s silent writing: how many people wrote how many notes
    /// in the open round; `None` when no round is open there.
    pub fn writing_count(&self, step: Step) -> Option<WritingCount> {
        let f = &self.facilitation;
        f.writing(step).is_open().then(|| writing_count(&f.silent, &f.writing, step, |id| self.contains(id)))
    }

    /// `ids` without those hidden from `viewer`, in the same order.
    pub fn shown_to(&self, viewer: Viewer, mut ids: Vec<Id>) -> Vec<Id> {
        // Nothing is ever hidden in most retrospectives: no set built, no pass made.
        if self.facilitation.silent.is_empty() {
            return ids;
        }
        let hidden = self.hidden_from(viewer);
        if !hidden.is_empty() {
            ids.retain(|id| !hidden.contains(id));
        }
        ids
    }

    /// The retrospective as `viewer` may see it: others' unrevealed notes left out, with
    /// everything that hangs off them (their why chains). What the audience window, Present
    /// and every export read during silent writing. Borrowed when nothing is hidden.
    pub fn as_seen_by(&self, viewer: Viewer) -> Cow<'_, Retrospective> {
        if self.facilitation.silent.is_empty() {
            return Cow::Borrowed(self);
        }
        let hidden = self.hidden_from(viewer);
        if hidden.is_empty() {
            return Cow::Borrowed(self);
        }
        let mut seen = self.clone();
        seen.timeline.retain(|id, _| !hidden.contains(id));
        seen.factors.retain(|id, _| !hidden.contains(id));
        seen.whys.retain(|_, n| !hidden.contains(&n.factor));
        seen.actions.retain(|id, _| !hidden.contains(id));
        seen.learnings.retain(|id, _| !hidden.contains(id));
        Cow::Owned(seen)
    }

    /// Factors shown in their own right: those not merged into another.
    pub fn factor_order(&self) -> Vec<Id> {
        by_position(self.factors.iter().filter(|(_, f)| f.merged_into.value.is_none()))
    }

    /// Factors merged into `factor` as duplicates, in order.
    pub fn merged_parts(&self, factor: Id) -> Vec<Id> {
        by_position(self.factors.iter().filter(|(_, f)| f.merged_into.value == Some(factor)))
    }

    /// The factor a (possibly merged) factor is shown as part of.
    pub fn shown_as(&self, factor: Id) -> Id {
        match self.factors.get(&factor).and_then(|f| f.merged_into.value) {
            Some(into) if self.factors.contains_key(&into) => into,
            _ => factor,
        }
    }

    /// Dots for a factor, including those recorded on factors merged into it.
    pub fn total_votes(&self, factor: Id) -> u32 {
        let own = |f: Id| self.factors.get(&f).map_or(0, |x| x.votes.value) + self.facilitation.dots_on(f);
        own(factor) + self.merged_parts(factor).iter().map(|p| own(*p)).sum::<u32>()
    }

    /// [`Self::total_votes`] for every factor at once, in one pass (sorting by votes would
    /// otherwise scan all factors per factor).
    pub fn vote_totals(&self) -> std::collections::HashMap<Id, u32> {
        let mut totals = std::collections::HashMap::with_capacity(self.factors.len());
        for (id, factor) in &self.factors {
            let votes = factor.votes.value + self.facilitation.dots_on(*id);
            *totals.entry(*id).or_insert(0) += votes;
            if let Some(into) = factor.merged_into.value {
                *totals.entry(into).or_insert(0) += votes;
            }
        }
        totals
    }

    /// The factors some action addresses, as shown: an action linked to a duplicate addresses
    /// the factor that duplicate was merged into, and an action linked to the factor covers
    /// its merged parts too. The one meaning of "addressed" for checks, suggestions and the
    /// Summary; see [`Self::is_addressed`].
    pub fn addressed_factors(&self) -> std::collections::HashSet<Id> {
        self.actions.values().flat_map(|a| a.factor_links.value.iter().map(|l| self.shown_as(*l))).collect()
    }

    /// Whether any action addresses `factor`, directly or through the factor it is merged
    /// with (either way round).
    pub fn is_addressed(&self, factor: Id) -> bool {
        self.addressed_factors().contains(&self.shown_as(factor))
    }

    /// Action items in list order.
    pub fn action_order(&self) -> Vec<Id> {
        by_position(self.actions.iter())
    }

    /// The open questions, in order.
    pub fn question_order(&self) -> Vec<Id> {
        by_position(self.questions.iter())
    }

    /// The responders, in order.
    pub fn responder_order(&self) -> Vec<Id> {
        by_position(self.responders.iter())
    }

    /// The themes, in order.
    pub fn theme_order(&self) -> Vec<Id> {
        by_position(self.themes.iter())
    }

    /// The learnings of one list, in order.
    pub fn learning_order(&self, list: LearningList) -> Vec<Id> {
        by_position(self.learnings.iter().filter(|(_, l)| l.list == list))
    }

    /// Whether a step holds anything yet; shown in the stepper.
    pub fn step_has_content(&self, step: Step) -> bool {
        match step {
            Step::SetTheStage => !self.impact.value.trim().is_empty() || self.incident_start.value.is_some() || !self.participants.value.trim().is_empty(),
            Step::WhatHappened => !self.timeline.is_empty(),
            Step::Why => !self.factors.is_empty(),
            Step::Prevention => !self.actions.is_empty(),
            Step::Summary => !self.learnings.is_empty(),
        }
    }

    /// The title of a copy made with "Duplicate" or by opening a link or file as new.
    pub fn copy_title(&self) -> String {
        tf!("Copy of {title}", title = self.display_title())
    }

    /// The title of the copy a tab keeps of a retrospective deleted in another tab.
    pub fn kept_copy_title(&self) -> String {
        tf!("{title} (kept copy)", title = self.display_title())
    }

    /// Shown factors with votes that no action addresses yet, most votes first (ties keep
    /// their order), at most `n`: Prevention suggests them.
    pub fn top_voted_unaddressed(&self, n: usize) -> Vec<(Id, u32)> {
        let addressed = self.addressed_factors();
        let totals = self.vote_totals();
        let mut voted: Vec<(Id, u32)> = self
            .factor_order()
            .into_iter()
            .map(|f| (f, totals.get(&f).copied().unwrap_or(0)))
            .filter(|(f, votes)| *votes > 0 && !addressed.contains(f))
            .collect();
        crate::sorting::sort_by_key(&mut voted, |(_, votes)| std::cmp::Reverse(*votes));
        voted.truncate(n);
        voted
    }

    /// A copy under a new id, for "duplicate": same content, its own history from here on.
    pub fn duplicate(&self, new_id: Id, title: String, writer: &Writer) -> Retrospective {
        let mut copy = self.clone();
        copy.id = new_id;
        copy.created_at = writer.now_ms;
        let clock = copy.stamp(writer);
        copy.title.set(title, clock);
        copy
    }
}

/// What a retrospective shows, from its own template when it was made from one, else from its
/// built-in kind. The UI and the write-ups ask here, never the kind directly.
impl Retrospective {
    /// The words `step` shows.
    pub fn step_copy(&self, step: Step) -> crate::model::template::StepCopy<'_> {
        match &self.own_template {
            Some(t) => t.step_copy(step),
            None => self.template.copy(step),
        }
    }

    /// The factor categories offered first; never empty.
    pub fn suggested_categories(&self) -> &[crate::model::factors::Category] {
        match &self.own_template {
            Some(t) if !t.categories.is_empty() => &t.categories,
            _ => self.template.suggested_categories(),
        }
    }

    /// The agreement read out before the retrospective starts.
    pub fn agreement(&self) -> &str {
        self.own_template.as_ref().map(|t| t.agreement.as_str()).filter(|a| !a.trim().is_empty()).unwrap_or(tr(crate::model::template::BLAMELESS_AGREEMENT))
    }

    /// What `level` means in this retrospective.
    pub fn severity_definition(&self, level: Severity) -> &str {
        self.own_template.as_ref().and_then(|t| t.severities.get(&level)).map(String::as_str).filter(|d| !d.trim().is_empty()).unwrap_or(level.definition())
    }

    /// The name of the template it was made from: its own template's, or the built-in kind's.
    pub fn template_name(&self) -> &str {
        self.own_template.as_ref().map(|t| t.name.as_str()).unwrap_or(self.template.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::model::actions::ActionField;
    use crate::model::factors::FactorField;

    #[test]
    fn the_most_voted_factors_without_an_action_are_suggested() {
        let w = Writer::new(Replica(1), 0);
        let id = |n: u8| Id::from_random([n; 16]);
        let mut r = Retrospective::new(id(1), Template::Incident, "t", &w);
        for (n, votes) in [(2, 1), (3, 4), (4, 0), (5, 2), (6, 3)] {
            r.apply(Edit::AddFactor { id: id(n) }, &w);
            r.apply(Edit::Factor(id(n), FactorField::Votes(votes)), &w);
        }
        assert_eq!(r.top_voted_unaddressed(3), vec![(id(3), 4), (id(6), 3), (id(5), 2)]);
        r.apply(Edit::AddAction { id: id(9) }, &w);
        r.apply(Edit::Action(id(9), ActionField::FactorLinks([id(3)].into())), &w);
        assert_eq!(r.top_voted_unaddressed(3), vec![(id(6), 3), (id(5), 2), (id(2), 1)], "an addressed factor is not suggested");
        assert_eq!(r.copy_title(), "Copy of t");
        assert_eq!(r.kept_copy_title(), "t (kept copy)");
    }
}
