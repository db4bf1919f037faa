//! Encoding the same retrospective again and again (every autosave) without re-serialising
//! what did not change.
//!
//! [`format::encode`] writes the whole document: for a thousand items that is most of a save.
//! [`IncrementalEncoder`] remembers each item's JSON next to a copy of the item, writes again
//! only the items that differ from their copy, and splices them into the document's skeleton.
//! Its output is byte for byte what [`format::encode`] writes, so nothing downstream (hashes,
//! merges, other tabs, exports) can tell the difference; tests hold it to that.

use super::format;
use super::ids::Id;
use super::retrospective::Retrospective;
use serde::Serialize;
use std::collections::BTreeMap;

/// The values of an id-keyed map, remembered with the JSON each was written as, in id order
/// (the map's order). Writing the map again walks both together and serialises only values
/// that changed: no hashing, no rehashing, which a hash map rebuilt on every save cost.
pub struct JsonCache<T> {
    entries: Vec<(Id, T, String)>,
}

impl<T> Default for JsonCache<T> {
    fn default() -> Self {
        JsonCache { entries: Vec::new() }
    }
}

impl<T: Serialize + PartialEq + Clone> JsonCache<T> {
    /// Appends `map` to `out` as a JSON object with its keys in map order, as serde writes
    /// it. `part` picks the remembered part of each value; `write` appends the value given that
    /// part's JSON. Values gone from the map are forgotten.
    pub fn write_object<V>(&mut self, map: &BTreeMap<Id, V>, part: impl Fn(&V) -> &T, out: &mut String, mut write: impl FnMut(&V, &str, &mut String)) {
        let mut previous = std::mem::take(&mut self.entries).into_iter().peekable();
        self.entries.reserve_exact(map.len());
        out.push('{');
        for (i, (id, value)) in map.iter().enumerate() {
            let part = part(value);
            // Both are in id order: remembered entries before this id were removed since.
            while previous.next_if(|(known, _, _)| known < id).is_some() {}
            let entry = match previous.next_if(|(known, _, _)| known == id) {
                Some(known) if known.1 == *part => known,
                _ => (*id, part.clone(), serde_json::to_string(part).expect("model values always serialise")),
            };
            if i > 0 {
                out.push(',');
            }
            out.push('"');
            id.write_text(out);
            out.push_str("\":");
            write(value, &entry.2, out);
            self.entries.push(entry);
        }
        out.push('}');
    }

    /// Roughly the length of the object last written, to size the next buffer.
    pub fn text_len(&self) -> usize {
        self.entries.iter().map(|(_, _, json)| json.len() + 40).sum()
    }
}

/// Appends an item's JSON as it is.
fn as_is<T>(_: &T, json: &str, out: &mut String) {
    out.push_str(json);
}

/// Encodes successive versions of one retrospective; see the module documentation.
#[derive(Default)]
pub struct IncrementalEncoder {
    timeline: JsonCache<super::TimelineEntry>,
    factors: JsonCache<super::ContributingFactor>,
    whys: JsonCache<super::WhyNode>,
    actions: JsonCache<super::ActionItem>,
    learnings: JsonCache<super::Learning>,
}

impl IncrementalEncoder {
    /// What [`format::encode`] writes for `retro`. The item maps are lent out of `retro` while
    /// its skeleton is written, and put back before this returns.
    pub fn encode(&mut self, retro: &mut Retrospective) -> String {
        let timeline = std::mem::take(&mut retro.timeline);
        let factors = std::mem::take(&mut retro.factors);
        let whys = std::mem::take(&mut retro.whys);
        let actions = std::mem::take(&mut retro.actions);
        let learnings = std::mem::take(&mut retro.learnings);
        let skeleton = format::encode(retro);
        let cached = self.timeline.text_len() + self.factors.text_len() + self.whys.text_len() + self.actions.text_len() + self.learnings.text_len();
        let mut text = String::with_capacity(skeleton.len() + cached + cached / 8);
        // In the skeleton each map is `"name":{}`, in field order. That sequence cannot occur
        // inside a string value (quotes there are escaped), and only header registers come
        // before the maps, so the first occurrence after the previous map is the map's place.
        let mut rest = skeleton.as_str();
        let mut at_map = |placeholder: &str, text: &mut String| {
            let at = rest.find(placeholder).expect("the skeleton has every item map, in field order") + placeholder.len() - 2;
            text.push_str(&rest[..at]);
            rest = &rest[at + 2..];
        };
        at_map("\"timeline\":{}", &mut text);
        self.timeline.write_object(&timeline, |v| v, &mut text, as_is);
        at_map("\"factors\":{}", &mut text);
        self.factors.write_object(&factors, |v| v, &mut text, as_is);
        at_map("\"whys\":{}", &mut text);
        self.whys.write_object(&whys, |v| v, &mut text, as_is);
        at_map("\"actions\":{}", &mut text);
        self.actions.write_object(&actions, |v| v, &mut text, as_is);
        at_map("\"learnings\":{}", &mut text);
        self.learnings.write_object(&learnings, |v| v, &mut text, as_is);
        text.push_str(rest);
        retro.timeline = timeline;
        retro.factors = factors;
        retro.whys = whys;
        retro.actions = actions;
        retro.learnings = learnings;
        text
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
            let expected = format::encode(r);
            let before = r.clone();
            assert_eq!(encoder.encode(r), expected);
            assert_eq!(*r, before, "the document is left as it was");
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
