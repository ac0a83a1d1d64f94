//! Fetching the snapshot. Parsing and validation happen in the core; this only moves bytes
//! and turns every failure into a message that says what failed and where, and keeps the
//! latest request's answer when the snapshot URL changes. A snapshot comes from the page's
//! own site unless its deployer allows another ([`origin`]), and is read only up to
//! `MAX_SNAPSHOT_BYTES` ([`body`]).

mod body;
mod index_worker;
mod origin;

use std::sync::Arc;

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;
use paperdeck_core::{Catalog, CatalogLoader, DataOrigin, IndexToFinish, Problem, MAX_SNAPSHOT_BYTES};

use self::index_worker::{IndexWorker, WORTH_A_WORKER};

use crate::after_paint::next_paint_or;
use crate::next_task::next_task;

/// How long the index's last work waits for the first view's paint at most (a hidden tab
/// paints nothing).
const FIRST_PAINT_WAIT_MS: i32 = 200;

/// The bundled snapshot, relative to the page so the app works from any sub-path.
pub const DEFAULT_SNAPSHOT_URL: &str = "papers.json";

/// A snapshot ready to explore, with what was wrong in it.
pub struct Loaded {
    pub url: String,
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
    /// Records left out because they broke a required rule.
    pub skipped: usize,
    /// The other site the snapshot comes from, which the page names in a lasting notice;
    /// `None` for the page's own.
    pub foreign_origin: Option<String>,
    /// Notified when the catalog gets its index after the first view was shown without
    /// it (`Catalog::has_index`); what answers a search tracks it.
    pub index_built: ArcTrigger,
}

#[derive(Clone)]
pub enum LoadState {
    Loading,
    /// `fetched`: the file arrived (and was not a snapshot); else it could not be had at
    /// all (refused, missing, the network), which the message and its hint tell apart.
    Failed {
        url: String,
        message: String,
        fetched: bool,
    },
    Ready(Arc<Loaded>),
}

