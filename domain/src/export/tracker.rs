//! Prefilled "new issue" links for an issue tracker, so an action can become a ticket with one
//! click and no server: GitHub, GitLab and Jira URL shapes, with title and body URL-encoded.

use crate::i18n::tr;
use crate::listing::{OpenAction, RetroSummary};
use crate::{tf, ActionKind, Date, Id, Priority, Retrospective};

crate::model::choice::choice! {
    /// Base addresses: GitHub `https://github.com/OWNER/REPO`; GitLab
    /// `https://gitlab.example.com/GROUP/PROJECT`; Jira the create-issue address with the
    /// project, `https://example.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=…`.
    Tracker {
        GitHub => ("github", "GitHub"),
        GitLab => ("gitlab", "GitLab"),
        Jira => ("jira", "Jira"),
    }
}

/// Why a tracker base address was refused; each reads as a sentence for people, in the active
/// language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrackerError {
    /// Not an `https://` or `http://` address: another scheme, too short, or with spaces in it.
    NotHttp,
    /// Holds a `#`: all the link adds would land in the fragment, which the tracker never sees.
    HasFragment,
}

impl std::fmt::Display for TrackerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TrackerError::NotHttp => f.write_str(tr("The tracker address must start with https:// (or http://).")),
            TrackerError::HasFragment => f.write_str(tr("The tracker address must not contain “#”.")),
        }
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Checks a base address the user typed, and trims a trailing slash.
pub fn validate_base(base: &str) -> Result<String, TrackerError> {
    let base = base.trim();
    if !(base.starts_with("https://") || base.starts_with("http://")) || base.len() < 10 || base.contains(char::is_whitespace) {
        return Err(TrackerError::NotHttp);
    }
    if base.contains('#') {
        return Err(TrackerError::HasFragment);
    }
    Ok(base.trim_end_matches('/').to_string())
}

/// What a "new issue" link is filled with: one action and the retrospective it came from.
/// Built from the document, or from the home screen's summary without reading the document.
#[derive(Clone, Copy, Debug)]
pub struct IssueDraft<'a> {
    /// The retrospective's title as lists show it, never empty.
    pub retro_title: &'a str,
    /// What the action will change; its first line becomes the issue's title.
    pub description: &'a str,
    /// Who carries the action: a team, a role or a person.
    pub owner: &'a str,
    /// When the action is due, if anyone said.
    pub due: Option<Date>,
    /// How urgent the action is.
    pub priority: Priority,
    /// What the action does about the failure.
    pub kind: ActionKind,
}

impl<'a> IssueDraft<'a> {
    /// The draft for `action` in `r`; `None` when `r` has no such action.
    pub fn of(r: &'a Retrospective, action: Id) -> Option<IssueDraft<'a>> {
        let a = r.actions.get(&action)?;
        Some(IssueDraft {
            retro_title: r.display_title(),
            description: &a.description.value,
            owner: &a.owner.value,
            due: a.due.value,
            priority: a.priority.value,
            kind: a.kind.value,
        })
    }

    /// The draft for one of the open actions of a home-screen summary.
    pub fn from_summary(summary: &'a RetroSummary, action: &'a OpenAction) -> IssueDraft<'a> {
        IssueDraft {
            retro_title: summary.title(),
            description: &action.description,
            owner: &action.owner,
            due: action.due,
            priority: action.priority,
            kind: action.kind,
        }
    }
}

