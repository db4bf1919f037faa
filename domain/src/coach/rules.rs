//! The coach's rules: each a stable id, why the wording gets in the way in one sentence, and
//! a reframing to suggest. Findings and dismissals name a rule by its id, so ids never change.

/// A rule: a stable id, why it matters in one sentence, and a reframing to suggest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable: findings and their dismissals name the rule by it.
    pub id: &'static str,
    /// Why the wording gets in the way of learning, in one sentence.
    pub reason: &'static str,
    /// What to write instead.
    pub suggestion: &'static str,
}

/// “Should have”, “ought to have”, “must have known”; not when a system is the subject of an automatic verb.
pub const SHOULD_HAVE: Rule = Rule {
    id: "hindsight-should-have",
    reason: "“Should have” judges a past decision by what we know now.",
    suggestion: "Describe what was known at that moment and what made the choice reasonable then.",
};
/// “Failed to”, only when a person or the group is the one who failed.
pub const FAILED_TO: Rule = Rule {
    id: "blame-failed-to",
    reason: "“Failed to” makes a person's action the cause and stops the inquiry there.",
    suggestion: "Say what happened and what got in the way: “the check was not run, because …”.",
};
/// “Human error”, “operator mistake” and the like, and “PEBKAC”.
pub const HUMAN_ERROR: Rule = Rule {
    id: "blame-human-error",
    reason: "“Human error” ends the inquiry where it should start.",
    suggestion: "Ask what made the action easy to get wrong: the interface, the defaults, the pressure, the information at hand.",
};
/// Words that judge character (careless, sloppy, lazy…) and “not paying attention”.
pub const CHARACTER: Rule = Rule {
    id: "blame-character",
    reason: "Judging someone's character (careless, lazy…) explains nothing about the system.",
    suggestion: "Describe the conditions: workload, time pressure, what the tools showed.",
};
/// “Didn't bother”, “never bothered”, “couldn't be bothered”.
pub const DIDNT_BOTHER: Rule = Rule {
    id: "blame-didnt-bother",
    reason: "“Didn't bother” assumes a motive nobody can know.",
    suggestion: "Say what was not done, and ask what made it seem unnecessary at the time.",
};
/// “Obvious” and “obviously” unless negated, “it was clear that”, “anyone could have seen” and the like.
pub const OBVIOUS: Rule = Rule {
    id: "hindsight-obvious",
    reason: "What is obvious now was rarely obvious then; this is hindsight.",
    suggestion: "Describe which signals were available at the time and how they looked then.",
};
/// “Just needed to”, “all they had to do”, “could have just”.
pub const JUST_NEEDED_TO: Rule = Rule {
    id: "counterfactual-just",
    reason: "“Just needed to” makes the fix sound trivial and the people involved careless.",
    suggestion: "Describe what doing it would have taken, and what stood in the way.",
};
/// Questions like “why didn't…?” and “why did nobody…?”.
pub const WHY_DIDNT: Rule = Rule {
    id: "counterfactual-why-didnt",
    reason: "“Why didn't…?” asks people to defend themselves.",
    suggestion: "Ask “what made that the reasonable thing to do at that moment?”.",
};
/// “If only”, and “if they had…” or “had we…” when the subject is a person or the group.
pub const IF_ONLY: Rule = Rule {
    id: "counterfactual-if-only",
    reason: "“If they had…” describes a world that did not happen, not the one that did.",
    suggestion: "Describe what actually happened, and what made the other path unlikely at the time.",
};
/// A person as the subject of a mistake (“Sam forgot”, “she misconfigured”), and “caused by” or “fault of” a person.
pub const PERSON_MISTAKE: Rule = Rule {
    id: "blame-person-mistake",
    reason: "A person as the subject of a mistake points at fault, not at the system.",
    suggestion: "Make the action the subject: “the command was run against production while …”.",
};
/// Fault or blame laid on someone: “their fault”, “to blame”, “blame him”, “culprit”; not “fault tolerance” and the like.
pub const FAULT: Rule = Rule {
    id: "blame-fault",
    reason: "Assigning fault works against learning what made the outcome possible.",
    suggestion: "Describe the conditions that lined up, without naming whose they were.",
};

/// Figures of speech that pin the outcome on people: “dropped the ball”, “asleep at the wheel”.
pub const IDIOM: Rule = Rule {
    id: "blame-idiom",
    reason: "A figure of speech like “dropped the ball” says someone let the team down, and says nothing about how.",
    suggestion: "Say what happened to the work, and what made it easy to lose: the handover, the queue, the signals.",
};
/// A person or role named as the cause: “the culprit was the on-call's restart”, “because of the new hire”.
pub const PERSON_AS_CAUSE: Rule = Rule {
    id: "blame-person-as-cause",
    reason: "Naming a person as the cause ends the inquiry at them, where it should go on into the system.",
    suggestion: "Name the action and the conditions around it: “the restart ran while the replica was behind, because …”.",
};
/// Hunting for a culprit: “who signed off on this?”, “whose call was it?”.
pub const CULPRIT_QUESTION: Rule = Rule {
    id: "blame-culprit-question",
    reason: "Asking who did it looks for a culprit, and people stop telling what they know.",
    suggestion: "Ask how it happened: “how did this reach production without a second look?”.",
};
/// A question put to a person, asking them to justify themselves: “why would you deploy at 17:55?”.
pub const QUESTION_TO_PERSON: Rule = Rule {
    id: "question-to-person",
    reason: "A question aimed at a person (“why would you…?”) puts them on the defensive.",
    suggestion: "Ask about the situation: “what made deploying at 17:55 look reasonable at the time?”.",
};
/// A state of mind as the cause: “panicked”, “froze”, “lost their head”, “was distracted”.
pub const STATE_OF_MIND: Rule = Rule {
    id: "blame-state-of-mind",
    reason: "A state of mind (panic, distraction, complacency) is a guess about a person, not a condition we can change.",
    suggestion: "Describe the conditions that person was in: the load, the alerts, the time, what the tools showed.",
};

/// Every rule, for listing in the UI and the docs.
pub const RULES: &[Rule] = &[
    SHOULD_HAVE,
    FAILED_TO,
    HUMAN_ERROR,
    CHARACTER,
    DIDNT_BOTHER,
    OBVIOUS,
    JUST_NEEDED_TO,
    WHY_DIDNT,
    IF_ONLY,
    PERSON_MISTAKE,
    FAULT,
    IDIOM,
    PERSON_AS_CAUSE,
    CULPRIT_QUESTION,
    QUESTION_TO_PERSON,
    STATE_OF_MIND,
];
