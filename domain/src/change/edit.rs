//! Edits: every change the UI can ask of a retrospective, as data.
//!
//! Components send an [`Edit`]; [`Retrospective::apply`] stamps it with a fresh clock and writes
//! the registers. Keeping intents as values makes them easy to test, log and replay.

use crate::model::accounts::{AccountField, PassageRef};
use crate::model::actions::{ActionField, ActionItem};
use crate::model::clock::set_in_map;
use crate::model::factors::{suggested_question, why_children, why_subtree, ContributingFactor, FactorField, WhyField, WhyNode};
use crate::model::ids::Id;
use crate::model::learnings::{Learning, LearningField, LearningList};
use crate::model::order::{by_position, move_one, position_at_end};
use crate::model::postmortem::{Responder, ResponderField, ResponderRole};
use crate::model::questions::{OpenQuestion, QuestionField};
use crate::model::retrospective::{HeaderField, Retrospective, Writer};
use crate::model::settings::SettingField;
use crate::model::silent::SilentNote;
use crate::model::steps::Step;
use crate::model::themes::{Theme, ThemeField};
use crate::model::timeline::{TimelineEntry, TimelineField};
use crate::model::timer::Timer;

/// One change to a retrospective, as [`Retrospective::apply`] takes it.
#[derive(Clone, PartialEq, Debug)]
pub enum Edit {
    /// One of the header fields: title, incident start and end, impact, participants, time zone.
    Header(HeaderField),
    /// The step the group moves to.
    GoTo(Step),
    /// A new, empty entry at the end of the timeline.
    AddTimelineEntry {
        /// The new entry's id; the edit is refused if it is taken or was deleted.
        id: Id,
    },
    /// One field of a timeline entry.
    Timeline(Id, TimelineField),
    /// A new, empty factor at the end of the list, in the template's first suggested category.
    AddFactor {
        /// The new factor's id; the edit is refused if it is taken or was deleted.
        id: Id,
    },
    /// One field of a contributing factor.
    Factor(Id, FactorField),
    /// A question under a factor (`parent: None`) or under another question.
    AddWhy {
        /// The new question's id; the edit is refused if it is taken or was deleted.
        id: Id,
        /// The factor the chain explains.
        factor: Id,
        /// The question this one follows up, which must be under the same factor.
        parent: Option<Id>,
    },
    /// One field of a why question.
    Why(Id, WhyField),
    /// A new, empty action at the end of the list.
    AddAction {
        /// The new action's id; the edit is refused if it is taken or was deleted.
        id: Id,
    },
    /// One field of an action item.
    Action(Id, ActionField),
    /// A new, empty learning at the end of its list.
    AddLearning {
        /// The new learning's id; the edit is refused if it is taken or was deleted.
        id: Id,
        /// The list it goes in, for good.
        list: LearningList,
    },
    /// One field of a learning.
    Learning(Id, LearningField),
    /// A new, empty open question at the end of the list, from these passages of accounts
    /// (none when it did not come from one).
    AddQuestion {
        /// The new question's id; the edit is refused if it is taken or was deleted.
        id: Id,
        /// The passages it came from.
        sources: Vec<PassageRef>,
    },
    /// One field of an open question.
    Question(Id, QuestionField),
    /// A new responder at the end of the list.
    AddResponder {
        /// The new responder's id; the edit is refused if it is taken or was deleted.
        id: Id,
    },
    /// One field of a responder.
    Responder(Id, ResponderField),
    /// A new, unnamed theme at the end of the list.
    AddTheme {
        /// The new theme's id; the edit is refused if it is taken or was deleted.
        id: Id,
    },
    /// One field of a theme.
    Theme(Id, ThemeField),
    /// The facilitator's own field of an account (which passages may be shown); what the
    /// person wrote comes only from their replies (see `Retrospective::attach_reply`).
    Account(Id, AccountField),
    /// One place up or down in the item's list.
    Move {
        /// The item to move, of any kind.
        id: Id,
        /// Towards the start of the list when true, towards the end when false.
        up: bool,
    },
    /// Presenter mode on or off; it is remembered with the retrospective.
    Presenter(bool),
    /// Hide participant names and vote counts on the shared screen.
    SafeToShare(bool),
    /// Dots each person may give when the room votes (at most 99).
    VotesPerPerson(u32),
    /// How many people are voting (at most 999).
    Voters(u32),
    /// The timebox of a step, and where its countdown stands.
    SetTimer(Step, Timer),
    /// The writer's display name on this retrospective ("" to be anonymous).
    DisplayName(String),
    /// Dismiss one coach finding, by its key.
    DismissFinding(String),
    /// Show `duplicate` as part of `into`: both statements, links and why chains are kept.
    MergeFactor {
        /// The factor found to be a duplicate; any factors merged into it move along with it.
        duplicate: Id,
        /// The factor it becomes part of, which must stand on its own.
        into: Id,
    },
    /// Undo a merge: the factor stands on its own again.
    SeparateFactor(Id),
    /// Deleting a factor or a question deletes the questions below it too.
    Delete(Id),
    /// The writer leads the meeting: everyone else's screen follows their step and timer.
    Facilitate,
    /// Everyone writes on `step` unseen by the others until [`Edit::Reveal`]; refused while a
    /// round is open there already.
    StartSilentWriting(Step),
    /// Shows everything written in `step`'s open round to everyone; refused when none is open.
    Reveal(Step),
    /// The writer's own dots on a factor, from their device; refused beyond their votes.
    Dots {
        /// The factor (as shown: dots on a merged duplicate count for the factor it is part of).
        factor: Id,
        /// How many of the writer's dots it has now.
        count: u32,
    },
}

