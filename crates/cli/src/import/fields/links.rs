//! The rules every reader applies to the link fields of an entry: a DOI field must be a
//! DOI, a doi.org link is the paper's DOI link rather than a page of its own, the first
//! link of a kind is kept, and a field that cannot be used is noted, never dropped
//! silently.

use paperdeck_core::{LinkKind, Links};

use crate::import::fields::identifiers::{doi, doi_of_url, doi_url};
use crate::import::parsed::{Location, Note};

/// Reads a `doi` field: sets the paper's DOI link and gives the DOI, or notes that the
/// field is not a DOI.
pub fn read_doi_field(
    links: &mut Links,
    written: &str,
    at: Location,
    notes: &mut Vec<Note>,
) -> Option<String> {
    match doi(written) {
        Some(d) => {
            links.doi = doi_url(&d);
            Some(d)
        }
        None => {
            notes.push(Note { at, message: format!("doi {written:?} is not a DOI; left out") });
            None
        }
    }
}

/// True when `url` is a doi.org link, which then becomes the paper's DOI link unless it
/// has one: it is not a second link to the same page.
pub fn take_doi_link(links: &mut Links, url: &str) -> bool {
    let Some(d) = doi_of_url(url) else { return false };
    if links.doi.is_none() {
        links.doi = doi_url(&d);
    }
    true
}

/// Sets the link of a kind unless the paper has one already: the first link of a kind wins.
pub fn add_link(links: &mut Links, kind: LinkKind, url: String) {
    if links.get(kind).is_none() {
        links.set(kind, url);
    }
}

/// The note for a link field that is not an absolute http(s) URL.
pub fn not_a_url(at: Location, field: &str, written: &str) -> Note {
    Note { at, message: format!("{field} {written:?} is not an absolute http(s) URL; left out") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_fields_and_doi_org_links() {
        let mut links = Links::default();
        let mut notes = Vec::new();
        let at = Location::Line(3);
        assert_eq!(read_doi_field(&mut links, "-", at, &mut notes), None);
        assert_eq!(notes, [Note { at, message: "doi \"-\" is not a DOI; left out".into() }]);
        assert!(take_doi_link(&mut links, "https://dx.doi.org/10.1000/a"));
        assert_eq!(read_doi_field(&mut links, "doi:10.1000/b", at, &mut notes).as_deref(), Some("10.1000/b"));
        assert!(take_doi_link(&mut links, "https://doi.org/10.1000/c"), "a doi.org link is never a page");
        assert!(!take_doi_link(&mut links, "https://example.org/10.1000/c"));
        assert_eq!(links, Links { doi: Some("https://doi.org/10.1000/b".into()), ..Links::default() });
    }

    #[test]
    fn the_first_link_of_a_kind_wins() {
        let mut links = Links::default();
        add_link(&mut links, LinkKind::Code, "https://github.com/a/first".into());
        add_link(&mut links, LinkKind::Code, "https://github.com/a/second".into());
        assert_eq!(links, Links { code: Some("https://github.com/a/first".into()), ..Links::default() });
        assert_eq!(
            not_a_url(Location::Record(2), "pdf", "paper.pdf"),
            Note {
                at: Location::Record(2),
                message: "pdf \"paper.pdf\" is not an absolute http(s) URL; left out".into()
            }
        );
    }
}
