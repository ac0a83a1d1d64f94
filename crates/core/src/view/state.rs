//! The typed view state, and every change the UI makes to it as a named method, so the
//! rules (what "Clear" keeps, what a year button sets, when an upvote floor drops the
//! ceiling) are written once and tested natively. Only `url.rs` knows how a view is
//! spelled in a URL.

use crate::search::filter::{from_key, to_key, CountRange, Has, HasSet, KindSet};
use crate::search::grouping::GroupBy;
use crate::search::query::Query;
use crate::search::shared_sort::sort_items;
use crate::search::sort::SortOrder;
use crate::search::text::fold;
use crate::search::value_facet::ValueFacet;
use crate::snapshot::date::PartialDate;
use crate::snapshot::kind::PaperKind;
use crate::snapshot::names::{PersonName, PersonSet};

/// How the results are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ViewMode {
    #[default]
    Cards,
    List,
}

impl ViewMode {
    pub const ALL: [ViewMode; 2] = [ViewMode::Cards, ViewMode::List];

    /// The value in the URL (`view=list`) and in test ids.
    pub fn name(self) -> &'static str {
        match self {
            ViewMode::Cards => "cards",
            ViewMode::List => "list",
        }
    }

    /// What the layout switch says.
    pub fn label(self) -> &'static str {
        match self {
            ViewMode::Cards => "Cards",
            ViewMode::List => "List",
        }
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == s)
    }
}

/// The colours: the system's choice, or always light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The value in the URL (`theme=dark`), in `<select>` options and in the page's
    /// `data-theme` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// What a theme menu says.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "Auto",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == s)
    }
}

/// One view of a collection: the query, filters, order and display options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub query: String,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub authors: CountRange,
    pub upvotes: CountRange,
    /// What a paper must all have.
    pub has: HasSet,
    /// Topics: a paper must have one of them (`tag`).
    pub tags: Vec<String>,
    /// Venues: a paper's `venue_short`, or its `venue` without one, must be one of them
    /// (`venue`).
    pub venues: Vec<String>,
    /// Kinds of publication: a paper must be one of them (`kind`).
    pub kinds: KindSet,
    /// Author names: a paper must list one of them, by the name rule of
    /// docs/snapshot-format.md (`author`).
    pub people: Vec<String>,
    /// Citation counts; a paper without a count matches no range (`citations`).
    pub citations: CountRange,
    /// Section headings by year, kind or venue (`group`).
    pub group: GroupBy,
    /// `None` means the default order ([`SortOrder::default_for`]).
    pub sort: Option<SortOrder>,
    pub view: ViewMode,
    /// The paper whose card is opened.
    pub paper: Option<String>,
    pub theme: Theme,
    /// Another snapshot to load, relative or absolute http(s).
    pub data: Option<String>,
    /// Embed mode: only the cards and a compact toolbar, for an iframe on another site.
    pub embed: bool,
    /// Embed mode without the toolbar (`controls=0`).
    pub hide_controls: bool,
    /// At most this many cards (embed mode), with a link to all of them.
    pub limit: Option<u32>,
    /// An opaque background in embed mode (`bg=1`); transparent by default.
    pub opaque_background: bool,
    /// `timeline=0`: no timeline above the results.
    pub hide_timeline: bool,
    /// Parameters this version does not know, as written (`utm_source=x`), kept in order.
    pub extra: Vec<String>,
    /// Papers like this one (`related`): those sharing enough of its describing words (at
    /// least a fifth of the best match's similarity), most similar first by default.
    pub related: Option<String>,
    /// Only the papers new since this browser's last visit (`new=1`): personal, so the
    /// same link shows other papers elsewhere.
    pub new_only: bool,
}

impl ViewState {
    /// True when the view has something to rank by: a query term, or a paper to compare
    /// with (`related`).
    pub fn has_query(&self) -> bool {
        self.related.is_some() || Query::parse(&self.query).has_positive()
    }

    /// True when answering the view needs the words' index: a query with any term (an
    /// excluded one too), or `related` (`Catalog::has_index`).
    pub fn needs_index(&self) -> bool {
        self.related.is_some() || !Query::parse(&self.query).is_empty()
    }

    /// "Papers like this one", with `paper` opened (a related paper's link), or none
    /// opened: the search and filters are cleared (the related papers come from the whole
    /// collection), how papers are shown is kept, as by "Clear".
    pub fn show_related(&mut self, of: &str, paper: Option<&str>) {
        self.clear_search_and_filters();
        self.related = Some(of.to_string());
        self.paper = paper.map(String::from);
    }

    /// Only the papers new since the last visit (`new=1`), or all of them.
    pub fn set_new_only(&mut self, on: bool) {
        self.new_only = on;
    }

    /// The order results are shown in.
    pub fn effective_sort(&self) -> SortOrder {
        self.sort.unwrap_or_else(|| SortOrder::default_for(self.has_query()))
    }

