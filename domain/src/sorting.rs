//! One sort for the whole app, so that the module carries one copy of a sorting algorithm.
//!
//! The standard library's sorts are generic over the element and the comparison: every call
//! site with its own closure gets its own copy of the whole algorithm. In the web build that
//! was 42 copies of the stable sort, about 164 KB of code before wasm-opt (#20's size profile,
//! `cargo xtask size-profile slice::sort`). Here the algorithm runs once, on positions
//! (`usize`) with a comparison behind a `dyn` reference, and what stays generic per call site
//! is only moving the elements into the order found, a few dozen bytes.
//!
//! Every sort here is stable, like `slice::sort_by`: equal elements keep their order. The
//! lists sorted in Retrace are hundreds to a few thousand items, where the indirect call per
//! comparison costs microseconds.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in the order they were in.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = items;
        order_of(items.len(), &|a, b| compare(&items[a], &items[b]))
    };
    put_in_order(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping items with equal keys in their order.
/// Like `slice::sort_by_key`, the key is computed anew for each comparison.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` (which compares two positions) puts them:
/// the one copy of the standard library's stable sort in the module.
fn order_of(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    #[allow(clippy::disallowed_methods)] // The one place: clippy.toml sends every other sort here.
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Moves the items so that the one at `order[i]` ends at `i`, by following each cycle of the
/// permutation with swaps. `order` is used up as the record of where the work is done.
fn put_in_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            // Back at the start: the cycle is closed (or `start` was placed by an earlier one).
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        let mut mine = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut mine, |p| p.0);
        assert_eq!(mine, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut words = vec!["pear", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, vec!["apple", "fig", "pear"]);
        let mut nothing: Vec<u8> = vec![];
        sort(&mut nothing);
        assert!(nothing.is_empty());
    }

    proptest! {
        #[test]
        fn any_list_ends_as_the_standard_stable_sort_leaves_it(list in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut expected = list.clone();
            #[allow(clippy::disallowed_methods)] // The standard sort is what it is checked against.
            expected.sort_by_key(|p| p.0);
            let mut mine = list;
            sort_by_key(&mut mine, |p| p.0);
            prop_assert_eq!(mine, expected);
        }
    }
}
