//! The upvotes filter.

use leptos::prelude::*;

use super::count_floor::CountFloor;
use crate::state::use_view;

/// A minimum number of upvotes.
#[component]
pub fn UpvotesFilter() -> impl IntoView {
    let ctx = use_view();
    let floor = Signal::derive(move || ctx.view.with(|v| v.upvotes.min));
    view! { <CountFloor legend="Upvotes" testid="upvotes-min" floor set=move |n| ctx.set_upvote_floor(n)/> }
}
