//! The blameless language coach: a pure, deterministic check over one text that points at
//! blame, hindsight and counterfactual wording, and suggests a reframing toward what happened
//! and what made sense at the time. It suggests; it never blocks.
//!
//! Precision matters as much as recall: a coach that nags gets turned off. So most rules only
//! fire when the doer is a person — "the job failed to start" is a fact, "Sam failed to check"
//! is blame. Decision on the borderline "the check should have run at 02:00 per the schedule":
//! *not* flagged. A system as the subject with an automatic verb states expected behaviour,
//! which is exactly what a timeline should record; the same words about a person are flagged.

pub mod findings;
#[cfg(test)]
mod labelled;
mod words;

use words::{words, Word, AUTOMATIC_VERBS, FILLERS, NOT_NAMES, PERSON_WORDS, SYSTEM_WORDS, WE_WORDS};

/// A rule: a stable id, why it matters in one sentence, and a reframing to suggest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable: findings and their dismissals name the rule by it.
    pub id: &'static str,
    /// Why the wording gets in the way of learning, in one sentence.
    pub reason: &'static str,
    /// What to write instead.
    pub suggestion: &'static str,
}

/// One finding in a text: which rule, where (a byte range of the text), and the rule's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The [`Rule::id`] of the rule that matched.
    pub rule: &'static str,
    /// Byte offset in the text where the matched words start.
    pub start: usize,
    /// Byte offset in the text just past the matched words.
    pub end: usize,
    /// The rule's [`Rule::reason`].
    pub reason: &'static str,
    /// The rule's [`Rule::suggestion`].
    pub suggestion: &'static str,
}

/// “Should have”, “ought to have”, “must have known”; not when a system is the subject of an automatic verb.
pub const SHOULD_HAVE: Rule = Rule {
    id: "hindsight-should-have",
    reason: "“Should have” judges a past decision by what we know now.",
    suggestion: "Describe what was known at that moment and what made the choice reasonable then.",
};
/// “Failed to”, only when a person or the group is the one who failed.
pub const FAILED_TO: Rule = Rule {
    id: "blame-failed-to",
    reason: "“Failed to” makes a person's action the cause and stops the inquiry there.",
    suggestion: "Say what happened and what got in the way: “the check was not run, because …”.",
};
/// “Human error”, “operator mistake” and the like, and “PEBKAC”.
pub const HUMAN_ERROR: Rule = Rule {
    id: "blame-human-error",
    reason: "“Human error” ends the inquiry where it should start.",
    suggestion: "Ask what made the action easy to get wrong: the interface, the defaults, the pressure, the information at hand.",
};
/// Words that judge character (careless, sloppy, lazy…) and “not paying attention”.
pub const CHARACTER: Rule = Rule {
    id: "blame-character",
    reason: "Judging someone's character (careless, lazy…) explains nothing about the system.",
    suggestion: "Describe the conditions: workload, time pressure, what the tools showed.",
};
/// “Didn't bother”, “never bothered”, “couldn't be bothered”.
pub const DIDNT_BOTHER: Rule = Rule {
    id: "blame-didnt-bother",
    reason: "“Didn't bother” assumes a motive nobody can know.",
    suggestion: "Say what was not done, and ask what made it seem unnecessary at the time.",
};
/// “Obvious” and “obviously” unless negated, “it was clear that”, “anyone could have seen” and the like.
pub const OBVIOUS: Rule = Rule {
    id: "hindsight-obvious",
    reason: "What is obvious now was rarely obvious then; this is hindsight.",
    suggestion: "Describe which signals were available at the time and how they looked then.",
};
/// “Just needed to”, “all they had to do”, “could have just”.
pub const JUST_NEEDED_TO: Rule = Rule {
    id: "counterfactual-just",
    reason: "“Just needed to” makes the fix sound trivial and the people involved careless.",
    suggestion: "Describe what doing it would have taken, and what stood in the way.",
};
/// Questions like “why didn't…?” and “why did nobody…?”.
pub const WHY_DIDNT: Rule = Rule {
    id: "counterfactual-why-didnt",
    reason: "“Why didn't…?” asks people to defend themselves.",
    suggestion: "Ask “what made that the reasonable thing to do at that moment?”.",
};
/// “If only”, and “if they had…” or “had we…” when the subject is a person or the group.
pub const IF_ONLY: Rule = Rule {
    id: "counterfactual-if-only",
    reason: "“If they had…” describes a world that did not happen, not the one that did.",
    suggestion: "Describe what actually happened, and what made the other path unlikely at the time.",
};
/// A person as the subject of a mistake (“Sam forgot”, “she misconfigured”), and “caused by” or “fault of” a person.
pub const PERSON_MISTAKE: Rule = Rule {
    id: "blame-person-mistake",
    reason: "A person as the subject of a mistake points at fault, not at the system.",
    suggestion: "Make the action the subject: “the command was run against production while …”.",
};
/// Fault or blame laid on someone: “their fault”, “to blame”, “blame him”, “culprit”; not “fault tolerance” and the like.
pub const FAULT: Rule = Rule {
    id: "blame-fault",
    reason: "Assigning fault works against learning what made the outcome possible.",
    suggestion: "Describe the conditions that lined up, without naming whose they were.",
};

