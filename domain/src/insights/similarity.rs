//! When two factors say the same thing in different words: both reduced to a set of word stems
//! (lower case, common words left out, suffixes stripped, then cut to six letters), and called
//! similar when they share at least two stems that make up most of the shorter one, or most of
//! both together. Token sets with light stemming are well understood, cheap on a laptop and
//! easy to explain to the people who read the groups; the tests hold the rules to examples that
//! must and must not group.

use std::collections::BTreeSet;

/// The stems of one statement.
pub type Stems = BTreeSet<String>;

/// Stems longer than this are cut: "replication" and "replica" meet at "replic".
const STEM_CHARS: usize = 6;

/// Words that say nothing about the condition itself, in byte order (looked up by binary
/// search). Negations are among them: "no alert" and "the alert was too quiet" are both about
/// the alert.
const COMMON: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "both", "but", "by",
    "can", "could", "did", "didn", "do", "does", "doesn", "don", "down", "during", "each", "else", "even", "every", "for", "from", "get", "got", "had", "has",
    "have", "how", "if", "in", "into", "is", "isn", "it", "its", "just", "made", "make", "many", "more", "most", "much", "no", "nobody", "none", "nor", "not",
    "of", "off", "on", "one", "only", "or", "other", "our", "out", "over", "own", "per", "same", "should", "so", "some", "still", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "via", "was",
    "wasn", "we", "were", "weren", "what", "when", "which", "while", "who", "why", "will", "with", "without", "would", "yet",
];

/// The stems of `text`; see the module documentation.
pub fn stems(text: &str) -> Stems {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && COMMON.binary_search(w).is_err() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(stem)
        .collect()
}

/// One word's stem: the usual English endings stripped while at least three letters remain,
/// a final "e" and a doubled final consonant dropped, then cut to [`STEM_CHARS`].
fn stem(word: &str) -> String {
    let mut w = word.to_string();
    let strip = |w: &mut String, suffix: &str, with: &str| -> bool {
        if w.ends_with(suffix) && w.chars().count() >= suffix.chars().count() + 3 {
            w.truncate(w.len() - suffix.len());
            w.push_str(with);
            true
        } else {
            false
        }
    };
    for (suffix, with) in [("ations", ""), ("ation", ""), ("ments", ""), ("ment", ""), ("nesses", ""), ("ness", ""), ("ities", ""), ("ity", "")] {
        if strip(&mut w, suffix, with) {
            break;
        }
    }
    let _ = strip(&mut w, "ies", "y")
        || strip(&mut w, "ied", "y")
        || strip(&mut w, "ings", "")
        || strip(&mut w, "ing", "")
        || strip(&mut w, "edly", "")
        || strip(&mut w, "ed", "")
        || strip(&mut w, "ly", "")
        || ((w.ends_with("sses") || w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes")) && strip(&mut w, "es", ""))
        || (!w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && strip(&mut w, "s", ""));
    if w.ends_with('e') && w.chars().count() > 3 {
        w.pop();
    }
    let bytes = w.as_bytes();
    if bytes.len() > 3 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2] && !b"aeiouslz".contains(&bytes[bytes.len() - 1]) {
        w.pop();
    }
    w.chars().take(STEM_CHARS).collect()
}

/// How alike two stem sets are, from 0 to 1: their shared part over their union (Jaccard).
pub fn likeness(a: &Stems, b: &Stems) -> f64 {
    let shared = a.intersection(b).count();
    if shared == 0 {
        return 0.0;
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// Whether two factors say the same thing: at least two shared stems that make up 60 % of the
/// shorter statement, or half of both together.
pub fn similar(a: &Stems, b: &Stems) -> bool {
    similar_counts(a.intersection(b).count(), a.len(), b.len())
}

/// [`similar`] from the counts alone: `shared` stems of statements with `a` and `b` stems.
/// It only grows with `shared`, which lets a caller decide from bounds on it.
pub fn similar_counts(shared: usize, a: usize, b: usize) -> bool {
    // Jaccard ≥ 0.5 is shared ≥ (a + b − shared) / 2, kept in whole numbers.
    shared >= 2 && (shared * 5 >= a.min(b) * 3 || shared * 3 >= a + b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alike(a: &str, b: &str) -> bool {
        similar(&stems(a), &stems(b))
    }

    #[test]
    fn the_common_words_are_in_order_for_the_binary_search() {
        assert!(COMMON.windows(2).all(|w| w[0] < w[1]), "{:?}", COMMON.windows(2).find(|w| w[0] >= w[1]));
    }

    #[test]
    fn words_meet_at_their_stems() {
        let s = |t: &str| stems(t).into_iter().collect::<Vec<_>>();
        assert_eq!(s("Replication"), s("replica"));
        assert_eq!(s("deployments"), s("deployed"));
        assert_eq!(s("alerting"), s("Alerts"));
        assert_eq!(s("caching"), s("cached"));
        assert_eq!(s("stopped"), s("stop"));
        assert_eq!(s("configuration"), s("config"));
        assert_eq!(s("retries"), s("retry"));
        assert_eq!(s("the 2 of us did it"), Vec::<String>::new(), "common words and numbers say nothing");
        assert_eq!(s("Datenbank-Verbindungen"), ["datenb", "verbin"], "other languages are cut, not mangled");
    }

    /// Pairs from public postmortems, restated: the same condition in other words must group.
    #[test]
    fn the_same_condition_in_other_words_groups() {
        let must: &[(&str, &str)] = &[
            ("No alert fired while replica lag grew", "Replication lag had no alert"),
            ("The deploy pipeline skipped the migration check", "Deployments can skip the migration check"),
            ("Config changes bypass the canary stage", "Configuration changes bypassed canary"),
            ("The runbook for failover was out of date", "Failover runbook out of date"),
            ("The certificate expired without a reminder", "Certificates expire with no reminder"),
            ("Retries from clients amplified the load", "Client retries amplify load on the database"),
            ("Disk filled up because log rotation was off", "Log rotation off, the disk filled"),
            ("On-call paging went to an old phone number", "Paging used an old on-call number"),
        ];
        for (a, b) in must {
            assert!(alike(a, b), "should group: {a:?} / {b:?} ({:?} / {:?})", stems(a), stems(b));
        }
    }

    #[test]
    fn different_conditions_that_share_a_word_stay_apart() {
        let must_not: &[(&str, &str)] = &[
            ("Alerts went to an email inbox nobody reads", "Alert thresholds were too high to fire"),
            ("Config change skipped the review", "Config change rolled out to all regions at once"),
            ("The deploy pipeline skipped the migration check", "The migration ran during peak traffic"),
            ("The database ran out of connections", "The database backup was never restored in a test"),
            ("Runbook out of date", "The on-call engineer was new to the team"),
            ("DNS TTL was set to a day", "A day of logs was lost"),
            ("Load balancer health check too lenient", "Health dashboard hidden behind VPN"),
        ];
        for (a, b) in must_not {
            assert!(!alike(a, b), "should stay apart: {a:?} / {b:?} ({:?} / {:?})", stems(a), stems(b));
        }
    }

    #[test]
    fn likeness_runs_from_nothing_shared_to_the_same_words() {
        assert_eq!(likeness(&stems("disk full"), &stems("cache cold")), 0.0);
        assert_eq!(likeness(&stems("Disk full"), &stems("disks full")), 1.0);
        assert!(!similar(&stems("disk"), &stems("disk")), "one word is not enough to call a factor the same");
    }
}
