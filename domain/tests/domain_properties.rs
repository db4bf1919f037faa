//! Property tests for the domain: documents built from random edit histories survive the
//! serialised format unchanged, and merging copies is commutative, associative and idempotent.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retrace_domain::format::{decode, encode, SCHEMA};
use retrace_domain::model::silent::Viewer;
use retrace_domain::*;

/// One edit, with targets given as indexes into the items that exist when it is applied.
#[derive(Clone, Debug)]
enum Op {
    Add { kind: u8 },
    Text { target: u8, text: String },
    Choice { target: u8, pick: u8 },
    Time { target: u8, minutes: Option<u16> },
    Move { target: u8, up: bool },
    Delete { target: u8 },
    Header { field: u8, text: String },
    Facilitate { what: u8, n: u8 },
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.!?'-]{0,40}",
        ".{0,12}",
        Just("quotes \" and \\ backslash, <b>tags</b>, | pipes |, `ticks`".to_string()),
        Just("emoji 🙂 and RTL \u{202E}text\u{202C}\nnew line".to_string()),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0u8..9).prop_map(|kind| Op::Add { kind }),
        3 => (any::<u8>(), text()).prop_map(|(target, text)| Op::Text { target, text }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(target, pick)| Op::Choice { target, pick }),
        1 => (any::<u8>(), proptest::option::of(0u16..3000)).prop_map(|(target, minutes)| Op::Time { target, minutes }),
        1 => (any::<u8>(), any::<bool>()).prop_map(|(target, up)| Op::Move { target, up }),
        1 => any::<u8>().prop_map(|target| Op::Delete { target }),
        1 => (0u8..7, text()).prop_map(|(field, text)| Op::Header { field, text }),
        2 => (0u8..12, any::<u8>()).prop_map(|(what, n)| Op::Facilitate { what, n }),
    ]
}

fn all_ids(r: &Retrospective) -> Vec<Id> {
    let mut ids: Vec<Id> = r
        .timeline
        .keys()
        .chain(r.factors.keys())
        .chain(r.whys.keys())
        .chain(r.actions.keys())
        .chain(r.learnings.keys())
        .chain(r.questions.keys())
        .chain(r.responders.keys())
        .chain(r.themes.keys())
        .copied()
        .collect();
    retrace_domain::sorting::sort(&mut ids);
    ids
}

fn pick<T: Copy>(all: &[T], n: u8) -> T {
    all[n as usize % all.len()]
}

/// Applies `ops` as `replica`; ids are derived from the replica and the op's position so that
/// different writers never invent the same id.
fn apply_all(r: &mut Retrospective, ops: &[Op], replica: u8) {
    apply_as(r, ops, Replica(replica as u64), replica)
}

