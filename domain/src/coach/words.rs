//! Words with their byte offsets, and the word lists the rules consult.

/// What kind of party a word names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Subject {
    /// A person or a role: "she", "the on-call", "QA".
    Person,
    /// The group speaking of itself: "we", "I".
    We,
    /// A capitalised word that is probably someone's name.
    Name,
    /// Something that runs by itself: "the job", "the alert".
    System,
    /// Any other word.
    Other,
    /// No subject in the sentence before the word.
    Missing,
}

/// One word of the text: its byte range and its lower-cased form.
#[derive(Clone, Debug)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// Written all in capitals ("JVM", "QA").
    pub all_caps: bool,
    /// First word of a sentence (capitals there say nothing about names).
    pub sentence_start: bool,
    /// Inside double quotes: someone's words reported, which the coach leaves alone.
    pub quoted: bool,
    /// In a sentence that ends with a question mark.
    pub question: bool,
    /// Which sentence it is in (sentences end at `.`, `!`, `?` and line breaks).
    pub sentence: usize,
    /// The next word looks like a verb (a past form, a modal or an auxiliary), so this word
    /// may be its subject.
    pub before_verb: bool,
    /// The index of the first word of its sentence.
    pub sentence_first: usize,
    /// What kind of party it names, once worked out (see `subject::classify`).
    pub party: std::cell::Cell<Option<Subject>>,
}

/// Splits text into words (letters, digits, apostrophes and inner hyphens), remembering where
/// sentences start. Curly apostrophes are folded to straight ones.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut sentence_start = true;
    let mut quoted = false;
    let mut sentence = 0;
    let mut questions: Vec<usize> = Vec::new();
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '_';
    let push = |s: usize, e: usize, sentence_start: &mut bool, quoted: bool, sentence: usize, out: &mut Vec<Word>| {
        let raw = text[s..e].trim_matches(|c| c == '\'' || c == '’' || c == '-');
        if raw.is_empty() {
            return;
        }
        let offset = text[s..e].find(raw).unwrap_or(0);
        out.push(Word {
            start: s + offset,
            end: s + offset + raw.len(),
            lower: raw.to_lowercase().replace('’', "'"),
            capitalised: raw.chars().next().is_some_and(char::is_uppercase),
            all_caps: raw.chars().any(char::is_alphabetic) && !raw.chars().any(char::is_lowercase),
            sentence_start: *sentence_start,
            quoted,
            question: false,
            sentence,
            before_verb: false,
            sentence_first: 0,
            party: std::cell::Cell::new(None),
        });
        *sentence_start = false;
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push(s, i, &mut sentence_start, quoted, sentence, &mut out);
        }
        match c {
            // English quotes open with “ and close with ”; German ones open with „ and close
            // with “; guillemets point either way («…» in Spanish, »…« in German).
            '"' | '“' | '«' | '»' => quoted = !quoted,
            '„' => quoted = true,
            '”' => quoted = false,
            _ => {}
        }
        if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';' | '•' | '—' | '(' | '"' | '“' | '„' | '«') {
            sentence_start = true;
        }
        if c == '?' {
            questions.push(sentence);
        }
        // "7.2" and "v1.2.3" do not end sentences: only a stop followed by a space (or the end) does.
        let ends = match c {
            '\n' => true,
            '.' | '!' | '?' => text[i + c.len_utf8()..].chars().next().is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | ')')),
            _ => false,
        };
        if ends {
            sentence += 1;
            if c == '\n' {
                quoted = false; // a quote left open does not run into the next line
            }
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut sentence_start, quoted, sentence, &mut out);
    }
    for word in &mut out {
        word.question = questions.contains(&word.sentence);
    }
    let mut first = 0;
    for k in 0..out.len() {
        if k > 0 && out[k].sentence != out[k - 1].sentence {
            first = k;
        }
        out[k].sentence_first = first;
    }
    for k in 1..out.len() {
        let next = out[k].lower.as_str();
        let verb = VERB_STARTS.contains(&next) || (next.len() > 4 && next.ends_with("ed"));
        out[k - 1].before_verb = verb;
    }
    out
}

