//! What a language brings to the pattern engine (`patterns.rs`): its patterns, each a word
//! sequence and the rule it falls under, and the word lists the engine and `doer.rs` read.
//! The data alone, so the engine and the analysis of who does it can both use it without
//! importing each other.

use super::rules::Rule;

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