/// The step whose silent writing an item added by `edit` belongs to, if it is one of the kinds
/// people write on their own: timeline notes, factors, actions, learnings.
fn silent_step(edit: &Edit) -> Option<Step> {
    match edit {
        Edit::AddTimelineEntry { .. } => Some(Step::WhatHappened),
        Edit::AddFactor { .. } => Some(Step::Why),
        Edit::AddAction { .. } => Some(Step::Prevention),
        Edit::AddLearning { .. } => Some(Step::Summary),
        _ => None,
    }
}

impl Retrospective {
    /// Applies an edit. Returns false when it changed nothing: the item is gone (deleted here or
    /// in a merged copy), the id is already taken, or a move is at the end of its list.
    pub fn apply(&mut self, edit: Edit, writer: &Writer) -> bool {
        if let Some(id) = edit.new_item_id() {
            if self.deleted.contains_key(&id) || self.contains(id) {
                return false;
            }
            // Written while its step is in writing: shown to its writer alone until revealed.
            if let Some(step) = silent_step(&edit) {
                let writing = self.facilitation.writing(step);
                if writing.is_open() {
                    self.facilitation.silent.insert(id, SilentNote { step, round: writing.round, by: writer.profile });
                }
            }
        }
        match edit {
            Edit::Header(field) => {
                let c = self.stamp(writer);
                self.set_header(field, c)
            }
            Edit::GoTo(step) => {
                let c = self.stamp(writer);
                self.step.set(step, c)
            }
            Edit::AddTimelineEntry { id } => {
                let position = position_at_end(self.timeline.values());
                let c = self.stamp(writer);
                self.timeline.insert(id, TimelineEntry::new(position, c));
            }
            Edit::Timeline(id, field) => {
                if !self.timeline.contains_key(&id) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(e) = self.timeline.get_mut(&id) {
                    e.set(field, c)
                }
            }
            Edit::AddFactor { id } => {
                let position = position_at_end(self.factors.values());
                let category = self.suggested_categories()[0];
                let c = self.stamp(writer);
                self.factors.insert(id, ContributingFactor::new(category, position, c));
            }
            Edit::Factor(id, field) => {
                if !self.factors.contains_key(&id) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(f) = self.factors.get_mut(&id) {
                    f.set(field, c)
                }
            }
            Edit::AddWhy { id, factor, parent } => {
                let parent_ok = parent.is_none_or(|p| self.whys.get(&p).is_some_and(|n| n.factor == factor));
                if !self.factors.contains_key(&factor) || !parent_ok {
                    return false;
                }
                let siblings = why_children(&self.whys, factor, parent);
                let position = position_at_end(siblings.iter().map(|s| &self.whys[s]));
                let depth = self.why_depth_of(parent);
                let c = self.stamp(writer);
                self.whys.insert(id, WhyNode::new(factor, parent, suggested_question(depth).to_string(), position, c));
            }
            Edit::Why(id, field) => {
                if !self.whys.contains_key(&id) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(n) = self.whys.get_mut(&id) {
                    n.set(field, c)
                }
            }
            Edit::AddAction { id } => {
                let position = position_at_end(self.actions.values());
                let c = self.stamp(writer);
                self.actions.insert(id, ActionItem::new(position, c));
            }
            Edit::Action(id, field) => {
                if !self.actions.contains_key(&id) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(a) = self.actions.get_mut(&id) {
                    a.set(field, c)
                }
            }
            Edit::AddLearning { id, list } => {
                let position = position_at_end(self.learnings.values().filter(|l| l.list == list));
                let c = self.stamp(writer);
                self.learnings.insert(id, Learning::new(list, position, c));
            }
            Edit::Learning(id, field) => {
                if !self.learnings.contains_key(&id) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(l) = self.learnings.get_mut(&id) {
                    l.set(field, c)
                }
            }
            Edit::AddResponder { id } => {
                let position = position_at_end(self.responders.values());
                // The incident lead first; after that, the role most responses have most of.
                let role = if self.responders.is_empty() { ResponderRole::IncidentLead } else { ResponderRole::Operations };
                let c = self.stamp(writer);
                self.responders.insert(id, Responder::new(role, position, c));
            }
            Edit::Responder(id, field) => {
                if !self.responders.contains_key(&id) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(r) = self.responders.get_mut(&id) {
                    r.set(field, c)
                }
            }
            Edit::AddTheme { id } => {
                let position = position_at_end(self.themes.values());
                let c = self.stamp(writer);
                self.themes.insert(id, Theme::new(position, c));
            }
            Edit::Theme(id, field) => {
                if !self.themes.contains_key(&id) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(t) = self.themes.get_mut(&id) {
                    t.set(field, c)
                }
            }
            Edit::AddQuestion { id, sources } => {
                let position = position_at_end(self.questions.values());
                let c = self.stamp(writer);
                self.questions.insert(id, OpenQuestion::new(position, sources, c));
            }
            Edit::Question(id, field) => {
                if !self.questions.contains_key(&id) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(q) = self.questions.get_mut(&id) {
                    q.set(field, c)
                }
            }
            // The body is theirs: a facilitator's edit could never outlast their next reply.
            Edit::Account(_, AccountField::Body(_)) => return false,
            Edit::Account(id, field) => {
                if !self.accounts.contains_key(&id) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(a) = self.accounts.get_mut(&id) {
                    a.set(field, c)
                }
            }
            Edit::Move { id, up } => return self.move_item(id, up, writer),
            Edit::Presenter(on) => self.set_setting(SettingField::Presenter(on), writer),
            Edit::SafeToShare(on) => self.set_setting(SettingField::SafeToShare(on), writer),
            Edit::VotesPerPerson(n) => self.set_setting(SettingField::VotesPerPerson(n.min(99)), writer),
            Edit::Voters(n) => self.set_setting(SettingField::Voters(n.min(999)), writer),
            Edit::SetTimer(step, timer) => {
                let c = self.stamp(writer);
                set_in_map(&mut self.facilitation.timers, step, timer, c);
            }
            Edit::DisplayName(name) => {
                let c = self.stamp(writer);
                let name: String = name.trim().chars().take(80).collect();
                set_in_map(&mut self.authors, writer.profile, name, c);
            }
            Edit::DismissFinding(key) => {
                if !self.facilitation.dismissed.insert(key) {
                    return false;
                }
                self.stamp(writer);
            }
            Edit::MergeFactor { duplicate, into } => {
                // Only into a factor that stands on its own, so parts never nest or loop.
                let target_ok = self.factors.get(&into).is_some_and(|f| f.merged_into.value.is_none());
                if duplicate == into || !target_ok || !self.factors.contains_key(&duplicate) {
                    return false;
                }
                let c = self.stamp(writer);
                let parts = self.merged_parts(duplicate);
                for id in std::iter::once(duplicate).chain(parts) {
                    if let Some(f) = self.factors.get_mut(&id) {
                        f.merged_into.set(Some(into), c);
                    }
                }
            }
            Edit::SeparateFactor(id) => {
                if self.factors.get(&id).is_none_or(|f| f.merged_into.value.is_none()) {
                    return false;
                }
                let c = self.stamp(writer);
                if let Some(f) = self.factors.get_mut(&id) {
                    f.merged_into.set(None, c)
                }
            }
            Edit::Delete(id) => return self.delete(id, writer),
            Edit::Facilitate => {
                if self.facilitation.facilitator.value == Some(writer.profile) {
                    return false;
                }
                self.set_setting(SettingField::Facilitator(Some(writer.profile)), writer)
            }
            Edit::StartSilentWriting(step) | Edit::Reveal(step) => {
                let now = self.facilitation.writing(step);
                let next = if matches!(edit, Edit::Reveal(_)) { now.revealed() } else { now.started() };
                let Some(next) = next else { return false };
                self.stamp(writer);
                self.facilitation.writing.insert(step, next);
            }
            Edit::Dots { factor, count } => {
                if !self.factors.contains_key(&factor) {
                    return false;
                }
                let mine = |r: &Self| r.facilitation.dots.get(&factor).and_then(|p| p.get(&writer.profile)).map_or(0, |d| d.value);
                let others = self.facilitation.dots_given(writer.profile) - mine(self);
                let allowed = self.facilitation.votes_per_person.value.saturating_sub(others);
                let count = count.min(allowed);
                if count == mine(self) {
                    return false;
                }
                let c = self.stamp(writer);
                set_in_map(self.facilitation.dots.entry(factor).or_default(), writer.profile, count, c);
            }
        }
        true
    }

