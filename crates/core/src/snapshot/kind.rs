//! What kind of publication a paper is (`kind` in a snapshot), for a lab page's
//! "Journal articles / Conference papers / Preprints" grouping and its facet.

/// A kind of publication of snapshot format v1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaperKind {
    Article,
    Conference,
    Preprint,
    Thesis,
    Book,
    Chapter,
    Report,
    Talk,
    Other,
}

impl PaperKind {
    /// Every kind, in the order facets and groups list them.
    pub const ALL: [PaperKind; 9] = [
        PaperKind::Article,
        PaperKind::Conference,
        PaperKind::Preprint,
        PaperKind::Thesis,
        PaperKind::Book,
        PaperKind::Chapter,
        PaperKind::Report,
        PaperKind::Talk,
        PaperKind::Other,
    ];

    /// The value of `kind` in a snapshot and in the `kind` URL parameter.
    pub fn name(self) -> &'static str {
        self.spelling().0
    }

    /// How a facet, a badge or a group heading says it.
    pub fn label(self) -> &'static str {
        self.spelling().1
    }

    /// The plural a group heading uses ("Journal articles").
    pub fn plural(self) -> &'static str {
        self.spelling().2
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    fn spelling(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PaperKind::Article => ("article", "Journal article", "Journal articles"),
            PaperKind::Conference => ("conference", "Conference paper", "Conference papers"),
            PaperKind::Preprint => ("preprint", "Preprint", "Preprints"),
            PaperKind::Thesis => ("thesis", "Thesis", "Theses"),
            PaperKind::Book => ("book", "Book", "Books"),
            PaperKind::Chapter => ("chapter", "Book chapter", "Book chapters"),
            PaperKind::Report => ("report", "Report", "Reports"),
            PaperKind::Talk => ("talk", "Talk", "Talks"),
            PaperKind::Other => ("other", "Other", "Other"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PaperKind;

    #[test]
    fn every_kind_is_named_once_and_reads_back() {
        let names: Vec<_> = PaperKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            ["article", "conference", "preprint", "thesis", "book", "chapter", "report", "talk", "other"]
        );
        for kind in PaperKind::ALL {
            assert_eq!(PaperKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(PaperKind::from_name("Article"), None);
        assert_eq!(PaperKind::from_name("inproceedings"), None);
    }
}