/// Words that, following a capitalised word, mark it as the subject of a verb.
const VERB_STARTS: &[&str] = &[
    "was",
    "is",
    "had",
    "has",
    "should",
    "could",
    "would",
    "might",
    "must",
    "did",
    "didn't",
    "forgot",
    "broke",
    "made",
    "ran",
    "got",
    "left",
    "should've",
    "could've",
    "never",
    "just",
    "wasn't",
    "isn't",
    "hasn't",
    "hadn't",
    "will",
    "can",
    "froze",
    "lost",
    "took",
    "ought",
    "needed",
];

/// Words that point at a person (or people) as the doer.
pub const PERSON_WORDS: &[&str] = &[
    "he",
    "she",
    "they",
    "someone",
    "somebody",
    "nobody",
    "no-one",
    "you",
    "engineer",
    "engineers",
    "developer",
    "developers",
    "dev",
    "devs",
    "operator",
    "operators",
    "admin",
    "admins",
    "administrator",
    "manager",
    "lead",
    "reviewer",
    "reviewers",
    "on-call",
    "oncall",
    "team",
    "person",
    "intern",
    "contractor",
    "sre",
    "qa",
    "tester",
    "ops",
    "staff",
    "colleague",
    "colleagues",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "hire",
    "hires",
    "newbie",
    "junior",
    "senior",
    "vendor",
    "vendors",
    "tech",
    "techs",
    "technician",
    "support",
    "management",
    "finance",
    "dba",
    "dbas",
    "devops",
    "noc",
    "helpdesk",
    "people",
    "folks",
    "guy",
    "guys",
    "teammate",
    "teammates",
    "coworker",
    "coworkers",
    "employee",
    "employees",
    "responder",
    "responders",
    "commander",
    "approver",
    "approvers",
    "author",
    "owner",
    "programmer",
    "architect",
    "analyst",
    "boss",
    "cto",
    "pm",
    "designer",
    "me",
    "him",
    "her",
    "them",
    "whoever",
    "sysadmin",
    "sysadmins",
    "maintainer",
    "maintainers",
    "contributor",
    "contributors",
    "director",
    "ceo",
    "vp",
    "founder",
    "ic",
    "marketing",
    "sales",
    "legal",
    "eng",
    "engineering",
    "leadership",
    "exec",
    "execs",
    "executives",
];

/// First-person subjects: the group speaking of itself.
pub const WE_WORDS: &[&str] = &["we", "i"];

