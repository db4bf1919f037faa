//! The insights over three retrospectives restated from public postmortems: a WAF rule pushed
//! everywhere at once (Cloudflare, July 2019), a customer configuration that reached every
//! CDN node at once (Fastly, June 2021) and a backbone configuration change (Facebook, October
//! 2021). The same condition — a change that reaches everything at once — runs through all three.

use super::digest::RetroDigest;
use super::export::{insights_csv, insights_markdown};
use super::recurring::PastFactors;
use super::*;
use crate::model::factors::PastFactor;
use crate::model::ids::Replica;
use crate::model::time::LocalDateTime;
use crate::*;

fn id(n: u8) -> Id {
    Id::from_random([n; 16])
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

struct Build {
    r: Retrospective,
    w: Writer,
    n: u8,
    next: u8,
}

impl Build {
    fn new(n: u8, title: &str, start: &str) -> Build {
        let w = Writer::new(Replica(u64::from(n)), 1_000);
        let mut r = Retrospective::new(id(n), Template::Incident, title, &w);
        r.apply(Edit::Header(HeaderField::IncidentStart(LocalDateTime::parse(start))), &w);
        Build { r, w, n, next: 0 }
    }

    fn fresh(&mut self) -> Id {
        self.next += 1;
        let mut bytes = [0xAA; 16];
        bytes[0] = self.n;
        bytes[1] = self.next;
        Id::from_random(bytes)
    }

    fn factor(&mut self, statement: &str, category: Category) -> Id {
        let f = self.fresh();
        self.r.apply(Edit::AddFactor { id: f }, &self.w);
        self.r.apply(Edit::Factor(f, FactorField::Statement(statement.into())), &self.w);
        self.r.apply(Edit::Factor(f, FactorField::Category(category)), &self.w);
        f
    }

    fn action(&mut self, description: &str, factor: Id, priority: Priority, status: ActionStatus, due: Option<&str>) -> Id {
        let a = self.fresh();
        self.r.apply(Edit::AddAction { id: a }, &self.w);
        self.r.apply(Edit::Action(a, ActionField::Description(description.into())), &self.w);
        self.r.apply(Edit::Action(a, ActionField::FactorLinks([factor].into())), &self.w);
        self.r.apply(Edit::Action(a, ActionField::Priority(priority)), &self.w);
        self.r.apply(Edit::Action(a, ActionField::Status(status)), &self.w);
        self.r.apply(Edit::Action(a, ActionField::Due(due.map(day))), &self.w);
        a
    }

    fn entry(&mut self, at: &str, kind: EntryKind) {
        let e = self.fresh();
        self.r.apply(Edit::AddTimelineEntry { id: e }, &self.w);
        self.r.apply(Edit::Timeline(e, TimelineField::What(format!("{kind:?}"))), &self.w);
        self.r.apply(Edit::Timeline(e, TimelineField::When(LocalDateTime::parse(at))), &self.w);
        self.r.apply(Edit::Timeline(e, TimelineField::Kind(kind)), &self.w);
    }

    fn tags(mut self, tags: &[&str]) -> Build {
        self.r.apply(Edit::Header(HeaderField::Tags(tags.iter().map(|t| t.to_string()).collect())), &self.w);
        self
    }
}

/// The three retrospectives, as digests; the Fastly factor is linked by hand to the
/// Cloudflare one, whose wording differs too much to group by itself.
fn history() -> (Vec<RetroDigest>, [PastFactor; 3]) {
    let mut waf = Build::new(1, "WAF rule outage", "2019-07-02T13:42").tags(&["edge", "waf"]);
    let waf_rollout = waf.factor("A new WAF rule was deployed globally, with no staged rollout", Category::Process);
    let regex = waf.factor("The regular expression engine had no limit on backtracking", Category::Technical);
    waf.action("Roll out WAF rules in stages", waf_rollout, Priority::High, ActionStatus::Open, None);
    waf.action("Switch to a regex engine with linear run time", regex, Priority::Medium, ActionStatus::Done, None);
    waf.entry("2019-07-02T13:42", EntryKind::Trigger);
    waf.entry("2019-07-02T13:45", EntryKind::Detection);
    waf.entry("2019-07-02T14:09", EntryKind::Resolution);

    let mut cdn = Build::new(2, "CDN configuration outage", "2021-06-08T09:47").tags(&["edge"]);
    let cdn_config = cdn.factor("A customer configuration change went to every node at once without a staged rollout", Category::Process);
    cdn.r.apply(Edit::Factor(cdn_config, FactorField::Recurs([PastFactor { retro: id(1), factor: waf_rollout }].into())), &cdn.w);
    cdn.action("Test configuration changes on a canary group of nodes", cdn_config, Priority::High, ActionStatus::InProgress, Some("2021-09-01"));
    cdn.entry("2021-06-08T09:47", EntryKind::Trigger);
    cdn.entry("2021-06-08T09:48", EntryKind::Detection);
    cdn.entry("2021-06-08T10:36", EntryKind::Resolution);

    let mut backbone = Build::new(3, "Backbone outage", "2021-10-04T15:39").tags(&["network"]);
    let backbone_config = backbone.factor("Config changes roll out to every router at once, with no staged rollout", Category::Tooling);
    let audit = backbone.factor("The audit tool that should have stopped the command had a bug", Category::Tooling);
    backbone.action("Stage backbone config changes region by region", backbone_config, Priority::High, ActionStatus::Open, Some("2021-11-01"));
    backbone.action("Fix the audit tool", audit, Priority::Low, ActionStatus::Open, None);
    backbone.entry("2021-10-04T15:39", EntryKind::Trigger);
    backbone.entry("2021-10-04T15:41", EntryKind::Detection);
    backbone.entry("2021-10-04T21:45", EntryKind::Resolution);

    let linked = [
        PastFactor { retro: id(1), factor: waf_rollout },
        PastFactor { retro: id(2), factor: cdn_config },
        PastFactor { retro: id(3), factor: backbone_config },
    ];
    let digests = vec![RetroDigest::of(&waf.r), RetroDigest::of(&cdn.r), RetroDigest::of(&backbone.r)];
    for (r, d) in [&waf.r, &cdn.r, &backbone.r].into_iter().zip(&digests) {
        assert_eq!(RetroDigest::read(&crate::format::encode(r)).as_ref(), Some(d), "read straight from the text, the same digest");
    }
    (digests, linked)
}

#[test]
fn a_condition_in_three_retrospectives_is_one_group_with_its_open_actions() {
    let (history, members) = history();
    let i = Insights::build(&history, &Filter::default(), day("2021-12-01"));
    assert_eq!(i.retros, 3);
    assert_eq!(i.recurring.len(), 1, "{:#?}", i.recurring);
    let g = &i.recurring[0];
    assert_eq!(g.members.iter().map(|m| m.at).collect::<Vec<_>>(), members, "oldest first");
    assert_eq!(g.retros, 3);
    assert_eq!(g.category, Category::Process, "two of its three factors are process");
    assert_eq!(g.name(), "Config changes roll out to every router at once, with no staged rollout");
    let actions: Vec<(&str, ActionStatus)> = g.actions.iter().map(|a| (a.description.as_str(), a.status)).collect();
    assert_eq!(
        actions,
        [
            ("Roll out WAF rules in stages", ActionStatus::Open),
            ("Test configuration changes on a canary group of nodes", ActionStatus::InProgress),
            ("Stage backbone config changes region by region", ActionStatus::Open)
        ]
    );
    assert!(g.none_done(), "called out: nothing against it is done");
}

#[test]
fn without_the_hand_made_link_the_wording_still_groups_two_of_them() {
    let (mut history, _) = history();
    history[1].factors[0].recurs.clear();
    let i = Insights::build(&history, &Filter::default(), day("2021-12-01"));
    assert_eq!(i.recurring.len(), 1);
    assert_eq!(i.recurring[0].members.iter().map(|m| m.at.retro).collect::<Vec<_>>(), [id(2), id(3)]);
}

#[test]
fn a_done_action_lifts_the_call_out_and_filters_narrow_what_is_looked_at() {
    let (mut history, _) = history();
    history[2].actions[0].status = ActionStatus::Done;
    let all = Insights::build(&history, &Filter::default(), day("2021-12-01"));
    assert!(!all.recurring[0].none_done());

    let edge = Filter { tags: ["edge".to_string()].into(), ..Filter::default() };
    let i = Insights::build(&history, &edge, day("2021-12-01"));
    assert_eq!(i.retros, 2);
    assert_eq!(i.recurring.len(), 1);
    assert_eq!(edge.describe(), "retrospectives tagged “edge”");

    let from_2021 = Filter { from: Some(day("2021-01-01")), to: Some(day("2021-06-30")), ..Filter::default() };
    assert_eq!(Insights::build(&history, &from_2021, day("2021-12-01")).retros, 1);
    let projects = Filter { template: Some(Template::Project), ..Filter::default() };
    assert_eq!(Insights::build(&history, &projects, day("2021-12-01")).retros, 0);
    assert!(Filter::default().is_everything() && !projects.is_everything());
}

#[test]
fn open_actions_come_overdue_first_then_by_priority_then_oldest() {
    let (history, _) = history();
    let i = Insights::build(&history, &Filter::default(), day("2021-12-01"));
    let order: Vec<&str> = i.open_actions.iter().map(|a| a.description.as_str()).collect();
    assert_eq!(
        order,
        [
            "Test configuration changes on a canary group of nodes",
            "Stage backbone config changes region by region",
            "Roll out WAF rules in stages",
            "Fix the audit tool"
        ]
    );
    assert!(i.open_actions[0].is_overdue(day("2021-12-01")));
    assert_eq!(i.open_actions[2].age_days, day("2021-12-01").days() - day("2019-07-02").days());
    // Under 30 days: none; 30–89: the backbone's two; 90–179: the CDN's; 180 or more: the WAF's.
    assert_eq!(i.age_by_priority, [[0, 0, 0], [1, 0, 1], [1, 0, 0], [1, 0, 0]]);
    assert_eq!((i.actions_done, i.actions_total), (1, 5));
}

#[test]
fn completion_by_month_and_detection_trends() {
    let (history, _) = history();
    let i = Insights::build(&history, &Filter::default(), day("2021-12-01"));
    let months: Vec<(String, usize, usize, Option<u32>)> = i.completion.iter().map(|m| (m.label(), m.total, m.done, m.percent())).collect();
    assert_eq!(months, [("2019-07".into(), 2, 1, Some(50)), ("2021-06".into(), 1, 0, Some(0)), ("2021-10".into(), 2, 0, Some(0))]);
    let detect: Vec<Option<i64>> = i.incidents.iter().map(|r| r.time_to_detect).collect();
    assert_eq!(detect, [Some(3), Some(1), Some(2)]);
    assert_eq!(i.incidents[2].time_to_resolve, Some(366));
    assert_eq!(i.detect_trend, None, "three incidents are no trend");
    assert_eq!(trends::trend(&[40, 30, 20, 10, 12]), Some(trends::Trend { earlier: 35, later: 12, earlier_count: 2, later_count: 3 }));
    assert_eq!(i.by_category.iter().find(|(c, _)| *c == Category::Tooling).map(|(_, n)| *n), Some(2));
    assert_eq!(i.by_severity, [(None, 3)]);
}

#[test]
fn the_exports_carry_the_groups_and_escape_what_people_wrote() {
    let (mut history, _) = history();
    history[0].written_title = "<img src=x onerror=alert(1)> | =HYPERLINK(\"x\")".into();
    history[0].actions[0].description = "=cmd|' /C calc'!A0".into();
    let i = Insights::build(&history, &Filter::default(), day("2021-12-01"));
    let md = insights_markdown(&i, &Filter::default());
    assert!(md.starts_with("# Insights\n\nAll retrospectives — 3 retrospectives, worked out on 2021-12-01.\n"));
    assert!(md.contains("### Config changes roll out to every router at once, with no staged rollout (Process, 3 retrospectives) — no action done yet"));
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt; \\| =HYPERLINK(\"x\")"), "{md}");
    assert!(!md.contains("<img"));
    let csv = insights_csv(&i);
    assert!(csv.starts_with("Section,Group,Retrospective,Day,Text"));
    assert!(csv.contains("Open action,,\"'<img src=x onerror=alert(1)> | =HYPERLINK(\"\"x\"\")\"") || csv.contains("Open action,,\"<img"), "{csv}");
    assert!(csv.contains(",'=cmd|' /C calc'!A0,"), "a formula is defused: {csv}");
    assert_eq!(csv.lines().count(), 1 + 3 + 4 + 3);
}

