//! One pass over a document's JSON text that checks it against the [`Limits`] without building
//! it in memory.
//!
//! Reading a big retrospective through `serde_json::Value` (to check limits and migrate) and
//! then into the model took about twice as long as need be, most of it building the `Value`
//! tree. A current-schema document does not need migrating, so [`format::decode_with`] first
//! scans the text with [`scan`] — the checks of `format`'s walk over a `Value`, streaming, and
//! stricter in one place (top-level keys are held to the text limit too) — then parses it
//! straight into the model, and keeps the result only if writing it back gives the very same
//! text. Anything else (another schema, a limit broken, a repeated key, a value of the wrong
//! type, a form this build would not write) goes the reference way, so results and errors are
//! always the reference reader's.
//!
//! [`format::decode_with`]: super::format::decode_with

use super::format::{check_string, Limits, ITEM_MAPS};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

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
    /// The highest clock counter of any register (`{"v": …, "c": [counter, replica]}`).
    pub max_clock: u64,
    /// A limit is broken: too many items, or somewhere a value (the rest of which was then
    /// only checked to be JSON).
    pub over_limit: bool,
}

/// Scans `text`; an error means it is not JSON at all.
pub(super) fn scan(text: &str, limits: &Limits) -> Result<Scan, serde_json::Error> {
    let mut found = Scan::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    Node { depth: 0, role: Role::Top, limits, found: &mut found }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    found.over_limit |= found.items > limits.max_items;
    Ok(found)
}

/// Where a value sits, for the few places whose meaning matters to the checks.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// The document itself.
    Top,
    /// A top-level item map: its entries are counted.
    ItemMap,
    /// The `c` of an object below the top level: its first element may be a clock counter.
    Clock,
    /// The top-level `format` or `schema`, which `format`'s walk takes out before it starts.
    Format,
    Schema,
    Other,
}

/// One value of the document, with its depth as `format`'s walk counts it (the top level's
/// values are at depth 1). Deserialising it yields the number it is, if it is an unsigned
/// integer, and for a `c` the counter its first element holds.
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
        if check_string(s, self.limits).is_err() {
            self.found.over_limit = true;
        }
    }

    fn taken_out(&self) -> bool {
        matches!(self.role, Role::Format | Role::Schema)
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Option<u64>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<u64>, D::Error> {
        if self.depth > self.limits.max_depth && !self.taken_out() {
            self.found.over_limit = true;
            return <IgnoredAny as de::Deserialize>::deserialize(deserializer).map(|_| None);
        }
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<u64>, E> {
        Ok(None)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Option<u64>, E> {
        Ok(None)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Option<u64>, E> {
        if self.role == Role::Schema {
            self.found.schema = Some(n);
        }
        // A `c` that is a number and not a list holds no clock.
        Ok((self.role != Role::Clock).then_some(n))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<u64>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<u64>, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(mut self, s: &str) -> Result<Option<u64>, E> {
        match self.role {
            Role::Format => self.found.format = Some(s.to_string()),
            Role::Schema => {}
            _ => self.check_string(s),
        }
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Option<u64>, A::Error> {
        let mut counter = None;
        let mut len = 0;
        loop {
            if len == self.limits.max_array_len && !self.taken_out() {
                // One more element breaks the limit; the rest is only checked to be JSON.
                if seq.next_element::<IgnoredAny>()?.is_some() {
                    self.found.over_limit = true;
                    while seq.next_element::<IgnoredAny>()?.is_some() {}
                }
                break;
            }
            let Some(value) = seq.next_element_seed(self.child(Role::Other))? else { break };
            if len == 0 && self.role == Role::Clock {
                counter = value;
            }
            len += 1;
        }
        Ok(counter)
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Option<u64>, A::Error> {
        if self.role == Role::Top {
            self.found.object = true;
        }
        // As in a parsed object, a repeated key counts once, the last time.
        let mut clock = None;
        while let Some(Key(key)) = map.next_key()? {
            let role = match (self.role, key.as_ref()) {
                (Role::Top, "format") => Role::Format,
                (Role::Top, "schema") => Role::Schema,
                (Role::Top, name) if ITEM_MAPS.contains(&name) => Role::ItemMap,
                (Role::Top, _) => Role::Other,
                (_, "c") => Role::Clock,
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
            let value = map.next_value_seed(self.child(role))?;
            if role == Role::Clock {
                clock = value;
            }
        }
        self.found.max_clock = self.found.max_clock.max(clock.unwrap_or(0));
        Ok(None)
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
    use crate::{format, Edit, Id, Replica, Retrospective, Template, TimelineField, Writer};

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
        // The delete's clock (the last one) is a tombstone's, not a register's: the model has it.
        let last_register_clock = r.counter - 1;
        assert_eq!(
            found,
            Scan {
                object: true,
                format: Some(format::FORMAT.into()),
                schema: Some(format::SCHEMA),
                items: 3,
                max_clock: last_register_clock,
                over_limit: false
            }
        );
    }

    #[test]
    fn clocks_count_where_a_parser_keeps_them() {
        let text = r#"{"c":[50,"x"],"a":{"c":[7,"x"],"b":[{"c":[9,"y"],"c":[3,"y"]},{"c":8}]}}"#;
        assert_eq!(scan(text, &Limits::default()).unwrap().max_clock, 7);
        assert!(scan("{\"a\":1} x", &Limits::default()).is_err(), "trailing text is not JSON");
    }
}
