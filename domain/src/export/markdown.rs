//! Write-ups as Markdown: renders in GitHub and Confluence, with every user text escaped so
//! that it shows as typed and can never become markup.

use crate::export::write_up::{write_up, Block, Item, Line, Options, Reader, Span, WriteUp};
use crate::Retrospective;

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

/// The full learning review with the default options: what "Download Markdown" gives.
pub fn to_markdown(r: &Retrospective) -> String {
    render(&write_up(r, Reader::Full, Options::default()))
}

/// A write-up as Markdown.
pub fn render(w: &WriteUp) -> String {
    let mut md = format!("# {}\n\n*{}*\n\n", escape_inline(&w.title), escape_inline(&w.subtitle));
    for section in &w.sections {
        md.push_str(&format!("## {}\n\n", escape_inline(section.heading)));
        for block in &section.blocks {
            render_block(block, &mut md);
            md.push('\n');
        }
    }
    md
}

fn render_block(block: &Block, md: &mut String) {
    match block {
        Block::Paragraph(line) => {
            md.push_str(&running(line, ""));
            md.push('\n');
        }
        Block::Table { head, rows } => {
            let cells = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
            // An unnamed column is one space between its bars, as GitHub writes it.
            md.push('|');
            md.extend(head.iter().map(|h| if h.is_empty() { " |".to_string() } else { format!(" {} |", escape_inline(h)) }));
            md.push('\n');
            md.push_str(&format!("|{}\n", "---|".repeat(head.len())));
            for row in rows {
                md.push_str(&cells(row.iter().map(cell).collect()));
            }
        }
        Block::List { ordered, items } => render_items(items, *ordered, 0, md),
    }
}

fn render_items(items: &[Item], ordered: bool, depth: usize, md: &mut String) {
    let indent = "   ".repeat(depth);
    for (n, item) in items.iter().enumerate() {
        let marker = if ordered && depth == 0 { format!("{}. ", n + 1) } else { "- ".to_string() };
        let continuation = format!("{indent}{}", " ".repeat(marker.len()));
        md.push_str(&format!("{indent}{marker}{}\n", running(&item.line, &continuation)));
        render_items(&item.children, false, depth + 1, md);
    }
}

/// Spans as running text; hard line breaks continue at `continuation`.
fn running(line: &Line, continuation: &str) -> String {
    let mut out = String::new();
    for (i, span) in line.iter().enumerate() {
        match span {
            Span::Plain(t) if i == 0 => out.push_str(&escape_block(t)),
            Span::Plain(t) => out.push_str(&t.lines().map(escape_inline).collect::<Vec<_>>().join("  \n")),
            marked => out.push_str(&emphasis(marked)),
        }
    }
    out.replace("  \n", &format!("  \n{continuation}"))
}

/// A bold or italic span; a plain one as inline text.
fn emphasis(span: &Span) -> String {
    let (mark, t) = match span {
        Span::Strong(t) => ("**", t),
        Span::Em(t) => ("*", t),
        Span::Plain(t) => return escape_inline(t),
    };
    // Emphasis cannot start or end on a space in Markdown: keep the leading spaces outside.
    let lead = &t[..t.len() - t.trim_start().len()];
    format!("{lead}{mark}{}{mark}", escape_inline(t.trim()))
}

fn cell(line: &Line) -> String {
    let mut out = String::new();
    for span in line {
        match span {
            Span::Plain(t) => out.push_str(escape_cell(t).trim_matches(' ')),
            marked => out.push_str(&emphasis(marked)),
        }
    }
    if out.trim().is_empty() {
        " ".into()
    } else {
        out
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