#[test]
fn while_writing_a_factor_the_earlier_ones_like_it_are_offered_with_their_actions() {
    let (history, members) = history();
    let writing = "Config changes go to every router at once, no staged rollout";
    let past = PastFactors::new(history);
    let offered = past.similar_to(writing, id(9), &Default::default(), 3);
    assert_eq!(offered.iter().map(|s| s.at).collect::<Vec<_>>(), [members[2], members[1]], "most alike first");
    assert_eq!(offered[0].actions, [("Stage backbone config changes region by region".to_string(), ActionStatus::Open)]);
    assert_eq!(offered[0].retro_title, "Backbone outage");
    let without_linked = past.similar_to(writing, id(9), &[members[2]].into(), 3);
    assert_eq!(without_linked.iter().map(|s| s.at).collect::<Vec<_>>(), [members[1]]);
    assert!(past.similar_to(writing, id(3), &Default::default(), 3).iter().all(|s| s.at.retro != id(3)), "never its own retrospective");
    assert_eq!(past.describe(members[0], 1.0).map(|f| f.retro_title), Some("WAF rule outage".to_string()));
    assert!(past.similar_to("rollout", id(9), &Default::default(), 3).is_empty(), "one word is not enough");
}

#[test]
fn a_digest_leaves_out_empty_and_merged_factors_and_counts_links_to_a_duplicate_for_its_original() {
    let mut b = Build::new(4, "Disk full", "2026-11-20T08:00");
    let original = b.factor("Log rotation was off on the new hosts", Category::Technical);
    let duplicate = b.factor("Logs were never rotated", Category::Technical);
    b.factor("   ", Category::Technical);
    b.r.apply(Edit::Factor(duplicate, FactorField::MergedInto(Some(original))), &b.w);
    b.action("Turn log rotation on in the host image", duplicate, Priority::High, ActionStatus::Open, None);
    let d = RetroDigest::of(&b.r);
    assert_eq!(d.factors.iter().map(|f| f.id).collect::<Vec<_>>(), [original]);
    assert_eq!(d.actions[0].factors, [original].into());
    assert_eq!(d.date, day("2026-11-20"));
    assert_eq!((d.time_to_detect, d.time_to_resolve), (None, None));
    assert_eq!(RetroDigest::read(&crate::format::encode(&b.r)), Some(d));
    assert_eq!(RetroDigest::read(r#"{"format":"retrace.retrospective","schema":5,"id":"x"}"#), None, "older schemas are read the usual way");
    assert_eq!(RetroDigest::read("{not json"), None);
}

#[test]
fn tags_in_use_come_most_used_first() {
    let (history, _) = history();
    assert_eq!(tags_in_use(history.iter().map(|r| &r.tags)), ["edge", "network", "waf"]);
}

#[test]
fn the_stem_index_groups_exactly_as_comparing_every_pair_would() {
    use super::similarity::{similar, stems};
    let statements = [
        "No alert fired while replica lag grew",
        "Replication lag had no alert",
        "Replica lag grew with no alert firing",
        "The deploy pipeline skips the migration check",
        "Deployments can skip the migration check",
        "The migration ran during peak traffic",
        "Config changes roll out to every server at once, with no staged rollout",
        "A config change went to every server at once, no staged rollout",
        "Config change skipped the review",
        "The certificate expired without a reminder",
        "Certificates expire with no reminder",
        "Disk filled because log rotation was off",
        "Log rotation off, the disk filled up",
        "A day of logs was lost",
        "The database ran out of connections",
        "The database backup was never restored in a test",
    ];
    // Every statement in its own retrospective, twice over, so common stems are common.
    let history: Vec<RetroDigest> = (0..64u8)
        .map(|n| {
            let mut b = Build::new(n, &format!("Retro {n}"), "2026-01-01T10:00");
            b.factor(statements[n as usize % statements.len()], Category::Technical);
            b.factor(statements[(n as usize * 7 + 3) % statements.len()], Category::Process);
            // One condition in every retrospective: its stems are in a third of all factors.
            b.factor(&format!("Step {} of the incident depended on a manual hand-off", n % 3), Category::Process);
            RetroDigest::of(&b.r)
        })
        .collect();
    let refs: Vec<&RetroDigest> = history.iter().collect();
    let fast: BTreeSet<BTreeSet<PastFactor>> = recurring::recurring_factors(&refs).into_iter().map(|g| g.members.into_iter().map(|m| m.at).collect()).collect();
    // The slow way: every pair, then the same union and the same "two retrospectives" rule.
    let all: Vec<(PastFactor, super::similarity::Stems)> =
        history.iter().flat_map(|r| r.factors.iter().map(move |f| (PastFactor { retro: r.id, factor: f.id }, stems(&f.statement)))).collect();
    let mut root: Vec<usize> = (0..all.len()).collect();
    fn find(root: &mut [usize], mut i: usize) -> usize {
        while root[i] != i {
            i = root[i];
        }
        i
    }
    for a in 0..all.len() {
        for b in a + 1..all.len() {
            if similar(&all[a].1, &all[b].1) {
                let (ra, rb) = (find(&mut root, a), find(&mut root, b));
                root[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut slow: std::collections::BTreeMap<usize, BTreeSet<PastFactor>> = Default::default();
    for (i, (at, _)) in all.iter().enumerate() {
        let r = find(&mut root, i);
        slow.entry(r).or_default().insert(*at);
    }
    let slow: BTreeSet<BTreeSet<PastFactor>> = slow.into_values().filter(|g| g.iter().map(|f| f.retro).collect::<BTreeSet<_>>().len() >= 2).collect();
    assert_eq!(fast, slow);
    assert!(fast.len() >= 5, "{}", fast.len());
    assert!(fast.iter().any(|g| g.len() > 40), "the hand-off factors, alike in every stem, are one group");
}