/// Nouns for things that run by themselves: a sentence about what they were expected to do is
/// a fact about the system, not a judgement of people.
pub const SYSTEM_WORDS: &[&str] = &[
    "job",
    "jobs",
    "check",
    "checks",
    "cron",
    "cronjob",
    "alert",
    "alerts",
    "alarm",
    "backup",
    "backups",
    "service",
    "services",
    "script",
    "scripts",
    "pipeline",
    "test",
    "tests",
    "deploy",
    "deployment",
    "build",
    "builds",
    "task",
    "tasks",
    "monitor",
    "monitoring",
    "process",
    "server",
    "servers",
    "cluster",
    "node",
    "nodes",
    "database",
    "db",
    "cache",
    "queue",
    "worker",
    "workers",
    "system",
    "systems",
    "pod",
    "pods",
    "container",
    "containers",
    "probe",
    "healthcheck",
    "health-check",
    "scheduler",
    "timer",
    "migration",
    "migrations",
    "rollout",
    "rollback",
    "failover",
    "replica",
    "replicas",
    "disk",
    "disks",
    "certificate",
    "cert",
    "load",
    "balancer",
    "proxy",
    "gateway",
    "api",
    "app",
    "application",
    "function",
    "lambda",
    "endpoint",
    "request",
    "requests",
    "query",
    "index",
    "release",
    "config",
    "configuration",
    "daemon",
    "agent",
    "integration",
    "webhook",
    "webhooks",
    "bot",
    "run",
    "batch",
    "sync",
    "import",
    "export",
    "connection",
    "connections",
    "network",
    "router",
    "switch",
    "dns",
    "cdn",
    "firewall",
    "page",
    "pager",
    "notification",
    "email",
    "emails",
    "message",
    "messages",
    "consumer",
    "producer",
    "handler",
    "upgrade",
    "update",
    "patch",
    "feature",
    "flag",
    "rule",
    "rules",
    "filter",
    "canary",
    "canaries",
    "dashboard",
    "dashboards",
    "graph",
    "metric",
    "metrics",
    "exporter",
    "sidecar",
    "controller",
    "parser",
    "linter",
    "validator",
    "scanner",
    "autoscaler",
    "orchestrator",
    "runner",
    "kernel",
    "driver",
    "firmware",
    "library",
    "sdk",
    "client",
    "plugin",
    "module",
    "template",
    "loop",
    "thread",
    "jvm",
    "vm",
    "host",
    "hosts",
    "instance",
    "instances",
    "shard",
    "shards",
    "broker",
    "tool",
    "tooling",
    "automation",
    "runbook",
    "playbook",
    "process",
    "limiter",
    "retry",
    "retries",
];

/// Verbs for what systems do on their own.
pub const AUTOMATIC_VERBS: &[&str] = &[
    "run",
    "ran",
    "started",
    "start",
    "fired",
    "fire",
    "triggered",
    "trigger",
    "completed",
    "complete",
    "finished",
    "finish",
    "executed",
    "execute",
    "alerted",
    "alert",
    "paged",
    "page",
    "rotated",
    "rotate",
    "renewed",
    "renew",
    "retried",
    "retry",
    "restarted",
    "restart",
    "failed",
    "fail",
    "timed",
    "stopped",
    "stop",
    "scaled",
    "scale",
    "sent",
    "send",
    "caught",
    "blocked",
    "block",
    "rejected",
    "reject",
    "returned",
    "return",
    "succeeded",
    "succeed",
    "been",
    "taken",
    "kicked",
    "expired",
    "synced",
    "sync",
    "applied",
    "apply",
    "deployed",
];

/// Words skipped when looking back for the subject of a verb.
pub const FILLERS: &[&str] = &[
    "just",
    "even",
    "def",
    "prob",
    "probs",
    "literally",
    "kinda",
    "sorta",
    "lowkey",
    "simply",
    "also",
    "then",
    "again",
    "really",
    "still",
    "never",
    "not",
    "already",
    "clearly",
    "obviously",
    "apparently",
    "probably",
    "definitely",
    "certainly",
    "initially",
    "originally",
    "first",
    "quickly",
    "completely",
    "totally",
    "somehow",
    "actually",
];

/// Capitalised words that are not people's names.
pub const NOT_NAMES: &[&str] = &[
    "i",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "linux",
    "windows",
    "kubernetes",
    "redis",
    "postgres",
    "mysql",
    "kafka",
    "aws",
    "gcp",
    "azure",
    "github",
    "gitlab",
    "jira",
    "slack",
    "teams",
    "docker",
    "nginx",
    "terraform",
    "ansible",
    "jenkins",
    "grafana",
    "prometheus",
    "pagerduty",
    "opsgenie",
    "datadog",
    "sentry",
    "cloudflare",
    "vault",
    "consul",
    "elasticsearch",
    "mongodb",
    "s3",
    "ec2",
    "rds",
    "lambda",
    "api",
    "cdn",
    "dns",
    "ci",
    "cd",
    "qa",
    "sre",
    "prod",
    "production",
    "staging",
    "ui",
    "ux",
    "sql",
    "http",
    "https",
    "tls",
    "ssl",
    "vpn",
    "the",
];
