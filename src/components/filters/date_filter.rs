//! The date filter: from/to inputs and "last …" presets.

use leptos::prelude::*;
use paperdeck_core::labels::{date_entry_error, DATES_REVERSED, DATE_PRESETS};
use paperdeck_core::PartialDate;

use crate::state::{use_results, use_view, DateBound};

/// From/to dates (YYYY, YYYY-MM or YYYY-MM-DD) and presets counted back from the newest
/// paper, so a shared "last 30 days" view shows the same papers tomorrow.
#[component]
pub fn DateFilter() -> impl IntoView {
    let ctx = use_view();
    let newest = use_results().loaded.catalog.newest_date();
    // What is wrong with each bound as typed, or with the two together, said under both.
    let from_error = RwSignal::new(None::<String>);
    let to_error = RwSignal::new(None::<String>);
    view! {
        <fieldset class="facet">
            <legend>"Published"</legend>
            <div class="date-inputs">
                <DateInput label="From" testid="date-from" bound=DateBound::From error=from_error/>
                <DateInput label="To" testid="date-to" bound=DateBound::To error=to_error/>
            </div>
            <p class="field-hint date-error" id="date-error" data-testid="date-error" aria-live="polite">
                {move || {
                    from_error
                        .get()
                        .or_else(|| to_error.get())
                        .or_else(|| ctx.view.with(|v| v.dates_reversed()).then(|| DATES_REVERSED.to_string()))
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

/// One date bound; an invalid entry is flagged, said in `error` and leaves the filter
/// unchanged, until the bound is typed again or changes otherwise (a preset, a year, Back).
#[component]
fn DateInput(
    label: &'static str,
    testid: &'static str,
    bound: DateBound,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = use_view();
    let current = Memo::new(move |_| {
        ctx.view.with(|v| match bound {
            DateBound::From => v.from,
            DateBound::To => v.to,
        })
    });
    Effect::new(move |_| {
        current.track();
        error.set(None);
    });
    view! {
        <label class="date-input">
            <span>{label}</span>
            <input
                type="text"
                inputmode="numeric"
                placeholder="YYYY-MM-DD"
                data-testid=testid
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=move || error.with(|e| e.is_some().then_some("date-error"))
                prop:value=move || current.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let text = text.trim();
                    let parsed = if text.is_empty() { Some(None) } else { PartialDate::parse(text).map(Some) };
                    match parsed {
                        Some(date) => {
                            error.set(None);
                            ctx.set_date(bound, date);
                        }
                        None => error.set(Some(date_entry_error(text))),
                    }
                }
            />
        </label>
    }
}
