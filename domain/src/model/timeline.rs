//! *What happened*: timeline entries, their display order, and the durations derived from them.

use crate::i18n::{n_, tr};
use crate::model::choice::choice;
use crate::model::clock::{Clock, Register};
use crate::model::ids::Id;
use crate::model::order::by_position;
use crate::model::record::record;
use crate::model::time::{describe_minutes, LocalDateTime};
use crate::tf;
use std::collections::BTreeMap;

crate::model::order::positioned!(TimelineEntry);

choice! {
    /// What role an entry played in the incident.
    EntryKind {
        Trigger => ("trigger", "Trigger"),
        Detection => ("detection", "Detection"),
        Escalation => ("escalation", "Escalation"),
        Mitigation => ("mitigation", "Mitigation"),
        Resolution => ("resolution", "Resolution"),
        Other => ("other", "Other"),
    }
}

record! {
    /// One fact on the timeline.
    pub struct TimelineEntry {
        ;
        /// When it happened, if known. Entries without a time keep their place in the manual order.
        when: Option<LocalDateTime> => When,
        /// What happened, as a fact.
        what: String => What,
        /// The role it played in the incident.
        kind: EntryKind => Kind,
        /// A link or reference to evidence: a dashboard, a log query, a ticket.
        evidence: String => Evidence,
        /// Kept out of the customer note (see `export::write_up`).
        internal: bool => Internal,
        /// Its place in the manual order, which breaks ties between equal times.
        position: f64,
    }
    /// One field of a timeline entry, as an edit.
    pub enum TimelineField;
}

impl TimelineEntry {
    /// A new, empty entry at `position`: no time, kind "other".
    pub fn new(position: f64, clock: Clock) -> Self {
        TimelineEntry {
            when: Register::new(None, clock),
            what: Register::new(String::new(), clock),
            kind: Register::new(EntryKind::Other, clock),
            evidence: Register::new(String::new(), clock),
            internal: Register::new(false, clock),
            position: Register::new(position, clock),
        }
    }
}

/// The order a timeline is shown in: by time, and by manual order among equal times.
///
/// An entry without a time stays right after the entry it follows in the manual order (it takes
/// that entry's time for sorting), so "then we noticed…" notes keep their place in the story.
pub fn timeline_order(entries: &BTreeMap<Id, TimelineEntry>) -> Vec<Id> {
    let manual = by_position(entries.iter());
    let mut keyed: Vec<(Option<i64>, usize, Id)> = Vec::with_capacity(manual.len());
    let mut carried: Option<i64> = None;
    for (index, id) in manual.iter().enumerate() {
        if let Some(time) = entries[id].when.value {
            carried = Some(time.minutes());
        }
        keyed.push((carried, index, *id));
    }
    crate::sorting::sort(&mut keyed);
    keyed.into_iter().map(|(_, _, id)| id).collect()
}

/// A duration derived from the timeline, or what is missing to derive it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Derived {
    /// The duration in whole minutes; never negative.
    Minutes(i64),
    /// The detection or resolution is timed before the trigger, by this many minutes. Real
    /// incidents look like this (an alert on a symptom that started earlier than the entry
    /// marked as the trigger), so it is said in words, never as a negative time.
    BeforeTrigger {
        /// How long before the trigger, in minutes.
        minutes: i64,
        /// What came before it: "Detected" or "Resolved" (compared, never shown as such).
        event: &'static str,
    },
    /// What to add to the timeline so the duration can be derived, as a sentence for people
    /// (a message key: [`Derived::describe`] shows it in the active language).
    Missing(&'static str),
}

impl Derived {
    /// The duration in words (as `1 h 45 min`), or a sentence saying what to check or add.
    pub fn describe(&self) -> String {
        match self {
            Derived::Minutes(m) => describe_minutes(*m),
            Derived::BeforeTrigger { minutes, event: "Detected" } => {
                tf!("Detected {duration} before the trigger — is the trigger the right entry?", duration = describe_minutes(*minutes))
            }
            Derived::BeforeTrigger { minutes, .. } => {
                tf!("Resolved {duration} before the trigger — is the trigger the right entry?", duration = describe_minutes(*minutes))
            }
            Derived::Missing(why) => tr(why).to_string(),
        }
    }

    fn between(trigger: i64, later: i64, event: &'static str) -> Derived {
        if later >= trigger {
            Derived::Minutes(later - trigger)
        } else {
            Derived::BeforeTrigger { minutes: trigger - later, event }
        }
    }
}

/// Time to detect (first trigger → first detection) and time to resolve
/// (first trigger → last resolution), from entries that have times.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct IncidentDurations {
    /// From the first trigger to the first detection.
    pub time_to_detect: Derived,
    /// From the first trigger to the last resolution.
    pub time_to_resolve: Derived,
}