    fn set_setting(&mut self, field: SettingField, writer: &Writer) {
        let c = self.stamp(writer);
        self.facilitation.set_setting(field, c);
    }

    /// Whether an item of any kind has this id.
    pub fn contains(&self, id: Id) -> bool {
        self.timeline.contains_key(&id)
            || self.factors.contains_key(&id)
            || self.whys.contains_key(&id)
            || self.actions.contains_key(&id)
            || self.learnings.contains_key(&id)
            || self.accounts.contains_key(&id)
            || self.questions.contains_key(&id)
            || self.responders.contains_key(&id)
            || self.themes.contains_key(&id)
    }

    fn why_depth_of(&self, node: Option<Id>) -> usize {
        let mut depth = 0;
        let mut current = node;
        while let Some(id) = current {
            depth += 1;
            current = self.whys.get(&id).and_then(|n| n.parent);
            if depth > self.whys.len() {
                break; // a malformed cycle from a hostile file must not hang us
            }
        }
        depth
    }

    fn move_item(&mut self, id: Id, up: bool, writer: &Writer) -> bool {
        let mut counter = self.counter;
        let mut stamp = || {
            counter += 1;
            crate::model::clock::Clock(counter, writer.replica)
        };
        let moved = if self.timeline.contains_key(&id) {
            // Only entries sharing a time (or both without one) can swap: time decides the rest.
            let order = self.timeline_order();
            let index = order.iter().position(|x| *x == id).unwrap_or(0);
            let neighbour = if up { index.checked_sub(1) } else { Some(index + 1) };
            let sortable_time = |i: usize| self.timeline.get(&order[i]).and_then(|e| e.when.value);
            match neighbour.filter(|n| *n < order.len()) {
                Some(n) if sortable_time(n).is_some() && sortable_time(index).is_some() && sortable_time(n) != sortable_time(index) => false,
                Some(_) => {
                    // Positions must follow the shown order for a move to mean what the user
                    // sees; after time edits they may not, so realign them first.
                    if by_position(self.timeline.iter()) != order {
                        for (i, entry) in order.iter().enumerate() {
                            if let Some(e) = self.timeline.get_mut(entry) {
                                e.position.set(i as f64 + 1.0, stamp());
                            }
                        }
                    }
                    move_one(&mut self.timeline, &order, id, up, &mut stamp)
                }
                None => false,
            }
        } else if self.factors.contains_key(&id) {
            let order = self.factor_order();
            move_one(&mut self.factors, &order, id, up, &mut stamp)
        } else if let Some(node) = self.whys.get(&id) {
            let order = why_children(&self.whys, node.factor, node.parent);
            move_one(&mut self.whys, &order, id, up, &mut stamp)
        } else if self.actions.contains_key(&id) {
            let order = self.action_order();
            move_one(&mut self.actions, &order, id, up, &mut stamp)
        } else if let Some(learning) = self.learnings.get(&id) {
            let order = self.learning_order(learning.list);
            move_one(&mut self.learnings, &order, id, up, &mut stamp)
        } else if self.questions.contains_key(&id) {
            let order = self.question_order();
            move_one(&mut self.questions, &order, id, up, &mut stamp)
        } else if self.responders.contains_key(&id) {
            let order = self.responder_order();
            move_one(&mut self.responders, &order, id, up, &mut stamp)
        } else if self.themes.contains_key(&id) {
            let order = self.theme_order();
            move_one(&mut self.themes, &order, id, up, &mut stamp)
        } else {
            false
        };
        if moved {
            self.counter = counter;
            self.updated_at = self.updated_at.max(writer.now_ms);
        }
        moved
    }

