//! Prints how well the blameless coach does (precision and recall on the labelled set and on
//! the held-out set, in English, German and Spanish) and how long it takes per sentence, natively. Run by `cargo xtask bench`;
//! figures only, no pass/fail (the tests hold the coach to its bar).

use retrace::domain::coach::review;
use retrace::domain::coach::score::{parse, Labelled, Score};
use std::time::Instant;

fn main() {
    let mut labelled = parse(include_str!("../tests/fixtures/coach-corpus.tsv"));
    for extra in [
        include_str!("../tests/fixtures/coach-corpus-dev.tsv"),
        include_str!("../tests/fixtures/coach-corpus-dev2.tsv"),
        include_str!("../tests/fixtures/coach-corpus-dev3.tsv"),
        include_str!("../tests/fixtures/coach-labelled.tsv"),
        include_str!("../tests/fixtures/coach-held-out.tsv"),
    ] {
        labelled.extend(parse(extra));
    }
    let held_out = parse(include_str!("../tests/fixtures/coach-corpus-held-out.tsv"));
    println!("| coach, labelled set (the rules are written against it) | {} |", Score::of(&labelled).summary());
    println!("| coach, held-out set (never tuned against) | {} |", Score::of(&held_out).summary());
    for (language, written_against, held) in [
        ("German", include_str!("../tests/fixtures/coach-de.tsv"), include_str!("../tests/fixtures/coach-de-held-out.tsv")),
        ("Spanish", include_str!("../tests/fixtures/coach-es.tsv"), include_str!("../tests/fixtures/coach-es-held-out.tsv")),
    ] {
        println!("| coach in {language}, labelled set (written against) | {} |", Score::of(&parse(written_against)).summary());
        println!("| coach in {language}, held-out set (never tuned against) | {} |", Score::of(&parse(held)).summary());
    }

    let all: Vec<&str> = labelled.iter().chain(&held_out).map(|s: &Labelled| s.text).collect();
    let rounds = 50;
    let mut per_sentence: Vec<f64> = Vec::with_capacity(all.len());
    let mut findings = 0;
    for sentence in &all {
        let start = Instant::now();
        for _ in 0..rounds {
            findings += std::hint::black_box(review(sentence)).len();
        }
        per_sentence.push(start.elapsed().as_secs_f64() * 1e6 / rounds as f64);
    }
    retrace_domain::sorting::sort_by(&mut per_sentence, f64::total_cmp);
    let mean = per_sentence.iter().sum::<f64>() / per_sentence.len() as f64;
    let p95 = per_sentence[(per_sentence.len() as f64 * 0.95) as usize - 1];
    let max = per_sentence.last().copied().unwrap_or(0.0);
    println!("| native: coach::review per sentence ({} sentences × {rounds}) | mean {mean:.1} µs, p95 {p95:.1} µs, max {max:.1} µs |", all.len());
    let paragraph = all.join(" ");
    let start = Instant::now();
    for _ in 0..rounds {
        findings += std::hint::black_box(review(&paragraph)).len();
    }
    println!(
        "| native: coach::review of all {} sentences as one text ({} bytes) | {:.2} ms |",
        all.len(),
        paragraph.len(),
        start.elapsed().as_secs_f64() * 1e3 / rounds as f64
    );
    assert!(findings > 0);
}
