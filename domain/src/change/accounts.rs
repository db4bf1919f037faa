//! Accounts coming in: the request a retrospective sends out, and a reply attaching as an
//! account. Attaching obeys the merge laws: a reply attached twice, or replies attached in any
//! order, in any copy, end in the same document.

use crate::i18n::tr;
use crate::model::accounts::{Account, AccountReply, AccountRequest, RequestMoment};
use crate::model::ids::Id;
use crate::model::record::Record;
use crate::model::retrospective::Retrospective;
use crate::tf;
use std::fmt;

/// What attaching a reply did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attached {
    /// A new account.
    New,
    /// A newer version of an account that was here.
    Updated,
    /// Nothing: this version, or a newer one, is here already.
    Unchanged,
}

/// Why a reply was not attached. Nothing changes when one comes back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplyError {
    /// The reply answers a request of another retrospective.
    OtherRetrospective,
    /// This account was removed from the retrospective; it is not brought back.
    Removed,
}

impl fmt::Display for ReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReplyError::OtherRetrospective => f.write_str(tr("This reply answers a request for another retrospective, so it was not attached here.")),
            ReplyError::Removed => f.write_str(tr("This account was removed from the retrospective, so it was not attached again.")),
        }
    }
}

impl std::error::Error for ReplyError {}

impl Retrospective {
    /// The request for accounts, as the retrospective stands: its title, impact, zone and
    /// timeline so far (in order; entries without a text are left out).
    pub fn account_request(&self, request: Id, anonymous: bool, note: &str) -> AccountRequest {
        let moments = self
            .timeline_order()
            .into_iter()
            .filter_map(|id| {
                let entry = self.timeline.get(&id)?;
                let what = entry.what.value.trim();
                (!what.is_empty()).then(|| RequestMoment { id, when: entry.when.value, what: what.to_string() })
            })
            .collect();
        AccountRequest {
            retro: self.id,
            request,
            title: self.display_title().to_string(),
            impact: self.impact.value.trim().to_string(),
            time_zone: self.time_zone.value.clone(),
            moments,
            anonymous,
            note: note.trim().to_string(),
        }
    }

    /// Attaches a reply as an account, or brings an account up to its newer reply. `now_ms`
    /// goes to [`Self::updated_at`] when something changed.
    pub fn attach_reply(&mut self, reply: &AccountReply, now_ms: i64) -> Result<Attached, ReplyError> {
        if reply.retro != self.id {
            return Err(ReplyError::OtherRetrospective);
        }
        // A hostile reply could name another item's id.
        let other_item = self.contains(reply.account) && !self.accounts.contains_key(&reply.account);
        if self.deleted.contains_key(&reply.account) || other_item {
            return Err(ReplyError::Removed);
        }
        let incoming = Account::from_reply(reply.request, reply.body.clone());
        let attached = match self.accounts.get_mut(&reply.account) {
            Some(account) => {
                if account.merge(&incoming) {
                    Attached::Updated
                } else {
                    Attached::Unchanged
                }
            }
            None => {
                self.accounts.insert(reply.account, incoming);
                Attached::New
            }
        };
        if attached != Attached::Unchanged {
            self.repair_counter();
            self.updated_at = self.updated_at.max(now_ms);
        }
        Ok(attached)
    }

    /// The name an account is shown by: the name its writer gave, else "Participant n", numbered
    /// in the order of the accounts' ids so every copy numbers them alike.
    pub fn account_label(&self, account: Id) -> String {
        match self.accounts.get(&account) {
            Some(a) if !a.body.value.name.trim().is_empty() => a.body.value.name.trim().to_string(),
            _ => {
                let n = self.accounts.keys().position(|id| *id == account).map_or(0, |i| i + 1);
                tf!("Participant {n}", n = n)
            }
        }
    }

