// A large snapshot's words are tokenized in a Web Worker while the page reads the records
// (src/load/index_worker.rs, public/index-worker.js). The worker only saves time: whatever
// happens to it, a person sees the same papers, counts and highlights as when the page
// tokenizes everything itself.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, serveStatic, launchBrowser, snapshotJson, cardIds, cardStyle, indexBuilt, listSettled, STYLED_CARD, screenshot } from './harness.mjs';

let browser;
const cleanups = [];
before(async () => { browser = await launchBrowser(); });
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });
after(async () => { await browser?.close(); });

// Words with repeats, shared prefixes and non-ASCII letters, so the vocabulary has both
// common and rare words and the tokenizer's folding matters.
const WORDS = ('diffusion transformer transformers attention neural network model models ' +
  'language large vision graph reinforcement learning sparse mixture experts retrieval ' +
  'Über naïve café Straße résumé 漢字 agents reasoning benchmark scaling laws tokenizer').split(' ');
const word = (i) => WORDS[(i * 7919 + (i >> 3)) % WORDS.length];
/** `n` words from the eight that follow `seed` in the list: each paper has a few topics. */
const sentence = (seed, n) => Array.from({ length: n }, (_, k) => WORDS[(seed + ((k * k + 3 * k) % 8)) % WORDS.length]).join(' ');

const RELATED = new Set([251, 671]);

/** A snapshot of 700 papers, ~1.7 MB: over the size the page starts a worker for (1 MB,
 *  by the Content-Length the test server sends). */
function largeSnapshot() {
  const papers = Array.from({ length: 700 }, (_, i) => ({
    id: `p${i}`,
    // The two newest (251 and 671) share two words no other paper has: related papers.
    title: i === 5 ? '<img src=x onerror="window.ran=1"> Diffusion' : `${sentence(i, 6)} ${i}${RELATED.has(i) ? ' quasar lensing' : ''}`,
    authors: [`Ada ${word(i)}`, `Bo Chen${i % 40}`, i % 3 ? 'Jürgen Schmidhuber' : 'Yann LeCun'],
    published: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    upvotes: (i * 37) % 500,
    tags: [word(i + 1), word(i + 2)],
    abstract: `${sentence(i * 5, 300)}.`,
  }));
  return snapshotJson(papers);
}
const SNAPSHOT = largeSnapshot();

const QUERIES = ['', 'diffusion', 'transf', '"neural network"', 'naive cafe', 'strasse', '漢字', 'author:schmidhuber', 'title:graph -vision', 'zzzqx'];

/** The page's own policy (docs/deploying.md), which a host may also send as a header: the
 *  worker's script then gets it too. */
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'";

/** Opens the app on `snapshot` (the large one unless given; `chunked`: with no declared
 *  length) and `query` (more URL parameters), with `worker` served as index-worker.js when
 *  given, `setup` run in the page before it starts and `csp` sent as a header. Returns the
 *  page, the workers it started (`closed` counts those that have stopped), the page's
 *  errors and, without a `query`, the milliseconds from navigation to the first card,
 *  having waited for the index unless `awaitIndex` is false. */
