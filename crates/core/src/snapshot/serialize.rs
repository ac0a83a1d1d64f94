//! Writing snapshots: stable key order, two-space indent, a final newline, so the same
//! snapshot always gives the same bytes.

use serde::Serialize;

use super::links::Links;
use super::model::{Paper, Snapshot, FORMAT_NAME, FORMAT_VERSION};

#[derive(Serialize)]
struct SnapshotOut<'a> {
    format: &'static str,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    generated: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    highlight_authors: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    sources: &'a [String],
    papers: Vec<PaperOut<'a>>,
}

#[derive(Serialize)]
struct PaperOut<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    abstract_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    authors: Option<&'a [String]>,
    /// Written only when there is no authors list (it would repeat its length).
    #[serde(skip_serializing_if = "Option::is_none")]
    author_count: Option<u32>,
    /// Written only when true.
    #[serde(skip_serializing_if = "is_false")]
    authors_incomplete: bool,
    /// Left out for an undated paper.
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "is_zero")]
    upvotes: u32,
    #[serde(skip_serializing_if = "LinksOut::is_empty")]
    links: LinksOut<'a>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    venue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    venue_short: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    /// Written whenever known, 0 included.
    #[serde(skip_serializing_if = "Option::is_none")]
    citations: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bibtex: Option<&'a str>,
}

/// The links present, as an object in [`LinkKind::ALL`](super::links::LinkKind::ALL) order.
struct LinksOut<'a>(&'a Links);

impl LinksOut<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for LinksOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for (kind, url) in self.0.iter() {
            map.serialize_entry(kind.name(), url)?;
        }
        map.end()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl<'a> From<&'a Paper> for PaperOut<'a> {
    fn from(p: &'a Paper) -> Self {
        Self {
            id: &p.id,
            title: &p.title,
            abstract_text: p.abstract_text.as_deref(),
            authors: p.authors.as_deref(),
            author_count: p.authors.is_none().then_some(p.author_count),
            authors_incomplete: p.authors_incomplete && p.authors.is_some(),
            published: p.published.is_known().then(|| p.published.to_string()),
            upvotes: p.upvotes,
            links: LinksOut(&p.links),
            tags: &p.tags,
            venue: p.venue.as_deref(),
            venue_short: p.venue_short.as_deref(),
            kind: p.kind.map(|k| k.name()),
            citations: p.citations,
            thumbnail: p.thumbnail.as_deref(),
            summary: p.summary.as_deref(),
            bibtex: p.bibtex.as_deref(),
        }
    }
}

/// The snapshot as format v1 JSON.
pub fn to_json(snapshot: &Snapshot) -> String {
    let out = SnapshotOut {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        title: snapshot.title.as_deref(),
        description: snapshot.description.as_deref(),
        generated: snapshot.generated.as_deref(),
        source: snapshot.source.as_deref(),
        highlight_authors: &snapshot.highlight_authors,
        sources: &snapshot.sources,
        papers: snapshot.papers.iter().map(PaperOut::from).collect(),
    };
    let mut json = serde_json::to_string_pretty(&out).expect("a snapshot always serializes");
    json.push('\n');
    json
}
