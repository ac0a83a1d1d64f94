//! A large snapshot's words tokenized in a Web Worker, beside the page that reads it.
//!
//! The page reads each record as its bytes arrive ([`paperdeck_core::CatalogLoader`]) and
//! sends the papers' searchable texts to the worker, which turns them into word ids
//! ([`paperdeck_core::TextTokenizer`]) and sends those back; the page adds them to the
//! index it builds as they come, between chunks. Tokenizing and interning are about a
//! third of a load's instructions; the page's own share shrinks by a quarter, since it
//! writes the texts and checks the answers (docs/performance.md, "Tokenizing in a
//! worker").
//!
//! The worker is `index-worker.js` (public/), running this same wasm: the page sends it the
//! compiled module and the URL of wasm-bindgen's glue, so the wasm is neither downloaded
//! nor compiled again (only the glue script is fetched again, from the cache where the host
//! allows it); in the worker, `main` returns at once (there is no window) and
//! [`index_worker_tokenize`] does the work. Anything that goes wrong on that side (no
//! workers in this browser, a sandboxed embed that may not start one, an error, ids that do
//! not fit) costs only time: the page then builds the index itself from the papers it has
//! read.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use paperdeck_core::{IndexToFinish, TextTokenizer};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Below this many bytes a snapshot is tokenized on the page: starting the worker would
/// cost more than it saves. A snapshot of unknown length (or compressed: its declared
/// length is the compressed one) gets a worker once this much has arrived (`src/load.rs`).
pub const WORTH_A_WORKER: usize = 1 << 20;

/// How long the page waits for the worker's next answer once it has read every record.
const SILENCE_MS: i32 = 10_000;

/// How often, while it waits, the page looks whether its load is still wanted.
const TICK_MS: i32 = 250;

