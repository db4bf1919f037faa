//! The full learning review: everything the team found, for the team.

use super::parts::{factor_line, open_questions, overview, themes, Overview};
use super::{internal_mark, plain, Block, Item, Line, Scribe, Section, Span, WriteUp};
use crate::i18n::tr;
use crate::model::accounts::{PassageAt, PassageRef, Prompt};
use crate::model::factors::why_children;
use crate::model::ids::Id;
use crate::model::learnings::LearningList;
use crate::tf;

pub(super) fn write(s: &Scribe) -> WriteUp {
    let r = s.r;
    let mut sections = vec![Section { heading: tr("Overview"), blocks: vec![overview(s, Overview::Team)] }, what_happened(s), why(s)];
    if !r.surprise.value.trim().is_empty() {
        sections.push(Section { heading: tr("Why we were surprised"), blocks: vec![Block::Paragraph(vec![s.span(&r.surprise.value)])] });
    }
    sections.extend(themes(s, true));
    sections.push(prevention(s));
    sections.extend(open_questions(s, true));
    sections.extend(included_passages(s));
    for list in LearningList::ALL {
        let items: Vec<Item> = r
            .learning_order(*list)
            .into_iter()
            .map(|id| {
                let l = &r.learnings[&id];
                let mut line = vec![s.span(&l.text.value)];
                line.extend(internal_mark(l.internal.value));
                Item { line, children: vec![] }
            })
            .collect();
        let block = if items.is_empty() { Block::Paragraph(plain(tr("Nothing recorded."))) } else { Block::List { ordered: false, items } };
        sections.push(Section { heading: list.label(), blocks: vec![block] });
    }
    WriteUp { reader: super::Reader::Full, title: s.title(), subtitle: r.template_name().to_string(), sections }
}

fn what_happened(s: &Scribe) -> Section {
    let r = s.r;
    let block = if r.timeline.is_empty() {
        Block::Paragraph(plain(tr("No timeline entries.")))
    } else {
        let when = |t: Option<crate::model::time::LocalDateTime>| t.map(crate::model::time::LocalDateTime::shown).unwrap_or_else(|| "—".into());
        let rows = r
            .timeline_order()
            .iter()
            .map(|id| {
                let e = &r.timeline[id];
                let mut what = vec![s.span(&e.what.value)];
                what.extend(internal_mark(e.internal.value));
                vec![plain(when(e.when.value)), plain(e.kind.value.label()), what, vec![s.span(&e.evidence.value)]]
            })
            .collect();
        Block::Table { head: vec![tr("When"), tr("Kind"), tr("What happened"), tr("Evidence")], rows }
    };
    Section { heading: tr("What happened"), blocks: vec![block] }
}

fn why(s: &Scribe) -> Section {
    let r = s.r;
    let addressed = r.addressed_factors();
    let items: Vec<Item> = r
        .factor_order()
        .into_iter()
        .map(|id| {
            let f = &r.factors[&id];
            let mut children = why_chain(s, id, None);
            if !f.decision.value.trim().is_empty() {
                children.insert(
                    0,
                    Item {
                        line: vec![Span::Em(tr("No action, by decision:").into()), Span::Plain(format!(" {}", s.text(&f.decision.value)))],
                        children: vec![],
                    },
                );
            }
            for part in r.merged_parts(id) {
                let line = vec![Span::Plain(tf!("Also named as: {statement}", statement = s.text(&r.factors[&part].statement.value)))];
                children.push(Item { line, children: why_chain(s, part, None) });
            }
            Item { line: factor_line(s, id, &addressed, true), children }
        })
        .collect();
    let block = if items.is_empty() { Block::Paragraph(plain(tr("No contributing factors."))) } else { Block::List { ordered: true, items } };
    Section { heading: tr("Why"), blocks: vec![block] }
}

fn why_chain(s: &Scribe, factor: Id, parent: Option<Id>) -> Vec<Item> {
    why_children(&s.r.whys, factor, parent)
        .into_iter()
        .map(|id| {
            let node = &s.r.whys[&id];
            let answer = s.text(&node.answer.value);
            let answer = if answer.is_empty() { Span::Em(tr("(not answered)").into()) } else { Span::Plain(answer) };
            Item { line: vec![Span::Strong(s.text(&node.question.value)), Span::Plain(" ".into()), answer], children: why_chain(s, factor, Some(id)) }
        })
        .collect()
}

fn prevention(s: &Scribe) -> Section {
    let r = s.r;
    let block = if r.actions.is_empty() {
        Block::Paragraph(plain(tr("No actions.")))
    } else {
        let rows = r
            .action_order()
            .iter()
            .map(|id| {
                let a = &r.actions[id];
                let mut description = vec![s.span(&a.description.value)];
                description.extend(internal_mark(a.internal.value));
                vec![
                    description,
                    vec![s.span(&a.owner.value)],
                    plain(a.due.value.map(crate::model::time::Date::shown).unwrap_or_else(|| "—".into())),
                    plain(a.priority.value.label()),
                    plain(a.kind.value.label()),
                    plain(a.status.value.label()),
                    plain(a.horizon.value.map_or("—", |h| h.label())),
                ]
            })
            .collect();
        Block::Table { head: vec![tr("Action"), tr("Owner"), tr("Due"), tr("Priority"), tr("Kind"), tr("Status"), tr("Term")], rows }
    };
    Section { heading: tr("Prevention"), blocks: vec![block] }
}

/// The passages the facilitator included on purpose; nothing else of any account.
fn included_passages(s: &Scribe) -> Option<Section> {
    let r = s.r;
    let mut items = Vec::new();
    for (id, account) in &r.accounts {
        for at in &account.included.value {
            let Some(text) = account.body.value.passage(*at) else { continue };
            let who = if s.redacting() { anonymous_label(r, *id) } else { r.account_label(*id) };
            let line: Line = vec![Span::Strong(who), Span::Plain(passage_place(s, PassageRef { account: *id, at: *at })), Span::Plain(s.text(text))];
            items.push(Item { line, children: vec![] });
        }
    }
    (!items.is_empty()).then(|| Section { heading: tr("From the accounts"), blocks: vec![Block::List { ordered: false, items }] })
}

/// "Participant n", whatever name the account gave.
fn anonymous_label(r: &crate::model::retrospective::Retrospective, account: Id) -> String {
    tf!("Participant {n}", n = r.accounts.keys().position(|id| *id == account).map_or(0, |i| i + 1))
}

/// Where a passage sits, in words, as it follows the name: ", what I saw at “Alert fired”: ".
fn passage_place(s: &Scribe, passage: PassageRef) -> String {
    match passage.at {
        PassageAt::Moment { entry, prompt } => {
            let moment = s.r.timeline.get(&entry).map(|e| s.text(&e.what.value)).unwrap_or_default();
            match prompt {
                Prompt::Saw => tf!(", what I saw at “{moment}”: ", moment = moment),
                Prompt::Knew => tf!(", what I knew then at “{moment}”: ", moment = moment),
                Prompt::Expected => tf!(", what I expected at “{moment}”: ", moment = moment),
                Prompt::Did => tf!(", what I did at “{moment}”: ", moment = moment),
            }
        }
        PassageAt::Added { .. } => tr(", a moment they added: ").into(),
        PassageAt::Narrative => tr(", their story: ").into(),
        PassageAt::Surprised => tr(", what surprised them: ").into(),
    }
}
