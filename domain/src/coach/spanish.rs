//! The coach's Spanish: its explanations, written in Spanish, and the wordings it looks for.

use super::patterns::{Lexicon, Pattern, Tok};
use super::rules::Rule;
use Tok::{Ends, Gap, Opening, Someone, Stem, Word};

const SHOULD_HAVE: Rule = Rule {
    id: "hindsight-should-have",
    reason: "«Debería haber…» juzga una decisión de entonces con lo que sabemos ahora: es mirar hacia atrás.",
    suggestion: "Describid qué se sabía en ese momento y por qué la decisión parecía razonable entonces.",
};
const FAILED_TO: Rule = Rule {
    id: "blame-failed-to",
    reason: "«No fue capaz de…» convierte la acción de una persona en la causa y detiene ahí la búsqueda.",
    suggestion: "Contad qué pasó y qué lo impidió: «la comprobación no se ejecutó porque…».",
};
const PERSON_MISTAKE: Rule = Rule {
    id: "blame-person-mistake",
    reason: "Poner a una persona como sujeto de un error señala culpables, no el sistema.",
    suggestion: "Haced de la acción el sujeto: «el paso se omitió mientras…».",
};
const HUMAN_ERROR: Rule = Rule {
    id: "blame-human-error",
    reason: "«Error humano» cierra la investigación justo donde debería empezar.",
    suggestion: "Preguntad qué hacía fácil equivocarse: la interfaz, los valores por defecto, la presión, la información disponible.",
};
const CHARACTER: Rule = Rule {
    id: "blame-character",
    reason: "Juzgar el carácter de alguien (descuidado, irresponsable…) no explica nada del sistema.",
    suggestion: "Describid las condiciones: la carga de trabajo, la presión del tiempo, lo que mostraban las herramientas.",
};
const FAULT: Rule = Rule {
    id: "blame-fault",
    reason: "Buscar de quién es la culpa impide aprender qué hizo posible el resultado.",
    suggestion: "Describid las condiciones que coincidieron, sin decir de quién eran.",
};
const OBVIOUS: Rule = Rule {
    id: "hindsight-obvious",
    reason: "Lo que hoy parece obvio rara vez lo era en el momento: es el sesgo retrospectivo.",
    suggestion: "Describid qué señales había entonces y cómo se veían en ese momento.",
};
const JUST: Rule = Rule {
    id: "counterfactual-just",
    reason: "«Solo tenía que…» hace que la solución parezca trivial y las personas, descuidadas.",
    suggestion: "Describid lo que habría hecho falta y lo que se interponía.",
};
const WHY_DIDNT: Rule = Rule {
    id: "counterfactual-why-didnt",
    reason: "«¿Por qué no…?» obliga a las personas a defenderse.",
    suggestion: "Preguntad: «¿qué hacía que eso pareciera lo razonable en ese momento?».",
};
const DIDNT_BOTHER: Rule = Rule {
    id: "blame-didnt-bother",
    reason: "«No se molestó en…» supone un motivo que nadie puede conocer.",
    suggestion: "Decid qué no se hizo y preguntad por qué parecía innecesario entonces.",
};
const IDIOM: Rule = Rule {
    id: "blame-idiom",
    reason: "Una expresión como «meter la pata» dice que alguien falló al equipo, y nada sobre cómo.",
    suggestion: "Contad qué le pasó al trabajo y qué hacía fácil que se perdiera: el traspaso, la cola, las señales.",
};
const IF_ONLY: Rule = Rule {
    id: "counterfactual-if-only",
    reason: "«Si hubiera…» describe un mundo que no ocurrió, no el que ocurrió.",
    suggestion: "Describid lo que pasó de verdad y qué hacía improbable el otro camino entonces.",
};

