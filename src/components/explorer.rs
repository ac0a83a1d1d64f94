use std::sync::Arc;

use leptos::prelude::*;
use paperdeck_core::Query;

use super::embed_view::EmbedView;
use super::filter_panel::FilterPanel;
use super::load_notice::LoadNotice;
use super::paper_list::PaperList;
use super::result_summary::ResultSummary;
use super::site_footer::SiteFooter;
use super::suggestions::Suggestions;
use super::toolbar::Toolbar;
use super::url_notice::UrlNoticeBar;
use crate::load::Loaded;
use crate::url_sync::use_view;

/// What every result component reads: the collection, and the core's answer to the current
/// view, computed once per change of the view.
#[derive(Clone)]
pub struct Results {
    pub loaded: Arc<Loaded>,
    pub result: Memo<paperdeck_core::SearchResult>,
    pub query: Memo<Query>,
}

/// The loaded collection: header, toolbar, filters and the results.
#[component]
pub fn Explorer(loaded: Arc<Loaded>) -> impl IntoView {
    let ctx = use_view();
    let catalog_for_search = loaded.clone();
    let result = Memo::new(move |_| ctx.view.with(|v| timed_search(&catalog_for_search, v)));
    let query = Memo::new(move |_| ctx.view.with(|v| Query::parse(&v.query)));
    provide_context(Results { loaded: loaded.clone(), result, query });

    if ctx.view.with_untracked(|v| v.embed) {
        return view! { <EmbedView/> }.into_any();
    }
    let snapshot = &loaded.catalog.snapshot;
    let title = snapshot.title.clone().unwrap_or_else(|| "Papers".into());
    let description = snapshot.description.clone();
    let has_problems = !loaded.problems.is_empty() || !loaded.notes.is_empty();
    view! {
        <header class="site-header">
            <p class="brand">"Paperdeck"</p>
            <h1>{title}</h1>
            {description.map(|d| view! { <p class="description">{d}</p> })}
        </header>
        <Toolbar/>
        <UrlNoticeBar/>
        {has_problems.then(|| view! {
            <LoadNotice
                url=loaded.url.clone()
                problems=loaded.problems.clone()
                notes=loaded.notes.clone()
                skipped=loaded.skipped
            />
        })}
        <div class="explorer">
            <FilterPanel/>
            <section class="results" aria-label="Results">
                <ResultSummary/>
                <Suggestions/>
                <PaperList/>
            </section>
        </div>
        <SiteFooter loaded/>
    }
    .into_any()
}

pub fn use_results() -> Results {
    expect_context::<Results>()
}

/// Runs the core's search and leaves its duration as a User Timing measure named
/// `paperdeck:search` (DevTools shows it; `make bench` reads it). Only the latest is kept.
fn timed_search(loaded: &Loaded, view: &paperdeck_core::ViewState) -> paperdeck_core::SearchResult {
    let performance = window().performance();
    if let Some(p) = &performance {
        let _ = p.mark("paperdeck:search-start");
    }
    let result = loaded.catalog.search(view);
    if let Some(p) = &performance {
        p.clear_measures_with_measure_name("paperdeck:search");
        let _ = p.measure_with_start_mark("paperdeck:search", "paperdeck:search-start");
        p.clear_marks_with_mark_name("paperdeck:search-start");
    }
    result
}
