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
            "service is restored",
            "has been restored",
            "have been restored",
            "was restored",
            "were restored",
            "is restored",
            "are restored",
            "restored,",
            "restored.",
            "back online",
            "back up and running",
            "operational again",
            "working again",
            "healthy again",
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
            "restore from",
            "restoring from",
            "restoring the",
            "started restoring",
            "promoted",
            "promoting",
            "switched traffic",
            "shifted traffic",
            "rerouted",
            "routed traffic",
            "purged",
            "flushed",
            "workaround",
            "fix deployed",
            "deploying a fix",
            "deployed a fix",
            "fix has been",
            "applied a fix",
            "applying a fix",
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
            "reports of",
            "elevated error",
            "degraded",
            "outage",
            "is down",
            "are down",
            "went down",
            "not responding",
            "unreachable",
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
            "upgraded",
            "upgrading",
            "cutover",
            "maintenance started",
            "started maintenance",
            "ran the script",
            "executed",
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
            // Phrasing from restated public postmortems, which the first stems missed.
            ("database restored, site back online", EntryKind::Resolution),
            ("GitLab.com is back online and operational again", EntryKind::Resolution),
            ("all services have been restored", EntryKind::Resolution),
            ("starting the restore from the 6 h old staging snapshot", EntryKind::Mitigation),
            ("promoting the replica in us-east-1b to primary", EntryKind::Mitigation),
            ("shifted traffic away from the affected region", EntryKind::Mitigation),
            ("a fix has been implemented and we are monitoring the results", EntryKind::Mitigation),
            ("we are investigating reports of elevated error rates", EntryKind::Detection),
            ("api is down for everyone in eu", EntryKind::Detection),
            ("upgraded the load balancer fleet to 2.4", EntryKind::Trigger),
            ("ran the script to remove empty db directories on the secondary", EntryKind::Trigger),
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
            "restoring power to the office kettle is not urgent",
            "the restored dashboard link is in the topic",
            "thanks, downloading the report now",
            "is the runbook up to date?",
        ] {
            assert_eq!(suggest_kind(text), EntryKind::Other, "{text}");
        }
    }
}
