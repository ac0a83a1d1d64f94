//! The date filter: from/to inputs and "last …" presets.

use leptos::prelude::*;
use paperdeck_core::labels::{date_filter_note, DATE_PRESETS};
use paperdeck_core::PartialDate;

use crate::state::{use_results, use_view, DateBound};

/// From/to dates (YYYY, YYYY-MM or YYYY-MM-DD) and presets counted back from the newest
/// paper, so a shared "last 30 days" view shows the same papers tomorrow.
#[component]
pub fn DateFilter() -> impl IntoView {
    let ctx = use_view();
    let newest = use_results().loaded.catalog.newest_date();
    // The text typed for each bound that is not a date; with the view's bounds, what the
    // note under both says (the core's `date_filter_note`).
    let from_wrong = RwSignal::new(None::<String>);
    let to_wrong = RwSignal::new(None::<String>);
    view! {
        <fieldset class="facet">
            <legend>"Published"</legend>
            <div class="date-inputs">
                <DateInput label="From" testid="date-from" bound=DateBound::From wrong=from_wrong/>
                <DateInput label="To" testid="date-to" bound=DateBound::To wrong=to_wrong/>
            </div>
            <p class="field-hint date-error" id="date-error" data-testid="date-error" aria-live="polite">
                {move || {
                    from_wrong.with(|from| {
                        to_wrong.with(|to| ctx.view.with(|v| date_filter_note(from.as_deref(), to.as_deref(), v)))
                    })
                }}
            </p>
            {newest.map(|newest| view! {
                <div class="presets" role="group" aria-label="Date presets">
                    <span class="preset-label">"Last"</span>
                    {DATE_PRESETS
                        .into_iter()
                        .map(|(preset, label)| {
                            let from = preset.from_bound(newest);
                            let active = move || ctx.view.with(|v| v.is_since(from));
                            view! {
                                <button
                                    type="button"
                                    class="chip"
                                    data-testid=format!("preset-{}", label.replace(' ', "-"))
                                    aria-pressed=move || active().to_string()
                                    on:click=move |_| ctx.set_since(from, !active())
                                >
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            })}
        </fieldset>
    }
}

/// One date bound; an entry that is not a date is flagged, kept in `wrong` and leaves the
/// filter unchanged, until the bound is typed again or changes otherwise (a preset, a
/// year, Back), or the filters are cleared: then the box shows the view's bound again.
#[component]
fn DateInput(
    label: &'static str,
    testid: &'static str,
    bound: DateBound,
    wrong: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = use_view();
    let current = Memo::new(move |_| {
        ctx.view.with(|v| match bound {
            DateBound::From => v.from,
            DateBound::To => v.to,
        })
    });
    let filtered = Memo::new(move |_| ctx.view.with(|v| v.is_filtered()));
    let input = NodeRef::<leptos::html::Input>::new();
    // Compared with the last run, not only tracked: the effect may run again with the
    // bound and the filters as they were (typing a search did that), which must keep what
    // was typed wrong.
    Effect::new(move |last: Option<(Option<PartialDate>, bool)>| {
        let now = (current.get(), filtered.get());
        if last.is_some_and(|last| last != now) && wrong.get_untracked().is_some() {
            wrong.set(None);
            if let Some(input) = input.get_untracked() {
                input.set_value(&now.0.map(|d| d.to_string()).unwrap_or_default());
            }
        }
        now
    });
    view! {
        <label class="date-input">
            <span>{label}</span>
            <input
                type="text"
                inputmode="numeric"
                placeholder="YYYY-MM-DD"
                data-testid=testid
                node_ref=input
                aria-invalid=move || wrong.with(Option::is_some).to_string()
                aria-describedby=move || wrong.with(|w| w.is_some().then_some("date-error"))
                prop:value=move || current.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let text = text.trim();
                    let parsed = if text.is_empty() { Some(None) } else { PartialDate::parse(text).map(Some) };
                    match parsed {
                        Some(date) => {
                            wrong.set(None);
                            ctx.set_date(bound, date);
                        }
                        None => wrong.set(Some(text.to_string())),
                    }
                }
            />
        </label>
    }
}
