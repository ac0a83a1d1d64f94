//! A fixed-size set of paper indices, one bit each.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    pub fn empty(len: usize) -> Self {
        Self { words: vec![0; len.div_ceil(64)], len }
    }

    pub fn full(len: usize) -> Self {
        let mut s = Self { words: vec![u64::MAX; len.div_ceil(64)], len };
        if !len.is_multiple_of(64) {
            if let Some(last) = s.words.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        s
    }

    #[inline]
    pub fn insert(&mut self, i: u32) {
        self.words[(i / 64) as usize] |= 1 << (i % 64);
    }

    #[inline]
    pub fn contains(&self, i: u32) -> bool {
        self.words[(i / 64) as usize] & (1 << (i % 64)) != 0
    }

    pub fn intersect_with(&mut self, other: &BitSet) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a &= b);
    }

    pub fn subtract(&mut self, other: &BitSet) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a &= !b);
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// The members in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
            let mut bits = w;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let b = bits.trailing_zeros();
                    bits &= bits - 1;
                    wi as u32 * 64 + b
                })
            })
        })
    }

    pub fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::BitSet;

    #[test]
    fn set_operations() {
        let mut a = BitSet::empty(130);
        for i in [0, 63, 64, 129] {
            a.insert(i);
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 63, 64, 129]);
        let full = BitSet::full(130);
        assert_eq!(full.count(), 130);
        let mut b = full.clone();
        b.subtract(&a);
        assert_eq!(b.count(), 126);
        b.intersect_with(&a);
        assert!(b.is_empty());
        assert_eq!(BitSet::full(128).count(), 128);
    }
}
