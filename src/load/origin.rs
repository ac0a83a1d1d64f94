//! Which site a snapshot URL points to, and whether this page may show it: the page's
//! own origin always; another only when the deployer lists it in `index.html`
//! (`<meta name="paperdeck-data-origins" content="https://a.example …">`, or `*`). The
//! rule is the core's (`paperdeck_core::data_origin`); this file asks the browser to
//! resolve the URL against the page, as `fetch` will.

use leptos::prelude::*;
use paperdeck_core::{data_origin, DataOrigin};

use crate::state::{current_url, page_origin};

/// The deployer's setting: the origins, besides the page's own, that snapshots may come
/// from.
const ALLOWED_ORIGINS_META: &str = "meta[name=\"paperdeck-data-origins\"]";

/// The origin of snapshot `url` as this page would fetch it, judged by the core's rule;
/// `Err` when the browser cannot resolve the URL.
pub fn judge(url: &str) -> Result<DataOrigin, String> {
    let base = current_url();
    let resolved = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| format!("{url:?} is not a URL this page can load"))?;
    Ok(data_origin(&page_origin(), &resolved.origin(), &allowed_origins()))
}

fn allowed_origins() -> String {
    document()
        .query_selector(ALLOWED_ORIGINS_META)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default()
}
