//! An Atom feed (RFC 4287) of a view: one entry per paper in the view's order, with its
//! title, authors, dates, abstract and links.

use crate::search::catalog::Catalog;
use crate::snapshot::date::PartialDate;
use crate::snapshot::model::Paper;
use crate::view::{PaperUrlTemplate, ViewState};

use super::escape::escape;
use super::feeds::feed_view_key;

/// Where the feed lives and what it is called.
#[derive(Clone, Debug, Default)]
pub struct FeedOptions<'a> {
    /// The explorer's absolute URL (`https://lab.example/papers/`), when known: the ids and
    /// links are then absolute URLs of the site. Without it, links are relative to the feed
    /// (which sits next to index.html) and ids are `urn:uuid:`s made from the paper ids.
    pub site_url: Option<&'a str>,
    /// The feed's file, relative to the explorer (`feed.xml`): its `self` link.
    pub href: &'a str,
    /// The feed's title; by default the snapshot's, with the view's query string.
    pub title: Option<&'a str>,
    /// At most this many entries, the first of the view's order.
    pub limit: Option<usize>,
}

/// The feed of `view` as an Atom document. Dates are RFC 3339 at midnight UTC (a paper's
/// month or year stands for its first day); an undated paper's `updated` is the feed's.
/// The feed's `updated` is the latest of the snapshot's `generated` date and its entries'.
/// Entries without author names (only a count) are covered by a feed-level author, the
/// snapshot's title, as Atom requires.
pub fn atom_feed(catalog: &Catalog, view: &ViewState, options: &FeedOptions) -> String {
    let result = catalog.search(view);
    let ids = &result.ids[..options.limit.map_or(result.ids.len(), |n| n.min(result.ids.len()))];
    let papers: Vec<&Paper> = ids.iter().map(|&i| catalog.paper(i)).collect();
    let snapshot = &catalog.snapshot;
    let key = feed_view_key(view);
    let site_title = snapshot.title.as_deref().unwrap_or("Papers");
    let title = match options.title {
        Some(t) => t.to_string(),
        None if key.is_empty() => site_title.to_string(),
        None => format!("{site_title} ({key})"),
    };
    let generated = snapshot.generated.as_deref().and_then(|g| PartialDate::parse(g.get(..10).unwrap_or(g)));
    let newest = papers
        .iter()
        .map(|p| p.published)
        .chain(generated)
        .filter(|d| d.is_known())
        .max_by_key(|d| d.sort_key());
    let updated = newest.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), rfc3339);
    let base = options.site_url.unwrap_or("./");
    let permalinks = PaperUrlTemplate::new(&ViewState::default());
    let view_href = if key.is_empty() { base.to_string() } else { format!("{base}?{key}") };
    let feed_id = match options.site_url {
        Some(site) => format!("{site}{}", options.href),
        None => uuid_urn(&["feed", site_title, &key]),
    };

    let mut out = String::with_capacity(2048 + papers.len() * 2048);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    out.push_str(&format!("  <title type=\"text\">{}</title>\n", escape(&title)));
    if let Some(d) = &snapshot.description {
        out.push_str(&format!("  <subtitle type=\"text\">{}</subtitle>\n", escape(d)));
    }
    out.push_str(&format!("  <id>{}</id>\n  <updated>{updated}</updated>\n", escape(&feed_id)));
    if papers.iter().any(|p| names(p).is_none()) {
        out.push_str(&format!("  <author><name>{}</name></author>\n", escape(site_title)));
    }
    let self_href = match options.site_url {
        Some(site) => format!("{site}{}", options.href),
        None => options.href.to_string(),
    };
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&self_href)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&view_href)
    ));
    out.push_str("  <generator>Paperdeck</generator>\n");
    for paper in papers {
        let link = format!("{base}?{}", permalinks.with_paper(&paper.id));
        let id = match options.site_url {
            Some(_) => link.clone(),
            None => uuid_urn(&["paper", &paper.id]),
        };
        let entry_updated =
            if paper.published.is_known() { rfc3339(paper.published) } else { updated.clone() };
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title type=\"text\">{}</title>\n", escape(&paper.title)));
        out.push_str(&format!("    <id>{}</id>\n    <updated>{entry_updated}</updated>\n", escape(&id)));
        if paper.published.is_known() {
            out.push_str(&format!("    <published>{entry_updated}</published>\n"));
        }
        for name in names(paper).unwrap_or_default() {
            out.push_str(&format!("    <author><name>{}</name></author>\n", escape(name)));
        }
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&link)
        ));
        for (kind, url) in paper.links.iter() {
            out.push_str(&format!(
                "    <link rel=\"related\" href=\"{}\" title=\"{}\"/>\n",
                escape(url),
                escape(kind.label())
            ));
        }
        for tag in &paper.tags {
            out.push_str(&format!("    <category term=\"{}\"/>\n", escape(tag)));
        }
        if let Some(a) = &paper.abstract_text {
            out.push_str(&format!("    <summary type=\"text\">{}</summary>\n", escape(a)));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// A paper's author names, if it lists any.
fn names(paper: &Paper) -> Option<&[String]> {
    paper.authors.as_deref().filter(|n| !n.is_empty())
}

/// A known date as an RFC 3339 date-time at midnight UTC; a month or a year is its first day.
fn rfc3339(d: PartialDate) -> String {
    format!("{:04}-{:02}-{:02}T00:00:00Z", d.year(), d.month().unwrap_or(1), d.day().unwrap_or(1))
}

/// A stable `urn:uuid:` (RFC 9562 version 8, name-based) for the parts: the same parts
/// always give the same id. Two FNV-1a hashes make its 128 bits.
fn uuid_urn(parts: &[&str]) -> String {
    let hash = |seed: u64| {
        let mut h = seed;
        for part in parts {
            for b in part.bytes().chain([0xff]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        h
    };
    let (hi, lo) = (hash(0xcbf2_9ce4_8422_2325), hash(0x6c62_272e_07bb_0142));
    let hi = (hi & !0xf000) | 0x8000; // version 8
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62); // variant 10
    format!(
        "urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc3339_at_midnight() {
        assert_eq!(rfc3339(PartialDate::ymd(2024, 6, 28).unwrap()), "2024-06-28T00:00:00Z");
        assert_eq!(rfc3339(PartialDate::ym(2024, 6).unwrap()), "2024-06-01T00:00:00Z");
        assert_eq!(rfc3339(PartialDate::y(2024).unwrap()), "2024-01-01T00:00:00Z");
    }

    #[test]
    fn uuids_are_stable_distinct_and_well_formed() {
        let a = uuid_urn(&["paper", "lora"]);
        assert_eq!(a, uuid_urn(&["paper", "lora"]));
        assert_ne!(a, uuid_urn(&["paper", "lorb"]));
        assert_ne!(uuid_urn(&["ab", "c"]), uuid_urn(&["a", "bc"]));
        let hex = a.strip_prefix("urn:uuid:").unwrap();
        let groups: Vec<&str> = hex.split('-').collect();
        assert_eq!(groups.iter().map(|g| g.len()).collect::<Vec<_>>(), [8, 4, 4, 4, 12]);
        assert!(groups[2].starts_with('8'));
        assert!(matches!(groups[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'));
    }
}
