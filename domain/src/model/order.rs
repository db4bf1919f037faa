//! Order inside a list is data, not array position: each item carries a fractional position in
//! a register, so two people inserting or moving at once both keep their items, and ties are
//! broken by id the same way in every copy.

use crate::model::clock::{Clock, Register};
use crate::model::ids::Id;
use std::collections::BTreeMap;

/// An item that lives in an ordered list.
pub trait Positioned {
    /// The register holding the item's place in its list.
    fn position(&self) -> &Register<f64>;
    /// The same register, to move the item.
    fn position_mut(&mut self) -> &mut Register<f64>;
}

/// Implements [`Positioned`] for item types whose order lives in a `position` field.
macro_rules! positioned {
    ($($item:ty),+) => {
        $(impl $crate::model::order::Positioned for $item {
            fn position(&self) -> &$crate::model::clock::Register<f64> {
                &self.position
            }
            fn position_mut(&mut self) -> &mut $crate::model::clock::Register<f64> {
                &mut self.position
            }
        })+
    };
}
pub(crate) use positioned;

/// Ids of `items` in list order: by position, then by id.
pub fn by_position<'a, T: Positioned + 'a>(items: impl Iterator<Item = (&'a Id, &'a T)>) -> Vec<Id> {
    let mut ids: Vec<(f64, Id)> = items.map(|(id, item)| (item.position().value, *id)).collect();
    crate::sorting::sort_by(&mut ids, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    ids.into_iter().map(|(_, id)| id).collect()
}

/// The position for a new item at the end of a list.
pub fn position_at_end<'a, T: Positioned + 'a>(items: impl Iterator<Item = &'a T>) -> f64 {
    items.map(|item| item.position().value).fold(0.0, f64::max).floor() + 1.0
}

/// A position strictly between two neighbours, if floating point still has room for one.
fn between(before: Option<f64>, after: Option<f64>) -> Option<f64> {
    match (before, after) {
        (None, None) => Some(1.0),
        (Some(a), None) => Some(a + 1.0),
        (None, Some(b)) => Some(b - 1.0),
        (Some(a), Some(b)) => {
            let mid = a / 2.0 + b / 2.0;
            (mid > a.min(b) && mid < a.max(b)).then_some(mid)
        }
    }
}

/// Moves `id` one place up or down among `siblings` (given in display order).
/// Returns false when it is already at that end. When the neighbours' positions are too close
/// to split, the whole sibling list is renumbered (each a normal register write).
pub fn move_one<T: Positioned>(items: &mut BTreeMap<Id, T>, siblings: &[Id], id: Id, up: bool, stamp: &mut impl FnMut() -> Clock) -> bool {
    let Some(index) = siblings.iter().position(|s| *s == id) else { return false };
    let mut order = siblings.to_vec();
    let target = if up {
        if index == 0 {
            return false;
        }
        index - 1
    } else {
        if index + 1 >= order.len() {
            return false;
        }
        index + 1
    };
    order.remove(index);
    order.insert(target, id);
    let pos = |items: &BTreeMap<Id, T>, at: Option<usize>| at.and_then(|i| order.get(i)).and_then(|n| items.get(n)).map(|item| item.position().value);
    let before = pos(items, target.checked_sub(1));
    let after = pos(items, Some(target + 1));
    match between(before, after) {
        Some(p) => {
            if let Some(item) = items.get_mut(&id) {
                item.position_mut().set(p, stamp());
            }
        }
        None => {
            for (i, sibling) in order.iter().enumerate() {
                if let Some(item) = items.get_mut(sibling) {
                    item.position_mut().set(i as f64 + 1.0, stamp());
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::Replica;

    #[derive(Debug)]
    struct Card(Register<f64>);
    impl Positioned for Card {
        fn position(&self) -> &Register<f64> {
            &self.0
        }
        fn position_mut(&mut self) -> &mut Register<f64> {
            &mut self.0
        }
    }

    fn list(n: u8) -> (BTreeMap<Id, Card>, Vec<Id>) {
        let mut map = BTreeMap::new();
        let mut ids = vec![];
        for i in 0..n {
            let id = Id::from_random([i; 16]);
            map.insert(id, Card(Register::new(i as f64 + 1.0, Clock::default())));
            ids.push(id);
        }
        (map, ids)
    }

    #[test]
    fn moving_up_and_down_reorders_and_stops_at_the_ends() {
        let (mut map, ids) = list(3);
        let mut counter = 0;
        let mut stamp = || {
            counter += 1;
            Clock(counter, Replica(1))
        };
        assert!(move_one(&mut map, &ids, ids[2], true, &mut stamp));
        let order = by_position(map.iter());
        assert_eq!(order, vec![ids[0], ids[2], ids[1]]);
        assert!(!move_one(&mut map, &order, ids[0], true, &mut stamp));
        assert!(move_one(&mut map, &order, ids[0], false, &mut stamp));
        assert_eq!(by_position(map.iter()), vec![ids[2], ids[0], ids[1]]);
    }

    #[test]
    fn repeated_moves_into_the_same_gap_renumber_instead_of_colliding() {
        let (mut map, mut order) = list(3);
        let mut counter = 0;
        let mut stamp = || {
            counter += 1;
            Clock(counter, Replica(1))
        };
        // Shuttle the last item up and down 200 times: positions halve each time.
        for _ in 0..200 {
            let last = *order.last().unwrap();
            move_one(&mut map, &order, last, true, &mut stamp);
            order = by_position(map.iter());
            let mid = order[1];
            move_one(&mut map, &order, mid, false, &mut stamp);
            order = by_position(map.iter());
        }
        let mut positions: Vec<f64> = map.values().map(|c| c.0.value).collect();
        positions.dedup();
        assert_eq!(positions.len(), 3, "positions stay distinct");
    }

    #[test]
    fn new_items_go_after_the_last() {
        let (map, _) = list(4);
        assert_eq!(position_at_end(map.values()), 5.0);
        assert_eq!(position_at_end(BTreeMap::<Id, Card>::new().values()), 1.0);
    }
}
