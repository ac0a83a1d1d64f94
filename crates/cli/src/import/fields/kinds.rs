//! The kind of publication a paper is, from what a source says: a BibTeX entry type
//! (`@inproceedings` is a conference paper), a venue that is a preprint server, and which
//! of two kinds says more when two entries are merged.

use paperdeck_core::PaperKind;

/// The kind of a BibTeX or BibLaTeX entry type (any case; aliases included).
/// `eprint_known`: the entry has an arXiv id or an `eprint`, which makes a `@misc`,
/// `@unpublished`, `@online` or `@preprint` a preprint (else it is `other`). `venue`:
/// an `@article` or `@inproceedings` "in" a preprint server (`journal = {arXiv preprint
/// arXiv:…}`, `{CoRR}`, `{ArXiv e-prints}`, as Google Scholar and DBLP export them) is a
/// preprint.
pub fn bibtex_kind(entry_type: &str, eprint_known: bool, venue: Option<&str>) -> PaperKind {
    let in_preprint_server = venue.is_some_and(is_preprint_venue);
    match entry_type.to_ascii_lowercase().as_str() {
        "article" | "suppperiodical" if in_preprint_server => PaperKind::Preprint,
        "article" | "suppperiodical" => PaperKind::Article,
        "inproceedings" | "conference" | "proceedings" | "mvproceedings" if in_preprint_server => {
            PaperKind::Preprint
        }
        "inproceedings" | "conference" | "proceedings" | "mvproceedings" => PaperKind::Conference,
        "inbook" | "incollection" | "bookinbook" | "suppbook" | "suppcollection" => PaperKind::Chapter,
        "book" | "mvbook" => PaperKind::Book,
        "phdthesis" | "mastersthesis" | "thesis" => PaperKind::Thesis,
        "techreport" | "report" => PaperKind::Report,
        "presentation" | "talk" => PaperKind::Talk,
        "misc" | "unpublished" | "preprint" | "online" | "electronic" | "www" if eprint_known => {
            PaperKind::Preprint
        }
        _ => PaperKind::Other,
    }
}

/// True for a venue that is a preprint server rather than a journal or conference:
/// `arXiv`, `arXiv preprint arXiv:…`, `CoRR`, `… e-prints`.
pub fn is_preprint_venue(venue: &str) -> bool {
    let v = venue.trim().to_ascii_lowercase();
    v == "arxiv"
        || v.starts_with("arxiv ")
        || v.starts_with("arxiv:")
        || v.contains("e-prints")
        || v == "corr"
}

/// How much a kind says, for merging: a published kind (article, conference, …) says
/// more than `preprint`, which says more than `other`, which says more than none.
pub fn specificity(kind: Option<PaperKind>) -> u8 {
    match kind {
        None => 0,
        Some(PaperKind::Other) => 1,
        Some(PaperKind::Preprint) => 2,
        Some(_) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PaperKind::*;

    #[test]
    fn every_bibtex_type_maps_to_its_kind() {
        for (types, kind) in [
            ("article ARTICLE", Article),
            ("inproceedings InProceedings conference proceedings", Conference),
            ("inbook incollection", Chapter),
            ("book", Book),
            ("phdthesis mastersthesis thesis", Thesis),
            ("techreport report", Report),
            ("presentation talk", Talk),
            ("misc unpublished preprint online", Other),
            ("booklet manual patent software dataset whatever", Other),
        ] {
            for t in types.split(' ') {
                assert_eq!(bibtex_kind(t, false, None), kind, "@{t}");
                assert_eq!(bibtex_kind(t, false, Some("Nature")), kind, "@{t} in a journal");
            }
        }
        for t in ["misc", "unpublished", "preprint", "online", "Misc"] {
            assert_eq!(bibtex_kind(t, true, None), Preprint, "@{t} with an eprint");
        }
        assert_eq!(
            bibtex_kind("article", true, Some("Nature")),
            Article,
            "a published article with its eprint"
        );
        assert_eq!(bibtex_kind("phdthesis", true, None), Thesis);
    }

    #[test]
    fn articles_in_preprint_servers_are_preprints() {
        for venue in ["arXiv preprint arXiv:2206.01775", "CoRR", "ArXiv e-prints", "arXiv"] {
            assert_eq!(bibtex_kind("article", false, Some(venue)), Preprint, "{venue}");
            assert_eq!(bibtex_kind("inproceedings", true, Some(venue)), Preprint, "{venue}");
        }
        assert_eq!(bibtex_kind("article", false, Some("Studies of arXiv Usage")), Article);
    }

    #[test]
    fn published_kinds_say_more_than_preprint_and_other() {
        let order = [None, Some(Other), Some(Preprint), Some(Article)];
        for pair in order.windows(2) {
            assert!(specificity(pair[0]) < specificity(pair[1]), "{pair:?}");
        }
        assert_eq!(specificity(Some(Conference)), specificity(Some(Thesis)));
    }
}
