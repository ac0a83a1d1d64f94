//! Posting lists: for each word, the (paper, field) slots it occurs in, each with how
//! often, in slot order. Counted slot by slot as papers are added ([`PostingCounter`]),
//! so that only the scatter into one list per word waits for the last paper.

use super::{Posting, GAP};
use crate::search::field::Field;

/// Each word's occurrences, counted slot by slot in slot order, under the word ids of the
/// token streams being built (before the vocabulary is sorted).
#[derive(Default)]
pub(super) struct PostingCounter {
    /// (word, its posting), in slot order.
    entries: Vec<(u32, Posting)>,
    /// Per word.
    words: Vec<WordCount>,
}

/// A word's count so far: how many entries it has, the last slot it was seen in (a "last
/// seen" mark counts a slot's repeats without sorting the slot), and that slot's entry.
#[derive(Clone, Copy)]
struct WordCount {
    entries: u32,
    last_slot: u32,
    last_entry: u32,
}

impl PostingCounter {
    pub(super) fn with_capacity(entries: usize) -> Self {
        Self { entries: Vec::with_capacity(entries), ..Self::default() }
    }

    /// Counts the words of slot `slot` (paper `slot / Field::COUNT`, field `slot %
    /// Field::COUNT`); `words` is how many distinct words there are so far. Slots come in
    /// order.
    pub(super) fn count_slot(&mut self, slot: u32, tokens: &[u32], words: usize) {
        if self.words.len() < words {
            self.words.resize(words, WordCount { entries: 0, last_slot: u32::MAX, last_entry: 0 });
        }
        let (paper, field) = (slot / Field::COUNT as u32, Field::ALL[slot as usize % Field::COUNT]);
        for &t in tokens {
            if t == GAP {
                continue;
            }
            let word = &mut self.words[t as usize];
            if word.last_slot == slot {
                let e = &mut self.entries[word.last_entry as usize].1;
                e.tf = e.tf.saturating_add(1);
            } else {
                word.last_slot = slot;
                word.last_entry = self.entries.len() as u32;
                word.entries += 1;
                self.entries.push((t, Posting { paper, field, tf: 1 }));
            }
        }
    }

    /// The lists, one per word in the order of the sorted ids `rank` gives the words
    /// (`rank[w]` for word `w`): where each list starts (one more entry than words) and
    /// the lists, each in slot order.
    pub(super) fn into_lists(self, rank: &[u32]) -> (Vec<u32>, Vec<Posting>) {
        let mut start = vec![0u32; rank.len() + 1];
        for (w, word) in self.words.iter().enumerate() {
            start[rank[w] as usize + 1] = word.entries;
        }
        for w in 1..start.len() {
            start[w] += start[w - 1];
        }
        let mut fill = start.clone();
        let mut lists = vec![Posting { paper: 0, field: Field::Title, tf: 0 }; self.entries.len()];
        for (w, posting) in self.entries {
            let at = &mut fill[rank[w as usize] as usize];
            lists[*at as usize] = posting;
            *at += 1;
        }
        (start, lists)
    }
}

/// The posting lists of whole token streams whose word ids are already the sorted ones
/// (an index read back from its word streams): counted, then scattered.
pub(super) fn postings(
    tokens: &[u32],
    token_start: &[u32],
    words: usize,
    papers: usize,
) -> (Vec<u32>, Vec<Posting>) {
    let mut counter = PostingCounter::with_capacity(tokens.len() / 2);
    for slot in 0..papers * Field::COUNT {
        let slot_tokens = &tokens[token_start[slot] as usize..token_start[slot + 1] as usize];
        counter.count_slot(slot as u32, slot_tokens, words);
    }
    let same: Vec<u32> = (0..words as u32).collect();
    counter.into_lists(&same)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_follow_the_sorted_ids_and_count_repeats_per_slot() {
        // Words 0, 1, 2 (in order of first appearance); sorted, 2 comes first, then 0, 1.
        let rank = [1, 2, 0];
        let mut counter = PostingCounter::default();
        counter.count_slot(0, &[0, 1, 0, GAP, 0], 2); // paper 0, title: word 0 ×3, word 1
        counter.count_slot(2, &[2, 2], 3); // paper 0, the third field: word 2 ×2
        counter.count_slot(Field::COUNT as u32, &[1], 3); // paper 1, title: word 1
        let (start, lists) = counter.into_lists(&rank);
        assert_eq!(start, [0, 1, 2, 4]);
        let entry = |p: &Posting| (p.paper, p.field, p.tf);
        let third = Field::ALL[2];
        assert_eq!(entry(&lists[0]), (0, third, 2), "word 2, now id 0");
        assert_eq!(entry(&lists[1]), (0, Field::Title, 3), "word 0, now id 1");
        assert_eq!(
            lists[2..].iter().map(entry).collect::<Vec<_>>(),
            [(0, Field::Title, 1), (1, Field::Title, 1)]
        );
    }
}
