//! Links from the page to itself with another view. They are relative to the page, never
//! built from its path: a host that serves the app under `//evil.example/` would turn a
//! path-absolute link into a protocol-relative one to another host, and a last segment
//! like `javascript:x` would read as a scheme.

/// The `href` (or `history` URL) of this page showing the view whose canonical query
/// string is `qs`: `?qs`, or, for the default view, `./` and the last segment of the
/// page's path (`./index.html`, or `./` for a directory), so the link stays on the page.
/// `page_path` is asked for only in that case: every card's link is built with this, and
/// reading the browser's location for each would be wasted.
pub fn page_href(qs: &str, page_path: impl FnOnce() -> String) -> String {
    if !qs.is_empty() {
        return format!("?{qs}");
    }
    let page_path = page_path();
    let last = page_path.rsplit('/').next().unwrap_or("");
    format!("./{last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_is_its_query_string() {
        let unread = || -> String { panic!("the path is not needed for a query string") };
        assert_eq!(page_href("q=lora", unread), "?q=lora");
    }

    #[test]
    fn the_default_view_stays_on_the_page_whatever_its_path() {
        for (path, href) in [
            ("/", "./"),
            ("", "./"),
            ("/lab/papers/", "./"),
            ("/lab/index.html", "./index.html"),
            ("//evil.example/", "./"),
            ("//evil.example", "./evil.example"),
            ("/x/javascript:alert(1)", "./javascript:alert(1)"),
            ("/a%20b/c%3Fd.html", "./c%3Fd.html"),
        ] {
            assert_eq!(page_href("", || path.to_string()), href, "{path}");
        }
    }
}
