//! The rules built from phrases rather than single words: idioms of blame, a person named as
//! the cause, culprit hunts, questions put to a person, and states of mind.
//!
//! Each is a class, not a list of sentences: an idiom is a verb in any form with its fixed
//! words ("drop/dropped/dropping the ball"); a cause is a cause word ("culprit", "came down
//! to", "because of") followed closely by a person or role; a culprit hunt is a question that
//! starts from "who", "whose" or "which engineer" and asks about a past act; a question to a
//! person pairs "why/how" with "you"; a state of mind is a person as the subject of "panicked",
//! "froze", "was distracted" and their kin.

use super::rules::{Rule, CULPRIT_QUESTION, IDIOM, PERSON_AS_CAUSE, QUESTION_TO_PERSON, STATE_OF_MIND};
use super::subject::{classify, first_party, is, is_people, is_people_or_we, sentence_start, seq, subject, Subject};
use super::words::Word;

/// A phrase as slots of accepted words; `POSSESSIVE` stands for "his", "her", "their"…
type Phrase = &'static [&'static [&'static str]];

const POSSESSIVE: &[&str] = &["his", "her", "their", "my", "your", "our", "its"];
const REFLEXIVE: &[&str] = &["himself", "herself", "themselves", "themself", "myself", "yourself", "ourselves", "yourselves"];

/// Idioms that lay the outcome on whoever they are said of. Those that can be said of a
/// system too ("the ticket slipped through the cracks") need a person as the subject.
const IDIOMS: &[Phrase] = &[
    &[&["dropped", "drop", "drops", "dropping"], &["the", "a"], &["ball", "baton", "clanger", "stitch"]],
    &[&["dropped", "drop", "drops", "dropping"], &["it", "this", "that"], &["on"], &["the"], &["floor"]],
    &[&["fumbled", "fumble", "fumbles", "fumbling"], &["the", "a", "it", "this", "that", "his", "her", "their"]],
    &[&["asleep", "sleeping", "slept"], &["at", "on"], &["the"], &["wheel", "job", "switch"]],
    &[&["out"], &["to"], &["lunch"]],
    &[&["caught"], &["napping", "sleeping"]],
    &[&["took", "take", "takes", "taking"], POSSESSIVE, &["eye", "eyes"], &["off"]],
    &[&["shot", "shoot", "shoots", "shooting"], REFLEXIVE, &["in"], &["the"], &["foot"]],
    &[&["cut", "cuts", "cutting"], &["corners", "a"]],
    &[&["phoned", "phoning", "phone", "phones"], &["it"], &["in"]],
    &[&["passed", "pass", "passing", "passes"], &["the"], &["buck"]],
    &[&["jumped", "jump", "jumps", "jumping"], &["the"], &["gun"]],
    &[&["turned", "turn", "turns", "turning"], &["a"], &["blind"], &["eye"]],
    &[&["in"], &["over"], POSSESSIVE, &["head", "heads"]],
    &[&["out"], &["of"], POSSESSIVE, &["depth"]],
    &[&["winged", "wing", "winging"], &["it"]],
    &[&["went", "gone", "going", "goes"], &["rogue", "cowboy"]],
    &[&["cowboy", "cowboyed", "cowboying", "yolo'd", "yoloed"]],
    &[&["rubber-stamped", "rubber-stamping", "rubber-stamp", "rubberstamped"]],
    &[&["with"], POSSESSIVE, &["eyes"], &["closed", "shut"]],
    &[&["head", "heads"], &["in"], &["the"], &["sand"]],
    &[&["screwed"], &["the"], &["pooch"]],
    &[&["looked", "look", "looking"], &["the"], &["other"], &["way"]],
    &[&["let"], &["the"], &["side", "team"], &["down"]],
    &[&["fell", "falls", "fall", "falling"], &["down"], &["on"], &["the"], &["job"]],
    &[&["threw", "throw", "thrown", "tossed", "chucked"], &["it", "this", "that"], &["over"], &["the"], &["wall", "fence"]],
    &[&["wasn't", "weren't", "not"], &["on"], &["the"], &["ball"]],
    &[&["missed", "miss", "missing"], &["the"], &["boat"]],
    &[&["let", "lets", "letting"], &["it", "things", "this", "that", "stuff"], &["slide", "slip", "go"]],
    &[&["let", "lets", "letting"], &["it", "this", "that", "one", "them", "things"], &["one", "slip", "slide"], &["slip", "slide", "by", "through"]],
    &[&["took", "take", "takes", "taking"], &["shortcuts", "a"], &["shortcut"]],
    &[&["took", "take", "takes", "taking"], &["shortcuts"]],
    &[&["played", "play", "playing", "plays"], &["fast"], &["and"], &["loose"]],
    &[&["off"], &["half-cocked"]],
    &[&["threw", "throw", "throwing", "threw"], &["caution"], &["to"], &["the"]],
    &[&["seat"], &["of"], POSSESSIVE, &["pants"]],
    &[&["on"], POSSESSIVE, &["watch"]],
    &[&["didn't", "did", "not"], &["do", "not"], POSSESSIVE, &["homework"]],
    &[&["do", "doing"], POSSESSIVE, &["homework"]],
    &[&["out"], &["to"], &["dry"]],
    &[&["dropped", "left"], &["us", "them", "everyone", "me"], &["in", "hanging"]],
    &[&["loose"], &["cannon"]],
    &[&["china"], &["shop"]],
    &[&["fell", "fall", "falls"], &["at"], &["the"], &["first"], &["hurdle"]],
    &[&["took", "take", "takes", "taking"], &["the", "an"], &["eye", "eyes"], &["off"]],
    &[&["ball"], &["was", "got", "gets"], &["dropped"]],
    &[&["asleep"], &["at"]],
    &[&["checked", "zoned", "spaced", "tuned"], &["out"]],
    &[&["let", "lets", "letting"], &["everyone", "everybody", "us", "them", "me", "you"], &["down"]],
    &[&["wasn't", "weren't", "not", "never", "isn't"], &["on"], &["top"], &["of"]],
    &[
        &["sat", "sitting", "sits", "sit"],
        &["on"],
        &["the", "it", "this", "that", "a", "our", "my"],
        &["ticket", "tickets", "issue", "bug", "pr", "request", "report", "alert", "email", "fix", "page"],
    ],
    &[&["sat", "sitting", "sits"], &["on"], &["it"]],
    &[&["steamrolled", "bulldozed", "railroaded", "steamrolling", "bulldozing"]],
    &[&["rubber"], &["stamped", "stamping", "stamp", "stamps"]],
    &[&["on"], &["the"], &["hook"]],
    &[&["shoulders"]],
    &[&["mia", "awol", "ghosted"]],
    &[&["nowhere"], &["to"], &["be"], &["found", "seen"]],
    &[&["went", "gone"], &["dark", "missing", "quiet"]],
    &[&["usual"], &["suspects", "suspect"]],
];

/// "Slipped through the cracks" blames only when someone let it: "support let the ticket
/// slip through the cracks", "QA let it fall through the net".
const THROUGH_THE_CRACKS: Phrase = &[&["slip", "slipped", "slips", "slipping", "fall", "fell", "falls", "falling"], &["through"], &["the"], &["cracks", "net"]];

/// The idioms whose first word can be `word`, found through an index built on first use: a
/// text's every word is looked up, and most start none.
fn idioms_starting_with(word: &str) -> &'static [Phrase] {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static INDEX: OnceLock<HashMap<&'static str, Vec<Phrase>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
        for idiom in IDIOMS {
            for first in idiom[0] {
                index.entry(first).or_default().push(idiom);
            }
        }
        index
    });
    index.get(word).map_or(&[], Vec::as_slice)
}