/// Applies `ops` as `writer`, inventing ids from `seed`: two writers may share a replica id
/// (two tabs of one browser before schema 3) and still invent different ids.
fn apply_as(r: &mut Retrospective, ops: &[Op], writer: Replica, seed: u8) {
    for (step, op) in ops.iter().enumerate() {
        let w = Writer::new(writer, 1_000 + step as i64);
        let fresh = {
            let mut bytes = [0u8; 16];
            bytes[0] = seed;
            bytes[1..9].copy_from_slice(&(step as u64).to_le_bytes());
            bytes[9] = 0xAB;
            Id::from_random(bytes)
        };
        let ids = all_ids(r);
        let edit = match op {
            Op::Add { kind } => match kind {
                0 => Edit::AddTimelineEntry { id: fresh },
                1 => Edit::AddFactor { id: fresh },
                2 if !r.factors.is_empty() => {
                    let factor = pick(&r.factors.keys().copied().collect::<Vec<_>>(), step as u8);
                    let parents: Vec<Id> = r.whys.iter().filter(|(_, n)| n.factor == factor).map(|(id, _)| *id).collect();
                    let parent = (!parents.is_empty() && step % 2 == 0).then(|| pick(&parents, step as u8));
                    Edit::AddWhy { id: fresh, factor, parent }
                }
                3 => Edit::AddAction { id: fresh },
                4 => Edit::AddLearning { id: fresh, list: LearningList::WentWell },
                6 => Edit::AddResponder { id: fresh },
                7 => Edit::AddTheme { id: fresh },
                8 => Edit::AddQuestion { id: fresh, sources: vec![] },
                _ => Edit::AddLearning { id: fresh, list: LearningList::Lucky },
            },
            Op::Facilitate { what, n } => {
                let factors: Vec<Id> = r.factors.keys().copied().collect();
                match what {
                    0 => Edit::Presenter(n % 2 == 0),
                    1 => Edit::SafeToShare(n % 2 == 1),
                    2 => Edit::Voters(*n as u32),
                    3 => Edit::SetTimer(pick(Step::ALL, *n), Timer::minutes(*n as u32 % 20).start(step as i64 * 1000)),
                    4 => Edit::DismissFinding(format!("finding-{}", n % 7)),
                    7 => Edit::DisplayName(format!("Person {}", n % 3)),
                    8 => Edit::Facilitate,
                    9 => Edit::StartSilentWriting(pick(Step::ALL, *n)),
                    10 => Edit::Reveal(pick(Step::ALL, *n)),
                    11 if !factors.is_empty() => Edit::Dots { factor: pick(&factors, *n), count: u32::from(n % 4) },
                    5 if factors.len() > 1 => Edit::MergeFactor { duplicate: pick(&factors, *n), into: pick(&factors, n.wrapping_add(1)) },
                    _ if !factors.is_empty() => Edit::SeparateFactor(pick(&factors, *n)),
                    _ => Edit::VotesPerPerson(*n as u32),
                }
            }
            _ if ids.is_empty() => Edit::Header(HeaderField::Impact(format!("{op:?}"))),
            Op::Text { target, text } => {
                let id = pick(&ids, *target);
                if r.timeline.contains_key(&id) {
                    Edit::Timeline(id, TimelineField::What(text.clone()))
                } else if r.factors.contains_key(&id) {
                    Edit::Factor(id, FactorField::Statement(text.clone()))
                } else if r.whys.contains_key(&id) {
                    Edit::Why(id, WhyField::Answer(text.clone()))
                } else if r.actions.contains_key(&id) {
                    Edit::Action(id, ActionField::Owner(text.clone()))
                } else if r.responders.contains_key(&id) {
                    Edit::Responder(id, ResponderField::Name(text.clone()))
                } else if r.themes.contains_key(&id) {
                    Edit::Theme(id, ThemeField::Name(text.clone()))
                } else if r.questions.contains_key(&id) {
                    Edit::Question(id, QuestionField::FollowUp(text.clone()))
                } else {
                    Edit::Learning(id, LearningField::Text(text.clone()))
                }
            }
            Op::Choice { target, pick: p } => {
                let id = pick(&ids, *target);
                let internal = p % 3 == 0;
                if r.timeline.contains_key(&id) {
                    if p % 2 == 0 {
                        Edit::Timeline(id, TimelineField::Kind(pick(EntryKind::ALL, *p)))
                    } else {
                        Edit::Timeline(id, TimelineField::Internal(internal))
                    }
                } else if r.factors.contains_key(&id) {
                    match p % 3 {
                        0 => Edit::Factor(id, FactorField::Key(p % 2 == 0)),
                        1 => Edit::Factor(id, FactorField::Internal(p % 2 == 1)),
                        _ => Edit::Factor(id, FactorField::Decision(format!("decided {p}"))),
                    }
                } else if r.actions.contains_key(&id) {
                    match p % 3 {
                        0 => Edit::Action(id, ActionField::Status(pick(ActionStatus::ALL, *p))),
                        1 => Edit::Action(id, ActionField::Horizon(Some(pick(Horizon::ALL, *p)))),
                        _ => Edit::Action(id, ActionField::Internal(internal)),
                    }
                } else if r.responders.contains_key(&id) {
                    Edit::Responder(id, ResponderField::Role(pick(ResponderRole::ALL, *p)))
                } else if r.themes.contains_key(&id) {
                    Edit::Theme(id, ThemeField::Factors(r.factors.keys().take(*p as usize % 3).copied().collect()))
                } else if r.learnings.contains_key(&id) {
                    Edit::Learning(id, LearningField::Internal(internal))
                } else {
                    Edit::GoTo(pick(Step::ALL, *p))
                }
            }
            Op::Time { target, minutes } => {
                let id = pick(&ids, *target);
                let base = LocalDateTime::parse("2026-11-20T12:00").unwrap().minutes();
                let when = minutes.map(|m| {
                    let t = base + m as i64;
                    LocalDateTime::parse(&format!("2026-11-{:02}T{:02}:{:02}", 20 + t / 1440 - base / 1440, (t % 1440) / 60, t % 60)).unwrap()
                });
                if r.timeline.contains_key(&id) {
                    Edit::Timeline(id, TimelineField::When(when))
                } else {
                    Edit::Action(id, ActionField::Due(when.map(|w| w.date())))
                }
            }
            Op::Move { target, up } => Edit::Move { id: pick(&ids, *target), up: *up },
            Op::Delete { target } => Edit::Delete(pick(&ids, *target)),
            Op::Header { field, text } => match field {
                0 => Edit::Header(HeaderField::Title(text.clone())),
                1 => Edit::Header(HeaderField::Impact(text.clone())),
                2 => Edit::Header(HeaderField::Participants(text.clone())),
                3 => Edit::Header(HeaderField::Surprise(text.clone())),
                4 => Edit::Header(HeaderField::Severity(Severity::ALL.get(text.len() % 5).copied())),
                5 => Edit::Header(HeaderField::Detection(Detection::ALL.get(text.len() % 7).copied())),
                _ => Edit::Header(HeaderField::TimeZone(text.clone())),
            },
        };
        r.apply(edit, &w);
    }
}

