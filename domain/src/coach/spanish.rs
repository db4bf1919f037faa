//! The coach's Spanish: its explanations, written in Spanish. The wordings it looks for and
//! its word lists are in `spanish_patterns.rs`.

use super::rules::Rule;

pub(super) const SHOULD_HAVE: Rule = Rule {
    id: "hindsight-should-have",
    reason: "«Debería haber…» juzga una decisión de entonces con lo que sabemos ahora: es mirar hacia atrás.",
    suggestion: "Describid qué se sabía en ese momento y por qué la decisión parecía razonable entonces.",
};
pub(super) const FAILED_TO: Rule = Rule {
    id: "blame-failed-to",
    reason: "«No fue capaz de…» convierte la acción de una persona en la causa y detiene ahí la búsqueda.",
    suggestion: "Contad qué pasó y qué lo impidió: «la comprobación no se ejecutó porque…».",
};
pub(super) const PERSON_MISTAKE: Rule = Rule {
    id: "blame-person-mistake",
    reason: "Poner a una persona como sujeto de un error señala culpables, no el sistema.",
    suggestion: "Haced de la acción el sujeto: «el paso se omitió mientras…».",
};
pub(super) const HUMAN_ERROR: Rule = Rule {
    id: "blame-human-error",
    reason: "«Error humano» cierra la investigación justo donde debería empezar.",
    suggestion: "Preguntad qué hacía fácil equivocarse: la interfaz, los valores por defecto, la presión, la información disponible.",
};
pub(super) const CHARACTER: Rule = Rule {
    id: "blame-character",
    reason: "Juzgar el carácter de alguien (descuidado, irresponsable…) no explica nada del sistema.",
    suggestion: "Describid las condiciones: la carga de trabajo, la presión del tiempo, lo que mostraban las herramientas.",
};
pub(super) const FAULT: Rule = Rule {
    id: "blame-fault",
    reason: "Buscar de quién es la culpa impide aprender qué hizo posible el resultado.",
    suggestion: "Describid las condiciones que coincidieron, sin decir de quién eran.",
};
pub(super) const OBVIOUS: Rule = Rule {
    id: "hindsight-obvious",
    reason: "Lo que hoy parece obvio rara vez lo era en el momento: es el sesgo retrospectivo.",
    suggestion: "Describid qué señales había entonces y cómo se veían en ese momento.",
};
pub(super) const JUST: Rule = Rule {
    id: "counterfactual-just",
    reason: "«Solo tenía que…» hace que la solución parezca trivial y las personas, descuidadas.",
    suggestion: "Describid lo que habría hecho falta y lo que se interponía.",
};
pub(super) const WHY_DIDNT: Rule = Rule {
    id: "counterfactual-why-didnt",
    reason: "«¿Por qué no…?» obliga a las personas a defenderse.",
    suggestion: "Preguntad: «¿qué hacía que eso pareciera lo razonable en ese momento?».",
};
pub(super) const DIDNT_BOTHER: Rule = Rule {
    id: "blame-didnt-bother",
    reason: "«No se molestó en…» supone un motivo que nadie puede conocer.",
    suggestion: "Decid qué no se hizo y preguntad por qué parecía innecesario entonces.",
};
pub(super) const IDIOM: Rule = Rule {
    id: "blame-idiom",
    reason: "Una expresión como «meter la pata» dice que alguien falló al equipo, y nada sobre cómo.",
    suggestion: "Contad qué le pasó al trabajo y qué hacía fácil que se perdiera: el traspaso, la cola, las señales.",
};
pub(super) const IF_ONLY: Rule = Rule {
    id: "counterfactual-if-only",
    reason: "«Si hubiera…» describe un mundo que no ocurrió, no el que ocurrió.",
    suggestion: "Describid lo que pasó de verdad y qué hacía improbable el otro camino entonces.",
};

pub(super) const PERSON_AS_CAUSE: Rule = Rule {
    id: "blame-person-as-cause",
    reason: "Señalar a una persona como la causa detiene la investigación en ella, cuando debería seguir hacia el sistema.",
    suggestion: "Nombrad la acción y sus condiciones: «el reinicio se lanzó mientras la réplica iba con retraso, porque…».",
};
pub(super) const CULPRIT_QUESTION: Rule = Rule {
    id: "blame-culprit-question",
    reason: "Preguntar quién fue busca un culpable, y la gente deja de contar lo que sabe.",
    suggestion: "Preguntad cómo pasó: «¿cómo llegó este cambio a producción sin una segunda mirada?».",
};
pub(super) const QUESTION_TO_PERSON: Rule = Rule {
    id: "question-to-person",
    reason: "Una pregunta dirigida a una persona («¿por qué hiciste…?») la pone a la defensiva.",
    suggestion: "Preguntad por la situación: «¿qué hacía que desplegar a las 17:55 pareciera razonable entonces?».",
};
pub(super) const STATE_OF_MIND: Rule = Rule {
    id: "blame-state-of-mind",
    reason: "Un estado de ánimo (pánico, nervios, despiste) es una suposición sobre una persona, no una condición que podamos cambiar.",
    suggestion: "Describid las condiciones en que estaba esa persona: la carga, las alertas, la hora, lo que mostraban las herramientas.",
};