    fn delete(&mut self, id: Id, writer: &Writer) -> bool {
        let mut doomed = vec![];
        if self.factors.contains_key(&id) {
            doomed.push(id);
            let roots = why_children(&self.whys, id, None);
            for root in roots {
                doomed.extend(why_subtree(&self.whys, root));
            }
        } else if self.whys.contains_key(&id) {
            doomed.extend(why_subtree(&self.whys, id));
        } else if self.contains(id) {
            doomed.push(id);
        } else {
            return false;
        }
        let clock = self.stamp(writer);
        for id in doomed {
            self.timeline.remove(&id);
            self.factors.remove(&id);
            self.whys.remove(&id);
            self.actions.remove(&id);
            self.learnings.remove(&id);
            self.accounts.remove(&id);
            self.questions.remove(&id);
            self.responders.remove(&id);
            self.themes.remove(&id);
            self.deleted.insert(id, clock);
        }
        // Links to a deleted item are left in place: they are ignored when shown, and a merge
        // may still bring a concurrent edit of the link set.
        true
    }
}

/// What an edit can change, so views can tell whether they need to look again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditScope {
    /// Only the fields of this one item (and derived views over all items, such as order).
    Item(Id),
    /// Anything: which items exist, their places, links between items, shared settings.
    Document,
}