fn base() -> Retrospective {
    let w = Writer::new(Replica(0), 0);
    // Made from an own template, so every property covers the copy a document keeps of it.
    let mut template = OwnTemplate::copy_of(Template::Incident, Id::from_random([8; 16]), 0);
    template.name = "Team incident \"review\"".into();
    template.timeboxes.insert(Step::Why, 20);
    let mut r = template.start(Id::from_random([9; 16]), "Base", &w, || unreachable!("no starter items"));
    apply_all(&mut r, &[Op::Add { kind: 0 }, Op::Add { kind: 1 }, Op::Add { kind: 2 }, Op::Add { kind: 3 }], 0);
    r
}

fn merged(a: &Retrospective, b: &Retrospective) -> Retrospective {
    let mut out = a.clone();
    merge_retrospectives(&mut out, b).unwrap();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_edit_history_round_trips_through_the_format(ops in proptest::collection::vec(op(), 0..60)) {
        let mut r = base();
        apply_all(&mut r, &ops, 1);
        let text = encode(&r);
        prop_assert_eq!(decode(&text).unwrap(), r.clone());
    }

    #[test]
    fn a_digest_read_straight_from_the_text_is_the_digest_of_the_document(ops in proptest::collection::vec(op(), 0..60)) {
        let mut r = base();
        apply_all(&mut r, &ops, 1);
        let digest = retrace_domain::insights::digest::RetroDigest::of(&r);
        prop_assert_eq!(retrace_domain::insights::digest::RetroDigest::read(&encode(&r)), Some(digest));
    }

    #[test]
    fn the_incremental_encoder_writes_what_the_plain_one_writes_after_every_edit(
        ops in proptest::collection::vec(op(), 0..40),
        theirs in proptest::collection::vec(op(), 0..20),
    ) {
        let mut r = base();
        let mut encoder = retrace_domain::format::encoder::IncrementalEncoder::default();
        // Every text this build saves is read back the fast way: an inequality anywhere in the
        // encoder would otherwise switch that path off without a sound.
        let mut saved_and_read = |r: &Retrospective| {
            let text = encoder.encode(r);
            let fast = retrace_domain::format::read_as_written(&text, &retrace_domain::format::Limits::default());
            (text == encode(r), fast.as_ref() == Some(r))
        };
        prop_assert_eq!(saved_and_read(&r), (true, true));
        for op in &ops {
            apply_all(&mut r, std::slice::from_ref(op), 1);
            prop_assert_eq!(saved_and_read(&r), (true, true));
        }
        let mut other = base();
        apply_all(&mut other, &theirs, 2);
        merge_retrospectives(&mut r, &other).unwrap();
        prop_assert_eq!(saved_and_read(&r), (true, true));
    }

    #[test]
    fn merge_is_commutative_associative_and_idempotent(
        a_ops in proptest::collection::vec(op(), 0..30),
        b_ops in proptest::collection::vec(op(), 0..30),
        c_ops in proptest::collection::vec(op(), 0..30),
    ) {
        let (mut a, mut b, mut c) = (base(), base(), base());
        apply_all(&mut a, &a_ops, 1);
        apply_all(&mut b, &b_ops, 2);
        apply_all(&mut c, &c_ops, 3);
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
        prop_assert_eq!(merged(&a, &a), a.clone());
        let ab = merged(&a, &b);
        prop_assert_eq!(merged(&ab, &b), ab.clone());
    }

    /// Writers that share a replica id and write from equal counters (two tabs of one browser
    /// before schema 3) hold different values under one clock; every order of merging must
    /// still end in the same document, and that document must survive the format.
    #[test]
    fn copies_converge_in_every_merge_order_even_when_writers_share_a_replica(
        a_ops in proptest::collection::vec(op(), 0..25),
        b_ops in proptest::collection::vec(op(), 0..25),
        c_ops in proptest::collection::vec(op(), 0..25),
        shared in 0u8..3,
    ) {
        let (mut a, mut b, mut c) = (base(), base(), base());
        // `shared` picks which pair writes as one replica; the third writes as its own page load.
        let replicas = match shared {
            0 => [1, 1, 3],
            1 => [1, 2, 1],
            _ => [1, 2, 2],
        };
        apply_as(&mut a, &a_ops, Replica(replicas[0]), 1);
        apply_as(&mut b, &b_ops, Replica(replicas[1]), 2);
        apply_as(&mut c, &c_ops, Replica(replicas[2]), 3);
        let copies = [&a, &b, &c];
        let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        let results: Vec<Retrospective> = orders
            .iter()
            .map(|order| {
                let mut out = copies[order[0]].clone();
                merge_retrospectives(&mut out, copies[order[1]]).unwrap();
                merge_retrospectives(&mut out, copies[order[2]]).unwrap();
                out
            })
            .collect();
        for result in &results[1..] {
            prop_assert_eq!(result, &results[0]);
        }
        // Pairwise too, the way two tabs exchange saves: each merges the other's copy.
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
        prop_assert_eq!(decode(&encode(&results[0])).unwrap(), results[0].clone());
    }

    #[test]
    fn merging_loses_no_surviving_item(
        a_ops in proptest::collection::vec(op(), 0..30),
        b_ops in proptest::collection::vec(op(), 0..30),
    ) {
        let (mut a, mut b) = (base(), base());
        apply_all(&mut a, &a_ops, 1);
        apply_all(&mut b, &b_ops, 2);
        let ab = merged(&a, &b);
        for id in all_ids(&a).into_iter().chain(all_ids(&b)) {
            prop_assert!(all_ids(&ab).contains(&id) || ab.deleted.contains_key(&id), "item {:?} vanished", id);
        }
        for id in ab.deleted.keys() {
            prop_assert!(!all_ids(&ab).contains(id), "a deleted item came back");
        }
    }
}

