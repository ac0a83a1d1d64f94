//! Reading a response body with a size cap, chunk by chunk, so a huge file is refused
//! when it passes the cap instead of filling the memory first.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The body of `response` as text, or a message when it is over `cap` bytes or cannot be
/// read. Invalid UTF-8 is replaced, as `Response.text()` does.
pub async fn text_at_most(response: &gloo_net::http::Response, cap: usize) -> Result<String, String> {
    let declared = response.headers().get("content-length").and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(n) = declared.filter(|&n| n > cap) {
        return Err(too_big(n, cap));
    }
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0));
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| format!("the response could not be read ({})", describe(&e)))?;
        if Reflect::get(&chunk, &"done".into()).map_or(true, |d| d.is_truthy()) {
            break;
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(|e| format!("the response could not be read ({})", describe(&e)))?
            .unchecked_into();
        let start = bytes.len();
        let len = value.length() as usize;
        if start + len > cap {
            let _ = reader.cancel();
            return Err(too_big(start + len, cap));
        }
        bytes.resize(start + len, 0);
        value.copy_to(&mut bytes[start..]);
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
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
