//! Sorting a keystroke's results: plain `u64` keys (relevance's score bits and tie-break
//! rank, or grouping's group and position), in the order `sort_unstable` gives them.
//!
//! A least-significant-digit radix sort, a byte per pass: each pass reads the keys once to
//! place them by one byte, so the work grows as the number of keys, not as n log n, and a
//! byte that every key shares (the high bytes of a small rank, say) costs no pass at all. At 100,490 papers a one-letter query orders every paper, where the
//! comparison sort took a fifth of the keystroke (docs/performance.md, "Filter keys side by
//! side").

/// Below this many keys the comparison sort is as fast, without the counts' setup.
const SMALL: usize = 256;

/// Sorts `keys` ascending, as `keys.sort_unstable()` does.
pub(crate) fn sort_keys(keys: &mut Vec<u64>) {
    if keys.len() < SMALL {
        keys.sort_unstable();
        return;
    }
    // How many keys have each value of each byte, all eight counted in one read.
    let mut counts = vec![[0u32; 256]; 8];
    for &k in keys.iter() {
        for (byte, count) in counts.iter_mut().enumerate() {
            count[(k >> (byte * 8)) as usize & 0xff] += 1;
        }
    }
    let n = keys.len() as u32;
    let mut from = std::mem::take(keys);
    let mut to = vec![0u64; from.len()];
    for (byte, count) in counts.iter().enumerate() {
        // A byte every key shares leaves the order as it is.
        if count.contains(&n) {
            continue;
        }
        let mut next = [0u32; 256];
        let mut at = 0;
        for (slot, &c) in next.iter_mut().zip(count.iter()) {
            *slot = at;
            at += c;
        }
        for &k in &from {
            let slot = &mut next[(k >> (byte * 8)) as usize & 0xff];
            to[*slot as usize] = k;
            *slot += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    *keys = from;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), for keys of every shape.
    fn keys(n: usize, seed: u64, mask: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x & mask
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_comparison_sort_does() {
        let masks = [u64::MAX, 0xffff_ffff, 0xff00_0000_0000_00ff, 0x3, 0, 0xffff_ffff_0001_ffff];
        for (i, mask) in masks.into_iter().enumerate() {
            for n in [0, 1, 2, 255, 256, 257, 1000, 70_000] {
                let mut radix = keys(n, 0x9e37_79b9 + i as u64 * 7 + n as u64, mask);
                let mut expected = radix.clone();
                expected.sort_unstable();
                sort_keys(&mut radix);
                assert_eq!(radix, expected, "mask {mask:#x}, {n} keys");
            }
        }
    }

    #[test]
    fn keys_already_in_order_or_reversed_or_equal_stay_sorted() {
        let ascending: Vec<u64> = (0..5000u64).map(|k| k << 20 | k).collect();
        let mut reversed: Vec<u64> = ascending.iter().rev().copied().collect();
        sort_keys(&mut reversed);
        assert_eq!(reversed, ascending);
        let mut same = ascending.clone();
        sort_keys(&mut same);
        assert_eq!(same, ascending);
        let mut equal = vec![42u64; 3000];
        sort_keys(&mut equal);
        assert_eq!(equal, vec![42u64; 3000]);
    }
}