#[test]
fn the_schema_1_fixture_still_loads() {
    let text = include_str!("../../tests/fixtures/retrospective-schema-1.json");
    let r = decode(text).expect("every schema-1 document stays readable");
    assert_eq!(r.display_title(), "Checkout errors after the 14:00 deploy");
    assert_eq!(r.timeline.len(), 3);
    assert_eq!(r.factors.len(), 1);
    assert_eq!(r.whys.len(), 2);
    assert_eq!(r.actions.len(), 1);
    assert_eq!(r.learnings.len(), 1);
    assert_eq!(r.deleted.len(), 1);
    assert_eq!(r.step.value, Step::Prevention);
    // Migrated to schema 2: neutral facilitation settings, no merged factors.
    assert!(!r.facilitation.presenter.value);
    assert_eq!(r.facilitation.votes_per_person.value, 3);
    assert!(r.factors.values().all(|f| f.merged_into.value.is_none()));
    assert!(encode(&r).contains(&format!("\"schema\":{SCHEMA}")));
}

#[test]
fn two_tabs_of_one_browser_writing_one_field_from_one_counter_agree_after_merging() {
    // Before schema 3 both tabs stamped Clock(n, R) with the profile's replica R.
    let r = base();
    let mut tab_a = r.clone();
    let mut tab_b = r.clone();
    let profile = Replica(7);
    tab_a.apply(Edit::Header(HeaderField::Impact("Checkout failed for 40 minutes".into())), &Writer::new(profile, 5_000));
    tab_b.apply(Edit::Header(HeaderField::Impact("Checkout failed for 38 minutes".into())), &Writer::new(profile, 5_000));
    assert_eq!(tab_a.impact.clock, tab_b.impact.clock, "the same clock, different values");
    let (mut a, mut b) = (tab_a.clone(), tab_b.clone());
    merge_retrospectives(&mut a, &tab_b).unwrap();
    merge_retrospectives(&mut b, &tab_a).unwrap();
    assert_eq!(a, b);
    // With a replica per page load, the clocks differ and the later replica wins in both.
    let mut tab_a = r.clone();
    let mut tab_b = r.clone();
    tab_a.apply(Edit::Header(HeaderField::Impact("A".into())), &Writer::in_profile(Replica(100), profile, 5_000));
    tab_b.apply(Edit::Header(HeaderField::Impact("B".into())), &Writer::in_profile(Replica(200), profile, 5_000));
    assert_ne!(tab_a.impact.clock, tab_b.impact.clock);
    let (mut a, mut b) = (tab_a.clone(), tab_b.clone());
    let report = merge_retrospectives(&mut a, &tab_b).unwrap();
    merge_retrospectives(&mut b, &tab_a).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.impact.value, "B");
    assert_eq!(report.by, std::collections::BTreeSet::from([profile]), "two tabs are one person");
}

