//! Recurring factors: the contributing factors of many retrospectives gathered into groups of
//! the same condition, by their wording ([`similarity`](super::similarity)) and by the links
//! people made while writing; and, for a factor being written, the earlier ones like it.

use super::digest::RetroDigest;
use super::similarity::{likeness, similar, similar_counts, stems, Stems};
use crate::model::actions::ActionStatus;
use crate::model::factors::{Category, PastFactor};
use crate::model::ids::Id;
use crate::model::time::Date;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One condition that came up in more than one retrospective.
#[derive(Clone, PartialEq, Debug)]
pub struct FactorGroup {
    /// The category most of its factors are in.
    pub category: Category,
    /// Its factors, oldest retrospective first.
    pub members: Vec<GroupMember>,
    /// The actions raised against any of them, in the same order.
    pub actions: Vec<GroupAction>,
    /// How many retrospectives it came up in.
    pub retros: usize,
}

impl FactorGroup {
    /// No action against it is done: the condition is still there, as far as anyone wrote.
    pub fn none_done(&self) -> bool {
        !self.actions.iter().any(|a| a.status == ActionStatus::Done)
    }

    /// The statement that names the group: its latest member's.
    pub fn name(&self) -> &str {
        self.members.last().map(|m| m.statement.as_str()).unwrap_or_default()
    }

    /// The day it came up last.
    pub fn last_seen(&self) -> Option<Date> {
        self.members.iter().map(|m| m.date).max()
    }
}

/// A factor in a group, with the retrospective it is in.
#[derive(Clone, PartialEq, Debug)]
pub struct GroupMember {
    /// The factor, named across retrospectives.
    pub at: PastFactor,
    /// The retrospective's title.
    pub retro_title: String,
    /// The retrospective's day.
    pub date: Date,
    /// The factor's statement.
    pub statement: String,
    /// The factor's category.
    pub category: Category,
}

/// An action raised against a factor of a group.
#[derive(Clone, PartialEq, Debug)]
pub struct GroupAction {
    /// The retrospective it is in.
    pub retro: Id,
    /// That retrospective's title.
    pub retro_title: String,
    /// The action's id there.
    pub action: Id,
    /// What will change.
    pub description: String,
    /// Where it stands.
    pub status: ActionStatus,
}

/// Union-find over factor numbers.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// The factors of `retros` that came up in at least two of them, as groups: most
/// retrospectives first, then the most recently seen.
///
/// Only factors that share a stem are compared, and only by counting through an index from stem
/// to factor, so thousands of factors group in milliseconds: the rule needs the number of
/// shared stems and each statement's, nothing else.
pub fn recurring_factors(retros: &[&RetroDigest]) -> Vec<FactorGroup> {
    let factors: Vec<(&RetroDigest, usize)> = retros.iter().flat_map(|r| (0..r.factors.len()).map(move |i| (*r, i))).collect();
    let n = factors.len();
    // Stems as small numbers, each factor's sorted: comparing two is a merge of two short lists.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let all_stems: Vec<Vec<u32>> = factors
        .iter()
        .map(|(r, i)| {
            let mut v: Vec<u32> = r.factors[*i]
                .stems
                .iter()
                .map(|s| {
                    let next = ids.len() as u32;
                    *ids.entry(s.as_str()).or_insert(next)
                })
                .collect();
            crate::sorting::sort(&mut v);
            v
        })
        .collect();
    let mut by_stem: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
    for (f, s) in all_stems.iter().enumerate() {
        for stem in s {
            by_stem[*stem as usize].push(f as u32);
        }
    }
    let mut sets = Sets((0..n).collect());
    // For each factor, how many stems each later factor shares with it, counted through the
    // index: no pair that shares nothing is ever looked at, and no set is built per pair.
    let mut shared = vec![0u32; n];
    let mut touched: Vec<u32> = Vec::new();
    for a in 0..n {
        for stem in &all_stems[a] {
            for &b in by_stem[*stem as usize].iter().filter(|b| **b as usize > a) {
                if shared[b as usize] == 0 {
                    touched.push(b);
                }
                shared[b as usize] += 1;
            }
        }
        for b in touched.drain(..) {
            let b = b as usize;
            if similar_counts(shared[b] as usize, all_stems[a].len(), all_stems[b].len()) {
                sets.join(a, b);
            }
            shared[b] = 0;
        }
    }
    // Links people made hold whatever the wording.
    let number: HashMap<PastFactor, usize> = factors.iter().enumerate().map(|(n, (r, i))| (PastFactor { retro: r.id, factor: r.factors[*i].id }, n)).collect();
    for (n, (r, i)) in factors.iter().enumerate() {
        for linked in &r.factors[*i].recurs {
            if let Some(&m) = number.get(linked) {
                sets.join(n, m);
            }
        }
    }

    let by_id: HashMap<Id, &RetroDigest> = retros.iter().map(|r| (r.id, *r)).collect();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..factors.len() {
        let root = sets.find(n);
        groups.entry(root).or_default().push(n);
    }
    let mut out: Vec<FactorGroup> = groups
        .into_values()
        .filter(|members| members.iter().map(|&n| factors[n].0.id).collect::<BTreeSet<_>>().len() >= 2)
        .map(|members| group(&members, &factors, &by_id))
        .collect();
    crate::sorting::sort_by(&mut out, |a, b| b.retros.cmp(&a.retros).then_with(|| b.last_seen().cmp(&a.last_seen())).then_with(|| a.name().cmp(b.name())));
    out
}

