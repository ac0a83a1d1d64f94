use leptos::prelude::*;
use paperdeck_core::display::abstract_needs_toggle;

/// An abstract clamped to a few lines, with a toggle when it is long.
#[component]
pub fn AbstractText(paper_id: String, text: String) -> impl IntoView {
    let needs_toggle = abstract_needs_toggle(&text);
    let expanded = RwSignal::new(false);
    let dom_id = format!("abstract-{paper_id}");
    view! {
        <div class="abstract">
            <p
                id=dom_id.clone()
                class="abstract-text"
                class:clamped=move || needs_toggle && !expanded.get()
                data-testid="abstract"
            >
                {text}
            </p>
            {needs_toggle.then(|| view! {
                <button
                    type="button"
                    class="abstract-toggle"
                    data-testid="abstract-toggle"
                    aria-controls=dom_id
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() { "Show less" } else { "Show more" }}
                </button>
            })}
        </div>
    }
}
