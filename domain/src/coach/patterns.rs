//! The pattern engine the German and Spanish coaches share: a pattern is a word sequence within
//! one sentence (words, stems, endings, gaps and someone named), skipped in quotes, after a
//! negation, or when the one doing it is a system (see `doer.rs`). Each language brings its
//! patterns and word lists as a [`Lexicon`].

use super::doer::{about_a_system, dated, someone_from};
use super::rules::Rule;
use super::words::Word;
use super::Finding;

/// One word of a pattern.
#[derive(Clone, Copy)]
pub(super) enum Tok {
    /// One of these words.
    Word(&'static [&'static str]),
    /// A word starting with one of these.
    Stem(&'static [&'static str]),
    /// A word of four letters or more ending with one of these: a verb's person or tense.
    Ends(&'static [&'static str]),
    /// One of these words, opening its sentence (or a clause after a colon).
    Opening(&'static [&'static str]),
    /// Any word but these: "de haber revisado", not "de haber existido" (a condition on the world).
    Not(&'static [&'static str]),
    /// One of these words, ending its sentence: "la causa fue el nuevo", not "el nuevo despliegue".
    Last(&'static [&'static str]),
    /// Up to this many other words.
    Gap(usize),
    /// A person, a role or the team, with its article and one adjective: "die neue Kollegin",
    /// "el becario", "Stefan".
    Someone,
}

/// A wording and the rule it falls under.
#[derive(Clone, Copy)]
pub(super) struct Pattern {
    pub rule: &'static Rule,
    pub toks: &'static [Tok],
    /// Only when a person or the team does it: skipped when the one doing it is a system.
    pub people_only: bool,
    /// A negation before the match cancels it ("nicht offensichtlich"); not where the negation
    /// is the point ("No debió lanzarlo", "Ni se molestó").
    pub negatable: bool,
    /// When something became clear, dated ("Um 10:12 war klar, dass…"), is a timeline fact.
    pub unless_dated: bool,
    /// Only in a question ("Wer war das?").
    pub question: bool,
}

impl Pattern {
    /// Whoever does it.
    pub const fn any(rule: &'static Rule, toks: &'static [Tok]) -> Pattern {
        Pattern { rule, toks, people_only: false, negatable: true, unless_dated: false, question: false }
    }

    /// Only when the one doing it is not a system.
    pub const fn people(rule: &'static Rule, toks: &'static [Tok]) -> Pattern {
        Pattern { people_only: true, ..Pattern::any(rule, toks) }
    }

    /// A negation before it does not cancel it.
    pub const fn even_negated(self) -> Pattern {
        Pattern { negatable: false, ..self }
    }

    /// Not when the sentence dates the moment ("A las 10:12 ya era obvio que…").
    pub const fn unless_dated(self) -> Pattern {
        Pattern { unless_dated: true, ..self }
    }

    /// Only in a question.
    pub const fn in_question(self) -> Pattern {
        Pattern { question: true, ..self }
    }
}

