//! Focus that follows its paper when a new answer moves papers between cards.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::keyboard::CARDS;

/// A new answer can give a card another paper (`paper_list.rs`), so a control focused in
/// a card (an author's name, the venue badge, a link) would then stand for another paper,
/// or be gone. This remembers which paper's control had the focus,
/// and after each answer puts the focus back on that control of that paper, wherever it is
/// now; when the paper is no longer listed, on the card where the focus was.
#[derive(Clone, Copy)]
pub struct FocusMemory(StoredValue<Option<Focused>>);

/// A focused control: its card's paper and what tells it from the card's other controls.
#[derive(Clone, PartialEq)]
struct Focused {
    paper_id: String,
    control: Option<Control>,
}

/// A control by its tag, class and the data attributes that name what it stands for
/// (`data-author` for a name, `data-kind` for a link); `None` in `Focused` is the card.
#[derive(Clone, PartialEq)]
struct Control {
    tag: String,
    class: String,
    author: Option<String>,
    kind: Option<String>,
}

impl FocusMemory {
    pub fn new() -> Self {
        Self(StoredValue::new(None))
    }

    /// The list's `focusin`: remembers the focused control and its card's paper.
    pub fn focus_in(&self, ev: &web_sys::FocusEvent) {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let focused = target.and_then(|el| {
            let card = el.closest(CARDS).ok().flatten()?;
            let paper_id = card.get_attribute("data-paper-id")?;
            let control = (el != card).then(|| Control::of(&el));
            Some(Focused { paper_id, control })
        });
        self.0.set_value(focused);
    }

    /// The list's `focusout`: forgets when the focus leaves the list for another element
    /// (the search box, a filter), or for nothing while the control stays on the page (a
    /// click on empty space). Kept only when the control itself left the page, which is how
    /// a new answer takes the focus away.
    pub fn focus_out(&self, ev: &web_sys::FocusEvent, list: &web_sys::Element) {
        let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let from = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let left_the_list = to.as_ref().is_some_and(|to| !list.contains(Some(to)));
        let let_go = to.is_none() && from.is_some_and(|from| from.is_connected());
        if left_the_list || let_go {
            self.0.set_value(None);
        }
    }

    /// After a new answer is on the page: the focus back on the remembered paper's control.
    /// Only when the focus is still in the list, or was lost (on the page's body).
    pub fn restore(&self, list: &web_sys::Element) {
        let Some(Some(focused)) = self.0.try_get_value() else { return };
        let doc = document();
        let active = doc.active_element();
        let lost = active
            .as_ref()
            .is_none_or(|a| doc.body().is_some_and(|b| a == b.unchecked_ref::<web_sys::Element>()));
        let in_list = active.as_ref().is_some_and(|a| list.contains(Some(a)));
        if !lost && !in_list {
            return;
        }
        let card =
            list.query_selector(&format!("{CARDS}[data-paper-id=\"{}\"]", focused.paper_id)).ok().flatten();
        let target = match (&card, &focused.control) {
            (Some(card), Some(control)) => control.find_in(card).or_else(|| Some(card.clone())),
            (Some(card), None) => Some(card.clone()),
            // The paper is not listed now: the card where the focus was.
            (None, _) => active.as_ref().filter(|_| in_list).and_then(|a| a.closest(CARDS).ok().flatten()),
        };
        let Some(target) = target else { return };
        if active.as_ref() != Some(&target) {
            if let Some(el) = target.dyn_ref::<web_sys::HtmlElement>() {
                // Without scrolling: a click on an author's name must not carry the reader
                // to where that paper went; the next Tab brings it into view.
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = el.focus_with_options(&options);
            }
        }
    }
}

impl Control {
    fn of(el: &web_sys::Element) -> Self {
        Self {
            tag: el.tag_name(),
            class: el.class_name(),
            author: el.get_attribute("data-author"),
            kind: el.get_attribute("data-kind"),
        }
    }

    /// The control of `card` that is this one.
    fn find_in(&self, card: &web_sys::Element) -> Option<web_sys::Element> {
        let all = card.query_selector_all(&self.tag.to_ascii_lowercase()).ok()?;
        (0..all.length())
            .filter_map(|i| all.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find(|el| Control::of(el) == *self)
    }
}
