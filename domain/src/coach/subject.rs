//! Who is doing what: the subject of a verb (a person, the group, a system), and the small
//! word tests every rule uses.

use super::words::{Word, FILLERS, NOT_NAMES, PERSON_WORDS, SYSTEM_WORDS, WE_WORDS};

pub use super::words::Subject;

pub fn is(w: &[Word], i: usize, options: &[&str]) -> bool {
    w.get(i).is_some_and(|word| options.contains(&word.lower.as_str()))
}

/// Whether the words from `i` on are exactly `phrase`.
pub fn seq(w: &[Word], i: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(k, p)| w.get(i + k).is_some_and(|word| word.lower == *p))
}

/// Words that open sentences and are never names.
pub const STARTERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "our", "their", "his", "her", "when", "after", "before", "during", "then", "at", "on",
    "in", "by", "because", "since", "while", "if", "as", "so", "but", "and", "or", "we", "they", "he", "she", "i", "you", "nobody", "someone", "somebody",
    "no", "one", "every", "each", "all", "some", "most", "why", "how", "what", "there", "here", "later", "once", "until", "also", "still", "again", "nothing",
    "everyone", "anyone", "whoever", "which", "who", "with", "without", "for", "from", "to", "my", "your", "both", "neither", "either", "another", "several",
    "many", "few",
];

pub fn singular(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix('s')).unwrap_or(word)
}

pub fn is_name(word: &Word) -> bool {
    let lower = word.lower.trim_end_matches("'s");
    if !word.capitalised || NOT_NAMES.contains(&lower) || STARTERS.contains(&lower) {
        return false;
    }
    // "JVM", "API": an acronym is a thing (the roles among them are person words already).
    let raw_upper = word.lower.chars().filter(|c| c.is_alphabetic()).count() > 1 && word.all_caps;
    if raw_upper {
        return false;
    }
    if word.sentence_start {
        // At the start of a sentence every word is capitalised; plural nouns and verb forms
        // there are rarely names ("Mateus", "Lukas" are, and stand before a verb).
        // "Ahmed forgot…", "Ming was…": before a verb, an "-ed" or "-ing" word is a name too.
        return !((lower.ends_with("ing") || lower.ends_with("ed")) && !word.before_verb
            || lower.ends_with("tion")
            || lower.ends_with("ss")
            || lower.ends_with('s') && !(word.before_verb && name_ending(lower)));
    }
    true
}

/// Names end in "-s" too ("Lukas", "Tomás", "Inés"); plural nouns mostly end in a consonant and
/// "s", or in "es".
fn name_ending(lower: &str) -> bool {
    let mut letters = lower.chars().rev();
    letters.next();
    letters.next().is_some_and(|c| matches!(c, 'a' | 'i' | 'o' | 'u' | 'y') || !c.is_ascii())
}

/// Words a chat line opens with before its subject: "tbh kenji could've waited".
const CHAT_OPENERS: &[&str] = &[
    "tbh",
    "so",
    "honestly",
    "lol",
    "imo",
    "fwiw",
    "ngl",
    "ok",
    "okay",
    "well",
    "yeah",
    "but",
    "and",
    "like",
    "idk",
    "afaik",
    "sure",
    "think",
    "guess",
    "apparently",
    "hey",
    "oh",
    "seems",
    "because",
    "cos",
    "cuz",
];

/// A lower-case word that opens a line (or follows a chat opener) and stands right before the
/// verb: in chat that is usually someone's name written without a capital.
fn lower_case_name(w: &[Word], k: usize) -> bool {
    let word = &w[k];
    let opens = word.sentence_start
        || (k > 0
            && is(w, k - 1, CHAT_OPENERS)
            && (w[k - 1].sentence_start || k <= 2 || is(w, k - 1, &["sure", "think", "guess", "seems", "because", "cos", "cuz"])));
    opens
        && !word.capitalised
        && word.lower.chars().all(char::is_alphabetic)
        && word.lower.len() > 2
        && !STARTERS.contains(&word.lower.as_str())
        && !NOT_NAMES.contains(&word.lower.as_str())
}

/// What kind of party `word` names (worked out once per word, then remembered).
pub fn classify(word: &Word) -> Subject {
    if let Some(known) = word.party.get() {
        return known;
    }
    let found = classify_uncached(word);
    word.party.set(Some(found));
    found
}