impl Edit {
    /// The narrowest scope this edit's changes stay within. Typing into a card is `Item`, so a
    /// screen with a thousand cards only re-reads the one being typed into.
    pub fn scope(&self) -> EditScope {
        match self {
            Edit::Timeline(id, _)
            | Edit::Why(id, _)
            | Edit::Action(id, _)
            | Edit::Learning(id, _)
            | Edit::Question(id, _)
            | Edit::Account(id, _)
            | Edit::Responder(id, _)
            | Edit::Theme(id, _) => EditScope::Item(*id),
            // Votes count towards the factor a duplicate is merged into, and merging moves a
            // factor into another card: both reach beyond the one item.
            Edit::Factor(_, FactorField::Votes(_) | FactorField::MergedInto(_)) => EditScope::Document,
            Edit::Factor(id, _) => EditScope::Item(*id),
            _ => EditScope::Document,
        }
    }

    fn new_item_id(&self) -> Option<Id> {
        match self {
            Edit::AddTimelineEntry { id }
            | Edit::AddFactor { id }
            | Edit::AddWhy { id, .. }
            | Edit::AddAction { id }
            | Edit::AddLearning { id, .. }
            | Edit::AddQuestion { id, .. }
            | Edit::AddResponder { id }
            | Edit::AddTheme { id } => Some(*id),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::factors::why_depth;
    use crate::model::ids::Replica;
    use crate::model::template::Template;
    use crate::model::time::LocalDateTime;

    fn writer() -> Writer {
        Writer::new(Replica(7), 1_000)
    }

    fn ids() -> impl FnMut() -> Id {
        let mut n = 0u8;
        move || {
            n += 1;
            Id::from_random([n; 16])
        }
    }

    #[test]
    fn adding_and_editing_items_stamps_increasing_clocks() {
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Incident, "Checkout outage", &w);
        let e = next();
        assert!(r.apply(Edit::AddTimelineEntry { id: e }, &w));
        assert!(r.apply(Edit::Timeline(e, TimelineField::What("Alert fired".into())), &w));
        assert_eq!(r.timeline[&e].what.value, "Alert fired");
        assert!(r.timeline[&e].what.clock > r.timeline[&e].kind.clock);
        assert_eq!(r.counter, r.timeline[&e].what.clock.counter());
    }

    #[test]
    fn an_id_cannot_be_added_twice_or_revived_after_deletion() {
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Incident, "t", &w);
        let a = next();
        assert!(r.apply(Edit::AddAction { id: a }, &w));
        assert!(!r.apply(Edit::AddAction { id: a }, &w));
        assert!(r.apply(Edit::Delete(a), &w));
        assert!(!r.apply(Edit::AddAction { id: a }, &w));
        assert!(!r.apply(Edit::Action(a, ActionField::Owner("x".into())), &w));
        assert!(r.deleted.contains_key(&a));
    }

