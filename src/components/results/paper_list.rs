//! The list of results, a page at a time.

use leptos::html::{Div, Ol};
use leptos::prelude::*;
use paperdeck_core::labels::papers_count;
use paperdeck_core::{CardReuse, Paging, ViewMode};
use wasm_bindgen::prelude::*;

use super::abstract_text::ExpandedAbstracts;
use super::focus_memory::FocusMemory;
use super::paper_card::PaperCard;
use super::paper_row::PaperRow;
use crate::scoped_memo::scoped_memo;
use crate::state::{use_results, use_view};

/// The results in the view's order, a page at a time (the core's `Paging`). A new answer
/// keeps the cards of the papers still listed (moved to their new places) and refills the
/// cards of the papers that left with the papers that came, in place (`SlotPaper`), which
/// costs the browser far less than new elements; only what is left over is built or
/// removed. Further pages are added as the end of the list comes near.
#[component]
pub fn PaperList() -> impl IntoView {
    let ctx = use_view();
    let results = use_results();
    ExpandedAbstracts::provide();
    // A new answer starts again from the first page, extended to reach an opened paper:
    // derived here, in the same pass as the answer, so that the cards of the last answer's
    // later pages are never filled with the new one's papers only to be dropped. Each answer
    // is numbered, and the pages added since (`more`) count only for the answer they were
    // added to.
    // Scoped: an embed's list comes and goes (`paper=`), the answer stays.
    let first_pages = scoped_memo(move |last: Option<&(u64, usize)>| {
        let number = last.map_or(0, |(n, _)| n + 1);
        let opened = ctx.view.with_untracked(|v| v.paper.clone());
        let position = opened.and_then(|id| {
            let index = results.loaded.catalog.position(&id)?;
            results.result.with(|r| r.ids.iter().position(|&i| i == index))
        });
        results.result.track();
        (number, Paging::first(0, None, position).shown)
    });
    let added = RwSignal::new(None::<(u64, usize)>);
    let shown = move || {
        let (number, first) = first_pages.get();
        added.get().filter(|(n, _)| *n == number).map_or(first, |(_, shown)| shown)
    };
    // An embed's `limit` caps the list; the rest is a link away.
    let cap = Memo::new(move |_| ctx.view.with(|v| v.card_cap()));
    let paging =
        move || Paging { total: results.result.with(|r| r.ids.len()), cap: cap.get(), shown: shown() };
    // The shown papers, each group's heading before its first paper (`group=`), each paper
    // on the card the core's `CardReuse` gives it: its own card if it was listed before (the
    // card moves), else the card of a paper that left (refilled in place), else a new one.
    let reuse = StoredValue::new(CardReuse::new());
    let visible = scoped_memo(move |_| {
        let n = paging().visible();
        results.result.with(|r| {
            let cards = reuse.try_update_value(|reuse| reuse.assign(&r.ids[..n])).unwrap_or_default();
            let mut rows = Vec::with_capacity(n + r.groups.len());
            let mut groups = r.groups.iter().peekable();
            for (i, card) in cards.into_iter().enumerate() {
                if let Some(g) = groups.next_if(|g| g.start == i) {
                    rows.push(Row::Heading { key: g.key.clone(), label: g.label.clone(), count: g.len });
                }
                rows.push(Row::Paper(card));
            }
            rows
        })
    });
    // Scroll the opened paper's card into view once it is rendered: once per opening, so
    // the pages added as the reader scrolls on (or a keystroke) do not pull them back. Looked
    // for after each answer (a keystroke can give the opened paper a card the list already
    // has, which changes no row), at the next frame, when every card shows its new paper
    // (before, the card that had the paper could still say so).
    let scrolled_to = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let opened = ctx.opened_id();
        visible.track();
        results.result.track();
        let Some(id) = opened else {
            scrolled_to.set_value(None);
            return;
        };
        request_animation_frame(move || scroll_to_card(scrolled_to, &id));
    });
    // A focused control follows its paper to its new card (`FocusMemory`).
    let list = NodeRef::<Ol>::new();
    let focus = FocusMemory::new();
    Effect::new(move |_| {
        results.result.track();
        request_animation_frame(move || {
            if let Some(Some(list)) = list.try_get_untracked() {
                focus.restore(&list);
            }
        });
    });
    let more = move || added.set(Some((first_pages.get_untracked().0, untrack(paging).more().shown)));
    let view_all_href = move || ctx.href_with(|v| *v = v.outside_embed());
    // A memo, not a closure over the view: a card is rebuilt only when the layout changes,
    // never because a keystroke changed the view.
    let is_list = Memo::new(move |_| ctx.view.with(|v| v.view == ViewMode::List));
    let sentinel = NodeRef::<Div>::new();
    let growing = load_more_when_near(sentinel, visible, move || paging().remaining() > 0, more);
    view! {
        <ol
            class="paper-list"
            class:compact=is_list
            aria-label="Papers"
            data-testid="paper-list"
            // Not the search's answer yet: busy until the index is built (only the list, so
            // the count's note above it is still announced).
            aria-busy=move || results.awaiting_index.get().then_some("true")
            data-growing=move || growing.get().then_some("")
            node_ref=list
            on:focusin=move |ev| focus.focus_in(&ev)
            on:focusout=move |ev| {
                if let Some(list) = list.get_untracked() {
                    focus.focus_out(&ev, &list);
                }
            }
        >
            <For
                each=move || visible.get()
                key=|row| row.clone()
                children=move |row| match row {
                    Row::Heading { key, label, count } => view! {
                        <li class="group-heading" data-testid="group-heading" data-group=key data-count=count>
                            <h2>
                                {label}
                                <span class="group-count">{papers_count(count)}</span>
                            </h2>
                        </li>
                    }
                    .into_any(),
                    Row::Paper(card) => {
                        // Through memos that leave with the row (`crate::scoped_memo`).
                        let is_list = scoped_memo(move |_| is_list.get());
                        // The paper this card shows now. A card that the new answer no longer
                        // uses keeps its last paper until `For` removes it.
                        // Read after `visible`, which assigns the cards; and again on each
                        // answer, which can give every card another paper and leave the rows
                        // as they were (an embed's `limit`: cards 0, 1, 2 either way).
                        let index = scoped_memo(move |last: Option<&u32>| {
                            visible.with(|_| ());
                            results.result.track();
                            reuse.try_with_value(|r| r.paper_of(card)).flatten().or(last.copied()).unwrap_or_default()
                        });
                        view! {
                        <li>
                            {move || if is_list.get() {
                                view! { <PaperRow index/> }.into_any()
                            } else {
                                view! { <PaperCard index/> }.into_any()
                            }}
                        </li>
                        }
                        .into_any()
                    }
                }
            />
        </ol>
        <div class="list-end" node_ref=sentinel aria-hidden="true"></div>
        <Show when=move || paging().view_all_label().is_some()>
            <a class="view-all" data-testid="view-all" href=view_all_href target="_blank" rel="noopener">
                {move || paging().view_all_label()}
            </a>
        </Show>
        <Show when=move || paging().show_more_label().is_some()>
            <button type="button" class="show-more" data-testid="show-more" on:click=move |_| more()>
                {move || paging().show_more_label()}
            </button>
        </Show>
    }
}

