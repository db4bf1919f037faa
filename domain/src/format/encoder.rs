//! Encoding the same retrospective again and again (every autosave) without re-serialising
//! what did not change.
//!
//! [`encode`](super::encode) writes the whole document: for a thousand items that is most of a
//! save. [`IncrementalEncoder`] remembers each item's JSON as a [`RawValue`] next to a copy of
//! the item, serialises again only the items that differ from their copy, and writes the
//! document through the same [`Document`] shape as `encode`, with the cached JSON in place of
//! the item maps. serde_json writes a `RawValue` as it is, so the two outputs are the same bytes
//! by construction; a test holds them to it anyway.

use super::document::Document;
use crate::model::actions::ActionItem;
use crate::model::factors::{ContributingFactor, WhyNode};
use crate::model::ids::Id;
use crate::model::learnings::Learning;
use crate::model::retrospective::Retrospective;
use crate::model::timeline::TimelineEntry;
use serde::ser::{Serialize, Serializer};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// The values of an id-keyed map, remembered with the JSON each was written as, in id order
/// (the map's order). Refreshing walks the map and the cache together and serialises only
/// values that changed: no hashing, no rehashing, which a hash map rebuilt on every save cost.
pub struct JsonCache<T> {
    entries: Vec<(Id, T, Box<RawValue>)>,
}

impl<T> Default for JsonCache<T> {
    fn default() -> Self {
        JsonCache { entries: Vec::new() }
    }
}

impl<T: Serialize + PartialEq + Clone> JsonCache<T> {
    /// Brings the cache up to `map`: `part` picks the remembered part of each value. Values gone
    /// from the map are forgotten.
    pub fn refresh<V>(&mut self, map: &BTreeMap<Id, V>, part: impl Fn(&V) -> &T) {
        let mut previous = std::mem::take(&mut self.entries).into_iter().peekable();
        self.entries.reserve_exact(map.len());
        for (id, value) in map {
            let part = part(value);
            // Both are in id order: remembered entries before this id were removed since.
            while previous.next_if(|(known, _, _)| known < id).is_some() {}
            let entry = match previous.next_if(|(known, _, _)| known == id) {
                Some(known) if known.1 == *part => known,
                _ => (*id, part.clone(), serde_json::value::to_raw_value(part).expect("model values always serialise")),
            };
            self.entries.push(entry);
        }
    }

    /// `map` as a JSON object, each value written by `write` from the value and its cached
    /// JSON. Call [`refresh`](Self::refresh) with the same map first.
    pub fn object<'a, V, S: Serialize>(&'a self, map: &'a BTreeMap<Id, V>, write: impl Fn(&'a V, &'a RawValue) -> S + 'a) -> impl Serialize + 'a {
        debug_assert!(map.len() == self.entries.len() && map.keys().zip(&self.entries).all(|(id, entry)| *id == entry.0), "refreshed from this map");
        CachedObject { map, entries: &self.entries, write }
    }
}

/// A map written from its cache; see [`JsonCache::object`].
struct CachedObject<'a, V, T, W> {
    map: &'a BTreeMap<Id, V>,
    entries: &'a [(Id, T, Box<RawValue>)],
    write: W,
}

impl<'a, V, T, S: Serialize, W: Fn(&'a V, &'a RawValue) -> S> Serialize for CachedObject<'a, V, T, W> {
    fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        serializer.collect_map(self.map.iter().zip(self.entries).map(|((id, value), (_, _, json))| (id, (self.write)(value, json))))
    }
}

/// Encodes successive versions of one retrospective; see the module documentation.
#[derive(Default)]
pub struct IncrementalEncoder {
    timeline: JsonCache<TimelineEntry>,
    factors: JsonCache<ContributingFactor>,
    whys: JsonCache<WhyNode>,
    actions: JsonCache<ActionItem>,
    learnings: JsonCache<Learning>,
}

/// An item's cached JSON, as it is.
fn as_is<'a, V>(_: &'a V, json: &'a RawValue) -> &'a RawValue {
    json
}

impl IncrementalEncoder {
    /// What [`encode`](super::encode) writes for `retro`.
    pub fn encode(&mut self, retro: &Retrospective) -> String {
        self.timeline.refresh(&retro.timeline, |v| v);
        self.factors.refresh(&retro.factors, |v| v);
        self.whys.refresh(&retro.whys, |v| v);
        self.actions.refresh(&retro.actions, |v| v);
        self.learnings.refresh(&retro.learnings, |v| v);
        let items = (
            self.timeline.object(&retro.timeline, as_is),
            self.factors.object(&retro.factors, as_is),
            self.whys.object(&retro.whys, as_is),
            self.actions.object(&retro.actions, as_is),
            self.learnings.object(&retro.learnings, as_is),
        );
        Document::new(retro, items).to_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActionField, Edit, FactorField, LearningList, Replica, Template, TimelineField, WhyField, Writer};

    #[test]
    fn successive_encodings_match_the_plain_encoder_through_edits_deletions_and_merges() {
        let w = Writer::new(Replica(1), 5);
        let id = |n: u8| Id::from_random([n; 16]);
        let mut r = Retrospective::new(id(1), Template::Incident, "Title with \"timeline\":{} in it", &w);
        let mut encoder = IncrementalEncoder::default();
        let mut check = |r: &mut Retrospective| {
            let text = encoder.encode(r);
            assert_eq!(text, crate::format::encode(r));
            assert_eq!(crate::format::read_as_written(&text, &crate::format::Limits::default()).as_ref(), Some(&*r), "it takes the fast way in");
        };
        check(&mut r);
        for n in 2..8 {
            r.apply(Edit::AddTimelineEntry { id: id(n) }, &w);
            r.apply(Edit::Timeline(id(n), TimelineField::What(format!("entry {n} \"whys\":{{}} é 🚒"))), &w);
        }
        r.apply(Edit::AddFactor { id: id(20) }, &w);
        r.apply(Edit::AddWhy { id: id(21), factor: id(20), parent: None }, &w);
        r.apply(Edit::AddAction { id: id(22) }, &w);
        r.apply(Edit::AddLearning { id: id(23), list: LearningList::WentWell }, &w);
        check(&mut r);
        r.apply(Edit::Timeline(id(3), TimelineField::What("changed".into())), &w);
        r.apply(Edit::Factor(id(20), FactorField::Statement("a factor".into())), &w);
        r.apply(Edit::Why(id(21), WhyField::Answer("because".into())), &w);
        r.apply(Edit::Action(id(22), ActionField::Owner("SRE".into())), &w);
        r.apply(Edit::Move { id: id(2), up: false }, &w);
        check(&mut r);
        r.apply(Edit::Delete(id(4)), &w);
        r.apply(Edit::Delete(id(20)), &w);
        check(&mut r);
        let mut theirs = r.clone();
        let them = Writer::new(Replica(2), 9);
        theirs.apply(Edit::Timeline(id(5), TimelineField::What("theirs".into())), &them);
        theirs.apply(Edit::AddAction { id: id(30) }, &them);
        crate::merge_retrospectives(&mut r, &theirs).unwrap();
        check(&mut r);
        check(&mut r);
    }
}
