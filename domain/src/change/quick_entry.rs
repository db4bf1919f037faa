//! Quick entry in *What happened*: one typed line such as `14:02 error alert fired` becomes a
//! timeline entry with its time, so a scribe can keep up with a live meeting.
//!
//! A line may start with `HH:MM` (or `H:MM`, with optional `:SS`), or with a full
//! `YYYY-MM-DD HH:MM`; the rest is the text. A line without a time is an entry without one.
//! A bare time takes its day from the retrospective ([`quick_entry_day`]).

use crate::model::retrospective::Retrospective;
use crate::model::time::{Date, LocalDateTime};

/// What one quick-entry line says.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct QuickEntry {
    /// The time the line starts with, if it has one.
    pub when: Option<LocalDateTime>,
    /// The rest of the line: what happened. It may be empty when the line is only a time.
    pub what: String,
}

/// Reads one line typed into `retro`'s quick entry: a bare time falls on [`quick_entry_day`]
/// (with `created_day`, the day the retrospective was created where the person is, as the
/// last resort) and rolls past midnight after the latest timed entry.
pub fn quick_entry_for(retro: &Retrospective, line: &str, created_day: Date) -> Option<QuickEntry> {
    let latest = retro.timeline.values().filter_map(|e| e.when.value).max();
    parse_quick_entry(line, quick_entry_day(latest, retro.incident_start.value, created_day), latest)
}

/// Reads one line; `None` when there is no text at all. `day` is the day a bare time falls
/// on, and `latest` the latest time already on the timeline: a bare time more than twelve
/// hours before it is taken as the next day (23:58 → 00:03 crosses midnight), while one a few
/// hours earlier is a forgotten earlier entry on the same day.
pub fn parse_quick_entry(line: &str, day: Date, latest: Option<LocalDateTime>) -> Option<QuickEntry> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let (when, rest) = match split_date(line) {
        Some((date, rest)) => match split_time(rest) {
            Some(((h, m), rest)) => (LocalDateTime::on(date, h, m), rest),
            None => (None, line),
        },
        None => match split_time(line) {
            Some(((h, m), rest)) => (bare_time(day, h, m, latest), rest),
            None => (None, line),
        },
    };
    let what = rest.trim_start_matches([' ', '\t', '-', '–', '—', ':']).trim();
    if what.is_empty() && when.is_none() {
        return None;
    }
    Some(QuickEntry { when, what: what.to_string() })
}

/// The day a bare time is placed on: the day of the latest timed entry, else the incident's
/// start, else `fallback` (the day the retrospective was created).
pub fn quick_entry_day(latest: Option<LocalDateTime>, incident_start: Option<LocalDateTime>, fallback: Date) -> Date {
    latest.or(incident_start).map_or(fallback, LocalDateTime::date)
}

fn bare_time(day: Date, hour: i64, minute: i64, latest: Option<LocalDateTime>) -> Option<LocalDateTime> {
    let at = LocalDateTime::on(day, hour, minute)?;
    match latest {
        Some(latest) if latest.minutes() - at.minutes() > 12 * 60 => LocalDateTime::on(Date::from_days(day.days() + 1), hour, minute),
        _ => Some(at),
    }
}

/// `YYYY-MM-DD` followed by a space or `T`.
fn split_date(line: &str) -> Option<(Date, &str)> {
    let head = line.get(..10)?;
    let date = Date::parse(head)?;
    let rest = line.get(10..)?;
    let rest = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('T'))?;
    Some((date, rest))
}

