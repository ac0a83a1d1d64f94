//! Tags, each kept once whatever its case: the first spelling wins (`nlp`, then `NLP`).

/// Adds `tag` unless `tags` has it in any case.
pub fn add_tag(tags: &mut Vec<String>, tag: &str) {
    if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
        tags.push(tag.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_spelling_wins() {
        let mut tags = vec!["nlp".to_string()];
        for tag in ["NLP", "cv", "Nlp", "CV", "robots"] {
            add_tag(&mut tags, tag);
        }
        assert_eq!(tags, ["nlp", "cv", "robots"]);
    }
}
