//! Where a snapshot may come from. `?data=` names the snapshot a shared link shows; from
//! another site, it would put that site's papers under this page's heading. So a page
//! loads snapshots from its own origin only, unless its deployer allows others
//! (`<meta name="paperdeck-data-origins" content="https://a.example https://b.example">`
//! in `index.html`, or `*` for any; docs/url-parameters.md), and a snapshot from another
//! origin is always named as such on the page.

/// The most a snapshot may weigh: 384 MiB, above the 100,490-paper test collection
/// (179 MB) and below what a browser tab can parse.
pub const MAX_SNAPSHOT_BYTES: usize = 384 << 20;

/// What the page makes of a snapshot's origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataOrigin {
    /// The page's own origin.
    Own,
    /// Another origin that the deployer allows: shown with a lasting notice naming it.
    Allowed(String),
    /// Another origin that the deployer does not allow: not loaded.
    Refused(String),
}

/// Decides on the snapshot whose URL, resolved against the page, has origin
/// `data_origin`, on a page of origin `page_origin` whose deployer allows `allowed`
/// (origins separated by whitespace, or `*`). Origins are compared as browsers write
/// them (`https://lab.example:8443`), ignoring case and a trailing `/`. An opaque
/// origin (`null`: a sandboxed frame, a `file:` page) is never the page's own.
pub fn data_origin(page_origin: &str, data_origin: &str, allowed: &str) -> DataOrigin {
    let normal = |o: &str| o.trim().trim_end_matches('/').to_ascii_lowercase();
    let data = normal(data_origin);
    if data == normal(page_origin) && data != "null" {
        return DataOrigin::Own;
    }
    let allows = allowed.split_whitespace().any(|a| a == "*" || normal(a) == data);
    if allows && data != "null" {
        DataOrigin::Allowed(data)
    } else {
        DataOrigin::Refused(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://lab.example";

    #[test]
    fn the_pages_own_origin_is_always_allowed() {
        assert_eq!(data_origin(PAGE, "https://lab.example", ""), DataOrigin::Own);
        assert_eq!(data_origin(PAGE, "HTTPS://LAB.EXAMPLE/", ""), DataOrigin::Own);
    }

    #[test]
    fn another_origin_only_when_the_deployer_allows_it() {
        let evil = || "https://evil.example".to_string();
        assert_eq!(data_origin(PAGE, "https://evil.example", ""), DataOrigin::Refused(evil()));
        assert_eq!(
            data_origin(PAGE, "https://evil.example", "https://other.example"),
            DataOrigin::Refused(evil())
        );
        // Another port or scheme is another origin.
        assert_eq!(
            data_origin(PAGE, "http://lab.example", ""),
            DataOrigin::Refused("http://lab.example".into())
        );
        assert_eq!(
            data_origin(PAGE, "https://lab.example:8443", ""),
            DataOrigin::Refused("https://lab.example:8443".into())
        );
        assert_eq!(
            data_origin(PAGE, "https://evil.example", " https://a.example\n https://Evil.example/ "),
            DataOrigin::Allowed(evil())
        );
        assert_eq!(data_origin(PAGE, "https://evil.example", "*"), DataOrigin::Allowed(evil()));
    }

    #[test]
    fn an_opaque_origin_is_never_the_pages_own() {
        assert_eq!(data_origin("null", "null", ""), DataOrigin::Refused("null".into()));
        assert_eq!(data_origin("null", "null", "*"), DataOrigin::Refused("null".into()));
    }
}
