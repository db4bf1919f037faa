//! Calendar values as the browser's `datetime-local` and `date` inputs write them, without a
//! time zone: a retrospective records the times people saw on their clocks.
//!
//! Stored as whole minutes or days since 1970-01-01 so that sorting and durations are integer
//! arithmetic; written as `YYYY-MM-DDTHH:MM` and `YYYY-MM-DD` in JSON and in the inputs.

use crate::i18n::tr;
use crate::tf;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A wall-clock date and time to the minute.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct LocalDateTime {
    minutes: i64,
}

/// A calendar day.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date {
    days: i64,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn number(text: &str, digits: usize) -> Option<i64> {
    if text.len() != digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    days_from_civil(if month == 12 { year + 1 } else { year }, if month == 12 { 1 } else { month + 1 }, 1) - days_from_civil(year, month, 1)
}

impl Date {
    /// Whether a due date has passed: due today is not overdue.
    pub fn is_past(self, today: Date) -> bool {
        self < today
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible days such as 2025-02-30.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year = number(parts.next()?, 4)?;
        let month = number(parts.next()?, 2)?;
        let day = number(parts.next()?, 2)?;
        if parts.next().is_some() || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { days: days_from_civil(year, month, day) })
    }

    /// The day this many days after 1970-01-01 (before it when negative).
    pub fn from_days(days: i64) -> Date {
        Date { days }
    }

    /// The day that contains a Unix time in milliseconds, at the given offset from UTC in minutes.
    pub fn from_unix_ms(ms: i64, offset_minutes: i64) -> Date {
        Date { days: (ms.div_euclid(60_000) + offset_minutes).div_euclid(1440) }
    }

    /// Days since 1970-01-01, for sorting and date arithmetic.
    pub fn days(self) -> i64 {
        self.days
    }

    /// The day from its year, month (1–12) and day; `None` for impossible dates.
    pub fn from_ymd(year: i64, month: i64, day: i64) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then(|| Date { days: days_from_civil(year, month, day) })
    }

    /// The year, month and day.
    pub fn ymd(self) -> (i64, i64, i64) {
        civil_from_days(self.days)
    }

    /// The day as the active language writes it, for text people read (not for inputs,
    /// files or JSON, which keep `YYYY-MM-DD`).
    pub fn shown(self) -> String {
        let (y, m, d) = self.ymd();
        crate::i18n::date(y, m, d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.days);
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl LocalDateTime {
    /// Parses `YYYY-MM-DDTHH:MM`, with optional `:SS` (ignored) as some browsers write it.
    pub fn parse(text: &str) -> Option<LocalDateTime> {
        let (date, time) = text.split_once('T')?;
        let date = Date::parse(date)?;
        let mut parts = time.split(':');
        let hour = number(parts.next()?, 2)?;
        let minute = number(parts.next()?, 2)?;
        if let Some(seconds) = parts.next() {
            let whole = seconds.split('.').next()?;
            if number(whole, 2)? > 59 {
                return None;
            }
        }
        if parts.next().is_some() || hour > 23 || minute > 59 {
            return None;
        }
        Some(LocalDateTime { minutes: date.days * 1440 + hour * 60 + minute })
    }

    /// The time this many minutes after 1970-01-01T00:00 (before it when negative).
    pub fn from_minutes(minutes: i64) -> LocalDateTime {
        LocalDateTime { minutes }
    }

    /// The calendar day it falls on.
    pub fn date(self) -> Date {
        Date { days: self.minutes.div_euclid(1440) }
    }

    /// `hour:minute` on `date`; `None` when either is out of range.
    pub fn on(date: Date, hour: i64, minute: i64) -> Option<LocalDateTime> {
        ((0..24).contains(&hour) && (0..60).contains(&minute)).then_some(LocalDateTime { minutes: date.days * 1440 + hour * 60 + minute })
    }

    /// Minutes since 1970-01-01T00:00, for sorting and durations.
    pub fn minutes(self) -> i64 {
        self.minutes
    }

    /// `HH:MM`, for compact timelines.
    pub fn clock_time(self) -> String {
        let m = self.minutes.rem_euclid(1440);
        format!("{:02}:{:02}", m / 60, m % 60)
    }

    /// Day and time as the active language writes them (`2026-11-20 14:00` in English), for
    /// text people read.
    pub fn shown(self) -> String {
        format!("{} {}", self.date().shown(), self.clock_time())
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date(), self.clock_time())
    }
}

