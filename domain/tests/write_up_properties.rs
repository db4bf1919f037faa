//! Property tests for the write-ups' content rules, over random documents: the customer note
//! never holds a name, an account's words or an internal item's words; a redacted write-up of
//! any kind holds no name.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retrace_domain::export::markdown::render;
use retrace_domain::export::write_up::names::Names;
use retrace_domain::export::write_up::{write_up, Options, Reader};
use retrace_domain::model::accounts::{AccountDraft, PassageAt};
use retrace_domain::*;

/// People's names, some of them words that could be parts of other words.
const PEOPLE: [&str; 6] = ["Dana Lee", "Sam", "Priya Raman", "Jonas", "Mei Lin", "Ola"];
/// Ordinary words the texts are made of; none is a name or holds one as a word.
const WORDS: [&str; 12] = ["the", "deploy", "failed", "checkout", "alert", "Sampling", "linked", "rollback", "config", "Jonesy", "queue", "replica"];

/// One item of a random document: its kind, whether it is internal, a name to mention (an
/// index into the participants, or none), and its words.
#[derive(Clone, Debug)]
struct Item {
    kind: u8,
    internal: bool,
    key: bool,
    mention: Option<usize>,
    words: Vec<usize>,
}

fn item() -> impl Strategy<Value = Item> {
    (0u8..7, any::<bool>(), any::<bool>(), proptest::option::of(0..PEOPLE.len()), proptest::collection::vec(0..WORDS.len(), 0..6))
        .prop_map(|(kind, internal, key, mention, words)| Item { kind, internal, key, mention, words })
}

/// Builds the document; returns it with the marker word of every internal item and account.
fn build(items: &[Item], participants: &[usize], responders: &[usize]) -> (Retrospective, Vec<String>) {
    let w = Writer::new(Replica(1), 0);
    let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Outage", &w);
    let people: Vec<&str> = participants.iter().map(|p| PEOPLE[*p]).collect();
    r.apply(Edit::Header(HeaderField::Participants(people.join(", "))), &w);
    r.apply(Edit::Header(HeaderField::Impact(format!("Checkout failed; {} noticed first", PEOPLE[participants.first().copied().unwrap_or(0)]))), &w);
    for (n, who) in responders.iter().enumerate() {
        let id = Id::from_random([200 + n as u8; 16]);
        r.apply(Edit::AddResponder { id }, &w);
        r.apply(Edit::Responder(id, ResponderField::Name(PEOPLE[*who].into())), &w);
    }
    let mut private = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let id = Id::from_random([10 + n as u8; 16]);
        // Every item's words end in a marker no other text has, so a test can tell whether
        // that item reached a write-up.
        let marker = format!("zq{n}x");
        let mut words: Vec<String> = item.words.iter().map(|w| WORDS[*w].to_string()).collect();
        // Only people the document knows can be found: free text mentions a participant.
        if let Some(p) = item.mention {
            words.insert(words.len() / 2, PEOPLE[participants[p % participants.len()]].to_string());
        }
        words.push(marker.clone());
        let text = words.join(" ");
        if item.internal {
            private.push(marker.clone());
        }
        let internal = item.internal;
        match item.kind {
            0 => {
                r.apply(Edit::AddTimelineEntry { id }, &w);
                r.apply(Edit::Timeline(id, TimelineField::What(text)), &w);
                r.apply(Edit::Timeline(id, TimelineField::Internal(internal)), &w);
            }
            1 => {
                r.apply(Edit::AddFactor { id }, &w);
                r.apply(Edit::Factor(id, FactorField::Statement(text)), &w);
                r.apply(Edit::Factor(id, FactorField::Key(item.key)), &w);
                r.apply(Edit::Factor(id, FactorField::Internal(internal)), &w);
            }
            2 => {
                r.apply(Edit::AddAction { id }, &w);
                r.apply(Edit::Action(id, ActionField::Description(text)), &w);
                r.apply(Edit::Action(id, ActionField::Owner(PEOPLE[item.mention.unwrap_or(1)].into())), &w);
                r.apply(Edit::Action(id, ActionField::Internal(internal)), &w);
            }
            3 => {
                r.apply(Edit::AddLearning { id, list: LearningList::WentWell }, &w);
                r.apply(Edit::Learning(id, LearningField::Text(text)), &w);
                r.apply(Edit::Learning(id, LearningField::Internal(internal)), &w);
            }
            4 => {
                r.apply(Edit::AddQuestion { id, sources: vec![] }, &w);
                r.apply(Edit::Question(id, QuestionField::Question(text)), &w);
                r.apply(Edit::Question(id, QuestionField::FollowUp(PEOPLE[item.mention.unwrap_or(2)].into())), &w);
                r.apply(Edit::Question(id, QuestionField::Internal(internal)), &w);
            }
            5 => {
                r.apply(Edit::AddTheme { id }, &w);
                r.apply(Edit::Theme(id, ThemeField::Name(text)), &w);
                r.apply(Edit::Theme(id, ThemeField::Factors(r.factors.keys().copied().collect())), &w);
                r.apply(Edit::Theme(id, ThemeField::Internal(internal)), &w);
            }
            _ => {
                // An account, its surprise included on purpose: still never in the customer note.
                let request = r.account_request(Id::from_random([150; 16]), item.key, "");
                let mut draft = AccountDraft::new(request, id, Replica(300 + n as u64));
                let name = PEOPLE[item.mention.unwrap_or(3)].to_string();
                draft.edit(
                    |b| {
                        b.name = name;
                        b.surprised = text;
                    },
                    Replica(300 + n as u64),
                );
                r.attach_reply(&draft.reply(), 1).unwrap();
                r.apply(Edit::Account(id, AccountField::Included(vec![PassageAt::Surprised])), &w);
                private.push(marker);
            }
        }
    }
    (r, private)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_customer_note_holds_no_name_no_account_and_nothing_internal(
        items in proptest::collection::vec(item(), 0..24),
        participants in proptest::collection::vec(0..PEOPLE.len(), 1..4),
        responders in proptest::collection::vec(0..PEOPLE.len(), 0..3),
        redact in any::<bool>(),
    ) {
        let (r, private) = build(&items, &participants, &responders);
        let note = render(&write_up(&r, Reader::Customer, Options { redact_names: redact, hide_votes: redact }));
        let mut names = Names::default();
        PEOPLE.iter().for_each(|p| names.add(p));
        prop_assert!(!names.any_in(&note), "a name in:\n{}", note);
        for marker in &private {
            prop_assert!(!note.contains(marker.as_str()), "{} in:\n{}", marker, note);
        }
    }

    #[test]
    fn every_redacted_write_up_holds_no_name(
        items in proptest::collection::vec(item(), 0..24),
        participants in proptest::collection::vec(0..PEOPLE.len(), 1..4),
        responders in proptest::collection::vec(0..PEOPLE.len(), 0..3),
    ) {
        let (r, _) = build(&items, &participants, &responders);
        let mut names = Names::default();
        PEOPLE.iter().for_each(|p| names.add(p));
        for reader in Reader::ALL {
            let text = render(&write_up(&r, *reader, Options { redact_names: true, ..Options::default() }));
            prop_assert!(!names.any_in(&text), "a name in the {:?}:\n{}", reader, text);
        }
    }
}
