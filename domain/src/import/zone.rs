//! Time zones as data, and the times of imported lines in the retrospective's own zone.
//!
//! The domain bundles no time-zone database. The browser knows every zone (`Intl`), so the UI
//! samples the offsets of a zone over the span it needs and passes them in as a [`ZoneTable`].
//! This module then does the arithmetic: a UTC instant in a zone, a wall-clock time read in one
//! zone and shown in another (through daylight-saving changes), and the day rollover of logs
//! that print only `HH:MM`.

use crate::model::time::{Date, LocalDateTime};

/// A zone's offsets from UTC, as the browser reported them: each entry is the UTC instant (Unix
/// milliseconds) from which an offset (minutes east of UTC) holds, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneTable {
    /// The zone's name for people, e.g. "Europe/Berlin" or "UTC+02:00".
    pub name: String,
    changes: Vec<(i64, i32)>,
}

impl ZoneTable {
    /// A zone that is always `offset_minutes` east of UTC.
    pub fn fixed(name: &str, offset_minutes: i32) -> ZoneTable {
        ZoneTable { name: name.to_string(), changes: vec![(i64::MIN, offset_minutes)] }
    }

    /// A zone from `(utc_ms, offset_minutes)` samples in any order. Repeated offsets are folded,
    /// and the earliest offset also holds before the first sample.
    pub fn from_samples(name: &str, mut samples: Vec<(i64, i32)>) -> ZoneTable {
        crate::sorting::sort_by_key(&mut samples, |(at, _)| *at);
        let mut changes: Vec<(i64, i32)> = Vec::new();
        for (at, offset) in samples {
            if changes.last().is_none_or(|(_, last)| *last != offset) {
                changes.push((at, offset));
            }
        }
        if let Some(first) = changes.first_mut() {
            first.0 = i64::MIN;
        } else {
            changes.push((i64::MIN, 0));
        }
        ZoneTable { name: name.to_string(), changes }
    }

    /// The offset in minutes east of UTC at a UTC instant.
    pub fn offset_at(&self, utc_ms: i64) -> i32 {
        let after = self.changes.partition_point(|(at, _)| *at <= utc_ms);
        self.changes[after.saturating_sub(1)].1
    }

    /// What a clock in this zone showed at a UTC instant.
    pub fn local(&self, utc_ms: i64) -> LocalDateTime {
        LocalDateTime::from_minutes(utc_ms.div_euclid(60_000) + i64::from(self.offset_at(utc_ms)))
    }

    /// The UTC instant a clock in this zone showed `wall`. When the clocks went back and `wall`
    /// happened twice, the earlier; when they went forward over it, the time after the gap
    /// (as a clock that skipped the hour would have shown it).
    pub fn utc_of(&self, wall: LocalDateTime) -> i64 {
        let minutes = wall.minutes();
        let mut candidates: Vec<i32> = self.changes.iter().map(|(_, o)| *o).collect();
        crate::sorting::sort(&mut candidates);
        candidates.dedup();
        let valid = candidates.iter().map(|o| (minutes - i64::from(*o)) * 60_000).filter(|utc| self.local(*utc) == wall).min();
        valid.unwrap_or_else(|| {
            // In a gap: read it with the offset from before the change.
            let guess = (minutes - i64::from(self.offset_at(minutes * 60_000))) * 60_000;
            let before = self.offset_at(guess - 3_600_000);
            (minutes - i64::from(before)) * 60_000
        })
    }
}

/// When an imported line says it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stamp {
    /// An instant: an epoch, or a time with its offset.
    Utc(i64),
    /// A date and a time without a zone.
    Wall(LocalDateTime),
    /// A time of day alone, in minutes after midnight, on the day a date line last named if any.
    TimeOfDay {
        /// Minutes after midnight.
        minutes: i64,
        /// The day an earlier date line of the log named, if any.
        day: Option<Date>,
    },
    /// No time at all.
    None,
}

/// A bare time more than this many minutes before the previous one is on the next day:
/// 23:58 then 00:03 crosses midnight, while an entry a little out of order stays on its day.
const ROLLOVER_MINUTES: i64 = 12 * 60;

