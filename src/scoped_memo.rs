//! Memos for components that come and go (a card, a highlighted title).
//!
//! reactive_graph 0.2 (Leptos 0.8) keeps a dropped memo or effect in the subscriber list
//! of every memo it read, and copies that list on each change of that memo (a signal
//! instead drops its subscribers on each change). A memo made per card and reading a
//! lasting memo (the query, the opened paper) therefore left one dead entry per card ever
//! shown, and each keystroke got slower the longer the page was used (`make bench` prints
//! each typing pass's time: they grew by a tenth per pass). A memo made here leaves those
//! lists when its owner is cleaned up, so what comes and goes reads lasting memos through
//! one, and its own effects read only it.

use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

/// `Memo::new(f)` that, when its owner is cleaned up (the component goes), also leaves the
/// subscriber lists of what it read.
pub fn scoped_memo<T>(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(f);
    let leaving = memo.clone();
    on_cleanup(move || leaving.clear_sources(&leaving.to_any_subscriber()));
    Memo::from(memo)
}