/// The link that opens the tracker's "new issue" form filled with this action, its fixed words
/// in the active language.
pub fn new_issue_url(tracker: Tracker, base: &str, draft: &IssueDraft) -> Result<String, TrackerError> {
    let base = validate_base(base)?;
    let description = draft.description.trim();
    let title = if description.is_empty() { tr("Retrospective action").to_string() } else { description.lines().next().unwrap_or("").to_string() };
    let mut body = format!("{}\n\n{description}\n", tf!("From the retrospective “{title}”.", title = draft.retro_title));
    if !draft.owner.trim().is_empty() {
        body.push('\n');
        body.push_str(&tf!("Owner: {owner}", owner = draft.owner.trim()));
    }
    if let Some(due) = draft.due {
        body.push('\n');
        body.push_str(&tf!("Due: {date}", date = due.shown()));
    }
    body.push('\n');
    body.push_str(&tf!("Priority: {priority} · Kind: {kind}", priority = draft.priority.label(), kind = draft.kind.label()));
    let (t, b) = (encode_component(&title), encode_component(&body));
    Ok(match tracker {
        Tracker::GitHub => format!("{base}/issues/new?title={t}&body={b}"),
        Tracker::GitLab => format!("{base}/-/issues/new?issue%5Btitle%5D={t}&issue%5Bdescription%5D={b}"),
        Tracker::Jira => {
            let joiner = if base.contains('?') { '&' } else { '?' };
            let base = if base.contains("CreateIssueDetails") { base } else { format!("{base}/secure/CreateIssueDetails!init.jspa") };
            format!("{base}{joiner}summary={t}&description={b}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    fn retro() -> (Retrospective, Id) {
        let w = Writer::new(Replica(1), 0);
        let a = Id::from_random([2; 16]);
        let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Checkout & <errors>", &w);
        r.apply(Edit::AddAction { id: a }, &w);
        r.apply(Edit::Action(a, ActionField::Description("Fix #42 & add \"tests\"?\nSecond line".into())), &w);
        (r, a)
    }

    #[test]
    fn each_tracker_gets_its_url_shape_with_everything_encoded() {
        let (r, a) = retro();
        let gh = new_issue_url(Tracker::GitHub, "https://github.com/acme/shop/", &IssueDraft::of(&r, a).unwrap()).unwrap();
        assert!(gh.starts_with("https://github.com/acme/shop/issues/new?title=Fix%20%2342%20%26%20add%20%22tests%22%3F&body="), "{gh}");
        assert!(!gh.contains(' ') && !gh.contains('\n') && gh.matches('&').count() == 1 && gh.matches('#').count() == 0);
        assert!(gh.contains("Checkout%20%26%20%3Cerrors%3E"), "the body names the retrospective");
        let gl = new_issue_url(Tracker::GitLab, "https://gitlab.example.com/team/app", &IssueDraft::of(&r, a).unwrap()).unwrap();
        assert!(gl.starts_with("https://gitlab.example.com/team/app/-/issues/new?issue%5Btitle%5D=Fix%20"));
        let jira = new_issue_url(
            Tracker::Jira,
            "https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10001&issuetype=10002",
            &IssueDraft::of(&r, a).unwrap(),
        )
        .unwrap();
        assert!(jira.starts_with("https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10001&issuetype=10002&summary=Fix"));
    }

    #[test]
    fn bad_bases_are_refused() {
        let (r, a) = retro();
        assert_eq!(new_issue_url(Tracker::GitHub, "javascript:alert(1)", &IssueDraft::of(&r, a).unwrap()), Err(TrackerError::NotHttp));
        assert_eq!(new_issue_url(Tracker::GitHub, "https://x.example/#frag", &IssueDraft::of(&r, a).unwrap()), Err(TrackerError::HasFragment));
        assert_eq!(encode_component("a b/é"), "a%20b%2F%C3%A9");
    }

    #[test]
    fn a_draft_from_the_home_summary_makes_the_same_link_as_one_from_the_document() {
        let (r, a) = retro();
        let summary = crate::listing::RetroSummary::of(&r);
        let from_summary = IssueDraft::from_summary(&summary, &summary.open_action_items[0]);
        let base = "https://github.com/acme/shop";
        assert_eq!(new_issue_url(Tracker::GitHub, base, &from_summary), new_issue_url(Tracker::GitHub, base, &IssueDraft::of(&r, a).unwrap()));
    }
}