/// Time to detect and time to resolve for these entries; see [`IncidentDurations`].
pub fn incident_durations(entries: &BTreeMap<Id, TimelineEntry>) -> IncidentDurations {
    let times = |kind: EntryKind| -> Vec<i64> {
        let mut t: Vec<i64> = entries.values().filter(|e| e.kind.value == kind).filter_map(|e| e.when.value.map(|w| w.minutes())).collect();
        crate::sorting::sort(&mut t);
        t
    };
    let has_kind = |kind: EntryKind| entries.values().any(|e| e.kind.value == kind);
    let trigger = times(EntryKind::Trigger).first().copied();
    let detection = times(EntryKind::Detection).first().copied();
    let resolution = times(EntryKind::Resolution).last().copied();

    let missing_trigger =
        if has_kind(EntryKind::Trigger) { n_("Add a time to the trigger entry.") } else { n_("Mark an entry as the trigger and give it a time.") };
    let time_to_detect = match (trigger, detection) {
        (Some(t), Some(d)) => Derived::between(t, d, "Detected"),
        (None, _) => Derived::Missing(missing_trigger),
        (_, None) if has_kind(EntryKind::Detection) => Derived::Missing(n_("Add a time to the detection entry.")),
        (_, None) => Derived::Missing(n_("Mark an entry as the detection and give it a time.")),
    };
    let time_to_resolve = match (trigger, resolution) {
        (Some(t), Some(r)) => Derived::between(t, r, "Resolved"),
        (None, _) => Derived::Missing(missing_trigger),
        (_, None) if has_kind(EntryKind::Resolution) => Derived::Missing(n_("Add a time to the resolution entry.")),
        (_, None) => Derived::Missing(n_("Mark an entry as the resolution and give it a time.")),
    };
    IncidentDurations { time_to_detect, time_to_resolve }
}

/// When the incident started or ended: as set in *Set the stage*, or else derived from the
/// timeline (the earliest and the latest timed entry), marked so people can tell.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IncidentTime {
    /// As set in *Set the stage*.
    Set(LocalDateTime),
    /// Taken from the timeline, as nothing was set.
    Derived(LocalDateTime),
    /// Neither set nor found on the timeline.
    Unknown,
}

impl IncidentTime {
    /// The time, whether set or derived.
    pub fn time(self) -> Option<LocalDateTime> {
        match self {
            IncidentTime::Set(t) | IncidentTime::Derived(t) => Some(t),
            IncidentTime::Unknown => None,
        }
    }

    /// The time written by `write`, marked when derived; a dash when unknown.
    pub fn describe_with(self, write: impl Fn(LocalDateTime) -> String) -> String {
        match self {
            IncidentTime::Set(t) => write(t),
            IncidentTime::Derived(t) => tf!("{time} (from the timeline)", time = write(t)),
            IncidentTime::Unknown => "—".to_string(),
        }
    }

    /// As `2019-07-02 15:09` (the day as the active language writes it), marked when derived.
    pub fn describe(self) -> String {
        self.describe_with(|t| t.shown())
    }
}

