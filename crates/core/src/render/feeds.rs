//! Which feed belongs to which view. The build writes a feed per saved view (`paperdeck
//! feed`) and `paperdeck render` lists them in the page's head as
//! `<link rel="alternate" type="application/atom+xml" href="feed.xml" data-view="QS">`;
//! the explorer links a feed exactly when the view it shows is the feed's view.

use crate::view::{decode, encode, ViewState};

use super::escape::escape;

/// A feed the page links: where it is, the view it is of, and its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedLink {
    pub href: String,
    /// [`feed_view_key`] of the feed's view: empty for the default view.
    pub view: String,
    pub title: String,
}

/// The part of a view that decides a feed's entries: the query, filters, order and data
/// file, as a canonical query string. Which card is open, the layout, grouping, theme and
/// embed options do not change a feed.
pub fn feed_view_key(view: &ViewState) -> String {
    encode(&view.selection())
}

/// A feed link from what a page says of it: `view` is a query string (`q=lora&sort=newest`,
/// with or without `?`), read as a shared link is.
pub fn read_feed_link(href: &str, view: &str, title: &str) -> FeedLink {
    let (state, _) = decode(view.trim_start_matches('?'));
    FeedLink { href: href.into(), view: feed_view_key(&state), title: title.into() }
}

/// The feed of the view shown, if the page links one.
pub fn feed_for_view<'a>(feeds: &'a [FeedLink], view: &ViewState) -> Option<&'a FeedLink> {
    let key = feed_view_key(view);
    feeds.iter().find(|f| f.view == key)
}

/// The head links of `feeds`, one a line, for a page's `paperdeck:head` marker.
pub fn feed_head_links(feeds: &[FeedLink]) -> String {
    feeds
        .iter()
        .map(|f| {
            format!(
                "\n    <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\" data-view=\"{}\" />",
                escape(&f.title),
                escape(&f.href),
                escape(&f.view)
            )
        })
        .collect::<Vec<_>>()
        .concat()
        + "\n    "
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_is_linked_on_its_view_whatever_card_layout_or_theme() {
        let feeds = [
            read_feed_link("feed.xml", "", "All"),
            read_feed_link("lora.xml", "?sort=newest&q=lora", "LoRA"),
        ];
        let view = |qs: &str| decode(qs).0;
        assert_eq!(feed_for_view(&feeds, &view("")).unwrap().href, "feed.xml");
        assert_eq!(
            feed_for_view(&feeds, &view("paper=x&view=list&theme=dark&group=year")).unwrap().href,
            "feed.xml"
        );
        assert_eq!(feed_for_view(&feeds, &view("q=lora&sort=newest")).unwrap().href, "lora.xml");
        assert_eq!(feed_for_view(&feeds, &view("q=lora")), None, "relevance order is another view");
        assert_eq!(feed_for_view(&feeds, &view("q=lorax&sort=newest")), None);
        assert_eq!(feed_for_view(&feeds, &view("from=2024")), None);
    }

    #[test]
    fn head_links_escape_what_they_quote() {
        let links = feed_head_links(&[read_feed_link("a\"b.xml", "q=%3Cx%3E", "<T>")]);
        assert!(links.contains(r#"title="&lt;T&gt;" href="a&quot;b.xml" data-view="q=%3Cx%3E""#), "{links}");
    }
}
