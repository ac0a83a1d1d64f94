//! The results context: the loaded collection and the core's answer to the current view,
//! computed once per change of the view and read by every result component.

use std::sync::Arc;

use leptos::prelude::*;
use paperdeck_core::seen::NewPapers;
use paperdeck_core::{Query, SearchResult, ViewState};

use super::new_papers::use_new_papers;
use super::view::use_view;
use crate::load::Loaded;

/// What every result component reads.
#[derive(Clone)]
pub struct Results {
    pub loaded: Arc<Loaded>,
    pub result: Memo<SearchResult>,
    /// The parsed query, for highlighting.
    pub query: Memo<Query>,
}

/// Answers the current view from `loaded` and provides the answer to the components below.
pub fn provide_results(loaded: Arc<Loaded>) -> Results {
    let view = use_view().view;
    let new = use_new_papers().new;
    let for_search = loaded.clone();
    let result = Memo::new(move |_| new.with(|n| view.with(|v| timed_search(&for_search, v, n))));
    let query = Memo::new(move |_| view.with(|v| Query::parse(&v.query)));
    let results = Results { loaded, result, query };
    provide_context(results.clone());
    results
}

pub fn use_results() -> Results {
    expect_context::<Results>()
}

/// Runs the core's search and leaves its duration as a User Timing measure named
/// `paperdeck:search` (DevTools shows it; `make bench` reads it). Only the latest is kept.
fn timed_search(loaded: &Loaded, view: &ViewState, new: &NewPapers) -> SearchResult {
    let performance = window().performance();
    if let Some(p) = &performance {
        let _ = p.mark("paperdeck:search-start");
    }
    let result = loaded.catalog.search_with(view, new);
    if let Some(p) = &performance {
        p.clear_measures_with_measure_name("paperdeck:search");
        let _ = p.measure_with_start_mark("paperdeck:search", "paperdeck:search-start");
        p.clear_marks_with_mark_name("paperdeck:search-start");
    }
    result
}