fn classify_uncached(word: &Word) -> Subject {
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

/// Words passed over when looking back from a verb or a state for its subject: adverbs such
/// as "just" or "never", auxiliaries and copulas ("was", "got"), and degree words ("too").
const PASSED_OVER: &[&str] = &[
    "had",
    "has",
    "have",
    "did",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "got",
    "gets",
    "get",
    "became",
    "seemed",
    "seems",
    "too",
    "so",
    "very",
    "all",
    "both",
    "rather",
    "pretty",
    "entirely",
    "partly",
    "partially",
    "fully",
    "'d",
    "kind",
    "sort",
    "of",
    "basically",
    "honestly",
    "frankly",
];

/// Prepositions a subject's phrase may carry: "the SRE on duty", "someone in finance".
const PREPOSITIONS: &[&str] = &["on", "in", "from", "at", "of", "with"];

/// The subject of the verb at `i`: the nearest earlier word in the same sentence that is not
/// an adverb like "just", an auxiliary like "was" or a degree word like "too".
pub fn subject(w: &[Word], i: usize) -> Subject {
    let mut k = i;
    while k > 0 {
        if w[k].sentence_start {
            return Subject::Missing;
        }
        k -= 1;
        let lower = w[k].lower.as_str();
        // "-ly" words are adverbs ("deliberately ignored"), bar a few nouns.
        let adverb =
            lower.len() > 4 && lower.ends_with("ly") && !matches!(lower, "reply" | "supply" | "assembly" | "family" | "anomaly" | "rally" | "italy" | "july");
        if !FILLERS.contains(&lower) && !PASSED_OVER.contains(&lower) && !adverb {
            // "He froze and did nothing": the second verb shares the first one's subject.
            if matches!(lower, "and" | "then" | "but") {
                let start = sentence_start(w, k);
                return (start..k).rev().map(|j| classify(&w[j])).find(|s| !matches!(s, Subject::Other)).unwrap_or(Subject::Other);
            }
            let found = classify(&w[k]);
            // "the Postgres operator", "the Kubernetes agent": software named by what it runs
            if found == Subject::Person && k > 0 && matches!(lower, "operator" | "operators") && NOT_NAMES.contains(&w[k - 1].lower.as_str()) {
                return Subject::System;
            }
            if found == Subject::Other && k + 1 == i && lower_case_name(w, k) {
                return Subject::Name;
            }
            // "The SRE on duty failed…", "Somebody in finance ops screwed up…": the subject
            // stands before the preposition.
            if found == Subject::Other {
                let start = k.saturating_sub(3);
                if let Some(p) = (start..k).rev().find(|&p| is(w, p, PREPOSITIONS) && !w[p].sentence_start) {
                    let before = subject(w, p);
                    if before != Subject::Missing {
                        return before;
                    }
                }
            }
            return found;
        }
        if w[k].sentence_start {
            return Subject::Missing;
        }
    }
    Subject::Missing
}

/// The first word from `from` on, within `max` words and the same sentence, that names a
/// party (a person, a name, the group or a system); `Missing` when none does.
pub fn first_party(w: &[Word], from: usize, max: usize) -> Subject {
    let Some(sentence) = w.get(from).map(|word| word.sentence) else { return Subject::Missing };
    let words: Vec<&Word> = w.iter().skip(from).take(max + 1).take_while(|word| word.sentence == sentence).collect();
    for (k, word) in words.iter().enumerate().take(max) {
        match classify(word) {
            Subject::Other => continue,
            // "the release manager", "the database team": the last noun names the party.
            Subject::System => return words.get(k + 1).map(|next| classify(next)).filter(|s| is_people(*s)).unwrap_or(Subject::System),
            party => return party,
        }
    }
    Subject::Missing
}

impl Subject {
    /// This subject, or `other` when this one says nothing about who did it.
    pub fn max_party(self, other: Subject) -> Subject {
        if matches!(self, Subject::Other | Subject::Missing) {
            other
        } else {
            self
        }
    }
}

/// The index of the first word of the sentence `i` is in.
pub fn sentence_start(w: &[Word], i: usize) -> usize {
    w[i].sentence_first
}

/// The first party named in the words before `i` in its sentence, nearest first: in "the
/// canary analysis should have…" that is the canary, a system.
pub fn phrase_party(w: &[Word], i: usize) -> Subject {
    let start = sentence_start(w, i);
    (start..i).rev().take(4).map(|k| classify(&w[k])).find(|s| !matches!(s, Subject::Other)).unwrap_or(Subject::Missing)
}

/// A person or a name: someone the sentence can blame.
pub fn is_people(s: Subject) -> bool {
    matches!(s, Subject::Person | Subject::Name)
}

/// A person, a name, or the group speaking of itself.
pub fn is_people_or_we(s: Subject) -> bool {
    is_people(s) || s == Subject::We
}
