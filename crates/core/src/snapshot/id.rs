//! Paper ids for sources that have none, derived from titles.

use std::collections::HashSet;

use crate::search::text::fold;

const MAX_ID_CHARS: usize = 80;

/// The id derived from a title: folded (see [`fold`]), runs of anything but ASCII letters
/// and digits replaced by one `-`, trimmed of `-`, and cut to at most 80 characters at a `-`
/// boundary. A title with no ASCII letter or digit gives `paper`.
///
/// ```
/// assert_eq!(paperdeck_core::slug_id("HFT: Half Fine-Tuning for LLMs"), "hft-half-fine-tuning-for-llms");
/// ```
pub fn slug_id(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in fold(title).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.len() > MAX_ID_CHARS {
        // The slug is ASCII, so byte and char positions agree.
        let cut = if slug.as_bytes()[MAX_ID_CHARS] == b'-' {
            MAX_ID_CHARS
        } else {
            slug[..MAX_ID_CHARS].rfind('-').unwrap_or(MAX_ID_CHARS)
        };
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("paper");
    }
    slug
}

/// Hands out unique ids in input order: the first paper gets the id it asks for, a repeat
/// gets `-2`, `-3`, … (skipping any suffix already taken).
#[derive(Default, Debug)]
pub struct IdAllocator {
    taken: HashSet<String>,
}

impl IdAllocator {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reserves `wanted` if free, else the first free `wanted-N` with N ≥ 2.
    pub fn allocate(&mut self, wanted: &str) -> String {
        let mut id = wanted.to_string();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for (title, expect) in [
            (
                "ShortcutsBench: A Large-Scale Real-world Benchmark",
                "shortcutsbench-a-large-scale-real-world-benchmark",
            ),
            ("PFGM++: Unlocking the Potential", "pfgm-unlocking-the-potential"),
            ("Model Surgery: Modulating LLM's Behavior", "model-surgery-modulating-llm-s-behavior"),
            ("Wölflein & Ångström: Ærø", "wolflein-angstrom-r"),
            ("  --Leading and trailing!!  ", "leading-and-trailing"),
            ("ﬁne-tuning GPT-3.5", "fine-tuning-gpt-3-5"),
            ("Wölflein & Co: GPT-3.5", "wolflein-co-gpt-3-5"),
            ("深度学习", "paper"),
            ("", "paper"),
        ] {
            assert_eq!(slug_id(title), expect, "title {title:?}");
        }
    }

    #[test]
    fn long_titles_are_cut_at_a_dash_boundary() {
        let title = "Parameter-Efficient Fine-Tuning for Large Models: A Comprehensive Survey of Methods and Benchmarks";
        let id = slug_id(title);
        assert!(id.len() <= 80, "{id}");
        assert_eq!(id, "parameter-efficient-fine-tuning-for-large-models-a-comprehensive-survey-of");
        // A cut exactly before a dash keeps all 80 characters.
        let exact = format!("{} tail", "a".repeat(80));
        assert_eq!(slug_id(&exact), "a".repeat(80));
        // One word longer than the limit is cut hard.
        assert_eq!(slug_id(&"b".repeat(100)), "b".repeat(80));
    }

    #[test]
    fn collisions_get_numbered_suffixes_in_input_order() {
        let mut ids = IdAllocator::new();
        assert_eq!(ids.allocate("lora"), "lora");
        assert_eq!(ids.allocate("lora-2"), "lora-2");
        assert_eq!(ids.allocate("lora"), "lora-3");
        assert_eq!(ids.allocate("lora"), "lora-4");
        assert_eq!(ids.allocate("qlora"), "qlora");
    }
}