/// Fetches and reads the snapshot at `url`, telling `progress` how many records have been
/// read after each chunk, and how much of the file has arrived (in percent, when its
/// length is declared and it comes from this page's own site); stops early (with
/// `Loading`, which nobody reads) once `wanted` says another request has replaced this
/// one. When the index worker's last words are
/// still on their way and the first view does not search (`searches_first` says whether
/// it does), the catalog is ready before its index, which is then to come
/// ([`IndexToCome::finish`]): the first cards need no index.
pub async fn load_snapshot(
    url: &str,
    wanted: impl Fn() -> bool,
    progress: impl Fn(usize, Option<u8>),
    searches_first: impl Fn() -> bool,
) -> (LoadState, Option<IndexToCome>) {
    let failed = |message: String| LoadState::Failed { url: url.to_string(), message, fetched: false };
    let foreign_origin = match origin::judge(url) {
        Err(message) => return (failed(message), None),
        Ok(DataOrigin::Own) => None,
        Ok(DataOrigin::Allowed(site)) => Some(site),
        Ok(DataOrigin::Refused(site)) => {
            return (
                failed(format!(
                    "this page shows papers from its own site only, and {site} is another site \
                     (the page's owner can allow it)"
                )),
                None,
            )
        }
    };
    // Records are read and indexed as their bytes arrive, between chunks, so this work
    // overlaps the download; what needs every paper and the first render are separate
    // tasks (see `next_task`). A large snapshot's words are indexed in a worker meanwhile
    // ([`index_worker`]). Each record's bytes are dropped once read, so the text is
    // not held beside the catalog; a file the reader cannot vouch for (a broken record,
    // say) is fetched and read again whole, for the whole read's message.
    let first_loader = |length: Option<usize>| {
        // A worker at once for a large snapshot, once 1 MB has arrived for one of unknown
        // length (a small one never gets one), none where none can start.
        // Without a worker, a file of unknown length under 1 MB is tokenized after its last
        // byte (`IndexToFinish::finish`): a few milliseconds.
        let worker_due = match length {
            Some(n) if n < WORTH_A_WORKER => None,
            Some(_) => Some(0),
            None => Some(WORTH_A_WORKER),
        };
        match worker_due.filter(|_| IndexWorker::possible()) {
            Some(due) => (CatalogLoader::forgetful_indexing_elsewhere(length.unwrap_or(0)), Some(due)),
            None => (CatalogLoader::forgetful(length.unwrap_or(0)), None),
        }
    };
    let mut to_come = None;
    // A percent of the file only from the page's own site: another site's compressed file
    // may show its compressed length, which the page cannot tell (no Content-Encoding
    // without its consent).
    let percent_known = foreign_origin.is_none();
    let (first, read_first) = match read_into(url, first_loader, &wanted, &progress, percent_known).await {
        Err(message) => return (failed(message), None),
        Ok(None) => return (LoadState::Loading, None),
        Ok(Some(Read { loader, worker })) => {
            mark("paperdeck:snapshot-read");
            let read = loader.records_read();
            match loader.read_or_read_again() {
                None => (None, read),
                Some(Err(e)) => {
                    mark("paperdeck:catalog-built");
                    (Some(Err(e)), read)
                }
                Some(Ok(awaiting)) => {
                    mark("paperdeck:catalog-but-index");
                    let (loaded, index) = awaiting.before_index();
                    let index = IndexToCome { index, worker };
                    if index.awaited() && !searches_first() {
                        to_come = Some(index);
                    } else if !index.finish(&loaded.catalog, &wanted).await {
                        return (LoadState::Loading, None);
                    }
                    (Some(Ok(loaded)), read)
                }
            }
        }
    };
    // Reading again, the count stays where the first read left it until it passes it, and
    // no percent is said (the file arrives a second time).
    let progress_again = |n: usize, _: Option<u8>| progress(n.max(read_first), None);
    let keep_text = |length: Option<usize>| (CatalogLoader::with_capacity(length.unwrap_or(0)), None);
    let finished = match first {
        Some(finished) => finished,
        None => match read_into(url, keep_text, &wanted, &progress_again, false).await {
            Err(message) => return (failed(message), None),
            Ok(None) => return (LoadState::Loading, None),
            Ok(Some(read)) => {
                let finished = read.loader.finish();
                mark("paperdeck:catalog-built");
                finished
            }
        },
    };
    let state = match finished {
        Err(e) => LoadState::Failed { url: url.to_string(), message: e.to_string(), fetched: true },
        Ok(loaded) => LoadState::Ready(Arc::new(Loaded {
            url: url.to_string(),
            catalog: loaded.catalog,
            problems: loaded.problems,
            notes: loaded.notes,
            skipped: loaded.skipped,
            foreign_origin,
            index_built: ArcTrigger::new(),
        })),
    };
    (state, to_come)
}

/// The index still to finish once every record is read, and the worker whose last words
/// it may await: finished before the first view, or after it ([`load_snapshot`]).
pub struct IndexToCome {
    index: IndexToFinish,
    worker: Option<IndexWorker>,
}

impl IndexToCome {
    /// True while a worker's words are still on their way.
    fn awaited(&self) -> bool {
        self.worker.is_some() && self.index.awaits_words()
    }

    /// Takes the worker's last words, finishes the index and gives it to `catalog` (the
    /// one it came with); false, with nothing done, once `wanted` says the load was
    /// replaced.
    async fn finish(mut self, catalog: &Catalog, wanted: impl Fn() -> bool) -> bool {
        if let Some(worker) = self.worker.take() {
            worker.last_answers(&mut self.index, &wanted).await;
        }
        if !wanted() {
            return false;
        }
        self.index.finish(catalog);
        mark("paperdeck:catalog-built");
        true
    }
}

/// Leaves a User Timing mark: the steps of a load, for DevTools and the benchmarks
/// (`bench/browser-load-ab.mjs`). A file read again whole (`read_or_read_again`) marks
/// only its first read's steps and the catalog built.
fn mark(name: &str) {
    if let Some(performance) = leptos::prelude::window().performance() {
        let _ = performance.mark(name);
    }
}

/// What [`read_into`] read: the loader, and the worker tokenizing for it.
struct Read {
    loader: CatalogLoader,
    worker: Option<IndexWorker>,
}