    /// The retrospective as it may leave the facilitator's device (a share link, a file for
    /// others, an export): without the accounts, which are theirs alone. Merging it back in
    /// loses nothing, since a merge only adds.
    pub fn shareable(&self) -> Retrospective {
        let mut copy = self.clone();
        copy.accounts.clear();
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::model::accounts::{AccountBody, AccountDraft, MomentNotes};
    use crate::model::ids::Replica;
    use crate::model::retrospective::Writer;
    use crate::model::template::Template;
    use crate::model::timeline::TimelineField;

    fn id(n: u8) -> Id {
        Id::from_random([n; 16])
    }

    fn retro() -> Retrospective {
        let w = Writer::new(Replica(1), 1_000);
        let mut r = Retrospective::new(id(1), Template::Incident, "Checkout outage", &w);
        r.apply(Edit::AddTimelineEntry { id: id(2) }, &w);
        r.apply(Edit::Timeline(id(2), TimelineField::What("Deploy 4812".into())), &w);
        r.apply(Edit::AddTimelineEntry { id: id(3) }, &w);
        r
    }

    fn draft(request: &AccountRequest, account: u8, name: &str, saw: &str) -> AccountDraft {
        let mut d = AccountDraft::new(request.clone(), id(account), Replica(u64::from(account)));
        d.edit(
            |b| {
                b.name = name.into();
                b.moments.insert(id(2), MomentNotes { saw: saw.into(), ..MomentNotes::default() });
            },
            Replica(u64::from(account)),
        );
        d
    }

    #[test]
    fn a_request_carries_the_timeline_so_far_and_nothing_empty() {
        let r = retro();
        let q = r.account_request(id(9), true, "  by Thursday ");
        assert_eq!((q.retro, q.request, q.title.as_str(), q.note.as_str(), q.anonymous), (id(1), id(9), "Checkout outage", "by Thursday", true));
        assert_eq!(q.moments.len(), 1, "the entry without a text is left out");
        assert_eq!(q.moments[0].what, "Deploy 4812");
    }

    #[test]
    fn replies_attach_once_and_the_newest_wins_in_any_order() {
        let mut r = retro();
        let q = r.account_request(id(9), false, "");
        let mut d = draft(&q, 20, "Sam", "the 5xx graph climbing");
        let first = d.reply();
        d.edit(|b| b.surprised = "the replica was behind".into(), Replica(20));
        let second = d.reply();
        assert_eq!(r.attach_reply(&first, 5), Ok(Attached::New));
        assert_eq!(r.attach_reply(&first, 6), Ok(Attached::Unchanged));
        assert_eq!(r.attach_reply(&second, 7), Ok(Attached::Updated));
        let mut other_order = retro();
        other_order.attach_reply(&second, 7).unwrap();
        assert_eq!(other_order.attach_reply(&first, 8), Ok(Attached::Unchanged), "an older reply opened later changes nothing");
        assert_eq!(r.accounts, other_order.accounts);
        assert_eq!(r.accounts[&id(20)].body.value.surprised, "the replica was behind");
        assert!(r.counter >= second.body.clock.counter(), "new writes here stay later than the reply");
    }

    #[test]
    fn a_reply_for_another_retrospective_or_a_removed_account_is_refused() {
        let mut r = retro();
        let q = r.account_request(id(9), false, "");
        let reply = draft(&q, 20, "", "x").reply();
        let mut elsewhere = reply.clone();
        elsewhere.retro = id(99);
        assert_eq!(r.attach_reply(&elsewhere, 1), Err(ReplyError::OtherRetrospective));
        r.attach_reply(&reply, 1).unwrap();
        assert!(r.apply(Edit::Delete(id(20)), &Writer::new(Replica(1), 2)));
        let before = r.clone();
        assert_eq!(r.attach_reply(&reply, 3), Err(ReplyError::Removed));
        assert_eq!(r, before);
        let mut hostile = reply.clone();
        hostile.account = id(2);
        assert_eq!(r.attach_reply(&hostile, 3), Err(ReplyError::Removed), "an id of a timeline entry is not an account");
    }

    #[test]
    fn anonymous_requests_send_no_name_and_number_the_accounts() {
        let mut r = retro();
        let q = r.account_request(id(9), true, "");
        let reply = draft(&q, 30, "Priya", "alerts").reply();
        assert_eq!(reply.body.value.name, "", "a name typed anyway is not sent");
        r.attach_reply(&reply, 1).unwrap();
        r.attach_reply(&draft(&q, 20, "", "graphs").reply(), 1).unwrap();
        assert_eq!((r.account_label(id(20)), r.account_label(id(30))), ("Participant 1".to_string(), "Participant 2".to_string()));
        let named = r.account_request(id(8), false, "");
        r.attach_reply(&draft(&named, 10, "Kai", "pages").reply(), 1).unwrap();
        assert_eq!(r.account_label(id(10)), "Kai");
    }

    #[test]
    fn an_open_question_keeps_the_passages_it_came_from() {
        use crate::model::accounts::{PassageAt, PassageRef, Prompt};
        let mut r = retro();
        let w = Writer::new(Replica(1), 2);
        let sources = vec![PassageRef { account: id(20), at: PassageAt::Moment { entry: id(2), prompt: Prompt::Saw } }];
        assert!(r.apply(Edit::AddQuestion { id: id(40), sources: sources.clone() }, &w));
        assert_eq!(r.questions[&id(40)].sources.value, sources);
        assert!(r.apply(Edit::Question(id(40), crate::model::questions::QuestionField::FollowUp("database team".into())), &w));
        assert_eq!(r.question_order(), vec![id(40)]);
        assert!(!r.apply(Edit::Account(id(20), crate::model::accounts::AccountField::Body(AccountBody::default())), &w), "no account, no edit");
    }

    #[test]
    fn accounts_never_leave_in_a_shareable_copy() {
        let mut r = retro();
        let q = r.account_request(id(9), false, "");
        r.attach_reply(&draft(&q, 20, "Sam", "the graph").reply(), 1).unwrap();
        let shared = r.shareable();
        assert!(shared.accounts.is_empty());
        assert!(!crate::format::encode(&shared).contains("the graph"));
        let mut back = r.clone();
        crate::change::merge::merge_retrospectives(&mut back, &shared).unwrap();
        assert_eq!(back.accounts, r.accounts, "merging the shared copy back loses nothing");
        assert!(AccountBody::default().is_empty());
    }
}
