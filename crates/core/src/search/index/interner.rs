//! Word ids while the index is built: each distinct word gets the next id, in order of
//! first appearance. Every word of a snapshot passes through here (2.1 million at 10k
//! papers), so most are answered from two direct-mapped caches keyed by the word's bytes
//! as integers, without hashing the word or comparing strings; the map is asked for the
//! longest words and the caches' misses (at 10k, 97,000 of 2.1 million lookups).

use crate::search::fxhash::FxHashMap;

/// Slots of each cache (2^14: 256 KiB for words of up to 7 bytes, 384 KiB for 8 to 15).
const CACHE_BITS: u32 = 14;

/// Gives each distinct word an id, in order of first appearance.
pub(super) struct WordInterner {
    pub(super) words: Vec<String>,
    ids: FxHashMap<String, u32>,
    /// Words of 1–7 bytes, as [`pack_short_word`] packs them, and their ids.
    short: Vec<(u64, u32)>,
    /// Words of 8–15 bytes, as [`pack_medium_word`] packs them, and their ids.
    medium: Vec<(u64, u64, u32)>,
}

impl Default for WordInterner {
    fn default() -> Self {
        Self {
            words: Vec::new(),
            ids: FxHashMap::with_capacity_and_hasher(1 << 16, Default::default()),
            short: vec![(0, 0); 1 << CACHE_BITS],
            medium: vec![(0, 0, 0); 1 << CACHE_BITS],
        }
    }
}

impl WordInterner {
    /// The words, in order of id; the rest is dropped.
    pub(super) fn into_words(self) -> Vec<String> {
        self.words
    }

    pub(super) fn id(&mut self, w: &str) -> u32 {
        if let Some(key) = pack_short_word(w) {
            let slot = cache_slot(key);
            if self.short[slot].0 == key {
                return self.short[slot].1;
            }
            let id = self.lookup(w);
            self.short[slot] = (key, id);
            id
        } else if let Some((first, rest)) = pack_medium_word(w) {
            let slot = cache_slot(first ^ rest.rotate_left(29));
            let (f, r, id) = self.medium[slot];
            if (f, r) == (first, rest) {
                return id;
            }
            let id = self.lookup(w);
            self.medium[slot] = (first, rest, id);
            id
        } else {
            self.lookup(w)
        }
    }

    fn lookup(&mut self, w: &str) -> u32 {
        match self.ids.get(w) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.words.push(w.to_string());
                self.ids.insert(w.to_string(), id);
                id
            }
        }
    }
}

impl WordInterner {
    /// Adds a word another thread's interner met first (its id is the next one): false,
    /// and nothing added, when it is empty or already here.
    pub(super) fn add_new(&mut self, w: &str) -> bool {
        if w.is_empty() || self.ids.contains_key(w) {
            return false;
        }
        self.ids.insert(w.to_string(), self.words.len() as u32);
        self.words.push(w.to_string());
        true
    }
}

fn cache_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - CACHE_BITS)) as usize
}

/// A word of 1–7 bytes as one number (bytes, then the length in the top byte), so equal
/// numbers mean equal words; `None` for other lengths. Never 0, the empty slot's key.
fn pack_short_word(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 7 {
        return None;
    }
    Some(pack_tail(b) | (b.len() as u64) << 56)
}

/// A word of 8–15 bytes as two numbers (its first 8 bytes; the rest, then the length in
/// the top byte), so equal pairs mean equal words; `None` for other lengths. The second
/// is never 0, the empty slot's.
fn pack_medium_word(w: &str) -> Option<(u64, u64)> {
    let b = w.as_bytes();
    if !(8..=15).contains(&b.len()) {
        return None;
    }
    let first = u64::from_le_bytes(b[..8].try_into().ok()?);
    Some((first, pack_tail(&b[8..]) | (b.len() as u64) << 56))
}

/// Up to 7 bytes as a little-endian number, byte by byte (no copy of a variable length;
/// a browser profile showed no difference either way).
fn pack_tail(b: &[u8]) -> u64 {
    b.iter().rev().fold(0u64, |v, &x| v << 8 | u64::from(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_keeps_one_id_whatever_its_length_and_cache_slot() {
        // Lengths 1 to 20 (each cache and the map), words that share their first 8 bytes,
        // and more words than either cache has slots, so slots are taken over.
        let mut words: Vec<String> = (1..=20).map(|n| "abcdefghijklmnopqrst"[..n].to_string()).collect();
        words.extend((0..40_000).map(|i| format!("w{i}")));
        words.extend((0..40_000).map(|i| format!("transformer{i}")));
        words.extend(["naïve".to_string(), "ü".repeat(7), "ü".repeat(8)]);
        // Equal bytes but for trailing NULs: told apart by the length packed with them.
        words.extend(["z", "z\0", "zzzzzzzz", "zzzzzzzz\0"].map(String::from));
        let mut interner = WordInterner::default();
        let first: Vec<u32> = words.iter().map(|w| interner.id(w)).collect();
        assert_eq!(first, (0..words.len() as u32).collect::<Vec<_>>(), "ids in order of first appearance");
        for (w, &id) in words.iter().zip(&first).rev() {
            assert_eq!(interner.id(w), id, "{w}");
        }
        assert_eq!(interner.words, words);
    }
}
