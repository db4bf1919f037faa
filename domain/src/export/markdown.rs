//! The Markdown report: renders in GitHub and Confluence, with every user text escaped so that
//! it shows as typed and can never become markup.

use crate::model::factors::why_children;
use crate::model::timeline::{incident_durations, incident_span};
use crate::{Id, LearningList, Retrospective};

/// Escapes text for running Markdown: characters that start emphasis, code, links, HTML or
/// headings are backslash-escaped; `<` and `>` become entities so no tag survives.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push(' '),
            // Bidirectional overrides can disguise text; show them as visible code points.
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => out.push_str(&format!("&#x{:X};", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for a table cell: as inline text, with line breaks kept as `<br>`.
pub fn escape_cell(text: &str) -> String {
    let lines: Vec<String> = text.trim().lines().map(escape_inline).collect();
    let cell = lines.join("<br>");
    if cell.is_empty() {
        " ".into()
    } else {
        cell
    }
}

/// Escapes a paragraph: as inline text, with line breaks kept as hard breaks, and a leading
/// `-`, `+` or number-dot escaped so it cannot become a list.
fn escape_block(text: &str) -> String {
    text.trim()
        .lines()
        .map(|line| {
            let escaped = escape_inline(line.trim_end());
            let trimmed = escaped.trim_start();
            let starts_list = trimmed.starts_with('-')
                || trimmed.starts_with('+')
                || trimmed.starts_with('=')
                || trimmed.split_once('.').is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if starts_list {
                format!("\\{trimmed}")
            } else {
                trimmed.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".into()
    } else {
        escape_cell(text)
    }
}

/// The whole report: the header table, the timeline, the factors with their why chains, the actions
/// and both lists of learnings.
pub fn to_markdown(r: &Retrospective) -> String {
    let mut md = String::new();
    let push = |md: &mut String, line: &str| {
        md.push_str(line);
        md.push('\n');
    };
    push(&mut md, &format!("# {}", escape_inline(r.display_title())));
    push(&mut md, "");
    push(&mut md, &format!("*{}*", escape_inline(r.template.label())));
    push(&mut md, "");
    let durations = incident_durations(&r.timeline);
    let when = |t: Option<crate::LocalDateTime>| t.map(|t| t.to_string().replace('T', " ")).unwrap_or_else(|| "—".into());
    let (started, ended) = incident_span(r.incident_start.value, r.incident_end.value, &r.timeline);
    push(&mut md, "| | |");
    push(&mut md, "|---|---|");
    push(&mut md, &format!("| Started | {} |", started.describe()));
    push(&mut md, &format!("| Ended | {} |", ended.describe()));
    push(&mut md, &format!("| Impact | {} |", or_dash(&r.impact.value)));
    if !r.participants.value.trim().is_empty() {
        push(&mut md, &format!("| Participants | {} |", escape_cell(&r.participants.value)));
    }
    if !r.time_zone.value.trim().is_empty() {
        push(&mut md, &format!("| Times in | {} |", escape_cell(&r.time_zone.value)));
    }
    push(&mut md, &format!("| Time to detect | {} |", escape_cell(&durations.time_to_detect.describe())));
    push(&mut md, &format!("| Time to resolve | {} |", escape_cell(&durations.time_to_resolve.describe())));
    push(&mut md, "");

    push(&mut md, "## What happened");
    push(&mut md, "");
    if r.timeline.is_empty() {
        push(&mut md, "No timeline entries.");
    } else {
        push(&mut md, "| When | Kind | What happened | Evidence |");
        push(&mut md, "|---|---|---|---|");
        for id in r.timeline_order() {
            let e = &r.timeline[&id];
            push(&mut md, &format!("| {} | {} | {} | {} |", when(e.when.value), e.kind.value.label(), or_dash(&e.what.value), or_dash(&e.evidence.value)));
        }
    }
    push(&mut md, "");

    push(&mut md, "## Why");
    push(&mut md, "");
    let factors = r.factor_order();
    if factors.is_empty() {
        push(&mut md, "No contributing factors.");
    }
    let addressed = r.addressed_factors();
    for (n, id) in factors.iter().enumerate() {
        let f = &r.factors[id];
        let key = match (f.key.value, addressed.contains(id)) {
            (true, true) => " — **key factor**",
            (true, false) => " — **key factor**, no action yet",
            (false, _) => "",
        };
        let votes = r.total_votes(*id);
        let votes = if votes > 0 { format!(" — {votes} vote{}", if votes == 1 { "" } else { "s" }) } else { String::new() };
        push(&mut md, &format!("{}. {} ({}){key}{votes}", n + 1, escape_inline(f.statement.value.trim()), f.category.value.label()));
        why_list(r, *id, None, 1, &mut md);
        for part in r.merged_parts(*id) {
            push(&mut md, &format!("   - Also named as: {}", escape_inline(r.factors[&part].statement.value.trim())));
            why_list(r, part, None, 2, &mut md);
        }
    }
    push(&mut md, "");

    push(&mut md, "## Prevention");
    push(&mut md, "");
    if r.actions.is_empty() {
        push(&mut md, "No actions.");
    } else {
        push(&mut md, "| Action | Owner | Due | Priority | Kind | Status |");
        push(&mut md, "|---|---|---|---|---|---|");
        for id in r.action_order() {
            let a = &r.actions[&id];
            let due = a.due.value.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
            push(
                &mut md,
                &format!(
                    "| {} | {} | {due} | {} | {} | {} |",
                    or_dash(&a.description.value),
                    or_dash(&a.owner.value),
                    a.priority.value.label(),
                    a.kind.value.label(),
                    a.status.value.label()
                ),
            );
        }
    }
    push(&mut md, "");
    // Open questions carry only their own words: the passages they came from are private.
    let questions = r.question_order();
    if !questions.is_empty() {
        push(&mut md, "## Open questions");
        push(&mut md, "");
        for id in questions {
            let q = &r.questions[&id];
            let follow_up = q.follow_up.value.trim();
            let who = if follow_up.is_empty() { String::new() } else { format!(" — *who could find out:* {}", escape_inline(follow_up)) };
            push(&mut md, &format!("- {}{who}", or_dash(&q.question.value)));
        }
        push(&mut md, "");
    }
    for list in LearningList::ALL {
        push(&mut md, &format!("## {}", list.label()));
        push(&mut md, "");
        let order = r.learning_order(*list);
        if order.is_empty() {
            push(&mut md, "Nothing recorded.");
        }
        for id in order {
            push(&mut md, &format!("- {}", escape_block(&r.learnings[&id].text.value).replace("  \n", "  \n  ")));
        }
        push(&mut md, "");
    }
    md
}

fn why_list(r: &Retrospective, factor: Id, parent: Option<Id>, depth: usize, md: &mut String) {
    for id in why_children(&r.whys, factor, parent) {
        let node = &r.whys[&id];
        let indent = "   ".repeat(depth);
        let answer = if node.answer.value.trim().is_empty() { "*(not answered)*".to_string() } else { escape_inline(node.answer.value.trim()) };
        md.push_str(&format!("{indent}- **{}** {answer}\n", escape_inline(node.question.value.trim())));
        why_list(r, factor, Some(id), depth + 1, md);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    pub fn hostile() -> &'static str {
        "a | b *bold* _it_ `code` <script>alert(1)</script> [x](javascript:alert(1)) # h \\ back\nsecond line\r\n- list? 1. num? ![img](x) \u{202E}rtl"
    }

    fn sample() -> Retrospective {
        let w = Writer::new(Replica(1), 0);
        let id = |n: u8| Id::from_random([n; 16]);
        let mut r = Retrospective::new(id(1), Template::Incident, hostile(), &w);
        r.apply(Edit::AddTimelineEntry { id: id(2) }, &w);
        r.apply(Edit::Timeline(id(2), TimelineField::What(hostile().into())), &w);
        r.apply(Edit::AddFactor { id: id(3) }, &w);
        r.apply(Edit::Factor(id(3), FactorField::Statement("Pipeline skips checks".into())), &w);
        r.apply(Edit::AddWhy { id: id(4), factor: id(3), parent: None }, &w);
        r.apply(Edit::Why(id(4), WhyField::Answer("Seen as low risk".into())), &w);
        r.apply(Edit::AddWhy { id: id(5), factor: id(3), parent: Some(id(4)) }, &w);
        r.apply(Edit::AddAction { id: id(6) }, &w);
        r.apply(Edit::Action(id(6), ActionField::Description(hostile().into())), &w);
        r.apply(Edit::AddLearning { id: id(7), list: LearningList::WentWell }, &w);
        r.apply(Edit::Learning(id(7), LearningField::Text(hostile().into())), &w);
        r
    }

    #[test]
    fn hostile_text_cannot_break_tables_or_become_markup() {
        let md = to_markdown(&sample());
        assert!(!md.contains("<script>"), "{md}");
        assert!(md.contains("&lt;script&gt;"));
        assert!(!md.contains("[x](javascript"), "links are escaped");
        assert!(md.contains("\\[x\\](javascript:alert(1))"));
        assert!(md.contains("&#x202E;"), "bidi overrides are made visible");
        // Every row of the timeline table keeps its four columns: escaped pipes do not split.
        let unescaped = |line: &str| line.match_indices('|').filter(|(i, _)| *i == 0 || line.as_bytes()[i - 1] != b'\\').count();
        let header = md.lines().find(|l| l.starts_with("| When |")).unwrap();
        for row in md.lines().skip_while(|l| !l.starts_with("| When |")).take_while(|l| l.starts_with('|')) {
            assert_eq!(unescaped(row), unescaped(header), "{row}");
        }
        let timeline_row = md.lines().find(|l| l.starts_with("| — | Other |")).unwrap();
        assert!(timeline_row.contains("<br>second line"), "newlines inside cells become <br>");
    }

    #[test]
    fn the_report_has_the_sections_and_the_why_chain_nests() {
        let md = to_markdown(&sample());
        for heading in ["## What happened", "## Why", "## Prevention", "## What went well", "## Where we got lucky"] {
            assert!(md.contains(heading), "{heading}");
        }
        assert!(md.contains("1. Pipeline skips checks (Technical)"));
        assert!(md.contains("   - **How did this come about?** Seen as low risk"));
        assert!(md.contains("      - **What made that the reasonable thing to do at the time?** *(not answered)*"));
        assert!(md.contains("| Action | Owner | Due | Priority | Kind | Status |"));
        assert!(!md.contains("| Times in |"), "no zone of its own, no zone said");
        let mut zoned = sample();
        zoned.apply(Edit::Header(crate::HeaderField::TimeZone("Europe/Berlin".into())), &Writer::new(Replica(1), 0));
        assert!(to_markdown(&zoned).contains("| Times in | Europe/Berlin |"));
        assert!(!md.contains("## Open questions"), "no questions, no section");
        let q = Id::from_random([40; 16]);
        zoned.apply(Edit::AddQuestion { id: q, sources: vec![] }, &Writer::new(Replica(1), 0));
        zoned.apply(Edit::Question(q, crate::QuestionField::Question("Why was the replica behind?".into())), &Writer::new(Replica(1), 0));
        zoned.apply(Edit::Question(q, crate::QuestionField::FollowUp("database team".into())), &Writer::new(Replica(1), 0));
        assert!(to_markdown(&zoned).contains("## Open questions\n\n- Why was the replica behind? — *who could find out:* database team\n"));
    }

    #[test]
    fn escaping_inline_text() {
        assert_eq!(escape_inline("a*b_c`d"), "a\\*b\\_c\\`d");
        assert_eq!(escape_inline("x<y>&z"), "x&lt;y&gt;&amp;z");
        assert_eq!(escape_cell("one\ntwo | three"), "one<br>two \\| three");
        assert_eq!(escape_cell(""), " ");
        assert_eq!(escape_block("- not a list"), "\\- not a list");
        assert_eq!(escape_block("12. not a list"), "\\12. not a list");
    }
}
