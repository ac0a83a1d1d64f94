//! The HTTP client of `paperdeck update`: GET with a timeout, proxies from the environment
//! (ureq reads `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY`), and retries with
//! backoff on 429 and 5xx answers and on broken connections (a timeout, a body cut short),
//! waiting as long as a `Retry-After` header asks. Any other answer but 200 is an error at
//! once, with the start of its body.

use std::fmt;
use std::thread::sleep;
use std::time::Duration;

use ureq::Agent;

/// How long the client waits, for what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// The most one request (connect, answer and body) may take.
    pub timeout: Duration,
    /// The wait before the first retry; each further retry waits twice as long.
    pub backoff: Duration,
    /// What one second of `Retry-After` is.
    pub second: Duration,
    /// The wait between two requests to the arXiv API (its terms of use ask for 3 s).
    pub arxiv_interval: Duration,
    /// Requests made for one URL at most, the first included.
    pub attempts: u32,
}

impl Timing {
    /// The waits real services get.
    pub const REAL: Self = Self {
        timeout: Duration::from_secs(60),
        backoff: Duration::from_secs(2),
        second: Duration::from_secs(1),
        arxiv_interval: Duration::from_secs(3),
        attempts: 4,
    };

    /// Waits a hundred times shorter, for tests against a local replay server only.
    pub const TEST: Self = Self {
        timeout: Duration::from_millis(600),
        backoff: Duration::from_millis(20),
        second: Duration::from_millis(10),
        arxiv_interval: Duration::from_millis(30),
        attempts: 4,
    };
}

/// The longest `Retry-After` the client accepts, in seconds; a longer one fails the source.
pub const MAX_RETRY_AFTER_SECS: u64 = 300;

/// The most one answer's body may hold.
pub const MAX_BODY_BYTES: u64 = 64 << 20;

/// A successful answer: its body and the headers the sources read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub body: String,
    /// The `Link` header (Zotero's paging), when sent.
    pub link: Option<String>,
    /// How many requests it took (1 without retries).
    pub attempts: u32,
}

/// Why a GET failed, after its retries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpError {
    pub url: String,
    pub message: String,
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GET {}: {}", self.url, self.message)
    }
}

impl std::error::Error for HttpError {}

/// A client: one connection pool, one timing.
pub struct Client {
    agent: Agent,
    pub timing: Timing,
}

/// What one attempt gave.
enum Attempt {
    Done(Page),
    /// Worth another try: why, and how long the server asked to wait.
    Retry(String, Option<Duration>),
    Fail(String),
}

impl Client {
    pub fn new(timing: Timing) -> Self {
        let agent = Agent::config_builder()
            .timeout_global(Some(timing.timeout))
            .http_status_as_error(false)
            .user_agent(concat!("paperdeck/", env!("CARGO_PKG_VERSION"), " (paperdeck update)"))
            .build()
            .into();
        Self { agent, timing }
    }

    /// GETs `url` with `headers`, retrying as the module says.
    pub fn get(&self, url: &str, headers: &[(&str, &str)]) -> Result<Page, HttpError> {
        let mut wait = self.timing.backoff;
        for attempt in 1..=self.timing.attempts {
            let why = match self.attempt(url, headers) {
                Attempt::Done(mut page) => {
                    page.attempts = attempt;
                    return Ok(page);
                }
                Attempt::Fail(message) => return Err(HttpError { url: url.to_string(), message }),
                Attempt::Retry(why, asked) => {
                    if attempt == self.timing.attempts {
                        why
                    } else {
                        sleep(asked.unwrap_or(wait));
                        wait *= 2;
                        continue;
                    }
                }
            };
            let message = format!("{why} (after {attempt} attempts)");
            return Err(HttpError { url: url.to_string(), message });
        }
        unreachable!("at least one attempt is made")
    }

