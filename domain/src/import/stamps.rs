//! Reading the time at the start of a log line, in the shapes logs and chat tools print:
//! ISO 8601 with or without an offset, `YYYY-MM-DD HH:MM[:SS]`, syslog's `Mon DD HH:MM:SS`,
//! `HH:MM[:SS]` with or without AM/PM, any of them in brackets, and epochs (in CSV cells).

use super::zone::Stamp;
use crate::model::time::{Date, LocalDateTime};

/// Month abbreviations as logs print them, lower-cased.
pub const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn digits(s: &str, n: usize) -> Option<i64> {
    (s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit)).then(|| s[..n].parse().ok()).flatten()
}

/// `HH:MM` or `H:MM`, optional `:SS` and fraction, optional ` AM`/`PM`: minutes after midnight
/// and the length read.
pub fn time_of_day(s: &str) -> Option<(i64, usize)> {
    let hour_len = if digits(s, 2).is_some() {
        2
    } else if digits(s, 1).is_some() {
        1
    } else {
        return None;
    };
    let hour = digits(s, hour_len)?;
    let s2 = s.get(hour_len..)?;
    let minute = s2.strip_prefix(':').and_then(|m| digits(m, 2))?;
    let mut len = hour_len + 3;
    if let Some(sec) = s.get(len..).and_then(|r| r.strip_prefix(':')).and_then(|r| digits(r, 2)) {
        if sec > 60 {
            return None;
        }
        len += 3;
        if let Some(frac) = s.get(len..).and_then(|r| r.strip_prefix(['.', ','])) {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n > 0 {
                len += 1 + n;
            }
        }
    }
    let mut hour = hour;
    let rest = s.get(len..).unwrap_or("");
    let trimmed = rest.trim_start_matches(' ');
    let spaces = rest.len() - trimmed.len();
    let meridiem = trimmed.get(..2).map(str::to_ascii_lowercase);
    let after_meridiem = trimmed.get(2..3).is_none_or(|c| !c.chars().all(char::is_alphanumeric));
    match meridiem.as_deref() {
        Some("am") if after_meridiem && (1..=12).contains(&hour) => {
            hour %= 12;
            len += spaces + 2;
        }
        Some("pm") if after_meridiem && (1..=12).contains(&hour) => {
            hour = hour % 12 + 12;
            len += spaces + 2;
        }
        _ => {}
    }
    ((0..24).contains(&hour) && (0..60).contains(&minute)).then_some((hour * 60 + minute, len))
}

/// `Z`, `+HH:MM`, `+HHMM` or `+HH` after a time: minutes east of UTC and the length read.
fn offset(s: &str) -> Option<(i64, usize)> {
    if s.starts_with('Z') || s.starts_with('z') {
        return Some((0, 1));
    }
    let sign = match s.chars().next()? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    let sign_len = s.chars().next()?.len_utf8();
    let r = &s[sign_len..];
    let hours = digits(r, 2)?;
    let (minutes, len) = if let Some(m) = r.get(2..).and_then(|x| x.strip_prefix(':')).and_then(|x| digits(x, 2)) {
        (m, 5)
    } else if let Some(m) = r.get(2..).and_then(|x| digits(x, 2)) {
        (m, 4)
    } else {
        (0, 2)
    };
    (hours <= 14 && minutes < 60).then_some((sign * (hours * 60 + minutes), sign_len + len))
}

/// `YYYY-MM-DD` (or `YYYY/MM/DD`) and its length.
fn iso_date(s: &str) -> Option<(Date, usize)> {
    let b = s.as_bytes();
    if b.len() < 10 || !matches!(b[4], b'-' | b'/') || b[7] != b[4] {
        return None;
    }
    Some((Date::from_ymd(digits(s, 4)?, digits(&s[5..], 2)?, digits(&s[8..], 2)?)?, 10))
}

/// Syslog's `Mon DD` (day space-padded) in `year`, and its length.
fn syslog_date(s: &str, year: i64) -> Option<(Date, usize)> {
    let month = MONTHS.iter().position(|m| s.get(..3).is_some_and(|x| x.eq_ignore_ascii_case(m)))? as i64 + 1;
    let rest = s.get(3..)?;
    let trimmed = rest.trim_start_matches(' ');
    let spaces = rest.len() - trimmed.len();
    if spaces == 0 {
        return None;
    }
    let day_len = if digits(trimmed, 2).is_some() { 2 } else { 1 };
    let day = digits(trimmed, day_len)?;
    Some((Date::from_ymd(year, month, day)?, 3 + spaces + day_len))
}

/// The time a line starts with, and the rest of the line after it (and after a closing
/// bracket and separators). `year` completes syslog dates, which print none.
pub fn leading_stamp(line: &str, year: i64) -> Option<(Stamp, &str)> {
    let (bracketed, s) = match line.strip_prefix('[') {
        Some(inner) => (true, inner),
        None => (false, line),
    };
    let (stamp, len) = stamp_at(s, year)?;
    let mut rest = &s[len..];
    if bracketed {
        rest = rest.strip_prefix(']')?;
    }
    // One separator may follow the time ("14:02 - text", "14:02 | text"), but "-!-" is IRC's.
    let rest = rest.trim_start();
    let rest = ["- ", "| ", ": ", "— ", "– "].iter().find_map(|sep| rest.strip_prefix(sep)).unwrap_or(rest).trim_start();
    Some((stamp, rest))
}

