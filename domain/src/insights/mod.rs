//! Insights across retrospectives (#19): what keeps coming back, which actions stay open, and
//! whether detection and resolution are getting faster — all from [`RetroDigest`]s, so the
//! view over hundreds of retrospectives never holds their documents.
//!
//! - [`digest`]: what the insights read of one retrospective.
//! - [`similarity`]: when two statements say the same thing.
//! - [`recurring`]: factors grouped across retrospectives; similar earlier factors while writing.
//! - [`trends`]: open actions by age and priority, completion by month, detection and resolution.
//! - [`export`]: the insights as Markdown and CSV.

pub mod digest;
pub mod export;
pub mod recurring;
pub mod similarity;
pub mod trends;

use crate::i18n::{date, tr};
use crate::model::factors::Category;
use crate::model::postmortem::{Detection, Severity};
use crate::model::template::Template;
use crate::model::time::Date;
use crate::tf;
use digest::RetroDigest;
use recurring::FactorGroup;
use std::collections::BTreeSet;
use trends::{IncidentRow, MonthCompletion, OpenActionRow, Trend};

/// Which retrospectives the insights look at. The default looks at all of them.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Filter {
    /// From this day on.
    pub from: Option<Date>,
    /// Up to and including this day.
    pub to: Option<Date>,
    /// Only this template.
    pub template: Option<Template>,
    /// Only retrospectives with every one of these tags.
    pub tags: BTreeSet<String>,
}

impl Filter {
    /// Whether `r` is one of the retrospectives looked at.
    pub fn admits(&self, r: &RetroDigest) -> bool {
        self.from.is_none_or(|from| r.date >= from)
            && self.to.is_none_or(|to| r.date <= to)
            && self.template.is_none_or(|t| r.template == t)
            && self.tags.iter().all(|t| r.tags.contains(t))
    }

    /// Whether it looks at everything.
    pub fn is_everything(&self) -> bool {
        *self == Filter::default()
    }

    /// The filter in words, for exports: "all retrospectives" or the conditions.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match (self.from, self.to) {
            (Some(f), Some(t)) => parts.push(tf!("from {from} to {to}", from = shown_day(f), to = shown_day(t))),
            (Some(f), None) => parts.push(tf!("from {from}", from = shown_day(f))),
            (None, Some(t)) => parts.push(tf!("up to {to}", to = shown_day(t))),
            (None, None) => {}
        }
        if let Some(t) = self.template {
            parts.push(tf!("template “{template}”", template = t.label()));
        }
        let quoted: Vec<String> = self.tags.iter().map(|t| tf!("“{tag}”", tag = t)).collect();
        match quoted.as_slice() {
            [] => {}
            [one] => parts.push(tf!("tagged {tag}", tag = one)),
            many => parts.push(tf!("tagged {tags}", tags = many.join(tr(" and ")))),
        }
        if parts.is_empty() {
            tr("all retrospectives").into()
        } else {
            tf!("retrospectives {conditions}", conditions = parts.join(", "))
        }
    }
}

/// A day as the active language writes it.
pub(crate) fn shown_day(d: Date) -> String {
    let (y, m, d) = d.ymd();
    date(y, m, d)
}

/// Everything the Insights view shows, for the retrospectives a filter admits.
#[derive(Clone, PartialEq, Debug)]
pub struct Insights {
    /// The day it was worked out for (ages and overdue are counted to it).
    pub today: Date,
    /// How many retrospectives it looked at.
    pub retros: usize,
    /// Conditions that came up in more than one of them.
    pub recurring: Vec<FactorGroup>,
    /// Factors per category, every category listed.
    pub by_category: Vec<(Category, usize)>,
    /// Open actions, overdue first.
    pub open_actions: Vec<OpenActionRow>,
    /// Open actions per age span and priority (see [`trends::age_by_priority`]).
    pub age_by_priority: [[usize; 3]; 4],
    /// All actions, and how many are done.
    pub actions_total: usize,
    /// Of those, done.
    pub actions_done: usize,
    /// Completion per month.
    pub completion: Vec<MonthCompletion>,
    /// Detection and resolution per incident.
    pub incidents: Vec<IncidentRow>,
    /// Earlier and later median time to detect.
    pub detect_trend: Option<Trend>,
    /// Earlier and later median time to resolve.
    pub resolve_trend: Option<Trend>,
    /// Retrospectives per severity.
    pub by_severity: Vec<(Option<Severity>, usize)>,
    /// Retrospectives per way of detection.
    pub by_detection: Vec<(Option<Detection>, usize)>,
}

impl Insights {
    /// The insights over those of `history` that `filter` admits, on `today`.
    pub fn build(history: &[RetroDigest], filter: &Filter, today: Date) -> Insights {
        let retros: Vec<&RetroDigest> = history.iter().filter(|r| filter.admits(r)).collect();
        let open_actions = trends::open_actions(&retros, today);
        let incidents = trends::incidents(&retros);
        let series = |pick: fn(&IncidentRow) -> Option<i64>| incidents.iter().filter_map(pick).collect::<Vec<i64>>();
        let by_category = Category::ALL.iter().map(|c| (*c, retros.iter().map(|r| r.factors.iter().filter(|f| f.category == *c).count()).sum())).collect();
        Insights {
            today,
            retros: retros.len(),
            recurring: recurring::recurring_factors(&retros),
            by_category,
            age_by_priority: trends::age_by_priority(&open_actions),
            open_actions,
            actions_total: retros.iter().map(|r| r.actions.len()).sum(),
            actions_done: retros.iter().flat_map(|r| &r.actions).filter(|a| a.status == crate::model::actions::ActionStatus::Done).count(),
            completion: trends::completion_by_month(&retros),
            detect_trend: trends::trend(&series(|i| i.time_to_detect)),
            resolve_trend: trends::trend(&series(|i| i.time_to_resolve)),
            incidents,
            by_severity: trends::counts(&retros, |r| r.severity),
            by_detection: trends::counts(&retros, |r| r.detection),
        }
    }
}

/// Every tag used in `history`, most used first, for completion while typing a tag.
pub fn tags_in_use<'a>(tags: impl IntoIterator<Item = &'a BTreeSet<String>>) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for set in tags {
        for t in set {
            *counts.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut list: Vec<(&str, usize)> = counts.into_iter().collect();
    crate::sorting::sort_by(&mut list, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    list.into_iter().map(|(t, _)| t.to_string()).collect()
}

#[cfg(test)]
mod tests;
