//! The explorer page: header, toolbar, notices, filters, results, footer.

use std::sync::Arc;

use leptos::prelude::*;

use super::shortcut_help::ShortcutHelp;
use super::site_footer::SiteFooter;
use crate::components::embed::embed_view::EmbedView;
use crate::components::filters::FilterPanel;
use crate::components::notices::foreign_source::ForeignSourceNotice;
use crate::components::notices::load_notice::LoadNotice;
use crate::components::notices::new_papers_notice::NewPapersNotice;
use crate::components::notices::url_notice::UrlNoticeBar;
use crate::components::results::active_filters::ActiveFilters;
use crate::components::results::paper_list::PaperList;
use crate::components::results::related_summary::RelatedSummary;
use crate::components::results::result_summary::ResultSummary;
use crate::components::results::suggestions::Suggestions;
use crate::components::results::timeline::Timeline;
use crate::components::toolbar::Toolbar;
use crate::load::Loaded;
use crate::state::{provide_new_papers, provide_results, provide_shortcuts, use_view};

/// The loaded collection: header, toolbar, filters and the results.
#[component]
pub fn Explorer(loaded: Arc<Loaded>) -> impl IntoView {
    let ctx = use_view();
    provide_new_papers(&loaded, ctx.view.with_untracked(|v| v.embed));
    let awaiting_index = provide_results(loaded.clone()).awaiting_index;

    if ctx.view.with_untracked(|v| v.embed) {
        return view! { <EmbedView/> }.into_any();
    }
    crate::page_title::follow_view_in_title();
    let shortcuts = provide_shortcuts();
    crate::keyboard::listen_for_shortcuts(shortcuts);
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
        {loaded.foreign_origin.clone().map(|origin| view! { <ForeignSourceNotice origin/> })}
        <Toolbar/>
        <UrlNoticeBar/>
        <NewPapersNotice/>
        {has_problems.then(|| view! {
            <LoadNotice
                url=loaded.url.clone()
                problems=loaded.problems.clone()
                notes=loaded.notes.clone()
                skipped=loaded.skipped
            />
        })}
        // While a search waits for the index, what is shown is not its answer: dimmed until
        // it is (and the list busy, `PaperList`).
        <div class="explorer" class:awaiting-index=move || awaiting_index.get()>
            <FilterPanel/>
            <section class="results" aria-label="Results">
                <Timeline/>
                <RelatedSummary/>
                <ResultSummary/>
                <ActiveFilters/>
                <Suggestions/>
                <PaperList/>
            </section>
        </div>
        <SiteFooter loaded/>
        <ShortcutHelp shortcuts/>
    }
    .into_any()
}
