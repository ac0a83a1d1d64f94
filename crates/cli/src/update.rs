//! `paperdeck update`: keeping a snapshot current from the services papers come from.
//! `spec.rs` reads the source specs, `http.rs` is the client (timeouts, proxies, retries),
//! `fetch.rs` makes each source's requests and reads the answers with the importers of
//! `import/readers/`, and `refresh.rs` folds the papers into the snapshot without losing
//! any. This file joins them: [`apply`] takes what every source gave (or why it failed)
//! and makes the new snapshot and the report's facts; it does no I/O.

pub mod fetch;
pub mod http;
pub mod refresh;
pub mod spec;

use paperdeck_core::Snapshot;

use crate::import::merge::{merge, Merged};
use crate::import::{Location, Note, Skipped};
use fetch::Fetched;
use refresh::{refresh, Refresh};
use spec::{Day, SourceSpec};

/// One source's result, for the report.
#[derive(Clone, Debug)]
pub struct SourceReport {
    /// The spec, as kept in the snapshot after the update.
    pub spec: String,
    /// What it gave, or why it failed.
    pub result: Result<SourceFacts, String>,
}

/// What a source that answered gave.
#[derive(Clone, Debug, Default)]
pub struct SourceFacts {
    pub requests: u32,
    pub entries: usize,
    /// Each page's label with the entries skipped on it.
    pub skipped: Vec<(String, Skipped)>,
    pub notes: Vec<(String, Note)>,
}

/// The new snapshot and what happened.
#[derive(Clone, Debug)]
pub struct UpdateOutcome {
    pub snapshot: Snapshot,
    pub sources: Vec<SourceReport>,
    /// Fetched entries that were one paper (across sources, or one paper in several
    /// daily lists), with the pages they came from.
    pub merged: Vec<(String, Vec<String>)>,
    pub refresh: Refresh,
}

impl UpdateOutcome {
    pub fn failed(&self) -> usize {
        self.sources.iter().filter(|s| s.result.is_err()).count()
    }

    pub fn skipped(&self) -> usize {
        self.sources.iter().filter_map(|s| s.result.as_ref().ok()).map(|f| f.skipped.len()).sum()
    }
}

/// Folds what each source gave into `snapshot`. A failed source adds nothing and keeps its
/// spec as it was; `sources` becomes the specs in order. `generated` becomes `today` when
/// a paper was added or changed.
pub fn apply(
    mut snapshot: Snapshot,
    runs: Vec<(SourceSpec, Result<Fetched, String>)>,
    today: Day,
) -> UpdateOutcome {
    let mut pages: Vec<String> = Vec::new();
    let mut records = Vec::new();
    let mut sources = Vec::with_capacity(runs.len());
    for (spec, result) in runs {
        let (kept, result) = match result {
            Err(e) => (spec.to_string(), Err(e)),
            Ok(fetched) => {
                let mut facts = SourceFacts {
                    requests: fetched.requests,
                    entries: fetched.entries(),
                    ..Default::default()
                };
                for page in fetched.pages {
                    let label = format!("{spec} {}", page.label);
                    facts.skipped.extend(page.parsed.skipped.into_iter().map(|s| (label.clone(), s)));
                    facts.notes.extend(page.parsed.notes.into_iter().map(|n| (label.clone(), n)));
                    records.extend(page.parsed.records.into_iter().map(|r| (pages.len(), r)));
                    pages.push(label);
                }
                (fetched.spec_after.to_string(), Ok(facts))
            }
        };
        sources.push(SourceReport { spec: kept, result });
    }
    let (fresh, merged) = merge(records);
    let merged = merged
        .into_iter()
        .map(|m: Merged| (m.id, m.sources.iter().map(|&(i, at)| place(&pages[i], at)).collect()))
        .collect();
    let refresh = refresh(&mut snapshot, fresh);
    snapshot.sources = sources.iter().map(|s| s.spec.clone()).collect();
    if refresh.changed() {
        snapshot.generated = Some(today.to_string());
    }
    UpdateOutcome { snapshot, sources, merged, refresh }
}

/// `hf-daily:… 2025-01-03 page 0 (record 4)`, `zotero:… page 1:17`.
pub fn place(page: &str, at: Location) -> String {
    match at {
        Location::Line(_) => format!("{page}:{at}"),
        Location::Record(_) => format!("{page} ({at})"),
    }
}
