//! Chat markup as readable text: Slack's `<@U123>`, `<#C1|general>`, `<https://…|label>` and
//! `:fire:`, and the HTML entities Slack escapes.

use crate::i18n::tr;
use std::collections::HashMap;

/// Emoji codes common in incident channels, shown as the emoji; others stay as `:code:`, which
/// reads well enough.
const EMOJI: &[(&str, &str)] = &[
    ("fire", "🔥"),
    ("rotating_light", "🚨"),
    ("warning", "⚠️"),
    ("eyes", "👀"),
    ("white_check_mark", "✅"),
    ("heavy_check_mark", "✔️"),
    ("x", "❌"),
    ("+1", "👍"),
    ("thumbsup", "👍"),
    ("-1", "👎"),
    ("tada", "🎉"),
    ("pray", "🙏"),
    ("thinking_face", "🤔"),
    ("red_circle", "🔴"),
    ("large_green_circle", "🟢"),
    ("green_circle", "🟢"),
    ("sob", "😭"),
    ("joy", "😂"),
    ("facepalm", "🤦"),
    ("rocket", "🚀"),
    ("boom", "💥"),
    ("ok_hand", "👌"),
    ("point_up", "☝️"),
    ("sweat_smile", "😅"),
];

/// `text` with Slack markup made readable. `names` maps user ids to display names; a mention
/// of someone not in it reads "@someone".
pub fn slack_to_text(text: &str, names: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let inner = &rest[open + 1..open + close];
        let (target, label) = inner.split_once('|').map_or((inner, None), |(t, l)| (t, Some(l)));
        match target.chars().next() {
            Some('@') => {
                let id = &target[1..];
                let name = label.map(str::to_string).or_else(|| names.get(id).cloned()).unwrap_or_else(|| tr("someone").to_string());
                out.push('@');
                out.push_str(&name);
            }
            Some('#') => {
                out.push('#');
                out.push_str(label.unwrap_or(&target[1..]));
            }
            Some('!') => {
                // <!here>, <!channel>, <!subteam^S1|@oncall>
                out.push('@');
                out.push_str(label.map_or(&target[1..], |l| l.trim_start_matches('@')));
            }
            _ => match label {
                Some(label) if label != target => {
                    out.push_str(label);
                    out.push_str(" (");
                    out.push_str(target);
                    out.push(')');
                }
                _ => out.push_str(target),
            },
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let unescaped = out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    emoji_codes(&unescaped)
}

/// `:code:` as its emoji, for the codes in [`EMOJI`].
pub fn emoji_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(':') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let code_end = after.find(':').filter(|&end| end > 0 && after[..end].chars().all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c)));
        match code_end.and_then(|end| EMOJI.iter().find(|(code, _)| *code == &after[..end]).map(|(_, e)| (end, *e))) {
            Some((end, emoji)) => {
                out.push_str(emoji);
                rest = &after[end + 1..];
            }
            None => {
                out.push(':');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slack_markup_reads_as_text() {
        let names = HashMap::from([("U1".to_string(), "sam".to_string())]);
        let text = "<@U1> <@U9> see <https://grafana.example/d/abc|the dashboard> and <https://x.example> in <#C1|incident-42> <!here> :fire: :unknown_code: 14:02 &lt;b&gt;";
        assert_eq!(
            slack_to_text(text, &names),
            "@sam @someone see the dashboard (https://grafana.example/d/abc) and https://x.example in #incident-42 @here 🔥 :unknown_code: 14:02 <b>"
        );
        assert_eq!(slack_to_text("a < b and no close", &names), "a < b and no close");
    }
}
