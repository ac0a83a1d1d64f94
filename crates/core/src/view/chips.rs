//! The active filters above the results, each a chip that removes itself: what the view
//! narrows by, said in words, and the view without it.

use crate::search::value_facet::ValueFacet;
use crate::view::state::ViewState;

/// One active filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActiveFilter {
    /// What the chip says: `Topic: LLM`, `Year: 2024`, `Citations: 10+`.
    pub label: String,
    /// The view with this filter removed.
    pub without: ViewState,
}

/// Every active filter of `view`, the search first, in the order the filter panel lists
/// them; `related_title` is the title of the paper `related` names, which its chip says
/// (its id when the collection lacks it).
pub fn active_filters(view: &ViewState, related_title: Option<&str>) -> Vec<ActiveFilter> {
    let mut out = Vec::new();
    let mut chip = |label: String, change: &dyn Fn(&mut ViewState)| {
        out.push(ActiveFilter { label, without: view.with(|v| change(v)).normalized() })
    };
    if !view.query.trim().is_empty() {
        chip(format!("Search: {}", view.query.trim()), &|v| v.query.clear());
    }
    if let Some(id) = &view.related {
        chip(format!("Like “{}”", related_title.unwrap_or(id)), &|v| v.related = None);
    }
    if view.new_only {
        chip(crate::view::labels::NEW_ONLY_CHIP.to_string(), &|v| v.new_only = false);
    }
    let dates = match (view.from, view.to) {
        (Some(f), Some(t)) if f == t => {
            Some(format!("{}: {f}", if f.month().is_some() { "Date" } else { "Year" }))
        }
        (Some(f), Some(t)) => Some(format!("Date: {f} – {t}")),
        (Some(f), None) => Some(format!("From {f}")),
        (None, Some(t)) => Some(format!("Until {t}")),
        (None, None) => None,
    };
    if let Some(label) = dates {
        chip(label, &|v| {
            v.from = None;
            v.to = None;
        });
    }
    for (facet, values) in ValueFacet::ALL.iter().map(|f| (*f, view.values(*f))) {
        if facet == ValueFacet::Author {
            continue;
        }
        for value in values {
            chip(format!("{}: {value}", facet.label()), &|v| v.toggle_value(facet, value));
        }
    }
    for kind in view.kinds.iter() {
        chip(format!("Type: {}", kind.label()), &move |v: &mut ViewState| v.toggle_kind(kind));
    }
    for name in view.values(ValueFacet::Author) {
        chip(format!("Author: {name}"), &|v| v.toggle_value(ValueFacet::Author, name));
    }
    if !view.authors.is_any() {
        chip(format!("Authors: {}", view.authors.label()), &|v| v.authors = Default::default());
    }
    if !view.upvotes.is_any() {
        chip(format!("Upvotes: {}", view.upvotes.label()), &|v| v.upvotes = Default::default());
    }
    if !view.citations.is_any() {
        chip(format!("Citations: {}", view.citations.label()), &|v| v.citations = Default::default());
    }
    for has in view.has.iter() {
        chip(format!("Has: {}", has.label()), &move |v: &mut ViewState| v.toggle_has(has));
    }
    out
}
