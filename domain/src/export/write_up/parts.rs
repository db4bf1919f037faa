//! Pieces more than one write-up shows: the overview table, a factor's line, the open
//! questions.

use super::{internal_mark, plain, row, Block, Item, Line, Scribe, Section, Span};
use crate::i18n::{tr, trn};
use crate::model::ids::Id;
use crate::model::time::LocalDateTime;
use crate::model::timeline::{incident_durations, incident_span};
use crate::tf;
use std::collections::HashSet;

/// How much of the overview a write-up shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Overview {
    /// Everything, the people and the zone too.
    Team,
    /// What leadership reads: no names, no zone.
    Glance,
}

/// The overview table: when, how severe, the impact, how it was found, how long it took.
pub(super) fn overview(s: &Scribe, what: Overview) -> Block {
    let r = s.r;
    let (started, ended) = incident_span(r.incident_start.value, r.incident_end.value, &r.timeline);
    let durations = incident_durations(&r.timeline);
    let mut rows =
        vec![row(tr("Started"), plain(started.describe_with(LocalDateTime::shown))), row(tr("Ended"), plain(ended.describe_with(LocalDateTime::shown)))];
    if let Some(severity) = r.severity.value {
        rows.push(row(tr("Severity"), vec![Span::Plain(format!("{} ({})", severity.label(), r.severity_definition(severity)))]));
    }
    rows.push(row(tr("Impact"), vec![s.span(&r.impact.value)]));
    if let Some(detection) = r.detection.value {
        rows.push(row(tr("Detected by"), plain(detection.label())));
    }
    if what == Overview::Team {
        if !r.participants.value.trim().is_empty() && !s.redacting() {
            rows.push(row(tr("Participants"), vec![s.span(&r.participants.value)]));
        }
        let responders: Vec<String> = r
            .responder_order()
            .iter()
            .map(|id| {
                let responder = &r.responders[id];
                let name = s.text(&responder.name.value);
                match name.is_empty() || s.redacting() {
                    true => responder.role.value.label().to_string(),
                    false => format!("{}: {name}", responder.role.value.label()),
                }
            })
            .collect();
        if !responders.is_empty() {
            rows.push(row(tr("Responders"), plain(responders.join("; "))));
        }
        if !r.time_zone.value.trim().is_empty() {
            rows.push(row(tr("Times in"), plain(r.time_zone.value.trim())));
        }
    }
    rows.push(row(tr("Time to detect"), plain(durations.time_to_detect.describe())));
    rows.push(row(tr("Time to resolve"), plain(durations.time_to_resolve.describe())));
    Block::Table { head: vec!["", ""], rows }
}

/// A factor as a list line: its statement, category, key mark, votes, internal mark.
pub(super) fn factor_line(s: &Scribe, id: Id, addressed: &HashSet<Id>, marks: bool) -> Line {
    let f = &s.r.factors[&id];
    let mut line = vec![Span::Plain(format!("{} ({})", s.text(&f.statement.value), f.category.value.label()))];
    if f.key.value {
        line.push(Span::Plain(" — ".into()));
        line.push(Span::Strong(tr("key factor").into()));
        if !addressed.contains(&id) {
            line.push(Span::Plain(if f.decision.value.trim().is_empty() { tr(", no action yet") } else { tr(", no action by decision") }.into()));
        }
    }
    let votes = s.r.total_votes(id);
    if votes > 0 && marks && s.votes {
        line.push(Span::Plain(format!(" — {}", trn("{n} vote", "{n} votes", votes as usize))));
    }
    line.extend(internal_mark(f.internal.value && marks));
    line
}

/// The open questions, each with who could find out; internal ones only when `internal`.
/// They carry only their own words: the passages they came from are private.
pub(super) fn open_questions(s: &Scribe, internal: bool) -> Option<Section> {
    let items: Vec<Item> =
        s.r.question_order()
            .into_iter()
            .map(|id| &s.r.questions[&id])
            .filter(|q| internal || !q.internal.value)
            .map(|q| {
                let mut line = vec![s.span(&q.question.value)];
                let follow_up = s.text(&q.follow_up.value);
                if !follow_up.is_empty() {
                    line.push(Span::Plain(" — ".into()));
                    line.push(Span::Em(tr("who could find out:").into()));
                    line.push(Span::Plain(format!(" {follow_up}")));
                }
                line.extend(internal_mark(q.internal.value));
                Item { line, children: vec![] }
            })
            .collect();
    (!items.is_empty()).then(|| Section { heading: tr("Open questions"), blocks: vec![Block::List { ordered: false, items }] })
}

/// The themes, each with the factors it runs through.
pub(super) fn themes(s: &Scribe, internal: bool) -> Option<Section> {
    let items: Vec<Item> =
        s.r.theme_order()
            .into_iter()
            .map(|id| &s.r.themes[&id])
            .filter(|t| internal || !t.internal.value)
            .map(|t| {
                let mut line = vec![s.span(&t.name.value)];
                let factors: Vec<String> =
                    s.r.factor_order()
                        .into_iter()
                        .filter(|f| t.factors.value.contains(f))
                        .filter(|f| internal || !s.r.factors[f].internal.value)
                        .map(|f| s.text(&s.r.factors[&f].statement.value))
                        .collect();
                if !factors.is_empty() {
                    line.push(Span::Plain(format!(" — {}", tf!("across: {factors}", factors = factors.join("; ")))));
                }
                line.extend(internal_mark(t.internal.value));
                Item { line, children: vec![] }
            })
            .collect();
    (!items.is_empty()).then(|| Section { heading: tr("Themes"), blocks: vec![Block::List { ordered: false, items }] })
}
