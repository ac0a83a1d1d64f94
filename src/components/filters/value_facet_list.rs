//! A facet over named values: topics, venues or author names.

use leptos::prelude::*;
use paperdeck_core::labels::{facet_note, thousands};
use paperdeck_core::ValueFacet;

use crate::scoped_memo::scoped_memo;
use crate::state::{use_results, use_view};

/// How many entries a facet lists before its filter box narrows them.
const SHOWN: usize = 8;

/// The most common values of `facet` among the results (every filter but this facet's
/// own), with counts; chosen values first. A facet with more values than it lists has a
/// filter box that searches all of them. Not shown when no paper has a value.
#[component]
pub fn ValueFacetList(facet: ValueFacet) -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let loaded = results.loaded.clone();
    if !loaded.catalog.has_values(facet) {
        return None;
    }
    let needle = RwSignal::new(String::new());
    let after_paint = results.after_paint;
    // Counted only here, when the facet is on the page: the author facet of a large
    // snapshot has many thousands of names. Under the filter panel the answer comes a frame
    // after the view (`after_paint`): the view is read when the answer is, not on its own,
    // so each change is counted once.
    let entries = Memo::new(move |_| {
        let n = needle.get();
        let count = |v: &_| results.result.with(|r| loaded.catalog.facet_entries(facet, v, r, &n, SHOWN));
        match after_paint {
            Some(tick) => {
                tick.track();
                ctx.view.with_untracked(count)
            }
            None => ctx.view.with(count),
        }
    });
    // Test hooks; `author-facet` is the author-count facet's.
    let name = match facet {
        ValueFacet::Tag => "tag",
        ValueFacet::Venue => "venue",
        ValueFacet::Author => "author-name",
    };
    let names = facet.plural();
    let filter_label = format!("Filter {names}");
    let testid = format!("{name}-facet");
    let searchable = Memo::new(move |_| entries.with(|e| e.total > SHOWN) || !needle.with(String::is_empty));
    // "Clear all" also clears the filter box, so every facet starts over. Only a box with
    // text is cleared: setting it notifies, and the entries would be counted again at once
    // (on each keystroke that leaves the view un-narrowed, with the answer of the last tick).
    Effect::new(move |_| {
        if !ctx.view.with(|v| v.is_narrowed()) && !needle.with_untracked(String::is_empty) {
            needle.set(String::new());
        }
    });
    Some(view! {
        <fieldset class="facet value-facet">
            <legend>{facet.label()}</legend>
            <Show when=move || searchable.get()>
                <input
                    type="search"
                    class="facet-filter"
                    data-testid=format!("{name}-facet-filter")
                    placeholder=filter_label.clone()
                    aria-label=filter_label.clone()
                    prop:value=move || needle.get()
                    on:input=move |ev| needle.set(event_target_value(&ev))
                />
            </Show>
            <ul class="facet-list" data-testid=testid>
                <For
                    each=move || entries.get().entries
                    // Keyed without the count, which follows the answer in place: a
                    // keystroke changes counts, and rebuilding every entry for that would
                    // cost more than the search.
                    key=|e| (e.label.clone(), e.selected, e.member)
                    children=move |entry| {
                        let label = entry.label.clone();
                        // Read through a memo of its own, which leaves with the entry
                        // (see `crate::scoped_memo`).
                        let count = {
                            let label = label.clone();
                            scoped_memo(move |_| {
                                entries.with(|e| e.entries.iter().find(|x| x.label == label).map_or(0, |x| x.count))
                            })
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="facet-option"
                                    class:empty=move || count.get() == 0
                                    aria-pressed=entry.selected.to_string()
                                    data-value=entry.label.clone()
                                    on:click=move |_| ctx.toggle_value(facet, &label)
                                >
                                    <span class="facet-label">
                                        {if entry.member {
                                            view! {
                                                <strong data-highlighted="">{entry.label.clone()}</strong>
                                                <span class="visually-hidden">" (lab member)"</span>
                                            }
                                            .into_any()
                                        } else {
                                            entry.label.clone().into_any()
                                        }}
                                    </span>
                                    <span class="facet-count">{move || thousands(count.get() as usize)}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <p class="facet-note">
                {move || entries.with(|e| facet_note(e.entries.len(), e.matching, e.total, names))}
            </p>
        </fieldset>
    })
}
