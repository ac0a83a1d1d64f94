//! arXiv ids and DOIs as sources write them (`arXiv:2203.01261 [cs]`,
//! `https://arxiv.org/abs/2311.11772v4`, `cond-mat/0412498v1`, `10.48550/arXiv.2203.01261`,
//! `https://doi.org/10.1038/…`, `doi:10.1/x`), normalized so the same paper gets the same
//! key whichever source it came from.

use paperdeck_core::{is_http_url, Links};

/// The arXiv id in `s` when `s` is one: `2311.11772`, `2311.11772v5`, `arXiv:2203.01261`,
/// `cond-mat/0412498v1`, `math.GT/0309136`. The version is dropped.
pub fn arxiv_id(s: &str) -> Option<String> {
    let s = s.trim();
    let s = strip_prefix_ignore_case(s, "arxiv:").unwrap_or(s).trim();
    let s = strip_version(s);
    if is_new_style(s) || is_old_style(s) {
        Some(s.to_string())
    } else {
        None
    }
}

/// The arXiv id of an `arxiv.org/abs/…` or `arxiv.org/pdf/…` URL.
pub fn arxiv_id_in_url(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest =
        strip_prefix_ignore_case(rest, "https://").or_else(|| strip_prefix_ignore_case(rest, "http://"))?;
    let (host, path) = rest.split_once('/')?;
    let host = host.to_ascii_lowercase();
    if host != "arxiv.org" && !host.ends_with(".arxiv.org") {
        return None;
    }
    let path = path.split(['?', '#']).next()?;
    let id = path.strip_prefix("abs/").or_else(|| path.strip_prefix("pdf/"))?;
    let id = id.strip_suffix(".pdf").unwrap_or(id).trim_end_matches('/');
    arxiv_id(id)
}

/// The arXiv id mentioned in free text: `arXiv:2203.01261 [cs]`, `arXiv preprint
/// arXiv:1704.06857`, or an arxiv.org URL.
pub fn arxiv_id_in_text(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("arxiv:") {
        let start = from + i + "arxiv:".len();
        let token = text[start..].split(|c: char| c.is_whitespace() || c == ',' || c == ';').next()?;
        if let Some(id) = arxiv_id(token.trim_end_matches(['.', ')', ']'])) {
            return Some(id);
        }
        from = start;
    }
    text.split_whitespace().find_map(arxiv_id_in_url)
}

/// The arXiv id of an arXiv DOI (`10.48550/arXiv.2203.01261`).
pub fn arxiv_id_of_doi(doi: &str) -> Option<String> {
    let rest = strip_prefix_ignore_case(doi, "10.48550/arxiv.")?;
    arxiv_id(rest)
}

/// The DOI in `s`: `10.1038/x`, `doi:10.1038/x`, `https://doi.org/10.1038/x`,
/// `http://dx.doi.org/10.1038/x`. A DOI is `10.` + a registrant code of four digits or
/// more + `/` + a suffix, without spaces.
pub fn doi(s: &str) -> Option<String> {
    let s = s.trim();
    let mut rest = s;
    for prefix in
        ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "doi "]
    {
        if let Some(r) = strip_prefix_ignore_case(rest, prefix) {
            rest = r.trim_start();
            break;
        }
    }
    let (registrant, suffix) = rest.split_once('/')?;
    // Registrant codes have four digits or more (`10.1000`), sometimes with sub-parts.
    let ok = registrant.len() >= 7
        && registrant.starts_with("10.")
        && registrant[3..].bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !suffix.is_empty()
        && !rest.chars().any(char::is_whitespace);
    ok.then(|| rest.to_string())
}

/// The DOI of a `doi.org` (or `dx.doi.org`) link, which is a DOI link rather than a page
/// of its own.
pub fn doi_of_url(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let host = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?.split('/').next()?;
    matches!(host, "doi.org" | "dx.doi.org" | "www.doi.org")
        .then(|| doi(&url.replacen("www.doi.org", "doi.org", 1)))?
}

/// The link of a DOI, when it makes a valid http(s) URL.
pub fn doi_url(doi: &str) -> Option<String> {
    let url = format!("https://doi.org/{doi}");
    is_http_url(&url).then_some(url)
}

/// Sets the arXiv links of an id: the abstract page and, unless the paper has one, the PDF.
pub fn set_arxiv_links(links: &mut Links, id: &str) {
    links.arxiv = Some(format!("https://arxiv.org/abs/{id}"));
    if links.pdf.is_none() {
        links.pdf = Some(format!("https://arxiv.org/pdf/{id}"));
    }
}