/// Where the words from `i` on match `phrase`: the index of its last word.
fn phrase_at(w: &[Word], i: usize, phrase: Phrase) -> Option<usize> {
    phrase.iter().enumerate().all(|(k, slot)| is(w, i + k, slot)).then(|| i + phrase.len() - 1)
}

/// Whether a person or a name stands within `max` words after `from` in the same sentence
/// (a possessive counts: "the on-call's restart").
fn person_soon_after(w: &[Word], from: usize, max: usize) -> bool {
    let Some(sentence) = w.get(from).map(|word| word.sentence) else { return false };
    w.iter().skip(from).take(max).take_while(|word| word.sentence == sentence).any(|word| is_people(classify(word)))
}

/// Words that name a cause.
const CAUSE_NOUNS: &[&str] = &["culprit", "cause", "trigger", "source", "reason", "factor", "origin"];
/// Past acts a culprit hunt asks about, beyond any verb ending in -ed.
const PAST_ACTS: &[&str] = &[
    "did", "broke", "wrote", "ran", "made", "let", "put", "took", "gave", "told", "chose", "forgot", "set", "shipped", "hit", "left", "sent", "began",
    "thought",
];
/// States of mind that, said of a person, make them the cause.
const STATES: &[&str] = &[
    "panicked",
    "panicking",
    "froze",
    "frozen",
    "flustered",
    "rattled",
    "overconfident",
    "complacent",
    "distracted",
    "overwhelmed",
    "daydreaming",
    "zoned",
    "spaced",
    "half-asleep",
    "careless",
    "inattentive",
    "hasty",
    "rushed",
    "impatient",
    "sloppy",
    "freaked",
    "choked",
    "cocky",
    "over-confident",
    "sleepy",
    "hungover",
    "unfocused",
    "dozing",
    "dozed",
    "napping",
    "spooked",
    "impulsive",
    "impulsively",
    "hurried",
    "hurrying",
    "rushing",
    "scared",
    "nervous",
    "anxious",
];

