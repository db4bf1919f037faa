//! Who does it, in German and Spanish: the subject analysis the pattern engine asks before a
//! rule that is only about people fires. Like the English one (`subject.rs`) it tells a person,
//! a name or the team from a system; unlike it, it reads a language that drops the subject
//! ("Olvidó el flag") or puts it after the verb ("Dann hätte der Job…", "¿Por qué no saltó
//! la alerta?"), and one that capitalises every noun.

use super::lexicon::Lexicon;
use super::words::Word;

/// A noun naming a system: one of the stems, or a compound ending in one ("Health-Check",
/// "Cronjob"); a compound ending in a role ("Datenbankteam") names people.
fn is_system(word: &Word, lexicon: &Lexicon) -> bool {
    let lower = word.lower.as_str();
    !is_role(word, lexicon) && lexicon.systems.iter().any(|s| lower.starts_with(s) || lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// A word for people or a role: from the list, or a noun with a role's stem or ending.
fn is_role(word: &Word, lexicon: &Lexicon) -> bool {
    let lower = word.lower.as_str();
    lexicon.people.contains(&lower) || lexicon.roles.iter().any(|r| lower.starts_with(r) || lower.ends_with(r))
}

/// A capitalised word that is probably someone's name: not an acronym, not an article, an
/// adverb or a known noun, and (in German, where every noun is capitalised) without an article
/// before it or a noun's ending.
fn is_name(w: &[Word], k: usize, lexicon: &Lexicon) -> bool {
    let word = &w[k];
    let lower = word.lower.as_str();
    word.capitalised
        && !word.all_caps
        && !is_system(word, lexicon)
        && !lexicon.articles.contains(&lower)
        && !lexicon.adverbs.contains(&lower)
        && !lexicon.noun_endings.iter().any(|e| lower.ends_with(e))
        && !(k > word.sentence_first && lexicon.articles.contains(&w[k - 1].lower.as_str()))
}

/// A word that names a person, a role or the team.
fn is_someone(w: &[Word], k: usize, lexicon: &Lexicon) -> bool {
    is_role(&w[k], lexicon) || is_name(w, k, lexicon)
}

/// An article and a system noun from word `k`, in the sentence of word `i`.
fn system_at(w: &[Word], k: usize, sentence: usize, lexicon: &Lexicon) -> bool {
    let in_sentence = |k: usize| w.get(k).filter(|x| x.sentence == sentence);
    in_sentence(k).is_some_and(|a| lexicon.articles.contains(&a.lower.as_str())) && in_sentence(k + 1).is_some_and(|n| is_system(n, lexicon))
}

/// Whether the noun at `k` is an object, after a preposition or a finite verb with its article
/// or without: "en el clúster equivocado", "Lanzaste el script".
fn is_object(w: &[Word], k: usize, lexicon: &Lexicon) -> bool {
    let first = w[k].sentence_first;
    let before = if k > first && lexicon.articles.contains(&w[k - 1].lower.as_str()) { k - 1 } else { k };
    let Some(marker) = before.checked_sub(1).filter(|&m| m >= first).map(|m| &w[m]) else { return false };
    lexicon.object_markers.contains(&marker.lower.as_str()) || ends_in(marker, lexicon.object_after_verb) || ends_in(marker, lexicon.object_after_past)
}

/// A word of four letters or more with one of these endings: a verb's person or tense.
fn ends_in(word: &Word, endings: &[&str]) -> bool {
    word.lower.chars().count() >= 4 && endings.iter().any(|e| word.lower.ends_with(e))
}

/// Whether the one doing it, in the match from word `i` to `end`, is a system. The nearest
/// party before the match in its clause decides ("El proceso olvidó…", "Der Load Balancer
/// hat…"); with none, the subject after the verb does where the language puts it there, in
/// questions and in conditions ("Hätte der Check gegriffen…", "Si la comprobación hubiera…").
pub(super) fn about_a_system(w: &[Word], i: usize, end: usize, lexicon: &Lexicon) -> bool {
    let first = w[i].sentence_first;
    for k in (first..i).rev() {
        if lexicon.clause_breaks.contains(&w[k].lower.as_str()) {
            break;
        }
        if is_system(&w[k], lexicon) && !is_object(w, k, lexicon) {
            // "Das Team hat die Tests bewusst übersprungen": after the auxiliary, an object
            let subject_before = (first..k).rev().skip_while(|&j| !lexicon.auxiliaries.contains(&w[j].lower.as_str())).any(|j| is_someone(w, j, lexicon));
            return !subject_before;
        }
        if is_someone(w, k, lexicon) {
            return false;
        }
    }
    let sentence = w[i].sentence;
    // The verb's own subject sits inside the match in "si … hubiera", after it in German.
    let last = if lexicon.subject_after_verb || w[i].question { end + 3 } else { end };
    for k in i + 1..=last {
        let Some(word) = w.get(k).filter(|x| x.sentence == sentence) else { break };
        // "¿Por qué no revisamos los backups?": the verb's person says who does it.
        if ends_in(word, lexicon.object_after_verb) {
            return false;
        }
        if system_at(w, k, sentence, lexicon) || is_system(word, lexicon) && k > i + 1 && !is_someone(w, k - 1, lexicon) {
            return true;
        }
        if is_someone(w, k, lexicon) {
            return false;
        }
    }
    false
}

/// Whether the sentence dates the moment before word `i` ("Um 10:12", "A las 15:10 ya",
/// "wurde offensichtlich"): then "it was clear" is when it became known, not hindsight.
pub(super) fn dated(w: &[Word], i: usize, lexicon: &Lexicon) -> bool {
    (w[i].sentence_first..i).any(|k| w[k].lower.chars().all(|c| c.is_ascii_digit()) || lexicon.moments.contains(&w[k].lower.as_str()))
}

/// The last word of someone named from word `i`: an article, at most two other words and a
/// person's word ("die neue Kollegin", "el nuevo de guardia"), or a name ("Stefan").
pub(super) fn someone_from(w: &[Word], i: usize, lexicon: &Lexicon) -> Option<usize> {
    let sentence = w[i].sentence;
    let mut k = i;
    if lexicon.articles.contains(&w[i].lower.as_str()) {
        k += 1;
    }
    for _ in 0..3 {
        let word = w.get(k).filter(|x| x.sentence == sentence)?;
        if is_role(word, lexicon) || k == i && is_name(w, k, lexicon) {
            return Some(k);
        }
        // A capitalised noun that is no one ends the search ("wegen eines fehlenden Secrets").
        if word.capitalised || k == i {
            return None;
        }
        k += 1;
    }
    None
}