    /// Chooses an order; choosing the default clears the choice, keeping URLs canonical.
    pub fn set_sort(&mut self, order: SortOrder) {
        self.sort = Some(order);
        self.normalize();
    }

    pub fn has_filter(&self, h: Has) -> bool {
        self.has.contains(h)
    }

    /// Adds or removes one "has" requirement.
    pub fn toggle_has(&mut self, h: Has) {
        self.has.toggle(h);
    }

    /// True when any filter narrows the papers (the query aside).
    pub fn is_filtered(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || !self.authors.is_any()
            || !self.upvotes.is_any()
            || !self.has.is_empty()
            || !self.tags.is_empty()
            || !self.venues.is_empty()
            || !self.kinds.is_empty()
            || !self.people.is_empty()
            || !self.citations.is_any()
    }

    /// The values chosen in a facet over named values.
    pub fn values(&self, facet: ValueFacet) -> &[String] {
        match facet {
            ValueFacet::Tag => &self.tags,
            ValueFacet::Venue => &self.venues,
            ValueFacet::Author => &self.people,
        }
    }

    fn values_mut(&mut self, facet: ValueFacet) -> &mut Vec<String> {
        match facet {
            ValueFacet::Tag => &mut self.tags,
            ValueFacet::Venue => &mut self.venues,
            ValueFacet::Author => &mut self.people,
        }
    }

    /// True when `value` is chosen in `facet` (compared folded, as the filter matches).
    pub fn has_value(&self, facet: ValueFacet, value: &str) -> bool {
        let key = fold(value.trim());
        self.values(facet).iter().any(|v| fold(v.trim()) == key)
    }

    /// True when `name` is one of the people the `author` filter chooses, by the name rule
    /// ("G. Wölflein" when "Georg Wölflein" is chosen).
    pub fn has_person(&self, name: &str) -> bool {
        self.chosen_people().contains(name)
    }

    /// The people the `author` filter chooses, read by the name rule once, for testing
    /// many names against them (each card's authors line).
    pub fn chosen_people(&self) -> PersonSet {
        PersonSet::of(&self.people)
    }

    /// A facet entry: chooses `value`, or removes it when it is chosen.
    pub fn toggle_value(&mut self, facet: ValueFacet, value: &str) {
        let key = fold(value.trim());
        let values = self.values_mut(facet);
        let before = values.len();
        values.retain(|v| fold(v.trim()) != key);
        if values.len() == before && !key.is_empty() {
            values.push(value.trim().to_string());
        }
        self.normalize();
    }

    /// An author's name on a card: shows that person's papers, or, when the `author`
    /// filter already chooses that person (by the name rule), removes them from it.
    pub fn toggle_person(&mut self, name: &str) {
        if self.has_person(name) {
            let person = PersonName::parse(name);
            self.people
                .retain(|p| !matches!((&person, PersonName::parse(p)), (Some(a), Some(b)) if a.matches(&b)));
        } else {
            self.toggle_value(ValueFacet::Author, name);
        }
    }

    /// Adds or removes one kind of publication.
    pub fn toggle_kind(&mut self, kind: PaperKind) {
        self.kinds.toggle(kind);
    }

    /// True when the query or a filter leaves out papers: the summary then says "of N"
    /// and offers "Clear search and filters".
    pub fn is_narrowed(&self) -> bool {
        !self.query.trim().is_empty() || self.is_filtered() || self.related.is_some() || self.new_only
    }

    /// "Clear search and filters": back to every paper, keeping how they are shown (the
    /// layout and theme), which collection (`data`) and parameters this version does not
    /// know. The order, the opened paper and embed settings go back to their defaults.
    pub fn clear_search_and_filters(&mut self) {
        *self = ViewState {
            view: self.view,
            group: self.group,
            theme: self.theme,
            hide_timeline: self.hide_timeline,
            data: self.data.take(),
            extra: std::mem::take(&mut self.extra),
            ..Default::default()
        };
    }

    /// True when `id` is the opened paper.
    pub fn is_open(&self, id: &str) -> bool {
        self.paper.as_deref() == Some(id)
    }

    /// A card's title: opens paper `id`, or closes it when it is the opened one.
    pub fn toggle_paper(&mut self, id: &str) {
        self.paper = if self.is_open(id) { None } else { Some(id.to_string()) };
    }

    /// A list row's title: opens paper `id` in the card layout.
    pub fn open_as_card(&mut self, id: &str) {
        self.paper = Some(id.to_string());
        self.view = ViewMode::Cards;
    }

    /// This view with `change` applied, for a link's `href` that shows where a click
    /// leads without leading there.
    pub fn with(&self, change: impl FnOnce(&mut ViewState)) -> ViewState {
        let mut next = self.clone();
        change(&mut next);
        next
    }

    /// True when the year button `year` is pressed: from and to are both that year.
    pub fn is_year(&self, year: u16) -> bool {
        let date = PartialDate::y(year);
        date.is_some() && self.from == date && self.to == date
    }

