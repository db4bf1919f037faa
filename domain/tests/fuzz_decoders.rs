//! Fuzzing the two decoders that read untrusted input: an imported file (`format::decode`) and a
//! share link (`link::parse` + `link::decompress`). Every input must give a value or an error —
//! never a panic, never a hang. The default run is part of `cargo test`; set
//! `RETRACE_FUZZ_CASES` for a longer one (each case feeds several inputs).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retrace_domain::format::link;
use retrace_domain::format::{decode, decode_newer_for_reading, decode_through_value, decode_with, encode, Limits};
use retrace_domain::*;
use std::sync::atomic::{AtomicU64, Ordering};

static EXECUTIONS: AtomicU64 = AtomicU64::new(0);

fn cases() -> u32 {
    std::env::var("RETRACE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1500)
}

fn valid_document() -> String {
    let w = Writer::new(Replica(7), 1);
    let id = |n: u8| Id::from_random([n; 16]);
    let mut r = Retrospective::new(id(1), Template::Incident, "Fuzz base", &w);
    r.apply(Edit::AddTimelineEntry { id: id(2) }, &w);
    r.apply(Edit::Timeline(id(2), TimelineField::When(LocalDateTime::parse("2026-11-20T14:00"))), &w);
    r.apply(Edit::AddFactor { id: id(3) }, &w);
    r.apply(Edit::AddWhy { id: id(4), factor: id(3), parent: None }, &w);
    r.apply(Edit::AddAction { id: id(5) }, &w);
    r.apply(Edit::Action(id(5), ActionField::Due(Date::parse("2026-12-01"))), &w);
    r.apply(Edit::AddLearning { id: id(6), list: LearningList::Lucky }, &w);
    encode(&r)
}

/// Feeds one input to every decoder; only a panic fails.
fn feed(text: &str) {
    EXECUTIONS.fetch_add(1, Ordering::Relaxed);
    let _ = decode(text);
    let _ = decode_newer_for_reading(text);
    if let Ok((_, link::Payload::Plain(bytes))) = link::read(text) {
        let _ = link::decompress(&bytes);
    }
    let _ = link::decompress(text.as_bytes());
}

/// A mutation of a valid document: flip, delete, insert or duplicate bytes, or cut it short.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, String),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (
            any::<usize>(),
            prop_oneof![
                Just("{".to_string()),
                Just("[".to_string()),
                Just("\"".to_string()),
                Just("null".to_string()),
                Just("-1e999".to_string()),
                Just("\\u0000".to_string()),
                ".{0,8}".prop_map(|s| s)
            ]
        )
            .prop_map(|(i, s)| Mutation::Insert(i, s)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn apply(doc: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = doc.to_vec();
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    bytes[i % len] ^= b | 1;
                }
            }
            Mutation::Delete(i, n) => {
                let start = i % len;
                let end = (start + n).min(bytes.len());
                if start < end {
                    bytes.drain(start..end);
                }
            }
            Mutation::Insert(i, s) => {
                let at = (i % len).min(bytes.len());
                bytes.splice(at..at, s.bytes());
            }
            Mutation::Truncate(i) => bytes.truncate(i % len),
            Mutation::Duplicate(i, n) => {
                let start = i % len;
                let end = (start + n).min(bytes.len());
                let copy = bytes[start..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}

/// Runs `strategy` for `cases()` cases through `check`; a panic inside is a failure with the
/// shrunk input in the message.
fn run<S: Strategy>(strategy: S, check: impl Fn(S::Value))
where
    S::Value: std::fmt::Debug,
{
    let config = ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    runner
        .run(&strategy, |value| {
            check(value);
            Ok(())
        })
        .unwrap();
}

#[test]
fn fuzz_the_import_and_link_decoders() {
    let doc = valid_document();
    run(proptest::collection::vec(mutation(), 1..8), |mutations| {
        let bytes = apply(doc.as_bytes(), &mutations);
        feed(&String::from_utf8_lossy(&bytes));
        // The same mutated document inside a share link, compressed as a link carries it.
        let compressed = miniz_oxide::deflate::compress_to_vec(&bytes, 6);
        feed(&link::plain_fragment_bytes_for_fuzzing(&compressed));
    });
    run(".{0,400}", |text: String| {
        feed(&text);
        feed(&format!("#r={text}"));
        feed(&format!("#e={text}"));
    });
    run(proptest::collection::vec(any::<u8>(), 0..2048), |bytes| {
        EXECUTIONS.fetch_add(1, Ordering::Relaxed);
        let _ = link::decompress(&bytes);
        feed(&link::plain_fragment_bytes_for_fuzzing(&bytes));
    });
    println!("fuzz: {} decoder executions over {} cases per input kind, no panic", EXECUTIONS.load(Ordering::Relaxed), cases());
}

/// Limits the base document breaks, each alone and just: its clocks' elements sit at depth 5
/// (item map, item, register, clock, element), it holds five items, its longest texts are ids.
fn tight_limits() -> [Limits; 4] {
    let default = Limits::default();
    [Limits { max_depth: 4, ..default }, Limits { max_items: 4, ..default }, Limits { max_string_chars: 9, ..default }, Limits { max_array_len: 1, ..default }]
}

/// The fast reader (one scan, then straight into the model) gives exactly what the reference
/// reader through `serde_json::Value` gives: the same retrospective, counter included, or the
/// same error — for mutated documents, under the default limits and under tight ones.
#[test]
fn the_fast_reader_agrees_with_the_reference_reader() {
    let doc = valid_document();
    let agree = |text: &str, limits: &Limits| {
        assert_eq!(decode_with(text, limits), decode_through_value(text, limits), "{limits:?} {text}");
    };
    for limits in tight_limits() {
        assert!(decode_with(&doc, &limits).is_err(), "the base document breaks {limits:?}");
        agree(&doc, &limits);
    }
    let extra = [
        // Clocks the counter must be lifted to, where a parser keeps them and where it does not.
        r#","junk":{"c":[900,"x"],"inner":{"c":[99999,"y"],"c":[5,"z"]}},"c":[88888,"x"]"#,
        r#","junk":{"c":9000}"#,
        r#","schema":"2""#,
        r#","format":"other""#,
        r#","title":{"v":"twice","c":[1,"0000000000000007"]}"#,
        r#","timeline":[]"#,
        // A repeated key: a parser keeps the last one, and its clock with it.
        r#","junk":{"c":[1000000,"0"]},"junk":0"#,
        // One id spelled two ways: which copy wins must not depend on the reader.
        r#","deleted":{"aaaaaaaa-aaaa-4aaa-aaaa-aaaaaaaaaaaa":[100,"0000000000000001"],"AAAAAAAA-AAAA-4AAA-AAAA-AAAAAAAAAAAA":[5,"0000000000000001"]}"#,
        r#","authors":{"3":{"v":"Ana","c":[40,"0000000000000003"]},"03":{"v":"Ben","c":[2,"0000000000000003"]}}"#,
        // A position that needs all 17 digits.
        r#","timeline":{"02020202-0202-4202-8202-020202020202":{"when":{"v":null,"c":[1,"0000000000000007"]},"what":{"v":"","c":[1,"0000000000000007"]},"kind":{"v":"other","c":[1,"0000000000000007"]},"evidence":{"v":"","c":[1,"0000000000000007"]},"position":{"v":9.8178530415663380,"c":[1,"0000000000000007"]}}}"#,
    ];
    for tail in extra {
        let text = format!("{}{tail}}}", &doc[..doc.len() - 1]);
        agree(&text, &Limits::default());
    }
    // Only a key too long: keys are held to the text limit like values.
    let long_key = format!(r#"{},"junk":{{"{}":1}}}}"#, &doc[..doc.len() - 1], "k".repeat(60));
    let keys_only = Limits { max_string_chars: 50, ..Limits::default() };
    assert!(decode_through_value(&long_key, &keys_only).is_err());
    agree(&long_key, &keys_only);
    run(proptest::collection::vec(mutation(), 1..6), |mutations| {
        let text = String::from_utf8_lossy(&apply(doc.as_bytes(), &mutations)).into_owned();
        agree(&text, &Limits::default());
        for limits in tight_limits() {
            agree(&text, &limits);
        }
    });
}

#[test]
fn pathological_inputs_are_refused_quickly() {
    let deep = format!(r#"{{"format":"retrace.retrospective","schema":7,"x":{}1{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
    assert!(decode(&deep).is_err());
    let wide = format!(
        r#"{{"format":"retrace.retrospective","schema":7,"timeline":{{{}}}}}"#,
        (0..30_000).map(|i| format!("\"k{i}\":1")).collect::<Vec<_>>().join(",")
    );
    assert!(decode(&wide).is_err());
    let huge_number = r#"{"format":"retrace.retrospective","schema":18446744073709551616}"#;
    assert!(decode(huge_number).is_err());
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b'['; 50 * 1024 * 1024], 9);
    assert!(link::decompress(&bomb).is_err());
    feed("");
}

/// Chat and log samples of every import format, for the import fuzz to mutate.
const IMPORT_SAMPLES: &[&str] = &[
    "--- Day changed Mon Mar 04 2024\n[23:58] <@sam> checkout 5xx alert fired\n[23:59] -!- kai has joined\n[00:03] * kai rolls back\n",
    "2024-03-04T14:02:11.250+01:00 ERROR pool exhausted\n  at db.connect\nMar  4 14:02:11 web-1 nginx[812]: upstream timed out\n",
    "Sam Lee  2:02 PM\ncheckout down :fire:\n2:04 PM\nrolling back\nKai Müller, 04/03/2024 14:12\nerrors gone\n[14:15] Priya\nok\n",
    "timestamp;author;message\n1709560931;sam;\"pool, exhausted\"\n2024-03-04 14:05;kai;\"said \"\"ok\"\"\"\n",
    r#"[{"ts":"1709560931.000200","user":"U1","text":"<@U1> <https://x|dash> :eyes:","thread_ts":"1709560900.0","user_profile":{"real_name":"Sam"}}]"#,
    r##"{"messages":[{"type":"m.room.message","sender":"@sam:example.org","origin_server_ts":1709560931000,"content":{"body":"hi","m.relates_to":{"event_id":"$a"}},"event_id":"$b"}]}"##,
];

/// Reads one text as every import format, and detects its format; only a panic fails.
fn feed_import(text: &str) {
    use retrace_domain::import::{detect, parse, preview, Format, ZoneTable};
    EXECUTIONS.fetch_add(1, Ordering::Relaxed);
    let _ = detect(text, 2024);
    let retro = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "t", &Writer::new(Replica(1), 0));
    let zone = ZoneTable::fixed("UTC", 0);
    for format in Format::ALL {
        if let Ok(lines) = parse(text, format, 2024) {
            let _ = preview(&retro, lines, &zone, &zone, Date::from_days(19_786));
        }
    }
}

