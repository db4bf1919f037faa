//! The customer note: what people experienced, in plain words, and what is being done. Never a
//! name (the [`Scribe`] redacts them), an account, or anything marked internal.

use super::{plain, Block, Item, Scribe, Section, Span, WriteUp};
use crate::i18n::{fill, tr};
use crate::model::actions::ActionStatus;
use crate::model::time::describe_minutes;
use crate::model::timeline::{incident_durations, incident_span, Derived};
use crate::tf;

pub(super) fn write(s: &Scribe) -> WriteUp {
    let r = s.r;
    let mut sections = vec![Section { heading: tr("What happened"), blocks: what_happened(s) }];
    let causes: Vec<Item> = r
        .factor_order()
        .into_iter()
        .map(|id| &r.factors[&id])
        .filter(|f| f.key.value && !f.internal.value && !f.statement.value.trim().is_empty())
        .map(|f| Item { line: vec![s.span(&f.statement.value)], children: vec![] })
        .collect();
    if !causes.is_empty() {
        sections.push(Section { heading: tr("Why it happened"), blocks: vec![Block::List { ordered: false, items: causes }] });
    }
    let doing: Vec<Item> = r
        .action_order()
        .into_iter()
        .map(|id| &r.actions[&id])
        .filter(|a| !a.internal.value && a.status.value != ActionStatus::WontDo && !a.description.value.trim().is_empty())
        .map(|a| {
            let state = match a.status.value {
                ActionStatus::Done => tr("done"),
                ActionStatus::InProgress => tr("under way"),
                _ => tr("planned"),
            };
            Item { line: vec![s.span(&a.description.value), Span::Em(format!(" ({state})"))], children: vec![] }
        })
        .collect();
    let doing = if doing.is_empty() {
        Block::Paragraph(plain(tr("We are working out what to change and will say so here.")))
    } else {
        Block::List { ordered: false, items: doing }
    };
    sections.push(Section { heading: tr("What we are doing about it"), blocks: vec![doing] });
    WriteUp { reader: super::Reader::Customer, title: s.title(), subtitle: tr("What happened and what we are doing").into(), sections }
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
    let zone = r.time_zone.value.trim();
    let sentence = match (started.time(), lasted) {
        (Some(t), Some(m)) if zone.is_empty() => {
            Some(tf!("It began on {date} at {time} and lasted {duration}.", date = t.date().shown(), time = t.clock_time(), duration = describe_minutes(m)))
        }
        (Some(t), Some(m)) => Some(fill(
            tr("It began on {date} at {time} ({zone}) and lasted {duration}."),
            &[("date", &t.date().shown()), ("time", &t.clock_time()), ("zone", &zone), ("duration", &describe_minutes(m))],
        )),
        (Some(t), None) if zone.is_empty() => Some(tf!("It began on {date} at {time}.", date = t.date().shown(), time = t.clock_time())),
        (Some(t), None) => Some(tf!("It began on {date} at {time} ({zone}).", date = t.date().shown(), time = t.clock_time(), zone = zone)),
        (None, Some(m)) => Some(tf!("It lasted {duration}.", duration = describe_minutes(m))),
        (None, None) => None,
    };
    blocks.extend(sentence.map(|t| Block::Paragraph(plain(t))));
    if blocks.is_empty() {
        blocks.push(Block::Paragraph(plain(tr("The impact has not been written down yet."))));
    }
    blocks
}
