//! The pattern engine the German and Spanish coaches share: a pattern is a word sequence within
//! one sentence (words, stems, endings, gaps and someone named), skipped in quotes, after a
//! negation, or when the one doing it is a system (see `doer.rs`). Each language brings its
//! patterns and word lists as a [`Lexicon`].

use super::doer::{about_a_system, dated, someone_from};
use super::lexicon::{Lexicon, Tok};
use super::words::Word;
use super::Finding;

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
