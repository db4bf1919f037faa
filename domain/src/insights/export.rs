//! The insights as Markdown, for a quarterly review document, and as CSV, for a spreadsheet:
//! every text people wrote escaped as the write-ups escape it.

use super::trends::{AgeSpan, Trend};
use super::{shown_day, Filter, Insights};
use crate::export::csv::field;
use crate::export::markdown::{escape_cell, escape_inline};
use crate::i18n::{fill, n_, tr};
use crate::model::actions::Priority;
use crate::model::time::describe_minutes;
use crate::tf;

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

/// A trend in a sentence: "Median time to detect: 42 min over the earlier 3 incidents, 18 min over the later 4 (faster)."
/// `what` is `"detect"` or `"resolve"`.
pub fn describe_trend(what: &str, t: &Trend) -> String {
    let change = match t.later.cmp(&t.earlier) {
        std::cmp::Ordering::Less => tr("faster"),
        std::cmp::Ordering::Greater => tr("slower"),
        std::cmp::Ordering::Equal => tr("no change"),
    };
    let (earlier, later) = (describe_minutes(t.earlier), describe_minutes(t.later));
    let text = if what == "resolve" {
        tr("Median time to resolve: {earlier} over the earlier {earlier_count} incidents, {later} over the later {later_count} ({change}).")
    } else {
        tr("Median time to detect: {earlier} over the earlier {earlier_count} incidents, {later} over the later {later_count} ({change}).")
    };
    fill(text, &[("earlier", &earlier), ("earlier_count", &t.earlier_count), ("later", &later), ("later_count", &t.later_count), ("change", &change)])
}

