//! Accounts side by side: the timeline down the side and one column per account, so what
//! differs shows at a glance: a moment only one person mentions, a moment someone remembers
//! that the timeline lacks, different expectations at the same moment. Each difference comes
//! with the open question it suggests, worded to ask how things made sense, not who erred.

use crate::i18n::{fill, tr};
use crate::model::accounts::{PassageAt, PassageRef, Prompt};
use crate::model::factors::Category;
use crate::model::ids::Id;
use crate::model::retrospective::Retrospective;
use crate::model::time::LocalDateTime;
use crate::tf;

/// One account's column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The account.
    pub account: Id,
    /// Its name, or "Participant n".
    pub label: String,
}

/// What a row is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Moment {
    /// A timeline entry.
    Entry {
        /// The entry.
        id: Id,
        /// When it happened.
        when: Option<LocalDateTime>,
        /// What happened.
        what: String,
    },
    /// A moment one account adds that the timeline lacks.
    Added {
        /// The account that remembers it.
        account: Id,
        /// When, as they remember it.
        when: Option<LocalDateTime>,
        /// What happened.
        what: String,
    },
    /// The accounts in their own words.
    Narrative,
    /// What surprised each person.
    Surprised,
}

/// One passage in a cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// Where it is in its account.
    pub at: PassageAt,
    /// What it answers ("What I saw"…), for notes on a moment.
    pub prompt: Option<Prompt>,
    /// What they wrote.
    pub text: String,
}

/// A difference between the accounts at one row.
#[derive(Clone, Debug, PartialEq)]
pub enum Difference {
    /// Only one account says anything about this moment.
    OnlyOne,
    /// A moment one account remembers and the timeline lacks.
    Missing,
    /// Two or more accounts expected different things here.
    ExpectationsDiffer,
}

/// One row: a moment, and what each account says of it (cells in column order).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// What the row is about.
    pub moment: Moment,
    /// Per column, its passages here.
    pub cells: Vec<Vec<Passage>>,
    /// What differs here, if anything.
    pub difference: Option<Difference>,
}

/// The whole view.
#[derive(Clone, Debug, PartialEq)]
pub struct SideBySide {
    /// One per account, in the accounts' order.
    pub columns: Vec<Column>,
    /// The timeline's moments in order, added moments placed by their time, then the
    /// narratives and surprises.
    pub rows: Vec<Row>,
}

/// The accounts of `retro` side by side.
pub fn side_by_side(retro: &Retrospective) -> SideBySide {
    let columns: Vec<Column> = retro.accounts.keys().map(|id| Column { account: *id, label: retro.account_label(*id) }).collect();
    let bodies: Vec<_> = retro.accounts.values().map(|a| &a.body.value).collect();
    let several = columns.len() > 1;
    let mut rows: Vec<Row> = Vec::new();
    for id in retro.timeline_order() {
        let Some(entry) = retro.timeline.get(&id) else { continue };
        let cells: Vec<Vec<Passage>> = bodies
            .iter()
            .map(|body| {
                Prompt::ALL
                    .iter()
                    .filter_map(|prompt| {
                        let at = PassageAt::Moment { entry: id, prompt: *prompt };
                        body.passage(at).map(|text| Passage { at, prompt: Some(*prompt), text: text.to_string() })
                    })
                    .collect()
            })
            .collect();
        let speaking = cells.iter().filter(|c| !c.is_empty()).count();
        let mut expectations: Vec<String> =
            cells.iter().flatten().filter(|p| p.prompt == Some(Prompt::Expected)).map(|p| p.text.trim().to_lowercase()).collect();
        crate::sorting::sort(&mut expectations);
        expectations.dedup();
        let difference = if expectations.len() > 1 {
            Some(Difference::ExpectationsDiffer)
        } else if several && speaking == 1 {
            Some(Difference::OnlyOne)
        } else {
            None
        };
        rows.push(Row { moment: Moment::Entry { id, when: entry.when.value, what: entry.what.value.clone() }, cells, difference });
    }
    // Moments the timeline lacks, each placed before the first timed row that comes after it.
    for (column, body) in bodies.iter().enumerate() {
        for (index, added) in body.added.iter().enumerate().filter(|(_, m)| !m.what.trim().is_empty()) {
            let mut cells = vec![Vec::new(); columns.len()];
            cells[column].push(Passage { at: PassageAt::Added { index }, prompt: None, text: added.what.clone() });
            let row = Row {
                moment: Moment::Added { account: columns[column].account, when: added.when, what: added.what.clone() },
                cells,
                difference: Some(Difference::Missing),
            };
            let at = added.when.and_then(|when| rows.iter().position(|r| row_time(r).is_some_and(|t| t > when))).unwrap_or(rows.len());
            rows.insert(at, row);
        }
    }
    for (moment, at) in [(Moment::Narrative, PassageAt::Narrative), (Moment::Surprised, PassageAt::Surprised)] {
        let cells: Vec<Vec<Passage>> =
            bodies.iter().map(|b| b.passage(at).map(|t| vec![Passage { at, prompt: None, text: t.to_string() }]).unwrap_or_default()).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push(Row { moment, cells, difference: None });
        }
    }
    SideBySide { columns, rows }
}