const PERSON_AS_CAUSE: Rule = Rule {
    id: "blame-person-as-cause",
    reason: "Señalar a una persona como la causa detiene la investigación en ella, cuando debería seguir hacia el sistema.",
    suggestion: "Nombrad la acción y sus condiciones: «el reinicio se lanzó mientras la réplica iba con retraso, porque…».",
};
const CULPRIT_QUESTION: Rule = Rule {
    id: "blame-culprit-question",
    reason: "Preguntar quién fue busca un culpable, y la gente deja de contar lo que sabe.",
    suggestion: "Preguntad cómo pasó: «¿cómo llegó este cambio a producción sin una segunda mirada?».",
};
const QUESTION_TO_PERSON: Rule = Rule {
    id: "question-to-person",
    reason: "Una pregunta dirigida a una persona («¿por qué hiciste…?») la pone a la defensiva.",
    suggestion: "Preguntad por la situación: «¿qué hacía que desplegar a las 17:55 pareciera razonable entonces?».",
};
const STATE_OF_MIND: Rule = Rule {
    id: "blame-state-of-mind",
    reason: "Un estado de ánimo (pánico, nervios, despiste) es una suposición sobre una persona, no una condición que podamos cambiar.",
    suggestion: "Describid las condiciones en que estaba esa persona: la carga, las alertas, la hora, lo que mostraban las herramientas.",
};

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
const NOBODY: &[&str] = &["no", "nadie", "nunca", "ninguno", "ninguna"];
/// A verb in the preterite, for a person's doing ("configuró mal", "lanzaste").
const PRETERITE: &[&str] = &["ó", "aron", "ieron", "aste", "iste", "é", "asteis", "isteis"];