/// The worker tokenizing the snapshot being read; stopped when dropped.
pub struct IndexWorker {
    worker: web_sys::Worker,
    /// The worker's answers not yet taken: batches of word ids, or what went wrong.
    answers: Rc<RefCell<VecDeque<JsValue>>>,
    /// Resolves the promise [`next_answer`](Self::next_answer) waits on.
    wake: Rc<RefCell<Option<Function>>>,
    failed: Cell<bool>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl IndexWorker {
    /// Whether this page may start a worker at all: not without `Worker`, nor in a
    /// sandboxed frame (an opaque origin may not start a worker from a URL).
    pub fn possible() -> bool {
        let window = leptos::prelude::window();
        Reflect::has(&window, &"Worker".into()).unwrap_or(false) && window.origin() != "null"
    }

    /// A started worker, or `None` when it cannot be started here.
    pub fn start() -> Option<IndexWorker> {
        let glue = glue_url()?;
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options("index-worker.js", &options).ok()?;
        let answers = Rc::new(RefCell::new(VecDeque::new()));
        let wake: Rc<RefCell<Option<Function>>> = Rc::new(RefCell::new(None));
        let answer = {
            let (answers, wake) = (answers.clone(), wake.clone());
            move |data: JsValue| {
                answers.borrow_mut().push_back(data);
                if let Some(wake) = wake.borrow_mut().take() {
                    let _ = wake.call0(&JsValue::NULL);
                }
            }
        };
        let on_message = {
            let answer = answer.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                answer(event.data())
            })
        };
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            // Handled: the page tokenizes the papers itself, so no error for the console.
            event.prevent_default();
            answer(JsValue::from_str("the index worker failed"))
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        // Made before the first message, so that the worker is stopped (on drop) whatever
        // goes wrong from here.
        let started = IndexWorker {
            worker,
            answers,
            wake,
            failed: Cell::new(false),
            _on_message: on_message,
            _on_error: on_error,
        };
        let start = js_sys::Object::new();
        Reflect::set(&start, &"glue".into(), &glue.into()).ok()?;
        Reflect::set(&start, &"module".into(), &wasm_bindgen::module()).ok()?;
        started.worker.post_message(&start).ok()?;
        Some(started)
    }

    /// Sends the texts of the papers read since the last batch (nothing when empty).
    pub fn send(&self, texts: &[u8]) {
        if texts.is_empty() || self.failed.get() {
            return;
        }
        // Copied once out of the wasm memory, then moved to the worker, not copied again.
        let batch = Uint8Array::from(texts);
        if self.worker.post_message_with_transfer(&batch, &Array::of1(&batch.buffer())).is_err() {
            self.failed.set(true);
        }
    }

    /// Hands each batch of word ids that has come back to `add`, in order; after an
    /// answer that is not one, or one `add` refuses, the worker counts as failed.
    pub fn take_answers(&self, mut add: impl FnMut(&[u8]) -> Result<(), String>) {
        loop {
            let next = self.answers.borrow_mut().pop_front();
            let Some(answer) = next else { return };
            if self.failed.get() {
                continue;
            }
            let added = match answer.dyn_into::<Uint8Array>() {
                Ok(tokens) => add(&tokens.to_vec()).is_ok(),
                Err(_) => false,
            };
            self.failed.set(!added);
        }
    }

    /// True once the worker has failed: the page tokenizes the papers itself.
    pub fn failed(&self) -> bool {
        self.failed.get()
    }

    /// Takes the word ids still on their way once every record is read, while the index
    /// awaits them: until every paper has its words, the worker has failed or been silent
    /// for [`SILENCE_MS`], or `wanted` says this load was replaced (looked at every
    /// [`TICK_MS`]). The index is then finished from what came (or built from the papers),
    /// if it is still wanted.
    pub async fn last_answers(self, index: &mut IndexToFinish, wanted: impl Fn() -> bool) {
        let mut silent_for = 0;
        loop {
            self.take_answers(|tokens| index.add_tokenized(tokens));
            if index.words_from_elsewhere() {
                // For tests and benchmarks: every paper's words came from the worker.
                if let Some(performance) = leptos::prelude::window().performance() {
                    let _ = performance.mark("paperdeck:words-from-worker");
                }
                return;
            }
            if self.failed.get() || !index.awaits_words() || !wanted() {
                return;
            }
            match self.next_answer(TICK_MS).await {
                true => silent_for = 0,
                false if silent_for + TICK_MS >= SILENCE_MS => return self.failed.set(true),
                false => silent_for += TICK_MS,
            }
        }
    }

    /// Resolves when an answer is waiting to be taken (true), or after `ms` without one.
    async fn next_answer(&self, ms: i32) -> bool {
        if !self.answers.borrow().is_empty() {
            return true;
        }
        let wake = self.wake.clone();
        let arrived = Promise::new(&mut |resolve, _| {
            let _ = leptos::prelude::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms);
            *wake.borrow_mut() = Some(resolve);
        });
        let _ = JsFuture::from(arrived).await;
        self.wake.borrow_mut().take();
        !self.answers.borrow().is_empty()
    }
}

impl Drop for IndexWorker {
    fn drop(&mut self) {
        // Handlers first: an answer already on its way must not call the closures dropped
        // with this.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.set_onmessageerror(None);
        self.worker.terminate();
        // For tests: when the page stopped its worker (a replaced load's must stop soon
        // after; the browser reports the worker gone a little later).
        if let Some(performance) = leptos::prelude::window().performance() {
            let _ = performance.mark("paperdeck:index-worker-stopped");
        }
    }
}

/// The URL of wasm-bindgen's glue, which Trunk preloads as a module: the worker imports
/// it to run the same wasm.
fn glue_url() -> Option<String> {
    let link = leptos::prelude::document().query_selector("link[rel=modulepreload][href$='.js']").ok()??;
    Some(link.unchecked_into::<web_sys::HtmlLinkElement>().href())
}

thread_local! {
    /// In the worker: the words met so far, each with its id.
    static TOKENIZER: RefCell<TextTokenizer> = RefCell::new(TextTokenizer::new());
}

/// In the worker: one batch of texts from the page, as word ids for it.
#[wasm_bindgen]
pub fn index_worker_tokenize(texts: &[u8]) -> Result<Vec<u8>, JsError> {
    TOKENIZER.with_borrow_mut(|tokenizer| tokenizer.tokenize(texts)).map_err(|e| JsError::new(&e))
}