/// A stamp at the start of `s` and its length.
fn stamp_at(s: &str, year: i64) -> Option<(Stamp, usize)> {
    let date = iso_date(s).or_else(|| syslog_date(s, year));
    if let Some((date, date_len)) = date {
        let sep = s.get(date_len..date_len + 1)?;
        if !matches!(sep, "T" | "t" | " ") {
            return None;
        }
        let after = &s[date_len + 1..];
        let after_trimmed = after.trim_start_matches(' ');
        let skipped = after.len() - after_trimmed.len();
        let (minutes, time_len) = time_of_day(after_trimmed)?;
        let mut len = date_len + 1 + skipped + time_len;
        let wall = LocalDateTime::from_minutes(date.days() * 1440 + minutes);
        if let Some((east, off_len)) = s.get(len..).and_then(offset) {
            len += off_len;
            return Some((Stamp::Utc((wall.minutes() - east) * 60_000 + seconds_of(s, date_len + 1 + skipped) * 1000), len));
        }
        return Some((Stamp::Wall(wall), len));
    }
    let (minutes, len) = time_of_day(s)?;
    Some((Stamp::TimeOfDay { minutes, day: None }, len))
}

/// The seconds of an `HH:MM:SS` at `at`, for instants (walls keep minutes only).
fn seconds_of(s: &str, at: usize) -> i64 {
    let t = &s[at..];
    let colon = t.find(':').unwrap_or(0);
    t.get(colon + 3..).and_then(|r| r.strip_prefix(':')).and_then(|r| digits(r, 2)).unwrap_or(0)
}

/// A Unix epoch in seconds ("1709560931", "1709560931.000200", as Slack writes `ts`) or in
/// milliseconds ("1709560931123"), as milliseconds. Read without float parsing, which would
/// add its own code to the module for this one use.
pub fn epoch_ms(text: &str) -> Option<i64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || whole.len() > 13 || !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let ms = if whole > 100_000_000_000 {
        whole
    } else {
        let millis: i64 = format!("{fraction:0<3}")[..3].parse().ok()?;
        whole * 1000 + millis
    };
    (ms > 0).then_some(ms)
}

/// A whole cell as a stamp: any shape above, or a Unix epoch in seconds or milliseconds.
pub fn cell_stamp(cell: &str, year: i64) -> Option<Stamp> {
    let cell = cell.trim();
    if let Some(ms) = epoch_ms(cell) {
        return Some(Stamp::Utc(ms));
    }
    let (stamp, len) = stamp_at(cell, year)?;
    cell[len..].trim().is_empty().then_some(stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(text: &str) -> Stamp {
        Stamp::Wall(LocalDateTime::parse(text).unwrap())
    }

    fn utc(text: &str, seconds: i64) -> Stamp {
        Stamp::Utc(LocalDateTime::parse(text).unwrap().minutes() * 60_000 + seconds * 1000)
    }

    #[test]
    fn lines_start_with_the_times_logs_print() {
        let cases: &[(&str, Stamp, &str)] = &[
            ("2024-03-04T14:02:11Z api: 5xx rising", utc("2024-03-04T14:02", 11), "api: 5xx rising"),
            ("2024-03-04T14:02:11.250+01:00 failover started", utc("2024-03-04T13:02", 11), "failover started"),
            ("2024-03-04 14:02 deploy 4812", wall("2024-03-04T14:02"), "deploy 4812"),
            ("[2024-03-04 14:02:59] <sam> rolling back", wall("2024-03-04T14:02"), "<sam> rolling back"),
            ("Mar  4 14:02:11 web-1 nginx[812]: upstream timed out", wall("2024-03-04T14:02"), "web-1 nginx[812]: upstream timed out"),
            ("[14:02] <sam> paging db", Stamp::TimeOfDay { minutes: 14 * 60 + 2, day: None }, "<sam> paging db"),
            ("2:05 PM checkout green again", Stamp::TimeOfDay { minutes: 14 * 60 + 5, day: None }, "checkout green again"),
            ("12:30 am night batch", Stamp::TimeOfDay { minutes: 30, day: None }, "night batch"),
        ];
        for (line, stamp, rest) in cases {
            assert_eq!(leading_stamp(line, 2024), Some((*stamp, *rest)), "{line}");
        }
        for line in ["no time here", "14h02 not a time", "25:00 too late", "2024-13-01 10:00 bad month", "[14:02 unclosed bracket"] {
            assert_eq!(leading_stamp(line, 2024), None, "{line}");
        }
    }

    #[test]
    fn cells_hold_epochs_as_well() {
        assert_eq!(cell_stamp("1709560931", 2024), Some(Stamp::Utc(1_709_560_931_000)));
        assert_eq!(cell_stamp("1709560931123", 2024), Some(Stamp::Utc(1_709_560_931_123)));
        assert_eq!(cell_stamp("1709560931.000100", 2024), Some(Stamp::Utc(1_709_560_931_000)));
        assert_eq!(cell_stamp(" 2024-03-04 14:02 ", 2024), Some(wall("2024-03-04T14:02")));
        assert_eq!(cell_stamp("14:02 extra words", 2024), None);
    }
}
