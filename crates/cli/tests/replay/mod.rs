//! A local replay server for `paperdeck update`'s tests: a `TcpListener` on 127.0.0.1
//! that answers each request path (with its query, exactly) with recorded replies in
//! turn (the last one repeats), each with its status, headers, body, an optional delay
//! before answering, and an optional cut (a `Content-Length` larger than the bytes sent).
//! `{base}` in a header or body is the server's own URL. Every request is logged with
//! its headers and the time it came.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub delay: Duration,
    /// Send only this many bytes of the body (with the whole body's Content-Length).
    pub cut: Option<usize>,
}

impl Reply {
    pub fn ok(body: impl Into<Vec<u8>>) -> Self {
        Self { status: 200, headers: Vec::new(), body: body.into(), delay: Duration::ZERO, cut: None }
    }

    pub fn status(status: u16, body: &str) -> Self {
        Self { status, ..Self::ok(body) }
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn delayed(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    pub fn cut_at(mut self, bytes: usize) -> Self {
        self.cut = Some(bytes);
        self
    }
}

/// One request the server saw.
#[derive(Clone, Debug)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub at: Instant,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

type Routes = HashMap<String, (Vec<Reply>, usize)>;

pub struct Replay {
    pub base: String,
    routes: Arc<Mutex<Routes>>,
    log: Arc<Mutex<Vec<Request>>>,
}

impl Replay {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let routes: Arc<Mutex<Routes>> = Arc::default();
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let (r, l, b) = (routes.clone(), log.clone(), base.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, l, b) = (r.clone(), l.clone(), b.clone());
                thread::spawn(move || {
                    let _ = serve(stream, &r, &l, &b);
                });
            }
        });
        Self { base, routes, log }
    }

    /// Answers `path` (with its query) with `replies` in turn.
    pub fn route(&self, path: &str, replies: Vec<Reply>) {
        self.routes.lock().unwrap().insert(path.to_string(), (replies, 0));
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }

    pub fn paths(&self) -> Vec<String> {
        self.requests().into_iter().map(|r| r.path).collect()
    }

    pub fn clear_log(&self) {
        self.log.lock().unwrap().clear();
    }
}

fn serve(
    stream: TcpStream,
    routes: &Mutex<Routes>,
    log: &Mutex<Vec<Request>>,
    base: &str,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((n, v)) = h.trim_end().split_once(':') {
            headers.push((n.trim().to_string(), v.trim().to_string()));
        }
    }
    log.lock().unwrap().push(Request { path: path.clone(), headers, at: Instant::now() });
    let reply = {
        let mut routes = routes.lock().unwrap();
        match routes.get_mut(&path) {
            Some((replies, next)) => {
                let reply = replies[(*next).min(replies.len() - 1)].clone();
                *next += 1;
                reply
            }
            None => Reply::status(404, &format!("no recorded answer for {path}")),
        }
    };
    thread::sleep(reply.delay);
    let body = String::from_utf8_lossy(&reply.body).replace("{base}", base).into_bytes();
    let mut out = stream;
    let mut head = format!(
        "HTTP/1.1 {} Replayed\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        body.len()
    );
    for (n, v) in &reply.headers {
        head += &format!("{n}: {}\r\n", v.replace("{base}", base));
    }
    head += "\r\n";
    out.write_all(head.as_bytes())?;
    out.write_all(&body[..reply.cut.unwrap_or(body.len()).min(body.len())])?;
    out.flush()
}