/// Every rule, for listing in the UI and the docs.
pub const RULES: &[Rule] = &[SHOULD_HAVE, FAILED_TO, HUMAN_ERROR, CHARACTER, DIDNT_BOTHER, OBVIOUS, JUST_NEEDED_TO, WHY_DIDNT, IF_ONLY, PERSON_MISTAKE, FAULT];

/// Reviews one text and returns its findings in text order.
pub fn review(text: &str) -> Vec<Finding> {
    let w = words(text);
    let mut found: Vec<Finding> = Vec::new();
    for i in 0..w.len() {
        for (rule, end) in check_at(&w, i) {
            found.push(Finding { rule: rule.id, start: w[i].start, end: w[end].end, reason: rule.reason, suggestion: rule.suggestion });
        }
    }
    found.sort_by_key(|f| (f.start, f.end));
    // One finding per stretch of text: the first rule to claim it keeps it.
    let mut kept: Vec<Finding> = Vec::new();
    for f in found {
        if !kept.iter().any(|k| f.start < k.end && k.start < f.end) {
            kept.push(f);
        }
    }
    kept
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Subject {
    Person,
    We,
    Name,
    System,
    Other,
    Missing,
}

fn is(w: &[Word], i: usize, options: &[&str]) -> bool {
    w.get(i).is_some_and(|word| options.contains(&word.lower.as_str()))
}

/// Whether the words from `i` on are exactly `phrase`.
fn seq(w: &[Word], i: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(k, p)| w.get(i + k).is_some_and(|word| word.lower == *p))
}

/// Words that open sentences and are never names.
const STARTERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "our", "their", "his", "her", "when", "after", "before", "during", "then", "at", "on",
    "in", "by", "because", "since", "while", "if", "as", "so", "but", "and", "or", "we", "they", "he", "she", "i", "you", "nobody", "someone", "somebody",
    "no", "one", "every", "each", "all", "some", "most", "why", "how", "what", "there", "here", "later", "once", "until", "also", "still", "again", "nothing",
    "everyone", "anyone", "whoever", "which", "who", "with", "without", "for", "from", "to", "my", "your", "both", "neither", "either", "another", "several",
    "many", "few",
];

fn singular(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix('s')).unwrap_or(word)
}

fn is_name(word: &Word) -> bool {
    let lower = word.lower.trim_end_matches("'s");
    if !word.capitalised || NOT_NAMES.contains(&lower) || STARTERS.contains(&lower) {
        return false;
    }
    let acronym = word.lower.len() > 1 && word.lower.to_uppercase() == word.lower.to_uppercase() && !word.lower.chars().any(char::is_lowercase);
    let _ = acronym;
    if word.sentence_start {
        // At the start of a sentence every word is capitalised; plural nouns and verb forms
        // there are rarely names.
        return !(lower.ends_with('s') || lower.ends_with("ing") || lower.ends_with("ed") || lower.ends_with("tion"));
    }
    true
}

fn classify(word: &Word) -> Subject {
    let lower = word.lower.as_str();
    if PERSON_WORDS.contains(&lower) || PERSON_WORDS.contains(&singular(lower)) {
        Subject::Person
    } else if WE_WORDS.contains(&lower) {
        Subject::We
    } else if SYSTEM_WORDS.contains(&lower) || SYSTEM_WORDS.contains(&singular(lower)) {
        Subject::System
    } else if is_name(word) {
        Subject::Name
    } else {
        Subject::Other
    }
}