/// The phrase rules that match at word `i`, each with the index of its last word.
pub fn check_at(w: &[Word], i: usize, out: &mut Vec<(Rule, usize)>) {
    let word = w[i].lower.as_str();

    // blame-idiom
    for idiom in idioms_starting_with(word) {
        if let Some(end) = phrase_at(w, i, idiom) {
            if subject(w, i) != Subject::System {
                out.push((IDIOM, end));
            }
        }
    }
    if let Some(end) = phrase_at(w, i, THROUGH_THE_CRACKS) {
        let let_it = (i.saturating_sub(4)..i).any(|k| is(w, k, &["let", "lets", "letting", "allowed"]));
        if let_it || is_people(subject(w, i)) {
            out.push((IDIOM, end));
        }
    }

    // blame-person-as-cause
    // Cause phrases start with one of a few words; most words are none of them.
    let cause_start = CAUSE_NOUNS.contains(&word)
        || matches!(
            word,
            "back"
                | "goes"
                | "went"
                | "go"
                | "leads"
                | "led"
                | "came"
                | "comes"
                | "traces"
                | "traced"
                | "all"
                | "started"
                | "because"
                | "thanks"
                | "due"
                | "courtesy"
                | "is"
                | "was"
                | "'s"
                | "began"
                | "starts"
                | "begins"
                | "were"
                | "if"
                | "heart"
                | "root"
                | "bottom"
        );
    let traced = cause_start && seq(w, i, &["back", "to"]) && (i.saturating_sub(4)..i).any(|k| is(w, k, &["traced", "trace", "traces", "tracked", "track"]));
    let cause_phrase = if !cause_start {
        None
    } else if traced {
        Some(i + 1)
    } else if matches!(word, "goes" | "went" | "go" | "leads" | "led") && seq(w, i + 1, &["back", "to"])
        || seq(w, i, &["came", "down", "to"])
        || seq(w, i, &["comes", "down", "to"])
        || seq(w, i, &["traces", "back", "to"])
    {
        Some(i + 2)
    } else if seq(w, i, &["traced", "back", "to"]) || seq(w, i, &["all", "started", "with"]) || seq(w, i, &["started", "with"]) {
        Some(i + if word == "all" { 2 } else { 1 })
    } else if (seq(w, i, &["because", "of"]) || seq(w, i, &["thanks", "to"]) || seq(w, i, &["due", "to"]) || seq(w, i, &["courtesy", "of"]))
        && !is(w, i + 2, &["the", "a"])
        || seq(w, i, &["because", "of", "the"])
        || seq(w, i, &["due", "to", "the"])
    {
        Some(i + 1)
    } else if matches!(word, "is" | "was" | "'s") && seq(w, i + 1, &["down", "to"]) {
        Some(i + 2)
    } else if matches!(word, "started" | "began" | "starts" | "begins") && is(w, i + 1, &["when", "after", "once"]) {
        Some(i + 1)
    } else if seq(w, i, &["were", "it", "not", "for"]) || seq(w, i, &["if", "not", "for"]) {
        Some(i + 3 - usize::from(word == "if"))
    } else if CAUSE_NOUNS.contains(&word) && !is(w, i + 1, &["tolerance", "analysis"]) {
        Some(i)
    } else if matches!(word, "heart" | "root" | "bottom") && is(w, i + 1, &["of"]) && is(w, i + 2, &["it", "this", "the", "everything"]) {
        Some(i + 2)
    } else {
        None
    };
    if let Some(end) = cause_phrase {
        // "thanks to Priya for running the bridge" is thanks, not blame.
        // Quotes around the praise make it sarcasm: thanks to Ahmed's "quick fix".
        let gratitude =
            word == "thanks" && (end + 1..w.len().min(end + 5)).any(|k| is(w, k, &["for", "quick", "fast", "help", "work", "effort"]) && !w[k].quoted);
        // "the trigger for the outage was the contractor's script": look after the copula.
        let copula = CAUSE_NOUNS.contains(&word).then(|| (end + 1..w.len().min(end + 6)).find(|&k| is(w, k, &["was", "is", "were", "be"]))).flatten();
        let named = match copula {
            Some(c) => person_soon_after(w, c + 1, 4),
            None => person_soon_after(w, end + 1, 5),
        };
        if named && !gratitude {
            out.push((PERSON_AS_CAUSE, end));
        }
    }
    // "the intern's bad query took the site down": a person's act, judged, as the cause
    if word.ends_with("'s") && is_people(classify(&w[i])) {
        const JUDGED: &[&str] = &[
            "bad",
            "wrong",
            "broken",
            "faulty",
            "botched",
            "untested",
            "rogue",
            "dodgy",
            "buggy",
            "sloppy",
            "reckless",
            "careless",
            "stupid",
            "dumb",
            "half-baked",
            "ill-advised",
            "cowboy",
        ];
        const MISTAKE_NOUNS: &[&str] = &[
            "typo",
            "typos",
            "screwup",
            "screw-up",
            "mistake",
            "error",
            "blunder",
            "cock-up",
            "mess-up",
            "goof",
            "fault",
            "fuck-up",
            "slip-up",
            "oversight",
            "negligence",
            "carelessness",
            "incompetence",
        ];
        if let Some(end) = (i + 1..w.len().min(i + 3)).find(|&k| is(w, k, JUDGED)) {
            out.push((PERSON_AS_CAUSE, end));
        } else if let Some(end) = (i + 1..w.len().min(i + 3)).find(|&k| is(w, k, MISTAKE_NOUNS)) {
            out.push((PERSON_AS_CAUSE, end));
        }
    }
    // "It was Luca who broke the build": a cleft that names the doer.
    if matches!(word, "it" | "it's") && (is(w, i + 1, &["was", "is"]) || word == "it's") {
        let from = if word == "it's" { i + 1 } else { i + 2 };
        let person = (from..w.len().min(from + 3)).find(|&k| is_people(classify(&w[k])));
        if let Some(p) = person.filter(|&p| is(w, p + 1, &["who", "that"]) && w.get(p + 2).is_some_and(is_past_act)) {
            out.push((PERSON_AS_CAUSE, p + 2));
        }
    }
    // "Alex is the one who broke it"
    if matches!(word, "is" | "was")
        && is_people(subject(w, i))
        && seq(w, i + 1, &["the", "one"])
        && is(w, i + 3, &["who", "that"])
        && w.get(i + 4).is_some_and(is_past_act)
    {
        out.push((PERSON_AS_CAUSE, i + 4));
    }
    if matches!(word, "want" | "need" | "wants") && is(w, i + 1, &["names", "a", "name"]) && (is(w, i + 1, &["names"]) || is(w, i + 2, &["name"])) {
        out.push((CULPRIT_QUESTION, i + 1));
    }
    // "Pooja's decision to skip the canary caused the outage"
    if word.ends_with("'s")
        && is_people(classify(&w[i]))
        && is(w, i + 1, &["decision", "choice", "idea", "call", "change", "command", "push", "deploy", "commit"])
    {
        let sentence = w[i].sentence;
        let caused = w
            .iter()
            .skip(i + 2)
            .take_while(|x| x.sentence == sentence)
            .any(|x| matches!(x.lower.as_str(), "caused" | "triggered" | "broke" | "led" | "resulted" | "brought"));
        if caused {
            out.push((PERSON_AS_CAUSE, i + 1));
        }
    }
    // "Sam is why we were down"
    if matches!(word, "is" | "was")
        && is(w, i + 1, &["why", "the", "how"])
        && is(w, i + if is(w, i + 1, &["the"]) { 2 } else { 1 }, &["why", "reason", "cause", "culprit"])
        && is_people(subject(w, i))
    {
        out.push((PERSON_AS_CAUSE, i + 1));
    }

    // blame-culprit-question: a question that asks who did a past act, or whose call it was,
    // and the same hunt said outright ("I want to find out who approved this").
    let hunt = matches!(word, "who" | "whoever")
        && i > 0
        && (is(w, i - 1, &["out", "know", "learn", "identify", "tell", "ask", "asking", "find", "figure"]) || seq(w, i.saturating_sub(2), &["out", "who"]));
    let hunt = hunt
        || word == "whoever"
            && !w[i].question
            && w.get(i + 1).is_some_and(is_past_act)
            && !(i + 2..w.len().min(i + 8)).any(|k| is(w, k, &["thanks", "thank", "great", "nice"]));
    if hunt {
        if let Some(end) = (i + 1..w.len().min(i + 5)).find(|&k| is_past_act(&w[k])) {
            out.push((CULPRIT_QUESTION, end));
        }
    }
    // "so who actually pushed the bad config 👀" asks without a question mark; "who pressed
    // the button matters less than…" does not ask at all.
    let opens =
        w[i].sentence_start || (i > 0 && w[i - 1].sentence_start && is(w, i - 1, &["so", "ok", "okay", "but", "and", "lol", "wait", "seriously", "honestly"]));
    let unmarked = word == "who" && opens && !w[i].question && {
        let sentence = w[i].sentence;
        !w.iter()
            .skip(i + 1)
            .take_while(|x| x.sentence == sentence)
            .any(|x| matches!(x.lower.as_str(), "matters" | "is" | "was" | "doesn't" | "isn't" | "does" | "will" | "should"))
    };
    if unmarked {
        if let Some(end) = act_after_who(w, i) {
            out.push((CULPRIT_QUESTION, end));
        }
    }
    if w[i].question || word == "name" {
        if matches!(word, "who" | "whoever") {
            let act = act_after_who(w, i);
            let responsible = is(w, i + 1, &["is", "was", "'s", "are", "were"]) && is(w, i + 2, &["responsible", "accountable", "behind", "to", "at"]);
            if let Some(end) = act.filter(|&k| !is(w, k - 1, &["has", "have", "had"]) || k == i + 1) {
                out.push((CULPRIT_QUESTION, end));
            } else if responsible {
                out.push((CULPRIT_QUESTION, i + 2));
            }
        }
        if word == "who's" && is(w, i + 1, &["responsible", "accountable", "behind", "to", "at"]) {
            out.push((CULPRIT_QUESTION, i + 1));
        }
        if word == "whose"
            && is(w, i + 1, &["call", "idea", "fault", "decision", "fingerprints", "bright", "change", "commit", "responsibility", "doing", "mistake"])
        {
            out.push((CULPRIT_QUESTION, i + 1));
        }
        if word == "which" {
            // "which engineer approved…?", not "which engineer is best placed to…?"
            let person = (i + 1..w.len().min(i + 4)).find(|&k| is_people(classify(&w[k])));
            if let Some(p) = person.filter(|&p| w.get(p + 1).is_some_and(is_past_act)) {
                out.push((CULPRIT_QUESTION, p + 1));
            }
        }
        if word == "name" && is(w, i + 1, &["the"]) && is_people(first_party(w, i + 2, 1)) && is(w, i + 3, &["who"]) {
            out.push((CULPRIT_QUESTION, i + 3));
        }
    }

    // question-to-person: a question that asks "you" to account for yourself.
    let strong = matches!(word, "why" | "how") && is(w, i + 1, &["would", "did", "could", "on", "the", "'d"]) && is(w, i + 2, &["you", "u"]);
    // "why would anyone think that was ok?"
    let anyone = word == "why" && is(w, i + 1, &["would"]) && is(w, i + 2, &["anyone", "anybody", "someone", "he", "she", "they"]) && w[i].question;
    if anyone {
        out.push((QUESTION_TO_PERSON, i + 2));
    }
    if strong && !w[i].question {
        out.push((QUESTION_TO_PERSON, i + 2));
    }
    if word == "explain" && (seq(w, i + 1, &["yourself"]) || (i + 1..w.len().min(i + 5)).any(|k| seq(w, k, &["why", "you"]))) {
        out.push((QUESTION_TO_PERSON, i + 1));
    }
    if seq(w, i, &["going", "through"]) && is(w, i + 2, &["your", "his", "her", "their"]) && is(w, i + 3, &["head", "mind"]) {
        out.push((QUESTION_TO_PERSON, i + 3));
    }
    // "what (on earth) made / possessed / led you to…"
    if word == "what" {
        let verb = (i + 1..w.len().min(i + 4)).find(|&k| is(w, k, &["made", "possessed", "led", "prompted", "told", "makes"]));
        if let Some(v) = verb.filter(|&v| is(w, v + 1, &["you", "u", "him", "her", "them"]) && (v == i + 1 || is(w, i + 1, &["on", "the", "exactly", "ever"])))
        {
            out.push((QUESTION_TO_PERSON, v + 1));
        }
    }
    // "You didn't think to check first?", "You deployed without tests?"
    if w[i].question
        && matches!(word, "you" | "u")
        && (w[i].sentence_start || i > 0 && w[i - 1].sentence_start && is(w, i - 1, &["so", "and", "but", "wait", "seriously", "really"]))
    {
        let sentence = w[i].sentence;
        let rest = || w.iter().skip(i + 1).take(6).take_while(|x| x.sentence == sentence);
        let pointed = is(w, i + 1, &["didn't", "didnt", "never", "weren't", "wasn't", "couldn't", "just", "seriously", "really", "actually", "honestly"])
            || rest().any(|x| x.lower == "without");
        if pointed {
            out.push((QUESTION_TO_PERSON, i + 1));
        }
    }
    if w[i].question || matches!(word, "what") {
        let you_after = |from: usize, max: usize| (from..w.len().min(from + max)).find(|&k| is(w, k, &["you", "ya", "u"]));
        if matches!(word, "why" | "how") && is(w, i + 1, &["would", "did", "do", "were", "are", "could", "can", "on", "the", "'d", "didn't", "don't"]) {
            if let Some(end) = you_after(i + 1, 4) {
                out.push((QUESTION_TO_PERSON, end));
            }
        }
        if word == "what"
            && (seq(w, i + 1, &["were", "you", "thinking"])
                || is(w, i + 1, &["possessed"])
                || seq(w, i + 1, &["was", "he", "thinking"])
                || seq(w, i + 1, &["was", "she", "thinking"])
                || seq(w, i + 1, &["were", "they", "thinking"]))
        {
            out.push((QUESTION_TO_PERSON, i + 2));
        }
        let opens = w[i].sentence_start || (i > 0 && is(w, i - 1, &["seriously", "honestly", "so", "ok", "lol", "like", "wait", "um", "and"]));
        if w[i].question && matches!(word, "did" | "didn't" | "were" | "weren't" | "have" | "haven't" | "do" | "don't" | "are" | "aren't") && opens {
            let pointed = matches!(word, "didn't" | "weren't" | "haven't" | "don't" | "aren't")
                || (i + 1..w.len().min(i + 5)).any(|k| is(w, k, &["even", "not", "never", "ever", "seriously", "really"]));
            if let Some(end) = you_after(i + 1, 5).filter(|_| pointed) {
                out.push((QUESTION_TO_PERSON, end));
            }
        }
    }

    // blame-state-of-mind: a person as the subject of a state that "explains" the outcome.
    let lost_it = word == "lost" && is(w, i + 1, POSSESSIVE) && is(w, i + 2, &["head", "cool", "nerve", "temper", "focus", "mind"]);
    let state = STATES.contains(&word)
        || lost_it
        || seq(w, i, &["on", "autopilot"])
        || seq(w, i, &["half", "asleep"])
        || seq(w, i, &["too", "tired"])
        || seq(w, i, &["so", "tired"])
        || seq(w, i, &["not", "thinking"])
        || seq(w, i, &["wasn't", "thinking"])
        || seq(w, i, &["lost", "focus"])
        || seq(w, i, &["lost", "it"])
        || seq(w, i, &["in", "a", "panic"])
        || seq(w, i, &["in", "a", "hurry"])
        || seq(w, i, &["in", "a", "rush"])
        || seq(w, i, &["brain", "fart"])
        || seq(w, i, &["tunnel", "vision"])
        || seq(w, i, &["not", "focused"])
        || seq(w, i, &["wasn't", "focused"])
        || seq(w, i, &["wasn't", "concentrating"])
        || seq(w, i, &["not", "concentrating"])
        || seq(w, i, &["lost", "concentration"])
        || seq(w, i, &["freaking", "out"])
        || seq(w, i, &["mind", "was", "elsewhere"])
        || seq(w, i, &["went", "to", "pieces"])
        || seq(w, i, &["fell", "apart"])
        || seq(w, i, &["melted", "down"])
        || seq(w, i, &["lost", "the", "plot"])
        || seq(w, i, &["cracked", "under"])
        || (word == "lapse" && is(w, i + 1, &["in", "of"]))
        || seq(w, i, &["in", "denial"])
        || matches!(word, "meltdown" | "flipped");
    // "had a brain fart", "got tunnel vision": a noun, so the subject stands further back.
    let noun_state = matches!(word, "brain" | "tunnel" | "meltdown" | "lapse");
    let who = if noun_state { subject(w, i).max_party(first_party(w, sentence_start(w, i), 3)) } else { subject(w, i) };
    if state && is_people_or_we(who) {
        let end = if lost_it {
            i + 2
        } else if STATES.contains(&word) {
            i
        } else {
            i + 1
        };
        out.push((STATE_OF_MIND, end));
    }
}