#[test]
fn fuzz_the_chat_and_log_import() {
    for sample in IMPORT_SAMPLES {
        feed_import(sample);
        run(proptest::collection::vec(mutation(), 1..6), |mutations| feed_import(&String::from_utf8_lossy(&apply(sample.as_bytes(), &mutations))));
    }
    run(".{0,300}", |text: String| feed_import(&text));
}

/// Opens mutated bytes as a Slack workspace zip and reads every channel; only a panic fails
/// (a damaged zip is an error value, and the bounds hold whatever its headers claim).
fn feed_zip(bytes: &[u8]) {
    use retrace_domain::import::slack_zip::{channel_lines, open};
    EXECUTIONS.fetch_add(1, Ordering::Relaxed);
    if let Ok(workspace) = open(bytes) {
        for channel in 0..workspace.channels.len() {
            let _ = channel_lines(bytes, &workspace, channel);
        }
    }
}

#[test]
fn fuzz_the_slack_workspace_zip() {
    let zip = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/chat/slack-export.zip")).expect("the fixture zip is there");
    feed_zip(&zip);
    run(proptest::collection::vec(mutation(), 1..6), |mutations| feed_zip(&apply(&zip, &mutations)));
}

/// Reads one text as a request, a reply and a draft, and as an account link; only a panic fails.
fn feed_account(text: &str) {
    use retrace_domain::format::accounts::{account_link_text, decode_draft, decode_reply, decode_request};
    EXECUTIONS.fetch_add(1, Ordering::Relaxed);
    let _ = decode_request(text);
    let _ = decode_reply(text);
    let _ = decode_draft(text);
    let _ = account_link_text(text);
}

