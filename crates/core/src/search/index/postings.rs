//! Posting lists: for each word, the (paper, field) slots it occurs in, each with how
//! often, in slot order. How many slots each word occurs in is counted slot by slot as
//! papers are added ([`PostingCounter`]); the lists themselves are written once the last
//! paper is in, straight from the token streams, which hold every occurrence already.
//!
//! Nothing is kept per posting while papers are added. Keeping each posting as it was
//! met (word and posting, 12 bytes each: 21 MB at 10k papers, in a vector grown by
//! doubling to 41 MB) set the load's peak memory, when they and the lists (8 bytes a
//! posting) were both in memory (docs/performance.md, "A load's peak memory").

use super::{Posting, GAP};
use crate::search::field::Field;

/// How many (paper, field) slots each word occurs in, counted slot by slot in slot order,
/// under the word ids of the token streams being built (before the vocabulary is sorted).
#[derive(Default)]
pub(super) struct PostingCounter {
    /// Per word.
    words: Vec<WordCount>,
}

/// A word's counts so far, and the last slot it was seen in: a "last seen" mark counts a
/// slot's repeats once without sorting the slot, and a paper's slots once as its
/// document frequency (slots come in order, a paper's slots one after another).
#[derive(Clone, Copy)]
struct WordCount {
    slots: u32,
    papers: u32,
    last_slot: u32,
}

/// No slot yet.
const NONE: u32 = u32::MAX;

impl PostingCounter {
    /// Counts the words of slot `slot`; `words` is how many distinct words there are so
    /// far. Slots come in order.
    pub(super) fn count_slot(&mut self, slot: u32, tokens: &[u32], words: usize) {
        if self.words.len() < words {
            self.words.resize(words, WordCount { slots: 0, papers: 0, last_slot: NONE });
        }
        let paper = slot / Field::COUNT as u32;
        for &t in tokens {
            if t == GAP {
                continue;
            }
            let word = &mut self.words[t as usize];
            if word.last_slot != slot {
                if word.last_slot == NONE || word.last_slot / Field::COUNT as u32 != paper {
                    word.papers += 1;
                }
                word.last_slot = slot;
                word.slots += 1;
            }
        }
    }

    /// The lists of the counted slots' streams `tokens` (`tokens[token_start[s]..
    /// token_start[s + 1]]` for slot `s`), each word under its sorted id (`rank[w]` for
    /// word `w`): where each list starts (one more entry than words), the lists, and each
    /// word's document frequency (how many papers it occurs in, counted with its slots).
    /// The tokens are given their sorted ids on the way.
    pub(super) fn into_lists(self, rank: &[u32], tokens: &mut [u32], token_start: &[u32]) -> Lists {
        let mut start = vec![0u32; rank.len() + 1];
        let mut doc_freq = vec![0u32; rank.len()];
        for (w, word) in self.words.iter().enumerate() {
            start[rank[w] as usize + 1] = word.slots;
            doc_freq[rank[w] as usize] = word.papers;
        }
        for w in 1..start.len() {
            start[w] += start[w - 1];
        }
        // Per word, under its id in `tokens`, all that a token needs in one place (one
        // memory access per token): its sorted id, the next free place in its list, and its
        // last slot, to count a slot's repeats into the posting written for it.
        let mut words: Vec<WordPlace> = rank
            .iter()
            .map(|&sorted| WordPlace { sorted, next: start[sorted as usize], last_slot: u32::MAX })
            .collect();
        drop(self);
        let total = start[rank.len()] as usize;
        let mut lists = vec![Posting { paper: 0, field: Field::Title, tf: 0 }; total];
        for slot in 0..token_start.len() - 1 {
            let (paper, field) = ((slot / Field::COUNT) as u32, Field::ALL[slot % Field::COUNT]);
            for token in &mut tokens[token_start[slot] as usize..token_start[slot + 1] as usize] {
                if *token == GAP {
                    continue;
                }
                let word = &mut words[*token as usize];
                *token = word.sorted;
                if word.last_slot == slot as u32 {
                    let p = &mut lists[word.next as usize - 1];
                    p.tf = p.tf.saturating_add(1);
                } else {
                    word.last_slot = slot as u32;
                    lists[word.next as usize] = Posting { paper, field, tf: 1 };
                    word.next += 1;
                }
            }
        }
        // Every list filled exactly: the streams are the ones counted (a builder left
        // part-way by a refused batch is never finished; `IndexBuilder::add_slots`).
        debug_assert!(words.iter().all(|w| w.next == start[w.sorted as usize + 1]));
        Lists { start, postings: lists, doc_freq }
    }
}

/// Every word's posting list, by sorted word id ([`PostingCounter::into_lists`]).
pub(super) struct Lists {
    /// Where each word's list starts in `postings`; one more entry than words.
    pub(super) start: Vec<u32>,
    pub(super) postings: Vec<Posting>,
    /// How many papers each word occurs in.
    pub(super) doc_freq: Vec<u32>,
}

/// A word while its list is written ([`PostingCounter::into_lists`]).
struct WordPlace {
    sorted: u32,
    next: u32,
    last_slot: u32,
}

