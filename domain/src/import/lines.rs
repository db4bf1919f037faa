//! Line-based chat and log formats: IRC logs, lines that start with a timestamp, and text
//! copied from the Slack and Teams apps (a header line with the author and time, then the
//! message's lines).

use super::line::ChatLine;
use super::markup::emoji_codes;
use super::stamps::{leading_stamp, time_of_day, MONTHS};
use super::zone::Stamp;
use crate::model::time::Date;

/// An IRC date line ("--- Day changed Mon Mar 04 2024", "--- Log opened Mon Mar 04 14:00:00
/// 2024", "**** BEGIN LOGGING AT Mon Mar  4 14:00:00 2024"): the day it names.
fn irc_date_line(line: &str) -> Option<Date> {
    let lower = line.to_ascii_lowercase();
    if !(lower.starts_with("---") || lower.starts_with("****")) {
        return None;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let month_at = words.iter().position(|w| MONTHS.iter().any(|m| w.starts_with(m) && w.len() <= 9))?;
    let month = MONTHS.iter().position(|m| words[month_at].starts_with(m))? as i64 + 1;
    let day: i64 = words.get(month_at + 1)?.trim_end_matches(',').parse().ok()?;
    let year: i64 = words.iter().skip(month_at + 2).find_map(|w| w.parse().ok().filter(|y: &i64| (1970..=2200).contains(y)))?;
    Date::from_ymd(year, month, day)
}

/// IRC: `[HH:MM] <nick> text`, `HH:MM:SS <nick> text`, actions (`* nick waves`), joins and
/// parts (kept as noise), and date lines that set the day of the times after them.
pub fn irc(text: &str, year: i64) -> Vec<ChatLine> {
    let mut out = Vec::new();
    let mut day: Option<Date> = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if let Some(named) = irc_date_line(line) {
            day = Some(named);
            continue;
        }
        let Some((stamp, rest)) = leading_stamp(line, year) else { continue };
        let stamp = match stamp {
            Stamp::TimeOfDay { minutes, .. } => Stamp::TimeOfDay { minutes, day },
            other => other,
        };
        let source = format!("IRC log, line {}", n + 1);
        if let Some(after) = rest.strip_prefix('<') {
            if let Some((nick, said)) = after.split_once('>') {
                let nick = nick.trim_start_matches(['@', '+', '%', '~', '&', ' ']);
                out.push(ChatLine::message(stamp, Some(nick), said.trim(), source));
                continue;
            }
        }
        let noise = ["has joined", "has left", "has quit", "is now known as", "joined", "left the channel", "quit ("].iter().any(|w| rest.contains(w));
        let action = rest
            .strip_prefix("* ")
            .or_else(|| rest.strip_prefix("-!- "))
            .or_else(|| rest.strip_prefix("*** "))
            .or_else(|| rest.strip_prefix("--> "))
            .or_else(|| rest.strip_prefix("<-- "));
        if let Some(action) = action {
            let (nick, did) = action.split_once(' ').unwrap_or((action, ""));
            let mut line = ChatLine::message(stamp, Some(nick), &format!("{nick} {did}"), source);
            line.noise = noise;
            out.push(line);
        }
    }
    out
}

/// Lines that start with a timestamp (application logs, syslog, hand-kept notes); a line
/// without one continues the one before it.
pub fn timestamped(text: &str, year: i64) -> Vec<ChatLine> {
    let mut out: Vec<ChatLine> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        match leading_stamp(line.trim(), year) {
            Some((stamp, rest)) if !rest.is_empty() => out.push(ChatLine::message(stamp, None, rest, format!("log, line {}", n + 1))),
            _ if !line.trim().is_empty() => {
                if let Some(last) = out.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(line.trim());
                }
            }
            _ => {}
        }
    }
    out
}

/// A header line of text copied from a chat app: "Sam Lee  2:02 PM", "Sam Lee 14:02",
/// "Sam Lee, 04/03/2024 14:02", "[14:02] Sam Lee": the author and the time.
fn header(line: &str) -> Option<(String, Stamp)> {
    let line = line.trim();
    if let Some((Stamp::TimeOfDay { minutes, .. }, rest)) = line.strip_prefix('[').and_then(|_| leading_stamp(line, 0)) {
        let name = rest.trim_end_matches(':').trim();
        return looks_like_name(name).then(|| (name.to_string(), Stamp::TimeOfDay { minutes, day: None }));
    }
    // The time stands at the end: find the last word that starts one.
    let bytes = line.as_bytes();
    for at in (1..line.len()).rev() {
        if !line.is_char_boundary(at) || bytes[at - 1] != b' ' {
            continue;
        }
        let Some((minutes, len)) = time_of_day(&line[at..]) else { continue };
        if at + len != line.len() {
            continue;
        }
        let mut name = line[..at].trim().trim_end_matches([',', '—', '-']).trim();
        // "04/03/2024" or "Yesterday" between the name and the time
        if let Some((before, last)) = name.rsplit_once(' ') {
            if last.contains('/') || matches!(last.to_ascii_lowercase().as_str(), "yesterday" | "today") {
                name = before.trim_end_matches(',').trim();
            }
        }
        return looks_like_name(name).then(|| (name.to_string(), Stamp::TimeOfDay { minutes, day: None }));
    }
    None
}

