//! Fuzzing the two decoders that read untrusted input: an imported file (`format::decode`) and a
//! share link (`link::parse` + `link::decompress`). Every input must give a value or an error —
//! never a panic, never a hang. The default run is part of `cargo test`; set
//! `RETRACE_FUZZ_CASES` for a longer one (each case feeds several inputs).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use retrace::domain::format::{decode, decode_newer_for_reading, encode};
use retrace::domain::link;
use retrace::domain::*;
use std::sync::atomic::{AtomicU64, Ordering};

static EXECUTIONS: AtomicU64 = AtomicU64::new(0);

fn cases() -> u32 {
    std::env::var("RETRACE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1500)
}

fn valid_document() -> String {
    let w = Writer { replica: Replica(7), now_ms: 1 };
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
    if let Ok(link::Payload::Plain(bytes)) = link::parse(text) {
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
        (any::<usize>(), prop_oneof![Just("{".to_string()), Just("[".to_string()), Just("\"".to_string()), Just("null".to_string()), Just("-1e999".to_string()), Just("\\u0000".to_string()), ".{0,8}".prop_map(|s| s)]).prop_map(|(i, s)| Mutation::Insert(i, s)),
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
fn run<S: Strategy>(strategy: S, check: impl Fn(S::Value)) where S::Value: std::fmt::Debug {
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

#[test]
fn pathological_inputs_are_refused_quickly() {
    let deep = format!(r#"{{"format":"retrace.retrospective","schema":2,"x":{}1{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
    assert!(decode(&deep).is_err());
    let wide = format!(r#"{{"format":"retrace.retrospective","schema":2,"timeline":{{{}}}}}"#, (0..30_000).map(|i| format!("\"k{i}\":1")).collect::<Vec<_>>().join(","));
    assert!(decode(&wide).is_err());
    let huge_number = r#"{"format":"retrace.retrospective","schema":18446744073709551616}"#;
    assert!(decode(huge_number).is_err());
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b'['; 50 * 1024 * 1024], 9);
    assert!(link::decompress(&bomb).is_err());
    feed("");
}