#[test]
fn fuzz_the_account_request_and_reply_decoders() {
    use retrace_domain::format::accounts::{account_fragment, encode_reply, encode_request};
    use retrace_domain::format::link::Carries;
    let w = Writer::new(Replica(1), 0);
    let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Outage", &w);
    r.apply(Edit::AddTimelineEntry { id: Id::from_random([2; 16]) }, &w);
    r.apply(Edit::Timeline(Id::from_random([2; 16]), TimelineField::What("deploy".into())), &w);
    let request = r.account_request(Id::from_random([3; 16]), false, "by Thursday");
    let mut draft = AccountDraft::new(request.clone(), Id::from_random([4; 16]), Replica(5));
    draft.edit(|b| b.narrative = "I saw the graph climb".into(), Replica(5));
    let samples = [encode_request(&request), encode_reply(&draft.reply())];
    for sample in &samples {
        feed_account(sample);
        run(proptest::collection::vec(mutation(), 1..6), |mutations| feed_account(&String::from_utf8_lossy(&apply(sample.as_bytes(), &mutations))));
    }
    let link = account_fragment(Carries::Reply, &samples[1]).unwrap();
    run(proptest::collection::vec(mutation(), 1..6), |mutations| feed_account(&String::from_utf8_lossy(&apply(link.as_bytes(), &mutations))));
}

/// Reads one text as a backup and plans its restore; only a panic fails.
fn feed_backup(text: &str) {
    use retrace_domain::change::restore::plan_restore;
    use retrace_domain::format::backup::decode_backup;
    EXECUTIONS.fetch_add(1, Ordering::Relaxed);
    if let Ok(read) = decode_backup(text) {
        let _ = plan_restore(read, |_| None, |_| None);
    }
}

#[test]
fn fuzz_the_backup_decoder() {
    use retrace_domain::format::backup::encode_backup;
    let w = Writer::new(Replica(1), 0);
    let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Outage", &w);
    r.apply(Edit::AddTimelineEntry { id: Id::from_random([2; 16]) }, &w);
    r.apply(Edit::Timeline(Id::from_random([2; 16]), TimelineField::What("deploy".into())), &w);
    let other = Retrospective::new(Id::from_random([3; 16]), Template::Incident, "Second", &w);
    let settings = std::collections::BTreeMap::from([("tracker".to_string(), serde_json::json!({"kind": "jira"}))]);
    let sample = encode_backup(&[r, other], &settings, &[], 1_764_000_000_000);
    feed_backup(&sample);
    run(proptest::collection::vec(mutation(), 1..6), |mutations| feed_backup(&String::from_utf8_lossy(&apply(sample.as_bytes(), &mutations))));
}