/// The insights as one Markdown document.
pub fn insights_markdown(i: &Insights, filter: &Filter) -> String {
    let intro = fill(
        tr(if i.retros == 1 {
            n_("{filter} — {n} retrospective, worked out on {day}.")
        } else {
            n_("{filter} — {n} retrospectives, worked out on {day}.")
        }),
        &[("filter", &escape_inline(&capitalized(&filter.describe()))), ("n", &i.retros), ("day", &shown_day(i.today))],
    );
    let mut out = format!("# {}\n\n{intro}\n\n", tr("Insights"));
    out.push_str(&format!("## {}\n\n", tr("Recurring factors")));
    if i.recurring.is_empty() {
        out.push_str(tr("No condition came up in more than one retrospective."));
        out.push_str("\n\n");
    }
    for g in &i.recurring {
        let (name, category) = (escape_inline(g.name()), g.category.label());
        let heading = if g.none_done() {
            tf!("{name} ({category}, {n} retrospectives) — no action done yet", name = name, category = category, n = g.retros)
        } else {
            tf!("{name} ({category}, {n} retrospectives)", name = name, category = category, n = g.retros)
        };
        out.push_str(&format!("### {heading}\n\n"));
        table(
            &mut out,
            &[tr("Retrospective"), tr("Day"), tr("Factor")],
            g.members.iter().map(|m| vec![m.retro_title.clone(), shown_day(m.date), m.statement.clone()]),
        );
        if g.actions.is_empty() {
            out.push_str(tr("No action was raised against it."));
            out.push_str("\n\n");
        } else {
            table(
                &mut out,
                &[tr("Action"), tr("Status"), tr("Retrospective")],
                g.actions.iter().map(|a| vec![a.description.clone(), a.status.label().into(), a.retro_title.clone()]),
            );
        }
    }
    let done = fill(
        tr(if i.actions_total == 1 { n_("{done} of {n} action is done.") } else { n_("{done} of {n} actions are done.") }),
        &[("done", &i.actions_done), ("n", &i.actions_total)],
    );
    out.push_str(&format!("## {}\n\n{done}\n\n", tr("Open actions")));
    if !i.open_actions.is_empty() {
        table(
            &mut out,
            &[tr("Action"), tr("Owner"), tr("Priority"), tr("Due"), tr("Age (days)"), tr("Retrospective")],
            i.open_actions.iter().map(|a| {
                let due = a.due.map(|d| if a.is_overdue(i.today) { tf!("{due} (overdue)", due = shown_day(d)) } else { shown_day(d) }).unwrap_or_default();
                vec![a.description.clone(), a.owner.clone(), a.priority.label().into(), due, a.age_days.to_string(), a.retro_title.clone()]
            }),
        );
        let head: Vec<&str> = [tr("Age")].into_iter().chain(Priority::ALL.iter().map(|p| p.label())).collect();
        table(
            &mut out,
            &head,
            AgeSpan::ALL.iter().zip(i.age_by_priority).map(|(s, row)| [s.label().to_string()].into_iter().chain(row.iter().map(|n| n.to_string())).collect()),
        );
    }
    out.push_str(&format!("## {}\n\n", tr("Actions done, by month of the retrospective")));
    table(
        &mut out,
        &[tr("Month"), tr("Actions"), tr("Done"), tr("Won't do"), tr("Done (%)")],
        i.completion.iter().map(|m| {
            vec![m.label(), m.total.to_string(), m.done.to_string(), m.dropped.to_string(), m.percent().map(|p| format!("{p} %")).unwrap_or("—".into())]
        }),
    );
    out.push_str(&format!("## {}\n\n", tr("Detection and resolution")));
    for (what, t) in [("detect", i.detect_trend), ("resolve", i.resolve_trend)] {
        if let Some(t) = t {
            out.push_str(&describe_trend(what, &t));
            out.push_str("\n\n");
        }
    }
    table(
        &mut out,
        &[tr("Incident"), tr("Day"), tr("Time to detect"), tr("Time to resolve")],
        i.incidents.iter().map(|r| vec![r.title.clone(), shown_day(r.date), minutes(r.time_to_detect), minutes(r.time_to_resolve)]),
    );
    out.push_str(&format!("## {}\n\n", tr("Severity, detection and categories")));
    let label = |l: Option<&'static str>| l.unwrap_or_else(|| tr("Not set")).to_string();
    table(&mut out, &[tr("Severity"), tr("Retrospectives")], i.by_severity.iter().map(|(s, n)| vec![label(s.map(|s| s.label())), n.to_string()]));
    table(&mut out, &[tr("Detected by"), tr("Retrospectives")], i.by_detection.iter().map(|(d, n)| vec![label(d.map(|d| d.label())), n.to_string()]));
    table(&mut out, &[tr("Category"), tr("Factors")], i.by_category.iter().map(|(c, n)| vec![c.label().to_string(), n.to_string()]));
    out
}

/// The insights as one CSV table (RFC 4180): a row per recurring factor, open action and
/// incident, the first column saying which; columns that do not apply are empty. Days stay in
/// ISO form (`2026-03-30`), which every spreadsheet reads as a date.
pub fn insights_csv(i: &Insights) -> String {
    let head = [
        tr("Section"),
        tr("Group"),
        tr("Retrospective"),
        tr("Day"),
        tr("Text"),
        tr("Category or priority"),
        tr("Status"),
        tr("Owner"),
        tr("Due"),
        tr("Age (days)"),
        tr("Time to detect (min)"),
        tr("Time to resolve (min)"),
    ];
    let mut out = head.iter().map(|c| field(c)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    let mut row = |cells: [String; 12]| {
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    let none = String::new;
    for (n, g) in i.recurring.iter().enumerate() {
        for m in &g.members {
            row([
                tr("Recurring factor").into(),
                (n + 1).to_string(),
                m.retro_title.clone(),
                m.date.to_string(),
                m.statement.clone(),
                m.category.label().into(),
                if g.none_done() { tr("No action done").into() } else { tr("An action done").into() },
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
            tr("Open action").into(),
            none(),
            a.retro_title.clone(),
            none(),
            a.description.clone(),
            a.priority.label().into(),
            if a.is_overdue(i.today) { tf!("{status} (overdue)", status = a.status.label()) } else { a.status.label().into() },
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
            tr("Incident").into(),
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
