//! The coach's German: its explanations, written in German, and the wordings it looks for.

use super::patterns::{Lexicon, Pattern, Tok};
use super::rules::Rule;
use Tok::{Gap, Stem, Word};

const SHOULD_HAVE: Rule = Rule {
    id: "hindsight-should-have",
    reason: "„Hätte … sollen“ misst eine Entscheidung von damals an dem, was wir heute wissen – das ist der Blick im Rückblick.",
    suggestion: "Beschreibt, was in dem Moment bekannt war und warum die Entscheidung damals vernünftig wirkte.",
};
const FAILED_TO: Rule = Rule {
    id: "blame-failed-to",
    reason: "„Hat versäumt“ macht das Handeln einer Person zur Ursache und beendet die Suche dort.",
    suggestion: "Schreibt, was geschah und was im Weg stand: „Die Prüfung lief nicht, weil …“.",
};
const PERSON_MISTAKE: Rule = Rule {
    id: "blame-person-mistake",
    reason: "Steht eine Person als Subjekt eines Fehlers da, zeigt der Satz auf Schuld statt auf das System.",
    suggestion: "Macht die Handlung zum Subjekt: „Der Schritt wurde ausgelassen, während …“.",
};
const HUMAN_ERROR: Rule = Rule {
    id: "blame-human-error",
    reason: "„Menschliches Versagen“ beendet die Untersuchung genau dort, wo sie anfangen sollte.",
    suggestion: "Fragt, was die Handlung leicht falsch machbar machte: Oberfläche, Voreinstellungen, Zeitdruck, verfügbare Informationen.",
};
const CHARACTER: Rule = Rule {
    id: "blame-character",
    reason: "Ein Urteil über den Charakter (nachlässig, leichtsinnig …) erklärt nichts am System.",
    suggestion: "Beschreibt die Umstände: Arbeitslast, Zeitdruck, was die Werkzeuge anzeigten.",
};
const FAULT: Rule = Rule {
    id: "blame-fault",
    reason: "Wer nach Schuld fragt, lernt nicht, was das Ergebnis möglich gemacht hat.",
    suggestion: "Beschreibt die Bedingungen, die zusammenkamen, ohne zu sagen, wessen sie waren.",
};
const OBVIOUS: Rule = Rule {
    id: "hindsight-obvious",
    reason: "Was heute offensichtlich ist, war es damals selten – das ist Rückschaufehler.",
    suggestion: "Beschreibt, welche Signale damals vorlagen und wie sie in dem Moment aussahen.",
};
const JUST: Rule = Rule {
    id: "counterfactual-just",
    reason: "„Hätte nur … müssen“ lässt die Lösung trivial und die Beteiligten unachtsam erscheinen.",
    suggestion: "Beschreibt, was es gebraucht hätte, und was dem im Weg stand.",
};
const WHY_DIDNT: Rule = Rule {
    id: "counterfactual-why-didnt",
    reason: "„Warum hat … nicht?“ drängt Menschen in die Verteidigung.",
    suggestion: "Fragt: „Was ließ das in dem Moment als das Vernünftige erscheinen?“",
};
const DIDNT_BOTHER: Rule = Rule {
    id: "blame-didnt-bother",
    reason: "„Hat sich nicht die Mühe gemacht“ unterstellt ein Motiv, das niemand kennen kann.",
    suggestion: "Sagt, was nicht getan wurde, und fragt, warum es damals unnötig schien.",
};
const IDIOM: Rule = Rule {
    id: "blame-idiom",
    reason: "Eine Redewendung wie „Mist gebaut“ sagt, dass jemand das Team im Stich gelassen hat – und nichts darüber, wie.",
    suggestion: "Sagt, was mit der Arbeit geschah und was es leicht machte, sie zu verlieren: die Übergabe, die Warteschlange, die Signale.",
};
const IF_ONLY: Rule = Rule {
    id: "counterfactual-if-only",
    reason: "„Wenn … nur …“ beschreibt eine Welt, die es nicht gab, statt der, die es gab.",
    suggestion: "Beschreibt, was tatsächlich geschah und was den anderen Weg damals unwahrscheinlich machte.",
};

