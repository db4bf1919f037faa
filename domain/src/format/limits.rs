//! The limits a document must keep, so a hostile file cannot exhaust memory or time, and the
//! one check of them: a single pass over the JSON text ([`scan`]) that builds nothing in memory.
//!
//! Both readers use it. The fast one (`read::decode_with`) scans a current-schema document,
//! then parses it straight into the model; the reference one (`read::decode_through_value`)
//! parses it into a `serde_json::Value` tree to check the marker and migrate, and takes the
//! limits and the highest clock from the same scan. The scan counts depth as a walk of the
//! parsed tree would (the top level's values are at depth 1), and is stricter in one place:
//! top-level keys are held to the text limit too.

use crate::tf;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Bounds on what a document may hold.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Bytes of text.
    pub max_bytes: usize,
    /// Levels of nesting below the document.
    pub max_depth: usize,
    /// Items of all kinds together, plus tombstones.
    pub max_items: usize,
    /// Characters in one string.
    pub max_string_chars: usize,
    /// Elements in one array (for example the links of one factor).
    pub max_array_len: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 5 * 1024 * 1024, max_depth: 12, max_items: 20_000, max_string_chars: 20_000, max_array_len: 5_000 }
    }
}

/// The top-level maps whose entries count towards [`Limits::max_items`].
const ITEM_MAPS: [&str; 10] = ["timeline", "factors", "whys", "actions", "learnings", "accounts", "questions", "responders", "themes", "deleted"];

/// Whether `s` is within the text limit. Byte length bounds character count from above, so
/// characters are counted only when it matters.
fn string_within(s: &str, limits: &Limits) -> bool {
    s.len() <= limits.max_string_chars || s.chars().count() <= limits.max_string_chars
}

/// What the pass found.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Scan {
    /// The text is a JSON object (anything else is not a retrospective).
    pub object: bool,
    /// The top-level `format` value, when it is a string (the last one, as a parser keeps).
    pub format: Option<String>,
    /// The top-level `schema` value, when it is an unsigned integer (likewise the last one).
    pub schema: Option<u64>,
    /// Entries of the top-level item maps, tombstones included (repeated keys counted twice).
    pub items: usize,
    /// The first limit broken, in words: too many items, or else the first value in the text
    /// that breaks one (the rest of it is then only checked to be JSON).
    pub violation: Option<String>,
}

/// Scans `text`; an error means it is not JSON at all.
pub(super) fn scan(text: &str, limits: &Limits) -> Result<Scan, serde_json::Error> {
    let mut found = Scan::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    Node { depth: 0, role: Role::Top, limits, found: &mut found }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    if found.items > limits.max_items {
        // As the reference reader always did: the count is checked before anything inside.
        found.violation = Some(tf!("{count} items, more than {limit}", count = found.items, limit = limits.max_items));
    }
    Ok(found)
}

/// Where a value sits, for the few places whose meaning matters to the checks.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// The document itself.
    Top,
    /// A top-level item map: its entries are counted.
    ItemMap,
    /// The top-level `format` or `schema`, which `format`'s walk takes out before it starts.
    Format,
    Schema,
    Other,
}

/// One value of the document, with its depth as a walk of the parsed tree counts it (the top
/// level's values are at depth 1).
struct Node<'a> {
    depth: usize,
    role: Role,
    limits: &'a Limits,
    found: &'a mut Scan,
}