/// The posting lists of whole token streams whose word ids are already the sorted ones
/// (an index read back from its word streams): counted, then written.
pub(super) fn postings(tokens: &mut [u32], token_start: &[u32], words: usize) -> Lists {
    let mut counter = PostingCounter::default();
    for slot in 0..token_start.len() - 1 {
        let slot_tokens = &tokens[token_start[slot] as usize..token_start[slot + 1] as usize];
        counter.count_slot(slot as u32, slot_tokens, words);
    }
    let same: Vec<u32> = (0..words as u32).collect();
    counter.into_lists(&same, tokens, token_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_follow_the_sorted_ids_and_count_repeats_per_slot() {
        // Words 0, 1, 2 (in order of first appearance); sorted, 2 comes first, then 0, 1.
        let rank = [1, 2, 0];
        // Paper 0, title: word 0 ×3, word 1; paper 0, the third field: word 2 ×2; paper 1,
        // title: word 1.
        let streams: [&[u32]; Field::COUNT + 1] = [&[0, 1, 0, GAP, 0], &[], &[2, 2], &[], &[], &[1]];
        let mut counter = PostingCounter::default();
        let (mut tokens, mut token_start) = (Vec::new(), vec![0]);
        for (slot, stream) in streams.iter().enumerate() {
            counter.count_slot(slot as u32, stream, 3);
            tokens.extend_from_slice(stream);
            token_start.push(tokens.len() as u32);
        }
        let Lists { start, postings: lists, doc_freq } = counter.into_lists(&rank, &mut tokens, &token_start);
        // The streams now name each word by its sorted id.
        assert_eq!(tokens, [1, 2, 1, GAP, 1, 0, 0, 2]);
        assert_eq!(start, [0, 1, 2, 4]);
        // Word 0 (id 1) is in paper 0 only; word 1 (id 2) in papers 0 and 1.
        assert_eq!(doc_freq, [1, 1, 2]);
        let entry = |p: &Posting| (p.paper, p.field, p.tf);
        let third = Field::ALL[2];
        assert_eq!(entry(&lists[0]), (0, third, 2), "word 2, now id 0");
        assert_eq!(entry(&lists[1]), (0, Field::Title, 3), "word 0, now id 1");
        assert_eq!(
            lists[2..].iter().map(entry).collect::<Vec<_>>(),
            [(0, Field::Title, 1), (1, Field::Title, 1)]
        );
    }

    #[test]
    fn lists_are_each_words_slots_and_counts() {
        // Slots of 0–40 tokens of words 0–299 but word 150, with repeats and GAPs, counted
        // as the vocabulary grows, then listed under sorted ids in another order: against
        // each word's slots and counts found by looking at every slot for it.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let (words, never) = (300u32, 150u32);
        let mut counter = PostingCounter::default();
        let (mut tokens, mut token_start) = (Vec::new(), vec![0u32]);
        for slot in 0..2_000u32 {
            // Word ids below `known` only, as an interner hands them out.
            let known = (words as usize).min(20 + slot as usize / 4) as u64;
            let len = next(41);
            let first = tokens.len();
            tokens.extend((0..len).map(|_| match next(known) as u32 {
                _ if next(15) == 0 => GAP,
                w if w == never => GAP,
                w => w,
            }));
            counter.count_slot(slot, &tokens[first..], known as usize);
            token_start.push(tokens.len() as u32);
        }
        // One word repeated past u16::MAX in one slot: its count stops there.
        tokens.extend(std::iter::repeat_n(7, 70_000));
        counter.count_slot(2_000, &tokens[token_start[2_000] as usize..], words as usize);
        token_start.push(tokens.len() as u32);
        let before = tokens.clone();
        // Sorted ids: a shuffle of the first-appearance ids.
        let mut rank: Vec<u32> = (0..words).collect();
        for i in (1..rank.len()).rev() {
            rank.swap(i, next(i as u64 + 1) as usize);
        }
        let Lists { start, postings: lists, doc_freq } = counter.into_lists(&rank, &mut tokens, &token_start);
        for (t, (&was, &now)) in before.iter().zip(&tokens).enumerate() {
            assert_eq!(now, if was == GAP { GAP } else { rank[was as usize] }, "token {t}");
        }
        for w in 0..words {
            let want: Vec<(u32, u16)> = token_start
                .windows(2)
                .enumerate()
                .filter_map(|(slot, s)| {
                    let tf = before[s[0] as usize..s[1] as usize].iter().filter(|&&t| t == w).count();
                    (tf > 0).then_some((slot as u32, tf.min(u16::MAX as usize) as u16))
                })
                .collect();
            let r = rank[w as usize] as usize;
            let got: Vec<(u32, u16)> = lists[start[r] as usize..start[r + 1] as usize]
                .iter()
                .map(|p| (p.paper * Field::COUNT as u32 + p.field as u32, p.tf))
                .collect();
            assert_eq!(got, want, "word {w}");
            assert_eq!(want.is_empty(), w == never, "word {w}");
            let mut papers: Vec<u32> = want.iter().map(|&(slot, _)| slot / Field::COUNT as u32).collect();
            papers.dedup();
            assert_eq!(doc_freq[r] as usize, papers.len(), "word {w}'s papers");
        }
    }
}
