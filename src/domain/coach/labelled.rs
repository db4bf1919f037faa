//! Labelled sentences for the coach: what a careful facilitator would flag, and what they
//! would leave alone. The test reports precision and recall on this set and fails if either
//! drops below the bar, or if a flagged sentence is flagged by the wrong rule.

use super::review;

/// (sentence, the rule that should flag it, or None when it should pass untouched)
pub const LABELLED: &[(&str, Option<&str>)] = &[
    // hindsight-should-have
    ("Sam should have checked the dashboard before deploying.", Some("hindsight-should-have")),
    ("We should have rolled back sooner.", Some("hindsight-should-have")),
    ("The on-call engineer should've escalated at 14:05.", Some("hindsight-should-have")),
    ("Someone ought to have reviewed the migration.", Some("hindsight-should-have")),
    ("They shouldn't have merged on a Friday.", Some("hindsight-should-have")),
    ("The team should not have skipped the canary.", Some("hindsight-should-have")),
    ("The alert should have been configured by the platform team.", Some("hindsight-should-have")),
    ("She must have known the flag was still on.", Some("hindsight-should-have")),
    ("In hindsight the reviewer should have asked for a load test.", Some("hindsight-should-have")),
    ("Ops should have noticed the disk filling up.", Some("hindsight-should-have")),
    // expected system behaviour: not hindsight
    ("The check should have run at 02:00 per the schedule.", None),
    ("The backup job should have started at midnight but did not.", None),
    ("The alert should have fired when the error rate passed 5%.", None),
    ("The certificate should have been renewed automatically by the agent.", None),
    ("The cron job should have completed within ten minutes.", None),
    ("The pipeline should have blocked the deploy because the tests were red.", None),
    // blame-failed-to
    ("The engineer failed to follow the runbook.", Some("blame-failed-to")),
    ("Priya failed to update the config in staging.", Some("blame-failed-to")),
    ("He failed to notice the second alert.", Some("blame-failed-to")),
    ("We failed to communicate the change to support.", Some("blame-failed-to")),
    ("The reviewers failed to spot the missing index.", Some("blame-failed-to")),
    // systems failing: facts
    ("The job failed to start after the node was drained.", None),
    ("The deploy failed to complete because the registry timed out.", None),
    ("Payments failed to process for 12 minutes.", None),
    ("The health check failed to detect the stuck worker.", None),
    ("Kubernetes failed to schedule the pods on the new nodes.", None),
    ("The webhook failed to deliver 3,200 events.", None),
    // blame-human-error
    ("Root cause: human error.", Some("blame-human-error")),
    ("This was an operator error during the failover.", Some("blame-human-error")),
    ("The outage came down to a simple user error.", Some("blame-human-error")),
    ("Classic PEBKAC on the admin console.", Some("blame-human-error")),
    ("We looked at human factors such as fatigue and alert volume.", None),
    ("The error rate for human-facing pages doubled.", None),
    // blame-character
    ("That was a careless mistake in the config file.", Some("blame-character")),
    ("The change was sloppy and rushed.", Some("blame-character")),
    ("It was negligent to deploy without a backup.", Some("blame-character")),
    ("Frankly the rollout was reckless.", Some("blame-character")),
    ("He was not paying attention to the channel.", Some("blame-character")),
    ("It was stupid to run that query in production.", Some("blame-character")),
    // blame-didnt-bother
    ("They didn't bother to read the release notes.", Some("blame-didnt-bother")),
    ("Nobody did not bother checking, it just wasn't anyone's job.", Some("blame-didnt-bother")),
    ("The team never bothered with load testing.", Some("blame-didnt-bother")),
    // hindsight-obvious
    ("Obviously the cache had to be warmed first.", Some("hindsight-obvious")),
    ("It was obvious that the disk would fill up.", Some("hindsight-obvious")),
    ("The problem was obvious from the graphs.", Some("hindsight-obvious")),
    ("It was clear that the queue was backing up.", Some("hindsight-obvious")),
    ("Anyone could have seen the spike coming.", Some("hindsight-obvious")),
    ("It was not obvious that the flag affected both regions.", None),
    ("The link between the two alerts wasn't obvious at the time.", None),
    ("The dashboard made the non-obvious failure mode visible only later.", None),
    // counterfactual-just
    ("He just needed to restart the service.", Some("counterfactual-just")),
    ("All they had to do was read the alert.", Some("counterfactual-just")),
    ("She simply had to flip the feature flag back.", Some("counterfactual-just")),
    ("The operator could have just failed over to the replica.", Some("counterfactual-just")),
    ("Support only needed to forward the ticket.", Some("counterfactual-just")),
    ("The fix needed to go through two approvals, which took 40 minutes.", None),
    ("The service just restarted on its own at 14:12.", None),
    // counterfactual-why-didnt
    ("Why didn't anyone page the database team?", Some("counterfactual-why-didnt")),
    ("Why wasn't the rollback started earlier?", Some("counterfactual-why-didnt")),
    ("Why did nobody check the replica lag?", Some("counterfactual-why-didnt")),
    ("Why did they not escalate?", Some("counterfactual-why-didnt")),
    ("Why did the retry storm start at 14:03?", None),
    ("Why was the timeout set to 30 seconds?", None),
    ("How did this make sense at the time?", None),
    // counterfactual-if-only
    ("If only we had a staging environment.", Some("counterfactual-if-only")),
    ("If they had checked the logs, this would not have happened.", Some("counterfactual-if-only")),
    ("If Marco had waited for the canary, we would have caught it.", Some("counterfactual-if-only")),
    ("Had he read the runbook, the outage would have been shorter.", Some("counterfactual-if-only")),
    ("If the cache had been warm, latency would have stayed flat.", None),
    ("If the queue depth passes 10,000, the autoscaler adds workers.", None),
    // blame-person-mistake
    ("Alex forgot to renew the certificate.", Some("blame-person-mistake")),
    ("Jordan broke the build with the last merge.", Some("blame-person-mistake")),
    ("The intern accidentally deleted the bucket.", Some("blame-person-mistake")),
    ("The developer ignored the failing test.", Some("blame-person-mistake")),
    ("The outage was caused by Chris.", Some("blame-person-mistake")),
    ("Dana messed up the DNS change.", Some("blame-person-mistake")),
    ("The reviewer overlooked the missing migration.", Some("blame-person-mistake")),
    ("The outage was caused by a bad config push.", None),
    ("We missed the alert because it went to an unmonitored channel.", None),
    ("The renewal reminder went to a mailbox nobody reads.", None),
    ("The load balancer dropped connections during the drain.", None),
    // blame-fault
    ("It was Kim's fault for pushing without review.", Some("blame-fault")),
    ("Honestly the database team is to blame.", Some("blame-fault")),
    ("Whose fault was the expired token?", Some("blame-fault")),
    ("We are not here to blame anyone, but the on-call was at fault.", Some("blame-fault")),
    ("The design lacked fault tolerance for a zone outage.", None),
    ("A segmentation fault crashed the worker.", None),
    ("Fault injection in staging would have shown the gap.", None),
    // neutral, factual timeline and factor language
    ("14:02 — Error-rate alert fired for the checkout service.", None),
    ("The config change was deployed at 14:00 through the standard pipeline.", None),
    ("The runbook did not mention the second region.", None),
    ("Alerts for the queue went to a channel that was muted during the migration.", None),
    ("The deploy tool defaults to all regions, and the prompt does not show which.", None),
    ("Two teams each assumed the other owned the certificate.", None),
    ("At 14:20 the on-call engineer rolled back the change.", None),
    ("The on-call engineer saw three alerts at once and started with the loudest.", None),
    ("Sam restarted the service at 14:12, following the runbook.", None),
    ("The estimate was revised from 5 to 15 days in week three.", None),
    ("Scope was fixed before the data model had been reviewed.", None),
    ("The reporting team learned about the deadline two weeks before launch.", None),
    ("Monitoring did not cover the batch import path.", None),
    ("The dashboard showed normal latency because it sampled only one region.", None),
    ("Nobody was on call for the data pipeline over the weekend.", None),
    ("The pager rotation had one person for two services.", None),
    ("What did you see when the first alert arrived?", None),
    ("What made rolling forward look safer than rolling back?", None),
    ("The migration script assumed the table was empty.", None),
    ("The team was under pressure to ship before the conference.", None),
];

