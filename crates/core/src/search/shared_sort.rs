//! Sorting off the keystroke path through one comparator type.
//!
//! Each `sort_by`/`sort_unstable_by` call with its own closure is its own copy of the
//! standard library's sort in the wasm (5–7 KB each; 72 functions, 102 KB of code in all
//! before these helpers). The sorts that run once per snapshot, on a rarer action, or over
//! a short list ("did you mean" candidates on a keystroke that matches nothing) go through
//! [`sort_ids`] or [`sort_ids_unstable`], one copy each for all of them; the sorts over a
//! keystroke's results (relevance, grouping) sort plain `u64` keys with a radix sort
//! ([`super::key_sort`]), which is fastest and shared by them both.

use std::cmp::Ordering;

/// Sorts `ids` by `cmp`, stably: equal ids keep their order.
pub(crate) fn sort_ids(ids: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    ids.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts `ids` by `cmp`, which must never call two ids equal (ties broken by id): the
/// unstable sort, one copy too, is faster where the index is built.
pub(crate) fn sort_ids_unstable(ids: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    ids.sort_unstable_by(|&a, &b| cmp(a, b));
}

/// Sorts `items` by `cmp`, stably, as `items.sort_by(cmp)` does, by sorting their
/// positions with [`sort_ids`] and moving each item once.
pub(crate) fn sort_items<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_ids(&mut order, &|a, b| cmp(&items[a as usize], &items[b as usize]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i as usize].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_library_does_and_keeps_equal_items_in_order() {
        let mut items: Vec<(u8, char)> = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_items(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, expected);
        assert_eq!(items.iter().map(|x| x.1).collect::<String>(), "dbefac");

        let mut ids: Vec<u32> = vec![5, 3, 9, 1, 3];
        sort_ids(&mut ids, &|a, b| b.cmp(&a));
        assert_eq!(ids, [9, 5, 3, 3, 1]);
        // Its comparators never call two ids equal.
        let mut distinct: Vec<u32> = vec![5, 3, 9, 1, 7];
        sort_ids_unstable(&mut distinct, &|a, b| a.cmp(&b));
        assert_eq!(distinct, [1, 3, 5, 7, 9]);
        let mut empty: Vec<String> = Vec::new();
        sort_items(&mut empty, |a, b| a.cmp(b));
        assert!(empty.is_empty());
    }
}
