//! Prints how long the blameless coach takes per sentence, natively, over the labelled and
//! held-out sentences. Run by `cargo xtask bench`; figures only, no pass/fail.

use retrace::domain::coach::review;
use std::time::Instant;

fn sentences(tsv: &str) -> Vec<&str> {
    tsv.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t').map(|(_, s)| s)).collect()
}

fn main() {
    let mut all = sentences(include_str!("../tests/fixtures/coach-labelled.tsv"));
    all.extend(sentences(include_str!("../tests/fixtures/coach-held-out.tsv")));
    let rounds = 200;
    let mut per_sentence: Vec<f64> = Vec::with_capacity(all.len());
    let mut findings = 0;
    for sentence in &all {
        let start = Instant::now();
        for _ in 0..rounds {
            findings += std::hint::black_box(review(sentence)).len();
        }
        per_sentence.push(start.elapsed().as_secs_f64() * 1e6 / rounds as f64);
    }
    per_sentence.sort_by(f64::total_cmp);
    let mean = per_sentence.iter().sum::<f64>() / per_sentence.len() as f64;
    let p95 = per_sentence[(per_sentence.len() as f64 * 0.95) as usize - 1];
    let max = per_sentence.last().copied().unwrap_or(0.0);
    println!("| coach::review per sentence ({} sentences × {rounds}) | mean {mean:.1} µs | p95 {p95:.1} µs | max {max:.1} µs |", all.len());
    let paragraph = all.join(" ");
    let start = Instant::now();
    for _ in 0..rounds {
        findings += std::hint::black_box(review(&paragraph)).len();
    }
    println!(
        "| coach::review of all {} sentences as one text ({} bytes) | {:.2} ms |",
        all.len(),
        paragraph.len(),
        start.elapsed().as_secs_f64() * 1e3 / rounds as f64
    );
    assert!(findings > 0);
}