/// The past act "who" asks about, allowing what may stand between: "who exactly merged…",
/// "who the hell pushed…", "who on the DBA team ran…" — but not "who has the access needed…".
fn act_after_who(w: &[Word], i: usize) -> Option<usize> {
    const BETWEEN: &[&str] = &[
        "exactly",
        "actually",
        "really",
        "even",
        "just",
        "the",
        "hell",
        "heck",
        "on",
        "earth",
        "first",
        "originally",
        "initially",
        "ever",
        "in",
        "from",
        "at",
        "of",
    ];
    let mut in_phrase = 0;
    for k in i + 1..w.len().min(i + 7) {
        if w[k].sentence != w[i].sentence {
            return None;
        }
        if is_past_act(&w[k]) {
            return Some(k);
        }
        if is(w, k, &["on", "in", "from", "at", "of"]) {
            in_phrase = 3;
        } else if !BETWEEN.contains(&w[k].lower.as_str()) {
            if in_phrase == 0 {
                return None;
            }
            in_phrase -= 1;
        }
    }
    None
}

/// A verb in the past: one ending in "-ed" (but not an adjective like "red") or an irregular one.
fn is_past_act(word: &Word) -> bool {
    let lower = word.lower.as_str();
    PAST_ACTS.contains(&lower) || (lower.len() > 4 && lower.ends_with("ed") && !matches!(lower, "need" | "speed" | "feed" | "seed" | "indeed"))
}
