//! Generates the benchmark's data deterministically (never committed): 100 stored
//! retrospectives, and one retrospective of 1,000 items (500 timeline entries, 300 factors with
//! why chains, 200 actions), as localStorage contents in JSON; and two diverged copies of it
//! for the browser's merge measurement. Also times, natively, what the
//! browser benchmark cannot see from outside: merging two diverged copies, the Markdown export,
//! and serialising the document for a save.
//!
//! `cargo run --release --example bench_data -- OUT_DIR` (run by `cargo xtask bench`).

use retrace::domain::export::markdown::to_markdown;
use retrace::domain::*;
use retrace::storage::memory::MemoryStore;
use retrace::storage::{KeyValueStore, Repository};
use std::rc::Rc;
use std::time::Instant;

fn id(n: u32, salt: u8) -> Id {
    let mut bytes = [salt; 16];
    bytes[..4].copy_from_slice(&n.to_be_bytes());
    Id::from_random(bytes)
}

fn big_retro(replica: u64, salt: u8) -> Retrospective {
    let w = Writer::new(Replica(replica), 1_764_000_000_000);
    let mut r = Retrospective::new(id(0, 1), Template::Incident, "Large retrospective (1,000 items)", &w);
    for n in 0..500 {
        let e = id(1000 + n, 2);
        r.apply(Edit::AddTimelineEntry { id: e }, &w);
        r.apply(
            Edit::Timeline(
                e,
                TimelineField::What(format!("Entry {n}: the error rate on checkout rose to {}% and the on-call engineer looked at the dashboard", n % 40)),
            ),
            &w,
        );
        r.apply(Edit::Timeline(e, TimelineField::When(LocalDateTime::parse(&format!("2026-11-{:02}T{:02}:{:02}", 10 + n / 100, (n / 60) % 24, n % 60)))), &w);
    }
    for n in 0..300 {
        let f = id(2000 + n, 3);
        r.apply(Edit::AddFactor { id: f }, &w);
        r.apply(Edit::Factor(f, FactorField::Statement(format!("Factor {n}: the deploy pipeline treats configuration changes as low risk"))), &w);
        let q = id(3000 + n, 4);
        r.apply(Edit::AddWhy { id: q, factor: f, parent: None }, &w);
        r.apply(Edit::Why(q, WhyField::Answer(format!("Because of decision {n}, made with what was known then"))), &w);
    }
    for n in 0..200 {
        let a = id(4000 + n, 5);
        r.apply(Edit::AddAction { id: a }, &w);
        r.apply(Edit::Action(a, ActionField::Description(format!("Action {n}: add a check to the pipeline for configuration changes"))), &w);
        r.apply(Edit::Action(a, ActionField::Owner("Platform team".into())), &w);
    }
    r.apply(Edit::GoTo(Step::WhatHappened), &w);
    let _ = salt;
    r
}

fn dump(store: &MemoryStore) -> String {
    let map: serde_json::Map<String, serde_json::Value> =
        store.keys().unwrap().into_iter().map(|k| (k.clone(), serde_json::Value::String(store.get(&k).unwrap().unwrap()))).collect();
    serde_json::to_string(&map).unwrap()
}

