//! Chat exports as JSON: one Slack channel's day file (an array of messages with `ts`, `text`
//! and `user_profile`) and a Matrix/Element export (`origin_server_ts`, `content.body`).

use super::line::{ChatLine, ImportError};
use super::markup::slack_to_text;
use super::zone::Stamp;
use crate::i18n::tr;
use crate::tf;
use serde_json::Value;
use std::collections::HashMap;

/// Messages of a Slack day file. Joins, leaves and other subtypes are kept as noise; a thread
/// reply names its parent's source, so it keeps the parent's context.
pub fn slack(text: &str) -> Result<Vec<ChatLine>, ImportError> {
    Ok(slack_messages(&slack_day(text, DayFile::Export)?, &HashMap::new()))
}

/// Which file [`slack_day`] reads, to name it in messages.
#[derive(Clone, Copy, Debug)]
pub(super) enum DayFile<'a> {
    /// A day file given on its own.
    Export,
    /// A workspace export's `users.json` (read the same way: a list).
    Users,
    /// A day file of a workspace export, by its name in the zip.
    Named(&'a str),
}

/// The messages of one Slack day file; `what` names the file in messages.
pub(super) fn slack_day(text: &str, what: DayFile<'_>) -> Result<Vec<Value>, ImportError> {
    match serde_json::from_str(text) {
        Ok(Value::Array(messages)) => Ok(messages),
        Ok(_) => Err(ImportError::Damaged(match what {
            DayFile::Export => tr("this Slack export should hold a list of messages, and does not").into(),
            DayFile::Users => tr("its users.json should hold a list of people, and does not").into(),
            DayFile::Named(file) => tf!("{file} should hold a list of messages, and does not", file = file),
        })),
        Err(e) => Err(ImportError::Damaged(match what {
            DayFile::Export => tf!("this Slack export is not valid JSON ({error})", error = e),
            DayFile::Users => tf!("its users.json is not valid JSON ({error})", error = e),
            DayFile::Named(file) => tf!("{file} is not valid JSON ({error})", file = file, error = e),
        })),
    }
}

/// Slack messages as lines. Mentions are named from `known` (a workspace's `users.json`), then
/// from the profiles the messages carry.
pub(super) fn slack_messages(messages: &[Value], known: &HashMap<String, String>) -> Vec<ChatLine> {
    let mut names = known.clone();
    for m in messages {
        if let (Some(user), Some(name)) = (m["user"].as_str(), display_name(m)) {
            names.entry(user.to_string()).or_insert(name);
        }
    }
    let mut out = Vec::new();
    for m in messages {
        let Some(ts) = m["ts"].as_str() else { continue };
        let Some(ms) = super::stamps::epoch_ms(ts) else { continue };
        let stamp = Stamp::Utc(ms);
        let source = m["permalink"].as_str().map_or_else(|| format!("Slack message {ts}"), str::to_string);
        let text = slack_to_text(m["text"].as_str().unwrap_or(""), &names);
        let author = display_name(m).or_else(|| m["user"].as_str().and_then(|user| names.get(user).cloned()));
        let mut line = ChatLine::message(stamp, author.as_deref(), &text, source);
        let subtype = m["subtype"].as_str().unwrap_or("");
        line.noise = !subtype.is_empty() && subtype != "thread_broadcast" && subtype != "me_message";
        if let Some(parent) = m["thread_ts"].as_str().filter(|parent| *parent != ts) {
            line.thread_of = Some(format!("Slack message {parent}"));
        }
        out.push(line);
    }
    out
}

fn display_name(m: &Value) -> Option<String> {
    let profile = &m["user_profile"];
    [&profile["display_name"], &profile["real_name"], &m["user_name"], &m["username"]]
        .into_iter()
        .find_map(|v| v.as_str().filter(|s| !s.trim().is_empty()).map(str::to_string))
}

