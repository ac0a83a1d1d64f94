//! The explorer's toolbar as the static page shows it before the app starts: the same
//! markup and classes, every control disabled (they need the app; where the app can run,
//! its loader enables the search box after the first frame, and the app takes over what
//! is typed there). It takes the place the
//! app's toolbar will take, at every width, so the cards do not move when the app replaces
//! the static list; without JavaScript it says what the page can do once scripts run.

use crate::search::catalog::Catalog;
use crate::search::grouping::GroupBy;
use crate::search::sort::SortOrder;
use crate::search::value_facet::ValueFacet;
use crate::view::labels::{search_placeholder, EARLY_SEARCH_NOTE};
use crate::view::{Theme, ViewMode, ViewState};

use super::escape::escape;

/// The toolbar of `view` over `catalog`, with the menus' options the app would offer.
pub fn static_toolbar(catalog: &Catalog, view: &ViewState) -> String {
    let mut out = String::from("<div class=\"toolbar static-toolbar\">\n");
    // Disabled for readers without the app; its loader enables it with the app's
    // placeholder (scripts/boot-after-first-paint.mjs), and the app takes over what is typed.
    out.push_str(&format!(
        "<label class=\"search\"><span class=\"visually-hidden\">Search papers</span><input type=\"search\" disabled=\"\" autocomplete=\"off\" placeholder=\"Search (needs JavaScript)\" data-app-placeholder=\"{}\" data-loading-note=\"{}\" /></label>\n",
        escape(search_placeholder(catalog.has_values(ValueFacet::Author))),
        escape(EARLY_SEARCH_NOTE)
    ));
    out.push_str("<div class=\"toolbar-controls\">\n<div class=\"toolbar-menus\">\n");
    let order = view.effective_sort();
    let sorts: Vec<(&str, bool)> = SortOrder::ALL
        .into_iter()
        .filter(|o| catalog.offers_sort(*o) || *o == order)
        .map(|o| (o.label(), o == order))
        .collect();
    menu(&mut out, "Sort", "sort-control", &sorts);
    // A grouped list is grouped for readers without scripts. Where the app will show it
    // ungrouped, the page hides the list's headings (`data-app-ungrouped`, set by
    // index.html's head script) and this menu with them, and shows a second one that says
    // what the app will show, so the menu never names a grouping the list does not have.
    let groups = |chosen: GroupBy| -> Vec<(&str, bool)> {
        GroupBy::ALL
            .into_iter()
            .filter(|g| catalog.offers_group(*g) || *g == chosen)
            .map(|g| (g.label(), g == chosen))
            .collect()
    };
    if view.group == GroupBy::None {
        menu(&mut out, "Group", "group-control", &groups(GroupBy::None));
    } else {
        menu(&mut out, "Group", "group-control when-app-grouped", &groups(view.group));
        menu(&mut out, "Group", "group-control when-app-ungrouped", &groups(GroupBy::None));
    }
    let themes: Vec<(&str, bool)> = Theme::ALL.into_iter().map(|t| (t.label(), t == view.theme)).collect();
    menu(&mut out, "Theme", "theme-control", &themes);
    out.push_str("</div>\n<div class=\"toolbar-actions\">\n");
    out.push_str("<div class=\"segmented\" role=\"group\" aria-label=\"Layout\">");
    for mode in ViewMode::ALL {
        out.push_str(&format!(
            "<button class=\"segment\" type=\"button\" disabled=\"\" aria-pressed=\"{}\">{}</button>",
            mode == view.view,
            escape(mode.label())
        ));
    }
    out.push_str("</div>\n");
    for button in ["Copy link", "Export", "Embed"] {
        let class = if button == "Export" { "button export-placeholder" } else { "button" };
        out.push_str(&format!("<button class=\"{class}\" type=\"button\" disabled=\"\">{button}</button>\n"));
    }
    out.push_str("</div>\n</div>\n</div>\n");
    out
}

/// A labelled, disabled menu with its options, the chosen one selected; `class` is the
/// app's for the same menu.
fn menu(out: &mut String, label: &str, class: &str, options: &[(&str, bool)]) {
    out.push_str(&format!(
        "<label class=\"control {class}\"><span class=\"control-label\">{label}</span><select disabled=\"\">"
    ));
    for (text, selected) in options {
        let selected = if *selected { " selected=\"\"" } else { "" };
        out.push_str(&format!("<option{selected}>{}</option>", escape(text)));
    }
    out.push_str("</select></label>\n");
}