/// A duration written for people: `45 min`, `2 h 5 min`, `3 d 4 h`.
pub fn describe_minutes(minutes: i64) -> String {
    let sign = if minutes < 0 { "−" } else { "" };
    let m = minutes.abs();
    let text = match m {
        0..=59 => tf!("{minutes} min", minutes = m),
        60..=1439 if m % 60 == 0 => tf!("{hours} h", hours = m / 60),
        60..=1439 => tf!("{hours} h {minutes} min", hours = m / 60, minutes = m % 60),
        _ if m % 1440 / 60 == 0 => tf!("{days} d", days = m / 1440),
        _ => tf!("{days} d {hours} h", days = m / 1440, hours = m % 1440 / 60),
    };
    format!("{sign}{text}")
}

/// "Edited …" for lists: relative while recent, then the calendar day.
pub fn describe_age(then_ms: i64, now_ms: i64, offset_minutes: i64) -> String {
    let minutes = (now_ms - then_ms).max(0) / 60_000;
    match minutes {
        0 => tr("just now").to_string(),
        1..=59 => tf!("{minutes} min ago", minutes = minutes),
        60..=1439 => tf!("{hours} h ago", hours = minutes / 60),
        1440..=10079 => tf!("{days} d ago", days = minutes / 1440),
        _ => {
            tf!("on {date}", date = Date::from_unix_ms(then_ms, offset_minutes).shown())
        }
    }
}

macro_rules! text_serde {
    ($type:ty, $what:literal) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$type, D::Error> {
                let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
                <$type>::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not {}", $what)))
            }
        }
    };
}
text_serde!(Date, "a date (YYYY-MM-DD)");
text_serde!(LocalDateTime, "a date and time (YYYY-MM-DDTHH:MM)");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_reject_impossible_days() {
        for text in ["1970-01-01", "2000-02-29", "2026-11-25", "1899-12-31"] {
            assert_eq!(Date::parse(text).unwrap().to_string(), text);
        }
        for bad in ["2025-02-29", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-01", "", "2026-01-01x"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("1970-01-02").unwrap().days(), 1);
    }

    #[test]
    fn date_times_parse_as_browsers_write_them() {
        let t = LocalDateTime::parse("2026-11-25T09:05").unwrap();
        assert_eq!(t.to_string(), "2026-11-25T09:05");
        assert_eq!(t.clock_time(), "09:05");
        assert_eq!(LocalDateTime::parse("2026-11-25T09:05:30").unwrap(), t);
        for bad in ["2026-11-25", "2026-11-25T24:00", "2026-11-25T10:60", "2026-11-25 10:00", "T10:00"] {
            assert_eq!(LocalDateTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn minutes_between_times_cross_midnight() {
        let a = LocalDateTime::parse("2026-11-24T23:50").unwrap();
        let b = LocalDateTime::parse("2026-11-25T00:20").unwrap();
        assert_eq!(b.minutes() - a.minutes(), 30);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(describe_minutes(0), "0 min");
        assert_eq!(describe_minutes(45), "45 min");
        assert_eq!(describe_minutes(120), "2 h");
        assert_eq!(describe_minutes(125), "2 h 5 min");
        assert_eq!(describe_minutes(1440 * 3 + 240), "3 d 4 h");
        assert_eq!(describe_minutes(2880), "2 d");
        assert_eq!(describe_minutes(-5), "−5 min");
    }

    #[test]
    fn ages_are_relative_then_absolute() {
        let now = 1_800_000_000_000;
        assert_eq!(describe_age(now - 10_000, now, 0), "just now");
        assert_eq!(describe_age(now - 5 * 60_000, now, 0), "5 min ago");
        assert_eq!(describe_age(now - 3 * 3_600_000, now, 0), "3 h ago");
        assert_eq!(describe_age(now - 2 * 86_400_000, now, 0), "2 d ago");
        assert!(describe_age(now - 30 * 86_400_000, now, 0).starts_with("on 2026-"));
        assert_eq!(describe_age(now + 60_000, now, 0), "just now", "clock skew is not the future");
    }

    #[test]
    fn today_follows_the_offset() {
        // 2026-11-25T23:30Z is already the 26th at UTC+1.
        let ms = (days_from_civil(2026, 11, 25) * 1440 + 23 * 60 + 30) * 60_000;
        assert_eq!(Date::from_unix_ms(ms, 0).to_string(), "2026-11-25");
        assert_eq!(Date::from_unix_ms(ms, 60).to_string(), "2026-11-26");
    }
}
