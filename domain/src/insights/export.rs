//! The insights as Markdown, for a quarterly review document, and as CSV, for a spreadsheet:
//! every text people wrote escaped as the write-ups escape it.

use super::trends::{AgeSpan, Trend};
use super::{Filter, Insights};
use crate::export::csv::field;
use crate::export::markdown::{escape_cell, escape_inline};
use crate::model::actions::Priority;
use crate::model::time::describe_minutes;

fn minutes(m: Option<i64>) -> String {
    m.map(describe_minutes).unwrap_or_else(|| "—".into())
}

/// `text` with its first letter in upper case.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn table(out: &mut String, head: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    out.push_str(&format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len())));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.iter().map(|c| escape_cell(c)).collect::<Vec<_>>().join(" | ")));
    }
    out.push('\n');
}

/// A trend in a sentence: "Median time to detect: 42 min in the earlier 3 incidents, 18 min in the later 4."
pub fn describe_trend(what: &str, t: &Trend) -> String {
    let change = match t.later.cmp(&t.earlier) {
        std::cmp::Ordering::Less => "faster",
        std::cmp::Ordering::Greater => "slower",
        std::cmp::Ordering::Equal => "no change",
    };
    format!(
        "Median time to {what}: {} over the earlier {} incidents, {} over the later {} ({change}).",
        describe_minutes(t.earlier),
        t.earlier_count,
        describe_minutes(t.later),
        t.later_count
    )
}

/// The insights as one Markdown document.
pub fn insights_markdown(i: &Insights, filter: &Filter) -> String {
    let mut out = format!("# Insights\n\n{} — {} retrospectives, worked out on {}.\n\n", escape_inline(&capitalized(&filter.describe())), i.retros, i.today);
    out.push_str("## Recurring factors\n\n");
    if i.recurring.is_empty() {
        out.push_str("No condition came up in more than one retrospective.\n\n");
    }
    for g in &i.recurring {
        let flag = if g.none_done() { " — no action done yet" } else { "" };
        out.push_str(&format!("### {} ({}, {} retrospectives){flag}\n\n", escape_inline(g.name()), g.category.label(), g.retros));
        table(&mut out, &["Retrospective", "Day", "Factor"], g.members.iter().map(|m| vec![m.retro_title.clone(), m.date.to_string(), m.statement.clone()]));
        if g.actions.is_empty() {
            out.push_str("No action was raised against it.\n\n");
        } else {
            table(
                &mut out,
                &["Action", "Status", "Retrospective"],
                g.actions.iter().map(|a| vec![a.description.clone(), a.status.label().into(), a.retro_title.clone()]),
            );
        }
    }
    out.push_str(&format!("## Open actions\n\n{} of {} actions are done.\n\n", i.actions_done, i.actions_total));
    if !i.open_actions.is_empty() {
        table(
            &mut out,
            &["Action", "Owner", "Priority", "Due", "Age (days)", "Retrospective"],
            i.open_actions.iter().map(|a| {
                let due = a.due.map(|d| if a.is_overdue(i.today) { format!("{d} (overdue)") } else { d.to_string() }).unwrap_or_default();
                vec![a.description.clone(), a.owner.clone(), a.priority.label().into(), due, a.age_days.to_string(), a.retro_title.clone()]
            }),
        );
        let head: Vec<&str> = ["Age"].into_iter().chain(Priority::ALL.iter().map(|p| p.label())).collect();
        table(
            &mut out,
            &head,
            AgeSpan::ALL.iter().zip(i.age_by_priority).map(|(s, row)| [s.label().to_string()].into_iter().chain(row.iter().map(|n| n.to_string())).collect()),
        );
    }
    out.push_str("## Actions done, by month of the retrospective\n\n");
    table(
        &mut out,
        &["Month", "Actions", "Done", "Won't do", "Done (%)"],
        i.completion.iter().map(|m| {
            vec![m.label(), m.total.to_string(), m.done.to_string(), m.dropped.to_string(), m.percent().map(|p| format!("{p} %")).unwrap_or("—".into())]
        }),
    );
    out.push_str("## Detection and resolution\n\n");
    for (what, t) in [("detect", i.detect_trend), ("resolve", i.resolve_trend)] {
        if let Some(t) = t {
            out.push_str(&describe_trend(what, &t));
            out.push_str("\n\n");
        }
    }
    table(
        &mut out,
        &["Incident", "Day", "Time to detect", "Time to resolve"],
        i.incidents.iter().map(|r| vec![r.title.clone(), r.date.to_string(), minutes(r.time_to_detect), minutes(r.time_to_resolve)]),
    );
    out.push_str("## Severity, detection and categories\n\n");
    let label = |l: Option<&'static str>| l.unwrap_or("Not set").to_string();
    table(&mut out, &["Severity", "Retrospectives"], i.by_severity.iter().map(|(s, n)| vec![label(s.map(|s| s.label())), n.to_string()]));
    table(&mut out, &["Detected by", "Retrospectives"], i.by_detection.iter().map(|(d, n)| vec![label(d.map(|d| d.label())), n.to_string()]));
    table(&mut out, &["Category", "Factors"], i.by_category.iter().map(|(c, n)| vec![c.label().to_string(), n.to_string()]));
    out
}

/// The insights as one CSV table (RFC 4180): a row per recurring factor, open action and
/// incident, the first column saying which; columns that do not apply are empty.
pub fn insights_csv(i: &Insights) -> String {
    let mut out =
        String::from("Section,Group,Retrospective,Day,Text,Category or priority,Status,Owner,Due,Age (days),Time to detect (min),Time to resolve (min)\r\n");
    let mut row = |cells: [String; 12]| {
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    let none = String::new;
    for (n, g) in i.recurring.iter().enumerate() {
        for m in &g.members {
            row([
                "Recurring factor".into(),
                (n + 1).to_string(),
                m.retro_title.clone(),
                m.date.to_string(),
                m.statement.clone(),
                m.category.label().into(),
                if g.none_done() { "No action done".into() } else { "An action done".into() },
                none(),
                none(),
                none(),
                none(),
                none(),
            ]);
        }
    }
    for a in &i.open_actions {
        row([
            "Open action".into(),
            none(),
            a.retro_title.clone(),
            none(),
            a.description.clone(),
            a.priority.label().into(),
            if a.is_overdue(i.today) { format!("{} (overdue)", a.status.label()) } else { a.status.label().into() },
            a.owner.clone(),
            a.due.map(|d| d.to_string()).unwrap_or_default(),
            a.age_days.to_string(),
            none(),
            none(),
        ]);
    }
    for r in &i.incidents {
        let m = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        row([
            "Incident".into(),
            none(),
            r.title.clone(),
            r.date.to_string(),
            none(),
            none(),
            none(),
            none(),
            none(),
            none(),
            m(r.time_to_detect),
            m(r.time_to_resolve),
        ]);
    }
    out
}
