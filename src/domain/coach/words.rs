//! Words with their byte offsets, and the word lists the rules consult.

/// One word of the text: its byte range and its lower-cased form.
#[derive(Clone, Debug)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// First word of a sentence (capitals there say nothing about names).
    pub sentence_start: bool,
}

/// Splits text into words (letters, digits, apostrophes and inner hyphens), remembering where
/// sentences start. Curly apostrophes are folded to straight ones.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut sentence_start = true;
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '_';
    let push = |s: usize, e: usize, sentence_start: &mut bool, out: &mut Vec<Word>| {
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
            sentence_start: *sentence_start,
        });
        *sentence_start = false;
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                push(s, i, &mut sentence_start, &mut out);
            }
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';' | '•' | '—' | '(' | '"' | '“') {
                sentence_start = true;
            }
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut sentence_start, &mut out);
    }
    out
}

/// Words that point at a person (or people) as the doer.
pub const PERSON_WORDS: &[&str] = &[
    "he", "she", "they", "someone", "somebody", "nobody", "no-one", "you", "engineer", "engineers",
    "developer", "developers", "dev", "devs", "operator", "operators", "admin", "admins",
    "administrator", "manager", "lead", "reviewer", "reviewers", "on-call", "oncall", "team",
    "person", "intern", "contractor", "sre", "qa", "tester", "ops", "staff", "colleague",
];

/// First-person subjects: the group speaking of itself.
pub const WE_WORDS: &[&str] = &["we", "i"];

/// Nouns for things that run by themselves: a sentence about what they were expected to do is
/// a fact about the system, not a judgement of people.
pub const SYSTEM_WORDS: &[&str] = &[
    "job", "jobs", "check", "checks", "cron", "cronjob", "alert", "alerts", "alarm", "backup",
    "backups", "service", "services", "script", "scripts", "pipeline", "test", "tests", "deploy",
    "deployment", "build", "builds", "task", "tasks", "monitor", "monitoring", "process", "server",
    "servers", "cluster", "node", "nodes", "database", "db", "cache", "queue", "worker", "workers",
    "system", "systems", "pod", "pods", "container", "containers", "probe", "healthcheck",
    "health-check", "scheduler", "timer", "migration", "migrations", "rollout", "rollback",
    "failover", "replica", "replicas", "disk", "disks", "certificate", "cert", "load", "balancer",
    "proxy", "gateway", "api", "app", "application", "function", "lambda", "endpoint", "request",
    "requests", "query", "index", "release", "config", "configuration", "daemon", "agent",
    "integration", "webhook", "webhooks", "bot", "run", "batch", "sync", "import", "export",
    "connection", "connections", "network", "router", "switch", "dns", "cdn", "firewall", "page",
    "pager", "notification", "email", "emails", "message", "messages", "consumer", "producer",
    "handler", "upgrade", "update", "patch", "feature", "flag", "rule", "rules", "filter",
];

/// Verbs for what systems do on their own.
pub const AUTOMATIC_VERBS: &[&str] = &[
    "run", "ran", "started", "start", "fired", "fire", "triggered", "trigger", "completed",
    "complete", "finished", "finish", "executed", "execute", "alerted", "alert", "paged", "page",
    "rotated", "rotate", "renewed", "renew", "retried", "retry", "restarted", "restart",
    "failed", "fail", "timed", "stopped", "stop", "scaled", "scale", "sent", "send", "caught",
    "blocked", "block", "rejected", "reject", "returned", "return", "succeeded", "succeed",
    "been", "taken", "kicked", "expired", "synced", "sync", "applied", "apply", "deployed",
];

/// Words skipped when looking back for the subject of a verb.
pub const FILLERS: &[&str] = &[
    "just", "simply", "also", "then", "again", "really", "still", "never", "not", "already",
    "clearly", "obviously", "apparently", "probably", "definitely", "certainly", "initially",
    "originally", "first", "quickly", "completely", "totally", "somehow", "actually",
];

/// Capitalised words that are not people's names.
pub const NOT_NAMES: &[&str] = &[
    "i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "linux", "windows", "kubernetes", "redis", "postgres",
    "mysql", "kafka", "aws", "gcp", "azure", "github", "gitlab", "jira", "slack", "teams",
    "docker", "nginx", "terraform", "ansible", "jenkins", "grafana", "prometheus", "pagerduty",
    "opsgenie", "datadog", "sentry", "cloudflare", "vault", "consul", "elasticsearch", "mongodb",
    "s3", "ec2", "rds", "lambda", "api", "cdn", "dns", "ci", "cd", "qa", "sre", "prod",
    "production", "staging", "ui", "ux", "sql", "http", "https", "tls", "ssl", "vpn", "the",
];
