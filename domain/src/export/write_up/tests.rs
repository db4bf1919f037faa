use super::names::Names;
use super::*;
use crate::export::markdown::render;
use crate::model::accounts::{AccountDraft, PassageAt};
use crate::*;

fn id(n: u8) -> Id {
    Id::from_random([n; 16])
}

/// A retrospective with a name in most places a name can be, internal items of every kind,
/// and an account with one passage included.
fn sample() -> Retrospective {
    let w = Writer::new(Replica(1), 0);
    let mut r = Retrospective::new(id(1), Template::Incident, "Checkout errors after Sam's deploy", &w);
    r.apply(Edit::Header(HeaderField::Impact("18% of checkout requests failed for 47 minutes.".into())), &w);
    r.apply(Edit::Header(HeaderField::Participants("Dana Lee (facilitator), Sam Ortiz, Priya".into())), &w);
    r.apply(Edit::Header(HeaderField::Severity(Some(Severity::Sev2))), &w);
    r.apply(Edit::Header(HeaderField::Detection(Some(Detection::CustomerReport))), &w);
    r.apply(Edit::Header(HeaderField::Surprise("We believed config-only changes could not break checkout.".into())), &w);
    r.apply(Edit::AddResponder { id: id(2) }, &w);
    r.apply(Edit::Responder(id(2), ResponderField::Name("Jonas".into())), &w);
    r.apply(Edit::AddTimelineEntry { id: id(3) }, &w);
    r.apply(Edit::Timeline(id(3), TimelineField::What("Sam deployed the config change".into())), &w);
    r.apply(Edit::Timeline(id(3), TimelineField::When(LocalDateTime::parse("2026-11-20T14:00"))), &w);
    r.apply(Edit::Timeline(id(3), TimelineField::Kind(EntryKind::Trigger)), &w);
    r.apply(Edit::AddTimelineEntry { id: id(4) }, &w);
    r.apply(Edit::Timeline(id(4), TimelineField::What("Rollback finished".into())), &w);
    r.apply(Edit::Timeline(id(4), TimelineField::When(LocalDateTime::parse("2026-11-20T14:47"))), &w);
    r.apply(Edit::Timeline(id(4), TimelineField::Kind(EntryKind::Resolution)), &w);
    r.apply(Edit::AddFactor { id: id(5) }, &w);
    r.apply(Edit::Factor(id(5), FactorField::Statement("The pipeline skips the migration check for config-only changes".into())), &w);
    r.apply(Edit::Factor(id(5), FactorField::Key(true)), &w);
    r.apply(Edit::AddFactor { id: id(6) }, &w);
    r.apply(Edit::Factor(id(6), FactorField::Statement("The vendor's staging key expired".into())), &w);
    r.apply(Edit::Factor(id(6), FactorField::Key(true)), &w);
    r.apply(Edit::Factor(id(6), FactorField::Internal(true)), &w);
    r.apply(Edit::Factor(id(6), FactorField::Decision("Staging keys are rotated by the vendor".into())), &w);
    r.apply(Edit::AddAction { id: id(7) }, &w);
    r.apply(Edit::Action(id(7), ActionField::Description("Run the migration check for every change".into())), &w);
    r.apply(Edit::Action(id(7), ActionField::Owner("Priya".into())), &w);
    r.apply(Edit::Action(id(7), ActionField::Priority(Priority::High)), &w);
    r.apply(Edit::Action(id(7), ActionField::Horizon(Some(Horizon::LongTerm))), &w);
    r.apply(Edit::Action(id(7), ActionField::FactorLinks([id(5)].into())), &w);
    r.apply(Edit::AddAction { id: id(8) }, &w);
    r.apply(Edit::Action(id(8), ActionField::Description("Rotate the vendor key with Sam".into())), &w);
    r.apply(Edit::Action(id(8), ActionField::Internal(true)), &w);
    r.apply(Edit::AddQuestion { id: id(9), sources: vec![] }, &w);
    r.apply(Edit::Question(id(9), QuestionField::Question("Why do config changes skip the check?".into())), &w);
    r.apply(Edit::Question(id(9), QuestionField::FollowUp("Release team".into())), &w);
    r.apply(Edit::AddTheme { id: id(10) }, &w);
    r.apply(Edit::Theme(id(10), ThemeField::Name("Changes outside the pipeline".into())), &w);
    r.apply(Edit::Theme(id(10), ThemeField::Factors([id(5), id(6)].into())), &w);
    let request = r.account_request(id(11), false, "");
    let mut draft = AccountDraft::new(request, id(12), Replica(9));
    draft.edit(
        |b| {
            b.name = "Mei Lin".into();
            b.narrative = "I saw the error rate climb and paged Dana.".into();
            b.surprised = "Nobody knew config changes skipped the check.".into();
        },
        Replica(9),
    );
    r.attach_reply(&draft.reply(), 1).unwrap();
    r.apply(Edit::Account(id(12), AccountField::Included(vec![PassageAt::Surprised])), &w);
    r
}

