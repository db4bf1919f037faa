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
    insights_history(&out);
    team_space(&out);

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

/// A team space of 500 retrospectives as files (`space500/retro-<id>.json`), for the browser's
/// "Home with 500 team retrospectives"; and natively, what one save sends to a space and what
/// a sync round costs, against the Apache-like space in memory.
fn team_space(out: &str) {
    use retrace::domain::sync::engine::sync_retro;
    use retrace::domain::sync::layout::{file_name, space_text};
    use retrace::domain::sync::memory::{run_to_end, MemoryCopy, MemorySpace};
    use std::cell::RefCell;

    let dir = format!("{out}/space500");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut typical = None;
    for n in 0..500u32 {
        let w = Writer::new(Replica(7), 1_764_000_000_000 + n as i64 * 60_000);
        let mut r = Retrospective::new(id(n, 21), Template::Incident, &format!("Team retrospective {n}"), &w);
        for k in 0..10 {
            let e = id(n * 100 + k, 22);
            r.apply(Edit::AddTimelineEntry { id: e }, &w);
            r.apply(Edit::Timeline(e, TimelineField::What(format!("Entry {k} of team retrospective {n}"))), &w);
        }
        std::fs::write(format!("{dir}/{}", file_name(r.id)), space_text(&r)).unwrap();
        typical.get_or_insert(r);
    }

    for (what, retro) in [("a 10-entry retro", typical.unwrap()), ("the 1,000-item retro", big_retro(1, 0))] {
        let space = MemorySpace::apache_like();
        let pause = space.pause();
        let me = Writer::new(Replica(1), 1);
        let id = retro.id;
        let one = MemoryCopy(RefCell::new(Some(retro)));
        let mut known = run_to_end(sync_retro(&space, &pause, &one, id, None, false)).ok().and_then(|s| match s {
            retrace::domain::sync::engine::Synced::InStep { known, .. } => Some(known),
            _ => None,
        });
        let (writes_before, bytes_before) = space.writes();
        let rounds = 20;
        let start = Instant::now();
        for n in 0..rounds {
            space.advance(2_000);
            one.0.borrow_mut().as_mut().unwrap().apply(Edit::Header(HeaderField::Impact(format!("typed {n}"))), &me);
            if let Ok(retrace::domain::sync::engine::Synced::InStep { known: k, .. }) = run_to_end(sync_retro(&space, &pause, &one, id, known.clone(), false)) {
                known = Some(k);
            }
        }
        let ms = start.elapsed().as_secs_f64() * 1e3 / rounds as f64;
        let (writes, bytes) = space.writes();
        let per_save = (bytes - bytes_before) as f64 / (writes - writes_before).max(1) as f64 / 1024.0;
        println!(
            "| native: team space, one save of {what} | {per_save:.1} KB written per save (the whole document, without accounts; {} writes for {rounds} saves); a sync round (read, merge, encode, conditional write) {ms:.2} ms |",
            writes - writes_before
        );
    }
}

/// Conditions real postmortems report again and again, each worded three ways, so the
/// history has groups to find as a team's would.
const CONDITIONS: [[&str; 3]; 12] = [
    [
        "Config changes roll out to every server at once, with no staged rollout",
        "Configuration changes reach all servers at once without a staged rollout",
        "A config change went to every server at once, no staged rollout",
    ],
    ["No alert fired while replica lag grew", "Replication lag had no alert", "Replica lag grew with no alert firing"],
    ["The failover runbook was out of date", "Failover runbook out of date", "The runbook for failover did not match the system"],
    ["The certificate expired without a reminder", "Certificates expire with no reminder", "A certificate expired and no reminder went out"],
    ["Client retries amplified the load on the database", "Retries from clients amplify database load", "The database load was amplified by client retries"],
    ["Log rotation was off and the disk filled", "Disk filled because log rotation was off", "Log rotation off, the disk filled up"],
    ["Paging went to an old on-call number", "On-call paging used an old phone number", "The page went to an old on-call number"],
    ["The deploy pipeline skips the migration check", "Deployments can skip the migration check", "The migration check is skipped by the deploy pipeline"],
    ["The status page was updated by hand and late", "Status page updates are manual and came late", "Updating the status page by hand was late"],
    ["Backups were never restored in a test", "Backup restores were never tested", "Nobody had tested restoring the backups"],
    [
        "The dashboard for checkout hid errors behind an average",
        "Checkout dashboard averages hid the errors",
        "Errors on checkout were hidden by the dashboard average",
    ],
    ["Feature flags had no owner and stayed on", "Feature flags stay on with no owner", "Nobody owned the feature flags, so they stayed on"],
];

