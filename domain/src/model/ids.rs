//! Identifiers: [`Id`] names a retrospective or an item, [`Replica`] names a browser profile
//! that writes to documents.
//!
//! Both are plain numbers in memory (cheap to copy into UI closures) and text in JSON, so a
//! person reading an exported file sees ordinary UUIDs. Randomness comes from the caller: the
//! domain has no access to the platform, which keeps it deterministic under test.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use uuid::Uuid;

/// A UUID identifying a retrospective or one of its items. Never reused, never changes kind.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Uuid);

impl Id {
    /// Builds a version-4 UUID from 16 random bytes (the version and variant bits are set here).
    pub fn from_random(bytes: [u8; 16]) -> Id {
        Id(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }

    /// Parses the hyphenated 8-4-4-4-12 form, in either case. The other spellings `uuid` reads
    /// (braces, `urn:uuid:`, no hyphens) are refused: an id has one form in a document.
    pub fn parse(text: &str) -> Option<Id> {
        if text.len() != 36 {
            return None;
        }
        Uuid::try_parse(text).ok().map(Id)
    }

    /// Appends the hyphenated lower-case form (what `Display` writes) to `out`. Written into a
    /// buffer on the stack, not through `format!`: every save writes thousands of ids.
    pub fn write_text(self, out: &mut String) {
        out.push_str(self.0.hyphenated().encode_lower(&mut Uuid::encode_buffer()));
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Text made of [`HEX`] digits only, as `&str`.
fn ascii(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("hex digits are ASCII")
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({self})")
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Id::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a UUID")))
    }
}

/// One browser profile that writes to documents; breaks ties between equal Lamport counters.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Replica(pub u64);

impl fmt::Display for Replica {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(ascii(&self.text()))
    }
}

impl fmt::Debug for Replica {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Replica({self})")
    }
}

impl Replica {
    /// Reads 1 to 16 hex digits, in either case.
    pub fn parse(text: &str) -> Option<Replica> {
        if text.is_empty() || text.len() > 16 {
            return None;
        }
        u64::from_str_radix(text, 16).ok().map(Replica)
    }
}

impl Replica {
    /// 16 lower-case hex digits, without `format!` (as for [`Id::write_text`]).
    fn text(self) -> [u8; 16] {
        let mut out = [0u8; 16];
        for (i, byte) in self.0.to_be_bytes().into_iter().enumerate() {
            out[2 * i] = HEX[usize::from(byte >> 4)];
            out[2 * i + 1] = HEX[usize::from(byte & 0xF)];
        }
        out
    }
}

impl Serialize for Replica {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(ascii(&self.text()))
    }
}

impl<'de> Deserialize<'de> for Replica {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Replica, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Replica::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a replica id")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_are_version_4_and_round_trip_through_text() {
        let id = Id::from_random([0xFF; 16]);
        let text = id.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(&text[14..15], "4");
        assert!(matches!(&text[19..20], "8" | "9" | "a" | "b"));
        assert_eq!(Id::parse(&text), Some(id));
        assert_eq!(Id::parse(&text.to_uppercase()), Some(id));
    }

    #[test]
    fn the_fast_text_forms_match_the_standard_formatting() {
        for n in [0u128, 1, u128::MAX, 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210] {
            let hex = format!("{n:032x}");
            let expected = format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32]);
            let id = Id(Uuid::from_u128(n));
            assert_eq!(id.to_string(), expected);
            let mut written = String::from("x");
            id.write_text(&mut written);
            assert_eq!(written, format!("x{expected}"));
            assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{expected}\""));
            assert_eq!(Id::parse(&expected), Some(id));
        }
        for n in [0u64, 1, u64::MAX, 0x00ab_cdef_0123_4567] {
            assert_eq!(Replica(n).to_string(), format!("{n:016x}"));
            assert_eq!(serde_json::to_string(&Replica(n)).unwrap(), format!("\"{n:016x}\""));
        }
    }

    #[test]
    fn malformed_ids_are_rejected() {
        for bad in [
            "",
            "not-a-uuid",
            "0123456789abcdef0123456789abcdef",
            "{00000000-0000-4000-8000-000000000000}",
            "00000000-0000-4000-8000-00000000000",
            "00000000_0000-4000-8000-000000000000",
            "0000000g-0000-4000-8000-000000000000",
        ] {
            assert_eq!(Id::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ids_serialise_as_strings() {
        let id = Id::from_random([7; 16]);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<Id>(&json).unwrap(), id);
        assert!(serde_json::from_str::<Id>("\"nope\"").is_err());
    }

    #[test]
    fn replicas_round_trip() {
        let r = Replica(0x00ab_cdef_0123_4567);
        assert_eq!(r.to_string(), "00abcdef01234567");
        assert_eq!(Replica::parse(&r.to_string()), Some(r));
        assert_eq!(Replica::parse("xyz"), None);
        assert_eq!(Replica::parse("11112222333344445"), None);
    }
}
