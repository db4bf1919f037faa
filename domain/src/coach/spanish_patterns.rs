//! The wordings the Spanish coach looks for, each under its rule (explanations and word lists
//! are in `spanish.rs`). Earlier patterns claim a stretch of text first.

use super::patterns::{Pattern, Tok};
use super::spanish::*;
use Tok::{Ends, Gap, Last, Not, Opening, Someone, Stem, Word};

/// "Should have": deber in the conditional and the past, all persons.
const DEBER: &[&str] = &[
    "debería",
    "deberías",
    "deberíamos",
    "deberíais",
    "deberían",
    "debió",
    "debiste",
    "debimos",
    "debisteis",
    "debieron",
    "debía",
    "debías",
    "debían",
    "hubiera",
    "hubieran",
    "hubiese",
];
/// Deber in the preterite: with a bare infinitive it is hindsight too ("Debieron esperar").
const DEBIO: &[&str] = &["debió", "debiste", "debimos", "debisteis", "debieron"];
const TENER: &[&str] =
    &["tendría", "tendrías", "tendríamos", "tendríais", "tendrían", "tenía", "tenías", "teníamos", "teníais", "tenían", "tuvo", "tuviste", "tuvieron"];
const HABER: &[&str] = &["haber", "habér"];
const HUBIERA: &[&str] = &["hubiera", "hubieras", "hubiéramos", "hubierais", "hubieran", "hubiese", "hubieses", "hubiésemos", "hubiesen"];
/// Haber in the conditional and the past subjunctive: "habríamos tenido que…".
const HABRIA: &[&str] = &["habría", "habrías", "habríamos", "habríais", "habrían", "hubiera", "hubieras", "hubiéramos", "hubieran", "hubiese", "hubiésemos"];
/// Pronouns for whom something matters or not: "le dio igual".
const OBJECT_PRONOUNS: &[&str] = &["le", "les", "me", "te", "nos", "os"];
const NOBODY: &[&str] = &["no", "nadie", "nunca", "ninguno", "ninguna"];
/// A verb in the preterite, for a person's doing ("configuró mal", "lanzaste").
const PRETERITE: &[&str] = &["ó", "aron", "ieron", "aste", "iste", "é", "asteis", "isteis"];