/// The paper id an arXiv id gives: itself, with the `/` of old-style ids made `-`
/// (`cond-mat/0412498` → `cond-mat-0412498`), since ids are `[A-Za-z0-9._-]+`.
pub fn paper_id_of_arxiv(id: &str) -> String {
    id.replace('/', "-")
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

fn strip_version(s: &str) -> &str {
    match s.rfind(['v', 'V']) {
        Some(i) if i > 0 && i + 1 < s.len() && s[i + 1..].bytes().all(|b| b.is_ascii_digit()) => &s[..i],
        _ => s,
    }
}

/// `YYMM.NNNN` or `YYMM.NNNNN`.
fn is_new_style(s: &str) -> bool {
    let Some((yymm, number)) = s.split_once('.') else { return false };
    let month = yymm.get(2..).and_then(|m| m.parse::<u8>().ok());
    yymm.len() == 4
        && yymm.bytes().all(|b| b.is_ascii_digit())
        && matches!(month, Some(1..=12))
        && (4..=5).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// The archives of arXiv ids before April 2007.
const OLD_ARCHIVES: [&str; 34] = [
    "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an", "chao-dyn", "chem-ph",
    "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an", "gr-qc", "hep-ex", "hep-lat", "hep-ph",
    "hep-th", "math", "math-ph", "mtrl-th", "nlin", "nucl-ex", "nucl-th", "patt-sol", "physics", "plasm-ph",
    "q-alg", "q-bio", "quant-ph", "solv-int", "supr-con",
];

/// `archive(.SUBJECT)?/YYMMNNN`, e.g. `cond-mat/0412498`, `math.GT/0309136`.
fn is_old_style(s: &str) -> bool {
    let Some((archive, number)) = s.split_once('/') else { return false };
    let (name, subject) = archive.split_once('.').unwrap_or((archive, ""));
    OLD_ARCHIVES.contains(&name)
        && subject.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        && number.len() == 7
        && number.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arxiv_ids_as_sources_write_them() {
        for (input, id) in [
            ("2311.11772", "2311.11772"),
            ("2311.11772v5", "2311.11772"),
            (" arXiv:2203.01261 ", "2203.01261"),
            ("1501.0001", "1501.0001"),
            ("cond-mat/0412498v1", "cond-mat/0412498"),
            ("math.GT/0309136", "math.GT/0309136"),
        ] {
            assert_eq!(arxiv_id(input).as_deref(), Some(id), "{input}");
        }
        for bad in
            ["", "2311", "2313.11772", "23.11772", "2311.117", "abc/0412498", "Cond-Mat/0412498", "10.1/x"]
        {
            assert_eq!(arxiv_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn arxiv_ids_in_urls_and_text() {
        assert_eq!(arxiv_id_in_url("https://arxiv.org/abs/2311.11772v4").as_deref(), Some("2311.11772"));
        assert_eq!(
            arxiv_id_in_url("http://arxiv.org/abs/cond-mat/0412498v1").as_deref(),
            Some("cond-mat/0412498")
        );
        assert_eq!(arxiv_id_in_url("https://arxiv.org/pdf/2201.00978v1.pdf").as_deref(), Some("2201.00978"));
        assert_eq!(arxiv_id_in_url("https://export.arxiv.org/abs/2201.00978").as_deref(), Some("2201.00978"));
        assert_eq!(arxiv_id_in_url("https://example.org/abs/2201.00978"), None);
        assert_eq!(arxiv_id_in_url("https://arxiv.org/list/cs.CV/recent"), None);
        assert_eq!(arxiv_id_in_text("arXiv:2203.01261 [cs]").as_deref(), Some("2203.01261"));
        assert_eq!(arxiv_id_in_text("arXiv preprint arXiv:1704.06857.").as_deref(), Some("1704.06857"));
        assert_eq!(arxiv_id_in_text("see https://arxiv.org/abs/2104.11502").as_deref(), Some("2104.11502"));
        assert_eq!(arxiv_id_in_text("Under review"), None);
        assert_eq!(arxiv_id_of_doi("10.48550/arXiv.2203.01261").as_deref(), Some("2203.01261"));
        assert_eq!(arxiv_id_of_doi("10.1038/s43018"), None);
    }

    #[test]
    fn dois_with_and_without_their_prefixes() {
        for (input, expect) in [
            ("10.1038/s43018-025-00991-6", Some("10.1038/s43018-025-00991-6")),
            ("https://doi.org/10.1016/j.rimni.2015.12.001", Some("10.1016/j.rimni.2015.12.001")),
            ("http://dx.doi.org/10.1007/s00521-016-2224-9", Some("10.1007/s00521-016-2224-9")),
            ("doi:10.1/x", None),
            ("DOI: 10.1109/ABC.2016.7727386", Some("10.1109/ABC.2016.7727386")),
            ("10.1145/3397271.3401075 ", Some("10.1145/3397271.3401075")),
            ("-", None),
            ("10.1038", None),
            ("10.1038/a b", None),
        ] {
            assert_eq!(doi(input).as_deref(), expect, "{input}");
        }
        assert_eq!(
            doi_of_url("http://dx.doi.org/10.1007/s00521-016-2224-9").as_deref(),
            Some("10.1007/s00521-016-2224-9")
        );
        assert_eq!(doi_of_url("https://www.doi.org/10.1000/x").as_deref(), Some("10.1000/x"));
        assert_eq!(doi_of_url("https://example.org/doi.org/10.1000/x"), None);
        assert_eq!(doi_url("10.1/x y"), None);
        assert_eq!(doi_url("10.1000/x").as_deref(), Some("https://doi.org/10.1000/x"));
    }

    #[test]
    fn old_style_ids_make_valid_paper_ids() {
        assert_eq!(paper_id_of_arxiv("cond-mat/0412498"), "cond-mat-0412498");
        assert_eq!(paper_id_of_arxiv("2311.11772"), "2311.11772");
    }
}
