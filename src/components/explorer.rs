use std::sync::Arc;

use leptos::prelude::*;

use super::load_notice::LoadNotice;
use super::paper_list::PaperList;
use super::site_footer::SiteFooter;
use crate::load::Loaded;

/// The loaded collection: its header, any load notice, and the list of papers.
#[component]
pub fn Explorer(loaded: Arc<Loaded>) -> impl IntoView {
    let snapshot = &loaded.catalog.snapshot;
    let title = snapshot.title.clone().unwrap_or_else(|| "Papers".into());
    let description = snapshot.description.clone();
    let has_problems = !loaded.problems.is_empty() || !loaded.notes.is_empty();
    let count = loaded.catalog.len();
    view! {
        <header class="site-header">
            <p class="brand">"Paperdeck"</p>
            <h1>{title}</h1>
            {description.map(|d| view! { <p class="description">{d}</p> })}
            <p class="count">
                <span data-testid="result-count">{count}</span>
                {if count == 1 { " paper" } else { " papers" }}
                ", newest first"
            </p>
        </header>
        {has_problems.then(|| view! {
            <LoadNotice
                url=loaded.url.clone()
                problems=loaded.problems.clone()
                notes=loaded.notes.clone()
                skipped=loaded.skipped
            />
        })}
        <PaperList loaded=loaded.clone()/>
        <SiteFooter loaded/>
    }
}