#[test]
fn names_are_found_where_the_document_keeps_them_and_withheld_as_whole_words() {
    let names = Names::of(&sample());
    assert_eq!(names.listed(), ["Dana Lee", "Sam Ortiz", "Priya", "Jonas", "Mei Lin"]);
    assert_eq!(names.redact("Sam's deploy, paged dana; Samuel and Samsung stay"), "[name]'s deploy, paged [name]; Samuel and Samsung stay");
    assert_eq!(names.redact("Dana Lee and Mei Lin"), "[name] and [name]");
    assert_eq!(names.redact("Jonas led; Priya owns it"), "[name] led; [name] owns it");
    assert_eq!(names.redact("Release team follows up"), "Release team follows up", "a group is not a person");
    assert_eq!(names.redact("the facilitator"), "the facilitator", "an aside is not a name");
}

#[test]
fn the_full_review_marks_internal_items_and_shows_only_included_passages() {
    let md = render(&write_up(&sample(), Reader::Full, Options::default()));
    assert!(md.contains("| Severity | SEV 2 — Major (A core function is degraded"), "{md}");
    assert!(md.contains("| Detected by | A customer report |"));
    assert!(md.contains("| Responders | Incident lead: Jonas |"));
    assert!(md.contains("## Why we were surprised\n\nWe believed config-only changes could not break checkout.\n"));
    assert!(md.contains("## Themes\n\n- Changes outside the pipeline — across: The pipeline skips"));
    assert!(md.contains("The vendor's staging key expired (Technical) — **key factor**, no action by decision *(internal)*"), "{md}");
    assert!(md.contains("   - *No action, by decision:* Staging keys are rotated by the vendor"));
    assert!(md.contains("| Action | Owner | Due | Priority | Kind | Status | Term |"));
    assert!(md.contains("| Rotate the vendor key with Sam *(internal)* |"));
    assert!(md.contains("| Long-term change |"));
    assert!(md.contains("## From the accounts\n\n- **Mei Lin**, what surprised them: Nobody knew config changes skipped the check.\n"));
    assert!(!md.contains("error rate climb"), "a passage not included stays private");
}

#[test]
fn redacting_names_leaves_roles_and_numbers_people() {
    let md = render(&write_up(&sample(), Reader::Full, Options { redact_names: true, ..Options::default() }));
    let names = Names::of(&sample());
    assert!(!names.any_in(&md), "{md}");
    assert!(md.contains("| Responders | Incident lead |"));
    assert!(!md.contains("| Participants |"));
    assert!(md.contains("- **Participant 1**, what surprised them:"));
    assert!(md.contains("# Checkout errors after \\[name\\]'s deploy"));
}

#[test]
fn the_executive_summary_is_one_page_of_what_leadership_asks() {
    let w = write_up(&sample(), Reader::Executive, Options::default());
    let headings: Vec<&str> = w.sections.iter().map(|s| s.heading).collect();
    assert_eq!(headings, ["At a glance", "Why we were surprised", "Key factors", "Themes", "Top actions", "Open questions"]);
    let md = render(&w);
    assert!(md.contains("| Time to resolve | 47 min |"), "{md}");
    assert!(md.contains("1. Run the migration check for every change — High priority, Priya, open, long-term change"));
    assert!(md.contains("2 open, 0 done or dropped."));
    assert!(!md.contains("| Participants |") && !md.contains("Mei Lin"), "no people list and no accounts");
}

#[test]
fn the_customer_note_has_no_name_no_account_and_nothing_internal() {
    let r = sample();
    let w = write_up(&r, Reader::Customer, Options::default());
    let md = render(&w);
    assert!(!Names::of(&r).any_in(&md), "{md}");
    assert!(md.contains("18% of checkout requests failed for 47 minutes."));
    assert!(md.contains("It began on 2026-11-20 at 14:00 and lasted 47 min."));
    assert!(md.contains("- The pipeline skips the migration check for config-only changes\n"));
    assert!(md.contains("- Run the migration check for every change *(planned)*"));
    for private in ["vendor", "Staging", "Nobody knew", "SEV", "Release team", "Priya"] {
        assert!(!md.contains(private), "{private} in {md}");
    }
}
