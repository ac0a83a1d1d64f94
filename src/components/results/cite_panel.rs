//! "Cite" on an opened card: the paper's BibTeX, a reference and its permalink.

use leptos::prelude::*;
use paperdeck_core::{bibtex_entry, permalink, reference, CiteKeys};

use crate::components::widgets::copy_button::CopyButton;
use crate::state::{current_url, use_results, use_shortcuts, use_view};

/// A "Cite" button that shows, for paper `index`: its BibTeX entry (the original one
/// when it came from BibTeX, else made from its fields), a reference in the ACM style and
/// the link that opens it, each with a copy button.
#[component]
pub fn CitePanel(index: u32) -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let paper = results.loaded.catalog.paper(index);
    let open = RwSignal::new(false);
    // `c` on this card opens the panel (crate::keyboard).
    if let Some(shortcuts) = use_shortcuts() {
        Effect::new(move |_| {
            if shortcuts.cite_request.get() == Some(index) {
                open.set(true);
                shortcuts.cite_request.set(None);
            }
        });
    }
    let bibtex = bibtex_entry(paper, &mut CiteKeys::new());
    let text = reference(paper);
    let id = paper.id.clone();
    let link = Signal::derive(move || ctx.view.with(|v| permalink(&current_url(), v, &id)));
    let panel_id = format!("cite-{}", paper.id);
    view! {
        <div class="cite">
            <button
                type="button"
                class="button cite-toggle"
                data-testid="cite"
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Cite"
            </button>
            <Show when=move || open.get()>
                <section class="cite-panel" id=panel_id.clone() aria-label="Cite this paper" data-testid="cite-panel">
                    <h3>"BibTeX"</h3>
                    <pre class="cite-bibtex" data-testid="cite-bibtex">{bibtex.clone()}</pre>
                    <CopyButton
                        text=Signal::derive({
                            let b = bibtex.clone();
                            move || b.clone()
                        })
                        label="Copy BibTeX"
                        copied_label="BibTeX copied"
                        testid="copy-bibtex"
                        announcement="BibTeX copied"
                    />
                    <h3>"Reference (ACM)"</h3>
                    <p class="cite-reference" data-testid="cite-reference">{text.clone()}</p>
                    <CopyButton
                        text=Signal::derive({
                            let t = text.clone();
                            move || t.clone()
                        })
                        label="Copy reference"
                        copied_label="Reference copied"
                        testid="copy-reference"
                        announcement="Reference copied"
                    />
                    <h3>"Link"</h3>
                    <p class="cite-link"><a data-testid="cite-permalink" href=move || link.get()>{move || link.get()}</a></p>
                    <CopyButton
                        text=link
                        label="Copy link to this paper"
                        copied_label="Link copied"
                        testid="copy-permalink"
                        announcement="Link to this paper copied"
                    />
                </section>
            </Show>
        </div>
    }
}
