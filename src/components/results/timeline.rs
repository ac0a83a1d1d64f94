//! The timeline: the results per month (or year) as an inline SVG histogram.

use leptos::html::Div;
use leptos::prelude::*;
use paperdeck_core::{PartialDate, Timeline as Bars, TimelineKey};
use wasm_bindgen::JsCast;

use crate::after_paint::after_next_paint;
use crate::scoped_memo::scoped_memo;
use crate::state::{use_results, use_view};

/// One bar per period from the core's `Timeline` (the date filter's own facet, so every
/// bar stays while a range is chosen, and the chosen ones are highlighted). A click
/// chooses a bar's period (a second click undoes it), a drag across bars a range; on
/// the keyboard the bars are one tab stop: arrows move, Enter or Space chooses, Shift
/// with an arrow extends. Hovering or focusing a bar shows its period and count below.
/// `timeline=0` hides it.
#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    let hidden = Memo::new(move |_| ctx.view.with(|v| v.hide_timeline));
    // The bars follow each answer in the task after the frame that shows its cards
    // (`after_next_paint`), so a keystroke's frame does not wait for them.
    let range = Memo::new(move |_| ctx.view.with(|v| (v.from, v.to)));
    let answered = after_next_paint(move || {
        if !hidden.get() {
            results.result.track();
            range.track();
        }
    });
    let bars = Memo::new(move |_| {
        answered.track();
        let (from, to) = range.get_untracked();
        results.result.with_untracked(|r| Bars::new(&r.facets.months, from, to))
    });
    // The bar under the pointer or holding the focus, whose count the readout shows.
    let pointed = RwSignal::new(None::<usize>);
    // The bar that takes the tab stop: the last one focused, else the chosen range's start.
    let focused = RwSignal::new(None::<usize>);
    // Where Shift with the arrows started extending from, and the range it last set: an
    // extension goes on (in the same history entry) only while the view still has that
    // range, not after Back, Forward or another filter changed the dates.
    let anchor = StoredValue::new(None::<(usize, (PartialDate, PartialDate))>);
    // A drag in progress: the bar it started on, the bar it is over.
    let drag = RwSignal::new(None::<(usize, usize)>);
    let root = NodeRef::<Div>::new();

    let tab_stop = move || {
        bars.with(|t| {
            let last = t.bars.len().saturating_sub(1);
            focused.get().or(t.selected().map(|s| s.0)).unwrap_or(last).min(last)
        })
    };
    let focus_bar = move |k: usize| {
        focused.set(Some(k));
        let Some(root) = root.get_untracked() else { return };
        if let Ok(list) = root.query_selector_all("[data-testid=\"timeline-bar\"]") {
            if let Some(el) = list.item(k as u32).and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok()) {
                let _ = el.focus();
            }
        }
    };
    let choose = move |a: usize, b: usize| {
        let Some((from, to)) = bars.with_untracked(|t| t.range(a, b)) else { return };
        if a == b {
            ctx.toggle_date_range(from, to);
        } else {
            ctx.set_date_range(from, to);
        }
    };
    // The chart, found from the root: with delegated events, `currentTarget` is not it.
    let chart = move || root.get_untracked()?.query_selector(".timeline-chart").ok().flatten();
    let bar_under = move |ev: &web_sys::PointerEvent| -> Option<usize> {
        let svg = chart()?;
        let rect = svg.get_bounding_client_rect();
        let fraction = (f64::from(ev.client_x()) - rect.left()) / rect.width();
        bars.with_untracked(|t| t.bar_at(fraction))
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let Some(k) = bar_under(&ev) else { return };
        drag.set(Some((k, k)));
        if let Some(svg) = chart() {
            let _ = svg.set_pointer_capture(ev.pointer_id());
        }
        // Keep the focus where a click puts it, on the bar, without scrolling.
        ev.prevent_default();
        focus_bar(k);
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let k = bar_under(&ev);
        pointed.set(k);
        if let (Some(k), Some((a, _))) = (k, drag.get_untracked()) {
            drag.set(Some((a, k)));
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let Some((a, _)) = drag.get_untracked() else { return };
        let b = bar_under(&ev).unwrap_or(a);
        drag.set(None);
        anchor.set_value(None);
        focus_bar(b);
        choose(a, b);
    };
    let on_key = move |ev: web_sys::KeyboardEvent, k: usize| {
        let Some(action) = bars.with_untracked(|t| t.key(&ev.key(), ev.shift_key(), k)) else { return };
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        match action {
            TimelineKey::Focus(j) => {
                anchor.set_value(None);
                focus_bar(j);
            }
            TimelineKey::Extend(j) => {
                let shown = ctx.view.with_untracked(|v| (v.from, v.to));
                let extending = anchor.get_value().filter(|(_, set)| (Some(set.0), Some(set.1)) == shown);
                let a = extending.map_or(k, |(a, _)| a);
                focus_bar(j);
                let Some((from, to)) = bars.with_untracked(|t| t.range(a, j)) else { return };
                anchor.set_value(Some((a, (from, to))));
                if extending.is_some() {
                    ctx.extend_date_range(from, to);
                } else {
                    ctx.set_date_range(from, to);
                }
            }
            TimelineKey::Choose => {
                anchor.set_value(None);
                choose(k, k);
            }
        }
    };
    let in_drag = move |k: usize| drag.get().is_some_and(|(a, b)| (a.min(b)..=a.max(b)).contains(&k));
    let width = move || bars.with(|t| t.bars.len().max(1) * 10);
    let bar = move |k: usize| {
        // A bar reads `bars` only through memos of its own, which leave with it (see
        // `crate::scoped_memo`); `bars` changes on every keystroke.
        let this = scoped_memo(move |_| bars.with(|t| (t.bars.get(k).cloned(), t.fill_attributes(k))));
        let is_tab_stop = scoped_memo(move |_| tab_stop() == k);
        let get = move |f: fn(&paperdeck_core::TimelineBar) -> String| {
            move || this.with(|(b, _)| b.as_ref().map(f).unwrap_or_default())
        };
        let in_range = move || this.with(|(b, _)| b.as_ref().is_some_and(|b| b.in_range));
        view! {
            <g
                class="timeline-bar"
                class:in-range=in_range
                class:dragged=move || in_drag(k)
                data-testid="timeline-bar"
                data-from=get(|b| b.from.to_string())
                data-to=get(|b| b.to.to_string())
                data-count=get(|b| b.count.to_string())
                role="button"
                tabindex=move || if is_tab_stop.get() { "0" } else { "-1" }
                aria-label=get(|b| b.description())
                aria-pressed=move || in_range().to_string()
                on:keydown=move |ev| on_key(ev, k)
                on:focus=move |_| {
                    focused.set(Some(k));
                    pointed.set(Some(k));
                }
                on:blur=move |_| pointed.set(None)
            >
                <rect class="timeline-hit" x=(k * 10).to_string() y="0" width="10" height="100"></rect>
                <rect
                    class="timeline-fill"
                    x=(k * 10 + 1).to_string()
                    width="8"
                    y=move || this.with(|(_, (y, _))| y.clone())
                    height=move || this.with(|(_, (_, height))| height.clone())
                ></rect>
            </g>
        }
    };
    let first_label = move || bars.with(|t| t.bars.first().map(|b| b.label.clone()).unwrap_or_default());
    // One bar: its period once, not at both ends.
    let last_label = move || {
        bars.with(|t| t.bars.last().filter(|_| t.bars.len() > 1).map(|b| b.label.clone()).unwrap_or_default())
    };
    let shown = move || !hidden.get() && bars.with(|t| !t.bars.is_empty() || t.undated > 0);
    view! {
        <Show when=shown>
            <div
                class="timeline"
                data-testid="timeline"
                role="group"
                aria-label=move || bars.with(Bars::label)
                node_ref=root
            >
                <Show when=move || bars.with(|t| !t.bars.is_empty())>
                    <svg
                        class="timeline-chart"
                        class:has-range=move || bars.with(|t| t.selected().is_some())
                        viewBox=move || format!("0 0 {} 100", width())
                        preserveAspectRatio="none"
                        on:pointerdown=on_down
                        on:pointermove=on_move
                        on:pointerup=on_up
                        on:pointercancel=move |_| drag.set(None)
                        on:pointerleave=move |_| {
                            if drag.get_untracked().is_none() {
                                pointed.set(None);
                            }
                        }
                    >
                        // Keyed by position: a bar reads its period, count and height from
                        // `bars` by its index, so a new answer updates the bars in place
                        // and only adds or removes some at the end.
                        <For each=move || 0..bars.with(|t| t.bars.len()) key=|k| *k children=bar/>
                    </svg>
                    <div class="timeline-axis" aria-hidden="true">
                        <span>{first_label}</span>
                        <span>{last_label}</span>
                    </div>
                </Show>
                <p class="timeline-readout" data-testid="timeline-readout">
                    {move || {
                        let (pointed, dragged) = (pointed.get(), drag.get());
                        bars.with(|t| {
                            answered.track();
                            t.live_readout(pointed, dragged, results.result.with_untracked(|r| r.ids.len()))
                        })
                    }}
                    {move || bars.with(|t| t.undated_note()).map(|note| view! {
                        <span class="timeline-undated" data-testid="timeline-undated">" · "{note}</span>
                    })}
                </p>
            </div>
        </Show>
    }
}
