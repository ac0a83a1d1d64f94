//! A view's papers as a snapshot (format v1) of their own.

use crate::snapshot::model::{Paper, Snapshot};
use crate::snapshot::serialize::to_json;
use crate::view::{encode, ViewState};

/// The papers as a snapshot: the collection's description, source, date and lab members,
/// every field of every paper, and a title saying which view it is ([`view_title`]).
pub fn to_snapshot_json(collection: &Snapshot, view: &ViewState, papers: &[&Paper]) -> String {
    let subset = Snapshot {
        title: Some(view_title(collection.title.as_deref(), view)),
        description: collection.description.clone(),
        generated: collection.generated.clone(),
        source: collection.source.clone(),
        highlight_authors: collection.highlight_authors.clone(),
        // What `paperdeck update` fetches belongs to the whole collection, not to a view.
        sources: Vec::new(),
        papers: papers.iter().map(|p| (*p).clone()).collect(),
    };
    to_json(&subset)
}

/// The title of an exported view: the collection's (else "Papers") and the view's query
/// string, without the opened paper and the page's looks: `Lab papers (view: q=lora)`, or
/// `Lab papers (all papers)` for the default view.
pub fn view_title(collection_title: Option<&str>, view: &ViewState) -> String {
    let title = collection_title.map(str::trim).filter(|t| !t.is_empty()).unwrap_or("Papers");
    // The papers chosen, not the snapshot they come from.
    let chooser = ViewState { data: None, ..view.selection() };
    match encode(&chooser) {
        qs if qs.is_empty() => format!("{title} (all papers)"),
        qs => format!("{title} (view: {qs})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::decode;

    #[test]
    fn titles_name_the_view() {
        assert_eq!(view_title(Some("Lab"), &decode("paper=x&theme=dark").0), "Lab (all papers)");
        assert_eq!(
            view_title(None, &decode("q=lora&from=2024&view=list").0),
            "Papers (view: q=lora&from=2024)"
        );
    }
}