pub(super) static LEXICON: Lexicon = Lexicon {
    patterns: &[
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
        Pattern::any(&JUST, &[Word(&["tan"]), Word(&["fácil", "sencillo", "simple"]), Word(&["como"])]),
        Pattern::people(&SHOULD_HAVE, &[Word(DEBER), Word(&["de"]), Stem(HABER)]).even_negated(),
        Pattern::people(&SHOULD_HAVE, &[Word(DEBER), Gap(1), Stem(HABER)]).even_negated(),
        Pattern::people(&SHOULD_HAVE, &[Word(DEBER), Gap(1), Word(&["debido"])]).even_negated(),
        Pattern::people(&SHOULD_HAVE, &[Word(DEBIO), Ends(&["ar", "er", "ir", "arlo", "erlo", "irlo"])]).even_negated(),
        Pattern::people(&SHOULD_HAVE, &[Word(TENER), Word(&["que"]), Stem(HABER)]).even_negated(),
        Pattern::people(&SHOULD_HAVE, &[Word(&["habría", "hubiera"]), Word(&["que"]), Stem(HABER)]),
        Pattern::any(&SHOULD_HAVE, &[Word(&["lo"]), Word(&["suyo"]), Word(&["habría", "hubiera", "era"])]),
        Pattern::any(&OBVIOUS, &[Stem(&["obviamente", "evidentemente", "claramente"])]),
        Pattern::any(&OBVIOUS, &[Word(&["era", "es", "estaba", "resultaba"]), Word(&["obvio", "evidente", "clarísimo", "cantado"])]).unless_dated(),
        Pattern::any(&OBVIOUS, &[Word(&["estaba", "era"]), Word(&["claro"]), Word(&["que"])]).unless_dated(),
        Pattern::any(&OBVIOUS, &[Word(&["de"]), Word(&["cajón"])]),
        Pattern::any(&OBVIOUS, &[Word(&["se"]), Word(&["veía", "ve", "vio"]), Word(&["venir"])]),
        Pattern::any(&OBVIOUS, &[Word(&["cualquiera"]), Gap(1), Word(&["habría", "hubiera", "podría"]), Gap(2), Word(&["visto", "notado", "dado", "sabido"])]),
        Pattern::any(&HUMAN_ERROR, &[Word(&["error", "errores", "fallo", "fallos"]), Word(&["humano", "humanos"])]),
        Pattern::any(&HUMAN_ERROR, &[Word(&["error", "fallo"]), Word(&["del", "de"]), Word(&["operador", "operadora", "usuario", "usuaria"])]),
        Pattern::any(&FAULT, &[Word(&["culpa", "culpable", "culpables", "culpar", "culpó", "culpamos"])]),
        Pattern::people(
            &FAULT,
            &[
                Word(&["responsable", "responsables"]),
                Word(&["de", "del"]),
                Gap(1),
                Stem(&["caída", "incidente", "fallo", "error", "problema", "desastre", "pérdida", "fuga", "corte"]),
            ],
        ),
        Pattern::any(&FAULT, &[Word(&["recae", "recaía", "recayó"]), Word(&["sobre", "en"])]),
        Pattern::any(&FAULT, &[Word(&["pagar"]), Word(&["por"]), Word(&["esto", "eso", "ello"])]),
        Pattern::any(&FAULT, &[Stem(&["despedirl", "sancionarl", "echarl"])]),
        Pattern::any(&FAULT, &[Word(&["asuma", "asuman", "asumir", "asume", "asumió"]), Gap(1), Word(&["responsabilidad", "culpa"])]),
        Pattern::any(&FAULT, &[Word(&["cosa"]), Word(&["de"]), Someone]),
        Pattern::any(
            &CHARACTER,
            &[Stem(&[
                "descuid",
                "negligen",
                "perezos",
                "incompetent",
                "irresponsab",
                "despistad",
                "imprudent",
                "chapucer",
                "chapuz",
                "torpe",
                "dejadez",
                "novat",
            ])],
        ),
        Pattern::any(&CHARACTER, &[Word(&["no"]), Word(&["prestó", "prestaron", "prestaba"]), Word(&["atención"])]),
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
        Pattern::people(&FAILED_TO, &[Word(&["no"]), Word(&["fue", "fueron", "fuimos"]), Word(&["capaz", "capaces"]), Word(&["de"])]).even_negated(),
        Pattern::people(&FAILED_TO, &[Word(&["no"]), Word(&["supo", "supieron", "consiguió", "consiguieron", "logró", "lograron"])]).even_negated(),
        Pattern::people(&FAILED_TO, &[Word(&["omitió", "omitieron", "omitiste", "omitimos"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["se"]), Word(&["olvidó", "olvidaron", "olvidaba"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["se"]), Word(&["le", "me", "te", "les", "nos", "os"]), Word(&["olvidó", "olvidaron", "pasó"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["olvidó", "olvidaron", "olvidamos", "olvidé", "olvidaste", "olvidasteis"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["equivocó", "equivoqué", "equivocaste", "equivocamos", "equivocaron", "equivocasteis"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["equivocado", "equivocada", "equivocados", "equivocadas"])]),
        Pattern::people(&PERSON_MISTAKE, &[Ends(PRETERITE), Word(&["mal"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["puso", "pusieron", "pusiste", "puse", "hizo", "hicieron", "hiciste", "hice"]), Word(&["mal"])]),
        Pattern::people(&PERSON_MISTAKE, &[Word(&["por"]), Word(&["error"])]),
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
        Pattern::any(&IDIOM, &[Word(&["fue"]), Word(&["la"]), Word(&["olla"])]),
        // Questions put to "tú" before the why-didn't ones claim the words.
        Pattern::any(&QUESTION_TO_PERSON, &[Word(&["por"]), Word(&["qué"]), Ends(&["aste", "iste", "as", "es", "asteis", "isteis"])]).in_question(),
        Pattern::any(&QUESTION_TO_PERSON, &[Word(&["cómo"]), Ends(&["aste", "iste", "asteis", "isteis"])]).in_question(),
        Pattern::any(&QUESTION_TO_PERSON, &[Word(&["se"]), Word(&["te", "os"]), Word(&["ocurrió"])]),
        Pattern::any(&QUESTION_TO_PERSON, &[Word(&["en"]), Word(&["qué"]), Ends(&["abas", "ías", "aste", "iste", "abais", "íais"])]).in_question(),
        Pattern::people(&WHY_DIDNT, &[Word(&["por"]), Word(&["qué"]), Gap(2), Word(NOBODY)]),
        Pattern::people(&WHY_DIDNT, &[Word(&["cómo"]), Word(&["es"]), Gap(1), Word(&["que"]), Gap(2), Word(NOBODY)]).in_question(),
        Pattern::people(&IF_ONLY, &[Word(&["si"]), Gap(4), Word(HUBIERA)]),
        Pattern::any(&IF_ONLY, &[Word(&["ojalá"])]),
        // "De haberlo sabido…", "Con haber esperado…": a condition without "si"
        Pattern::people(&IF_ONLY, &[Opening(&["de", "con"]), Stem(HABER)]),
        Pattern::any(&PERSON_AS_CAUSE, &[Word(&["causa", "origen", "culpable"]), Gap(4), Word(&["fue", "era", "es"]), Someone]),
        Pattern::any(&PERSON_AS_CAUSE, &[Word(&["empezó", "vino", "venía", "comenzó"]), Word(&["por", "de"]), Someone]),
        Pattern::any(&PERSON_AS_CAUSE, &[Word(&["se"]), Word(&["debió", "debe", "debía"]), Word(&["a", "al"]), Someone]),
        Pattern::any(&CULPRIT_QUESTION, &[Opening(&["quién", "quiénes"]), Word(&["ha", "han", "fue", "hizo", "dio", "puso"])]).in_question(),
        Pattern::any(&CULPRIT_QUESTION, &[Opening(&["quién", "quiénes"]), Ends(&["ó", "aron", "ieron"])]).in_question(),
        Pattern::any(&CULPRIT_QUESTION, &[Opening(&["de"]), Word(&["quién", "quiénes"])]).in_question(),
        Pattern::any(&CULPRIT_QUESTION, &[Opening(&["qué", "cuál"]), Someone, Ends(&["ó", "aron", "ieron"])]).in_question(),
        Pattern::people(&STATE_OF_MIND, &[Stem(&["pánico", "agobi", "estresad", "nervios", "agotad", "concentr"])]),
        Pattern::people(&STATE_OF_MIND, &[Word(&["con"]), Word(&["prisas"])]),
    ],
    negations: &["no", "nada", "nadie", "ninguno", "ninguna", "nunca", "ni", "tampoco"],
    systems: &[
        "job",
        "servicio",
        "sistema",
        "servidor",
        "proceso",
        "tarea",
        "cron",
        "alerta",
        "alarma",
        "copia",
        "comprobación",
        "check",
        "pipeline",
        "script",
        "base",
        "despliegue",
        "monitor",
        "réplica",
        "clúster",
        "balanceador",
        "migración",
        "api",
        "nodo",
        "contenedor",
        "pod",
        "certificado",
        "regla",
        "configuración",
        "cola",
        "caché",
        "build",
        "prueba",
        "test",
        "failover",
        "router",
        "firewall",
        "disco",
        "canario",
        "parser",
    ],
    people: &["yo", "tú", "él", "ella", "nosotros", "nosotras", "ellos", "ellas", "alguien", "nadie", "guardia", "soporte"],
    roles: &["equipo", "compañer", "desarrollador", "administrador", "operador", "becari", "revisor", "ingenier", "técnic", "responsable"],
    articles: &["el", "la", "los", "las", "un", "una", "nuestro", "nuestra", "del", "al"],
    subject_after_verb: false,
    adverbs: &[
        "según",
        "luego",
        "después",
        "entonces",
        "ayer",
        "hoy",
        "antes",
        "sinceramente",
        "normalmente",
        "a",
        "en",
        "por",
        "qué",
        "si",
        "obviamente",
        "al",
        "también",
        "con",
        "de",
        "sin",
        "tras",
        "desde",
        "hasta",
        "hacia",
        "ahí",
        "aquí",
        "esto",
        "todo",
    ],
    noun_endings: &[],
    moments: &["ya", "hasta", "desde", "tras", "hacia", "hizo", "quedó", "entonces"],
    clause_breaks: &["que", "porque", "pero", "sino", "y", "aunque"],
    auxiliaries: &["ha", "han", "he", "hemos", "has", "habéis", "había", "habían"],
};
