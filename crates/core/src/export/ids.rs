//! The identifiers an export writes, read back from a paper's links.

use crate::snapshot::model::Paper;

/// The arXiv id of the paper's arXiv link (`https://arxiv.org/abs/2406.18540` →
/// `2406.18540`), when it has one.
pub fn arxiv_id(paper: &Paper) -> Option<&str> {
    let link = paper.links.arxiv.as_deref()?;
    let (_, rest) = link.split_once("/abs/").or_else(|| link.split_once("/pdf/"))?;
    let id = rest.split(['?', '#']).next().unwrap_or("").trim_end_matches(".pdf").trim_end_matches('/');
    (!id.is_empty()).then_some(id)
}

/// The DOI of the paper's DOI link (`https://doi.org/10.1000/x` → `10.1000/x`).
pub fn doi(paper: &Paper) -> Option<&str> {
    let link = paper.links.doi.as_deref()?;
    let at = link.find("/10.")?;
    Some(&link[at + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::date::PartialDate;

    #[test]
    fn ids_of_links() {
        let mut p = Paper::new("x", "T", 0, PartialDate::UNKNOWN);
        assert_eq!((arxiv_id(&p), doi(&p)), (None, None));
        p.links.arxiv = Some("https://arxiv.org/abs/cond-mat/0412498v2".into());
        p.links.doi = Some("https://dx.doi.org/10.1000/a_b(c)".into());
        assert_eq!((arxiv_id(&p), doi(&p)), (Some("cond-mat/0412498v2"), Some("10.1000/a_b(c)")));
    }
}
