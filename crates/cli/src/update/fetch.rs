//! Fetching one source: the requests it takes (paged as its service pages), each answer
//! read by the importer of its format (`hf_api`, `arxiv_atom`, `bibtex`). A source gives
//! all its pages or an error: one request that fails after its retries, or one answer
//! that its importer cannot read, fails the whole source.

use roxmltree::Document;

use crate::import::readers::{arxiv_atom, bibtex, hf_api};
use crate::import::{ImportOptions, Parsed};
use crate::update::http::{next_link, query_encode, Client};
use crate::update::spec::{Day, SourceSpec};

/// Where each service is. Real services unless overridden, which is for tests only
/// (docs/updating.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bases {
    /// The Hugging Face API: `{hf}/daily_papers?date=…`.
    pub hf: String,
    /// The arXiv API's query endpoint: `{arxiv}?search_query=…`.
    pub arxiv: String,
    /// The Zotero web API: `{zotero}/groups/ID/items/top?…`.
    pub zotero: String,
}

impl Default for Bases {
    fn default() -> Self {
        Self {
            hf: "https://huggingface.co/api".into(),
            arxiv: "https://export.arxiv.org/api/query".into(),
            zotero: "https://api.zotero.org".into(),
        }
    }
}

/// Papers per request: Hugging Face's `limit`, arXiv's `max_results`, Zotero's `limit`.
pub const PAGE_SIZE: usize = 100;
/// Requests one source makes at most for one day (Hugging Face) or in all (arXiv, Zotero).
pub const MAX_PAGES: usize = 200;

/// What the fetch needs besides the spec.
#[derive(Clone)]
pub struct FetchContext<'a> {
    pub client: &'a Client,
    pub bases: &'a Bases,
    /// The Zotero API key (from `ZOTERO_API_KEY`), sent as `Zotero-API-Key`.
    pub zotero_key: Option<&'a str>,
    /// The last day `hf-daily` fetches when its range is open.
    pub today: Day,
    /// Fetch every day of an `hf-daily` range again, not only those after the last fetched.
    pub refetch: bool,
}

/// One answer, read.
#[derive(Clone, Debug)]
pub struct FetchedPage {
    /// Which request it answered: `2025-01-03 page 0`, `start=100`, `page 2`.
    pub label: String,
    pub parsed: Parsed,
}

/// All a source gave.
#[derive(Clone, Debug)]
pub struct Fetched {
    pub pages: Vec<FetchedPage>,
    /// Requests made, retries included.
    pub requests: u32,
    /// The spec to keep in the snapshot: for `hf-daily`, with the last day fetched.
    pub spec_after: SourceSpec,
}

impl Fetched {
    pub fn entries(&self) -> usize {
        self.pages.iter().map(|p| p.parsed.entries()).sum()
    }
}

/// Fetches every page of `spec`; `progress` hears a line after each request.
pub fn fetch(
    spec: &SourceSpec,
    cx: &FetchContext,
    progress: &mut dyn FnMut(String),
) -> Result<Fetched, String> {
    match spec {
        SourceSpec::HfDaily { from, to, through } => hf_daily(cx, *from, *to, *through, progress),
        SourceSpec::Arxiv { query } => arxiv(cx, spec, query, progress),
        SourceSpec::Zotero { library, collection } => {
            zotero(cx, spec, library, collection.as_deref(), progress)
        }
    }
}

/// The days an `hf-daily` spec asks for now: from the last day fetched (its list may have
/// grown since), or from its first day, to its last day or today.
pub fn hf_days(from: Day, to: Option<Day>, through: Option<Day>, today: Day, refetch: bool) -> (Day, Day) {
    let start = match through {
        Some(t) if !refetch => t.max(from),
        _ => from,
    };
    (start, to.unwrap_or(today).min(today))
}

fn hf_daily(
    cx: &FetchContext,
    from: Day,
    to: Option<Day>,
    through: Option<Day>,
    progress: &mut dyn FnMut(String),
) -> Result<Fetched, String> {
    let (start, end) = hf_days(from, to, through, cx.today, cx.refetch);
    let mut fetched =
        Fetched { pages: Vec::new(), requests: 0, spec_after: SourceSpec::HfDaily { from, to, through } };
    let days = (end.0 - start.0 + 1).max(0);
    let mut day = start;
    while day <= end {
        for p in 0..MAX_PAGES {
            let url = format!("{}/daily_papers?date={day}&limit={PAGE_SIZE}&p={p}", cx.bases.hf);
            let page = cx.client.get(&url, &[("Accept", "application/json")]).map_err(|e| e.to_string())?;
            fetched.requests += page.attempts;
            let label = format!("{day} page {p}");
            let parsed = hf_api::parse(&page.body).map_err(|e| format!("{url}: line {e}"))?;
            let full = parsed.entries() >= PAGE_SIZE;
            fetched.pages.push(FetchedPage { label, parsed });
            progress(format!("{day} ({} of {days} days), {} papers", day.0 - start.0 + 1, fetched.entries()));
            if !full {
                break;
            }
        }
        day = day.next();
    }
    if start <= end {
        fetched.spec_after = SourceSpec::HfDaily { from, to, through: Some(end) };
    }
    Ok(fetched)
}