fn time<T>(rounds: u32, mut f: impl FnMut() -> T) -> f64 {
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(f());
    }
    start.elapsed().as_secs_f64() * 1e3 / rounds as f64
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "target/bench-data".into());
    std::fs::create_dir_all(&out).unwrap();

    // 100 retrospectives of a realistic size, with the index the app keeps.
    let store = MemoryStore::new();
    let repo = Repository::new(Rc::new(store.clone()), "retrace:");
    repo.profile(|| Replica(1)).unwrap();
    for n in 0..100u32 {
        let w = Writer::new(Replica(1), 1_764_000_000_000 + n as i64 * 60_000);
        let mut r = Retrospective::new(id(n, 9), if n % 2 == 0 { Template::Incident } else { Template::Project }, &format!("Retrospective {n}"), &w);
        for k in 0..10 {
            let e = id(n * 100 + k, 10);
            r.apply(Edit::AddTimelineEntry { id: e }, &w);
            r.apply(Edit::Timeline(e, TimelineField::What(format!("Entry {k} of retrospective {n}"))), &w);
        }
        for k in 0..3 {
            let a = id(n * 100 + 50 + k, 11);
            r.apply(Edit::AddAction { id: a }, &w);
            r.apply(Edit::Action(a, ActionField::Description(format!("Action {k} of retrospective {n}"))), &w);
        }
        repo.save(&mut r).unwrap();
    }
    std::fs::write(format!("{out}/hundred.json"), dump(&store)).unwrap();

    // One large retrospective.
    let big = big_retro(1, 0);
    let store = MemoryStore::new();
    let repo = Repository::new(Rc::new(store.clone()), "retrace:");
    repo.profile(|| Replica(1)).unwrap();
    repo.save(&mut big.clone()).unwrap();
    std::fs::write(format!("{out}/big.json"), dump(&store)).unwrap();
    std::fs::write(format!("{out}/big-id.txt"), big.id.to_string()).unwrap();

    // Native timings on the large retrospective.
    let mut mine = big.clone();
    let mut theirs = big.clone();
    let (me, them) = (Writer::new(Replica(1), 1), Writer::new(Replica(2), 2));
    for n in 0..100 {
        mine.apply(Edit::Timeline(id(1000 + n, 2), TimelineField::What(format!("edited here {n}"))), &me);
        theirs.apply(Edit::Timeline(id(1200 + n, 2), TimelineField::What(format!("edited there {n}"))), &them);
        theirs.apply(Edit::AddAction { id: id(9000 + n, 6) }, &them);
    }
    // The same two copies for the browser: this tab's copy seeded in storage, the other tab's
    // copy written over it while the retrospective is open (the `storage` event merges it).
    let store = MemoryStore::new();
    let repo = Repository::new(Rc::new(store.clone()), "retrace:");
    repo.profile(|| Replica(1)).unwrap();
    repo.save(&mut mine.clone()).unwrap();
    std::fs::write(format!("{out}/big-mine.json"), dump(&store)).unwrap();
    std::fs::write(format!("{out}/big-theirs.txt"), format::encode(&theirs)).unwrap();

    let merge_ms = time(20, || {
        let mut a = mine.clone();
        merge_retrospectives(&mut a, &theirs).unwrap()
    });
    let clone_ms = time(20, || mine.clone());
    let markdown_ms = time(20, || to_markdown(&big));
    let encode_ms = time(20, || format::encode(&big));
    let decode_text = format::encode(&big);
    let decode_ms = time(20, || format::decode(&decode_text).unwrap());
    println!(
        "| native: merge two diverged copies of the 1,000-item retro (100 edits each side, +100 items) | {:.2} ms (of which cloning {:.2} ms) |",
        merge_ms - clone_ms,
        clone_ms
    );
    println!("| native: Markdown export of the 1,000-item retro | {markdown_ms:.2} ms |");
    println!("| native: serialise the 1,000-item retro for a save ({} KB) | {encode_ms:.2} ms |", decode_text.len() / 1024);
    println!("| native: read it back (decode with all checks) | {decode_ms:.2} ms |");

    // An autosave after one keystroke, everything but the browser's own storage work: the
    // repository over an in-memory store, its caches warm from the save before.
    let store = MemoryStore::new();
    let repo = Repository::new(Rc::new(store.clone()), "retrace:");
    let mut open = big.clone();
    repo.save(&mut open).unwrap();
    let mut keystroke = 0;
    let save_ms = time(50, || {
        keystroke += 1;
        open.apply(Edit::Timeline(id(1250, 2), TimelineField::What(format!("typed {keystroke}"))), &me);
        repo.save(&mut open).unwrap()
    });
    println!("| native: autosave after one keystroke, 1,000-item retro, without the browser's storage call | {save_ms:.2} ms |");
}
