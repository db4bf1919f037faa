//! The small documents of asking for accounts: the request a facilitator sends, the reply each
//! person sends back (their account only), and the draft kept on their device meanwhile. Each
//! has its own `format` marker and schema, is read within the same limits as a retrospective
//! (size, depth, string lengths) before its types, and travels as a file or in a link:
//! `#q=` (a request) and `#a=` (a reply) carry base64url(deflate(document)), like share links,
//! and `#qe=` / `#ae=` the same encrypted with a passphrase (see [`link::Carries`]).

use super::error::FormatError;
use super::limits::{scan, Limits};
use super::link::{self, Carries, LinkError, Payload};
use crate::model::accounts::{AccountDraft, AccountReply, AccountRequest};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The `format` marker of a request for accounts.
pub const REQUEST_FORMAT: &str = "retrace.account-request";
/// The `format` marker of a reply.
pub const REPLY_FORMAT: &str = "retrace.account-reply";
/// The `format` marker of an account in progress.
pub const DRAFT_FORMAT: &str = "retrace.account-draft";
/// The schema of all three.
pub const ACCOUNT_SCHEMA: u64 = 1;
/// A document with its marker and schema in front.
#[derive(Serialize, Deserialize)]
struct Marked<T> {
    format: String,
    schema: u64,
    #[serde(flatten)]
    body: T,
}

fn encode_marked<T: Serialize>(format: &str, body: &T) -> String {
    serde_json::to_string(&Marked { format: format.to_string(), schema: ACCOUNT_SCHEMA, body }).expect("account documents always serialise")
}

fn decode_marked<T: DeserializeOwned>(text: &str, format: &str) -> Result<T, FormatError> {
    let limits = Limits { max_bytes: 2 * 1024 * 1024, ..Limits::default() };
    if text.len() > limits.max_bytes {
        return Err(FormatError::TooLarge { bytes: text.len(), limit: limits.max_bytes });
    }
    let found = scan(text, &limits).map_err(|e| FormatError::NotJson(e.to_string()))?;
    if !found.object || found.format.as_deref() != Some(format) {
        return Err(FormatError::NotRetrace { found: found.format });
    }
    match found.schema {
        Some(n) if n > ACCOUNT_SCHEMA => return Err(FormatError::NewerSchema { found: n }),
        Some(0) | None => return Err(FormatError::BadSchema),
        _ => {}
    }
    if let Some(violation) = found.violation {
        return Err(FormatError::OverLimit(violation));
    }
    serde_json::from_str::<Marked<T>>(text).map(|m| m.body).map_err(|e| FormatError::Invalid(e.to_string()))
}

/// Writes a request.
pub fn encode_request(request: &AccountRequest) -> String {
    encode_marked(REQUEST_FORMAT, request)
}

/// Reads a request.
pub fn decode_request(text: &str) -> Result<AccountRequest, FormatError> {
    decode_marked(text, REQUEST_FORMAT)
}

/// Writes a reply.
pub fn encode_reply(reply: &AccountReply) -> String {
    encode_marked(REPLY_FORMAT, reply)
}

/// Reads a reply.
pub fn decode_reply(text: &str) -> Result<AccountReply, FormatError> {
    decode_marked(text, REPLY_FORMAT)
}

/// Writes a draft for storage.
pub fn encode_draft(draft: &AccountDraft) -> String {
    encode_marked(DRAFT_FORMAT, draft)
}

/// Reads a stored draft.
pub fn decode_draft(text: &str) -> Result<AccountDraft, FormatError> {
    decode_marked(text, DRAFT_FORMAT)
}

/// A request or a reply, read from a file or a link.
#[derive(Clone, Debug, PartialEq)]
pub enum AccountDocument {
    /// A request for accounts.
    Request(AccountRequest),
    /// A reply.
    Reply(AccountReply),
}

/// Reads `text` as a request or a reply when its marker says it is one: `None` when it is
/// something else (a retrospective, or not JSON at all), for the caller to read its own way.
pub fn read_account_document(text: &str) -> Option<Result<AccountDocument, FormatError>> {
    match decode_request(text) {
        Ok(request) => Some(Ok(AccountDocument::Request(request))),
        Err(FormatError::NotRetrace { found: Some(f) }) if f == REPLY_FORMAT => Some(decode_reply(text).map(AccountDocument::Reply)),
        Err(FormatError::NotRetrace { .. } | FormatError::NotJson(_) | FormatError::TooLarge { .. }) => None,
        Err(e) => Some(Err(e)),
    }
}