fn arxiv(
    cx: &FetchContext,
    spec: &SourceSpec,
    query: &str,
    progress: &mut dyn FnMut(String),
) -> Result<Fetched, String> {
    let mut fetched = Fetched { pages: Vec::new(), requests: 0, spec_after: spec.clone() };
    let mut start = 0;
    for _ in 0..MAX_PAGES {
        if start > 0 {
            // arXiv's terms of use: no more than one request every three seconds.
            std::thread::sleep(cx.client.timing.arxiv_interval);
        }
        let url = format!(
            "{}?search_query={}&start={start}&max_results={PAGE_SIZE}&sortBy=submittedDate&sortOrder=ascending",
            cx.bases.arxiv,
            query_encode(query)
        );
        let page = cx.client.get(&url, &[]).map_err(|e| e.to_string())?;
        fetched.requests += page.attempts;
        let parsed = arxiv_atom::parse(&page.body, &ImportOptions::default())
            .map_err(|e| format!("{url}: line {e}"))?;
        let total = total_results(&page.body);
        let n = parsed.entries();
        let mut parsed = parsed;
        // The importer's note that more pages exist is about a saved file, not this fetch.
        parsed.notes.retain(|n| !n.message.contains("ask the API for the next pages"));
        fetched.pages.push(FetchedPage { label: format!("start={start}"), parsed });
        start += n;
        progress(format!("{start} of {} results", total.map_or("?".into(), |t| t.to_string())));
        if n == 0 || total.is_none_or(|t| start >= t) {
            return Ok(fetched);
        }
    }
    Err(format!("the query has more than {} results; narrow it", MAX_PAGES * PAGE_SIZE))
}

/// `opensearch:totalResults` of an arXiv answer.
fn total_results(xml: &str) -> Option<usize> {
    let doc = Document::parse(xml).ok()?;
    let total = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name(("http://a9.com/-/spec/opensearch/1.1/", "totalResults")))?;
    total.text()?.trim().parse().ok()
}

fn zotero(
    cx: &FetchContext,
    spec: &SourceSpec,
    library: &str,
    collection: Option<&str>,
    progress: &mut dyn FnMut(String),
) -> Result<Fetched, String> {
    let mut fetched = Fetched { pages: Vec::new(), requests: 0, spec_after: spec.clone() };
    let base = cx.bases.zotero.trim_end_matches('/');
    let scope = collection.map_or(String::new(), |k| format!("/collections/{k}"));
    let mut url = format!("{base}/{library}{scope}/items/top?format=bibtex&limit={PAGE_SIZE}");
    let mut headers = vec![("Zotero-API-Version", "3")];
    if let Some(key) = cx.zotero_key {
        headers.push(("Zotero-API-Key", key));
    }
    for p in 0..MAX_PAGES {
        let page = cx.client.get(&url, &headers).map_err(|e| {
            let hint = if e.message.starts_with("HTTP 403") && cx.zotero_key.is_none() {
                "; a private library needs an API key in ZOTERO_API_KEY"
            } else {
                ""
            };
            format!("{e}{hint}")
        })?;
        fetched.requests += page.attempts;
        let parsed =
            bibtex::parse(&page.body, &ImportOptions::default()).map_err(|e| format!("{url}: line {e}"))?;
        fetched.pages.push(FetchedPage { label: format!("page {p}"), parsed });
        progress(format!("{} pages, {} entries", p + 1, fetched.entries()));
        match page.link.as_deref().and_then(next_link) {
            // The key goes only where the library is: a next link elsewhere is refused.
            Some(next) if next.starts_with(&format!("{base}/")) => url = next.to_string(),
            Some(next) => return Err(format!("{url}: the next page is at {next}, not at {base}; refused")),
            None => return Ok(fetched),
        }
    }
    Err(format!("the library has more than {} pages of {PAGE_SIZE} items", MAX_PAGES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hf_days_start_at_the_last_day_fetched_and_end_today() {
        let d = |s| Day::parse(s).unwrap();
        let today = d("2025-03-10");
        let show = |(a, b): (Day, Day)| format!("{a}..{b}");
        assert_eq!(show(hf_days(d("2025-03-01"), None, None, today, false)), "2025-03-01..2025-03-10");
        assert_eq!(
            show(hf_days(d("2025-03-01"), None, Some(d("2025-03-08")), today, false)),
            "2025-03-08..2025-03-10"
        );
        assert_eq!(
            show(hf_days(d("2025-03-01"), None, Some(d("2025-03-08")), today, true)),
            "2025-03-01..2025-03-10"
        );
        assert_eq!(
            show(hf_days(d("2025-03-01"), Some(d("2025-03-05")), Some(d("2025-03-03")), today, false)),
            "2025-03-03..2025-03-05"
        );
        assert_eq!(
            show(hf_days(d("2025-03-01"), Some(d("2025-04-05")), None, today, false)),
            "2025-03-01..2025-03-10"
        );
    }
}