/// What one language brings: its patterns, negations and the nouns that name systems.
pub(super) struct Lexicon {
    pub patterns: &'static [Pattern],
    /// A negation in the words before the match cancels it ("nicht offensichtlich", "no era obvio").
    pub negations: &'static [&'static str],
    /// How many words before the match a negation reaches: Spanish puts a verb of belief and
    /// "que" between them ("No creemos que fuera un error humano").
    pub negation_reach: usize,
    /// Words after which a system noun is an object, not the one doing it: prepositions
    /// ("en el clúster equivocado"); with [`Lexicon::object_after_verb`], a verb too.
    pub object_markers: &'static [&'static str],
    /// Endings of a finite verb no system is the subject of ("Lanzaste el script…", "¿Por qué
    /// no revisamos los backups?"): a person does it, and a system noun after it is its object.
    pub object_after_verb: &'static [&'static str],
    /// Endings of the third person's past, where a system noun after the verb is its object
    /// when the subject came before it ("Sergio borró el bucket…"); after the verb, in a
    /// question, it may be the subject ("¿Por qué no saltó la alerta?").
    pub object_after_past: &'static [&'static str],
    /// Stems of nouns that name a system, a job or an alarm; compounds ending in one count too.
    pub systems: &'static [&'static str],
    /// Words that name people or the team.
    pub people: &'static [&'static str],
    /// Stems (or, in compounds, endings) of nouns for people and roles: "kolleg", "team".
    pub roles: &'static [&'static str],
    /// Articles, which come before a system noun that is the subject.
    pub articles: &'static [&'static str],
    /// Capitalised words at a sentence's start that name no one ("Danach", "Según").
    pub adverbs: &'static [&'static str],
    /// Endings of nouns, which are not names even when capitalised ("Speicherung").
    pub noun_endings: &'static [&'static str],
    /// Words that date a moment ("um", "ya", "hasta"), and "became" ("wurde", "quedó").
    pub moments: &'static [&'static str],
    /// Words that start another clause, where looking back for the doer stops.
    pub clause_breaks: &'static [&'static str],
    /// Finite auxiliaries ("hat", "ha"): a system noun after one, with someone before it, is
    /// the object ("Das Team hat die Tests … übersprungen").
    pub auxiliaries: &'static [&'static str],
    /// Statements put the subject after the verb too ("Dann hätte der Job…"); otherwise only
    /// questions and conditions do ("¿Por qué no saltó la alerta?"), and a noun after the verb
    /// is its object.
    pub subject_after_verb: bool,
}

/// The findings in `text` under one language's patterns.
pub(super) fn review_with(w: &[Word], lexicon: &Lexicon) -> Vec<Finding> {
    let mut found = Vec::new();
    for i in 0..w.len() {
        if w[i].quoted {
            continue;
        }
        for pattern in lexicon.patterns {
            if pattern.question && !w[i].question {
                continue;
            }
            let Some(end) = match_at(w, i, pattern.toks, lexicon) else { continue };
            let negation = |k: usize| w.get(k).is_some_and(|x| x.sentence == w[i].sentence && lexicon.negations.contains(&x.lower.as_str()));
            // "nicht offensichtlich" before; a word denied right after it ("La culpa no es…")
            let negated = pattern.negatable
                && ((i.saturating_sub(lexicon.negation_reach)..i).any(|k| k >= w[i].sentence_first && negation(k)) || end == i && negation(end + 1));
            if negated || pattern.people_only && about_a_system(w, i, end, lexicon) || pattern.unless_dated && dated(w, i, lexicon) {
                continue;
            }
            found.push(Finding { rule: pattern.rule.id, start: w[i].start, end: w[end].end, reason: pattern.rule.reason, suggestion: pattern.rule.suggestion });
        }
    }
    super::one_per_stretch(found)
}

/// The index of the last word when `toks` match from word `i`, within its sentence.
fn match_at(w: &[Word], i: usize, toks: &[Tok], lexicon: &Lexicon) -> Option<usize> {
    let (first, rest) = toks.split_first()?;
    let word = w.get(i)?;
    let last = match first {
        Tok::Word(options) => options.contains(&word.lower.as_str()).then_some(i),
        Tok::Stem(stems) => stems.iter().any(|s| word.lower.starts_with(s)).then_some(i),
        Tok::Ends(endings) => (word.lower.chars().count() >= 4 && endings.iter().any(|e| word.lower.ends_with(e))).then_some(i),
        Tok::Opening(options) => (word.sentence_start && options.contains(&word.lower.as_str())).then_some(i),
        Tok::Not(options) => (!options.contains(&word.lower.as_str())).then_some(i),
        Tok::Last(options) => (options.contains(&word.lower.as_str()) && w.get(i + 1).is_none_or(|n| n.sentence != word.sentence)).then_some(i),
        Tok::Someone => someone_from(w, i, lexicon),
        Tok::Gap(n) => {
            // Skip 0..=n words, then the rest must match; the gap never crosses a sentence.
            return (0..=*n).find_map(|skip| {
                let at = i + skip;
                (at < w.len() && w[at].sentence == word.sentence).then(|| match_at(w, at, rest, lexicon)).flatten()
            });
        }
    }?;
    match rest.first() {
        None => Some(last),
        Some(_) => w.get(last + 1).filter(|next| next.sentence == word.sentence).and_then(|_| match_at(w, last + 1, rest, lexicon)),
    }
}
