//! Labelled sentences for the coach: what a careful facilitator would flag, and what they
//! would leave alone. The test reports precision and recall on this set and fails if either
//! drops below the bar, or if a flagged sentence is flagged by the wrong rule.

use super::review;

/// Parses `rule<TAB>sentence` lines (`-` for none); `#` starts a comment line.
pub fn parse(corpus: &str) -> Vec<(&str, Option<&str>)> {
    corpus
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (rule, text) = l.split_once('\t').expect("rule, tab, sentence");
            (text, (rule != "-").then_some(rule))
        })
        .collect()
}

pub const LABELLED_TSV: &str = include_str!("../../../tests/fixtures/coach-labelled.tsv");
pub const HELD_OUT_TSV: &str = include_str!("../../../tests/fixtures/coach-held-out.tsv");

#[test]
fn the_coach_is_precise_and_finds_what_it_should_on_the_labelled_set() {
    let labelled = parse(LABELLED_TSV);
    assert!(labelled.len() >= 80, "at least 80 labelled sentences");
    let (mut tp, mut fp, mut fn_, mut wrong_rule) = (0, 0, 0, vec![]);
    let mut disagreements = vec![];
    for (text, expected) in &labelled {
        let findings = review(text);
        match (expected, findings.first()) {
            (Some(rule), Some(found)) => {
                tp += 1;
                if !findings.iter().any(|f| f.rule == *rule) {
                    wrong_rule.push(format!("{text} → {} (expected {rule})", found.rule));
                }
            }
            (Some(rule), None) => {
                fn_ += 1;
                disagreements.push(format!("missed ({rule}): {text}"));
            }
            (None, Some(found)) => {
                fp += 1;
                disagreements.push(format!("flagged ({}): {text} — “{}”", found.rule, &text[found.start..found.end]));
            }
            (None, None) => {}
        }
    }
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fn_) as f64;
    println!("coach on {} labelled sentences ({} should be flagged): precision {:.3}, recall {:.3}", labelled.len(), tp + fn_, precision, recall);
    for d in &disagreements {
        println!("  {d}");
    }
    assert!(wrong_rule.is_empty(), "flagged by the wrong rule:\n{}", wrong_rule.join("\n"));
    assert!(precision >= 0.95, "precision {precision:.3}:\n{}", disagreements.join("\n"));
    assert!(recall >= 0.90, "recall {recall:.3}:\n{}", disagreements.join("\n"));
}

#[test]
fn findings_point_at_the_words_that_triggered_them() {
    let text = "Honestly, Sam should have checked the dashboard.";
    let findings = review(text);
    assert_eq!(findings.len(), 1);
    assert_eq!(&text[findings[0].start..findings[0].end], "should have");
    assert_eq!(findings[0].rule, "hindsight-should-have");
    assert!(!findings[0].suggestion.is_empty() && !findings[0].reason.is_empty());
}

#[test]
fn byte_ranges_are_valid_in_non_ascii_text() {
    let text = "Zoë — naïvely — “should’ve” known; René failed to check. 🙂 Obviously.";
    for f in review(text) {
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!(f.start < f.end);
    }
    assert!(review(text).iter().any(|f| f.rule == "blame-failed-to"));
}

#[test]
fn empty_and_odd_input_is_fine() {
    assert!(review("").is_empty());
    assert!(review("   \n\t ").is_empty());
    assert!(review("'''---").is_empty());
    let long = "the job ran. ".repeat(5_000);
    assert!(review(&long).is_empty());
}

#[test]
fn every_rule_is_exercised_by_the_labelled_set() {
    for rule in super::RULES {
        assert!(parse(LABELLED_TSV).iter().any(|(_, r)| *r == Some(rule.id)), "{} has no labelled example", rule.id);
    }
}

#[test]
fn held_out_sentences_report_an_honest_score() {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let held_out = parse(HELD_OUT_TSV);
    for (text, expected) in &held_out {
        match (expected.is_some(), !review(text).is_empty()) {
            (true, true) => tp += 1,
            (false, true) => {
                fp += 1;
                println!("  held-out false positive: {text}");
            }
            (true, false) => {
                fn_ += 1;
                println!("  held-out miss: {text}");
            }
            (false, false) => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!("coach on {} held-out sentences: precision {precision:.3}, recall {recall:.3}", held_out.len());
    assert!(precision >= 0.8 && recall >= 0.6, "precision {precision:.3}, recall {recall:.3}");
}