impl Node<'_> {
    fn child(&mut self, role: Role) -> Node<'_> {
        Node { depth: self.depth + 1, role, limits: self.limits, found: self.found }
    }

    fn check_string(&mut self, s: &str) {
        if !string_within(s, self.limits) {
            self.violated(tf!("a text of more than {limit} characters", limit = self.limits.max_string_chars));
        }
    }

    /// Notes a broken limit, unless an earlier one was found.
    fn violated(&mut self, what: String) {
        self.found.violation.get_or_insert(what);
    }

    fn taken_out(&self) -> bool {
        matches!(self.role, Role::Format | Role::Schema)
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.depth > self.limits.max_depth && !self.taken_out() {
            self.found.violation.get_or_insert(tf!("nested more than {limit} levels deep", limit = self.limits.max_depth));
            return <IgnoredAny as de::Deserialize>::deserialize(deserializer).map(|_| ());
        }
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<(), E> {
        if self.role == Role::Schema {
            self.found.schema = Some(n);
        }
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(mut self, s: &str) -> Result<(), E> {
        match self.role {
            Role::Format => self.found.format = Some(s.to_string()),
            Role::Schema => {}
            _ => self.check_string(s),
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let mut len = 0;
        loop {
            if len == self.limits.max_array_len && !self.taken_out() {
                // One more element breaks the limit; the rest is only checked to be JSON.
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    len += 1;
                }
                if len > self.limits.max_array_len {
                    self.violated(tf!("a list of {count} values, more than {limit}", count = len, limit = self.limits.max_array_len));
                }
                break;
            }
            if seq.next_element_seed(self.child(Role::Other))?.is_none() {
                break;
            }
            len += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        if self.role == Role::Top {
            self.found.object = true;
        }
        while let Some(Key(key)) = map.next_key()? {
            let role = match (self.role, key.as_ref()) {
                (Role::Top, "format") => Role::Format,
                (Role::Top, "schema") => Role::Schema,
                (Role::Top, name) if ITEM_MAPS.contains(&name) => Role::ItemMap,
                (Role::Top, _) => Role::Other,
                _ => Role::Other,
            };
            match role {
                Role::Format => self.found.format = None,
                Role::Schema => self.found.schema = None,
                _ => self.check_string(&key),
            }
            if self.role == Role::ItemMap {
                self.found.items += 1;
            }
            map.next_value_seed(self.child(role))?;
        }
        Ok(())
    }
}

/// A map key, borrowed from the text unless it has escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        struct Read;
        impl<'de> Visitor<'de> for Read {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
        }
        deserializer.deserialize_str(Read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{self, FORMAT, SCHEMA};
    use crate::{Edit, Id, Replica, Retrospective, Template, TimelineField, Writer};

    #[test]
    fn a_saved_document_scans_as_usual_so_it_takes_the_fast_way_in() {
        let w = Writer::new(Replica(3), 5);
        let mut r = Retrospective::new(Id::from_random([1; 16]), Template::Incident, "Outage", &w);
        for n in 2..5 {
            r.apply(Edit::AddTimelineEntry { id: Id::from_random([n; 16]) }, &w);
            r.apply(Edit::Timeline(Id::from_random([n; 16]), TimelineField::What(format!("entry {n}"))), &w);
        }
        r.apply(Edit::Delete(Id::from_random([2; 16])), &w);
        let found = scan(&format::encode(&r), &Limits::default()).unwrap();
        assert_eq!(found, Scan { object: true, format: Some(FORMAT.into()), schema: Some(SCHEMA), items: 3, violation: None });
    }

    #[test]
    fn the_first_broken_limit_is_named_and_the_item_count_comes_first() {
        let limits = Limits { max_items: 1, max_string_chars: 3, max_array_len: 2, ..Limits::default() };
        let found = |text: &str| scan(text, &limits).unwrap().violation;
        assert_eq!(found(r#"{"a":"abcd","b":[1,2,3]}"#).as_deref(), Some("a text of more than 3 characters"));
        assert_eq!(found(r#"{"b":[1,2,3,4],"a":"abcd"}"#).as_deref(), Some("a list of 4 values, more than 2"));
        assert_eq!(found(r#"{"a":"abcd","timeline":{"x":1,"y":2}}"#).as_deref(), Some("2 items, more than 1"));
        assert_eq!(found(r#"{"format":"a long marker","a":[1,2]}"#), None, "the marker is not a text of the document");
        assert!(scan("{\"a\":1} x", &limits).is_err(), "trailing text is not JSON");
    }
}