/// `H:MM` or `HH:MM`, optionally `:SS`, followed by the end or a non-digit.
fn split_time(text: &str) -> Option<((i64, i64), &str)> {
    let digits = |s: &str| s.len() <= 2 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (hour, rest) = text.split_once(':')?;
    if !digits(hour) {
        return None;
    }
    let minute = rest.get(..2)?;
    if minute.len() != 2 || !digits(minute) {
        return None;
    }
    let mut rest = &rest[2..];
    if let Some(seconds) = rest.strip_prefix(':') {
        if seconds.get(..2).is_some_and(digits) {
            rest = &seconds[2..];
        }
    }
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = (hour.parse().ok()?, minute.parse().ok()?);
    (h < 24 && m < 60).then_some(((h, m), rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HeaderField;

    fn day() -> Date {
        Date::parse("2019-07-02").unwrap()
    }

    fn at(text: &str) -> Option<LocalDateTime> {
        LocalDateTime::parse(text)
    }

    #[test]
    fn a_leading_time_becomes_the_entrys_time_on_the_retrospectives_day() {
        let e = parse_quick_entry("14:02 error alert fired", day(), None).unwrap();
        assert_eq!(e, QuickEntry { when: at("2019-07-02T14:02"), what: "error alert fired".into() });
        assert_eq!(parse_quick_entry("9:05 – paged the on-call", day(), None).unwrap().when, at("2019-07-02T09:05"));
        assert_eq!(parse_quick_entry("13:45:12 CPU at 100% on every edge machine", day(), None).unwrap().what, "CPU at 100% on every edge machine");
        assert_eq!(parse_quick_entry("2017-02-01 06:14 restore started", day(), None).unwrap().when, at("2017-02-01T06:14"));
    }

    #[test]
    fn lines_without_a_valid_time_are_entries_without_one() {
        for line in ["traffic dropped by 80%", "25:00 not a time", "14:7 odd", "1402 no colon", "12:345 too many"] {
            let e = parse_quick_entry(line, day(), None).unwrap();
            assert_eq!(e.when, None, "{line}");
            assert_eq!(e.what, line);
        }
        assert_eq!(parse_quick_entry("   ", day(), None), None);
        assert_eq!(parse_quick_entry("14:02", day(), None).unwrap().what, "", "a time alone still marks a moment");
    }

    #[test]
    fn a_time_long_before_the_latest_one_is_the_next_day() {
        let latest = at("2017-01-31T23:58");
        let d = Date::parse("2017-01-31").unwrap();
        assert_eq!(parse_quick_entry("00:03 replica still lagging", d, latest).unwrap().when, at("2017-02-01T00:03"));
        assert_eq!(parse_quick_entry("17:20 snapshot taken for staging", d, latest).unwrap().when, at("2017-01-31T17:20"), "a forgotten earlier entry");
    }

    #[test]
    fn a_line_typed_into_a_retrospective_takes_its_day_and_rolls_past_midnight() {
        use crate::{Edit, Id, Replica, Template, TimelineField, Writer};
        let w = Writer::new(Replica(1), 0);
        let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "t", &w);
        let created = Date::parse("2026-12-01").unwrap();
        assert_eq!(quick_entry_for(&r, "09:00 first", created).unwrap().when, at("2026-12-01T09:00"));
        r.apply(Edit::Header(HeaderField::IncidentStart(at("2017-01-31T17:20"))), &w);
        assert_eq!(quick_entry_for(&r, "17:20 snapshot", created).unwrap().when, at("2017-01-31T17:20"));
        let entry = Id::from_random([2; 16]);
        r.apply(Edit::AddTimelineEntry { id: entry }, &w);
        r.apply(Edit::Timeline(entry, TimelineField::When(at("2017-01-31T23:40"))), &w);
        assert_eq!(quick_entry_for(&r, "00:36 decision", created).unwrap().when, at("2017-02-01T00:36"));
    }

    #[test]
    fn the_day_comes_from_the_timeline_then_the_start_then_the_fallback() {
        let fallback = Date::parse("2026-12-01").unwrap();
        assert_eq!(quick_entry_day(at("2017-02-01T00:03"), at("2017-01-31T17:00"), fallback), Date::parse("2017-02-01").unwrap());
        assert_eq!(quick_entry_day(None, at("2017-01-31T17:00"), fallback), Date::parse("2017-01-31").unwrap());
        assert_eq!(quick_entry_day(None, None, fallback), fallback);
    }
}
