//! Due dates as an iCalendar file (RFC 5545): one all-day event per action that has a date.

use crate::i18n::tr;
use crate::{tf, Date, Retrospective};

/// Escapes TEXT values: backslash, semicolon, comma and newlines.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character; continuation lines start
/// with a space. Lines end with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn compact(date: Date) -> String {
    date.to_string().replace('-', "")
}

/// `now_utc` is written as DTSTAMP, as `YYYYMMDDTHHMMSSZ`.
pub fn actions_ics(r: &Retrospective, now_utc: &str) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Retrace//Retrospective actions//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        out.push_str(&fold(line));
    }
    for id in r.action_order() {
        let a = &r.actions[&id];
        let Some(due) = a.due.value else { continue };
        let mut description = tf!("Action from the retrospective “{title}”.", title = r.display_title());
        if !a.owner.value.trim().is_empty() {
            description.push('\n');
            description.push_str(&tf!("Owner: {owner}", owner = a.owner.value.trim()));
        }
        description.push('\n');
        description.push_str(&tf!("Priority: {priority} · Status: {status}", priority = a.priority.value.label(), status = a.status.value.label()));
        let summary = if a.description.value.trim().is_empty() { tr("Retrospective action").to_string() } else { a.description.value.trim().to_string() };
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{id}@retrace"),
            format!("DTSTAMP:{now_utc}"),
            format!("DTSTART;VALUE=DATE:{}", compact(due)),
            format!("DTEND;VALUE=DATE:{}", compact(Date::from_days(due.days() + 1))),
            format!("SUMMARY:{}", escape_text(&summary)),
            format!("DESCRIPTION:{}", escape_text(&description)),
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ] {
            out.push_str(&fold(&line));
        }
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    #[test]
    fn one_all_day_event_per_dated_action_with_escaped_text() {
        let w = Writer::new(Replica(1), 0);
        let id = |n: u8| Id::from_random([n; 16]);
        let mut r = Retrospective::new(id(1), Template::Incident, "Outage; big, bad", &w);
        r.apply(Edit::AddAction { id: id(2) }, &w);
        r.apply(Edit::Action(id(2), ActionField::Description("Fix a; b, c\\d\nnext".into())), &w);
        r.apply(Edit::Action(id(2), ActionField::Due(Date::parse("2026-12-31"))), &w);
        r.apply(Edit::AddAction { id: id(3) }, &w); // no date: no event
        let ics = actions_ics(&r, "20261125T200000Z");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("SUMMARY:Fix a\\; b\\, c\\\\d\\nnext\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261231\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20270101\r\n"), "the day after, across the year end");
        assert!(ics.contains(&format!("UID:{}@retrace", id(2))));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "only CRLF line ends");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "folded: {line}");
        }
    }

    #[test]
    fn folding_never_splits_a_character() {
        let line = format!("SUMMARY:{}", "é🙂".repeat(40));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75);
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }
}
