//! The coach's Spanish: its explanations, written in Spanish, and the wordings it looks for.

use super::patterns::{Lexicon, Pattern, Tok};
use super::rules::Rule;
use Tok::{Gap, Stem, Word};

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

pub(super) static LEXICON: Lexicon = Lexicon {
    patterns: &[
        Pattern {
            rule: &JUST,
            toks: &[
                Word(&["solo", "sólo", "simplemente", "bastaba", "bastaría"]),
                Word(&["tenía", "tenían", "había", "habría", "con", "hacía"]),
                Gap(1),
                Word(&["que", "con"]),
            ],
            people_only: false,
        },
        Pattern { rule: &JUST, toks: &[Word(&["bastaba", "bastaría"]), Word(&["con"])], people_only: false },
        Pattern { rule: &JUST, toks: &[Word(&["solo", "sólo", "simplemente"]), Word(&["tenía", "tenían"]), Word(&["que"])], people_only: false },
        Pattern {
            rule: &SHOULD_HAVE,
            toks: &[Word(&["debería", "deberían", "deberíamos", "debió", "debieron", "debimos", "debiste"]), Word(&["de"]), Word(&["haber"])],
            people_only: true,
        },
        Pattern {
            rule: &SHOULD_HAVE,
            toks: &[
                Word(&["debería", "deberían", "deberíamos", "debió", "debieron", "debimos", "debiste", "hubiera", "hubieran", "hubiese"]),
                Gap(1),
                Word(&["haber", "debido"]),
            ],
            people_only: true,
        },
        Pattern {
            rule: &SHOULD_HAVE,
            toks: &[Word(&["tendría", "tendrían", "tendríamos", "tenía", "tenían"]), Word(&["que"]), Word(&["haber"])],
            people_only: true,
        },
        Pattern { rule: &OBVIOUS, toks: &[Stem(&["obviamente", "evidentemente", "claramente"])], people_only: false },
        Pattern { rule: &OBVIOUS, toks: &[Word(&["era", "es", "estaba", "resultaba"]), Word(&["obvio", "evidente", "clarísimo"])], people_only: false },
        Pattern { rule: &OBVIOUS, toks: &[Word(&["estaba", "era"]), Word(&["claro"]), Word(&["que"])], people_only: false },
        Pattern {
            rule: &OBVIOUS,
            toks: &[Word(&["cualquiera"]), Gap(1), Word(&["habría", "hubiera", "podría"]), Gap(2), Word(&["visto", "notado", "dado", "sabido"])],
            people_only: false,
        },
        Pattern { rule: &HUMAN_ERROR, toks: &[Word(&["error", "errores", "fallo", "fallos"]), Word(&["humano", "humanos"])], people_only: false },
        Pattern {
            rule: &HUMAN_ERROR,
            toks: &[Word(&["error", "fallo"]), Word(&["del", "de"]), Word(&["operador", "operadora", "usuario", "usuaria"])],
            people_only: false,
        },
        Pattern { rule: &FAULT, toks: &[Word(&["culpa", "culpable", "culpables", "culpar", "culpó", "culpamos"])], people_only: false },
        Pattern {
            rule: &CHARACTER,
            toks: &[Stem(&["descuidad", "negligen", "perezos", "incompetent", "irresponsab", "despistad", "imprudent", "chapucer", "torpeza", "dejadez"])],
            people_only: false,
        },
        Pattern { rule: &CHARACTER, toks: &[Word(&["no"]), Word(&["prestó", "prestaron", "prestaba"]), Word(&["atención"])], people_only: false },
        Pattern { rule: &DIDNT_BOTHER, toks: &[Word(&["no", "ni"]), Word(&["se"]), Word(&["molestó", "molestaron", "tomó", "tomaron"])], people_only: false },
        Pattern { rule: &FAILED_TO, toks: &[Word(&["no"]), Word(&["fue", "fueron", "fuimos"]), Word(&["capaz", "capaces"]), Word(&["de"])], people_only: true },
        Pattern {
            rule: &FAILED_TO, toks: &[Word(&["no"]), Word(&["supo", "supieron", "consiguió", "consiguieron", "logró", "lograron"])], people_only: true
        },
        Pattern { rule: &PERSON_MISTAKE, toks: &[Word(&["se"]), Word(&["olvidó", "olvidaron", "olvidaba"])], people_only: true },
        Pattern { rule: &IDIOM, toks: &[Word(&["metió", "metieron", "metimos", "meter"]), Word(&["la"]), Word(&["pata"])], people_only: false },
        Pattern { rule: &PERSON_MISTAKE, toks: &[Word(&["olvidó", "olvidaron"])], people_only: true },
        Pattern { rule: &WHY_DIDNT, toks: &[Word(&["por"]), Word(&["qué"]), Gap(2), Word(&["no", "nadie", "nunca"])], people_only: true },
        Pattern { rule: &IF_ONLY, toks: &[Word(&["si"]), Gap(2), Word(&["hubiera", "hubieran", "hubiéramos", "hubiese", "hubiesen"])], people_only: true },
        Pattern { rule: &IF_ONLY, toks: &[Word(&["ojalá"])], people_only: false },
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
    ],
    people: &[
        "yo",
        "tú",
        "él",
        "ella",
        "nosotros",
        "nosotras",
        "ellos",
        "ellas",
        "alguien",
        "nadie",
        "equipo",
        "compañero",
        "compañera",
        "guardia",
        "desarrollador",
        "desarrolladora",
        "administrador",
        "soporte",
        "operador",
    ],
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
    ],
};
