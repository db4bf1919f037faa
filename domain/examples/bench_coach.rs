//! Prints how well the blameless coach does (precision and recall on the labelled set and on
//! the held-out set, in English, German and Spanish) and how long it takes per sentence, natively. Run by `cargo xtask bench`;
//! figures only, no pass/fail (the tests hold the coach to its bar).

use retrace_domain::coach::review;
use retrace_domain::coach::score::{parse, Labelled, Score};
use std::time::Instant;

fn main() {
    let mut labelled = parse(include_str!("../../tests/fixtures/coach-corpus.tsv"));
    for extra in [
        include_str!("../../tests/fixtures/coach-corpus-dev.tsv"),
        include_str!("../../tests/fixtures/coach-corpus-dev2.tsv"),
        include_str!("../../tests/fixtures/coach-corpus-dev3.tsv"),
        include_str!("../../tests/fixtures/coach-labelled.tsv"),
        include_str!("../../tests/fixtures/coach-held-out.tsv"),
    ] {
        labelled.extend(parse(extra));
    }
    let held_out = parse(include_str!("../../tests/fixtures/coach-corpus-held-out.tsv"));
    println!("| coach, labelled set (the rules are written against it) | {} |", Score::of(&labelled).summary());
    println!("| coach, held-out set (never tuned against) | {} |", Score::of(&held_out).summary());
    let mut others: Vec<Labelled> = Vec::new();
    for (language, written_against, held_out_sets) in [
        (
            "German",
            include_str!("../../tests/fixtures/coach-de.tsv"),
            &[("#18", include_str!("../../tests/fixtures/coach-de-held-out.tsv")), ("#43", include_str!("../../tests/fixtures/coach-de-held-out-2.tsv"))][..],
        ),
        (
            "Spanish",
            include_str!("../../tests/fixtures/coach-es.tsv"),
            &[
                ("#18", include_str!("../../tests/fixtures/coach-es-held-out.tsv")),
                ("#43", include_str!("../../tests/fixtures/coach-es-held-out-2.tsv")),
                ("#43, fresh", include_str!("../../tests/fixtures/coach-es-held-out-fresh.tsv")),
            ],
        ),
    ] {
        let set = parse(written_against);
        println!("| coach in {language}, labelled set (written against) | {} |", Score::of(&set).summary());
        others.extend(set);
        for &(issue, held) in held_out_sets {
            let set = parse(held);
            println!("| coach in {language}, held-out set of {issue} (never tuned against) | {} |", Score::of(&set).summary());
            others.extend(set);
        }
    }

    let english: Vec<&str> = labelled.iter().chain(&held_out).map(|s: &Labelled| s.text).collect();
    let german_and_spanish: Vec<&str> = others.iter().map(|s| s.text).collect();
    let rounds = 50;
    let mut findings = 0;
    for (which, sentences) in [("", &english), (" in German and Spanish", &german_and_spanish)] {
        let (mean, p95, max) = timed(sentences, rounds, &mut findings);
        println!(
            "| native: coach::review per sentence{which} ({} sentences × {rounds}) | mean {mean:.1} µs, p95 {p95:.1} µs, max {max:.1} µs |",
            sentences.len()
        );
    }
    let all: Vec<&str> = english.iter().chain(&german_and_spanish).copied().collect();
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

/// The mean, 95th percentile and longest time to review one sentence, in µs.
fn timed(sentences: &[&str], rounds: usize, findings: &mut usize) -> (f64, f64, f64) {
    let mut per_sentence: Vec<f64> = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let start = Instant::now();
        for _ in 0..rounds {
            *findings += std::hint::black_box(review(sentence)).len();
        }
        per_sentence.push(start.elapsed().as_secs_f64() * 1e6 / rounds as f64);
    }
    retrace_domain::sorting::sort_by(&mut per_sentence, f64::total_cmp);
    let mean = per_sentence.iter().sum::<f64>() / per_sentence.len() as f64;
    let p95 = per_sentence[(per_sentence.len() as f64 * 0.95) as usize - 1];
    (mean, p95, per_sentence.last().copied().unwrap_or(0.0))
}