#[test]
fn the_schema_2_fixture_still_loads() {
    let text = include_str!("../../tests/fixtures/retrospective-schema-2.json");
    let mut r = decode(text).expect("every schema-2 document stays readable");
    assert_eq!(r.display_title(), "Checkout errors after the 14:00 deploy (schema 2)");
    assert_eq!(r.timeline.len(), 3);
    assert!(r.facilitation.safe_to_share.value);
    assert_eq!(r.facilitation.voters.value, 4);
    // Migrated to schema 3: no writer map, so each replica is its own profile, and names
    // written by that profile's replica still belong to it.
    assert!(r.writers.is_empty());
    let old = Replica::parse("5eed000000000001").unwrap();
    assert_eq!(r.profile_of(old), old);
    assert_eq!(r.author_name(old), Some("Dana (facilitator)"));
    // A new page load of that same browser profile writes as its own replica and keeps the name.
    let tab = Writer::in_profile(Replica(0xbeef), old, 2_000_000_000_000);
    r.apply(Edit::Header(HeaderField::Participants("Dana, Sam".into())), &tab);
    assert_eq!(r.profile_of(Replica(0xbeef)), old);
    assert_eq!(r.author_name(Replica(0xbeef)), Some("Dana (facilitator)"));
    let again = decode(&encode(&r)).unwrap();
    assert_eq!(again, r);
    assert!(encode(&r).contains(&format!("\"schema\":{SCHEMA}")));
}

#[test]
fn the_schema_3_fixture_still_loads() {
    let text = include_str!("../../tests/fixtures/retrospective-schema-3.json");
    let r = decode(text).expect("every schema-3 document stays readable");
    assert_eq!(r.display_title(), "Checkout errors after the 14:00 deploy (schema 3)");
    // Migrated to schema 4: no zone of its own, so each browser reads its times in its own,
    // as before; and a write of its own wins over the migration's default.
    assert_eq!(r.time_zone.value, "");
    let tab = Replica::parse("7ab0000000000001").unwrap();
    assert_eq!(r.profile_of(tab), Replica::parse("5eed000000000001").unwrap());
    assert!(r.timeline.values().any(|e| e.evidence.value == "IRC log, line 4"));
    let mut zoned = r.clone();
    zoned.apply(Edit::Header(HeaderField::TimeZone("Europe/Berlin".into())), &Writer::in_profile(Replica(0xbeef), tab, 2_000_000_000_000));
    let mut merged = r.clone();
    merge_retrospectives(&mut merged, &zoned).unwrap();
    assert_eq!(merged.time_zone.value, "Europe/Berlin");
    assert_eq!(decode(&encode(&merged)).unwrap(), merged);
}