pub(super) const PATTERNS: &[Pattern] = &[
    Pattern::any(
        &JUST,
        &[Word(&["solo", "sólo", "simplemente"]), Word(&["tenía", "tenían", "había", "habría", "con", "hacía"]), Gap(1), Word(&["que", "con"])],
    ),
    // "Bastaba con mirar", not "bastaba con que el disco se llenara" (a condition)
    Pattern::any(&JUST, &[Word(&["bastaba", "bastaría", "basta"]), Word(&["con"]), Ends(&["ar", "er", "ir", "arlo", "erlo", "irlo"])]),
    Pattern::any(
        &JUST,
        &[Word(&["solo", "sólo", "simplemente"]), Word(&["tenía", "tenían", "tenías", "teníais", "teníamos", "había", "habría"]), Word(&["que"])],
    ),
    Pattern::any(&JUST, &[Word(&["con"]), Gap(4), Word(&["habría", "hubiera", "hubiese"]), Word(&["bastado"])]),
    Pattern::any(&JUST, &[Word(&["lo"]), Word(&["único"]), Word(&["que"])]),
    Pattern::any(&JUST, &[Word(&["solo", "sólo", "simplemente"]), Gap(2), Word(&["falta"])]),
    Pattern::any(&JUST, &[Word(&["solo", "sólo", "simplemente"]), Gap(1), Word(&["cuestión"]), Word(&["de"])]),
    Pattern::any(&JUST, &[Word(&["habría", "hubiera", "hubiese"]), Word(&["bastado"])]),
    // "con un simple rollback se habría solucionado", "un reinicio rápido lo habría arreglado"
    Pattern::any(
        &JUST,
        &[
            Word(&["simple", "sencillo", "sencilla", "rápido", "rápida", "mero", "mera", "único", "única"]),
            Gap(3),
            Word(&["habría", "hubiera", "hubiese"]),
            Word(&["arreglado", "solucionado", "evitado", "salvado", "detectado", "resuelto", "parado", "bastado"]),
        ],
    ),
    Pattern::any(&JUST, &[Word(&["tan"]), Word(&["fácil", "sencillo", "simple"]), Word(&["como"])]),
    Pattern::people(&SHOULD_HAVE, &[Word(DEBER), Word(&["de"]), Stem(HABER)]).even_negated(),
    Pattern::people(&SHOULD_HAVE, &[Word(DEBER), Gap(1), Stem(HABER)]).even_negated(),
    Pattern::people(&SHOULD_HAVE, &[Word(DEBER), Gap(1), Word(&["debido"])]).even_negated(),
    Pattern::people(&SHOULD_HAVE, &[Word(DEBIO), Ends(&["ar", "er", "ir", "arlo", "erlo", "irlo"])]).even_negated(),
    Pattern::people(&SHOULD_HAVE, &[Word(TENER), Word(&["que"]), Stem(HABER)]).even_negated(),
    Pattern::people(&SHOULD_HAVE, &[Word(&["habría", "hubiera"]), Word(&["que"]), Stem(HABER)]),
    Pattern::people(&SHOULD_HAVE, &[Word(HABRIA), Word(&["tenido", "debido"]), Word(&["que"])]).even_negated(),
    Pattern::any(&SHOULD_HAVE, &[Word(&["lo"]), Word(&["suyo"]), Word(&["habría", "hubiera", "era"])]),
    Pattern::any(&OBVIOUS, &[Stem(&["obviamente", "evidentemente", "claramente"])]).even_negated(),
    // "era obvio", "era más que evidente"
    Pattern::any(&OBVIOUS, &[Word(&["era", "es", "estaba", "resultaba"]), Gap(2), Word(&["obvio", "evidente", "clarísimo", "cantado"])]).unless_dated(),
    Pattern::any(&OBVIOUS, &[Word(&["salta", "saltaba", "saltó"]), Word(&["a"]), Word(&["la"]), Word(&["vista"])]).unless_dated(),
    Pattern::any(&OBVIOUS, &[Word(&["narices"])]),
    Pattern::any(&OBVIOUS, &[Word(&["dedos"]), Word(&["de"]), Word(&["frente"])]),
    Pattern::any(&OBVIOUS, &[Word(&["estaba", "era"]), Word(&["claro"]), Word(&["que"])]).unless_dated(),
    Pattern::any(&OBVIOUS, &[Word(&["de"]), Word(&["cajón"])]),
    Pattern::any(&OBVIOUS, &[Word(&["se"]), Word(&["veía", "ve", "vio"]), Word(&["venir"])]),
    Pattern::any(&OBVIOUS, &[Word(&["cualquiera"]), Gap(1), Word(&["habría", "hubiera", "podría"]), Gap(2), Word(&["visto", "notado", "dado", "sabido"])]),
    Pattern::any(&HUMAN_ERROR, &[Word(&["error", "errores", "fallo", "fallos"]), Word(&["humano", "humanos"])]),
    Pattern::any(&HUMAN_ERROR, &[Word(&["capa"]), Word(&["8", "ocho"])]),
    Pattern::any(&HUMAN_ERROR, &[Word(&["silla"]), Word(&["y"]), Gap(1), Word(&["teclado"])]),
    Pattern::any(&HUMAN_ERROR, &[Word(&["error", "fallo"]), Word(&["del", "de"]), Word(&["operador", "operadora", "usuario", "usuaria"])]),
    Pattern::any(&FAULT, &[Word(&["culpa", "culpable", "culpables", "culpar", "culpó", "culpamos"])]),
    Pattern::people(
        &FAULT,
        &[
            Word(&["responsable", "responsables", "responsabilidad"]),
            Word(&["de", "del"]),
            Gap(1),
            Stem(&["caída", "incidente", "fallo", "error", "problema", "desastre", "pérdida", "fuga", "corte"]),
        ],
    ),
    Pattern::any(&FAULT, &[Word(&["recae", "recaía", "recayó"]), Word(&["sobre", "en"])]),
    Pattern::any(&FAULT, &[Word(&["pagar"]), Word(&["por"]), Word(&["esto", "eso", "ello"])]),
    Pattern::any(&FAULT, &[Stem(&["despedirl", "sancionarl", "echarl"])]),
    Pattern::any(&FAULT, &[Word(&["despidan", "despida", "sancionen", "sancione"])]),
    Pattern::any(&FAULT, &[Word(&["rendir", "rinda", "rindan", "rindió"]), Word(&["cuentas"])]),
    Pattern::any(&FAULT, &[Word(&["asuma", "asuman", "asumir", "asume", "asumió"]), Gap(1), Word(&["responsabilidad", "culpa"])]),
    Pattern::any(&FAULT, &[Word(&["cosa"]), Word(&["de"]), Someone]),
    Pattern::any(
        &CHARACTER,
        &[Stem(&["descuid", "negligen", "incompetent", "irresponsab", "despistad", "imprudent", "chapucer", "chapuz", "torpe", "dejadez", "novat", "inept"])],
    ),
    // "la carga perezosa" is a technique
    Pattern::any(&CHARACTER, &[Not(&["carga", "evaluación", "inicialización"]), Stem(&["perezos"])]),
    Pattern::any(&CHARACTER, &[Word(&["poco"]), Stem(&["profesional"])]),
    // "un vago", "unos inútiles": a person named by a flaw, not "un mensaje vago"
    Pattern::any(&CHARACTER, &[Word(&["un", "una", "unos", "unas"]), Word(&["vago", "vaga", "vagos", "vagas", "inútil", "inútiles", "negado", "negados"])]),
    Pattern::any(&CHARACTER, &[Word(&["no"]), Gap(1), Word(&["prestó", "prestaron", "prestaba", "prestaban", "prestando"]), Word(&["atención"])]),
    Pattern::any(&DIDNT_BOTHER, &[Word(&["molestó", "molestaron", "molestaste", "molestasteis", "molestaba"])]).even_negated(),
    Pattern::any(&DIDNT_BOTHER, &[Word(&["no", "ni"]), Word(&["se"]), Word(&["tomó", "tomaron"])]),
    Pattern::any(&DIDNT_BOTHER, &[Word(&["la"]), Word(&["molestia"])]).even_negated(),
    Pattern::any(&DIDNT_BOTHER, &[Word(&["nadie"]), Word(&["se"]), Word(&["preocupó", "molestó", "encargó"])]),
    Pattern::people(
        &DIDNT_BOTHER,
        &[
            Word(&["pasó", "pasaron", "pasaste", "pasasteis", "pasamos"]),
            Gap(1),
            Word(&["de"]),
            Word(&["los", "las", "la", "el"]),
            Stem(&["avis", "alert", "alarm", "warning", "log", "test", "prueba", "mensaje"]),
        ],
    ),
    Pattern::people(&DIDNT_BOTHER, &[Word(&["ignoró", "ignoraron", "ignoraste", "ignorasteis", "ignoramos"])]),
    Pattern::people(&DIDNT_BOTHER, &[Word(&["a"]), Word(&["propósito"])]),
    Pattern::any(&DIDNT_BOTHER, &[Word(&["olímpicamente"])]),
    Pattern::any(&DIDNT_BOTHER, &[Word(&["caso"]), Word(&["omiso"])]),
    Pattern::people(&DIDNT_BOTHER, &[Stem(&["decidi", "optó", "optaron", "eligió", "eligieron"]), Word(&["ignorar", "saltarse", "obviar", "pasar"])]),
    // "le dio igual", "les importó un pepino", "le valió madre"
    Pattern::any(&DIDNT_BOTHER, &[Word(OBJECT_PRONOUNS), Word(&["dio", "dieron", "daba", "daban"]), Word(&["igual"])]),
    Pattern::any(
        &DIDNT_BOTHER,
        &[
            Word(OBJECT_PRONOUNS),
            Word(&["importó", "importaba", "importaron"]),
            Gap(1),
            Word(&["pepino", "bledo", "comino", "pimiento", "carajo", "nada", "madre"]),
        ],
    ),
    Pattern::any(&DIDNT_BOTHER, &[Word(OBJECT_PRONOUNS), Word(&["valió", "valía"]), Word(&["madre", "gorro", "queso", "verga"])]),
    Pattern::people(&FAILED_TO, &[Word(&["no"]), Word(&["fue", "fueron", "fuimos"]), Word(&["capaz", "capaces"]), Word(&["de"])]).even_negated(),
    Pattern::people(&FAILED_TO, &[Word(&["no"]), Word(&["supo", "supieron", "consiguió", "consiguieron", "logró", "lograron"])]).even_negated(),
    Pattern::people(&FAILED_TO, &[Word(&["omitió", "omitieron", "omitiste", "omitimos"])]),
    Pattern::people(&FAILED_TO, &[Word(&["no"]), Word(&["se", "me", "te", "nos", "os"]), Stem(&["acord"]), Word(&["de"])]).even_negated(),
    Pattern::people(&FAILED_TO, &[Word(&["fracasó", "fracasaron", "fracasamos", "fracasaste"]), Gap(3), Word(&["de", "en"]), Ends(&["ar", "er", "ir"])]),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["se"]), Word(&["olvidó", "olvidaron", "olvidaba"])]),
    Pattern::people(
        &PERSON_MISTAKE,
        &[Word(&["se"]), Word(&["le", "me", "te", "les", "nos", "os"]), Word(&["olvidó", "olvidaron", "pasó", "pasaron", "escapó", "escaparon"])],
    ),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["olvidó", "olvidaron", "olvidamos", "olvidé", "olvidaste", "olvidasteis"])]),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["equivocó", "equivoqué", "equivocaste", "equivocamos", "equivocaron", "equivocasteis"])]),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["equivocado", "equivocada", "equivocados", "equivocadas"])]),
    Pattern::people(&PERSON_MISTAKE, &[Ends(PRETERITE), Word(&["mal"])]),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["puso", "pusieron", "pusiste", "puse", "hizo", "hicieron", "hiciste", "hice"]), Word(&["mal"])]),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["por"]), Word(&["error"])]),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["no"]), Word(&["vio", "vieron", "viste", "visteis", "notó", "notaron", "detectó", "detectaron"])]).even_negated(),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["confundí", "confundió", "confundiste", "confundimos", "confundieron"])]),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["pasó", "pasaron", "pasaste", "pasamos", "pasé"]), Word(&["por"]), Word(&["alto"])]),
    Pattern::people(&PERSON_MISTAKE, &[Word(&["sin"]), Word(&["querer"])]),
    Pattern::people(
        &PERSON_MISTAKE,
        &[
            Word(&["metió", "metieron", "metiste", "metí", "introdujo", "introdujeron", "introdujiste", "cometió", "cometieron", "cometiste", "cometí"]),
            Word(&["un", "una", "el", "otro"]),
            Word(&["bug", "error", "fallo", "errores", "bugs"]),
        ],
    ),
    Pattern::any(&IDIOM, &[Word(&["metió", "metieron", "metimos", "metiste", "metí", "meter"]), Word(&["la"]), Word(&["pata"])]),
    Pattern::any(&IDIOM, &[Word(&["la"]), Gap(1), Stem(&["lia", "lió", "lie", "lía", "cag", "fastidi", "pifi"])]),
    Pattern::any(&IDIOM, &[Word(&["en"]), Word(&["los"]), Word(&["laureles"])]),
    Pattern::people(&IDIOM, &[Word(&["echó", "echaron", "echaste", "echamos"]), Gap(2), Word(&["a"]), Word(&["perder"])]),
    Pattern::any(&IDIOM, &[Word(&["fue"]), Word(&["la"]), Word(&["olla", "pinza"])]),
    Pattern::any(
        &IDIOM,
        &[Word(&["la"]), Word(&["regamos", "regó", "regaron", "regué", "regaste", "embarró", "embarraron", "embarramos", "embarré", "embarraste"])],
    ),
    Pattern::any(&IDIOM, &[Word(&["dejó", "dejaron", "dejamos", "dejaste", "dejé"]), Word(&["caer"]), Gap(1), Word(&["pelota", "bola"])]),
    // Questions put to "tú" before the why-didn't ones claim the words.
    Pattern::any(&QUESTION_TO_PERSON, &[Word(&["por"]), Word(&["qué"]), Ends(&["aste", "iste", "as", "es", "asteis", "isteis"])]).in_question(),
    Pattern::any(&QUESTION_TO_PERSON, &[Word(&["cómo"]), Ends(&["aste", "iste", "íste", "asteis", "isteis"])]).in_question(),
    Pattern::any(&QUESTION_TO_PERSON, &[Word(&["se"]), Word(&["te", "os"]), Word(&["ocurrió", "ocurre"])]),
    Pattern::any(&QUESTION_TO_PERSON, &[Opening(&["qué"]), Word(&["te", "os"]), Word(&["hizo"])]).in_question(),
    Pattern::any(&QUESTION_TO_PERSON, &[Opening(&["es"]), Word(&["que"]), Gap(1), Ends(&["aste", "iste", "íste", "asteis", "isteis"])]).in_question(),
    Pattern::any(&QUESTION_TO_PERSON, &[Word(&["por"]), Word(&["qué"]), Gap(3), Word(&["tú", "vosotros", "vosotras", "usted", "ustedes"])]).in_question(),
    Pattern::any(&QUESTION_TO_PERSON, &[Word(&["en"]), Word(&["qué"]), Ends(&["abas", "ías", "aste", "iste", "abais", "íais"])]).in_question(),
    Pattern::people(&WHY_DIDNT, &[Word(&["por"]), Word(&["qué"]), Gap(4), Word(NOBODY)]),
    Pattern::people(&WHY_DIDNT, &[Opening(&["cómo"]), Word(&["que"]), Word(NOBODY)]).in_question(),
    Pattern::people(&WHY_DIDNT, &[Word(&["cómo"]), Word(&["es"]), Gap(1), Word(&["que"]), Gap(2), Word(NOBODY)]).in_question(),
    Pattern::people(&IF_ONLY, &[Word(&["si"]), Gap(4), Word(HUBIERA)]),
    // "Ojalá hubiéramos…" looks back; "ojalá el proveedor publique pronto" hopes.
    Pattern::any(&IF_ONLY, &[Word(&["ojalá"]), Gap(3), Ends(&["ra", "ras", "ramos", "rais", "ran", "se", "semos", "sen"])]),
    // "De haberlo sabido…", "Con haber esperado…": a condition without "si"
    Pattern::people(&IF_ONLY, &[Opening(&["de", "con"]), Stem(HABER), Not(&["existido", "habido"])]),
    Pattern::any(&PERSON_AS_CAUSE, &[Word(&["causa", "origen", "culpable", "problema"]), Gap(4), Word(&["fue", "era", "es"]), Someone]),
    Pattern::any(
        &PERSON_AS_CAUSE,
        &[Word(&["causa", "origen", "problema"]), Gap(4), Word(&["fue", "era", "es"]), Word(&["el", "la"]), Last(&["nuevo", "nueva"])],
    ),
    // "la causa fue el reinicio que lanzó la de guardia"
    Pattern::any(&PERSON_AS_CAUSE, &[Word(&["causa", "origen", "problema"]), Gap(4), Word(&["fue", "era"]), Gap(3), Word(&["que"]), Ends(PRETERITE), Someone]),
    Pattern::any(&PERSON_AS_CAUSE, &[Word(&["a"]), Word(&["causa"]), Someone]),
    Pattern::any(&PERSON_AS_CAUSE, &[Word(&["debido"]), Someone]),
    Pattern::any(&PERSON_AS_CAUSE, &[Word(&["fue", "vino", "ocurrió", "pasó"]), Word(&["por"]), Someone]),
    Pattern::any(&PERSON_AS_CAUSE, &[Word(&["empezó", "vino", "venía", "comenzó"]), Word(&["por", "de"]), Someone]),
    Pattern::any(&PERSON_AS_CAUSE, &[Word(&["se"]), Word(&["debió", "debe", "debía"]), Word(&["a", "al"]), Someone]),
    Pattern::any(&CULPRIT_QUESTION, &[Opening(&["quién", "quiénes"]), Word(&["ha", "han", "fue", "hizo", "dio", "puso"])]).in_question(),
    Pattern::any(&CULPRIT_QUESTION, &[Opening(&["quién", "quiénes"]), Ends(&["ó", "aron", "ieron"])]).in_question(),
    Pattern::any(&CULPRIT_QUESTION, &[Opening(&["de"]), Word(&["quién", "quiénes"])]).in_question(),
    Pattern::any(&CULPRIT_QUESTION, &[Word(&["quién", "quiénes"]), Word(&["se"]), Word(&["le", "les"]), Word(&["ocurrió", "ocurre"])]),
    Pattern::any(
        &CULPRIT_QUESTION,
        &[
            Opening(&["quién", "quiénes"]),
            Word(&["es", "era"]),
            Word(&["el", "la"]),
            Word(&["culpable", "responsable"]),
            Word(&["de"]),
            Word(&["esto", "eso", "este", "esta", "todo"]),
        ],
    )
    .in_question(),
    Pattern::any(&CULPRIT_QUESTION, &[Opening(&["qué", "cuál"]), Someone, Ends(&["ó", "aron", "ieron"])]).in_question(),
    Pattern::people(&STATE_OF_MIND, &[Stem(&["pánico", "agobi", "estresad", "nervios", "concentr", "distraíd", "distraid"])]),
    Pattern::people(&STATE_OF_MIND, &[Word(&["agotado", "agotada", "agotados", "agotadas"])]),
    Pattern::people(&STATE_OF_MIND, &[Word(&["en"]), Word(&["la", "las"]), Word(&["luna", "nubes"])]),
    Pattern::people(&STATE_OF_MIND, &[Word(&["se"]), Word(&["confió", "confiaron", "confiaba", "confiaban", "confié", "confiamos"])]),
    Pattern::people(&STATE_OF_MIND, &[Word(&["perdió", "perdieron", "perdí", "perdiste"]), Word(&["la"]), Word(&["cabeza", "calma", "paciencia"])]),
    // "se bloqueó y no supo qué hacer", not "se bloqueó el proceso"
    Pattern::people(&STATE_OF_MIND, &[Word(&["se"]), Word(&["bloqueó", "bloquearon", "bloqueé"]), Not(&["el", "la", "los", "las", "un", "una"])]),
    Pattern::people(&STATE_OF_MIND, &[Word(&["con"]), Word(&["prisas"])]),
];