const HAETTE: &[&str] = &["hätte", "hätten", "hättest", "hättet"];
const HAT: &[&str] = &["hat", "haben", "hatte", "hatten", "hast", "habt"];

pub(super) static LEXICON: Lexicon = Lexicon {
    patterns: &[
        // "hätte einfach nur … müssen", "musste nur", before "hätte … müssen" claims the words
        Pattern {
            rule: &JUST,
            toks: &[Word(HAETTE), Gap(4), Word(&["nur", "einfach", "bloß"]), Gap(5), Word(&["müssen", "sollen", "brauchen"])],
            people_only: true,
        },
        Pattern {
            rule: &JUST,
            toks: &[
                Word(&["musste", "mussten", "brauchte", "brauchten", "muss", "müssen"]),
                Gap(1),
                Word(&["doch", "nur", "bloß", "einfach"]),
                Word(&["nur", "bloß", "einfach"]),
            ],
            people_only: true,
        },
        Pattern { rule: &JUST, toks: &[Word(&["musste", "mussten", "brauchte", "brauchten"]), Word(&["nur", "bloß"])], people_only: true },
        Pattern { rule: &JUST, toks: &[Word(&["man"]), Word(&["hätte"]), Word(&["einfach", "nur", "bloß"])], people_only: false },
        Pattern { rule: &SHOULD_HAVE, toks: &[Word(HAETTE), Gap(7), Word(&["sollen", "müssen"])], people_only: true },
        Pattern { rule: &SHOULD_HAVE, toks: &[Word(&["hätte", "hätten"]), Word(&["es"]), Word(&["besser"]), Word(&["wissen"])], people_only: true },
        Pattern {
            rule: &OBVIOUS,
            toks: &[Word(&["jeder", "jede", "jedem", "jeden"]), Word(&["hätte"]), Gap(4), Word(&["sehen", "erkennen", "merken", "bemerken", "wissen"])],
            people_only: false,
        },
        Pattern { rule: &OBVIOUS, toks: &[Stem(&["offensichtlich", "offenkundig", "selbstverständlich"])], people_only: false },
        Pattern { rule: &OBVIOUS, toks: &[Word(&["war", "ist"]), Word(&["doch", "eigentlich"]), Word(&["klar", "eindeutig"])], people_only: false },
        Pattern { rule: &OBVIOUS, toks: &[Word(&["war", "ist"]), Word(&["klar", "eindeutig"]), Word(&["dass"])], people_only: false },
        Pattern { rule: &HUMAN_ERROR, toks: &[Stem(&["menschlich"]), Word(&["fehler", "versagen", "irrtum"])], people_only: false },
        Pattern {
            rule: &HUMAN_ERROR,
            toks: &[Stem(&["bedienfehler", "bedienungsfehler", "anwenderfehler", "benutzerfehler", "bedienerfehler"])],
            people_only: false,
        },
        Pattern {
            rule: &FAULT,
            toks: &[Word(&["schuld", "schuldig", "schuldige", "schuldigen", "schuldiger", "sündenbock", "verschuldet"])],
            people_only: false,
        },
        Pattern { rule: &FAULT, toks: &[Word(&["die"]), Word(&["schuld"])], people_only: false },
        Pattern {
            rule: &CHARACTER,
            toks: &[Stem(&[
                "nachlässig",
                "schlampig",
                "unachtsam",
                "unaufmerksam",
                "leichtsinnig",
                "inkompetent",
                "fahrlässig",
                "unfähig",
                "gedankenlos",
                "unvorsichtig",
                "schusselig",
                "verantwortungslos",
                "faulheit",
            ])],
            people_only: false,
        },
        Pattern { rule: &CHARACTER, toks: &[Word(&["zu"]), Word(&["faul"])], people_only: false },
        Pattern { rule: &CHARACTER, toks: &[Word(&["nicht"]), Word(&["aufgepasst"])], people_only: false },
        Pattern { rule: &DIDNT_BOTHER, toks: &[Word(&["nicht", "keine"]), Word(&["die"]), Word(&["mühe"]), Word(&["gemacht", "machen"])], people_only: false },
        Pattern { rule: &DIDNT_BOTHER, toks: &[Word(&["sich"]), Word(&["nicht"]), Word(&["die"]), Word(&["mühe"])], people_only: false },
        Pattern { rule: &FAILED_TO, toks: &[Word(HAT), Gap(5), Word(&["versäumt"])], people_only: true },
        Pattern { rule: &FAILED_TO, toks: &[Word(&["versäumte", "versäumten"])], people_only: true },
        Pattern { rule: &FAILED_TO, toks: &[Word(HAT), Word(&["es"]), Word(&["nicht"]), Word(&["geschafft"])], people_only: true },
        Pattern {
            rule: &PERSON_MISTAKE,
            toks: &[Word(HAT), Gap(5), Word(&["vergessen", "verbockt", "vermasselt", "verpatzt", "verschlampt"])],
            people_only: true,
        },
        Pattern { rule: &PERSON_MISTAKE, toks: &[Word(&["vergaß", "vergaßen", "verbockte", "vermasselte", "verpatzte"])], people_only: true },
        Pattern { rule: &IDIOM, toks: &[Word(&["mist"]), Word(&["gebaut", "bauen", "gemacht"])], people_only: false },
        Pattern { rule: &IDIOM, toks: &[Word(&["den"]), Word(&["ball"]), Word(&["fallen"])], people_only: false },
        Pattern { rule: &WHY_DIDNT, toks: &[Word(&["warum", "wieso", "weshalb"]), Gap(4), Word(&["nicht", "niemand", "keiner", "nie"])], people_only: true },
        Pattern {
            rule: &IF_ONLY,
            toks: &[Word(&["wenn", "hätte", "hätten"]), Gap(4), Word(&["nur"]), Gap(6), Word(&["hätte", "hätten", "wäre", "wären"])],
            people_only: true,
        },
    ],
    negations: &["nicht", "kein", "keine", "keineswegs", "niemand", "nie", "keinesfalls"],
    systems: &[
        "job",
        "dienst",
        "service",
        "system",
        "server",
        "prüfung",
        "check",
        "pipeline",
        "alarm",
        "cron",
        "deployment",
        "skript",
        "script",
        "datenbank",
        "backup",
        "sicherung",
        "monitoring",
        "replik",
        "cluster",
        "load",
        "balancer",
        "prozess",
        "task",
        "aufgabe",
        "migration",
        "api",
        "knoten",
        "container",
        "pod",
        "zertifikat",
        "regel",
        "konfiguration",
        "queue",
        "warteschlange",
        "cache",
        "build",
        "test",
        "failover",
        "switch",
        "router",
        "firewall",
        "speicher",
    ],
    people: &[
        "ich",
        "du",
        "er",
        "sie",
        "wir",
        "ihr",
        "man",
        "jemand",
        "niemand",
        "keiner",
        "team",
        "kollege",
        "kollegin",
        "entwickler",
        "entwicklerin",
        "admin",
        "bereitschaft",
        "support",
    ],
    articles: &["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "unser", "unsere", "unserem"],
    subject_after_verb: true,
    adverbs: &[
        "dann",
        "danach",
        "eigentlich",
        "also",
        "gestern",
        "heute",
        "damals",
        "normalerweise",
        "laut",
        "plan",
        "auch",
        "doch",
        "hier",
        "dort",
        "ehrlich",
        "gesagt",
        "zuerst",
        "später",
        "um",
        "nach",
        "vor",
        "im",
        "am",
        "bei",
        "wenn",
        "warum",
        "wieso",
        "weshalb",
        "wer",
        "was",
        "es",
        "so",
    ],
};
