//! The results context: the loaded collection and the core's answer to the current view,
//! computed once per change of the view and read by every result component.

use std::sync::Arc;

use leptos::prelude::*;
use paperdeck_core::seen::NewPapers;
use paperdeck_core::{Query, SearchResult, ViewState};

use super::new_papers::use_new_papers;
use super::view::use_view;
use crate::after_paint::after_next_paint;
use crate::load::Loaded;

/// What every result component reads.
#[derive(Clone)]
pub struct Results {
    pub loaded: Arc<Loaded>,
    pub result: Memo<SearchResult>,
    /// The parsed query, for highlighting.
    pub query: Memo<Query>,
    /// True while the view's search waits for the catalog's index
    /// (`SearchResult::awaiting_index`): what `result` shows is not its answer yet.
    pub awaiting_index: Memo<bool>,
    /// For parts that follow the answer a frame later ([`results_after_paint`]): ticks when
    /// `result` does. `None` for the answer itself.
    pub after_paint: Option<ReadSignal<u64>>,
}

/// Answers the current view from `loaded` and provides the answer to the components below.
pub fn provide_results(loaded: Arc<Loaded>) -> Results {
    let view = use_view().view;
    let new = use_new_papers().new;
    let for_search = loaded.clone();
    // A search typed before the catalog has its index is answered again once it has.
    let result = Memo::new(move |_| {
        for_search.index_built.track();
        new.with(|n| view.with(|v| timed_search(&for_search, v, n)))
    });
    let query = Memo::new(move |_| view.with(|v| Query::parse(&v.query)));
    let awaiting_index = Memo::new(move |_| result.with(|r| r.awaiting_index));
    let results = Results { loaded, result, query, awaiting_index, after_paint: None };
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

/// The answer as the parts beside the list read it (the filter panel): as it stands in the
/// task after the frame that showed it ([`after_next_paint`]), so their counts do not delay
/// that frame; while answers come faster than frames, the last one, once per frame. Give it
/// to those parts only, with `<Provider>` (a context provided without one would reach every
/// component built after them on the page, the cards too). A part that also reads the view
/// reads it untracked and tracks [`Results::after_paint`] (which ticks after each change of
/// the view too), so it counts each change once, with the view and the answer that go
/// together.
pub fn results_after_paint() -> Results {
    let results = use_results();
    let view = use_view().view;
    let answer = results.result;
    let tick = after_next_paint(move || {
        answer.track();
        view.track();
    });
    let result = Memo::new(move |_| {
        tick.track();
        answer.get_untracked()
    });
    Results { result, after_paint: Some(tick), ..results }
}
