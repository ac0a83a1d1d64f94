// What one rendered frame costs the main thread in Chromium, after a change of each size:
// the floor under "every keystroke within one frame" (issue #15, goal 2). A keystroke's
// script work (search, reactive updates, DOM calls) comes on top of the frame that shows
// it, so the frame after a new page of cards bounds how fast a keystroke can be.
// Each figure is the median (and 90th percentile) of 60 frames: change the page in a task,
// then time from the next frame's animation callback to a task posted from it, which runs
// once that frame's style, layout, paint and commit are done.
// 1. A blank page with one paragraph: an unchanged frame, and one whose text changed
//    (this machine's floor for any change).
// 2. The explorer on SNAPSHOT.json: an unchanged frame; one card title's text changed;
//    the first page's text nodes given the next page's texts in place, every element
//    kept, as cards reused by position would change (structure aside); the first page of cards
//    (PAGE_SIZE, 4) replaced by fresh nodes of the same markup, as a keystroke replaces them. For that last case, the frame's main-thread time by trace
//    event (style, layout, paint, …), from a DevTools performance trace.
// Usage: node bench/browser-frame-cost.mjs SNAPSHOT.json [--dist=DIR] [--width=PX]
//   (after `make build`)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, searchable } from '../tests/browser/harness.mjs';

const file = process.argv[2];
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dist = option('dist') ? path.resolve(ROOT, option('dist')) : DIST;
const width = Number(option('width') ?? 1280);
const FRAMES = 60;
const PAGE_SIZE = 4; // crates/core/src/view/paging.rs

const server = await serveStatic(dist, { overrides: { 'bench-papers.json': { body: readFileSync(file) } } });
const browser = await launchBrowser();

/** In the page: the cost of the frame after each `change(i)`, median and 90th percentile. */
const measureInPage = async (page, changes) =>
  page.evaluate(async ({ changes, frames, pageSize }) => {
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const timeFrame = () => new Promise((r) => requestAnimationFrame(() => {
      const t = performance.now();
      const c = new MessageChannel();
      c.port1.onmessage = () => r(performance.now() - t);
      c.port2.postMessage(0);
    }));
    const list = document.querySelector('[data-testid="paper-list"]');
    const firstCards = list ? [...list.querySelectorAll(':scope > li')].slice(0, pageSize) : [];
    const markup = firstCards.map((li) => li.outerHTML);
    const title = document.querySelector('[data-testid="paper-card"] .paper-title a');
    const paragraph = document.getElementById('text');
    // The texts of cards 5–8, to write into the first page's cards in place: what reusing
    // cards by position would leave the frame (every element kept, each text node given
    // the text of the same-numbered text node of another card).
    const textNodes = (el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      return nodes;
    };
    const allCards = [...document.querySelectorAll('[data-testid="paper-card"]')];
    const texts = (cards) => cards.map((c) => textNodes(c).map((t) => t.data));
    const swaps = [texts(allCards.slice(pageSize, 2 * pageSize)), texts(allCards.slice(0, pageSize))];
    const kinds = {
      unchanged: () => {},
      text: (i) => { paragraph.textContent = `Changed ${i} times`; },
      title: (i) => { title.textContent = `A changed title, ${i}`; },
      reuse: (i) => {
        firstCards.forEach((li, k) => {
          const source = swaps[i % 2][k];
          if (source) textNodes(li).forEach((t, j) => { if (j < source.length) t.data = source[j]; });
        });
      },
      // Fresh nodes for the first page, as a new answer builds them.
      cards: () => {
        firstCards.forEach((li, k) => {
          const fresh = document.createElement('template');
          fresh.innerHTML = markup[k];
          const node = fresh.content.firstElementChild;
          li.replaceWith(node);
          firstCards[k] = node;
        });
      },
    };
    const out = {};
    for (const kind of changes) {
      const times = [];
      for (let i = 0; i < frames; i++) {
        await nextFrame();
        kinds[kind](i);
        times.push(await timeFrame());
      }
      times.sort((a, b) => a - b);
      out[kind] = { p50: times[frames >> 1], p90: times[Math.floor(frames * 0.9)], cards: firstCards.length };
    }
    return out;
  }, { changes, frames: FRAMES, pageSize: PAGE_SIZE });

/** The main thread's time by trace event over `run`, per frame. */
const traceFrames = async (page, run) => {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  // The busiest renderer main thread is the page's (other renderers may report too).
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byThread = mains.map((m) => {
    const total = new Map();
    for (const e of events) {
      if (e.ph === 'X' && e.dur && e.pid === m.pid && e.tid === m.tid) total.set(e.name, (total.get(e.name) ?? 0) + e.dur);
    }
    return total;
  });
  const busy = (t) => t.get('RunTask') ?? 0;
  return byThread.sort((x, y) => busy(y) - busy(x))[0] ?? new Map();
};

const ms = (x) => `${x.toFixed(1)} ms`;
const line = (label, r) => `| ${label} | ${ms(r.p50)} | ${ms(r.p90)} |`;
try {
  // The harness's browser is a context: its pages take their size from setViewportSize.
  const blank = await browser.newPage();
  await blank.setViewportSize({ width, height: 900 });
  await blank.setContent('<!doctype html><p id="text">A paragraph of text.</p>');
  const b = await measureInPage(blank, ['unchanged', 'text']);
  await blank.close();

  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.url}?data=bench-papers.json`);
  await searchable(page, { timeout: 120000 });
  await page.locator('[data-testid="paper-list"]:not([data-growing])').waitFor({ timeout: 60000 });
  // Two pages of cards: the second one's texts are what the first page is given in place
  // (a phone-sized screen settles with fewer).
  const cards = page.getByTestId('paper-card');
  while ((await cards.count()) < 2 * PAGE_SIZE && (await page.getByTestId('show-more').count()) > 0) {
    const before = await cards.count();
    await page.getByTestId('show-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="paper-card"]').length > n, before);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('[data-testid="paper-list"]:not([data-growing])').waitFor({ timeout: 60000 });
  const a = await measureInPage(page, ['unchanged', 'title', 'reuse', 'cards']);
  let traced;
  const events = await traceFrames(page, async () => { traced = await measureInPage(page, ['cards']); });
  await page.close();

  const papers = JSON.parse(readFileSync(file)).papers.length;
  console.log(`In Chromium ${browser.browser()?.version() ?? ''}, ${width} × 900 px: the main thread's time for one frame after a change (${FRAMES} frames each)\n`);
  console.log('| change before the frame | p50 | p90 |');
  console.log('|---|---:|---:|');
  console.log(line('blank page, nothing', b.unchanged));
  console.log(line('blank page, one paragraph\'s text', b.text));
  console.log(line(`explorer (${papers} papers), nothing`, a.unchanged));
  console.log(line('explorer, one card title\'s text', a.title));
  console.log(line(`explorer, the first ${a.cards.cards} cards' text nodes given other cards' texts in place`, a.reuse));
  console.log(line(`explorer, the first ${a.cards.cards} cards replaced by fresh nodes`, a.cards));
  const names = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];
  const byEvent = names.map((n) => `${n} ${ms((events.get(n) ?? 0) / 1000 / FRAMES)}`).join(', ');
  console.log(`\nper change to fresh cards, by trace event (a traced pass of ${FRAMES} changes, p50 ${ms(traced.cards.p50)}; it also renders the unchanged frame before each change, ~0.4 ms): ${byEvent}`);
} finally {
  await browser.close();
  await server.close();
}