/// Fetches `url` into a loader made by `new_loader` (given the length the body will have,
/// when declared; with the bytes after which a worker should tokenize for it, if any),
/// reporting the records read to `progress`, with the percent of the body arrived when
/// `percent_known` and its length is declared; `None` once `wanted` says this request was
/// replaced.
async fn read_into(
    url: &str,
    new_loader: impl Fn(Option<usize>) -> (CatalogLoader, Option<usize>),
    wanted: &impl Fn() -> bool,
    progress: &impl Fn(usize, Option<u8>),
    percent_known: bool,
) -> Result<Option<Read>, String> {
    let response = Request::get(url).send().await.map_err(|e| format!("the request failed ({e})"))?;
    if !response.ok() {
        return Err(format!("the server answered HTTP {} {}", response.status(), response.status_text()));
    }
    let length = body::decoded_length(&response);
    let (mut loader, mut worker_due) = new_loader(length);
    let mut worker: Option<IndexWorker> = None;
    let mut bytes = 0;
    body::read_at_most(&response, MAX_SNAPSHOT_BYTES, |chunk| {
        bytes += chunk.len();
        loader.push(chunk);
        if worker_due.is_some_and(|due| bytes >= due) {
            worker_due = None;
            worker = IndexWorker::start();
            if worker.is_none() {
                loader.tokenize_here();
            }
        }
        if let Some(w) = &worker {
            w.send(&loader.take_texts());
            w.take_answers(|tokens| loader.add_tokenized(tokens));
            if w.failed() {
                // What it has not answered is tokenized here, as the rest will be: every
                // paper read so far at once (a long task late in a large file; a worker
                // failing there is rare).
                loader.tokenize_here();
                worker = None;
            }
        }
        // In u64: a usize is 32 bits in wasm, and a 100k snapshot is 250 MB. More bytes
        // than declared: the length was not the body's, so no percent.
        let percent = length
            .filter(|&n| percent_known && bytes <= n)
            .map(|n| (bytes as u64 * 100 / n.max(1) as u64) as u8);
        progress(loader.records_read(), percent);
        wanted()
    })
    .await?;
    next_task().await;
    Ok(wanted().then_some(Read { loader, worker }))
}

/// The latest snapshot request: its state, and while it loads, how far it has come
/// ([`Progress`]).
#[derive(Clone, Copy)]
pub struct LatestLoad {
    pub state: ReadSignal<LoadState>,
    pub progress: ReadSignal<Progress>,
}

/// How far a load has come: the records read, and the percent of the file arrived when
/// its length is declared and the file is the page's own site's (none while a file is read
/// again whole).
pub type Progress = (usize, Option<u8>);

/// The snapshot at `url`, loaded again whenever `url` changes. Only the latest request
/// counts: after Back and Forward between two `data` values, a slower answer to the older
/// one never replaces the newer. `searches_first` says whether the view the snapshot
/// will first be shown in searches (then it waits for the index).
pub fn load_latest(url: Memo<String>, searches_first: impl Fn() -> bool + Copy + 'static) -> LatestLoad {
    let (state, set_state) = signal(LoadState::Loading);
    let (progress, set_progress) = signal::<Progress>((0, None));
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        let url = url.get();
        let request = latest.get_value() + 1;
        latest.set_value(request);
        set_state.set(LoadState::Loading);
        set_progress.set((0, None));
        spawn_local(async move {
            let wanted = move || latest.try_get_value() == Some(request);
            let report = move |n: usize, percent: Option<u8>| {
                if wanted() && progress.get_untracked() != (n, percent) {
                    set_progress.set((n, percent));
                }
            };
            let (answer, index_to_come) = load_snapshot(&url, wanted, report, searches_first).await;
            next_task().await;
            if !wanted() {
                return;
            }
            let ready = match &answer {
                LoadState::Ready(loaded) => Some(loaded.clone()),
                _ => None,
            };
            set_state.set(answer);
            if let (Some(loaded), Some(index)) = (ready, index_to_come) {
                // The first view is rendered now; its paint comes before the index's last
                // work (or a timer, for a hidden tab, which paints nothing).
                next_paint_or(FIRST_PAINT_WAIT_MS).await;
                if index.finish(&loaded.catalog, wanted).await {
                    loaded.index_built.notify();
                }
            }
        });
    });
    LatestLoad { state, progress }
}