fn row_time(row: &Row) -> Option<LocalDateTime> {
    match &row.moment {
        Moment::Entry { when, .. } | Moment::Added { when, .. } => *when,
        _ => None,
    }
}

impl SideBySide {
    /// The open question a difference suggests, in the active language, and the passages it
    /// comes from. Worded to ask what made each view reasonable, never whose view was wrong.
    pub fn suggested_question(&self, row: &Row) -> Option<(String, Vec<PassageRef>)> {
        let sources = self.sources(row);
        let speakers = || -> String {
            self.columns.iter().zip(&row.cells).filter(|(_, c)| !c.is_empty()).map(|(col, _)| col.label.as_str()).collect::<Vec<_>>().join(", ")
        };
        let text = match (&row.moment, row.difference.as_ref()?) {
            (Moment::Entry { when, what, .. }, Difference::ExpectationsDiffer) => match clock(when) {
                Some(time) => {
                    tf!("Different expectations at {time} (“{what}”): what made each of them reasonable at the time?", time = time, what = short(what))
                }
                None => tf!("Different expectations (“{what}”): what made each of them reasonable at the time?", what = short(what)),
            },
            (Moment::Entry { when, what, .. }, Difference::OnlyOne) => {
                let (names, what) = (speakers(), short(what));
                match clock(when) {
                    Some(time) => fill(
                        tr("Only {names} mentions “{what}” at {time}: what did the others see or know at that moment?"),
                        &[("names", &names), ("what", &what), ("time", &time)],
                    ),
                    None => tf!("Only {names} mentions “{what}”: what did the others see or know at that moment?", names = names, what = what),
                }
            }
            (Moment::Added { when, what, .. }, Difference::Missing) => {
                let (names, what) = (speakers(), short(what));
                match clock(when) {
                    Some(time) => fill(
                        tr("{names} remembers “{what}” at {time}, which the timeline lacks: what happened there, and who else saw it?"),
                        &[("names", &names), ("what", &what), ("time", &time)],
                    ),
                    None => fill(
                        tr("{names} remembers “{what}”, which the timeline lacks: what happened there, and who else saw it?"),
                        &[("names", &names), ("what", &what)],
                    ),
                }
            }
            _ => return None,
        };
        Some((text, sources))
    }

    /// The contributing factor a difference suggests, in the active language, as a condition of
    /// the system (what was not shared, not seen, not recorded), with the passages it comes from.
    pub fn suggested_factor(&self, row: &Row) -> Option<(String, Category, Vec<PassageRef>)> {
        let text = match (&row.moment, row.difference.as_ref()?) {
            (Moment::Entry { when, what, .. }, Difference::ExpectationsDiffer) => match clock(when) {
                Some(time) => tf!("Responders held different expectations of what would happen at {time} (“{what}”)", time = time, what = short(what)),
                None => tf!("Responders held different expectations of what would happen (“{what}”)", what = short(what)),
            },
            (Moment::Entry { when, what, .. }, Difference::OnlyOne) => match clock(when) {
                Some(time) => tf!("“{what}” at {time} was visible in one place only, not to all responders", what = short(what), time = time),
                None => tf!("“{what}” was visible in one place only, not to all responders", what = short(what)),
            },
            (Moment::Added { when, what, .. }, Difference::Missing) => match clock(when) {
                Some(time) => tf!("“{what}” at {time} was not recorded where the team could see it", what = short(what), time = time),
                None => tf!("“{what}” was not recorded where the team could see it", what = short(what)),
            },
            _ => return None,
        };
        Some((text, Category::Communication, self.sources(row)))
    }

    /// Every passage of a row, in column order.
    fn sources(&self, row: &Row) -> Vec<PassageRef> {
        self.columns.iter().zip(&row.cells).flat_map(|(column, cell)| cell.iter().map(|p| PassageRef { account: column.account, at: p.at })).collect()
    }
}

