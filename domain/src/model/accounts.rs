//! Each person's own account of the incident, gathered before the meeting: at each moment of
//! the timeline what they saw, what they knew then, what they expected and what they did;
//! moments the timeline lacks; the story in their own words; and what surprised them. Accounts
//! differ, and the differences are where the learning is ("how did it make sense at the time?").
//!
//! An account is written by one person, on their own device, and sent back whole, so its body
//! is one register: a later reply from the same person replaces an earlier one in whatever order
//! the two are opened. Accounts are private to the facilitator (see [`Retrospective::shareable`]):
//! they never leave in a share link, an export or on a shared screen.
//!
//! [`Retrospective::shareable`]: crate::model::retrospective::Retrospective::shareable

use crate::i18n::tr;
use crate::model::choice::choice;
use crate::model::clock::{Clock, Register};
use crate::model::ids::Id;
use crate::model::record::record;
use crate::model::time::LocalDateTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

choice! {
    /// What an account says about one moment of the timeline.
    Prompt {
        Saw => ("saw", "What I saw"),
        Knew => ("knew", "What I knew then"),
        Expected => ("expected", "What I expected"),
        Did => ("did", "What I did"),
    }
}

impl Prompt {
    /// The question the account page asks, in the first person.
    pub fn question(self) -> &'static str {
        match self {
            Prompt::Saw => tr("What did you see or hear?"),
            Prompt::Knew => tr("What did you know then?"),
            Prompt::Expected => tr("What did you expect to happen?"),
            Prompt::Did => tr("What did you do?"),
        }
    }
}

/// One person's notes on one moment of the timeline; any of them may be empty.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct MomentNotes {
    /// What they saw or heard.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub saw: String,
    /// What they knew then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub knew: String,
    /// What they expected to happen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expected: String,
    /// What they did.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub did: String,
}

impl MomentNotes {
    /// The note for one prompt.
    pub fn get(&self, prompt: Prompt) -> &str {
        match prompt {
            Prompt::Saw => &self.saw,
            Prompt::Knew => &self.knew,
            Prompt::Expected => &self.expected,
            Prompt::Did => &self.did,
        }
    }

    /// Sets the note for one prompt.
    pub fn set(&mut self, prompt: Prompt, text: String) {
        match prompt {
            Prompt::Saw => self.saw = text,
            Prompt::Knew => self.knew = text,
            Prompt::Expected => self.expected = text,
            Prompt::Did => self.did = text,
        }
    }

    /// Whether every note is empty.
    pub fn is_empty(&self) -> bool {
        Prompt::ALL.iter().all(|p| self.get(*p).trim().is_empty())
    }
}

/// A moment someone remembers that the timeline does not have.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct AddedMoment {
    /// When, as well as they remember it.
    pub when: Option<LocalDateTime>,
    /// What happened.
    pub what: String,
}

/// What one person wrote: everything in it is optional, their name too.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct AccountBody {
    /// Their name, if they gave one (never asked for when the request is anonymous).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Notes per moment of the timeline, by timeline entry id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub moments: BTreeMap<Id, MomentNotes>,
    /// Moments they remember that the timeline lacks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<AddedMoment>,
    /// The story in their own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub narrative: String,
    /// What surprised them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub surprised: String,
}

impl AccountBody {
    /// Whether nothing has been written yet (a name alone is not an account).
    pub fn is_empty(&self) -> bool {
        self.moments.values().all(MomentNotes::is_empty)
            && self.added.iter().all(|m| m.what.trim().is_empty())
            && self.narrative.trim().is_empty()
            && self.surprised.trim().is_empty()
    }
}

/// Where in an account a passage is, so an open question can point back at it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PassageAt {
    /// A note on a moment of the timeline.
    Moment {
        /// The timeline entry.
        entry: Id,
        /// Which note.
        prompt: Prompt,
    },
    /// A moment they added, by its place in their list.
    Added {
        /// Its index in [`AccountBody::added`].
        index: usize,
    },
    /// Their narrative.
    Narrative,
    /// What surprised them.
    Surprised,
}

/// A passage of one account.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
pub struct PassageRef {
    /// The account.
    pub account: Id,
    /// Where in it.
    pub at: PassageAt,
}

