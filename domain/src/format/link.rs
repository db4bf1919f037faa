//! Links: a document in the URL fragment, which browsers never send to a server. `#r=` carries
//! base64url(deflate(retrospective)); `#e=` carries base64url(salt | iv | ciphertext) of the
//! same compressed document, encrypted in the browser (see `ui::crypto`). Requests for accounts
//! (`#q=`, `#qe=`) and replies (`#a=`, `#ae=`) are framed the same way ([`Carries`]).

use crate::format::{self, FormatError};
use crate::i18n::tr;
use crate::model::retrospective::Retrospective;
use crate::tf;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::fmt;

/// Longest fragment we create or accept. Browsers take far longer URLs, but chat tools, mail
/// clients and issue trackers start truncating links around here; a file is the better carrier.
pub const MAX_LINK_CHARS: usize = 32 * 1024;
/// Bound on the inflated document, so a tiny hostile link cannot expand into gigabytes.
const MAX_INFLATED: usize = 5 * 1024 * 1024;
/// Bytes of the PBKDF2 salt at the start of an encrypted payload.
pub const SALT_LEN: usize = 16;
/// Bytes of the AES-GCM IV that follows the salt.
pub const IV_LEN: usize = 12;

/// Why a share link could not be made or read; each reads as a sentence for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is neither `#r=` nor `#e=`.
    NotALink,
    /// The fragment would be, or is, longer than [`MAX_LINK_CHARS`].
    TooLong {
        /// Its length, in characters.
        chars: usize,
    },
    /// The payload is not base64url.
    BadEncoding,
    /// The payload does not inflate to UTF-8 text within the size bound.
    BadCompression,
    /// An encrypted payload too short to hold a salt, an IV and the 16-byte authentication tag.
    TooShort,
    /// The unpacked text is not a document this build can read.
    Format(FormatError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotALink => f.write_str(tr("This is not a Retrace link.")),
            LinkError::TooLong { chars } => {
                let (size, limit) = (chars.div_ceil(1024), MAX_LINK_CHARS / 1024);
                f.write_str(&tf!("This retrospective needs a link of {size} KB, over the {limit} KB that links can safely carry. Share it as a file instead (Download JSON).", size = size, limit = limit))
            }
            LinkError::BadEncoding | LinkError::TooShort => f.write_str(tr("This link is damaged or incomplete; it may have been cut off when it was copied.")),
            LinkError::BadCompression => f.write_str(tr("This link's contents are damaged and cannot be unpacked.")),
            LinkError::Format(e) => write!(f, "{e}"),
        }
    }
}

/// A link's payload, once the fragment prefix is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    /// The compressed document, for [`decompress`].
    Plain(Vec<u8>),
    /// The compressed document encrypted; the browser decrypts it with the passphrase.
    Encrypted {
        /// The PBKDF2 salt the key was derived with.
        salt: Vec<u8>,
        /// The AES-GCM IV.
        iv: Vec<u8>,
        /// The encrypted compressed document, authentication tag included.
        ciphertext: Vec<u8>,
    },
}

/// What a link carries: a whole retrospective, a request for accounts, or a reply. Each has
/// one fragment key when plain and one when encrypted; everything else about the framing is
/// shared (base64url of deflate, the length bound, salt | iv | ciphertext when encrypted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carries {
    /// `#r=` / `#e=`: a retrospective (a share link).
    Retrospective,
    /// `#q=` / `#qe=`: a request for accounts.
    Request,
    /// `#a=` / `#ae=`: a reply with one person's account.
    Reply,
}

impl Carries {
    const ALL: [Carries; 3] = [Carries::Retrospective, Carries::Request, Carries::Reply];

    /// The fragment keys: plain, then encrypted.
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            Carries::Retrospective => ("r", "e"),
            Carries::Request => ("q", "qe"),
            Carries::Reply => ("a", "ae"),
        }
    }
}

/// Compresses text for a link (also the plaintext that gets encrypted).
pub fn compress_text(text: &str) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9)
}

/// Inflates a link's compressed text, within a size bound.
pub fn inflate_text(bytes: &[u8]) -> Result<String, LinkError> {
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_INFLATED).map_err(|_| LinkError::BadCompression)?;
    String::from_utf8(json).map_err(|_| LinkError::BadCompression)
}

/// Compresses a document for a link.
pub fn compress(retro: &Retrospective) -> Vec<u8> {
    compress_text(&format::encode(retro))
}

/// Inflates a link's compressed document (within a size bound) and reads it.
pub fn decompress(bytes: &[u8]) -> Result<Retrospective, LinkError> {
    format::decode(&inflate_text(bytes)?).map_err(LinkError::Format)
}