/// The subject of the verb at `i`: the nearest earlier word in the same sentence that is not
/// an adverb like "just" or "never".
fn subject(w: &[Word], i: usize) -> Subject {
    let mut k = i;
    while k > 0 {
        if w[k].sentence_start {
            return Subject::Missing;
        }
        k -= 1;
        if !FILLERS.contains(&w[k].lower.as_str()) && !matches!(w[k].lower.as_str(), "had" | "has" | "have" | "did" | "was" | "were") {
            return classify(&w[k]);
        }
        if w[k].sentence_start {
            return Subject::Missing;
        }
    }
    Subject::Missing
}

fn is_people(s: Subject) -> bool {
    matches!(s, Subject::Person | Subject::Name)
}

/// The rules that match at word `i`, each with the index of its last word.
fn check_at(w: &[Word], i: usize) -> Vec<(Rule, usize)> {
    let mut out = Vec::new();
    let word = w[i].lower.as_str();

    // hindsight-should-have
    let should_have_end = if seq(w, i, &["should", "have"]) || seq(w, i, &["shouldn't", "have"]) || seq(w, i, &["must", "have", "known"]) {
        Some(i + 1)
    } else if seq(w, i, &["should", "not", "have"]) || seq(w, i, &["ought", "to", "have"]) {
        Some(i + 2)
    } else if matches!(word, "should've" | "shouldn't've") {
        Some(i)
    } else {
        None
    };
    if let Some(end) = should_have_end {
        let verb = if is(w, end + 1, &["been"]) { end + 2 } else { end + 1 };
        let expected_behaviour = subject(w, i) == Subject::System && is(w, verb, AUTOMATIC_VERBS);
        if !expected_behaviour {
            out.push((SHOULD_HAVE, end));
        }
    }

    // blame-failed-to: only when a person (or the group) is the one who "failed".
    if matches!(word, "failed" | "fails" | "fail") && is(w, i + 1, &["to"]) {
        let s = subject(w, i);
        if is_people(s) || s == Subject::We {
            out.push((FAILED_TO, i + 1));
        }
    }

    // blame-human-error ("human factors" is a discipline, not a verdict)
    if matches!(word, "human" | "operator" | "user" | "pilot" | "user's" | "operator's") && is(w, i + 1, &["error", "errors", "mistake", "mistakes"]) {
        out.push((HUMAN_ERROR, i + 1));
    }
    if word == "pebkac" || word == "pebcak" {
        out.push((HUMAN_ERROR, i));
    }

    // blame-character
    if matches!(
        word,
        "careless"
            | "carelessly"
            | "carelessness"
            | "sloppy"
            | "sloppiness"
            | "lazy"
            | "laziness"
            | "negligent"
            | "negligence"
            | "incompetent"
            | "incompetence"
            | "reckless"
            | "recklessly"
            | "stupid"
            | "dumb"
            | "inattentive"
            | "clueless"
            | "irresponsible"
    ) {
        out.push((CHARACTER, i));
    }
    if seq(w, i, &["not", "paying", "attention"]) || seq(w, i, &["didn't", "pay", "attention"]) || seq(w, i, &["did", "not", "pay", "attention"]) {
        out.push((CHARACTER, i + if word == "did" { 3 } else { 2 }));
    }

    // blame-didnt-bother
    if (matches!(word, "didn't" | "didnt" | "never") && is(w, i + 1, &["bother", "bothered"]))
        || seq(w, i, &["did", "not", "bother"])
        || (matches!(word, "couldn't" | "couldnt") && seq(w, i + 1, &["be", "bothered"]))
    {
        let end = (i..w.len().min(i + 4)).find(|&k| w[k].lower.starts_with("bother")).unwrap_or(i);
        out.push((DIDNT_BOTHER, end));
    }

    // hindsight-obvious, unless negated ("it was not obvious" is exactly the right spirit)
    if matches!(word, "obviously" | "obvious") {
        let negated = i > 0 && is(w, i - 1, &["not", "wasn't", "isn't", "weren't", "aren't", "non", "never", "hardly", "less", "far", "nothing"]);
        let negated = negated || (i > 1 && is(w, i - 2, &["not", "wasn't", "isn't", "never"]));
        if !negated {
            out.push((OBVIOUS, i));
        }
    }
    if seq(w, i, &["it", "was", "clear", "that"])
        || seq(w, i, &["anyone", "could", "have", "seen"])
        || seq(w, i, &["everyone", "knows"])
        || seq(w, i, &["any", "engineer", "would", "have"])
    {
        out.push((OBVIOUS, i + 3));
    }

    // counterfactual-just
    if matches!(word, "just" | "simply" | "only") && is(w, i + 1, &["needed", "had", "have", "has", "need"]) && is(w, i + 2, &["to"]) {
        out.push((JUST_NEEDED_TO, i + 2));
    }
    if word == "all"
        && is(w, i + 1, &["he", "she", "they", "you", "we", "it", "someone", "one"])
        && is(w, i + 2, &["had", "needed", "has", "needs"])
        && is(w, i + 3, &["to"])
    {
        out.push((JUST_NEEDED_TO, i + 3));
    }
    if (seq(w, i, &["could", "have", "just"])
        || seq(w, i, &["could", "have", "simply"])
        || seq(w, i, &["could", "just", "have"])
        || seq(w, i, &["could've", "just"]))
        && should_have_end.is_none()
    {
        out.push((JUST_NEEDED_TO, i + if word == "could've" { 1 } else { 2 }));
    }

    // counterfactual-why-didnt
    if word == "why" {
        if is(w, i + 1, &["didn't", "didnt", "wasn't", "weren't", "hadn't", "couldn't", "wouldn't", "isn't", "aren't", "doesn't", "don't", "haven't", "hasn't"])
        {
            out.push((WHY_DIDNT, i + 1));
        } else if is(w, i + 1, &["did", "does", "do", "was", "were", "had", "could", "would"])
            && is(w, i + 2, &["not", "nobody", "no-one", "no", "nobody's", "they", "he", "she", "you"])
            && (is(w, i + 2, &["not", "nobody", "no-one", "no"]) || is(w, i + 3, &["not", "never"]))
        {
            out.push((WHY_DIDNT, i + 2));
        }
    }

    // counterfactual-if-only
    if seq(w, i, &["if", "only"]) {
        out.push((IF_ONLY, i + 1));
    }
    if word == "if" && is(w, i + 2, &["had", "hadn't"]) {
        let s = classify(&w[i + 1]);
        if is_people(s) || s == Subject::We {
            out.push((IF_ONLY, i + 2));
        }
    }
    if word == "had" && w[i].sentence_start {
        if let Some(next) = w.get(i + 1) {
            let s = classify(next);
            if (is_people(s) || s == Subject::We) && w.get(i + 2).is_some() {
                out.push((IF_ONLY, i + 1));
            }
        }
    }

    // blame-person-mistake
    const MISTAKES: &[&str] = &[
        "forgot",
        "forget",
        "forgets",
        "broke",
        "breaks",
        "missed",
        "overlooked",
        "neglected",
        "ignored",
        "messed",
        "screwed",
        "botched",
        "fat-fingered",
        "mistyped",
        "misconfigured",
        "caused",
        "accidentally",
        "mistakenly",
        "wrongly",
        "blindly",
        "skipped",
        "dropped",
    ];
    if MISTAKES.contains(&word) && is_people(subject(w, i)) {
        let end = if is(w, i + 1, &["up"]) { i + 1 } else { i };
        out.push((PERSON_MISTAKE, end));
    }
    if seq(w, i, &["caused", "by"]) || seq(w, i, &["fault", "of"]) {
        if let Some(next) = w.get(i + 2) {
            if is_people(classify(next)) {
                out.push((PERSON_MISTAKE, i + 2));
            }
        }
    }

    // blame-fault ("fault tolerance", "segmentation fault" and "fault injection" are fine)
    if word == "fault" && i > 0 {
        let before = w[i - 1].lower.as_str();
        let possessive =
            matches!(before, "his" | "her" | "their" | "your" | "my" | "our" | "whose" | "at") || (before.ends_with("'s") && is_people(classify(&w[i - 1])));
        if possessive && !is(w, i + 1, &["tolerance", "tolerant", "injection", "domain", "domains", "line", "lines"]) {
            out.push((FAULT, i));
        }
    }
    if seq(w, i, &["to", "blame"])
        || (word == "blame" && i + 1 < w.len() && (is(w, i + 1, &["him", "her", "them", "you", "us"]) || is_people(classify(&w[i + 1]))))
    {
        out.push((FAULT, i + 1));
    }
    if matches!(word, "blamed" | "blameworthy" | "culprit" | "culprits") && !is(w, i.saturating_sub(1), &["not", "no", "nobody", "never"]) {
        out.push((FAULT, i));
    }
    out
}
