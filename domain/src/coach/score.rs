//! How well the coach does on sentences people labelled: the corpus format, and precision and
//! recall over it. The tests hold the coach to a bar with it; `cargo xtask bench` prints it.

use super::review;

/// One labelled sentence: the text, and the class a careful facilitator gave it (`None` for
/// "leave it alone", else the rule id it should be flagged under).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Labelled<'a> {
    /// The sentence.
    pub text: &'a str,
    /// The expected rule id, or `None` when nothing should be flagged.
    pub class: Option<&'a str>,
}

/// Parses `class<TAB>sentence` lines (`-` for none); `#` starts a comment line. A line without
/// a tab is skipped.
pub fn parse(corpus: &str) -> Vec<Labelled<'_>> {
    corpus
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(class, text)| Labelled { text, class: (class != "-").then_some(class) })
        .collect()
}

/// The coach's result on a set of labelled sentences, counting a sentence as flagged when it
/// has any finding.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score<'a> {
    /// Sentences in the set.
    pub sentences: usize,
    /// Flagged, and should be.
    pub flagged_rightly: usize,
    /// Flagged, but should have been left alone.
    pub flagged_wrongly: Vec<Labelled<'a>>,
    /// Should be flagged, and were not.
    pub missed: Vec<Labelled<'a>>,
    /// Flagged as they should be, but by another rule than their class (not counted against
    /// precision or recall: the person still sees a finding, only its wording differs).
    pub other_rule: usize,
}

impl<'a> Score<'a> {
    /// Reviews every sentence and counts.
    pub fn of(set: &[Labelled<'a>]) -> Score<'a> {
        let mut score = Score { sentences: set.len(), ..Score::default() };
        for sentence in set {
            let findings = review(sentence.text);
            match (sentence.class, findings.is_empty()) {
                (Some(class), false) => {
                    score.flagged_rightly += 1;
                    score.other_rule += usize::from(!findings.iter().any(|f| f.rule == class));
                }
                (Some(_), true) => score.missed.push(*sentence),
                (None, false) => score.flagged_wrongly.push(*sentence),
                (None, true) => {}
            }
        }
        score
    }

    /// Of the sentences flagged, the share that should be.
    pub fn precision(&self) -> f64 {
        self.flagged_rightly as f64 / (self.flagged_rightly + self.flagged_wrongly.len()).max(1) as f64
    }

    /// Of the sentences that should be flagged, the share that are.
    pub fn recall(&self) -> f64 {
        self.flagged_rightly as f64 / (self.flagged_rightly + self.missed.len()).max(1) as f64
    }

    /// One line for a report: sentences, precision, recall.
    pub fn summary(&self) -> String {
        format!(
            "{} sentences ({} to flag): precision {:.3}, recall {:.3}",
            self.sentences,
            self.flagged_rightly + self.missed.len(),
            self.precision(),
            self.recall()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_what_was_flagged_against_the_labels() {
        let set = parse("# a comment\nblame-fault\tIt was Sam's fault.\n-\tThe job ran at 02:00.\nblame-fault\tThe job ran at 03:00.\nno tab here\n");
        assert_eq!(set.len(), 3);
        let score = Score::of(&set);
        assert_eq!((score.flagged_rightly, score.flagged_wrongly.len(), score.missed.len()), (1, 0, 1));
        assert_eq!((score.precision(), score.recall()), (1.0, 0.5));
    }
}
