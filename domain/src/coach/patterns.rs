//! The pattern engine the German and Spanish coaches share: a pattern is a word sequence within
//! one sentence (words, stems and gaps), skipped in quotes, after a negation, or when the one
//! doing it is a system. Each language brings its patterns and word lists as a [`Lexicon`].

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
    /// Up to this many other words.
    Gap(usize),
}

/// A wording and the rule it falls under.
pub(super) struct Pattern {
    pub rule: &'static Rule,
    pub toks: &'static [Tok],
    /// Only when a person or the team does it: skipped when the sentence's subject is a system.
    pub people_only: bool,
}

/// What one language brings: its patterns, negations and the nouns that name systems.
pub(super) struct Lexicon {
    pub patterns: &'static [Pattern],
    /// A negation in the three words before the match cancels it ("nicht offensichtlich", "no era obvio").
    pub negations: &'static [&'static str],
    /// Stems of nouns that name a system, a job or an alarm.
    pub systems: &'static [&'static str],
    /// Words that name people or the team.
    pub people: &'static [&'static str],
    /// Articles, which come before a system noun that is the subject.
    pub articles: &'static [&'static str],
    /// Capitalised words at a sentence's start that name no one ("Danach", "Según").
    pub adverbs: &'static [&'static str],
    /// Statements put the subject after the verb too ("Dann hätte der Job…"); otherwise only
    /// questions do ("¿Por qué no saltó la alerta?"), and a noun after the verb is its object.
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
            let Some(end) = match_at(w, i, pattern.toks) else { continue };
            let negated = (i.saturating_sub(3)..i).any(|k| k >= w[i].sentence_first && lexicon.negations.contains(&w[k].lower.as_str()));
            if negated || pattern.people_only && about_a_system(w, i, end, lexicon) {
                continue;
            }
            found.push(Finding { rule: pattern.rule.id, start: w[i].start, end: w[end].end, reason: pattern.rule.reason, suggestion: pattern.rule.suggestion });
        }
    }
    super::one_per_stretch(found)
}

/// The index of the last word when `toks` match from word `i`, within its sentence.
fn match_at(w: &[Word], i: usize, toks: &[Tok]) -> Option<usize> {
    let (first, rest) = toks.split_first()?;
    let word = w.get(i)?;
    let fits = match first {
        Tok::Word(options) => options.contains(&word.lower.as_str()),
        Tok::Stem(stems) => stems.iter().any(|s| word.lower.starts_with(s)),
        Tok::Gap(n) => {
            // Skip 0..=n words, then the rest must match; the gap never crosses a sentence.
            return (0..=*n).find_map(|skip| {
                let at = i + skip;
                (at < w.len() && w[at].sentence == word.sentence).then(|| match_at(w, at, rest)).flatten()
            });
        }
    };
    if !fits {
        return None;
    }
    match rest.first() {
        None => Some(i),
        Some(_) => w.get(i + 1).filter(|next| next.sentence == word.sentence).and_then(|_| match_at(w, i + 1, rest)),
    }
}

/// Whether the one doing it, in the match from word `i` to `end`, is a system: an article and a
/// system noun right before the match ("Der Job hätte…", "el proceso debería…"), or, with no
/// one named before the match, right after its first words ("Warum hat der Alarm nicht…",
/// "¿Por qué no saltó la alerta?"), with no person or name in between.
fn about_a_system(w: &[Word], i: usize, end: usize, lexicon: &Lexicon) -> bool {
    let sentence = w[i].sentence;
    let in_sentence = |k: usize| w.get(k).filter(|x| x.sentence == sentence);
    let system_at = |k: usize| {
        in_sentence(k).is_some_and(|a| lexicon.articles.contains(&a.lower.as_str()))
            && in_sentence(k + 1).is_some_and(|n| lexicon.systems.iter().any(|s| n.lower.starts_with(s)))
    };
    if i >= 2 && system_at(i - 2) {
        return true;
    }
    let named_before = i > w[i].sentence_first && is_someone(&w[i - 1], lexicon);
    if named_before || !(lexicon.subject_after_verb || w[i].question) {
        return false;
    }
    for k in i + 1..=end + 3 {
        let Some(word) = in_sentence(k) else { break };
        if system_at(k) {
            return true;
        }
        if is_someone(word, lexicon) {
            return false;
        }
    }
    false
}

/// A word that names a person or the team: from the list, or a capitalised word that is not a
/// known noun, article or sentence adverb (German capitalises every noun, so the lists matter).
fn is_someone(word: &Word, lexicon: &Lexicon) -> bool {
    let lower = word.lower.as_str();
    lexicon.people.contains(&lower)
        || word.capitalised && !lexicon.systems.iter().any(|s| lower.starts_with(s)) && !lexicon.articles.contains(&lower) && !lexicon.adverbs.contains(&lower)
}