    /// A year button: `on` sets from and to to that year, off clears both.
    pub fn set_year(&mut self, year: u16, on: bool) {
        let date = if on { PartialDate::y(year) } else { None };
        self.from = date;
        self.to = date;
    }

    /// A range of the timeline (a drag across bars, Shift with the arrow keys): from
    /// `from` to `to`, both inclusive periods.
    pub fn set_date_range(&mut self, from: PartialDate, to: PartialDate) {
        self.from = Some(from);
        self.to = Some(to);
    }

    /// A bar of the timeline: its period, or no date range when it is exactly the one
    /// chosen (a second click undoes the first).
    pub fn toggle_date_range(&mut self, from: PartialDate, to: PartialDate) {
        if self.from == Some(from) && self.to == Some(to) {
            self.from = None;
            self.to = None;
        } else {
            self.set_date_range(from, to);
        }
    }

    /// True when the date filter's start is after its end (`from=2025&to=2024`), which no
    /// paper can match: the filter says so.
    pub fn dates_reversed(&self) -> bool {
        matches!((self.from, self.to), (Some(from), Some(to)) if from_key(from) > to_key(to))
    }

    /// True when a "last …" preset starting at `from` is chosen: from it, with no end.
    pub fn is_since(&self, from: PartialDate) -> bool {
        self.from == Some(from) && self.to.is_none()
    }

    /// A "last …" preset: `on` shows papers from `from` on (any end is dropped), off
    /// clears both bounds.
    pub fn set_since(&mut self, from: PartialDate, on: bool) {
        self.from = on.then_some(from);
        self.to = None;
    }

    /// An author-count bucket: `on` filters to `range`, off to any count.
    pub fn set_authors(&mut self, range: CountRange, on: bool) {
        self.authors = if on { range } else { CountRange::default() };
    }

    /// "At least N upvotes": `None` (or 0) removes the floor. A ceiling from the URL
    /// stays unless it is below the new floor.
    pub fn set_upvote_floor(&mut self, floor: Option<u32>) {
        let min = floor.filter(|n| *n > 0);
        let max = self.upvotes.max.filter(|m| min.is_none_or(|n| *m >= n));
        self.upvotes = CountRange { min, max };
    }

    /// "At least N citations": `None` (or 0) removes the floor; like
    /// [`ViewState::set_upvote_floor`], a ceiling below the new floor is dropped.
    pub fn set_citation_floor(&mut self, floor: Option<u32>) {
        let min = floor.filter(|n| *n > 0);
        let max = self.citations.max.filter(|m| min.is_none_or(|n| *m >= n));
        self.citations = CountRange { min, max };
    }

    /// The canonical form: query trimmed, an order equal to the default cleared, each
    /// facet's values trimmed, without repeats and sorted (folded), so one view has one URL.
    pub fn normalize(&mut self) {
        let trimmed = self.query.trim();
        if trimmed.len() != self.query.len() {
            self.query = trimmed.to_string();
        }
        for facet in ValueFacet::ALL {
            let values = self.values_mut(facet);
            if !values.is_empty() {
                let mut keyed: Vec<(String, String)> = values
                    .drain(..)
                    .map(|v| (fold(v.trim()), v.trim().to_string()))
                    .filter(|(k, _)| !k.is_empty())
                    .collect();
                sort_items(&mut keyed, Ord::cmp);
                keyed.dedup_by(|a, b| a.0 == b.0);
                values.extend(keyed.into_iter().map(|(_, v)| v));
            }
        }
        if self.sort.is_some_and(|s| s == SortOrder::default_for(self.has_query()))
            || (self.sort == Some(SortOrder::Relevance) && !self.has_query())
        {
            self.sort = None;
        }
    }

    /// Which papers the view shows, in which order, from which snapshot: the query,
    /// filters, order and `data`, without the opened card, layout, grouping, theme, embed
    /// options and unknown parameters. A feed belongs to this part of a view, and an
    /// export's title names it.
    pub fn selection(&self) -> Self {
        Self {
            paper: None,
            view: ViewMode::default(),
            theme: Theme::default(),
            group: GroupBy::default(),
            embed: false,
            hide_controls: false,
            limit: None,
            opaque_background: false,
            hide_timeline: false,
            extra: Vec::new(),
            ..self.clone()
        }
    }

    /// The same view in the full explorer: embed-only settings dropped.
    pub fn outside_embed(&self) -> Self {
        Self { embed: false, hide_controls: false, limit: None, opaque_background: false, ..self.clone() }
    }

    /// How many cards this view lists at most: an embed's `limit`; the full explorer
    /// lists every result.
    pub fn card_cap(&self) -> Option<usize> {
        if self.embed {
            self.limit.map(|n| n as usize)
        } else {
            None
        }
    }

    pub fn normalized(mut self) -> Self {
        self.normalize();
        self
    }
}

/// A whole number ≥ 1 typed into a number input (an upvote floor, an embed's card
/// limit); anything else (empty, 0, negative, text) is `None`.
pub fn positive_count(text: &str) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|n| *n > 0)
}
