// Paperdeck in Debian's chromium, next to MiniSearch and FlexSearch in the same browser:
// load the explorer on a snapshot, type the keystrokes of bench/queries.json into the
// search box (three warm-up passes, then a timed one), and time each one (1) end to end, from the input event until the results
// are in the DOM and laid out, and (2) for the core's search alone (the `paperdeck:search`
// User Timing measure the app records). Then index the same papers with MiniSearch and
// FlexSearch in the page and time the same keystrokes (text search only: no filters,
// facets or sorting, which Paperdeck's figures include).
// Also: the long tasks (over 50 ms) while typing, the wasm memory after loading and after
// typing, and the end-to-end times split by whether a frame was rendered inside the
// keystroke's window (its pre-paint, paint and commit then count too; style and layout
// count either way). `--no-peers` leaves the libraries out (at 100k papers they take minutes).
// `--width=N` types on a page N px wide and 844 tall (390: a phone) instead of 1280 × 720.
// Usage: node bench/browser-keystrokes.mjs SNAPSHOT.json [--no-peers] [--view=PARAMS] [--dist=DIR] [--width=N]
//   (after `make build`)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser } from '../tests/browser/harness.mjs';
import { keystrokes, percentiles, fmt } from './keystrokes.mjs';

const file = process.argv[2];
const peers = !process.argv.includes('--no-peers');
// `--view=PARAMS`: more URL parameters for the explorer (`--view=timeline=0`).
const extraView = process.argv.find((a) => a.startsWith('--view='))?.slice('--view='.length);
const body = readFileSync(file);
const lib = (p) => ({ body: readFileSync(path.join(ROOT, 'node_modules', p)), type: 'text/javascript' });
const distArg = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
const server = await serveStatic(distArg ? path.resolve(ROOT, distArg) : DIST, {
  overrides: {
    'bench-papers.json': { body },
    'bench-minisearch.js': lib('minisearch/dist/umd/index.js'),
    'bench-flexsearch.js': lib('flexsearch/dist/flexsearch.bundle.min.js'),
  },
});
const browser = await launchBrowser();
const page = await browser.newPage();
const width = Number(process.argv.find((a) => a.startsWith('--width='))?.slice('--width='.length));
if (width) await page.setViewportSize({ width, height: 844 });
const papers = JSON.parse(body).papers.length;
const keys = keystrokes().map((k) => k.q);
const row = (name, times, extra) => {
  const { p50, p95, max } = percentiles(times);
  const over = times.filter((t) => t > 16.7).length;
  return `| ${name} | ${extra} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(max)} | ${over} of ${times.length} |`;
};
// The wasm instance's memory, from the event Trunk's loader sends when the app starts.
await page.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (e) => { window.benchWasmMemory = e.detail.wasm.memory; });
});
const wasmMb = () => page.evaluate(() => (window.benchWasmMemory?.buffer.byteLength ?? NaN) / 2 ** 20);
try {
  // From navigation to the first card in the page, looked for at every frame (Playwright's
  // own waiting looks only every 500 ms once it has waited 0.3 s).
  await page.goto(`${server.url}?data=bench-papers.json${extraView ? `&${extraView}` : ''}`, { waitUntil: 'commit' });
  const loadMs = Math.round(await page.evaluate(() => new Promise((resolve) => {
    const look = () => (document.querySelector('[data-testid="paper-card"]') ? resolve(performance.now()) : requestAnimationFrame(look));
    look();
  })));
  // A large snapshot's first cards come before its index (src/load.rs): typing starts once
  // the index is built (the app's User Timing mark).
  const searchableMs = Math.round(await page.evaluate(() => new Promise((resolve) => {
    const look = () => {
      const [built] = performance.getEntriesByName('paperdeck:catalog-built');
      if (built) resolve(built.startTime);
      else setTimeout(look, 10);
    };
    look();
  })));
  const loadedMb = await wasmMb();
  const paperdeck = await page.evaluate(async (keys) => {
    const input = document.querySelector('[data-testid="search-input"]');
    const settle = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    // Whether the page rendered a frame inside the keystroke's window: one animation
    // callback, asked for as the keystroke starts (the frame that shows its change, which
    // the page would render anyway), and cancelled if the window ends first. A keystroke
    // whose window holds that frame also pays for its pre-paint, paint and commit (see the
    // split printed below).
    const type = async (value) => {
      let framed = false;
      const frame = requestAnimationFrame(() => { framed = true; });
      const t = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      void document.body.offsetHeight; // include layout
      const total = performance.now() - t;
      cancelAnimationFrame(frame);
      const [m] = performance.getEntriesByName('paperdeck:search');
      return { total, search: m ? m.duration : NaN, framed };
    };
    // Three warm-up passes (the native benchmark and the libraries below get one), then
    // the timed pass: a page that gets slower with use shows in the pass times and in
    // the figures.
    let total = [];
    let search = [];
    let framed = [];
    let longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    // Each pass's whole time: a timed pass slower than the warm-up one means work that
    // grows with use (a timeline that recreated its bars on each answer once leaked their
    // subscriptions, and every pass was slower than the one before).
    const passMs = [];
    for (let pass = 0; pass < 4; pass++) {
      total = [];
      search = [];
      framed = [];
      longTasks = [];
      const start = performance.now();
      for (const k of keys) {
        if (k.length === 1) await type('');
        const r = await type(k);
        total.push(r.total);
        search.push(r.search);
        framed.push(r.framed);
      }
      passMs.push(performance.now() - start);
    }
    await new Promise((r) => setTimeout(r, 100)); // the observer reports asynchronously
    observer.disconnect();
    return { total, search, framed, longTasks, passMs };
  }, keys);
  const typedMb = await wasmMb();

  const longest = Math.max(0, ...paperdeck.longTasks);
  const memory = `wasm memory ${loadedMb.toFixed(0)} MB after loading, ${typedMb.toFixed(0)} MB after typing`;
  const tasks = `${paperdeck.longTasks.length} long tasks (over 50 ms) while typing the timed pass${paperdeck.longTasks.length ? `, the longest ${longest.toFixed(0)} ms` : ''}`;
  let libs = null;
  if (peers) {
    await page.addScriptTag({ url: `${server.url}bench-minisearch.js` });
    await page.addScriptTag({ url: `${server.url}bench-flexsearch.js` });
    libs = await page.evaluate(async (keys) => {
      const snapshot = await (await fetch('bench-papers.json')).json();
      const docs = snapshot.papers.map((p, i) => ({
        i, title: p.title, abstract: p.abstract ?? '', authors: (p.authors ?? []).join(' '),
        tags: (p.tags ?? []).join(' '), venue: p.venue ?? '',
      }));
      const fields = ['title', 'abstract', 'authors', 'tags', 'venue'];
      const run = (build, query) => {
        const t = performance.now();
        const index = build();
        const buildMs = performance.now() - t;
        keys.forEach((k) => query(index, k)); // warm-up pass
        const times = keys.map((k) => { const s = performance.now(); query(index, k); return performance.now() - s; });
        return { buildMs, times };
      };
      const mini = run(() => {
        const ms = new MiniSearch({ idField: 'i', fields, searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 3, authors: 2 } } });
        ms.addAll(docs);
        return ms;
      }, (ms, q) => ms.search(q).length);
      const flex = run(() => {
        const index = new FlexSearch.Document({ tokenize: 'forward', document: { id: 'i', index: fields } });
        for (const d of docs) index.add(d);
        return index;
      }, (index, q) => {
        const ids = new Set();
        for (const { result } of index.search(q, { limit: docs.length })) for (const id of result) ids.add(id);
        return ids.size;
      });
      return { mini, flex };
    }, keys);
  }
  console.log(`In Chromium ${browser.browser()?.version() ?? ''}: ${papers} papers, ${keys.length} keystrokes (bench/queries.json), a page ${page.viewportSize()?.width ?? '?'} × ${page.viewportSize()?.height ?? '?'} px`);
  console.log('');
  console.log('| engine | load / index | p50 per keystroke | p95 | max | over one frame (16.7 ms) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(row('Paperdeck, end to end (search + DOM + layout)', paperdeck.total, `${loadMs} ms to first card, ${searchableMs} to searchable`));
  console.log(row('Paperdeck core search in wasm (incl. filters, facets, sort)', paperdeck.search, 'in the load above'));
  const slowest = (times) => times.map((t, i) => [t, keys[i]]).sort((a, b) => b[0] - a[0]).slice(0, 5)
    .map(([t, k]) => `\`${k}\` ${fmt(t)}`).join(', ');
  if (libs) {
    console.log(row('MiniSearch 7.2 (prefix, AND), query only', libs.mini.times, `${libs.mini.buildMs.toFixed(0)} ms index`));
    console.log(row('FlexSearch 0.8 (forward), query only', libs.flex.times, `${libs.flex.buildMs.toFixed(0)} ms index`));
  }
  console.log('');
  const split = (withFrame) => paperdeck.total.filter((_, i) => paperdeck.framed[i] === withFrame);
  const [inFrame, noFrame] = [split(true), split(false)];
  const median = (times) => (times.length ? fmt(percentiles(times).p50) : 'none');
  console.log(`end to end, split by whether the page rendered a frame inside the keystroke's window: ${inFrame.length} with a frame, p50 ${median(inFrame)}; ${noFrame.length} without, p50 ${median(noFrame)}`);
  console.log(`slowest keystrokes, Paperdeck core: ${slowest(paperdeck.search)}`);
  if (libs) console.log(`slowest keystrokes, FlexSearch: ${slowest(libs.flex.times)}`);
  console.log(`\n${tasks}; ${memory}; passes ${paperdeck.passMs.map((p) => p.toFixed(0)).join(', ')} ms (the last one timed).`);
} finally {
  await page.close();
  await browser.close();
  await server.close();
}
