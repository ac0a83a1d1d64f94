//! The view context: the view state every component reads, and the named operations that
//! change it. Each operation is one of the core's `ViewState` changes plus the history
//! rule that goes with it: typing replaces the current history entry, every discrete
//! change pushes one, and an embed never pushes (a pushed entry would take over the host
//! page's Back button). The signal's writer stays private to this file.

use leptos::prelude::*;
use paperdeck_core::{
    decode_url, encode_url, CountRange, GroupBy, Has, PaperKind, PaperUrlTemplate, PartialDate, PersonSet,
    SortOrder, Theme, UrlNotice, ValueFacet, ViewMode, ViewState,
};

use super::location::{self, History};

/// One end of the date filter.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DateBound {
    From,
    To,
}

/// The view state, read-only, with the operations that change it and the notices about
/// ignored URL parameters.
#[derive(Clone, Copy)]
pub struct ViewContext {
    pub view: ReadSignal<ViewState>,
    set_view: WriteSignal<ViewState>,
    pub url_notices: ReadSignal<Vec<UrlNotice>>,
    set_url_notices: WriteSignal<Vec<UrlNotice>>,
    /// Every card's link, computed once per change of the view. A signal kept by `set`,
    /// not a memo: each card's link reads it, and reactive_graph 0.2 keeps a memo's
    /// subscribers after they are gone (a signal drops them on each change), so a memo
    /// here made every keystroke slower than the one before (see `crate::scoped_memo`).
    card_links: RwSignal<PaperUrlTemplate>,
    /// The opened paper's id (`paper=`): what each card follows to know whether it is the
    /// opened one, so a keystroke, which leaves it alone, wakes no card.
    opened: Memo<Option<String>>,
    /// The people the `author` filter chooses, each read by the name rule: what each
    /// card's authors line follows (through a `scoped_memo`) to keep them in view.
    chosen_people: Memo<PersonSet>,
}

impl ViewContext {
    /// Reads the view from the current URL.
    pub fn from_location() -> Self {
        let (state, notices) = decode_url(&location::search());
        let (view, set_view) = signal(state);
        let (url_notices, set_url_notices) = signal(notices);
        let card_links = RwSignal::new(view.with_untracked(PaperUrlTemplate::new));
        let opened = Memo::new(move |_| view.with(|v| v.paper.clone()));
        let chosen_people = Memo::new(move |_| view.with(ViewState::chosen_people));
        Self { view, set_view, url_notices, set_url_notices, card_links, opened, chosen_people }
    }

    /// The opened paper's id (tracked: follows only `paper=`).
    pub fn opened_id(&self) -> Option<String> {
        self.opened.get()
    }

    /// The people the `author` filter chooses (tracked: follows only `author=`). A card
    /// reads it through a `scoped_memo` of its own (`crate::scoped_memo`).
    pub fn chosen_people(&self) -> PersonSet {
        self.chosen_people.get()
    }

    /// Whether paper `id` is the opened one (tracked: follows only `paper=`).
    pub fn is_open(&self, id: &str) -> bool {
        self.opened.with(|o| o.as_deref() == Some(id))
    }

    /// Follows Back and Forward: the URL is the truth.
    pub fn restore_from_location(&self) {
        location::drop_pending();
        let (state, notices) = decode_url(&location::search());
        self.set(|v| *v = state);
        self.set_url_notices.set(notices);
    }

    /// Writes the address typing has yet to write (the page is being left).
    pub fn settle_address(&self) {
        location::write_pending();
    }

    /// Hides the notices about ignored URL parameters.
    pub fn dismiss_url_notices(&self) {
        self.set_url_notices.set(Vec::new());
    }

    /// Typing in the search box (replaces the history entry once typing pauses).
    pub fn type_query(&self, text: String) {
        self.change(History::ReplaceSoon, |v| v.query = text);
    }

    /// Following a "did you mean" suggestion.
    pub fn apply_suggestion(&self, query: String) {
        self.push(|v| v.query = query);
    }

    pub fn set_sort(&self, order: SortOrder) {
        self.push(|v| v.set_sort(order));
    }

    pub fn set_layout(&self, mode: ViewMode) {
        self.push(|v| v.view = mode);
    }

    pub fn set_theme(&self, theme: Theme) {
        self.push(|v| v.theme = theme);
    }

    /// A card's title: opens its paper, or closes it when it is the opened one.
    pub fn toggle_paper(&self, id: &str) {
        self.push(|v| v.toggle_paper(id));
    }

    /// A list row's title: opens its paper in the card layout.
    pub fn open_as_card(&self, id: &str) {
        self.push(|v| v.open_as_card(id));
    }

    /// "Clear search and filters".
    pub fn clear_search_and_filters(&self) {
        self.push(ViewState::clear_search_and_filters);
    }