async function open({ worker, setup, csp = null, snapshot = SNAPSHOT, chunked = false, query = '', awaitIndex = true } = {}) {
  const overrides = { 'big.json': { body: snapshot, chunked } };
  if (worker) overrides['index-worker.js'] = worker;
  const server = await serveStatic(DIST, { overrides, csp });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const workers = [];
  workers.closed = 0;
  page.on('worker', (w) => {
    workers.push(w.url());
    w.on('close', () => workers.closed++);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (setup) await page.addInitScript(setup);
  cleanups.push(async () => { await page.close(); await server.close(); });
  await page.goto(`${server.url}?data=big.json${query && `&${query}`}`, { waitUntil: 'commit' });
  if (query) return { page, workers, errors };
  const firstCardMs = await page.evaluate(() => new Promise((resolve) => {
    const look = () => (document.querySelector('[data-testid="paper-card"]') ? resolve(performance.now()) : requestAnimationFrame(look));
    look();
  }));
  // The first cards may come before the index (when the worker's last words are still on
  // their way); the searches the tests type need it.
  // (A silent worker delays the index by 10 s.)
  if (awaitIndex) await indexBuilt(page, { timeout: 20000 });
  return { page, workers, errors, firstCardMs };
}

/** Whether every paper's words came from the worker (a User Timing mark the app sets). */
const fromWorker = (page) => page.evaluate(() => performance.getEntriesByName('paperdeck:words-from-worker').length === 1);

/** What the page shows for each query: the count, the first cards and the highlighted words. */
async function answers(page) {
  const seen = [];
  for (const q of QUERIES) {
    await page.getByTestId('search-input').fill(q);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === (q || null), q);
    const ids = await cardIds(page);
    const count = await page.getByTestId('result-count').textContent();
    const marks = await page.locator('[data-testid="paper-card"] mark').evaluateAll((ms) => ms.slice(0, 12).map((m) => m.textContent));
    seen.push({ q, count, ids, marks });
  }
  return seen;
}

let expected;
test('the papers of a large snapshot are tokenized in a worker, and searched as without one', async () => {
  const alone = await open({ setup: () => { delete window.Worker; } });
  assert.equal(alone.workers.length, 0, 'no worker without window.Worker');
  assert.equal(await fromWorker(alone.page), false);
  expected = await answers(alone.page);
  // Sanity: the queries match papers, rank them and highlight them.
  assert.equal(expected[0].count, '700');
  assert.ok(Number(expected[1].count) > 0 && Number(expected[1].count) < 700);
  assert.ok(expected[1].marks.length > 0);
  assert.equal(expected.at(-1).count, '0');

  const { page, workers, errors } = await open({ csp: POLICY });
  assert.equal(workers.length, 1);
  assert.match(workers[0], /\/index-worker\.js$/);
  assert.ok(await fromWorker(page), 'the words came from the worker');
  assert.deepEqual(await answers(page), expected);
  // What a person sees: styled, readable cards; the hostile title is text.
  await page.getByTestId('search-input').fill('');
  assert.deepEqual(await cardStyle(page), STYLED_CARD);
  await page.getByTestId('search-input').fill('onerror');
  await page.getByTestId('paper-card').first().waitFor();
  assert.match(await page.getByTestId('paper-card').first().innerText(), /<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.ran), undefined);
  assert.deepEqual(errors, []);
  await screenshot(page, 'index-worker');
  // Its work done, the worker is stopped.
  for (let i = 0; i < 50 && workers.closed === 0; i++) await page.waitForTimeout(100);
  assert.equal(workers.closed, 1, 'the worker is stopped once the papers are indexed');
});

test('a worker that cannot load, answers nonsense or falls silent costs nothing but time', async () => {
  assert.ok(expected, 'the first test ran');
  const broken = {
    missing: { status: 404, body: 'not found' },
    nonsense: { body: 'self.onmessage = (e) => { if (e.data instanceof Uint8Array) postMessage(new Uint8Array([1, 2, 3])); };' },
    thrown: { body: 'self.onmessage = () => { throw new Error("broken worker"); };' },
    // Never answers: the page waits 10 s for an answer after reading the last record.
    silent: { body: 'self.onmessage = () => {};' },
  };
  for (const [name, worker] of Object.entries(broken)) {
    const { page, workers, errors, firstCardMs } = await open({ worker });
    assert.equal(workers.length, 1, name);
    assert.equal(await fromWorker(page), false, name);
    // The first cards never wait for the worker. The index does: not for one that says it
    // failed (the page tokenizes the rest itself as it reads), for a silent one 10 s after
    // the last record.
    assert.ok(firstCardMs < 8000, `${name}: first card at ${firstCardMs} ms`);
    const [built] = await page.evaluate(() => performance.getEntriesByName('paperdeck:catalog-built').map((m) => m.startTime));
    if (name === 'silent') assert.ok(built >= 10000, `${name}: index built at ${built} ms`);
    else assert.ok(built < 8000, `${name}: index built at ${built} ms`);
    assert.deepEqual(await answers(page), expected, name);
    assert.deepEqual(errors, [], name);
    await page.close();
  }
});

test('a snapshot the page reads again as a whole does not wait for the worker', async () => {
  assert.ok(expected, 'the first test ran');
  // An escaped top-level key: the page reads the whole text again rather than vouch for
  // its streamed reading, and that catalog tokenizes its papers itself.
  const escaped = SNAPSHOT.replace('{"format"', '{"titl\\u0065":"Escaped","format"');
  assert.notEqual(escaped, SNAPSHOT);
  // (Its worker may be stopped before Playwright has seen it start.)
  const { page, workers, errors, firstCardMs } = await open({ snapshot: escaped });
  assert.ok(firstCardMs < 8000, `first card at ${firstCardMs} ms`);
  assert.equal(await fromWorker(page), false);
  assert.deepEqual(await answers(page), expected);
  for (let i = 0; i < 50 && workers.closed < workers.length; i++) await page.waitForTimeout(100);
  assert.equal(workers.closed, workers.length, 'no worker left running');
  assert.deepEqual(errors, []);
});