/// 500 retrospectives over two years, each with a timed trigger, detection and resolution,
/// three factors, two actions and tags: what `cargo xtask bench` opens Insights over.
fn insights_history(out: &str) {
    let store = MemoryStore::new();
    let repo = Repository::new(Rc::new(store.clone()), "retrace:");
    repo.profile(|| Replica(1)).unwrap();
    let tags = ["checkout", "payments", "edge", "database", "network", "identity"];
    let start = Date::parse("2024-12-01").unwrap().days();
    let mut factors = 0;
    for n in 0..500u32 {
        let w = Writer::new(Replica(1), 1_733_000_000_000 + n as i64 * 3_600_000);
        let mut r = Retrospective::new(id(n, 20), if n % 5 == 4 { Template::Project } else { Template::Incident }, &format!("Incident {n}"), &w);
        let day = Date::from_days(start + (n as i64 * 730) / 500);
        let at = |minutes: i64| LocalDateTime::on(day, 9 + minutes / 60, minutes % 60);
        r.apply(Edit::Header(HeaderField::IncidentStart(at(0))), &w);
        r.apply(Edit::Header(HeaderField::Tags([tags[n as usize % 6].to_string(), tags[(n as usize / 6) % 6].to_string()].into())), &w);
        r.apply(Edit::Header(HeaderField::Severity(Some(Severity::ALL[n as usize % 4]))), &w);
        for (k, (kind, minutes)) in
            [(EntryKind::Trigger, 0), (EntryKind::Detection, 3 + (n % 40) as i64), (EntryKind::Resolution, 60 + (n % 300) as i64), (EntryKind::Mitigation, 20)]
                .into_iter()
                .enumerate()
        {
            let e = id(n * 100 + k as u32, 21);
            r.apply(Edit::AddTimelineEntry { id: e }, &w);
            r.apply(Edit::Timeline(e, TimelineField::What(format!("{kind:?} of incident {n}"))), &w);
            r.apply(Edit::Timeline(e, TimelineField::When(at(minutes))), &w);
            r.apply(Edit::Timeline(e, TimelineField::Kind(kind)), &w);
        }
        let mut made = vec![];
        for k in 0..3u32 {
            let f = id(n * 100 + 10 + k, 22);
            let condition = CONDITIONS[((n * 7 + k * 5) % 12) as usize][((n + k) % 3) as usize];
            // Half the factors are a team's own, worded once.
            let statement =
                if (n + k) % 2 == 0 { condition.to_string() } else { format!("Step {k} of incident {n} depended on a manual hand-off number {n}{k}") };
            r.apply(Edit::AddFactor { id: f }, &w);
            r.apply(Edit::Factor(f, FactorField::Statement(statement)), &w);
            made.push(f);
            factors += 1;
        }
        for k in 0..2u32 {
            let a = id(n * 100 + 50 + k, 23);
            r.apply(Edit::AddAction { id: a }, &w);
            r.apply(Edit::Action(a, ActionField::Description(format!("Action {k} of incident {n}"))), &w);
            r.apply(Edit::Action(a, ActionField::FactorLinks([made[k as usize]].into())), &w);
            r.apply(Edit::Action(a, ActionField::Priority(Priority::ALL[((n + k) % 3) as usize])), &w);
            let status = if (n + k) % 3 == 0 { ActionStatus::Done } else { ActionStatus::Open };
            r.apply(Edit::Action(a, ActionField::Status(status)), &w);
        }
        repo.save(&mut r).unwrap();
    }
    let text = dump(&store);
    std::fs::write(format!("{out}/five-hundred.json"), &text).unwrap();
    let digests = repo.digests().unwrap().retros;
    let today = Date::parse("2026-12-01").unwrap();
    let build_ms = time(20, || insights::Insights::build(&digests, &insights::Filter::default(), today));
    let groups = insights::Insights::build(&digests, &insights::Filter::default(), today).recurring.len();
    let digest_ms = time(5, || {
        let fresh = Repository::new(Rc::new(store.clone()), "retrace:");
        fresh.digests().unwrap()
    });
    println!(
        "| native: Insights over 500 stored retros ({factors} factors, {} MB stored): read every document into digests | {digest_ms:.1} ms; then group, count and trend: {build_ms:.1} ms ({groups} recurring groups) |",
        text.len() / 1_000_000
    );
}