    #[test]
    fn deleting_a_factor_deletes_its_why_chain() {
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Incident, "t", &w);
        let f = next();
        r.apply(Edit::AddFactor { id: f }, &w);
        let (q1, q2, q3) = (next(), next(), next());
        assert!(r.apply(Edit::AddWhy { id: q1, factor: f, parent: None }, &w));
        assert!(r.apply(Edit::AddWhy { id: q2, factor: f, parent: Some(q1) }, &w));
        assert!(r.apply(Edit::AddWhy { id: q3, factor: f, parent: Some(q2) }, &w));
        assert_eq!(why_depth(&r.whys, f), 3);
        assert_eq!(r.whys[&q2].question.value, suggested_question(1));
        assert!(r.apply(Edit::Delete(f), &w));
        assert!(r.whys.is_empty());
        assert_eq!(r.deleted.len(), 4);
    }

    #[test]
    fn a_why_under_another_factors_question_is_refused() {
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Incident, "t", &w);
        let (f, g, q) = (next(), next(), next());
        r.apply(Edit::AddFactor { id: f }, &w);
        r.apply(Edit::AddFactor { id: g }, &w);
        r.apply(Edit::AddWhy { id: q, factor: f, parent: None }, &w);
        assert!(!r.apply(Edit::AddWhy { id: next(), factor: g, parent: Some(q) }, &w));
    }

    #[test]
    fn moving_actions_reorders_them() {
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Project, "t", &w);
        let (a, b, c) = (next(), next(), next());
        for id in [a, b, c] {
            r.apply(Edit::AddAction { id }, &w);
        }
        assert!(r.apply(Edit::Move { id: c, up: true }, &w));
        assert_eq!(r.action_order(), vec![a, c, b]);
        assert!(!r.apply(Edit::Move { id: a, up: true }, &w));
    }

    #[test]
    fn timed_entries_do_not_move_past_other_times_but_untimed_ones_do() {
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Incident, "t", &w);
        let (a, b, c) = (next(), next(), next());
        for id in [a, b, c] {
            r.apply(Edit::AddTimelineEntry { id }, &w);
        }
        let t = |s: &str| Some(LocalDateTime::parse(s).unwrap());
        r.apply(Edit::Timeline(a, TimelineField::When(t("2026-01-01T10:00"))), &w);
        r.apply(Edit::Timeline(b, TimelineField::When(t("2026-01-01T11:00"))), &w);
        assert!(!r.apply(Edit::Move { id: b, up: true }, &w), "time decides between a and b");
        assert!(r.apply(Edit::Move { id: c, up: true }, &w), "an untimed note can move");
        assert_eq!(r.timeline_order(), vec![a, c, b]);
    }

    #[test]
    fn merging_duplicate_factors_keeps_both_and_can_be_undone() {
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Incident, "t", &w);
        let (a, b, c) = (next(), next(), next());
        for id in [a, b, c] {
            r.apply(Edit::AddFactor { id }, &w);
        }
        r.apply(Edit::Factor(b, FactorField::Votes(2)), &w);
        r.apply(Edit::Factor(a, FactorField::Votes(1)), &w);
        assert!(r.apply(Edit::MergeFactor { duplicate: b, into: a }, &w));
        assert_eq!(r.factor_order(), vec![a, c]);
        assert_eq!(r.merged_parts(a), vec![b]);
        assert_eq!(r.total_votes(a), 3);
        let totals = r.vote_totals();
        for id in [a, b, c] {
            assert_eq!(totals.get(&id).copied().unwrap_or(0), r.total_votes(id), "one pass agrees with per-factor totals");
        }
        assert!(!r.apply(Edit::MergeFactor { duplicate: c, into: b }, &w), "no merging into a part");
        assert!(!r.apply(Edit::MergeFactor { duplicate: a, into: a }, &w));
        // Merging a factor that has parts moves its parts along: no nesting.
        assert!(r.apply(Edit::MergeFactor { duplicate: a, into: c }, &w));
        assert_eq!(r.merged_parts(c), vec![a, b]);
        assert!(r.apply(Edit::SeparateFactor(a), &w));
        assert!(r.apply(Edit::SeparateFactor(b), &w));
        assert_eq!(r.factor_order(), vec![a, b, c]);
        assert_eq!(r.factors[&b].statement.value, "", "nothing was lost on the way");
    }

    #[test]
    fn dismissing_a_finding_is_remembered_once() {
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Incident, "t", &w);
        assert!(r.apply(Edit::DismissFinding("k".into()), &w));
        assert!(!r.apply(Edit::DismissFinding("k".into()), &w));
        assert!(r.facilitation.dismissed.contains("k"));
    }

    #[test]
    fn step_content_follows_items() {
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Incident, "t", &w);
        assert!(!r.step_has_content(Step::WhatHappened));
        r.apply(Edit::AddTimelineEntry { id: next() }, &w);
        assert!(r.step_has_content(Step::WhatHappened));
        r.apply(Edit::GoTo(Step::Why), &w);
        assert_eq!(r.step.value, Step::Why);
    }

    /// An edit scoped to one item changes nothing outside that item except the document's
    /// clock; views rely on this to skip every other card.
    #[test]
    fn item_scoped_edits_change_only_their_item() {
        use crate::{ActionStatus, Category, EntryKind, LearningList, LocalDateTime};
        let w = writer();
        let mut next = ids();
        let mut r = Retrospective::new(next(), Template::Incident, "t", &w);
        let (e1, e2, f1, f2, q1, a1, a2, l1) = (next(), next(), next(), next(), next(), next(), next(), next());
        for edit in [
            Edit::AddTimelineEntry { id: e1 },
            Edit::AddTimelineEntry { id: e2 },
            Edit::AddFactor { id: f1 },
            Edit::AddFactor { id: f2 },
            Edit::AddWhy { id: q1, factor: f1, parent: None },
            Edit::AddAction { id: a1 },
            Edit::AddAction { id: a2 },
            Edit::AddLearning { id: l1, list: LearningList::Lucky },
        ] {
            assert!(r.apply(edit, &w));
        }
        let edits = [
            Edit::Timeline(e1, TimelineField::When(LocalDateTime::parse("2026-01-02T03:04"))),
            Edit::Timeline(e1, TimelineField::What("x".into())),
            Edit::Timeline(e2, TimelineField::Kind(EntryKind::Trigger)),
            Edit::Timeline(e2, TimelineField::Evidence("log".into())),
            Edit::Factor(f1, FactorField::Statement("s".into())),
            Edit::Factor(f1, FactorField::Category(Category::Process)),
            Edit::Factor(f2, FactorField::TimelineLinks([e1].into())),
            Edit::Factor(f2, FactorField::Key(true)),
            Edit::Why(q1, WhyField::Question("q".into())),
            Edit::Why(q1, WhyField::Answer("a".into())),
            Edit::Action(a1, ActionField::Owner("SRE".into())),
            Edit::Action(a2, ActionField::Status(ActionStatus::Done)),
            Edit::Action(a2, ActionField::FactorLinks([f1].into())),
            Edit::Learning(l1, LearningField::Text("luck".into())),
        ];
        for edit in edits {
            let EditScope::Item(id) = edit.scope() else { panic!("{edit:?} should be item-scoped") };
            let mut after = r.clone();
            assert!(after.apply(edit.clone(), &w), "{edit:?}");
            assert_ne!(after, r, "{edit:?} changed nothing");
            // Put the one item and the clock back: what remains must be untouched.
            (after.counter, after.updated_at) = (r.counter, r.updated_at);
            if let Some(v) = r.timeline.get(&id) {
                after.timeline.insert(id, v.clone());
            }
            if let Some(v) = r.factors.get(&id) {
                after.factors.insert(id, v.clone());
            }
            if let Some(v) = r.whys.get(&id) {
                after.whys.insert(id, v.clone());
            }
            if let Some(v) = r.actions.get(&id) {
                after.actions.insert(id, v.clone());
            }
            if let Some(v) = r.learnings.get(&id) {
                after.learnings.insert(id, v.clone());
            }
            assert_eq!(after, r, "{edit:?} reached beyond its item");
        }
        for edit in
            [Edit::Factor(f1, FactorField::Votes(2)), Edit::Factor(f2, FactorField::MergedInto(Some(f1))), Edit::Delete(e1), Edit::Move { id: a1, up: false }]
        {
            assert_eq!(edit.scope(), EditScope::Document, "{edit:?}");
        }
    }
}