/// The times of `stamps` in the retrospective's zone. Times without an offset were shown by
/// clocks in `read_in`; bare times of day start on `first_day` (or the day a date line names)
/// and roll over at midnight.
pub fn resolve(stamps: &[Stamp], read_in: &ZoneTable, retro_zone: &ZoneTable, first_day: Date) -> Vec<Option<LocalDateTime>> {
    let mut day = first_day;
    let mut last_time_of_day: Option<i64> = None;
    let same_zone = read_in == retro_zone;
    let wall_in_retro_zone = |wall: LocalDateTime| if same_zone { wall } else { retro_zone.local(read_in.utc_of(wall)) };
    stamps
        .iter()
        .map(|stamp| match *stamp {
            Stamp::Utc(ms) => Some(retro_zone.local(ms)),
            Stamp::Wall(wall) => Some(wall_in_retro_zone(wall)),
            Stamp::TimeOfDay { minutes, day: named } => {
                if let Some(named) = named.filter(|named| *named != day) {
                    day = named;
                    last_time_of_day = None;
                }
                if last_time_of_day.is_some_and(|last| minutes < last - ROLLOVER_MINUTES) {
                    day = Date::from_days(day.days() + 1);
                }
                last_time_of_day = Some(minutes);
                Some(wall_in_retro_zone(LocalDateTime::from_minutes(day.days() * 1440 + minutes)))
            }
            Stamp::None => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> LocalDateTime {
        LocalDateTime::parse(text).unwrap()
    }

    /// Berlin around the change of 2024-03-31 (01:00 UTC: +60 → +120) and of 2024-10-27
    /// (01:00 UTC: +120 → +60), as a browser would report it.
    fn berlin() -> ZoneTable {
        let utc = |t: &str| at(t).minutes() * 60_000;
        ZoneTable::from_samples("Europe/Berlin", vec![(utc("2024-03-01T00:00"), 60), (utc("2024-03-31T01:00"), 120), (utc("2024-10-27T01:00"), 60)])
    }

    #[test]
    fn instants_show_in_the_zone_with_its_summer_time() {
        let z = berlin();
        let utc = |t: &str| at(t).minutes() * 60_000;
        assert_eq!(z.local(utc("2024-03-31T00:59")), at("2024-03-31T01:59"));
        assert_eq!(z.local(utc("2024-03-31T01:00")), at("2024-03-31T03:00"));
        assert_eq!(z.local(utc("2024-07-01T12:00")), at("2024-07-01T14:00"));
    }

    #[test]
    fn wall_times_find_their_instant_through_gaps_and_repeats() {
        let z = berlin();
        let utc = |t: &str| at(t).minutes() * 60_000;
        assert_eq!(z.utc_of(at("2024-07-01T14:00")), utc("2024-07-01T12:00"));
        // 02:30 on 31 March never happened in Berlin: read as after the gap.
        assert_eq!(z.local(z.utc_of(at("2024-03-31T02:30"))), at("2024-03-31T03:30"));
        // 02:30 on 27 October happened twice: the first one.
        assert_eq!(z.utc_of(at("2024-10-27T02:30")), utc("2024-10-27T00:30"));
    }

    #[test]
    fn bare_times_roll_over_at_midnight_and_follow_date_lines() {
        let z = ZoneTable::fixed("UTC", 0);
        let day = Date::parse("2024-03-04").unwrap();
        let tod = |h: i64, m: i64| Stamp::TimeOfDay { minutes: h * 60 + m, day: None };
        let times =
            resolve(&[tod(23, 58), tod(23, 55), tod(0, 3), Stamp::TimeOfDay { minutes: 9 * 60, day: Date::parse("2024-03-07") }, tod(9, 5)], &z, &z, day);
        let shown: Vec<String> = times.into_iter().map(|t| t.unwrap().to_string()).collect();
        assert_eq!(shown, ["2024-03-04T23:58", "2024-03-04T23:55", "2024-03-05T00:03", "2024-03-07T09:00", "2024-03-07T09:05"]);
    }

    #[test]
    fn times_read_in_one_zone_are_shown_in_the_retrospectives() {
        let read_in = ZoneTable::fixed("UTC−05:00", -300);
        let retro = berlin();
        let times = resolve(
            &[Stamp::Wall(at("2024-07-01T08:00")), Stamp::Utc(at("2024-07-01T12:00").minutes() * 60_000), Stamp::None],
            &read_in,
            &retro,
            Date::from_days(0),
        );
        assert_eq!(times, vec![Some(at("2024-07-01T15:00")), Some(at("2024-07-01T14:00")), None]);
    }
}