impl AccountBody {
    /// The text of a passage, if the account has it.
    pub fn passage(&self, at: PassageAt) -> Option<&str> {
        let text = match at {
            PassageAt::Moment { entry, prompt } => self.moments.get(&entry)?.get(prompt),
            PassageAt::Added { index } => &self.added.get(index)?.what,
            PassageAt::Narrative => &self.narrative,
            PassageAt::Surprised => &self.surprised,
        };
        (!text.trim().is_empty()).then_some(text)
    }
}

record! {
    /// One person's account, attached to the retrospective from their reply.
    pub struct Account {
        /// The request it answers; fixed.
        pub request: Id,
        ;
        /// What they wrote; their later reply replaces it.
        body: AccountBody => Body,
        /// Passages the facilitator chose to show beyond their own view (in the meeting, in
        /// write-ups); none by default.
        included: Vec<PassageAt> => Included,
    }
    /// One field of an account, as an edit.
    pub enum AccountField;
}

impl Account {
    /// An account from a reply: its body with the clock it was written with, and nothing
    /// included yet. The same reply makes the same item on every device, so attaching it twice,
    /// or in two copies that later merge, changes nothing more.
    pub fn from_reply(request: Id, body: Register<AccountBody>) -> Self {
        Account { request, body, included: Register::new(Vec::new(), Clock(0, crate::model::ids::Replica(0))) }
    }
}

/// One moment of the timeline as a request carries it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct RequestMoment {
    /// The timeline entry, so notes on it come back attached to it.
    pub id: Id,
    /// When it happened, in the retrospective's zone.
    pub when: Option<LocalDateTime>,
    /// What happened.
    pub what: String,
}

/// What a facilitator sends to ask for accounts: enough for someone to write theirs without
/// the retrospective itself. One request can go to everyone.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct AccountRequest {
    /// The retrospective the accounts are for.
    pub retro: Id,
    /// This request, so its replies are told apart from another's.
    pub request: Id,
    /// The retrospective's title.
    pub title: String,
    /// The impact, as written so far.
    #[serde(default)]
    pub impact: String,
    /// The zone the times are in (empty: the reader's own).
    #[serde(default)]
    pub time_zone: String,
    /// The timeline so far, in order.
    #[serde(default)]
    pub moments: Vec<RequestMoment>,
    /// Accounts are anonymous: no name is asked for, and each is shown as "Participant n".
    #[serde(default)]
    pub anonymous: bool,
    /// A word from the facilitator (by when, why it matters), shown at the top.
    #[serde(default)]
    pub note: String,
}

/// What someone sends back: their account only, never the retrospective, so replies stay short.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct AccountReply {
    /// The retrospective it is for.
    pub retro: Id,
    /// The request it answers.
    pub request: Id,
    /// Their account's id, made once on their device: every reply of theirs has it.
    pub account: Id,
    /// What they wrote, with the clock of their last edit.
    pub body: Register<AccountBody>,
}

/// Someone's account in progress on their own device, kept in its storage until they send it.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct AccountDraft {
    /// What they were asked.
    pub request: AccountRequest,
    /// Their account's id.
    pub account: Id,
    /// What they have written.
    pub body: Register<AccountBody>,
    /// Lamport counter of their edits: each edit's clock is one past the last.
    pub counter: u64,
}

impl AccountDraft {
    /// A new, empty account for `request`, written by `replica`.
    pub fn new(request: AccountRequest, account: Id, replica: crate::model::ids::Replica) -> Self {
        AccountDraft { request, account, body: Register::new(AccountBody::default(), Clock(1, replica)), counter: 1 }
    }

    /// Changes what they wrote; the new clock is later than every earlier one of theirs, so
    /// their newest reply wins wherever it is opened.
    pub fn edit(&mut self, change: impl FnOnce(&mut AccountBody), replica: crate::model::ids::Replica) {
        let mut body = self.body.value.clone();
        change(&mut body);
        if body != self.body.value {
            self.counter += 1;
            self.body = Register::new(body, Clock(self.counter, replica));
        }
    }

    /// The reply to send: the account as it stands. Under an anonymous request a name is never
    /// sent, even one typed before the request said so.
    pub fn reply(&self) -> AccountReply {
        let mut body = self.body.clone();
        if self.request.anonymous {
            body.value.name.clear();
        }
        AccountReply { retro: self.request.retro, request: self.request.request, account: self.account, body }
    }
}
