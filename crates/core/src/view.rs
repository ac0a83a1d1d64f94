//! The typed view state: everything a shared link reproduces. Only `url_state.rs` knows
//! how it is spelled in a URL.

use crate::date::PartialDate;
use crate::filter::{CountRange, Has, HasSet};
use crate::query::Query;
use crate::sort::SortOrder;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ViewMode {
    #[default]
    Cards,
    List,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// One view of a collection: the query, filters, order and display options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub query: String,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub authors: CountRange,
    pub upvotes: CountRange,
    /// [`Has::bit`]s a paper must all have.
    pub has: HasSet,
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
    /// Parameters this version does not know, as written (`utm_source=x`), kept in order.
    pub extra: Vec<String>,
}

impl ViewState {
    /// True when the query has a term to rank by.
    pub fn has_query(&self) -> bool {
        Query::parse(&self.query).has_positive()
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

    /// True when any filter narrows the papers (the query aside).
    pub fn is_filtered(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || !self.authors.is_any()
            || !self.upvotes.is_any()
            || !self.has.is_empty()
    }

    /// The canonical form: query trimmed, an order equal to the default cleared.
    pub fn normalize(&mut self) {
        let trimmed = self.query.trim();
        if trimmed.len() != self.query.len() {
            self.query = trimmed.to_string();
        }
        if self.sort.is_some_and(|s| s == SortOrder::default_for(self.has_query()))
            || (self.sort == Some(SortOrder::Relevance) && !self.has_query())
        {
            self.sort = None;
        }
    }

    /// The same view in the full explorer: embed-only settings dropped.
    pub fn outside_embed(&self) -> Self {
        Self { embed: false, hide_controls: false, limit: None, opaque_background: false, ..self.clone() }
    }

    pub fn normalized(mut self) -> Self {
        self.normalize();
        self
    }
}