/// Replies from three people, each edited a few times: `(who, narrative)` per edit, and the
/// reply each edit leaves to send.
fn replies(edits: &[(u8, String)], anonymous: bool) -> (Retrospective, Vec<AccountReply>) {
    let r = base();
    let request = r.account_request(Id::from_random([90; 16]), anonymous, "");
    let mut drafts: Vec<AccountDraft> =
        (0..3u8).map(|who| AccountDraft::new(request.clone(), Id::from_random([100 + who; 16]), Replica(200 + who as u64))).collect();
    let mut sent = Vec::new();
    for (who, narrative) in edits {
        let who = usize::from(*who % 3);
        let replica = Replica(200 + who as u64);
        drafts[who].edit(
            |b| {
                b.narrative = narrative.clone();
                b.name = format!("Person {who}");
            },
            replica,
        );
        sent.push(drafts[who].reply());
    }
    (r, sent)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Replies attached in any order, each any number of times, in one copy or split over two
    /// copies that merge: the same accounts, each at its writer's latest reply.
    #[test]
    fn replies_attach_to_the_same_accounts_in_any_order(
        edits in proptest::collection::vec((0u8..3, text()), 1..10),
        seed in any::<u64>(),
        anonymous in any::<bool>(),
    ) {
        let (r, sent) = replies(&edits, anonymous);
        let mut in_order = r.clone();
        for reply in &sent {
            in_order.attach_reply(reply, 1).unwrap();
        }
        // A fixed shuffle from the seed, with every reply twice.
        let mut shuffled: Vec<&AccountReply> = sent.iter().chain(sent.iter()).collect();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut any_order = r.clone();
        for reply in &shuffled {
            any_order.attach_reply(reply, 1).unwrap();
        }
        let (mut left, mut right) = (r.clone(), r.clone());
        for (i, reply) in shuffled.iter().enumerate() {
            if i % 2 == 0 { left.attach_reply(reply, 1).unwrap(); } else { right.attach_reply(reply, 1).unwrap(); }
        }
        merge_retrospectives(&mut left, &right).unwrap();
        prop_assert_eq!(&in_order.accounts, &any_order.accounts);
        prop_assert_eq!(&in_order.accounts, &left.accounts);
        for reply in &sent {
            let latest = sent.iter().filter(|s| s.account == reply.account).max_by_key(|s| s.body.clock).unwrap();
            prop_assert_eq!(&in_order.accounts[&reply.account].body, &latest.body);
            prop_assert!(!anonymous || latest.body.value.name.is_empty(), "no name under an anonymous request");
        }
        // The document with its accounts survives the format, and a shareable copy has none.
        prop_assert_eq!(decode(&encode(&in_order)).unwrap(), in_order.clone());
        prop_assert!(in_order.shareable().accounts.is_empty());
    }
}

#[test]
fn the_schema_4_fixture_still_loads() {
    let text = include_str!("../../tests/fixtures/retrospective-schema-4.json");
    let r = decode(text).expect("every schema-4 document stays readable");
    assert_eq!(r.display_title(), "Checkout errors after the 14:00 deploy (schema 4)");
    assert_eq!(r.time_zone.value, "Europe/Berlin");
    assert_eq!(r.accounts.len(), 1);
    assert_eq!(r.questions.len(), 1);
    // Migrated to schema 5: no postmortem fields, themes or responders, nothing internal, no
    // action marked short- or long-term; and a write of its own wins over the defaults.
    assert_eq!((r.severity.value, r.detection.value, r.surprise.value.as_str()), (None, None, ""));
    assert!(r.themes.is_empty() && r.responders.is_empty());
    assert!(r.timeline.values().all(|e| !e.internal.value));
    assert!(r.actions.values().all(|a| a.horizon.value.is_none() && !a.internal.value));
    assert!(r.factors.values().all(|f| f.decision.value.is_empty() && f.sources.value.is_empty()));
    let writer = Writer::new(Replica(0xbeef), 2_000_000_000_000);
    let mut marked = r.clone();
    let action = *r.actions.keys().next().unwrap();
    marked.apply(Edit::Action(action, ActionField::Internal(true)), &writer);
    marked.apply(Edit::Header(HeaderField::Severity(Some(Severity::Sev2))), &writer);
    let mut merged = r.clone();
    merge_retrospectives(&mut merged, &marked).unwrap();
    assert!(merged.actions[&action].internal.value);
    assert_eq!(merged.severity.value, Some(Severity::Sev2));
    assert!(encode(&merged).contains(&format!("\"schema\":{SCHEMA}")));
    assert_eq!(decode(&encode(&merged)).unwrap(), merged);
}