/// Start and end of the incident: the set values where there are any, else the timeline's
/// first and last times. A single timed entry gives a start but no end.
pub fn incident_span(start: Option<LocalDateTime>, end: Option<LocalDateTime>, entries: &BTreeMap<Id, TimelineEntry>) -> (IncidentTime, IncidentTime) {
    let times = || entries.values().filter_map(|e| e.when.value);
    let earliest = times().min();
    let latest = times().max().filter(|l| Some(*l) != earliest);
    let pick = |set: Option<LocalDateTime>, derived: Option<LocalDateTime>| match (set, derived) {
        (Some(t), _) => IncidentTime::Set(t),
        (None, Some(t)) => IncidentTime::Derived(t),
        (None, None) => IncidentTime::Unknown,
    };
    (pick(start, earliest), pick(end, latest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::Replica;

    fn entry(position: f64, when: Option<&str>, kind: EntryKind) -> TimelineEntry {
        let c = Clock(1, Replica(1));
        let mut e = TimelineEntry::new(position, c);
        e.when = Register::new(when.map(|w| LocalDateTime::parse(w).unwrap()), c);
        e.kind = Register::new(kind, c);
        e
    }

    fn build(entries: Vec<TimelineEntry>) -> (BTreeMap<Id, TimelineEntry>, Vec<Id>) {
        let mut map = BTreeMap::new();
        let mut ids = vec![];
        for (i, e) in entries.into_iter().enumerate() {
            let id = Id::from_random([i as u8 + 1; 16]);
            map.insert(id, e);
            ids.push(id);
        }
        (map, ids)
    }

    #[test]
    fn timeline_sorts_by_time_and_untimed_entries_follow_their_manual_predecessor() {
        use EntryKind::Other;
        let (map, ids) = build(vec![
            entry(1.0, Some("2026-11-25T14:30"), Other),
            entry(2.0, None, Other), // "then…" note after 14:30
            entry(3.0, Some("2026-11-25T14:02"), Other),
            entry(4.0, Some("2026-11-25T14:30"), Other), // same time: manual order decides
        ]);
        assert_eq!(timeline_order(&map), vec![ids[2], ids[0], ids[1], ids[3]]);
    }

    #[test]
    fn untimed_entries_at_the_start_stay_first() {
        use EntryKind::Other;
        let (map, ids) = build(vec![entry(1.0, None, Other), entry(2.0, Some("2026-01-01T00:00"), Other)]);
        assert_eq!(timeline_order(&map), ids);
    }

    #[test]
    fn durations_are_derived_from_first_trigger_first_detection_and_last_resolution() {
        use EntryKind::*;
        let (map, _) = build(vec![
            entry(1.0, Some("2026-11-25T14:02"), Trigger),
            entry(2.0, Some("2026-11-25T14:10"), Detection),
            entry(3.0, Some("2026-11-25T14:20"), Detection),
            entry(4.0, Some("2026-11-25T14:40"), Resolution),
            entry(5.0, Some("2026-11-25T15:47"), Resolution),
        ]);
        let d = incident_durations(&map);
        assert_eq!(d.time_to_detect, Derived::Minutes(8));
        assert_eq!(d.time_to_resolve, Derived::Minutes(105));
        assert_eq!(d.time_to_resolve.describe(), "1 h 45 min");
    }

    #[test]
    fn detection_or_resolution_before_the_trigger_is_said_in_words() {
        use EntryKind::*;
        // As in a 2017 database outage: the replication-lag page came an hour before the
        // entry marked as the trigger (a data directory removed on the wrong host).
        let (map, _) = build(vec![
            entry(1.0, Some("2017-01-31T23:00"), Trigger),
            entry(2.0, Some("2017-01-31T22:00"), Detection),
            entry(3.0, Some("2017-01-31T21:50"), Resolution),
        ]);
        let d = incident_durations(&map);
        assert_eq!(d.time_to_detect, Derived::BeforeTrigger { minutes: 60, event: "Detected" });
        assert_eq!(d.time_to_detect.describe(), "Detected 1 h before the trigger — is the trigger the right entry?");
        assert_eq!(d.time_to_resolve.describe(), "Resolved 1 h 10 min before the trigger — is the trigger the right entry?");
        assert!(!d.time_to_detect.describe().contains('−'));
        assert!(!matches!(d.time_to_detect, Derived::Minutes(_)), "never a negative figure");
        let (map, _) = build(vec![entry(1.0, Some("2017-01-31T23:00"), Trigger), entry(2.0, Some("2017-01-31T23:00"), Detection)]);
        assert_eq!(incident_durations(&map).time_to_detect, Derived::Minutes(0), "at the same minute is not before");
    }

    #[test]
    fn start_and_end_come_from_the_timeline_when_they_were_not_set() {
        use EntryKind::*;
        let t = |s: &str| LocalDateTime::parse(s).unwrap();
        let (map, _) = build(vec![
            entry(1.0, Some("2019-07-02T13:42"), Trigger),
            entry(2.0, None, Other),
            entry(3.0, Some("2019-07-02T15:09"), Resolution),
            entry(4.0, Some("2019-07-02T13:45"), Detection),
        ]);
        assert_eq!(incident_span(None, None, &map), (IncidentTime::Derived(t("2019-07-02T13:42")), IncidentTime::Derived(t("2019-07-02T15:09"))));
        let set = t("2019-07-02T13:40");
        assert_eq!(incident_span(Some(set), None, &map).0, IncidentTime::Set(set));
        assert_eq!(IncidentTime::Derived(t("2019-07-02T15:09")).describe(), "2019-07-02 15:09 (from the timeline)");
        let (one, _) = build(vec![entry(1.0, Some("2019-07-02T13:42"), Trigger)]);
        assert_eq!(incident_span(None, None, &one).1, IncidentTime::Unknown, "one time is a start, not an end");
        assert_eq!(incident_span(None, None, &BTreeMap::new()), (IncidentTime::Unknown, IncidentTime::Unknown));
    }

    #[test]
    fn durations_say_what_is_missing() {
        use EntryKind::*;
        let (map, _) = build(vec![entry(1.0, None, Trigger), entry(2.0, Some("2026-11-25T14:10"), Detection)]);
        let d = incident_durations(&map);
        assert_eq!(d.time_to_detect, Derived::Missing("Add a time to the trigger entry."));
        let (map, _) = build(vec![entry(1.0, Some("2026-11-25T14:00"), Trigger)]);
        let d = incident_durations(&map);
        assert_eq!(d.time_to_detect, Derived::Missing("Mark an entry as the detection and give it a time."));
        assert_eq!(d.time_to_resolve, Derived::Missing("Mark an entry as the resolution and give it a time."));
    }
}