    /// A date typed into the from or to input; `None` clears that end.
    pub fn set_date(&self, bound: DateBound, date: Option<PartialDate>) {
        self.push(|v| match bound {
            DateBound::From => v.from = date,
            DateBound::To => v.to = date,
        });
    }

    /// A "last …" preset.
    pub fn set_since(&self, from: PartialDate, on: bool) {
        self.push(|v| v.set_since(from, on));
    }

    /// A year of the year facet.
    pub fn set_year(&self, year: u16, on: bool) {
        self.push(|v| v.set_year(year, on));
    }

    /// A bar of the timeline: its period, or none when it is the one chosen.
    pub fn toggle_date_range(&self, from: PartialDate, to: PartialDate) {
        self.push(|v| v.toggle_date_range(from, to));
    }

    /// A drag across the timeline's bars, or the first Shift with an arrow key on them.
    pub fn set_date_range(&self, from: PartialDate, to: PartialDate) {
        self.push(|v| v.set_date_range(from, to));
    }

    /// A further Shift with an arrow key on the timeline: it grows the range the first one
    /// set, in the same history entry (one Back undoes the whole extension, as with typing).
    pub fn extend_date_range(&self, from: PartialDate, to: PartialDate) {
        self.change(History::Replace, |v| v.set_date_range(from, to));
    }

    /// A bucket of the author facet.
    pub fn set_authors(&self, range: CountRange, on: bool) {
        self.push(|v| v.set_authors(range, on));
    }

    /// "At least N upvotes".
    pub fn set_upvote_floor(&self, floor: Option<u32>) {
        self.push(|v| v.set_upvote_floor(floor));
    }

    /// A "has" checkbox.
    pub fn toggle_has(&self, h: Has) {
        self.push(|v| v.toggle_has(h));
    }

    /// A topic, venue or author entry.
    pub fn toggle_value(&self, facet: ValueFacet, value: &str) {
        self.push(|v| v.toggle_value(facet, value));
    }

    /// An author's name on a card.
    pub fn toggle_person(&self, name: &str) {
        self.push(|v| v.toggle_person(name));
    }

    /// A kind of the kind facet.
    pub fn toggle_kind(&self, kind: PaperKind) {
        self.push(|v| v.toggle_kind(kind));
    }

    /// "At least N citations".
    pub fn set_citation_floor(&self, floor: Option<u32>) {
        self.push(|v| v.set_citation_floor(floor));
    }

    /// The grouping menu.
    pub fn set_group(&self, group: GroupBy) {
        self.push(|v| v.group = group);
    }

    /// A related paper's link (`paper` opened), or "All papers like this one" (`None`).
    pub fn show_related(&self, of: &str, paper: Option<&str>) {
        self.push(|v| v.show_related(of, paper));
    }

    /// The link of [`ViewContext::show_related`].
    pub fn related_href(&self, of: &str, paper: Option<&str>) -> String {
        self.href_with(|v| v.show_related(of, paper))
    }

    /// "Show only new papers" (`new=1`), or all of them.
    pub fn set_new_only(&self, on: bool) {
        self.push(|v| v.set_new_only(on));
    }

    /// An active-filter chip's remove button: the view without that filter, as the core
    /// computed it.
    pub fn show(&self, view: ViewState) {
        self.push(|v| *v = view);
    }

    /// The link of a card's title: opens paper `id` in the current view, or, for the
    /// opened paper, closes it.
    pub fn card_href(&self, id: &str, opened: bool) -> String {
        self.card_links.with(|links| {
            if opened {
                location::href(links.without_paper())
            } else {
                location::href(&links.with_paper(id))
            }
        })
    }

    /// The link to the current view changed by `change`, for an `href` that shows where a
    /// click leads (tracked: it follows the view).
    pub fn href_with(&self, change: impl FnOnce(&mut ViewState)) -> String {
        self.view.with(|v| href_for(&v.with(change)))
    }

    fn push(&self, change: impl FnOnce(&mut ViewState)) {
        self.change(History::Push, change);
    }

    fn change(&self, mode: History, change: impl FnOnce(&mut ViewState)) {
        self.set(change);
        let (qs, embed) = self.view.with_untracked(|v| (encode_url(v), v.embed));
        location::write(&qs, if embed && mode == History::Push { History::Replace } else { mode });
    }

    /// The one writer of the view signal, and of what is kept beside it.
    fn set(&self, change: impl FnOnce(&mut ViewState)) {
        self.set_view.update(change);
        let links = self.view.with_untracked(PaperUrlTemplate::new);
        // Opening a card or changing the theme leaves every card's link as it was.
        if self.card_links.with_untracked(|old| *old != links) {
            self.card_links.set(links);
        }
    }
}

/// The canonical link to `state`, relative to this page.
pub fn href_for(state: &ViewState) -> String {
    location::href(&encode_url(state))
}

pub fn use_view() -> ViewContext {
    expect_context::<ViewContext>()
}