/// Messages of a Matrix room export: a list of events, or an object with `messages`.
pub fn matrix(text: &str) -> Result<Vec<ChatLine>, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Damaged(tf!("this Matrix export is not valid JSON ({error})", error = e)))?;
    let events = match &value {
        Value::Array(events) => events,
        Value::Object(o) => {
            o.get("messages").and_then(Value::as_array).ok_or_else(|| ImportError::Damaged(tr("this Matrix export has no \"messages\" list").into()))?
        }
        _ => return Err(ImportError::Damaged(tr("a Matrix export holds a list of events, and this one does not").into())),
    };
    let mut out = Vec::new();
    for e in events {
        let Some(ms) = e["origin_server_ts"].as_i64() else { continue };
        let sender = e["sender"].as_str().map(|s| s.trim_start_matches('@').split(':').next().unwrap_or(s).to_string());
        let source = e["event_id"].as_str().map_or_else(|| format!("Matrix event at {ms}"), |id| format!("Matrix event {id}"));
        let body = e["content"]["body"].as_str().unwrap_or("");
        let mut line = ChatLine::message(Stamp::Utc(ms), sender.as_deref(), body, source);
        line.noise = e["type"].as_str().is_some_and(|t| t != "m.room.message") || body.is_empty();
        if let Some(parent) = e["content"]["m.relates_to"]["event_id"].as_str() {
            line.thread_of = Some(format!("Matrix event {parent}"));
        }
        out.push(line);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slack_day_files_give_messages_with_names_threads_and_noise() {
        let day = r#"[
          {"type":"message","subtype":"channel_join","user":"U2","text":"<@U2> has joined the channel","ts":"1709560800.000100"},
          {"type":"message","user":"U1","text":"checkout 5xx up, <@U2> can you look? <https://grafana.example/d/1|dash>","ts":"1709560931.000200","user_profile":{"real_name":"Sam Lee","display_name":"sam"}},
          {"type":"message","user":"U2","text":"on it :eyes:","ts":"1709560990.000300","thread_ts":"1709560931.000200","user_profile":{"real_name":"Kai Müller","display_name":""}}
        ]"#;
        let lines = slack(day).unwrap();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].noise);
        assert_eq!(lines[1].text, "checkout 5xx up, @Kai Müller can you look? dash (https://grafana.example/d/1)");
        assert_eq!(lines[1].author.as_deref(), Some("sam"));
        assert_eq!(lines[1].stamp, Stamp::Utc(1_709_560_931_000));
        assert_eq!(lines[2].thread_of.as_deref(), Some("Slack message 1709560931.000200"));
        assert_eq!(lines[2].text, "on it 👀");
        assert!(matches!(slack("{\"not\":\"a list\"}"), Err(ImportError::Damaged(_))));
        assert!(matches!(slack("[{\"ts\":"), Err(ImportError::Damaged(_))));
    }

    #[test]
    fn matrix_exports_give_messages_and_replies() {
        let export = r##"{"room_name":"#incident","messages":[
          {"type":"m.room.member","sender":"@kai:example.org","origin_server_ts":1709560800000,"content":{"membership":"join"},"event_id":"$a"},
          {"type":"m.room.message","sender":"@sam:example.org","origin_server_ts":1709560931000,"content":{"msgtype":"m.text","body":"failing over to us-west"},"event_id":"$b"},
          {"type":"m.room.message","sender":"@kai:example.org","origin_server_ts":1709561000000,"content":{"msgtype":"m.text","body":"confirmed","m.relates_to":{"event_id":"$b"}},"event_id":"$c"}
        ]}"##;
        let lines = matrix(export).unwrap();
        assert!(lines[0].noise && !lines[1].noise);
        assert_eq!((lines[1].author.as_deref(), lines[1].text.as_str()), (Some("sam"), "failing over to us-west"));
        assert_eq!(lines[2].thread_of.as_deref(), Some("Matrix event $b"));
    }
}
