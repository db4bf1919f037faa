//! The coach's German: its explanations, written in German, and the wordings it looks for.

use super::lexicon::{Lexicon, Pattern, Tok};
use super::rules::Rule;
use Tok::{Gap, Opening, Someone, Stem, Word};

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

const PERSON_AS_CAUSE: Rule = Rule {
    id: "blame-person-as-cause",
    reason: "Wird eine Person als Ursache genannt, endet die Untersuchung bei ihr, statt ins System weiterzugehen.",
    suggestion: "Nennt die Handlung und die Umstände: „Der Neustart lief, während die Replik im Rückstand war, weil …“.",
};
const CULPRIT_QUESTION: Rule = Rule {
    id: "blame-culprit-question",
    reason: "„Wer war das?“ sucht einen Schuldigen – und die Leute hören auf zu erzählen, was sie wissen.",
    suggestion: "Fragt, wie es dazu kam: „Wie kam die Änderung ohne zweiten Blick in Produktion?“",
};
const QUESTION_TO_PERSON: Rule = Rule {
    id: "question-to-person",
    reason: "Eine Frage an eine Person („Warum hast du …?“) drängt sie in die Rechtfertigung.",
    suggestion: "Fragt nach der Lage: „Was ließ das Deployment um 17:55 damals vernünftig erscheinen?“",
};
const STATE_OF_MIND: Rule = Rule {
    id: "blame-state-of-mind",
    reason: "Ein Gemütszustand (Panik, Ablenkung, Stress) ist eine Vermutung über eine Person, keine Bedingung, die wir ändern können.",
    suggestion: "Beschreibt die Lage der Person: die Last, die Alarme, die Uhrzeit, was die Werkzeuge zeigten.",
};

/// The subjunctive of "haben", with the forms people type in chat ("hätt", "hättste", "hätten's").
const HAETTE: &[&str] = &["hätte", "hätten", "hättest", "hättet", "hätt", "hättste", "hätt's", "hätten's", "hättes"];
const HAT: &[&str] = &["hat", "haben", "hatte", "hatten", "hast", "habt", "habe", "hab"];
/// "Would have been", "had": the second half of a condition ("…, wäre das nicht passiert").
const WAERE: &[&str] = &["hätte", "hätten", "hättest", "wäre", "wären", "wärst", "würde", "würden"];
const WHY: &[&str] = &["warum", "wieso", "weshalb", "weswegen"];
const ONLY: &[&str] = &["nur", "einfach", "bloß", "doch"];
const MUST: &[&str] = &["müssen", "sollen", "dürfen"];
const EVERYONE: &[&str] = &["jeder", "jede", "jedem", "jeden"];
const CLEAR: &[&str] = &["klar", "eindeutig", "offensichtlich", "sonnenklar", "glasklar", "absehbar", "vorhersehbar"];
/// Past participles of messing it up, a person's doing.
const MESSED_UP: &[&str] = &["verbockt", "vermasselt", "verpatzt", "vergeigt", "versemmelt", "verkackt", "verhauen", "verbaselt"];
const SLEPT: &[&str] = &["geschlafen", "gepennt", "verpennt"];