test('a small snapshot starts no worker, whether its size is declared or not', async () => {
  const small = snapshotJson(JSON.parse(SNAPSHOT).papers.slice(0, 60));
  const declared = await open({ snapshot: small });
  assert.equal(declared.workers.length, 0, 'declared under 1 MB: no worker');
  assert.equal(await declared.page.getByTestId('result-count').textContent(), '60');
  // Of unknown length, a worker starts once 1 MB has arrived, so a large file is
  // tokenized in it and a small one never has one.
  const large = await open({ chunked: true });
  assert.equal(large.workers.length, 1);
  assert.ok(await fromWorker(large.page), 'a large file of unknown length is tokenized in the worker');
  assert.deepEqual(await answers(large.page), expected);
  await large.page.close();
  const undeclared = await open({ snapshot: small, chunked: true });
  assert.equal(undeclared.workers.length, 0, 'a small file of unknown length: no worker');
  for (const { page } of [declared, undeclared]) {
    await page.getByTestId('search-input').fill('diffusion');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'diffusion');
  }
  assert.deepEqual(await cardIds(undeclared.page), await cardIds(declared.page));
  assert.ok((await cardIds(declared.page)).length > 0);
});

// Shown before its index (no search), or waiting for it in the loading state (a search).
for (const [shown, query] of [['shown', ''], ['opened on a search', '&q=diffusion']]) {
  test(`a load replaced while it waits for its worker stops waiting and stops the worker (${shown})`, async () => {
    const small = snapshotJson(JSON.parse(SNAPSHOT).papers.slice(0, 60));
    const overrides = {
      'big.json': { body: SNAPSHOT },
      'small.json': { body: small },
      // Never answers: once every record is read, the page would wait 10 s for it.
      'index-worker.js': { body: 'self.onmessage = () => {};' },
    };
    const server = await serveStatic(DIST, { overrides });
    const page = await browser.newPage();
    cleanups.push(async () => { await page.close(); await server.close(); });
    const closed = [];
    page.on('worker', (w) => w.on('close', () => closed.push(performance.now())));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?data=big.json${query}`);
    // Every record read (and, without a search, shown), the page now waits for the silent
    // worker's words.
    if (query) await page.waitForFunction(() => document.querySelector('[data-testid="loading-progress"]')?.textContent === '700 papers read (100% of the file)');
    else assert.equal(await page.getByTestId('result-count').textContent(), '700');
    assert.equal(closed.length, 0);
    const stopped = () => performance.getEntriesByName('paperdeck:index-worker-stopped').map((m) => m.startTime);
    assert.deepEqual(await page.evaluate(stopped), []);
    const replaced = await page.evaluate(() => {
      history.pushState(null, '', `?data=small.json${location.search.includes('q=') ? '&q=diffusion' : ''}`);
      dispatchEvent(new PopStateEvent('popstate'));
      return performance.now();
    });
    await page.getByTestId('paper-card').first().waitFor();
    if (!query) assert.equal(await page.getByTestId('result-count').textContent(), '60');
    else assert.ok(Number(await page.getByTestId('result-count').textContent()) < 60);
    // The page stops the worker within a few of its 250 ms looks, not after its 10 s wait
    // for a silent worker (page clock; `paperdeck:index-worker-stopped` is marked as it
    // terminates the worker)...
    await page.waitForFunction(() => performance.getEntriesByName('paperdeck:index-worker-stopped').length > 0, null, { timeout: 15000 });
    const [at] = await page.evaluate(stopped);
    assert.ok(at - replaced < 4000, `stopped ${Math.round(at - replaced)} ms after the load was replaced`);
    // ...and the browser reports the worker gone. Once, in a full run on a loaded machine,
    // no report came within 4 s (before the mark above existed): this waits longer, and
    // the mark tells a late report apart from a page that did not stop its worker.
    for (let i = 0; i < 100 && closed.length === 0; i++) await page.waitForTimeout(100);
    assert.equal(closed.length, 1, 'the replaced load\'s worker is gone');
    assert.deepEqual(errors, []);
  });
}

/** The real worker, its answers held until the page says "release" on a BroadcastChannel:
 *  the index stays unfinished for as long as a test needs (the page gives up on a worker
 *  silent for 10 s). */
async function heldWorker() {
  const real = await readFile(path.join(DIST, 'index-worker.js'), 'utf8');
  return `const held = [];
let released = false;
const send = self.postMessage.bind(self);
self.postMessage = (message, transfer) => (released ? send(message, transfer) : held.push([message, transfer]));
new BroadcastChannel('paperdeck-test').onmessage = () => {
  released = true;
  for (const [message, transfer] of held.splice(0)) send(message, transfer);
};
${real}`;
}

test('a large snapshot shows its first cards before its index, and answers a search once the index is built', async () => {
  assert.ok(expected, 'the first test ran');
  const release = (page) => page.evaluate(() => new BroadcastChannel('paperdeck-test').postMessage('release'));
  const built = (page) => page.evaluate(() => performance.getEntriesByName('paperdeck:catalog-built').length > 0);
  const { page, errors } = await open({ worker: { body: await heldWorker() }, awaitIndex: false });
  // Every paper is shown, counted and styled while the words are still in the worker.
  await page.getByTestId('result-count').waitFor();
  assert.equal(await page.getByTestId('result-count').textContent(), '700');
  assert.equal(await built(page), false, 'the index is not built yet');
  assert.deepEqual(await cardStyle(page), STYLED_CARD);
  // A card opened now lists its related papers once the index is there.
  await page.locator('[data-paper-id="p251"] .paper-title a').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('paper') === 'p251');
  assert.equal(await page.getByTestId('related-papers').count(), 0);
  await release(page);
  const related = page.locator('[data-paper-id="p251"] [data-testid="related-papers"] li');
  await related.first().waitFor();
  assert.equal(await related.first().getAttribute('data-paper-id'), 'p671');
  assert.ok(await built(page));
  assert.ok(await fromWorker(page), 'the words came from the worker');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('paper'));
  // (Without the search, the list still holds the cards it grew to while one was open.)
  assert.deepEqual((await answers(page)).slice(1), expected.slice(1));
  assert.deepEqual(errors, []);

  // A search typed before the index says it waits, and nothing shown claims to be its
  // answer; the answer comes with the index.
  const second = await open({ worker: { body: await heldWorker() }, awaitIndex: false });
  await second.page.getByTestId('result-count').waitFor();
  await second.page.getByTestId('search-input').fill('diffusion');
  const note = second.page.getByTestId('awaiting-index');
  await note.waitFor();
  assert.equal(await note.textContent(), 'Searching as soon as the words are indexed…');
  assert.ok(await note.isVisible());
  assert.equal(await second.page.getByTestId('result-count').count(), 0);
  // The papers shown meanwhile are dimmed, busy, and not exported as the search's.
  const list = second.page.getByTestId('paper-list');
  const opacity = () => list.evaluate((e) => getComputedStyle(e).opacity);
  assert.equal(await opacity(), '0.5');
  assert.equal(await list.getAttribute('aria-busy'), 'true');
  const downloads = [];
  second.page.on('download', (d) => downloads.push(d));
  await second.page.getByTestId('export').locator('summary').click();
  await second.page.locator('[data-testid="export"] [data-format="bib"]').click();
  assert.equal(await second.page.getByTestId('export-status').textContent(), 'The search is not answered yet: save again in a moment');
  await screenshot(second.page, 'index-awaited');
  await release(second.page);
  await second.page.getByTestId('result-count').waitFor();
  assert.equal(await note.count(), 0);
  assert.equal(await opacity(), '1');
  assert.equal(await list.getAttribute('aria-busy'), null);
  assert.deepEqual(downloads, [], 'nothing was saved before the answer');
  await listSettled(second.page);
  assert.equal(await second.page.getByTestId('result-count').textContent(), expected[1].count);
  assert.deepEqual(await cardIds(second.page), expected[1].ids);
  assert.ok((await second.page.locator('[data-testid="paper-card"] mark').count()) > 0, 'the search is highlighted');
  assert.deepEqual(second.errors, []);
});

test('an embed of a large snapshot says a search typed before its index waits, then answers it', async () => {
  assert.ok(expected, 'the first test ran');
  const { page, errors } = await open({ worker: { body: await heldWorker() }, query: 'embed=1', awaitIndex: false });
  await page.getByTestId('paper-card').first().waitFor();
  await page.getByTestId('search-input').fill('diffusion');
  const note = page.getByTestId('awaiting-index');
  await note.waitFor();
  assert.ok(await note.isVisible());
  assert.equal(await page.getByTestId('paper-list').evaluate((e) => getComputedStyle(e).opacity), '0.5');
  await page.evaluate(() => new BroadcastChannel('paperdeck-test').postMessage('release'));
  await note.waitFor({ state: 'detached' });
  await listSettled(page);
  assert.equal(await page.getByTestId('paper-list').evaluate((e) => getComputedStyle(e).opacity), '1');
  assert.deepEqual((await cardIds(page)).slice(0, 4), expected[1].ids.slice(0, 4));
  assert.deepEqual(errors, []);
});

test('a large snapshot opened on a search waits for its index before its first cards', async () => {
  const { page } = await open({ worker: { body: await heldWorker() }, query: 'q=diffusion' });
  await page.waitForTimeout(1500);
  assert.equal(await page.getByTestId('paper-card').count(), 0, 'no unsearched cards first');
  await page.evaluate(() => new BroadcastChannel('paperdeck-test').postMessage('release'));
  await page.getByTestId('result-count').waitFor();
  assert.equal(await page.getByTestId('result-count').textContent(), expected[1].count);
  assert.equal(await page.getByTestId('awaiting-index').count(), 0);
});