/// The fragment (`#r=…`, `#qe=…`) that carries `payload` as `carries`.
pub fn fragment_for(carries: Carries, payload: &Payload) -> Result<String, LinkError> {
    let (plain, encrypted) = carries.keys();
    let fragment = match payload {
        Payload::Plain(bytes) => format!("#{plain}={}", URL_SAFE_NO_PAD.encode(bytes)),
        Payload::Encrypted { salt, iv, ciphertext } => format!("#{encrypted}={}", URL_SAFE_NO_PAD.encode([&salt[..], iv, ciphertext].concat())),
    };
    if fragment.len() > MAX_LINK_CHARS {
        Err(LinkError::TooLong { chars: fragment.len() })
    } else {
        Ok(fragment)
    }
}

/// `#r=…` for a plain share link.
pub fn plain_fragment(retro: &Retrospective) -> Result<String, LinkError> {
    fragment_for(Carries::Retrospective, &Payload::Plain(compress(retro)))
}

/// `#e=…` from the parts the browser's crypto produced.
pub fn encrypted_fragment(salt: &[u8], iv: &[u8], ciphertext: &[u8]) -> Result<String, LinkError> {
    fragment_for(Carries::Retrospective, &Payload::Encrypted { salt: salt.to_vec(), iv: iv.to_vec(), ciphertext: ciphertext.to_vec() })
}

