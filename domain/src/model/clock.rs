//! Logical clocks and last-writer-wins registers: the unit every editable field is made of.
//!
//! A [`Clock`] is a Lamport counter plus the writer's [`Replica`]; comparing counters first and
//! replicas second orders the writes. Every page load writes as its own replica, so two live
//! writers never stamp the same clock; but documents written before that (two tabs of one
//! browser shared a replica) can hold two different values under one clock. So merging two
//! registers keeps the value with the larger clock and, on a tie, the value that is larger as
//! JSON text: a total order on writes in every case, which makes the merge commutative,
//! associative and idempotent — the property the whole merge rests on.

use crate::model::ids::Replica;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// When a write happened, in the order all copies agree on.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default, Serialize, Deserialize)]
pub struct Clock(pub u64, pub Replica);

impl Clock {
    /// The Lamport counter.
    pub fn counter(self) -> u64 {
        self.0
    }
}

/// One editable field: its value and the clock of the write that set it.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Register<T> {
    /// The value of the latest write.
    #[serde(rename = "v")]
    pub value: T,
    /// The clock of the write that set `value`.
    #[serde(rename = "c")]
    pub clock: Clock,
}

impl<T: Clone + PartialEq + Serialize> Register<T> {
    /// A register holding `value`, written at `clock`.
    pub fn new(value: T, clock: Clock) -> Self {
        Register { value, clock }
    }

    /// Applies a write; a write older than the current one is ignored, as a merge would.
    pub fn set(&mut self, value: T, clock: Clock) {
        if clock > self.clock {
            self.value = value;
            self.clock = clock;
        }
    }

    /// Keeps whichever write is later (see the module documentation for ties). Returns true
    /// when `self` changed.
    pub fn merge(&mut self, other: &Self) -> bool {
        if self.loses_to(other) {
            let changed = other.value != self.value;
            self.value = other.value.clone();
            self.clock = other.clock;
            changed
        } else {
            false
        }
    }

    /// Whether `other` is the later write. Equal clocks with different values come only from
    /// writers that shared a replica id (before schema 3); the value is the tie-breaker then.
    fn loses_to(&self, other: &Self) -> bool {
        match other.clock.cmp(&self.clock) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => other.value != self.value && tie_text(&other.value) > tie_text(&self.value),
        }
    }

    /// The current value.
    pub fn get(&self) -> &T {
        &self.value
    }
}

/// A value as JSON text, to order two values written under one clock.
fn tie_text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Writes `value` to the register under `key`, creating the register on first write.
pub fn set_in_map<K: Ord, T: Clone + PartialEq + Serialize>(map: &mut BTreeMap<K, Register<T>>, key: K, value: T, clock: Clock) {
    match map.get_mut(&key) {
        Some(register) => register.set(value, clock),
        None => {
            map.insert(key, Register::new(value, clock));
        }
    }
}

/// Merges a map of registers key by key (union of keys, later write per key). Returns true
/// when `into` changed.
pub fn merge_map<K: Ord + Clone, T: Clone + PartialEq + Serialize>(into: &mut BTreeMap<K, Register<T>>, other: &BTreeMap<K, Register<T>>) -> bool {
    let mut changed = false;
    for (key, theirs) in other {
        match into.get_mut(key) {
            Some(mine) => changed |= mine.merge(theirs),
            None => {
                into.insert(key.clone(), theirs.clone());
                changed = true;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(counter: u64, replica: u64) -> Clock {
        Clock(counter, Replica(replica))
    }

    #[test]
    fn clocks_order_by_counter_then_replica() {
        assert!(clock(2, 1) > clock(1, 9));
        assert!(clock(2, 2) > clock(2, 1));
    }

    #[test]
    fn later_write_wins_and_stale_write_is_ignored() {
        let mut r = Register::new("a".to_string(), clock(1, 1));
        r.set("b".into(), clock(3, 1));
        r.set("stale".into(), clock(2, 9));
        assert_eq!(r.value, "b");
    }

    #[test]
    fn merge_is_symmetric() {
        let a = Register::new(1, clock(4, 1));
        let b = Register::new(2, clock(4, 2));
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.value, 2);
    }

    #[test]
    fn two_values_under_one_clock_settle_on_the_same_one_in_both_orders() {
        // Two tabs that shared a replica id and wrote from the same counter.
        let a = Register::new("from tab A".to_string(), clock(7, 3));
        let b = Register::new("from tab B".to_string(), clock(7, 3));
        let (mut ab, mut ba) = (a.clone(), b.clone());
        assert!(ab.merge(&b));
        assert!(!ba.merge(&a));
        assert_eq!(ab, ba);
        assert_eq!(ab.value, "from tab B");
        assert!(!ab.clone().merge(&ab), "idempotent");
    }

    #[test]
    fn maps_of_registers_set_and_merge_per_key() {
        let mut a = BTreeMap::new();
        set_in_map(&mut a, "x", 1, clock(1, 1));
        set_in_map(&mut a, "x", 2, clock(3, 1));
        let mut b = BTreeMap::new();
        set_in_map(&mut b, "x", 9, clock(2, 2));
        set_in_map(&mut b, "y", 5, clock(2, 2));
        assert!(merge_map(&mut a, &b));
        assert_eq!((a["x"].value, a["y"].value), (2, 5));
        assert!(!merge_map(&mut a, &b), "idempotent");
    }

    #[test]
    fn registers_serialise_compactly() {
        let r = Register::new("x".to_string(), clock(5, 0xab));
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"v":"x","c":[5,"00000000000000ab"]}"#);
    }
}
