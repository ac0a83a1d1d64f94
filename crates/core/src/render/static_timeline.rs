//! The timeline as the static page shows it before the app starts: the app's chart of
//! papers per month or year (`search/timeline.rs`), drawn once, not interactive. It shows a
//! reader without JavaScript how the collection spreads over time, and takes the place the
//! app's timeline will take, so the cards do not move when the app replaces the list.

use crate::search::catalog::SearchResult;
use crate::search::timeline::Timeline;
use crate::view::ViewState;

use super::escape::escape;

/// The timeline of `result` (of `view`), or nothing when the app would show none.
pub fn static_timeline(result: &SearchResult, view: &ViewState) -> String {
    let bars = Timeline::new(&result.facets.months, view.from, view.to);
    if view.hide_timeline || (bars.bars.is_empty() && bars.undated == 0) {
        return String::new();
    }
    let mut out =
        format!("<div class=\"timeline\" role=\"group\" aria-label=\"{}\">\n", escape(&bars.label()));
    if let (Some(first), Some(last)) = (bars.bars.first(), bars.bars.last()) {
        let range = if bars.selected().is_some() { " has-range" } else { "" };
        out.push_str(&format!(
            "<svg class=\"timeline-chart{range}\" viewBox=\"0 0 {} 100\" preserveAspectRatio=\"none\" aria-hidden=\"true\">",
            bars.bars.len() * 10
        ));
        for (k, bar) in bars.bars.iter().enumerate() {
            let (y, height) = bars.fill_attributes(k);
            out.push_str(&format!(
                "<g class=\"timeline-bar{}\"><rect class=\"timeline-hit\" x=\"{}\" y=\"0\" width=\"10\" height=\"100\"></rect><rect class=\"timeline-fill\" x=\"{}\" width=\"8\" y=\"{y}\" height=\"{height}\"></rect></g>",
                if bar.in_range { " in-range" } else { "" },
                k * 10,
                k * 10 + 1,
            ));
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<div class=\"timeline-axis\" aria-hidden=\"true\"><span>{}</span><span>{}</span></div>\n",
            escape(&first.label),
            if bars.bars.len() > 1 { escape(&last.label) } else { String::new() }
        ));
    }
    out.push_str(&format!("<p class=\"timeline-readout\">{}", escape(&bars.readout(None, result.ids.len()))));
    if let Some(note) = bars.undated_note() {
        out.push_str(&format!("<span class=\"timeline-undated\"> · {}</span>", escape(&note)));
    }
    out.push_str("</p>\n</div>\n");
    out
}