/// The fragment that carries `text` (an encoded request or reply) as `carries`, unencrypted.
pub fn account_fragment(carries: Carries, text: &str) -> Result<String, LinkError> {
    link::fragment_for(carries, &Payload::Plain(link::compress_text(text)))
}

/// The document text a plain `#q=` or `#a=` fragment (or a URL ending in one) carries; an
/// encrypted one is decrypted by the browser first and its plaintext read with
/// [`link::inflate_text`].
pub fn account_link_text(fragment: &str) -> Result<(Carries, String), LinkError> {
    match link::read(fragment)? {
        (Carries::Retrospective, _) | (_, Payload::Encrypted { .. }) => Err(LinkError::NotALink),
        (carries, Payload::Plain(bytes)) => Ok((carries, link::inflate_text(&bytes)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::accounts::{AccountBody, AddedMoment, MomentNotes, RequestMoment};
    use crate::model::ids::{Id, Replica};
    use crate::model::time::LocalDateTime;

    fn id(n: u8) -> Id {
        Id::from_random([n; 16])
    }

    /// A ten-moment timeline and a full account of it: the typical reply the note sizes.
    pub(crate) fn typical() -> (AccountRequest, AccountReply) {
        let moments: Vec<RequestMoment> = (0..10u8)
            .map(|n| RequestMoment {
                id: id(10 + n),
                when: LocalDateTime::parse(&format!("2024-03-30T23:{:02}", 30 + n * 3)),
                what: format!("Moment {n} of the outage as the facilitator wrote it in the timeline"),
            })
            .collect();
        let request = AccountRequest {
            retro: id(1),
            request: id(2),
            title: "Checkout outage on the night of the clock change".into(),
            impact: "18% of checkout requests failed for 47 minutes".into(),
            time_zone: "Europe/Berlin".into(),
            moments: moments.clone(),
            anonymous: false,
            note: "Please write yours before Thursday's review.".into(),
        };
        let mut draft = AccountDraft::new(request.clone(), id(3), Replica(9));
        draft.edit(
            |b: &mut AccountBody| {
                b.name = "Priya".into();
                // Ten moments, four different notes each, as a person writes them.
                let notes = [
                    ["The deploy notification in the release channel", "4812 only changed the pool settings", "Nothing visible to customers", "Went back to reviewing a pull request"],
                    ["The 5xx alert on my phone, then the dashboard going red", "Checkout had been stable all week", "A blip from the load balancer, as last Tuesday", "Opened the error dashboard and the deploy log"],
                    ["Timeouts to orders-db in the API logs", "The pool size had been lowered in 4812", "The pool to recover by itself within a minute", "Posted the log lines in the incident channel"],
                    ["Kai asking whether anyone had touched the database", "Ngozi was on call for the database team", "That the database team would see the same graphs", "Paged the database on-call"],
                    ["The rollback job queued behind two other jobs", "Rollbacks usually take about four minutes", "The old build to be back before midnight", "Asked in the deploy channel to move our job up"],
                    ["Errors dropping for a minute, then climbing again", "Only half the pods had the old build", "The rest to follow within the minute", "Restarted the two pods still on 4812"],
                    ["Replication lag of twenty minutes on the replica", "Nobody had a dashboard for the replica's lag", "A failover to be safe, as the runbook says", "Asked Ngozi to hold the failover until we knew more"],
                    ["The failover finishing and errors falling to zero", "Some orders of the last twenty minutes might be missing", "Support to hear from customers about it", "Wrote to support with the time window"],
                    ["The error rate back at its usual level", "The replica had caught up after the failover", "Nothing else to break that night", "Stayed on the dashboards for another half hour"],
                    ["Sam closing the incident in the channel", "A review was planned for Tuesday", "To be asked mostly about the pool change", "Wrote down my notes while they were fresh"],
                ];
                for (m, [saw, knew, expected, did]) in moments.iter().zip(notes) {
                    b.moments.insert(m.id, MomentNotes { saw: saw.into(), knew: knew.into(), expected: expected.into(), did: did.into() });
                }
                b.added.push(AddedMoment { when: LocalDateTime::parse("2024-03-30T23:50"), what: "A customer wrote to support about a failed payment".into() });
                b.narrative = "I was on call for payments. The alert came while I was reading the deploy notes, so I assumed the deploy and looked there first; the pool exhaustion only showed once I opened the database dashboard.".into();
                b.surprised = "That the replica was twenty minutes behind, which nobody's dashboard showed.".into();
            },
            Replica(9),
        );
        (request, draft.reply())
    }

    #[test]
    fn requests_replies_and_drafts_round_trip_with_their_markers() {
        let (request, reply) = typical();
        let text = encode_request(&request);
        assert!(text.starts_with(r#"{"format":"retrace.account-request","schema":1,"#), "{text}");
        assert_eq!(decode_request(&text).unwrap(), request);
        assert_eq!(decode_reply(&encode_reply(&reply)).unwrap(), reply);
        let draft = AccountDraft::new(request.clone(), id(3), Replica(9));
        assert_eq!(decode_draft(&encode_draft(&draft)).unwrap(), draft);
        for (kind, text) in [(Carries::Request, encode_request(&request)), (Carries::Reply, encode_reply(&reply))] {
            let fragment = account_fragment(kind, &text).unwrap();
            assert_eq!(link::carries(&format!("https://x.example/retro/#{}", &fragment[1..])), Some((kind, false)));
            assert_eq!(account_link_text(&fragment).unwrap(), (kind, text));
        }
    }

    #[test]
    fn a_file_is_told_as_a_request_a_reply_or_neither() {
        let (request, reply) = typical();
        assert_eq!(read_account_document(&encode_request(&request)), Some(Ok(AccountDocument::Request(request.clone()))));
        assert_eq!(read_account_document(&encode_reply(&reply)), Some(Ok(AccountDocument::Reply(reply))));
        let retro = crate::model::retrospective::Retrospective::new(
            id(1),
            crate::model::template::Template::Incident,
            "x",
            &crate::model::retrospective::Writer::new(Replica(1), 0),
        );
        assert_eq!(read_account_document(&crate::format::encode(&retro)), None, "a retrospective is read as one");
        assert_eq!(read_account_document("not json"), None);
        let newer = encode_request(&request).replacen(r#""schema":1"#, r#""schema":2"#, 1);
        assert_eq!(read_account_document(&newer), Some(Err(FormatError::NewerSchema { found: 2 })));
    }

    #[test]
    fn a_typical_reply_link_is_short_enough_for_chat() {
        let (_, reply) = typical();
        let fragment = account_fragment(Carries::Reply, &encode_reply(&reply)).unwrap();
        // Ten moments with all four notes, an added moment, a narrative and a surprise.
        println!("a typical reply link: {} characters (its JSON: {} bytes)", fragment.len(), encode_reply(&reply).len());
        assert!(fragment.len() < 2_500, "{} characters", fragment.len());
    }

    #[test]
    fn each_kind_of_bad_document_gets_its_own_error() {
        let (request, reply) = typical();
        let text = encode_reply(&reply);
        assert!(matches!(decode_reply(&text[..text.len() / 2]), Err(FormatError::NotJson(_))));
        assert_eq!(decode_reply(&encode_request(&request)), Err(FormatError::NotRetrace { found: Some(REQUEST_FORMAT.into()) }), "a request is not a reply");
        assert_eq!(decode_reply(&text.replacen(r#""schema":1"#, r#""schema":7"#, 1)), Err(FormatError::NewerSchema { found: 7 }));
        assert!(matches!(decode_reply(&text.replacen(r#""account":"#, r#""account":5,"x":"#, 1)), Err(FormatError::Invalid(_))));
        let long = text.replacen("Priya", &"x".repeat(30_000), 1);
        assert!(matches!(decode_reply(&long), Err(FormatError::OverLimit(_))));
        assert_eq!(account_link_text("#q=!!!"), Err(LinkError::BadEncoding));
        assert_eq!(account_link_text("#r=abc").map(|_| ()), Err(LinkError::NotALink));
        let not_deflate = link::fragment_for(Carries::Reply, &Payload::Plain(b"not deflate".to_vec())).unwrap();
        assert_eq!(account_link_text(&not_deflate).map(|_| ()), Err(LinkError::BadCompression));
    }
}