fn group(numbers: &[usize], factors: &[(&RetroDigest, usize)], by_id: &HashMap<Id, &RetroDigest>) -> FactorGroup {
    let mut members: Vec<GroupMember> = numbers
        .iter()
        .map(|&n| {
            let (r, i) = factors[n];
            let f = &r.factors[i];
            GroupMember {
                at: PastFactor { retro: r.id, factor: f.id },
                retro_title: r.title().to_string(),
                date: r.date,
                statement: f.statement.clone(),
                category: f.category,
            }
        })
        .collect();
    crate::sorting::sort_by(&mut members, |a, b| a.date.cmp(&b.date).then_with(|| a.retro_title.cmp(&b.retro_title)));
    let mut counts: BTreeMap<Category, usize> = BTreeMap::new();
    for m in &members {
        *counts.entry(m.category).or_default() += 1;
    }
    let category = Category::ALL.iter().copied().max_by_key(|c| (counts.get(c).copied().unwrap_or(0), std::cmp::Reverse(*c))).unwrap_or(Category::Technical);
    let in_group: BTreeSet<PastFactor> = members.iter().map(|m| m.at).collect();
    let mut seen_retros = Vec::new();
    let mut seen = BTreeSet::new();
    let mut actions = Vec::new();
    for m in &members {
        if !seen.insert(m.at.retro) {
            continue;
        }
        seen_retros.push(m.at.retro);
        let Some(r) = by_id.get(&m.at.retro) else { continue };
        for a in r.actions.iter().filter(|a| a.factors.iter().any(|f| in_group.contains(&PastFactor { retro: r.id, factor: *f }))) {
            actions.push(GroupAction { retro: r.id, retro_title: r.title().to_string(), action: a.id, description: a.description.clone(), status: a.status });
        }
    }
    FactorGroup { category, members, actions, retros: seen_retros.len() }
}

/// An earlier factor like the one being written, with what became of it.
#[derive(Clone, PartialEq, Debug)]
pub struct SimilarFactor {
    /// The earlier factor.
    pub at: PastFactor,
    /// Its retrospective's title.
    pub retro_title: String,
    /// Its retrospective's day.
    pub date: Date,
    /// Its statement.
    pub statement: String,
    /// The actions raised against it, with where each stands.
    pub actions: Vec<(String, ActionStatus)>,
    /// How alike the two are, from 0 to 1.
    pub likeness: f64,
}

/// The factors of earlier retrospectives with their stems worked out once, so the factor being
/// written can be compared with all of them as it changes.
pub struct PastFactors {
    factors: Vec<(PastFactor, Stems)>,
    history: Vec<RetroDigest>,
}

impl PastFactors {
    /// The factors of `history`.
    pub fn new(history: Vec<RetroDigest>) -> PastFactors {
        let factors = history.iter().flat_map(|r| r.factors.iter().map(|f| (PastFactor { retro: r.id, factor: f.id }, f.stems.clone()))).collect();
        PastFactors { factors, history }
    }

    /// The factors of other retrospectives than `own_retro` that say what `statement` says,
    /// most alike first, at most `limit`; those in `skip` (already linked) are left out.
    pub fn similar_to(&self, statement: &str, own_retro: Id, skip: &BTreeSet<PastFactor>, limit: usize) -> Vec<SimilarFactor> {
        let mine = stems(statement);
        if mine.len() < 2 {
            return Vec::new();
        }
        let mut found: Vec<(PastFactor, f64)> = self
            .factors
            .iter()
            .filter(|(at, theirs)| at.retro != own_retro && !skip.contains(at) && similar(&mine, theirs))
            .map(|(at, theirs)| (*at, likeness(&mine, theirs)))
            .collect();
        let mut out: Vec<SimilarFactor> = found.drain(..).filter_map(|(at, likeness)| self.describe(at, likeness)).collect();
        crate::sorting::sort_by(&mut out, |a, b| b.likeness.total_cmp(&a.likeness).then_with(|| b.date.cmp(&a.date)));
        out.truncate(limit);
        out
    }

    /// The earlier factor `at` as it was found, if it is still there.
    pub fn describe(&self, at: PastFactor, likeness: f64) -> Option<SimilarFactor> {
        let r = self.history.iter().find(|r| r.id == at.retro)?;
        let f = r.factors.iter().find(|f| f.id == at.factor)?;
        Some(SimilarFactor {
            at,
            retro_title: r.title().to_string(),
            date: r.date,
            statement: f.statement.clone(),
            actions: r.actions.iter().filter(|a| a.factors.contains(&f.id)).map(|a| (a.description.clone(), a.status)).collect(),
            likeness,
        })
    }
}
