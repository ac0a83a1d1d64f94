//! Where a built page holds what `paperdeck render` writes into it: at a marker comment,
//! `<!-- paperdeck:NAME -->` (index.html has `static` in its body and `head` in its head),
//! which the first run turns into a marked block,
//! `<!-- paperdeck:NAME:begin -->…<!-- paperdeck:NAME:end -->`, and every later run
//! replaces whole: running it again gives the same page.

use std::fmt;

/// Why a page cannot take a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkerError {
    /// Neither `<!-- paperdeck:NAME -->` nor a marked block.
    Missing(String),
    /// More than one marker, or a begin without its end.
    Ambiguous(String),
}

impl fmt::Display for MarkerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing(name) => write!(f, "the page has no <!-- paperdeck:{name} --> marker"),
            Self::Ambiguous(name) => {
                write!(f, "the page's paperdeck:{name} markers are repeated or unclosed")
            }
        }
    }
}

/// `page` with `content` at marker `name`, between begin and end comments.
pub fn replace_marked(page: &str, name: &str, content: &str) -> Result<String, MarkerError> {
    let bare = format!("<!-- paperdeck:{name} -->");
    let begin = format!("<!-- paperdeck:{name}:begin -->");
    let end = format!("<!-- paperdeck:{name}:end -->");
    let block = format!("{begin}{content}{end}");
    let (bares, begins, ends) =
        (page.matches(&bare).count(), page.matches(&begin).count(), page.matches(&end).count());
    match (bares, begins, ends) {
        (0, 0, 0) => Err(MarkerError::Missing(name.into())),
        (1, 0, 0) => Ok(page.replacen(&bare, &block, 1)),
        (0, 1, 1) => {
            let start = page.find(&begin).unwrap_or(0);
            let end_at = page.find(&end).unwrap_or(0);
            if end_at < start {
                return Err(MarkerError::Ambiguous(name.into()));
            }
            Ok(format!("{}{block}{}", &page[..start], &page[end_at + end.len()..]))
        }
        _ => Err(MarkerError::Ambiguous(name.into())),
    }
}

/// `page` with `title` (escaped here) in its first `<title>` element, which `paperdeck
/// render` names after the collection; `None` for a page without one. Running it again
/// gives the same page.
pub fn with_title(page: &str, title: &str) -> Option<String> {
    let open = page.find("<title>")? + "<title>".len();
    let close = open + page[open..].find("</title>")?;
    Some(format!("{}{}{}", &page[..open], super::escape::escape(title), &page[close..]))
}

/// The href of a built page's first stylesheet (`main-1a2b.css`, without a leading `./`),
/// which the papers' own pages link too.
pub fn stylesheet_href(page: &str) -> Option<&str> {
    const LINK: &str = "<link rel=\"stylesheet\" href=\"";
    let start = page.find(LINK)? + LINK.len();
    let len = page[start..].find('"')?;
    let href = &page[start..start + len];
    Some(href.strip_prefix("./").unwrap_or(href)).filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_of_a_built_page() {
        let page = "<head><link rel=\"stylesheet\" href=\"./main-1a.css\" integrity=\"x\"/></head>";
        assert_eq!(stylesheet_href(page), Some("main-1a.css"));
        assert_eq!(stylesheet_href("<head></head>"), None);
    }

    #[test]
    fn the_marker_becomes_a_block_that_later_runs_replace() {
        let page = "<body>\n<!-- paperdeck:static -->\n</body>";
        let once = replace_marked(page, "static", "<p>one</p>").unwrap();
        assert_eq!(
            once,
            "<body>\n<!-- paperdeck:static:begin --><p>one</p><!-- paperdeck:static:end -->\n</body>"
        );
        let twice = replace_marked(&once, "static", "<p>two</p>").unwrap();
        assert_eq!(twice, once.replace("one", "two"));
        assert_eq!(replace_marked(&twice, "static", "<p>two</p>").unwrap(), twice);
    }

    #[test]
    fn a_page_without_its_marker_or_with_a_broken_one_is_refused() {
        assert_eq!(
            replace_marked("<body></body>", "static", "x"),
            Err(MarkerError::Missing("static".into()))
        );
        let two = "<!-- paperdeck:static --><!-- paperdeck:static -->";
        assert_eq!(replace_marked(two, "static", "x"), Err(MarkerError::Ambiguous("static".into())));
        let open = "<!-- paperdeck:static:begin -->";
        assert_eq!(replace_marked(open, "static", "x"), Err(MarkerError::Ambiguous("static".into())));
        let reversed = "<!-- paperdeck:static:end --><!-- paperdeck:static:begin -->";
        assert_eq!(replace_marked(reversed, "static", "x"), Err(MarkerError::Ambiguous("static".into())));
    }

    #[test]
    fn the_title_is_the_collection_s_and_written_again_the_same() {
        let page = "<head><title>Paperdeck</title></head><body><h2 class=\"paper-title\">x</h2></body>";
        let once = with_title(page, "Lab <papers> & more").unwrap();
        assert_eq!(once, "<head><title>Lab &lt;papers&gt; &amp; more</title></head><body><h2 class=\"paper-title\">x</h2></body>");
        assert_eq!(with_title(&once, "Lab <papers> & more").unwrap(), once);
        assert_eq!(with_title("<head></head>", "x"), None);
    }
}
