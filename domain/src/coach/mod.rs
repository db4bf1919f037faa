//! The blameless language coach: a pure, deterministic check over one text that points at
//! blame, hindsight and counterfactual wording, and suggests a reframing toward what happened
//! and what made sense at the time. It suggests; it never blocks.
//!
//! Precision matters as much as recall: a coach that nags gets turned off. So most rules only
//! fire when the doer is a person — "the job failed to start" is a fact, "Sam failed to check"
//! is blame. Decision on the borderline "the check should have run at 02:00 per the schedule":
//! *not* flagged. A system as the subject with an automatic verb states expected behaviour,
//! which is exactly what a timeline should record; the same words about a person are flagged.

mod doer;
pub mod findings;
mod german;
#[cfg(test)]
mod labelled;
pub mod languages;
mod lexicon;
mod patterns;
mod phrases;
pub mod rules;
pub mod score;
mod spanish;
mod spanish_patterns;
mod subject;
mod words;

pub use rules::*;
use subject::{classify, first_party, is, is_people, is_people_or_we, phrase_party, sentence_start, seq, subject, Subject};
use words::{words, Word, AUTOMATIC_VERBS, FILLERS, PERSON_WORDS};

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

/// Reviews one text in the language it is written in and returns its findings in text order.
pub fn review(text: &str) -> Vec<Finding> {
    // Split once: a coached field is reviewed on every pause in typing.
    let w = words(text);
    languages::review_words(&w, languages::detect_in(text, &w))
}

/// The English rules over one text's words.
fn review_english(w: &[Word]) -> Vec<Finding> {
    let mut found: Vec<Finding> = Vec::new();
    for i in 0..w.len() {
        // Reported speech ("Sam in #incident: "I broke it"") is a record of what was said.
        if w[i].quoted {
            continue;
        }
        for (rule, end) in check_at(w, i) {
            found.push(Finding { rule: rule.id, start: w[i].start, end: w[end].end, reason: rule.reason, suggestion: rule.suggestion });
        }
    }
    one_per_stretch(found)
}

/// The findings in text order, one per stretch of text: the first rule to claim it keeps it.
fn one_per_stretch(mut found: Vec<Finding>) -> Vec<Finding> {
    crate::sorting::sort_by_key(&mut found, |f| (f.start, f.end));
    let mut kept: Vec<Finding> = Vec::new();
    for f in found {
        if !kept.iter().any(|k| f.start < k.end && k.start < f.end) {
            kept.push(f);
        }
    }
    kept
}