#[test]
fn the_schema_5_fixture_still_loads() {
    let text = include_str!("../../tests/fixtures/retrospective-schema-5.json");
    let r = decode(text).expect("every schema-5 document stays readable");
    assert_eq!(r.display_title(), "Checkout errors after the 14:00 deploy (schema 5)");
    assert_eq!(r.severity.value, Some(Severity::Sev2));
    // Migrated to schema 6: no tags, no factor linked to an earlier one; a write of its own wins.
    assert!(r.tags.value.is_empty());
    assert!(r.factors.values().all(|f| f.recurs.value.is_empty()));
    let writer = Writer::new(Replica(0xbeef), 2_000_000_000_000);
    let mut tagged = r.clone();
    let tags: std::collections::BTreeSet<String> = ["checkout".to_string()].into();
    tagged.apply(Edit::Header(HeaderField::Tags(tags.clone())), &writer);
    let mut merged = r.clone();
    merge_retrospectives(&mut merged, &tagged).unwrap();
    assert_eq!(merged.tags.value, tags);
    assert!(encode(&merged).contains(&format!("\"schema\":{SCHEMA}")));
    assert_eq!(decode(&encode(&merged)).unwrap(), merged);
}

#[test]
fn the_schema_6_fixture_still_loads() {
    let text = include_str!("../../tests/fixtures/retrospective-schema-6.json");
    let r = decode(text).expect("every schema-6 document stays readable");
    assert_eq!(r.display_title(), "Checkout errors after the 14:00 deploy (schema 6)");
    assert_eq!(r.tags.value.len(), 2);
    // Migrated to schema 7: made from a built-in kind, so it shows that kind's words.
    assert_eq!(r.own_template, None);
    assert_eq!(r.template_name(), Template::Incident.label());
    assert_eq!(r.step_copy(Step::Why), Template::Incident.copy(Step::Why));
    let writer = Writer::new(Replica(0xbeef), 2_000_000_000_000);
    let mut edited = r.clone();
    edited.apply(Edit::Header(HeaderField::Impact("Checkout failed for 18% of requests".into())), &writer);
    let mut merged = r.clone();
    merge_retrospectives(&mut merged, &edited).unwrap();
    assert_eq!(merged.impact.value, "Checkout failed for 18% of requests");
    assert!(encode(&merged).contains(&format!("\"schema\":{SCHEMA}")));
    assert_eq!(decode(&encode(&merged)).unwrap(), merged);
}

#[test]
fn the_schema_7_fixture_still_loads_and_runs_a_silent_round() {
    let text = include_str!("../../tests/fixtures/retrospective-schema-7.json");
    let r = decode(text).expect("every schema-7 document stays readable");
    assert_eq!(r.display_title(), "Checkout errors after the 14:00 deploy (schema 7)");
    // Migrated to schema 8: nobody leads, nothing was written silently, the scribe's dots stay.
    assert_eq!(r.facilitation.facilitator.value, None);
    assert!(r.facilitation.writing.is_empty() && r.facilitation.silent.is_empty() && r.facilitation.dots.is_empty());
    let factor = r.factor_order()[0];
    assert_eq!(r.total_votes(factor), 2);
    // A live meeting on it: the facilitator opens writing, a participant adds a factor and
    // gives two dots of their own; the two copies merge.
    let lead = Writer::new(Replica(0xbeef), 2_000_000_000_000);
    let participant = Writer::new(Replica(0xcafe), 2_000_000_000_500);
    let mut facilitator = r.clone();
    assert!(facilitator.apply(Edit::Facilitate, &lead));
    assert!(facilitator.apply(Edit::StartSilentWriting(Step::Why), &lead));
    let mut theirs = r.clone();
    let report = merge_retrospectives(&mut theirs, &facilitator).unwrap();
    assert!(report.is_empty() && report.changed_anything(), "not told as a merge, but screens follow it: {report:?}");
    let note = Id::from_random([0x77; 16]);
    assert!(theirs.apply(Edit::AddFactor { id: note }, &participant));
    assert!(theirs.apply(Edit::Dots { factor, count: 2 }, &participant));
    merge_retrospectives(&mut facilitator, &theirs).unwrap();
    assert!(!facilitator.shown_to(Viewer::Person(lead.profile), facilitator.factor_order()).contains(&note), "hidden until revealed");
    assert!(theirs.shown_to(Viewer::Person(participant.profile), theirs.factor_order()).contains(&note), "its writer sees it");
    assert_eq!(facilitator.total_votes(factor), 4, "the scribe's two and the participant's two");
    assert!(facilitator.apply(Edit::Reveal(Step::Why), &lead));
    assert!(facilitator.shown_to(Viewer::Room, facilitator.factor_order()).contains(&note));
    assert!(encode(&facilitator).contains(&format!("\"schema\":{SCHEMA}")));
    assert_eq!(decode(&encode(&facilitator)).unwrap(), facilitator);
}