/// `#r=` around arbitrary bytes, with no length check: for fuzzing the decoder with payloads a
/// real link could never carry.
pub fn plain_fragment_bytes_for_fuzzing(bytes: &[u8]) -> String {
    format!("#r={}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The fragment of a link or a whole URL.
fn fragment_of(link: &str) -> &str {
    link.rsplit_once('#').map_or(link, |(_, f)| f).trim()
}

/// What a fragment (or a URL ending in one) carries and whether it is encrypted, by its key
/// alone: for routing, before anything is decoded.
pub fn carries(link: &str) -> Option<(Carries, bool)> {
    let key = fragment_of(link).split_once('=')?.0;
    Carries::ALL.into_iter().find_map(|c| match c.keys() {
        (plain, _) if plain == key => Some((c, false)),
        (_, encrypted) if encrypted == key => Some((c, true)),
        _ => None,
    })
}

/// Whether a URL fragment looks like any Retrace link (so the app offers to open it).
pub fn is_link(fragment: &str) -> bool {
    carries(fragment).is_some()
}

/// Reads any Retrace link: what it carries, and its payload.
pub fn read(link: &str) -> Result<(Carries, Payload), LinkError> {
    let fragment = fragment_of(link);
    if fragment.len() > MAX_LINK_CHARS + 4 {
        return Err(LinkError::TooLong { chars: fragment.len() });
    }
    let (kind, encrypted) = carries(fragment).ok_or(LinkError::NotALink)?;
    let data = fragment.split_once('=').map_or("", |(_, d)| d);
    let bytes = URL_SAFE_NO_PAD.decode(data.trim_end_matches('=')).map_err(|_| LinkError::BadEncoding)?;
    if !encrypted {
        return Ok((kind, Payload::Plain(bytes)));
    }
    if bytes.len() < SALT_LEN + IV_LEN + 16 {
        return Err(LinkError::TooShort);
    }
    let (salt, rest) = bytes.split_at(SALT_LEN);
    let (iv, ciphertext) = rest.split_at(IV_LEN);
    Ok((kind, Payload::Encrypted { salt: salt.to_vec(), iv: iv.to_vec(), ciphertext: ciphertext.to_vec() }))
}

/// Reads a share link (`#r=…`, `#e=…`, or a whole URL containing one).
pub fn parse(link: &str) -> Result<Payload, LinkError> {
    match read(link)? {
        (Carries::Retrospective, payload) => Ok(payload),
        _ => Err(LinkError::NotALink),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    fn typical(items: usize) -> Retrospective {
        let w = Writer::new(Replica(0x1234_5678_9abc_def0), 1_764_000_000_000);
        let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Checkout errors after the 14:00 deploy", &w);
        r.apply(Edit::Header(HeaderField::Impact("18% of checkout requests failed for 47 minutes.".into())), &w);
        for n in 0..items {
            let id = Id::from_random([n as u8 + 2; 16]);
            match n % 3 {
                0 => {
                    r.apply(Edit::AddTimelineEntry { id }, &w);
                    r.apply(Edit::Timeline(id, TimelineField::What(format!("Error-rate alert number {n} fired for the checkout service"))), &w);
                    r.apply(Edit::Timeline(id, TimelineField::When(LocalDateTime::parse(&format!("2026-11-20T14:{:02}", n % 60)))), &w);
                }
                1 => {
                    r.apply(Edit::AddFactor { id }, &w);
                    r.apply(Edit::Factor(id, FactorField::Statement(format!("Condition {n}: the pipeline skips the migration check for config changes"))), &w);
                }
                _ => {
                    r.apply(Edit::AddAction { id }, &w);
                    r.apply(Edit::Action(id, ActionField::Description(format!("Action {n}: run the migration check for every deploy"))), &w);
                    r.apply(Edit::Action(id, ActionField::Owner("Platform team".into())), &w);
                }
            }
        }
        r
    }

    #[test]
    fn plain_links_round_trip() {
        let r = typical(30);
        let fragment = plain_fragment(&r).unwrap();
        assert!(fragment.starts_with("#r="));
        assert!(fragment[3..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "URL-safe");
        let Payload::Plain(bytes) = parse(&format!("https://intranet.example/retro/{fragment}")).unwrap() else { panic!() };
        assert_eq!(decompress(&bytes).unwrap(), r);
        let json_len = format::encode(&r).len();
        println!(
            "typical retro of 30 items: JSON {json_len} bytes, uncompressed link would be {} chars, link {} chars",
            3 + (json_len * 4).div_ceil(3),
            fragment.len()
        );
        assert!(fragment.len() < json_len / 2, "compression pays off");
    }

    #[test]
    fn encrypted_framing_round_trips() {
        let fragment = encrypted_fragment(&[1; 16], &[2; 12], &[3; 40]).unwrap();
        assert_eq!(parse(&fragment), Ok(Payload::Encrypted { salt: vec![1; 16], iv: vec![2; 12], ciphertext: vec![3; 40] }));
        assert_eq!(parse("#e=AAAA"), Err(LinkError::TooShort));
        let reply = fragment_for(Carries::Reply, &Payload::Encrypted { salt: vec![1; 16], iv: vec![2; 12], ciphertext: vec![3; 40] }).unwrap();
        assert!(reply.starts_with("#ae="));
        assert_eq!(carries(&format!("https://x.example/{reply}")), Some((Carries::Reply, true)));
        assert_eq!(read(&reply).map(|(c, _)| c), Ok(Carries::Reply));
        assert_eq!(parse(&reply), Err(LinkError::NotALink), "a reply is not a share link");
        assert_eq!(carries("#qe=abc"), Some((Carries::Request, true)));
        assert_eq!(carries("#q=abc"), Some((Carries::Request, false)));
        assert_eq!(carries("#z=abc"), None);
    }

    #[test]
    fn broken_links_say_what_is_wrong() {
        assert_eq!(parse("#x=abc"), Err(LinkError::NotALink));
        assert_eq!(parse("#r=***"), Err(LinkError::BadEncoding));
        let Payload::Plain(bytes) = parse("#r=AAAAAAAA").unwrap() else { panic!() };
        assert_eq!(decompress(&bytes), Err(LinkError::BadCompression));
        let not_retrace = miniz_oxide::deflate::compress_to_vec(br#"{"hello":1}"#, 9);
        assert!(matches!(decompress(&not_retrace), Err(LinkError::Format(FormatError::NotRetrace { .. }))));
        // A cut-off link: drop the last third.
        let fragment = plain_fragment(&typical(30)).unwrap();
        let cut = &fragment[..fragment.len() * 2 / 3];
        let result = parse(cut).and_then(|p| match p {
            Payload::Plain(b) => decompress(&b),
            _ => unreachable!(),
        });
        assert!(result.is_err());
    }

    #[test]
    fn a_zip_bomb_is_refused_not_inflated() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 20 * 1024 * 1024], 9);
        assert!(bomb.len() < 64 * 1024);
        assert_eq!(decompress(&bomb), Err(LinkError::BadCompression));
    }

    #[test]
    fn oversized_retrospectives_are_refused_with_a_suggestion() {
        let r = typical(250);
        let big = {
            let mut r = r.clone();
            let w = Writer::new(Replica(9), 0);
            for n in 0..400u32 {
                let id = Id::from_random([(n % 250) as u8, (n / 250) as u8, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
                r.apply(Edit::AddTimelineEntry { id }, &w);
                r.apply(Edit::Timeline(id, TimelineField::What(format!("{n} {}", Id::from_random([(n % 200) as u8; 16]).to_string().repeat(3)))), &w);
            }
            r
        };
        match plain_fragment(&big) {
            Err(e @ LinkError::TooLong { .. }) => assert!(e.to_string().contains("Share it as a file instead")),
            other => panic!("expected TooLong, got {:?}", other.map(|f| f.len())),
        }
    }
}
