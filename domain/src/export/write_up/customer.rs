//! The customer note: what people experienced, in plain words, and what is being done. Never a
//! name (the [`Scribe`] redacts them), an account, or anything marked internal.

use super::{plain, Block, Item, Scribe, Section, Span, WriteUp};
use crate::model::actions::ActionStatus;
use crate::model::time::describe_minutes;
use crate::model::timeline::{incident_durations, incident_span, Derived};

pub(super) fn write(s: &Scribe) -> WriteUp {
    let r = s.r;
    let mut sections = vec![Section { heading: "What happened", blocks: what_happened(s) }];
    let causes: Vec<Item> = r
        .factor_order()
        .into_iter()
        .map(|id| &r.factors[&id])
        .filter(|f| f.key.value && !f.internal.value && !f.statement.value.trim().is_empty())
        .map(|f| Item { line: vec![s.span(&f.statement.value)], children: vec![] })
        .collect();
    if !causes.is_empty() {
        sections.push(Section { heading: "Why it happened", blocks: vec![Block::List { ordered: false, items: causes }] });
    }
    let doing: Vec<Item> = r
        .action_order()
        .into_iter()
        .map(|id| &r.actions[&id])
        .filter(|a| !a.internal.value && a.status.value != ActionStatus::WontDo && !a.description.value.trim().is_empty())
        .map(|a| {
            let state = match a.status.value {
                ActionStatus::Done => "done",
                ActionStatus::InProgress => "under way",
                _ => "planned",
            };
            Item { line: vec![s.span(&a.description.value), Span::Em(format!(" ({state})"))], children: vec![] }
        })
        .collect();
    let doing = if doing.is_empty() {
        Block::Paragraph(plain("We are working out what to change and will say so here."))
    } else {
        Block::List { ordered: false, items: doing }
    };
    sections.push(Section { heading: "What we are doing about it", blocks: vec![doing] });
    WriteUp { reader: super::Reader::Customer, title: s.title(), subtitle: "What happened and what we are doing".into(), sections }
}

/// The impact as written, then when it started and how long it lasted, as far as is known.
fn what_happened(s: &Scribe) -> Vec<Block> {
    let r = s.r;
    let mut blocks = Vec::new();
    let impact = s.text(&r.impact.value);
    if !impact.is_empty() {
        blocks.push(Block::Paragraph(plain(impact)));
    }
    let (started, ended) = incident_span(r.incident_start.value, r.incident_end.value, &r.timeline);
    let lasted = match (started.time(), ended.time()) {
        (Some(a), Some(b)) if b.minutes() > a.minutes() => Some(b.minutes() - a.minutes()),
        _ => match incident_durations(&r.timeline).time_to_resolve {
            Derived::Minutes(m) => Some(m),
            _ => None,
        },
    };
    let when = |t: crate::model::time::LocalDateTime| t.to_string().replace('T', " at ");
    let zone = if r.time_zone.value.trim().is_empty() { String::new() } else { format!(" ({})", r.time_zone.value.trim()) };
    let sentence = match (started.time(), lasted) {
        (Some(t), Some(m)) => Some(format!("It began on {}{zone} and lasted {}.", when(t), describe_minutes(m))),
        (Some(t), None) => Some(format!("It began on {}{zone}.", when(t))),
        (None, Some(m)) => Some(format!("It lasted {}.", describe_minutes(m))),
        (None, None) => None,
    };
    blocks.extend(sentence.map(|t| Block::Paragraph(plain(t))));
    if blocks.is_empty() {
        blocks.push(Block::Paragraph(plain("The impact has not been written down yet.")));
    }
    blocks
}
