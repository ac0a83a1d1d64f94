//! Reading a response body with a size cap, chunk by chunk: each chunk goes to the caller
//! as it arrives (the snapshot is read while it downloads), and a huge file is refused
//! when it passes the cap instead of filling the memory first.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::next_task::yield_now;

/// Work between two yields to the browser while chunks arrive faster than they are read
/// (a chunk already downloaded resolves in the same task): under Lighthouse's 50 ms.
const TASK_BUDGET_MS: f64 = 40.0;

/// Hands each chunk of the body of `response` to `each`, until the end or until `each`
/// returns false; a message when the body is over `cap` bytes or cannot be read.
pub async fn read_at_most(
    response: &gloo_net::http::Response,
    cap: usize,
    mut each: impl FnMut(&[u8]) -> bool,
) -> Result<(), String> {
    if let Some(n) = declared_length(response).filter(|&n| n > cap) {
        return Err(too_big(n, cap));
    }
    let Some(body) = response.body() else {
        return Ok(());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut chunk = Vec::new();
    let mut total = 0;
    let mut task_start = now();
    loop {
        let next = JsFuture::from(reader.read())
            .await
            .map_err(|e| format!("the response could not be read ({})", describe(&e)))?;
        if Reflect::get(&next, &"done".into()).map_or(true, |d| d.is_truthy()) {
            return Ok(());
        }
        let value: Uint8Array = Reflect::get(&next, &"value".into())
            .map_err(|e| format!("the response could not be read ({})", describe(&e)))?
            .unchecked_into();
        let len = value.length() as usize;
        total += len;
        if total > cap {
            let _ = reader.cancel();
            return Err(too_big(total, cap));
        }
        chunk.resize(len, 0);
        value.copy_to(&mut chunk);
        if !each(&chunk) {
            let _ = reader.cancel();
            return Ok(());
        }
        if now() - task_start > TASK_BUDGET_MS {
            yield_now().await;
            task_start = now();
        }
    }
}

/// The Content-Length the server declared, if any (a compressed response declares the
/// compressed length, which is only a lower bound).
pub fn declared_length(response: &gloo_net::http::Response) -> Option<usize> {
    response.headers().get("content-length").and_then(|n| n.trim().parse::<usize>().ok())
}

/// The length the body will have once decoded, when the server declared it: not for a
/// compressed response (as far as the page may see its Content-Encoding).
pub fn decoded_length(response: &gloo_net::http::Response) -> Option<usize> {
    let encoding = response.headers().get("content-encoding").unwrap_or_default();
    let compressed = !encoding.trim().is_empty() && !encoding.trim().eq_ignore_ascii_case("identity");
    declared_length(response).filter(|_| !compressed)
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn too_big(bytes: usize, cap: usize) -> String {
    format!(
        "the file is larger than {} MB ({}{} MB), the most this page reads",
        cap >> 20,
        if bytes > cap { "more than " } else { "" },
        bytes >> 20
    )
}

fn describe(e: &wasm_bindgen::JsValue) -> String {
    e.as_string().or_else(|| js_sys::Error::from(e.clone()).message().as_string()).unwrap_or_default()
}