/// "14:02", or nothing for a moment without a time.
fn clock(when: &Option<LocalDateTime>) -> Option<String> {
    when.map(|w| w.clock_time())
}

/// A moment's text, shortened for a question.
fn short(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::model::accounts::{AccountDraft, AddedMoment, MomentNotes};
    use crate::model::ids::Replica;
    use crate::model::retrospective::Writer;
    use crate::model::template::Template;
    use crate::model::timeline::TimelineField;

    fn id(n: u8) -> Id {
        Id::from_random([n; 16])
    }

    fn at(t: &str) -> Option<LocalDateTime> {
        LocalDateTime::parse(t)
    }

    #[test]
    fn differences_show_and_suggest_blameless_questions() {
        let w = Writer::new(Replica(1), 0);
        let mut r = Retrospective::new(id(1), Template::Incident, "Outage", &w);
        for (n, when, what) in [(2, "2024-03-30T23:36", "Deploy 4812"), (3, "2024-03-30T23:41", "5xx alert fired"), (4, "2024-03-31T00:03", "Rollback")] {
            r.apply(Edit::AddTimelineEntry { id: id(n) }, &w);
            r.apply(Edit::Timeline(id(n), TimelineField::When(at(when))), &w);
            r.apply(Edit::Timeline(id(n), TimelineField::What(what.into())), &w);
        }
        let request = r.account_request(id(9), false, "");
        let mut sam = AccountDraft::new(request.clone(), id(20), Replica(20));
        sam.edit(
            |b| {
                b.name = "Sam".into();
                b.moments.insert(id(3), MomentNotes { expected: "A blip from the load balancer".into(), ..Default::default() });
                b.moments.insert(id(2), MomentNotes { did: "Pressed deploy".into(), ..Default::default() });
                b.added.push(AddedMoment { when: at("2024-03-30T23:50"), what: "Support asked about failed payments".into() });
                b.surprised = "The replica lag".into();
            },
            Replica(20),
        );
        let mut priya = AccountDraft::new(request, id(30), Replica(30));
        priya.edit(
            |b| {
                b.moments.insert(id(3), MomentNotes { expected: "The pool to recover by itself".into(), saw: "Timeouts".into(), ..Default::default() });
            },
            Replica(30),
        );
        r.attach_reply(&sam.reply(), 1).unwrap();
        r.attach_reply(&priya.reply(), 1).unwrap();
        let view = side_by_side(&r);
        let labels: Vec<&str> = view.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Sam", "Participant 2"]);
        let kinds: Vec<(String, Option<Difference>)> = view
            .rows
            .iter()
            .map(|row| {
                let name = match &row.moment {
                    Moment::Entry { what, .. } | Moment::Added { what, .. } => what.clone(),
                    Moment::Narrative => "narrative".into(),
                    Moment::Surprised => "surprised".into(),
                };
                (name, row.difference.clone())
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ("Deploy 4812".to_string(), Some(Difference::OnlyOne)),
                ("5xx alert fired".to_string(), Some(Difference::ExpectationsDiffer)),
                ("Support asked about failed payments".to_string(), Some(Difference::Missing)),
                ("Rollback".to_string(), None),
                ("surprised".to_string(), None),
            ]
        );
        let (question, sources) = view.suggested_question(&view.rows[1]).unwrap();
        assert_eq!(question, "Different expectations at 23:41 (“5xx alert fired”): what made each of them reasonable at the time?");
        assert_eq!(sources.len(), 3, "both expectations and Priya's timeouts");
        let (question, _) = view.suggested_question(&view.rows[2]).unwrap();
        assert!(question.starts_with("Sam remembers “Support asked about failed payments” at 23:50"), "{question}");
        assert_eq!(view.suggested_question(&view.rows[3]), None, "no difference, no question");
        assert!(crate::coach::review(&question).is_empty(), "the suggested wording passes the coach");
        let (factor, category, sources) = view.suggested_factor(&view.rows[1]).unwrap();
        assert_eq!(factor, "Responders held different expectations of what would happen at 23:41 (“5xx alert fired”)");
        assert_eq!((category, sources.len()), (Category::Communication, 3));
        let (factor, _, _) = view.suggested_factor(&view.rows[0]).unwrap();
        assert_eq!(factor, "“Deploy 4812” at 23:36 was visible in one place only, not to all responders");
        assert_eq!(view.suggested_factor(&view.rows[3]), None, "no difference, no factor");
        for row in &view.rows {
            if let Some((factor, _, _)) = view.suggested_factor(row) {
                assert!(crate::coach::review(&factor).is_empty(), "{factor}");
            }
        }
    }
}
