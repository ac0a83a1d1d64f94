//! What shows when the snapshot cannot be used.

use leptos::prelude::*;

use crate::load::DEFAULT_SNAPSHOT_URL;
use crate::state::{href_for, use_view};

/// The snapshot could not be used at all: say what failed and where, never a blank page;
/// and what its publisher can do: check a file that arrived but is not a valid snapshot,
/// or see that the address serves one (`fetched` false: refused, missing, unreachable).
/// A reader who followed a link to another snapshot (`data`) gets a way to this site's own
/// papers, in the same view but for the other file's papers (`paper`, `related`).
#[component]
pub fn LoadError(url: String, message: String, fetched: bool) -> impl IntoView {
    let hint = if fetched {
        view! {
            "If you publish this page, check that the snapshot is valid with "
            <code>{format!("paperdeck check {}", url.rsplit('/').next().unwrap_or(&url))}</code> "."
        }
        .into_any()
    } else {
        view! { "If you publish this page, check that this address serves the snapshot, from this page's own site." }.into_any()
    };
    let ctx = use_view();
    // Not for the site's own file itself; without the ids of the other file's papers.
    let own_papers = ctx.view.with_untracked(|v| {
        v.data.as_deref().filter(|d| *d != DEFAULT_SNAPSHOT_URL).map(|_| {
            href_for(&v.with(|v| {
                v.data = None;
                v.paper = None;
                v.related = None;
            }))
        })
    });
    view! {
        <section class="load-error" role="alert" data-testid="load-error">
            <h1>"Papers could not be loaded"</h1>
            <p>
                "Paperdeck could not read " <code>{url.clone()}</code> ": " {message} "."
            </p>
            <p class="hint">{hint}</p>
            {own_papers.map(|href| view! {
                <p><a href=href data-testid="own-papers">"Show this site's own papers instead"</a></p>
            })}
        </section>
    }
}