pub(super) static LEXICON: Lexicon = Lexicon {
    patterns: &[
        // "hätte einfach nur … müssen" before "hätte … müssen" claims the words.
        Pattern::people(&JUST, &[Word(HAETTE), Gap(4), Word(&["nur", "einfach", "bloß"]), Gap(5), Word(&["müssen", "sollen", "brauchen", "können"])]),
        Pattern::people(
            &JUST,
            &[Word(&["musste", "mussten", "brauchte", "brauchten", "muss", "müssen"]), Gap(1), Word(ONLY), Word(&["nur", "bloß", "einfach"])],
        ),
        Pattern::people(&JUST, &[Word(&["musste", "mussten", "brauchte", "brauchten"]), Word(&["nur", "bloß"])]),
        Pattern::any(&JUST, &[Word(&["man"]), Word(&["hätte"]), Word(&["einfach", "nur", "bloß"])]),
        // "Es hätte gereicht, …", "hätte ein Blick genügt"
        Pattern::any(&JUST, &[Word(HAETTE), Gap(5), Word(&["gereicht", "genügt", "ausgereicht"])]),
        // "Jeder hätte sehen können", "Jedem Admin hätte klar sein müssen", "Das hätte jeder sehen können"
        Pattern::any(
            &OBVIOUS,
            &[Word(EVERYONE), Gap(1), Word(&["hätte"]), Gap(4), Word(&["sehen", "erkennen", "merken", "bemerken", "wissen", "müssen", "können"])],
        ),
        Pattern::any(&OBVIOUS, &[Word(&["hätte"]), Word(EVERYONE), Gap(3), Word(&["können", "müssen"])]),
        Pattern::people(&SHOULD_HAVE, &[Word(HAETTE), Gap(9), Word(MUST)]),
        Pattern::people(&SHOULD_HAVE, &[Word(&["hätte", "hätten"]), Word(&["es"]), Word(&["besser"]), Word(&["wissen"])]),
        // "Hättste mal vorher gefragt": a reproach in the second person
        Pattern::people(&SHOULD_HAVE, &[Opening(&["hättest", "hättste", "hättet"]), Gap(1), Word(&["mal"])]),
        Pattern::any(&OBVIOUS, &[Stem(&["offensichtlich", "offenkundig", "selbstverständlich", "sonnenklar", "glasklar", "vorhersehbar"])]).unless_dated(),
        Pattern::any(&OBVIOUS, &[Word(&["war", "ist"]), Word(&["doch", "eigentlich"]), Word(CLEAR)]).unless_dated(),
        Pattern::any(&OBVIOUS, &[Word(&["war", "ist"]), Word(&["klar", "eindeutig"]), Word(&["dass"])]).unless_dated(),
        Pattern::any(&OBVIOUS, &[Word(&["war", "ist"]), Word(&["klar", "eindeutig", "deutlich"]), Word(&["zu"]), Word(&["erkennen", "sehen"])]).unless_dated(),
        Pattern::any(&OBVIOUS, &[Word(&["von"]), Word(&["vornherein", "anfang"]), Gap(1), Word(CLEAR)]),
        // "Es lag auf der Hand"
        Pattern::any(&OBVIOUS, &[Word(&["lag", "liegt"]), Gap(1), Word(&["auf"]), Word(&["der"]), Word(&["hand"])]),
        Pattern::any(&HUMAN_ERROR, &[Stem(&["menschlich"]), Word(&["fehler", "versagen", "irrtum"])]),
        Pattern::any(&HUMAN_ERROR, &[Stem(&["bedienfehler", "bedienungsfehler", "anwenderfehler", "benutzerfehler", "bedienerfehler"])]),
        Pattern::any(
            &HUMAN_ERROR,
            &[Word(&["fehler", "versagen"]), Word(&["des", "der"]), Stem(&["operator", "bediener", "anwender", "benutzer", "nutzer", "mitarbeiter"])],
        ),
        Pattern::any(&FAULT, &[Word(&["schuld", "schuldig", "schuldige", "schuldigen", "schuldiger", "sündenbock", "verschuldet"])]),
        Pattern::any(&FAULT, &[Word(&["die"]), Word(&["schuld"])]),
        Pattern::people(
            &FAULT,
            &[
                Word(&["für"]),
                Gap(2),
                Stem(&["ausfall", "vorfall", "fehler", "schaden", "datenleck", "störung", "incident", "chaos", "desaster"]),
                Gap(1),
                Word(&["verantwortlich"]),
            ],
        ),
        Pattern::any(&FAULT, &[Word(&["verantwortung", "schuld"]), Gap(4), Word(&["trägt", "tragen", "trug", "liegt", "lag"])]),
        Pattern::any(&FAULT, &[Word(&["auf"]), Gap(1), Word(&["kappe"])]),
        Pattern::any(&FAULT, &[Word(&["geradestehen", "geradegestanden"])]),
        Pattern::people(&FAULT, &[Word(&["zu"]), Word(&["verantworten"])]),
        Pattern::any(
            &FAULT,
            &[
                Word(&["gehört", "gehören", "sollte", "sollten", "müsste", "muss"]),
                Gap(2),
                Word(&["abgemahnt", "gefeuert", "entlassen", "rausgeworfen", "bestraft"]),
            ],
        ),
        Pattern::any(
            &CHARACTER,
            &[Stem(&[
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
                "dilettantisch",
                "stümperhaft",
                "schlamperei",
                "gepfuscht",
                "pfusch",
                "anfängerfehler",
            ])],
        ),
        Pattern::any(&CHARACTER, &[Word(&["zu", "so"]), Word(&["faul", "bequem", "dumm", "blöd"])]),
        Pattern::any(&CHARACTER, &[Word(&["nicht"]), Word(&["aufgepasst"])]),
        Pattern::any(&DIDNT_BOTHER, &[Word(&["nicht", "keine", "keiner", "niemand"]), Gap(3), Word(&["die"]), Word(&["mühe"])]),
        Pattern::people(&DIDNT_BOTHER, &[Word(HAT), Gap(4), Word(&["ignoriert"])]),
        Pattern::people(&DIDNT_BOTHER, &[Word(&["ignorierte", "ignorierten"])]),
        Pattern::any(&DIDNT_BOTHER, &[Word(&["für"]), Word(&["nötig", "notwendig"]), Word(&["gehalten", "hielt", "hielten"])]).even_negated(),
        Pattern::people(&DIDNT_BOTHER, &[Word(&["bewusst", "absichtlich", "wissentlich"]), Word(&["übersprungen", "ignoriert", "ausgelassen", "umgangen"])]),
        Pattern::any(&DIDNT_BOTHER, &[Word(&["war", "ist", "waren"]), Gap(3), Word(&["egal", "wurscht", "schnuppe"])]),
        Pattern::people(&FAILED_TO, &[Word(HAT), Gap(5), Word(&["versäumt", "verpasst", "unterlassen"])]),
        Pattern::people(&FAILED_TO, &[Word(&["versäumte", "versäumten", "unterließ"])]),
        Pattern::people(&FAILED_TO, &[Word(HAT), Word(&["es"]), Word(&["nicht"]), Word(&["geschafft"])]).even_negated(),
        Pattern::people(&FAILED_TO, &[Word(&["daran"]), Word(&["gescheitert", "scheiterte"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(HAT), Gap(5), Word(&["vergessen", "übersehen", "vertippt", "vertan", "verwechselt", "verschlampt"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(HAT), Gap(4), Stem(&["falsch"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["vergaß", "vergaßen", "übersah", "übersahen", "vertippte", "verwechselte"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["aus"]), Word(&["versehen"])]),
        Pattern::people(&PERSON_MISTAKE, &[Stem(&["versehentlich"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["fehler", "bug"]), Word(&["eingebaut", "eingecheckt", "eingeschleppt", "reingebracht"])]),
        Pattern::people(&IDIOM, &[Word(MESSED_UP)]),
        Pattern::people(&IDIOM, &[Word(&["verbockte", "vermasselte", "verpatzte", "vergeigte", "versemmelte"])]),
        Pattern::people(&IDIOM, &[Word(HAT), Gap(3), Word(SLEPT)]),
        Pattern::any(&IDIOM, &[Word(&["mist"]), Word(&["gebaut", "bauen", "gemacht"])]),
        Pattern::any(&IDIOM, &[Word(&["den"]), Word(&["ball"]), Word(&["fallen"])]),
        Pattern::any(&IDIOM, &[Word(&["an"]), Word(&["die"]), Word(&["wand"]), Word(&["gefahren", "fahren", "fuhr"])]),
        // Questions put to "du" or "ihr" before the why-didn't ones claim the words.
        Pattern::any(&QUESTION_TO_PERSON, &[Word(WHY), Gap(1), Word(&["du", "ihr"])]).in_question(),
        Pattern::any(&QUESTION_TO_PERSON, &[Word(&["was"]), Word(&["hast", "habt"]), Word(&["du", "ihr"]), Gap(3), Word(&["gedacht"])]).in_question(),
        Pattern::any(&QUESTION_TO_PERSON, &[Word(&["wie"]), Word(&["konntest", "kannst", "konntet", "könnt"]), Word(&["du", "ihr"])]).in_question(),
        Pattern::people(&WHY_DIDNT, &[Word(WHY), Gap(4), Word(&["nicht", "niemand", "keiner", "nie", "kein", "keine", "keinen"])]),
        Pattern::people(&IF_ONLY, &[Word(&["wenn", "hätte", "hätten"]), Gap(4), Word(ONLY), Gap(6), Word(WAERE)]),
        // A wish or a condition with the verb first: "Hätten wir nur…", "Wäre sie doch…",
        // "Hätte er den Diff gelesen, wäre…".
        Pattern::people(&IF_ONLY, &[Opening(&["hätte", "hätten", "hättest", "wäre", "wären", "wärst"]), Gap(2), Word(&["nur", "bloß", "doch"])]),
        Pattern::people(&IF_ONLY, &[Opening(&["hätte", "hätten", "hättest", "wäre", "wären", "wärst"]), Gap(8), Word(WAERE)]),
        Pattern::people(&IF_ONLY, &[Word(&["wenn", "falls"]), Gap(8), Word(&["hätte", "hätten", "hättest", "wäre", "wären"]), Word(WAERE)]),
        Pattern::any(&PERSON_AS_CAUSE, &[Word(&["ursache", "auslöser", "grund"]), Gap(3), Word(&["war", "ist", "waren"]), Someone]),
        Pattern::any(&PERSON_AS_CAUSE, &[Word(&["wegen"]), Someone]),
        Pattern::any(&PERSON_AS_CAUSE, &[Word(&["geht", "ging", "gehen"]), Gap(2), Word(&["auf"]), Someone, Word(&["zurück"])]),
        Pattern::any(&CULPRIT_QUESTION, &[Opening(&["wer"]), Word(&["hat", "war", "haben"])]).in_question(),
        Pattern::any(&CULPRIT_QUESTION, &[Opening(&["wessen"])]).in_question(),
        Pattern::any(&CULPRIT_QUESTION, &[Opening(&["welcher", "welche"]), Someone, Word(&["hat", "war"])]).in_question(),
        Pattern::people(&STATE_OF_MIND, &[Word(&["in"]), Word(&["panik"])]),
        Pattern::people(&STATE_OF_MIND, &[Stem(&["gestresst", "unkonzentriert", "überfordert", "abgelenkt", "übermüdet", "kopflos", "panisch", "hektisch"])]),
        Pattern::people(&STATE_OF_MIND, &[Word(&["zu"]), Word(&["müde"])]),
        Pattern::people(&STATE_OF_MIND, &[Word(&["nerven"]), Word(&["verloren"])]),
    ],
    negation_reach: 4,
    object_markers: &[],
    object_after_verb: &[],
    object_after_past: &[],
    negations: &["nicht", "kein", "keine", "keinen", "keinem", "keiner", "keineswegs", "niemand", "nie", "keinesfalls"],
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
        "canary",
        "parser",
    ],
    people: &["ich", "du", "er", "sie", "wir", "ihr", "man", "jemand", "niemand", "keiner", "einer", "bereitschaft", "support"],
    roles: &[
        "team",
        "kolleg",
        "entwickler",
        "admin",
        "praktikant",
        "reviewer",
        "operator",
        "bediener",
        "mitarbeiter",
        "ingenieur",
        "werkstudent",
        "azubi",
        "techniker",
        "betreiber",
    ],
    articles: &["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "unser", "unsere", "unserem"],
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
        "uhr",
        "dafür",
        "dabei",
        "spätestens",
        "künftig",
    ],
    noun_endings: &["ung", "heit", "keit", "ion", "tät", "schaft", "nis", "fehler", "problem", "leck", "druck", "mangel", "last", "ausfall"],
    moments: &["um", "gegen", "ab", "erst", "seit", "zeitpunkt", "wurde", "wurden", "nach", "inzwischen", "mittlerweile", "schließlich"],
    clause_breaks: &["dass", "weil", "aber", "sondern", "obwohl", "und"],
    auxiliaries: &["hat", "haben", "hatte", "hatten", "hast", "habt", "habe", "ist", "war", "sind", "waren", "wurde", "wurden"],
};