/// A display name: one to four words, starting with a letter, no sentence punctuation.
fn looks_like_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=4).contains(&words) && name.chars().next().is_some_and(char::is_alphabetic) && !name.contains(['.', '!', '?', ':', '<', '>']) && name.len() <= 60
}

/// Text copied from the Slack or Teams app: a header with the author and time, then the
/// message's lines; a line that is only a time starts another message of the same author.
pub fn copied(text: &str, app: &str) -> Vec<ChatLine> {
    let mut out: Vec<ChatLine> = Vec::new();
    let mut author: Option<String> = None;
    let mut current: Option<ChatLine> = None;
    let finish = |current: &mut Option<ChatLine>, out: &mut Vec<ChatLine>| {
        if let Some(line) = current.take().filter(|l| !l.text.is_empty()) {
            out.push(line);
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let source = format!("{app} copy, line {}", n + 1);
        if let Some((minutes, _)) = time_of_day(line).filter(|(_, len)| *len == line.len()) {
            finish(&mut current, &mut out);
            current = Some(ChatLine::message(Stamp::TimeOfDay { minutes, day: None }, author.as_deref(), "", source));
        } else if let Some((name, stamp)) = header(line) {
            finish(&mut current, &mut out);
            author = Some(name);
            current = Some(ChatLine::message(stamp, author.as_deref(), "", source));
        } else if let Some(current) = current.as_mut().filter(|_| !line.is_empty()) {
            if !current.text.is_empty() {
                current.text.push(' ');
            }
            current.text.push_str(&emoji_codes(line));
        }
    }
    finish(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irc_logs_keep_day_changes_actions_and_noise_apart() {
        let log = "--- Log opened Mon Mar 04 23:50:00 2024\n[23:58] <@sam> paging db\n[23:59] -!- kai [~kai@host] has joined #incident\n--- Day changed Tue Mar 05 2024\n[00:03] * kai looks at the replica\n[00:04] <kai> lag is 40s\nrandom noise";
        let lines = irc(log, 2024);
        assert_eq!(lines.len(), 4);
        assert_eq!((lines[0].author.as_deref(), lines[0].text.as_str()), (Some("sam"), "paging db"));
        assert_eq!(lines[0].stamp, Stamp::TimeOfDay { minutes: 23 * 60 + 58, day: Date::parse("2024-03-04") });
        assert!(lines[1].noise && !lines[2].noise);
        assert_eq!(lines[2].text, "kai looks at the replica");
        assert_eq!(lines[3].stamp, Stamp::TimeOfDay { minutes: 4, day: Date::parse("2024-03-05") });
    }

    #[test]
    fn timestamped_lines_carry_their_continuations() {
        let log = "2024-03-04T14:02:11Z ERROR pool exhausted\n  at db.connect (pool.js:88)\n2024-03-04T14:03:00Z INFO retry 1";
        let lines = timestamped(log, 2024);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "ERROR pool exhausted at db.connect (pool.js:88)");
        assert_eq!(lines[0].source, "log, line 1");
    }

    #[test]
    fn copied_chat_is_split_at_each_header_and_bare_time() {
        let slack = "Sam Lee  2:02 PM\ncheckout 5xx climbing :fire:\nlooking\n2:04 PM\nrolling back 4812\nKai Müller  2:06 PM\nback to normal";
        let lines = copied(slack, "Slack");
        let seen: Vec<(Option<&str>, &str)> = lines.iter().map(|l| (l.author.as_deref(), l.text.as_str())).collect();
        assert_eq!(
            seen,
            [(Some("Sam Lee"), "checkout 5xx climbing 🔥 looking"), (Some("Sam Lee"), "rolling back 4812"), (Some("Kai Müller"), "back to normal")]
        );
        assert_eq!(lines[1].stamp, Stamp::TimeOfDay { minutes: 14 * 60 + 4, day: None });
        let teams = "Priya Nair 14:10\nfailover done\nPriya Nair, 04/03/2024 14:12\nerrors gone\n[14:15] Kai Müller\nconfirmed";
        let lines = copied(teams, "Teams");
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["failover done", "errors gone", "confirmed"]);
        assert_eq!(lines[2].author.as_deref(), Some("Kai Müller"));
    }
}
