//! Actions and incidents over time: open actions by age and priority, how many of each
//! month's actions got done, time to detect and to resolve per incident, and counts by
//! severity, detection and category.
//!
//! Actions carry no date of their own, so an action's age is its retrospective's: the day of
//! the incident, or the day the retrospective was created.

use super::digest::RetroDigest;
use crate::i18n::tr;
use crate::model::actions::{ActionStatus, Priority};
use crate::model::choice::Choice;
use crate::model::ids::Id;
use crate::model::time::Date;
use std::collections::BTreeMap;

/// An action still open or in progress, with how long it has been.
#[derive(Clone, PartialEq, Debug)]
pub struct OpenActionRow {
    /// Its retrospective.
    pub retro: Id,
    /// That retrospective's title.
    pub retro_title: String,
    /// The action's id.
    pub action: Id,
    /// What will change.
    pub description: String,
    /// Who carries it.
    pub owner: String,
    /// How urgent it is.
    pub priority: Priority,
    /// Open or in progress.
    pub status: ActionStatus,
    /// When it is due.
    pub due: Option<Date>,
    /// Days since its retrospective's day.
    pub age_days: i64,
}

impl OpenActionRow {
    /// Past its due date on `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.due.is_some_and(|d| d.is_past(today))
    }
}

/// Open actions in the order they need attention: overdue first (the longest overdue first),
/// then by priority, then the oldest.
pub fn open_actions(retros: &[&RetroDigest], today: Date) -> Vec<OpenActionRow> {
    let mut rows: Vec<OpenActionRow> = retros
        .iter()
        .flat_map(|r| {
            r.actions.iter().filter(|a| a.status.is_open()).map(move |a| OpenActionRow {
                retro: r.id,
                retro_title: r.title().to_string(),
                action: a.id,
                description: a.description.clone(),
                owner: a.owner.clone(),
                priority: a.priority,
                status: a.status,
                due: a.due,
                age_days: (today.days() - r.date.days()).max(0),
            })
        })
        .collect();
    crate::sorting::sort_by_key(&mut rows, |row| {
        let overdue = row.is_overdue(today);
        (!overdue, if overdue { row.due.map(|d| d.days()) } else { None }, row.priority, std::cmp::Reverse(row.age_days))
    });
    rows
}

/// How old open actions are, in four spans.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum AgeSpan {
    /// Under 30 days.
    Month,
    /// 30 to 89 days.
    Quarter,
    /// 90 to 179 days.
    HalfYear,
    /// 180 days or more.
    Older,
}

impl AgeSpan {
    /// Every span, youngest first.
    pub const ALL: [AgeSpan; 4] = [AgeSpan::Month, AgeSpan::Quarter, AgeSpan::HalfYear, AgeSpan::Older];

    /// The span `days` falls in.
    pub fn of(days: i64) -> AgeSpan {
        match days {
            ..30 => AgeSpan::Month,
            30..90 => AgeSpan::Quarter,
            90..180 => AgeSpan::HalfYear,
            _ => AgeSpan::Older,
        }
    }

    /// As a chart labels it, in the active language.
    pub fn label(self) -> &'static str {
        match self {
            AgeSpan::Month => tr("Under 30 days"),
            AgeSpan::Quarter => tr("30–89 days"),
            AgeSpan::HalfYear => tr("90–179 days"),
            AgeSpan::Older => tr("180 days or more"),
        }
    }
}

/// Open actions per age span and priority: `[span][priority]`, priorities in `Priority::ALL` order.
pub fn age_by_priority(rows: &[OpenActionRow]) -> [[usize; 3]; 4] {
    let mut table = [[0; 3]; 4];
    for row in rows {
        let p = Priority::ALL.iter().position(|p| *p == row.priority).unwrap_or(1);
        table[AgeSpan::ALL.iter().position(|s| *s == AgeSpan::of(row.age_days)).unwrap_or(0)][p] += 1;
    }
    table
}