/// Scrolls paper `id`'s card into view, if it is on the page, unless it was scrolled to for
/// this opening already (`scrolled_to`).
fn scroll_to_card(scrolled_to: StoredValue<Option<String>>, id: &str) {
    // Also done when the list went away before the frame.
    if scrolled_to.try_with_value(|s| s.as_deref() == Some(id)).unwrap_or(true) {
        return;
    }
    let selector = format!("[data-paper-id=\"{id}\"]");
    let Ok(Some(card)) = document().query_selector(&selector) else { return };
    scrolled_to.try_update_value(|s| *s = Some(id.to_string()));
    let options = web_sys::ScrollIntoViewOptions::new();
    // Centred, unless it is taller than the window (an opened card with its related papers
    // can be): then its top, so the title shows.
    let tall = card.get_bounding_client_rect().height()
        > window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
    options.set_block(if tall {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Center
    });
    card.scroll_into_view_with_scroll_into_view_options(&options);
}

/// One row of the list: a group's heading, or a card (by the number `CardReuse` gave it),
/// which shows one paper at a time.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Row {
    Heading { key: String, label: String, count: usize },
    Paper(u32),
}

/// Calls `more` while the end of the list is within a screen of the viewport and `has_more`
/// says pages are left. The sentinel is observed afresh after each change of the visible
/// list or of `has_more` (a new answer can keep the same first rows and have more pages):
/// an observer reports only changes, and the end can stay near after a page is added
/// (short cards, a tall screen), so each new list gets its own first report. The observer
/// is disconnected when the list goes away.
///
/// Returns whether the list is still growing on its own: true from such a change until the
/// observer's report on it adds no page. The list shows it as `data-growing`, which the
/// browser tests wait to go before they read the cards (the first page is rendered in the
/// keystroke's frame, the next one a frame later when the end is near). Not `aria-busy`:
/// it would flicker on every keystroke around the focused card for a screen reader.
fn load_more_when_near(
    sentinel: NodeRef<Div>,
    visible: Memo<Vec<Row>>,
    has_more: impl Fn() -> bool + 'static,
    more: impl Fn() + 'static,
) -> ReadSignal<bool> {
    type Observer = (web_sys::IntersectionObserver, Closure<dyn Fn(js_sys::Array)>);
    let observer = StoredValue::new_local(None::<Observer>);
    let (growing, set_growing) = signal(false);
    let set_growing = move |b: bool| {
        if growing.get_untracked() != b {
            set_growing.set(b);
        }
    };
    let has_more = std::rc::Rc::new(has_more);
    let more = std::rc::Rc::new(more);
    Effect::new(move |_| {
        visible.track();
        let more_left = has_more();
        let Some(el) = sentinel.get() else { return };
        observer.update_value(|slot| {
            if slot.is_none() {
                let (has_more, more) = (has_more.clone(), more.clone());
                let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let near = entries
                        .iter()
                        .any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                    if near && untrack(|| has_more()) {
                        more();
                    } else {
                        set_growing(false);
                    }
                });
                let options = web_sys::IntersectionObserverInit::new();
                options.set_root_margin("0px 0px 100% 0px");
                *slot = web_sys::IntersectionObserver::new_with_options(
                    callback.as_ref().unchecked_ref(),
                    &options,
                )
                .ok()
                .map(|o| (o, callback));
            }
            // Without an observer (a browser too old for one) the button adds the pages,
            // and the list is never growing on its own.
            set_growing(slot.is_some() && more_left);
            if let Some((o, _)) = slot.as_ref() {
                // A report queued for the list before this one must not end the wait.
                o.take_records();
                o.unobserve(&el);
                o.observe(&el);
            }
        });
    });
    on_cleanup(move || {
        // The callback is dropped with the observer, after the observer stops calling it.
        if let Some(Some((o, _callback))) = observer.try_update_value(Option::take) {
            o.disconnect();
        }
    });
    growing
}
