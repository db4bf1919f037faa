//! The kind an imported line suggests for its timeline entry, from its words. Only a
//! suggestion: the facilitator sees it in the preview and the entry can be changed later.

use crate::model::timeline::EntryKind;

/// Word stems that suggest each kind, most specific first: a line that says "resolved after
/// the rollback" is a resolution, not a mitigation.
const SUGGESTIONS: &[(EntryKind, &[&str])] = &[
    (
        EntryKind::Resolution,
        &[
            "resolved",
            "recovered",
            "back to normal",
            "all clear",
            "fully restored",
            "incident closed",
            "closing the incident",
            "service restored",
            "errors are gone",
        ],
    ),
    (
        EntryKind::Mitigation,
        &[
            "rolled back",
            "rolling back",
            "rollback",
            "reverted",
            "reverting",
            "failed over",
            "failing over",
            "failover",
            "mitigat",
            "scaled up",
            "scaling up",
            "restarted",
            "restarting",
            "disabled the",
            "turned off",
            "drained",
            "throttl",
            "rate limit",
            "blocked traffic",
            "hotfix",
        ],
    ),
    (
        EntryKind::Escalation,
        &[
            "escalat",
            "paged the",
            "paging the",
            "incident declared",
            "declared an incident",
            "declaring an incident",
            "sev1",
            "sev-1",
            "sev 1",
            "sev2",
            "sev-2",
            "major incident",
            "called in",
            "bridge",
            "incident commander",
            "looping in",
            "pulled in",
        ],
    ),
    (
        EntryKind::Detection,
        &[
            "alert fired",
            "alert firing",
            "alerted",
            "alarm",
            "pagerduty",
            "paged",
            "page for",
            "triggered",
            "noticed",
            "reported",
            "error rate",
            "spike",
            "5xx",
            "500s",
            "timeouts",
            "latency",
            "customers report",
            "users report",
            "ticket from",
        ],
    ),
    (
        EntryKind::Trigger,
        &[
            "deployed",
            "deploying",
            "deploy of",
            "rolled out",
            "rolling out",
            "released",
            "merged",
            "config change",
            "changed the config",
            "migration started",
            "started the migration",
            "ran the migration",
            "pushed",
        ],
    ),
];

/// The kind `text` suggests, or [`EntryKind::Other`].
pub fn suggest_kind(text: &str) -> EntryKind {
    let lower = text.to_lowercase();
    let starts_word = |at: usize| at == 0 || !lower[..at].chars().next_back().is_some_and(char::is_alphanumeric);
    let mentions = |stem: &str| lower.match_indices(stem).any(|(at, _)| starts_word(at));
    SUGGESTIONS.iter().find(|(_, stems)| stems.iter().any(|s| mentions(s))).map_or(EntryKind::Other, |(kind, _)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_suggest_the_kind_their_words_say() {
        let cases = [
            ("PagerDuty: [FIRING] checkout-api 5xx > 2%", EntryKind::Detection),
            ("alert fired for queue depth on ingest", EntryKind::Detection),
            ("customers report failed payments in the EU", EntryKind::Detection),
            ("paged the database team", EntryKind::Escalation),
            ("Declaring a SEV1, I'll be IC", EntryKind::Escalation),
            ("rolling back 4812 -> 4811", EntryKind::Mitigation),
            ("failed over to us-west-2", EntryKind::Mitigation),
            ("restarted api-2 and api-3", EntryKind::Mitigation),
            ("error rate back to normal, resolved", EntryKind::Resolution),
            ("all clear, closing the incident", EntryKind::Resolution),
            ("deployed build 4812 to prod", EntryKind::Trigger),
            ("merged the config change for the new pool size", EntryKind::Trigger),
        ];
        for (text, kind) in cases {
            assert_eq!(suggest_kind(text), kind, "{text}");
        }
    }

    #[test]
    fn ordinary_chat_suggests_nothing() {
        for text in [
            "brb grabbing coffee",
            "looking at the graphs now",
            "anyone else seeing this?",
            "the realert script is unrelated",
            "ok thanks",
            "unpaged rotation next week",
        ] {
            assert_eq!(suggest_kind(text), EntryKind::Other, "{text}");
        }
    }
}