/// The rules that match at word `i`, each with the index of its last word.
fn check_at(w: &[Word], i: usize) -> Vec<(Rule, usize)> {
    let mut out = Vec::new();
    let word = w[i].lower.as_str();

    // hindsight-should-have
    let adverb_then_have = |at: usize| {
        let adverb = |k: usize| w.get(k).is_some_and(|x| FILLERS.contains(&x.lower.as_str()) || x.lower.ends_with("ly") || x.lower == "well");
        adverb(at) && is(w, at + 1, &["have"]) || seq(w, at, &["at", "least", "have"]) || adverb(at) && adverb(at + 1) && is(w, at + 2, &["have"])
    };
    let have_at = |from: usize| (from..w.len().min(from + 4)).find(|&k| is(w, k, &["have"])).unwrap_or(from);
    let filler_then_have = matches!(word, "should" | "shouldn't") && adverb_then_have(i + 1);
    let should_have_end = if filler_then_have {
        Some(have_at(i + 1))
    } else if matches!(word, "should" | "shouldn't") && is(w, i + 1, &["of"]) && w.get(i + 2).is_some_and(|x| x.lower.ends_with("ed")) {
        // "should of flagged": the spelling people type in chat
        Some(i + 1)
    } else if seq(w, i, &["should", "have"]) || seq(w, i, &["shouldn't", "have"]) || seq(w, i, &["must", "have", "known"]) {
        Some(i + 1)
    } else if seq(w, i, &["should", "not", "have"]) || seq(w, i, &["ought", "to", "have"]) {
        Some(i + 2)
    } else if matches!(word, "should've" | "shouldn't've" | "shoulda" | "shouldve") {
        Some(i)
    } else {
        None
    };
    // "should have a second reviewer from now on" is a wish for the future, not hindsight;
    // so is anything "going forward".
    let start = sentence_start(w, i);
    let ahead = should_have_end.is_some()
        && (start..i).any(|k| {
            seq(w, k, &["going", "forward"]) || seq(w, k, &["moving", "forward"]) || seq(w, k, &["from", "now", "on"]) || seq(w, k, &["in", "future"])
        });
    let possession = is(w, (should_have_end.unwrap_or(i)) + 1, DETERMINERS) || ahead;
    if let Some(end) = should_have_end.filter(|_| !possession) {
        let verb = if is(w, end + 1, &["been"]) { end + 2 } else { end + 1 };
        // "the canary analysis should have blocked it": a system somewhere in the subject
        let system_subject = subject(w, i) == Subject::System || phrase_party(w, i) == Subject::System;
        let expected_behaviour = system_subject && is(w, verb, AUTOMATIC_VERBS);
        if !expected_behaviour {
            out.push((SHOULD_HAVE, end));
        }
    }
    // "should know better"
    if matches!(word, "should" | "ought") && (seq(w, i + 1, &["know", "better"]) || seq(w, i + 1, &["to", "know", "better"])) {
        out.push((SHOULD_HAVE, i + 2));
    }
    // "could / might / would / needed to have done" about a person or the group.
    let modal_have_end = if matches!(word, "could" | "might" | "would" | "must") && is(w, i + 1, &["have"]) {
        Some(i + 1)
    } else if matches!(word, "could" | "might" | "would" | "must") && adverb_then_have(i + 1) {
        Some(have_at(i + 1))
    } else if matches!(word, "was" | "were") && seq(w, i + 1, &["supposed", "to"]) {
        Some(i + 2)
    } else if matches!(word, "could've" | "might've" | "would've" | "must've" | "coulda" | "woulda" | "couldve" | "wouldve" | "mightve") {
        Some(i)
    } else if matches!(word, "needed" | "had") && seq(w, i + 1, &["to", "have"]) {
        Some(i + 2)
    } else {
        None
    };
    if let Some(end) = modal_have_end.filter(|&end| !is(w, end + 1, DETERMINERS) && !is(w, end + 1, &["been"]) || is(w, end + 2, &["obvious", "clear"])) {
        // "anyone could have ended up there" defends people; "anyone could have seen it" is
        // hindsight, and the obvious-rule says so.
        let anyone = (sentence_start(w, i)..i).any(|k| is(w, k, &["anyone", "anybody", "everyone", "everybody", "any"]));
        if should_have_end.is_none() && is_people_or_we(subject(w, i)) && !is(w, end + 1, &["just", "simply", "only"]) && !anyone {
            out.push((SHOULD_HAVE, end));
        }
    }

    // blame-failed-to: only when a person (or the group) is the one who "failed".
    let remembered = matches!(word, "never" | "didn't" | "didnt") && is(w, i + 1, &["remembered", "remember", "thought", "managed"]) && is(w, i + 2, &["to"]);
    if remembered && is_people_or_we(subject(w, i)) {
        out.push((FAILED_TO, i + 2));
    }
    if matches!(word, "failed" | "fails" | "fail" | "neglected" | "neglects" | "omitted" | "forgot" | "forgets" | "forgetting")
        && is(w, i + 1, &["to"])
        && is_people_or_we(subject(w, i))
    {
        out.push((FAILED_TO, i + 1));
    }

    // blame-human-error ("human factors" is a discipline, not a verdict)
    const HUMAN_FAULTS: &[&str] = &["error", "errors", "mistake", "mistakes", "slip", "slips", "failure", "failures", "fault"];
    let human = || {
        matches!(word, "human" | "operator" | "user" | "pilot" | "user's" | "operator's" | "manual" | "personnel" | "people")
            || (PERSON_WORDS.contains(&word) && !matches!(word, "he" | "she" | "they" | "you" | "me" | "him" | "her" | "them"))
    };
    if is(w, i + 1, HUMAN_FAULTS)
        && human()
        && !(word == "user" && is(w, i + 2, &["response", "message", "responses", "page"]))
        && !is(w, i + 2, &["response", "responses"])
    {
        out.push((HUMAN_ERROR, i + 1));
    }
    if seq(w, i, &["layer", "8"]) || matches!(word, "layer-8" | "wetware" | "meatware") || seq(w, i, &["finger", "trouble"]) {
        out.push((HUMAN_ERROR, i + usize::from(word == "layer" || word == "finger")));
    }
    if matches!(word, "pebkac" | "pebcak" | "pbkac" | "id10t" | "id-10-t" | "id-10t") {
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
            | "amateurish"
            | "amateur-hour"
            | "hopeless"
            | "hopelessly"
            | "idiot"
            | "idiots"
            | "idiotic"
            | "moron"
            | "moronic"
            | "foolish"
            | "thoughtless"
            | "unprofessional"
            | "cavalier"
            | "slapdash"
            | "half-assed"
            | "shoddy"
            | "bonehead"
            | "boneheaded"
            | "sloppily"
            | "lazily"
            | "useless"
            | "ham-fisted"
            | "ham-handed"
            | "brain-dead"
            | "braindead"
            | "inept"
            | "ineptitude"
            | "incompetently"
            | "negligently"
            | "recklessness"
            | "stupidity"
            | "stupidly"
            | "dumbest"
            | "muppet"
            | "muppets"
            | "clown"
            | "clowns"
            | "numpty"
            | "dimwit"
            | "dunce"
            | "buffoon"
            | "bozo"
    ) && !(word == "dumb" && is(w, i + 1, &["terminal", "terminals", "pipe", "pipes", "phone", "phones", "switch", "client", "quotes"]))
        // "lazy loading", "careless-looking": a technique or a look, not a judgement
        // terms of art: "lazy loading", "a sloppy quorum", "a dumb terminal"
        && !(word == "lazy" && is(w, i + 1, &["loading", "loaded", "load", "evaluation", "initialization", "initialisation", "init", "import", "imports", "iterator", "static", "val", "fetch", "fetching"]))
        && !(word == "sloppy" && is(w, i + 1, &["quorum", "quorums"]))
    {
        out.push((CHARACTER, i));
    }
    if matches!(word, "rookie" | "silly" | "amateur" | "basic" | "schoolboy" | "beginner's" | "newbie")
        && is(w, i + 1, &["mistake", "mistakes", "error", "errors", "move", "stuff", "hour"])
    {
        out.push((CHARACTER, i + 1));
    }
    if matches!(word, "wasn't" | "weren't" | "isn't" | "wasnt") && seq(w, i + 1, &["paying", "attention"]) {
        out.push((CHARACTER, i + 2));
    }
    // "QA needs to stop skipping the smoke test"
    if matches!(word, "stop" | "quit")
        && i > 1
        && is(w, i - 1, &["to", "must", "should"])
        && w.get(i + 1).is_some_and(|n| n.lower.ends_with("ing"))
        && is_people(first_party(w, sentence_start(w, i), 3))
    {
        out.push((CHARACTER, i + 1));
    }
    // Habits and trust: "Dev keeps shipping broken code", "can't be trusted", "no idea what they're doing"
    if matches!(word, "keeps" | "kept" | "always" | "constantly")
        && is_people(subject(w, i))
        && w.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "breaking" | "forgetting" | "ignoring" | "skipping" | "missing" | "messing" | "shipping" | "pushing" | "screwing" | "dropping"
            )
        })
    {
        out.push((CHARACTER, i + 1));
    }
    if (matches!(word, "can't" | "cannot" | "couldn't" | "cant") && seq(w, i + 1, &["be", "trusted"]))
        || (word == "never" && is_people(subject(w, i)) && (i + 1..w.len().min(i + 5)).any(|k| is(w, k, &["properly", "right", "carefully"])))
    {
        out.push((CHARACTER, i + 1));
    }
    if word == "what"
        && is(w, i + 1, &["they", "he", "she", "you", "they're", "he's", "she's", "you're"])
        && (i + 1..w.len().min(i + 4)).any(|k| is(w, k, &["doing"]))
        && (i.saturating_sub(5)..i).any(|k| is(w, k, &["nobody", "no", "doesn't", "don't", "didn't", "not", "clueless", "idea"]))
    {
        out.push((CHARACTER, i + 2));
    }
    // "wasn't careful enough", "needs to be more careful": trying harder is not a fix
    let careless = (matches!(word, "not" | "wasn't" | "weren't" | "isn't" | "aren't") && is(w, i + 1, &["careful", "attentive", "diligent", "thorough"]))
        || seq(w, i, &["more", "careful"])
        || seq(w, i, &["pay", "more", "attention"])
        || seq(w, i, &["more", "attentive"]);
    if careless && is_people(subject(w, i).max_party(first_party(w, sentence_start(w, i), 3))) {
        out.push((CHARACTER, i + 1));
    }
    if seq(w, i, &["not", "paying", "attention"]) || seq(w, i, &["didn't", "pay", "attention"]) || seq(w, i, &["did", "not", "pay", "attention"]) {
        out.push((CHARACTER, i + if word == "did" { 3 } else { 2 }));
    }

    // blame-didnt-bother
    if (matches!(word, "didn't" | "didnt" | "never") && is(w, i + 1, &["bother", "bothered"]))
        || seq(w, i, &["did", "not", "bother"])
        || (matches!(word, "couldn't" | "couldnt") && is(w, i + 1, &["be"]) && is(w, i + 2, &["bothered", "arsed", "assed", "fagged"]))
    {
        let end = (i..w.len().min(i + 4)).find(|&k| w[k].lower.starts_with("bother")).unwrap_or(i);
        out.push((DIDNT_BOTHER, end));
    }
    if seq(w, i, &["couldn't", "have", "cared", "less"]) || seq(w, i, &["shrugged", "it", "off"]) || seq(w, i, &["shrugged", "and", "moved", "on"]) {
        out.push((DIDNT_BOTHER, i + 2));
    }
    if seq(w, i, &["could", "be", "bothered"])
        || seq(w, i, &["without", "bothering"])
        || seq(w, i, &["couldn't", "care", "less"])
        || seq(w, i, &["chose", "to", "ignore"])
    {
        out.push((DIDNT_BOTHER, i + if word == "without" { 1 } else { 2 }));
    }
    if (matches!(word, "didn't" | "didnt" | "doesn't" | "don't") && is(w, i + 1, &["care"])
        || matches!(word, "brushed" | "shrugged") && is(w, i + 1, &["off", "aside"]))
        && is_people_or_we(subject(w, i))
    {
        out.push((DIDNT_BOTHER, i + 1));
    }
    // "decided to ignore the error", "despite the warning", "against all advice"
    if matches!(word, "decided" | "chose" | "opted" | "elected")
        && is(w, i + 1, &["to"])
        && is(w, i + 2, &["ignore", "skip", "bypass", "override", "disregard"])
        && is_people_or_we(subject(w, i))
    {
        out.push((DIDNT_BOTHER, i + 2));
    }
    if ((word == "despite"
        && (i + 1..w.len().min(i + 4)).any(|k| is(w, k, &["warning", "warnings", "instructions", "advice", "alerts", "objections", "concerns"])))
        || (word == "against" && (i + 1..w.len().min(i + 3)).any(|k| is(w, k, &["advice", "instructions", "policy"]))))
        && is_people(first_party(w, sentence_start(w, i), 12))
    {
        out.push((DIDNT_BOTHER, i + 1));
    }
    if (matches!(word, "didn't" | "didnt" | "not" | "never")
        && is(w, i + 1, &["do"])
        && is(w, i + 2, &["his", "her", "their", "your", "my", "the"])
        && is(w, i + 3, &["job", "jobs", "homework"]))
        || (word == "did" && is(w, i + 1, &["not"]) && is(w, i + 2, &["do"]) && is(w, i + 4, &["job", "jobs"]))
    {
        out.push((DIDNT_BOTHER, i + 3));
    }
    if seq(w, i, &["due", "diligence"]) && (i.saturating_sub(4)..i).any(|k| is(w, k, &["didn't", "didnt", "not", "never", "without", "no"])) {
        out.push((DIDNT_BOTHER, i + 1));
    }
    if matches!(word, "didn't" | "didnt" | "never") && is(w, i + 1, &["even"]) && is(w, i + 2, &["bother", "bothered", "care", "try", "look", "check"]) {
        out.push((DIDNT_BOTHER, i + 2));
    }
    if matches!(word, "nobody" | "no-one" | "noone") && is(w, i + 1, &["cared", "bothered", "cares", "bothers"]) || seq(w, i, &["no", "one", "cared"]) {
        out.push((DIDNT_BOTHER, i + 1));
    }
    if matches!(word, "blew" | "blown" | "blowing") && is(w, i + 1, &["off"]) && is_people_or_we(subject(w, i)) {
        out.push((DIDNT_BOTHER, i + 1));
    }
    if matches!(word, "waved" | "waving" | "waves") && (i + 1..w.len().min(i + 5)).any(|k| is(w, k, &["through", "away", "off"])) {
        out.push((DIDNT_BOTHER, i));
    }

    // hindsight-obvious, unless negated ("it was not obvious" is exactly the right spirit)
    if matches!(word, "obviously" | "obvious" | "plainly" | "self-evident" | "self-evidently") {
        let negated = i > 0 && is(w, i - 1, &["not", "wasn't", "isn't", "weren't", "aren't", "non", "never", "hardly", "less", "far", "nothing"]);
        let negated = negated || (i > 1 && is(w, i - 2, &["not", "wasn't", "isn't", "never"]));
        // "Wasn't it obvious…?" asks rhetorically: hindsight all the same.
        let start = sentence_start(w, i);
        let negated = negated && !(w[i].question && is(w, start, &["wasn't", "isn't", "weren't", "aren't", "isnt", "wasnt"]));
        // "the obvious fix" names a fix; "it was obvious" is hindsight.
        let attributive = word == "obvious" && i > 0 && is(w, i - 1, &["the", "an", "a", "this", "that", "most"]);
        if !negated && !attributive {
            out.push((OBVIOUS, i));
        }
    }
    if seq(w, i, &["plain", "to"]) && is(w, i + 2, &["everyone", "all", "anyone", "see", "everybody"])
        || seq(w, i, &["in", "plain", "sight"])
        || seq(w, i, &["clear", "as", "day"])
        || seq(w, i, &["plain", "as", "day"])
        || (matches!(word, "evident" | "apparent") && is(w, i + 1, &["to"]) && is(w, i + 2, &["everyone", "all", "anyone", "everybody"]))
    {
        out.push((OBVIOUS, i + 2));
    }
    if matches!(word, "was" | "were" | "is" | "it's")
        && is(w, i + 1, &["easy", "trivial"])
        && is(w, i + 2, &["to"])
        && is(w, i + 3, &["see", "spot", "tell", "catch", "predict", "foresee"])
    {
        out.push((OBVIOUS, i + 3));
    }
    if matches!(word, "clear" | "evident" | "apparent" | "visible" | "plain" | "crystal")
        && is(w, i + 1, &["to"])
        && is(w, i + 2, &["everyone", "all", "anyone", "everybody", "anybody", "us"])
    {
        out.push((OBVIOUS, i + 2));
    }
    // "Looking back, the leak was evident from the first graph."
    if matches!(word, "clear" | "evident" | "apparent" | "visible" | "plain" | "predictable")
        && i > 0
        && is(w, i - 1, &["was", "were", "is", "it's", "became", "seems", "seemed"])
    {
        let sentence = w[i].sentence;
        let in_hindsight = w.iter().enumerate().filter(|(_, x)| x.sentence == sentence).any(|(k, _)| {
            seq(w, k, &["looking", "back"])
                || seq(w, k, &["in", "hindsight"])
                || seq(w, k, &["in", "retrospect"])
                || seq(w, k, &["with", "hindsight"])
                || is(w, k, &["hindsight"])
        });
        if in_hindsight {
            out.push((OBVIOUS, i));
        }
    }
    if seq(w, i, &["right", "there"]) && i > 0 && is(w, i - 1, &["sitting", "was", "were", "there", "is"]) {
        out.push((OBVIOUS, i + 1));
    }
    if matches!(word, "no-brainer" | "blatant" | "blatantly" | "glaring" | "glaringly") {
        out.push((OBVIOUS, i));
    }
    if seq(w, i, &["right", "in", "front", "of"]) {
        out.push((OBVIOUS, i + 3));
    }
    if matches!(word, "staring" | "stared" | "stares") && seq(w, i + 2, &["in", "the", "face"]) {
        out.push((OBVIOUS, i + 4));
    }
    if matches!(word, "everyone" | "everybody") && is(w, i + 1, &["knew", "saw"]) {
        out.push((OBVIOUS, i + 1));
    }
    if matches!(word, "signs" | "flags" | "warnings" | "symptoms")
        && is(w, i + 1, &["were", "was"])
        && (i + 2..w.len().min(i + 4)).any(|k| is(w, k, &["there"]))
        || seq(w, i, &["writing", "on", "the", "wall"])
    {
        out.push((OBVIOUS, i + 2));
    }
    // "any engineer could tell…"
    if word == "any"
        && is_people(classify(w.get(i + 1).unwrap_or(&w[i])))
        && is(w, i + 2, &["could", "would", "can"])
        && is(w, i + 3, &["see", "tell", "spot", "have"])
    {
        out.push((OBVIOUS, i + 3));
    }
    if matches!(word, "anyone" | "everyone" | "anybody" | "everybody") && !is(w, i + 1, &["could", "would", "can", "watching", "with"]) {
        let modal = (i + 1..w.len().min(i + 6)).find(|&k| is(w, k, &["could", "would", "can", "should"]));
        if let Some(end) = modal
            .and_then(|m| (m + 1..w.len().min(m + 4)).find(|&k| is(w, k, &["see", "seen", "tell", "spot", "spotted", "known", "noticed", "notice", "caught"])))
        {
            out.push((OBVIOUS, end));
        }
    }
    if matches!(word, "anyone" | "everyone" | "anybody" | "everybody") && is(w, i + 1, &["could", "would", "can", "watching", "with"]) {
        if let Some(end) = (i + 1..w.len().min(i + 5)).find(|&k| is(w, k, &["see", "seen", "tell", "told", "spot", "spotted", "known", "know"])) {
            out.push((OBVIOUS, end));
        }
    }
    if (seq(w, i, &["it", "was", "clear"]) || seq(w, i, &["it's", "clear"]) || seq(w, i, &["it", "is", "clear"])) && !is(w, i + 3, &["to"]) && !w[i].question {
        out.push((OBVIOUS, i + if word == "it's" { 1 } else { 2 }));
    }
    if seq(w, i, &["it", "was", "clear", "that"])
        || seq(w, i, &["anyone", "could", "have", "seen"])
        || seq(w, i, &["everyone", "knows"])
        || seq(w, i, &["any", "engineer", "would", "have"])
    {
        out.push((OBVIOUS, i + 3));
    }

    // counterfactual-just
    if matches!(word, "just" | "simply" | "only" | "merely")
        && is(w, i + 1, &["needed", "had", "have", "has", "need"])
        && is(w, i + 2, &["to"])
        && subject(w, i) != Subject::System
    {
        out.push((JUST_NEEDED_TO, i + 2));
    }
    if word == "all"
        && (is(w, i + 1, &["he", "she", "they", "you", "we", "it", "someone", "one", "i"]) || is_people(classify(w.get(i + 1).unwrap_or(&w[i]))))
        && is(w, i + 2, &["had", "needed", "has", "needs"])
        && is(w, i + 3, &["to"])
    {
        out.push((JUST_NEEDED_TO, i + 3));
    }
    if seq(w, i, &["only", "would", "have", "taken"]) || seq(w, i, &["only", "would've", "taken"]) {
        out.push((JUST_NEEDED_TO, i + 3));
    }
    // "a simple restart would have fixed it"
    if seq(w, i, &["would", "have"]) || word == "would've" {
        let verb = if word == "would" { i + 2 } else { i + 1 };
        let simple = (i.saturating_sub(3)..i).any(|k| is(w, k, &["simple", "quick", "single", "basic", "5-minute", "five-minute", "one-line"]));
        let simple = simple
            || (i.saturating_sub(3)..i).any(|k| is(w, k, &["look", "glance", "check", "peek"]))
                && (i.saturating_sub(4)..i).any(|k| is(w, k, &["quick", "single", "one", "even", "simple"]));
        if simple && is(w, verb, &["fixed", "prevented", "avoided", "saved", "caught", "stopped", "solved", "shown", "revealed", "told"]) {
            out.push((JUST_NEEDED_TO, verb));
        }
    }
    // "the fix was one config line away"
    if matches!(word, "one" | "a")
        && (i + 1..w.len().min(i + 4)).any(|k| is(w, k, &["away"]))
        && (i + 1..w.len().min(i + 3)).any(|k| is(w, k, &["line", "click", "command", "keystroke", "flag", "button"]))
    {
        let end = (i + 1..w.len().min(i + 4)).find(|&k| is(w, k, &["away"])).unwrap_or(i);
        out.push((JUST_NEEDED_TO, end));
    }
    if seq(w, i, &["how", "hard"]) && is(w, i + 2, &["is", "can", "could", "was"]) && (i + 3..w.len().min(i + 6)).any(|k| is(w, k, &["to"])) {
        out.push((JUST_NEEDED_TO, i + 1));
    }
    if matches!(word, "just" | "simply") && is(w, i + 1, &["should", "must"]) && is_people(subject(w, i)) {
        out.push((JUST_NEEDED_TO, i + 1));
    }
    if matches!(word, "just" | "simply" | "only" | "merely") && seq(w, i + 1, &["a", "matter", "of"]) {
        out.push((JUST_NEEDED_TO, i + 3));
    }
    if seq(w, i, &["would", "have", "taken"]) || seq(w, i, &["would've", "taken"]) {
        let taken = if word == "would" { i + 2 } else { i + 1 };
        if is(w, taken + 1, &["him", "her", "them", "you", "us", "me", "only", "just"])
            && (taken + 2..w.len().min(taken + 5)).any(|k| is(w, k, &["seconds", "minutes", "minute", "second", "moment", "click", "glance"]))
        {
            out.push((JUST_NEEDED_TO, taken + 1));
        }
    }
    if (seq(w, i, &["all", "that", "was", "needed"]) || seq(w, i, &["all", "it", "needed"]) || seq(w, i, &["all", "that", "was", "required"]))
        || seq(w, i, &["as", "simple", "as"])
        || seq(w, i, &["rocket", "science"])
    {
        out.push((JUST_NEEDED_TO, i + 2));
    }
    if matches!(word, "couldn't" | "can't" | "cannot" | "could" | "why")
        && (i + 1..w.len().min(i + 4)).any(|k| is(w, k, &["just", "simply"]))
        && (matches!(word, "why") && is(w, i + 1, &["not", "couldn't", "didn't"]) || is_people_or_we(first_party(w, i + 1, 2)))
    {
        if let Some(end) = (i + 1..w.len().min(i + 4)).find(|&k| is(w, k, &["just", "simply"])) {
            out.push((JUST_NEEDED_TO, end));
        }
    }
    // "all it took was a glance", not "all it took to start the cascade was one slow shard"
    if (seq(w, i, &["all", "it", "would", "have", "taken"]) || seq(w, i, &["would", "only", "have", "taken"]) || seq(w, i, &["all", "it", "took", "was"]))
        && !w[i].quoted
    {
        out.push((JUST_NEEDED_TO, i + if word == "all" && is(w, i + 2, &["took"]) { 2 } else { 4 }));
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
    // counterfactual-why-didnt: "why didn't / how come … never" about people, not systems
    // ("why didn't the alert fire?" asks about the system, which is the right question).
    let why = if word == "why" && seq(w, i + 1, &["on", "earth"]) {
        Some(i + 2)
    } else if word == "why" {
        Some(i)
    } else if seq(w, i, &["how", "come"]) {
        Some(i + 1)
    } else if seq(w, i, &["how", "is", "it", "that"]) {
        Some(i + 3)
    } else if seq(w, i, &["how", "is", "it"]) || seq(w, i, &["how", "was", "it"]) {
        Some(i + 2)
    } else {
        None
    };
    // "why did the on-call wait 40 minutes to escalate?"
    if word == "why" && is(w, i + 1, &["did", "does", "would", "do"]) && is_people(first_party(w, i + 2, 3)) {
        const HESITATIONS: &[&str] = &["wait", "take", "hesitate", "delay", "sit", "ignore", "skip", "choose", "decide", "leave", "keep"];
        if let Some(end) = (i + 3..w.len().min(i + 7)).find(|&k| is(w, k, HESITATIONS)) {
            out.push((WHY_DIDNT, end));
        }
    }
    if word == "why" && !w[i].sentence_start && (is(w, i + 1, &["nobody", "no-one", "noone"]) || seq(w, i + 1, &["no", "one"])) {
        out.push((WHY_DIDNT, i + 1));
    }
    // "I still don't get why Fatima didn't escalate"
    if word == "why" && is_people_or_we(first_party(w, i + 1, 3)) {
        const NEG: &[&str] = &["didn't", "didnt", "wasn't", "weren't", "hadn't", "couldn't", "wouldn't", "never"];
        if let Some(end) = (i + 2..w.len().min(i + 6)).find(|&k| is(w, k, NEG)) {
            out.push((WHY_DIDNT, end));
        }
    }
    if let Some(at) = why {
        const NOT_AUX: &[&str] =
            &["didn't", "didnt", "wasn't", "weren't", "hadn't", "couldn't", "wouldn't", "isn't", "aren't", "doesn't", "don't", "haven't", "hasn't"];
        let asks_about_people = |from: usize| !matches!(first_party(w, from, 3), Subject::System);
        if is(w, at + 1, NOT_AUX) && asks_about_people(at + 2) {
            out.push((WHY_DIDNT, at + 1));
        } else if is(w, at + 1, &["did", "does", "do", "was", "were", "had", "could", "would", "has", "have"])
            && (is(w, at + 2, &["nobody", "no-one", "none", "noone", "no"]) || is(w, at + 2, &["not"]) && asks_about_people(at + 3))
        {
            out.push((WHY_DIDNT, at + 2));
        } else if is(w, at + 1, &["did", "does", "do", "was", "were", "had", "could", "would", "has", "have"])
            && is_people_or_we(first_party(w, at + 2, 3))
            && (at + 3..w.len().min(at + 6)).any(|k| is(w, k, &["not", "never"]))
        {
            out.push((WHY_DIDNT, at + 1));
        } else if is(w, at + 1, &["wasn't", "weren't", "hasn't", "haven't"]) {
            // "why wasn't the rollback started earlier?": an act people did not do in time.
            let late = (at + 2..w.len().min(at + 8)).any(|k| is(w, k, &["earlier", "sooner", "faster", "quicker", "first", "immediately"]));
            if late {
                out.push((WHY_DIDNT, at + 1));
            }
        } else if at > i && !is(w, at + 1, NOT_AUX) {
            // "how come QA never tested…", "how is it that the DBA didn't see…"
            let party = first_party(w, at + 1, 3);
            let negation = (at + 1..w.len().min(at + 6)).find(|&k| is(w, k, NOT_AUX) || is(w, k, &["never", "not", "nobody", "no-one", "noone", "none"]));
            let nobody = is(w, at + 1, &["nobody", "no-one", "noone", "none"]) || seq(w, at + 1, &["no", "one"]);
            if let Some(end) = negation.filter(|_| is_people_or_we(party)) {
                out.push((WHY_DIDNT, end));
            } else if nobody {
                out.push((WHY_DIDNT, at + 1 + usize::from(is(w, at + 1, &["no"]))));
            }
        }
    }

    if word == "what" && is(w, i + 1, &["stopped", "kept", "prevented"]) && is_people_or_we(first_party(w, i + 2, 1)) && is(w, i + 3, &["from"]) {
        out.push((WHY_DIDNT, i + 3));
    }

    // counterfactual-if-only
    if seq(w, i, &["if", "only"]) && !is(w, i + 2, &["one", "two", "three", "a", "the", "some", "1", "2", "3", "half", "part"]) {
        out.push((IF_ONLY, i + 1));
    }
    if word == "if" && is(w, i + 2, &["had", "hadn't"]) {
        let s = classify(&w[i + 1]);
        if is_people(s) || s == Subject::We {
            out.push((IF_ONLY, i + 2));
        }
    }
    if word == "had" && w[i].sentence_start && is_people_or_we(first_party(w, i + 1, 3)) && w.get(i + 2).is_some() {
        out.push((IF_ONLY, i + 1));
    }
    // "we'd have been fine had Ingrid paused the rollout"
    if word == "had"
        && !w[i].sentence_start
        && i > 0
        && !is_people_or_we(classify(&w[i - 1]))
        && is_people(classify(w.get(i + 1).unwrap_or(&w[i])))
        && w.get(i + 2).is_some_and(|x| {
            x.lower.ends_with("ed") || matches!(x.lower.as_str(), "done" | "read" | "taken" | "seen" | "known" | "run" | "told" | "left" | "made")
        })
    {
        out.push((IF_ONLY, i + 2));
    }
    if word == "if" && is(w, i + 1, &["i'd", "we'd", "they'd", "he'd", "she'd", "you'd", "someone'd"]) {
        out.push((IF_ONLY, i + 1));
    }
    if word == "if" && !is(w, i + 2, &["had", "hadn't"]) && is_people_or_we(first_party(w, i + 1, 3)) {
        let had = (i + 2..w.len().min(i + 6)).find(|&k| is(w, k, &["had", "hadn't"]) && !is(w, k + 1, &["no", "a", "an", "the", "been"]));
        let would = (i + 2..w.len().min(i + 6)).find(|&k| is(w, k, &["would", "'d"]) && is(w, k + 1, &["have"]) || is(w, k, &["would've"]));
        if let Some(end) = had.or(would) {
            out.push((IF_ONLY, end));
        }
    }

    // blame-person-mistake
    const MISTAKES: &[&str] = &[
        "hosed",
        "clobbered",
        "disregarded",
        "omitted",
        "wiped",
        "trashed",
        "goofed",
        "blundered",
        "bungled",
        "mucked",
        "mangled",
        "borked",
        "nuked",
        "typo'd",
        "typoed",
        "misread",
        "misjudged",
        "mishandled",
        "misused",
        "mislabelled",
        "mislabeled",
        "misspelled",
        "misspelt",
        "fudged",
        "fouled",
        "stuffed",
        "cocked",
        "ballsed",
        "wrecked",
        "fatfingered",
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
    // "the slots were misconfigured by the DBA"
    if MISTAKES.contains(&word)
        && is(w, i + 1, &["by"])
        && is_people(first_party(w, i + 2, 3))
        && i > 0
        && is(w, i - 1, &["was", "were", "got", "been", "is", "are"])
    {
        out.push((PERSON_MISTAKE, i + 1));
    }
    const MISTAKE_WORDS: &[&str] =
        &["screw-up", "mistake", "mistakes", "error", "errors", "blunder", "blunders", "cock-up", "mess-up", "goof", "fuck-up", "slip-up"];
    if MISTAKE_WORDS.contains(&word) {
        // "errors by the release manager", "mistakes were made by the platform team"
        let by = if is(w, i + 1, &["from", "by"]) {
            Some(i + 1)
        } else if seq(w, i + 1, &["were", "made", "by"]) || seq(w, i + 1, &["was", "made", "by"]) {
            Some(i + 3)
        } else {
            None
        };
        if let Some(at) = by.filter(|&at| is_people(first_party(w, at + 1, 3))) {
            out.push((PERSON_MISTAKE, at));
        }
    }
    // "I can't believe nobody noticed", "hard to believe the reviewer approved this"
    let disbelief = (matches!(word, "can't" | "cannot" | "cant") && is(w, i + 1, &["believe"]))
        || seq(w, i, &["hard", "to", "believe"])
        || matches!(word, "unbelievable" | "incredible" | "inexcusable" | "unforgivable");
    if disbelief && is_people(first_party(w, i + 1, 5)) {
        out.push((WHY_DIDNT, i + 1));
    }
    // "dev pushed a bad build"
    if i > 0 && seq(w, i, &["a", "bad"]) && w[i - 1].lower.ends_with("ed") && is_people(subject(w, i - 1)) {
        out.push((PERSON_MISTAKE, i + 1));
    }
    if MISTAKES.contains(&word) && is_people(subject(w, i)) {
        let end = if is(w, i + 1, &["up"]) { i + 1 } else { i };
        out.push((PERSON_MISTAKE, end));
    }
    // "made a (bad) mistake", "got the region wrong"
    if matches!(word, "made" | "makes" | "making" | "make") && is_people_or_we(subject(w, i)) {
        let noun = (i + 1..w.len().min(i + 5)).find(|&k| {
            is(
                w,
                k,
                &[
                    "mistake", "mistakes", "error", "errors", "blunder", "blunders", "mess", "hash", "boo-boo", "typo", "typos", "slip", "goof", "cock-up",
                    "screw-up",
                ],
            ) || is(w, k, &["call", "decision", "choice", "judgement", "judgment"])
                && is(w, k - 1, &["bad", "wrong", "poor", "terrible", "awful", "dumb", "stupid"])
        });
        if let Some(end) = noun {
            out.push((PERSON_MISTAKE, end));
        }
    }
    if matches!(word, "got" | "gets") && is_people_or_we(subject(w, i)) {
        if let Some(end) = (i + 1..w.len().min(i + 5)).find(|&k| is(w, k, &["wrong"])) {
            out.push((PERSON_MISTAKE, end));
        }
    }
    // "the intern deleted prod by mistake", "took prod down with a typo"
    if (seq(w, i, &["by", "mistake"]) || seq(w, i, &["by", "accident"]) || seq(w, i, &["with", "a", "typo"]))
        && i > 0
        && is_people_or_we(subject(w, i - 1).max_party(first_party(w, sentence_start(w, i), 3)))
    {
        out.push((PERSON_MISTAKE, i + 1));
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
        let at_fault = before == "at" && !matches!(subject(w, i - 1), Subject::System | Subject::Other);
        let at_fault = at_fault && !is(w, i + 1, &["tolerance", "tolerant"]);
        let possessive = matches!(before, "his" | "her" | "their" | "your" | "my" | "our" | "whose")
            || at_fault
            || (before.ends_with("'s") && is_people(classify(&w[i - 1])));
        if possessive && !is(w, i + 1, &["tolerance", "tolerant", "injection", "domain", "domains", "line", "lines"]) {
            out.push((FAULT, i));
        }
    }
    let nobody = || (sentence_start(w, i)..i).any(|k| is(w, k, &["nobody", "no-one", "noone", "not", "none"]) || seq(w, k, &["no", "one"]));
    if seq(w, i, &["to", "blame"]) && !matches!(subject(w, i), Subject::System | Subject::Other) && !nobody()
        || (word == "blame"
            && i + 1 < w.len()
            && (is(w, i + 1, &["him", "her", "them", "you", "us"]) || is_people(first_party(w, i + 1, 3)))
            && !is(w, i.saturating_sub(1), &["git"]))
    {
        out.push((FAULT, i + 1));
    }
    if matches!(word, "blamed" | "blameworthy") && !is(w, i.saturating_sub(1), &["not", "no", "nobody", "never"]) {
        out.push((FAULT, i));
    }
    // "X is responsible for the outage", "bears responsibility", "holding X accountable",
    // "this is entirely on the DBA" — about people; "a stale DNS entry was responsible" is a fact.
    // Blame, not ownership: "responsible for the data loss", not "responsible for the checkout API".
    let for_an_outcome = || {
        let object = (i + 1..w.len().min(i + 3)).find(|&k| is(w, k, &["for"]));
        let outcome = |k: usize| {
            is(
                w,
                k,
                &[
                    "outage",
                    "outages",
                    "incident",
                    "breach",
                    "loss",
                    "failure",
                    "mess",
                    "downtime",
                    "problem",
                    "this",
                    "that",
                    "it",
                    "delay",
                    "damage",
                    "bug",
                    "errors",
                    "disaster",
                    "fiasco",
                    "leak",
                    "leaks",
                    "exposure",
                    "corruption",
                    "crash",
                    "crashes",
                    "regression",
                    "breakage",
                ],
            )
        };
        // "responsible for coordinating comms" is a duty
        object.is_none_or(|f| !w.get(f + 1).is_some_and(|x| x.lower.ends_with("ing")) && (f + 1..w.len().min(f + 7)).any(outcome))
    };
    if matches!(word, "responsible" | "accountable" | "responsibility" | "liable")
        && (is_people(subject(w, i)) || (i > 1 && is(w, i - 2, &["holding", "hold", "holds", "held"]) && is_people(classify(&w[i - 1]))))
        && !is(w, i + 1, &["disclosure"])
        && for_an_outcome()
    {
        out.push((FAULT, i));
    }
    // "this one's on the QA team"
    if (word.ends_with("'s") || matches!(word, "is" | "was"))
        && is(w, i + 1, &["on"])
        && is_people(first_party(w, i + 2, 3))
        && !is(w, i + 2, &["call", "duty", "shift", "leave", "holiday", "vacation"])
    {
        let end = (i + 2..w.len().min(i + 5)).find(|&k| is_people(classify(&w[k]))).unwrap_or(i + 1);
        if !is(w, end + 1, &["to", "for"]) && !w[i].lower.starts_with("it") {
            out.push((FAULT, end));
        }
    }
    if matches!(word, "bears" | "bear" | "bore" | "carries" | "carry" | "shoulders") && is_people(subject(w, i)) {
        if let Some(end) = (i + 1..w.len().min(i + 4)).find(|&k| is(w, k, &["responsibility", "blame", "the"]) && is(w, k, &["responsibility", "blame"])) {
            out.push((FAULT, end));
        }
    }
    if (seq(w, i, &["point", "the", "finger"]) || seq(w, i, &["pointed", "the", "finger"]) || seq(w, i, &["pointing", "the", "finger"]))
        || (matches!(word, "pin" | "pinned" | "pinning")
            && is(w, i + 1, &["it", "this", "that", "the"])
            && (i + 2..w.len().min(i + 5)).any(|k| is(w, k, &["on"])))
        || matches!(word, "scapegoat" | "scapegoated" | "scapegoating")
    {
        out.push((FAULT, i));
    }
    if matches!(word, "my" | "his" | "her" | "their" | "your") && is(w, i + 1, &["bad"]) && !is(w, i + 2, &["luck"]) {
        out.push((FAULT, i + 1));
    }
    if matches!(word, "blame" | "responsibility" | "fault" | "accountability") {
        let verb = (i + 1..w.len().min(i + 6))
            .find(|&k| is(w, k, &["lies", "lay", "rests", "sits", "falls", "fell", "lie", "sit", "rest", "belongs", "goes", "went"]));
        let on = verb.and_then(|v| (v + 1..w.len().min(v + 4)).find(|&k| is(w, k, &["with", "on", "to"])));
        if let Some(at) = on.filter(|&at| is_people(first_party(w, at + 1, 3))) {
            out.push((FAULT, at));
        }
    }
    if word.ends_with("'s") && is(w, i + 1, &["doing"]) && is_people(classify(&w[i])) {
        out.push((FAULT, i + 1));
    }
    // Punishment talk: "should be fired", "heads will roll", "a firing offence".
    if matches!(word, "should" | "must" | "will" | "needs" | "ought" | "deserves" | "gets" | "get") {
        let be = (i + 1..w.len().min(i + 3)).find(|&k| is(w, k, &["be"]));
        if let Some(end) = be.filter(|&b| is(w, b + 1, &["fired", "sacked", "disciplined", "punished", "reprimanded", "written"])).map(|b| b + 1) {
            out.push((FAULT, end));
        }
    }
    if seq(w, i, &["heads", "will", "roll"]) || seq(w, i, &["heads", "should", "roll"]) || (word == "firing" && is(w, i + 1, &["offence", "offense"])) {
        out.push((FAULT, i + 1));
    }
    if seq(w, i, &["answer", "for"]) && is_people(subject(w, i).max_party(first_party(w, sentence_start(w, i), 2))) {
        out.push((FAULT, i + 1));
    }
    if seq(w, i, &["under", "the", "bus"]) || seq(w, i, &["to", "thank", "for"]) {
        out.push((FAULT, i + 2));
    }
    if matches!(word, "owns" | "owned")
        && is_people(subject(w, i))
        && is(w, i + 1, &["this", "the", "that"])
        && is(w, i + 2, &["failure", "outage", "incident", "mess", "mistake", "screw-up"])
    {
        out.push((FAULT, i + 2));
    }
    if matches!(word, "is" | "was" | "'s" | "it's" | "that's" | "this's")
        && is(w, i + 1, &["entirely", "all", "squarely", "totally", "completely", "100%"])
        && is(w, i + 2, &["on"])
        && is_people(first_party(w, i + 3, 2))
    {
        out.push((FAULT, i + 2));
    }
    phrases::check_at(w, i, &mut out);
    out
}

/// Words that start a noun phrase: after "should have" they make it possession, not hindsight.
const DETERMINERS: &[&str] = &["a", "an", "the", "some", "more", "any", "this", "that", "these", "those", "our", "their", "its", "no", "two", "one", "enough"];
