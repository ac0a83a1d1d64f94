//! Counts that sources write as text: a citation count is a whole number, 0 included.

/// A whole number of citations (`369`, ` 0 `), or `None` for anything else (`-3`, `1.5`,
/// `many`, a number past 4,294,967,295).
pub fn citation_count(written: &str) -> Option<u32> {
    let w = written.trim();
    if w.is_empty() || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::citation_count;

    #[test]
    fn whole_numbers_only() {
        assert_eq!(citation_count("369"), Some(369));
        assert_eq!(citation_count(" 0 "), Some(0));
        assert_eq!(citation_count("007"), Some(7));
        for bad in ["", "-3", "+3", "1.5", "many", "1,234", "99999999999"] {
            assert_eq!(citation_count(bad), None, "{bad}");
        }
    }
}