    fn attempt(&self, url: &str, headers: &[(&str, &str)]) -> Attempt {
        let mut request = self.agent.get(url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut response = match request.call() {
            Ok(r) => r,
            Err(e) => return transport_error(&e),
        };
        let status = response.status().as_u16();
        let header =
            |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let retry_after = header("retry-after");
        let link = header("link");
        let body = response.body_mut().with_config().limit(MAX_BODY_BYTES).read_to_string();
        let reason = response.status().canonical_reason().unwrap_or("");
        match status {
            200 => match body {
                Ok(body) => Attempt::Done(Page { body, link, attempts: 1 }),
                Err(e) => match transport_error(&e) {
                    Attempt::Retry(why, _) => Attempt::Retry(format!("the body was cut short: {why}"), None),
                    other => other,
                },
            },
            429 | 500..=599 => {
                let why = format!("HTTP {status} {reason}");
                match retry_after.as_deref().map(|v| (v, retry_after_secs(v))) {
                    Some((_, Some(secs))) if secs > MAX_RETRY_AFTER_SECS => Attempt::Fail(format!(
                        "{why}, and Retry-After asks to wait {secs} s, more than the {MAX_RETRY_AFTER_SECS} s this command waits; try again later"
                    )),
                    Some((_, Some(secs))) => {
                        Attempt::Retry(why, Some(self.timing.second * u32::try_from(secs).unwrap_or(u32::MAX)))
                    }
                    _ => Attempt::Retry(why, None),
                }
            }
            _ => {
                let start: String = body
                    .unwrap_or_default()
                    .chars()
                    .take(200)
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let said = if start.is_empty() { String::new() } else { format!(": {start}") };
                Attempt::Fail(format!("HTTP {status} {reason}{said}"))
            }
        }
    }
}

/// A failure before or while reading an answer: a timeout or a broken connection is worth
/// a retry, a bad URL or proxy setting is not.
fn transport_error(e: &ureq::Error) -> Attempt {
    use ureq::Error as E;
    match e {
        E::Timeout(_) => Attempt::Retry(format!("no answer in time ({e})"), None),
        E::Io(_) | E::Protocol(_) | E::ConnectionFailed | E::HostNotFound => {
            Attempt::Retry(e.to_string(), None)
        }
        E::BodyExceedsLimit(_) => {
            Attempt::Fail(format!("the answer is larger than {} MiB", MAX_BODY_BYTES >> 20))
        }
        _ => Attempt::Fail(e.to_string()),
    }
}

/// The seconds a `Retry-After` value asks for: a whole number of seconds (an HTTP date is
/// not read: the usual backoff applies).
pub fn retry_after_secs(value: &str) -> Option<u64> {
    value.trim().parse().ok()
}

/// `value` percent-encoded for a URL query (RFC 3986 unreserved characters kept).
pub fn query_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The URL of `rel="next"` in a `Link` header (`<URL>; rel="next", <URL>; rel="last"`).
pub fn next_link(link: &str) -> Option<&str> {
    link.split(',').find_map(|part| {
        let (url, params) = part.trim().split_once(';')?;
        let url = url.trim().strip_prefix('<')?.strip_suffix('>')?;
        params.split(';').any(|p| p.trim() == "rel=\"next\"" || p.trim() == "rel=next").then_some(url)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_headers_as_zotero_sends_them() {
        // headers-paging.txt [A] and [B] (pyzotero, zotero-api-client test code).
        let a = "<https://api.zotero.org/users/436/items/top?limit=1&start=1>; rel=\"next\", <https://api.zotero.org/users/436/items/top?limit=1&start=2319>; rel=\"last\", <https://www.zotero.org/users/436/items/top>; rel=\"alternate\"";
        assert_eq!(next_link(a), Some("https://api.zotero.org/users/436/items/top?limit=1&start=1"));
        let last = "<https://api.zotero.org/users/475425/items/top>; rel=\"first\", <https://www.zotero.org/users/475425/items/top>; rel=\"alternate\"";
        assert_eq!(next_link(last), None);
    }

    #[test]
    fn queries_are_percent_encoded() {
        assert_eq!(
            query_encode("au:del_maestro AND ti:\"checkerboard\""),
            "au:del_maestro%20AND%20ti:%22checkerboard%22"
        );
        assert_eq!(query_encode("Wölflein"), "W%C3%B6lflein");
    }

    #[test]
    fn retry_after_in_seconds() {
        assert_eq!(retry_after_secs(" 120 "), Some(120));
        assert_eq!(retry_after_secs("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }
}