#[test]
fn the_coach_is_precise_and_finds_what_it_should_on_the_labelled_set() {
    assert!(LABELLED.len() >= 80, "at least 80 labelled sentences");
    let (mut tp, mut fp, mut fn_, mut wrong_rule) = (0, 0, 0, vec![]);
    let mut disagreements = vec![];
    for (text, expected) in LABELLED {
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
    println!(
        "coach on {} labelled sentences ({} should be flagged): precision {:.3}, recall {:.3}",
        LABELLED.len(),
        tp + fn_,
        precision,
        recall
    );
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
        assert!(LABELLED.iter().any(|(_, r)| *r == Some(rule.id)), "{} has no labelled example", rule.id);
    }
}

/// Sentences written after the rules were finished and never used to tune them: the honest
/// estimate of how the coach does on text it has not seen. Reported, with a lower bar.
pub const HELD_OUT: &[(&str, Option<&str>)] = &[
    ("Maria should have waited for the second approval.", Some("hindsight-should-have")),
    ("The SRE on duty failed to acknowledge the page for 20 minutes.", Some("blame-failed-to")),
    ("Rahul forgot to remove the debug flag.", Some("blame-person-mistake")),
    ("It was a dumb mistake that anyone could make.", Some("blame-character")),
    ("Why didn't the reviewer ask about the rollback plan?", Some("counterfactual-why-didnt")),
    ("If the developer had run the tests locally, we would have caught it.", Some("counterfactual-if-only")),
    ("Everyone knows you never deploy on a Friday.", Some("hindsight-obvious")),
    ("She just had to read the error message.", Some("counterfactual-just")),
    ("The whole thing was their fault.", Some("blame-fault")),
    ("It boils down to operator error.", Some("blame-human-error")),
    ("Lee ignored the warning in the deploy output.", Some("blame-person-mistake")),
    ("The contractor didn't bother testing the edge case.", Some("blame-didnt-bother")),
    ("Somebody clearly dropped the ball on the handover.", Some("blame-person-mistake")),
    ("The team should've known the vendor limit.", Some("hindsight-should-have")),
    ("The queue consumer failed to keep up with 4x traffic.", None),
    ("The rate limiter rejected 30% of requests during the spike.", None),
    ("On-call received 40 alerts in ten minutes.", None),
    ("The runbook step for failover was out of date.", None),
    ("Two people were editing the same config file at the same time.", None),
    ("The release train left before the fix was merged.", None),
    ("The staging data did not match production volumes.", None),
    ("Nobody knew the old endpoint was still in use.", None),
    ("The dashboard did not show the region breakdown.", None),
    ("What did the deploy tool show before the confirmation?", None),
    ("We decided to roll forward because the rollback would lose writes.", None),
    ("The migration should have taken five minutes but took forty.", None),
];

#[test]
fn held_out_sentences_report_an_honest_score() {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (text, expected) in HELD_OUT {
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
    println!("coach on {} held-out sentences: precision {precision:.3}, recall {recall:.3}", HELD_OUT.len());
    assert!(precision >= 0.8 && recall >= 0.6, "precision {precision:.3}, recall {recall:.3}");
}
