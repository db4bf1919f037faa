//! The executive summary: one page for leadership.

use super::parts::{factor_line, open_questions, overview, themes, Overview};
use super::{internal_mark, mid_sentence, plain, Block, Item, Scribe, Section, Span, WriteUp};
use crate::i18n::tr;
use crate::model::actions::Priority;
use crate::model::ids::Id;
use crate::tf;

/// At most this many factors and actions: the page stays one page.
const TOP: usize = 5;

pub(super) fn write(s: &Scribe) -> WriteUp {
    let mut sections = vec![Section { heading: tr("At a glance"), blocks: vec![overview(s, Overview::Glance)] }];
    if !s.r.surprise.value.trim().is_empty() {
        sections.push(Section { heading: tr("Why we were surprised"), blocks: vec![Block::Paragraph(vec![s.span(&s.r.surprise.value)])] });
    }
    sections.push(key_factors(s));
    sections.extend(themes(s, true));
    sections.push(top_actions(s));
    sections.extend(open_questions(s, true));
    WriteUp { reader: super::Reader::Executive, title: s.title(), subtitle: tr("Executive summary").into(), sections }
}

/// The factors marked key; without any, the most voted; without votes, the first few.
fn key_factors(s: &Scribe) -> Section {
    let r = s.r;
    let shown = r.factor_order();
    let mut chosen: Vec<Id> = shown.iter().copied().filter(|f| r.factors[f].key.value).collect();
    if chosen.is_empty() {
        let totals = r.vote_totals();
        chosen = shown.clone();
        crate::sorting::sort_by_key(&mut chosen, |f| std::cmp::Reverse(totals.get(f).copied().unwrap_or(0)));
    }
    chosen.truncate(TOP);
    let addressed = r.addressed_factors();
    let items: Vec<Item> = chosen.into_iter().map(|f| Item { line: factor_line(s, f, &addressed, false), children: vec![] }).collect();
    let mut blocks = vec![if items.is_empty() { Block::Paragraph(plain(tr("No contributing factors yet."))) } else { Block::List { ordered: true, items } }];
    if shown.len() > TOP {
        blocks.push(Block::Paragraph(vec![Span::Em(tf!("{n} factors in all; the full learning review has every one.", n = shown.len()))]));
    }
    Section { heading: tr("Key factors"), blocks }
}

/// The open actions that matter most: high priority first, then the earliest due.
fn top_actions(s: &Scribe) -> Section {
    let r = s.r;
    let rank = |p: Priority| match p {
        Priority::High => 0,
        Priority::Medium => 1,
        Priority::Low => 2,
    };
    let mut open: Vec<Id> = r.action_order().into_iter().filter(|a| r.actions[a].status.value.is_open()).collect();
    crate::sorting::sort_by_key(&mut open, |a| {
        let a = &r.actions[a];
        (rank(a.priority.value), a.due.value.map_or(i64::MAX, |d| d.days()))
    });
    let total = open.len();
    open.truncate(TOP);
    let items: Vec<Item> = open
        .into_iter()
        .map(|id| {
            let a = &r.actions[&id];
            let mut facts = vec![tf!("{priority} priority", priority = a.priority.value.label())];
            let owner = s.text(&a.owner.value);
            if !owner.is_empty() {
                facts.push(owner);
            }
            if let Some(due) = a.due.value {
                facts.push(tf!("due {date}", date = due.shown()));
            }
            facts.push(mid_sentence(a.status.value.label()));
            if let Some(h) = a.horizon.value {
                facts.push(mid_sentence(h.label()));
            }
            let mut line = vec![s.span(&a.description.value), Span::Plain(format!(" — {}", facts.join(", ")))];
            line.extend(internal_mark(a.internal.value));
            Item { line, children: vec![] }
        })
        .collect();
    let done = r.actions.values().filter(|a| !a.status.value.is_open()).count();
    let mut blocks = vec![if items.is_empty() { Block::Paragraph(plain(tr("No open actions."))) } else { Block::List { ordered: true, items } }];
    blocks.push(Block::Paragraph(plain(tf!("{total} open, {done} done or dropped.", total = total, done = done))));
    Section { heading: tr("Top actions"), blocks }
}
