//! Which card shows which paper when a new answer replaces the list.

/// Gives each paper on screen a card (by number), from one answer to the next, so that a
/// list changes as little of the page as it can: a paper still listed keeps its card (the
/// card moves, nothing in it changes), a paper new to the list takes a card whose paper
/// left (the card's texts are changed in place, no element is built), and only what is
/// left over is built or removed. Building cards is what a keystroke's frame costs most
/// (docs/performance.md, "Cards kept and refilled").
#[derive(Debug, Default)]
pub struct CardReuse {
    /// Each paper listed now with its card, as `paper << 32 | card`, sorted (so by paper).
    listed: Vec<u64>,
    /// The paper each card shows now, by card number; `NONE` for a card not in use.
    paper_by_card: Vec<u32>,
}

/// No paper (a card not in use).
const NONE: u32 = u32::MAX;

impl CardReuse {
    pub fn new() -> Self {
        Self::default()
    }

    /// The cards for `papers` (paper indexes in list order, each at most once), one per
    /// paper, and remembers them for the next answer.
    pub fn assign(&mut self, papers: &[u32]) -> Vec<u32> {
        let card_of = |paper: u32| {
            let at = self.listed.binary_search_by_key(&paper, |k| (k >> 32) as u32).ok()?;
            Some(self.listed[at] as u32)
        };
        let mut cards: Vec<u32> = papers.iter().map(|&p| card_of(p).unwrap_or(NONE)).collect();
        // The cards whose papers left, lowest first, for the papers that came.
        let mut staying = cards.iter().filter(|&&c| c != NONE).copied().collect::<Vec<_>>();
        staying.sort_unstable();
        let mut free: Vec<u32> =
            (self.listed.iter().map(|&k| k as u32)).filter(|c| staying.binary_search(c).is_err()).collect();
        free.sort_unstable();
        let mut free = free.into_iter();
        for card in cards.iter_mut().filter(|c| **c == NONE) {
            *card = free.next().unwrap_or_else(|| {
                self.paper_by_card.push(NONE);
                self.paper_by_card.len() as u32 - 1
            });
        }
        for &card in free.as_slice() {
            self.paper_by_card[card as usize] = NONE;
        }
        for (&paper, &card) in papers.iter().zip(&cards) {
            self.paper_by_card[card as usize] = paper;
        }
        self.listed = papers.iter().zip(&cards).map(|(&p, &c)| (p as u64) << 32 | c as u64).collect();
        self.listed.sort_unstable();
        cards
    }

    /// The paper card `card` shows now, if it is in use.
    pub fn paper_of(&self, card: u32) -> Option<u32> {
        self.paper_by_card.get(card as usize).copied().filter(|&p| p != NONE)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn papers_that_stay_keep_their_cards_wherever_they_move() {
        let mut reuse = CardReuse::new();
        let first = reuse.assign(&[10, 11, 12, 13]);
        assert_eq!(first, [0, 1, 2, 3]);
        let second = reuse.assign(&[13, 10, 12, 11]);
        assert_eq!(second, [3, 0, 2, 1]);
        assert_eq!(reuse.paper_of(3), Some(13));
    }

    #[test]
    fn new_papers_take_the_cards_of_papers_that_left_before_new_cards_are_made() {
        let mut reuse = CardReuse::new();
        reuse.assign(&[10, 11, 12, 13]);
        // 11 and 13 left; 20 and 21 take their cards (1 and 3, lowest first); 22 gets a new one.
        assert_eq!(reuse.assign(&[20, 10, 21, 12, 22]), [1, 0, 3, 2, 4]);
        assert_eq!(reuse.paper_of(1), Some(20));
        assert_eq!(reuse.paper_of(3), Some(21));
        assert_eq!(reuse.paper_of(4), Some(22));
    }

    #[test]
    fn a_shorter_list_frees_the_cards_it_no_longer_needs_and_a_longer_one_makes_new_ones() {
        let mut reuse = CardReuse::new();
        reuse.assign(&[1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(reuse.assign(&[9, 3]), [0, 2]);
        for card in [1, 3, 4, 5, 6, 7] {
            assert_eq!(reuse.paper_of(card), None, "card {card} is not in use");
        }
        // Cards freed by an earlier answer are gone from the page: more cards are new ones.
        assert_eq!(reuse.assign(&[3, 9, 1, 2]), [2, 0, 8, 9]);
        assert_eq!(reuse.assign(&[]), Vec::<u32>::new());
        assert_eq!(reuse.paper_of(0), None);
    }

    #[test]
    fn every_paper_gets_its_own_card_whatever_the_answers() {
        // A deterministic walk through many answers: cards are never shared, a paper listed
        // twice in a row keeps its card, and cards are made only for the papers that came
        // beyond those that left.
        let mut reuse = CardReuse::new();
        let mut last: HashMap<u32, u32> = HashMap::new();
        let mut seed = 7u64;
        let mut made = 0u32;
        for _ in 0..500 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 60) as usize;
            let mut papers: Vec<u32> = Vec::new();
            let mut s = seed;
            while papers.len() < len {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1);
                let p = (s >> 59) as u32;
                if !papers.contains(&p) {
                    papers.push(p);
                }
            }
            let cards = reuse.assign(&papers);
            assert_eq!(cards.len(), papers.len());
            let mut sorted = cards.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), cards.len(), "no card shows two papers: {papers:?} → {cards:?}");
            for (p, c) in papers.iter().zip(&cards) {
                if let Some(before) = last.get(p) {
                    assert_eq!(before, c, "paper {p} kept its card");
                }
                assert_eq!(reuse.paper_of(*c), Some(*p));
            }
            let came = papers.iter().filter(|p| !last.contains_key(p)).count();
            let left = last.keys().filter(|p| !papers.contains(p)).count();
            let new_cards = cards.iter().filter(|&&c| c >= made).count();
            assert_eq!(new_cards, came.saturating_sub(left), "{papers:?} after {last:?} → {cards:?}");
            made = made.max(cards.iter().map(|c| c + 1).max().unwrap_or(0));
            last = papers.iter().copied().zip(cards).collect();
        }
    }
}