/// The actions of one month's retrospectives and where they stand now.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MonthCompletion {
    /// The year.
    pub year: i64,
    /// The month, 1 to 12.
    pub month: i64,
    /// Actions raised.
    pub total: usize,
    /// Of those, done.
    pub done: usize,
    /// Of those, dropped as won't do.
    pub dropped: usize,
}

impl MonthCompletion {
    /// Done as a share of those not dropped, in whole percent; `None` when all were dropped.
    pub fn percent(&self) -> Option<u32> {
        let counted = self.total - self.dropped;
        (counted > 0).then(|| ((self.done * 100 + counted / 2) / counted) as u32)
    }

    /// As `2026-11`.
    pub fn label(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// Completion per month of the retrospectives' days, oldest first; months without actions are left out.
pub fn completion_by_month(retros: &[&RetroDigest]) -> Vec<MonthCompletion> {
    let mut months: BTreeMap<(i64, i64), MonthCompletion> = BTreeMap::new();
    for r in retros.iter().filter(|r| !r.actions.is_empty()) {
        let (year, month, _) = r.date.ymd();
        let m = months.entry((year, month)).or_insert(MonthCompletion { year, month, total: 0, done: 0, dropped: 0 });
        for a in &r.actions {
            m.total += 1;
            m.done += usize::from(a.status == ActionStatus::Done);
            m.dropped += usize::from(a.status == ActionStatus::WontDo);
        }
    }
    months.into_values().collect()
}

/// One incident's detection and resolution times.
#[derive(Clone, PartialEq, Debug)]
pub struct IncidentRow {
    /// Its retrospective.
    pub retro: Id,
    /// That retrospective's title.
    pub title: String,
    /// The incident's day.
    pub date: Date,
    /// Minutes to detect.
    pub time_to_detect: Option<i64>,
    /// Minutes to resolve.
    pub time_to_resolve: Option<i64>,
}

/// The incidents whose timelines give either time, oldest first.
pub fn incidents(retros: &[&RetroDigest]) -> Vec<IncidentRow> {
    let mut rows: Vec<IncidentRow> = retros
        .iter()
        .filter(|r| r.time_to_detect.is_some() || r.time_to_resolve.is_some())
        .map(|r| IncidentRow { retro: r.id, title: r.title().to_string(), date: r.date, time_to_detect: r.time_to_detect, time_to_resolve: r.time_to_resolve })
        .collect();
    crate::sorting::sort_by(&mut rows, |a, b| a.date.cmp(&b.date).then_with(|| a.title.cmp(&b.title)));
    rows
}

/// The median of the earlier and of the later half of a series, to say whether it is getting
/// better; with fewer than four values there is no trend to speak of.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Trend {
    /// Median of the earlier half, in minutes.
    pub earlier: i64,
    /// Median of the later half, in minutes.
    pub later: i64,
    /// Values in each half (the later half has the extra one).
    pub earlier_count: usize,
    /// Values in the later half.
    pub later_count: usize,
}

/// The trend of `values` in the order given; see [`Trend`].
pub fn trend(values: &[i64]) -> Option<Trend> {
    if values.len() < 4 {
        return None;
    }
    let (earlier, later) = values.split_at(values.len() / 2);
    Some(Trend { earlier: median(earlier), later: median(later), earlier_count: earlier.len(), later_count: later.len() })
}

fn median(values: &[i64]) -> i64 {
    let mut v = values.to_vec();
    crate::sorting::sort(&mut v);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2
    }
}

/// How many of `retros` have each value of `pick`, in the choice's order, with the unset ones
/// last; values nobody used are left out.
pub fn counts<C: Choice + Ord>(retros: &[&RetroDigest], pick: impl Fn(&RetroDigest) -> Option<C>) -> Vec<(Option<C>, usize)> {
    let mut found: BTreeMap<Option<C>, usize> = BTreeMap::new();
    for r in retros {
        *found.entry(pick(r)).or_default() += 1;
    }
    let mut out: Vec<(Option<C>, usize)> = C::all().iter().filter_map(|c| found.get(&Some(*c)).map(|n| (Some(*c), *n))).collect();
    if let Some(n) = found.get(&None) {
        out.push((None, *n));
    }
    out
}
