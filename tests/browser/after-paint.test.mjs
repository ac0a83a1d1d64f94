// The filter panel's counts and the timeline follow each answer in the task after the
// frame that shows its cards (src/after_paint.rs), once per frame while answers come
// faster. What a person must still see: once typing stops, every count, facet entry and
// bar is the one of the last answer, exactly as a fresh page opened on the same view
// shows it, never one of the answers typed through on the way.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serveStatic, launchBrowser, snapshotJson, panelsFollowed } from './harness.mjs';

// 48 papers over eight months of 2024, with topics, venues, authors and code links that
// differ between the papers about video and the rest, so every panel changes with the
// query typed below.
const WORDS = ['video', 'language', 'diffusion', 'agents'];
const PAPERS = Array.from({ length: 48 }, (_, i) => {
  const word = WORDS[i % 4];
  return {
    id: `p${i}`,
    title: `${word} models number ${i}`,
    abstract: `On ${word}, and vectors.`,
    authors: [`Ada ${word}`, `Bo Number${i % 5}`],
    published: `2024-0${1 + (i % (word === 'video' ? 3 : 8))}-1${i % 9}`,
    tags: [word, i % 3 ? 'benchmark' : 'theory'],
    venue: i % 2 ? 'NeurIPS' : `Workshop ${word}`,
    ...(i % 4 === 0 || i % 5 === 0 ? { links: { code: `https://example.org/code/${i}` } } : {}),
  };
});

let browser;
let server;
const pages = [];
before(async () => {
  browser = await launchBrowser();
  server = await serveStatic(DIST, { overrides: { 'papers.json': { body: snapshotJson(PAPERS) } } });
});
afterEach(async () => { while (pages.length) await pages.pop().close(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(query = '') {
  const page = await browser.newPage();
  pages.push(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url + query);
  await page.getByTestId('paper-card').first().waitFor();
  await page.getByTestId('timeline').waitFor();
  // The open filter panel is built in the task after the first cards' frame.
  await panelsFollowed(page);
  return page;
}

/** What the side panels show: the count line, every filter entry's text (label and
 *  count), every bar's period, count, label and drawn height. */
const panels = (page) => page.evaluate(() => ({
  count: document.querySelector('[data-testid="result-count"]').textContent,
  filters: [...document.querySelectorAll('aside.filters li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
  bars: [...document.querySelectorAll('[data-testid="timeline-bar"]')].map((g) => [
    g.dataset.from, g.dataset.count, g.getAttribute('aria-label'), g.querySelector('.timeline-fill').getAttribute('height'),
  ].join(' ')),
}));

/** Types `text` a letter at a time, faster than frames: each letter in a task of its own
 *  (a message the page posts itself, which runs before the next frame is due), so each
 *  letter is answered, and the panels' follow-up asked for by the first is still waiting
 *  when the next answers come. */
const burst = (page, text) => page.evaluate(async (text) => {
  const input = document.querySelector('[data-testid="search-input"]');
  const message = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  for (let i = 1; i <= text.length; i++) {
    input.value = text.slice(0, i);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await message();
  }
}, text);

/** Waits until `page`'s panels read `want`, or fails with what they read. */
async function settlesOn(page, want) {
  let got;
  for (let i = 0; i < 50; i++) {
    got = await panels(page);
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(got, want);
}

test('after a burst of keystrokes the counts, facets and bars are the last answer\'s, as a fresh page shows them', async () => {
  const fresh = await panels(await open('?q=video'));
  const first = await panels(await open('?q=v')); // every paper (each has "vectors")
  // The view typed through differs from the last one in every panel, so a panel left on
  // an answer on the way would show.
  assert.notEqual(fresh.count, first.count);
  assert.notDeepEqual(fresh.filters, first.filters);
  assert.notDeepEqual(fresh.bars, first.bars);
  assert.ok(fresh.filters.length > 5 && fresh.bars.length > 1, 'the panels have something to compare');

  const page = await open();
  await burst(page, 'video');
  await settlesOn(page, fresh);
  // And back: clearing the box brings every panel back to the whole collection's.
  await page.getByTestId('search-input').fill('');
  await settlesOn(page, await panels(await open()));
});

test('a chosen filter value shows as chosen, with the counts of the view it makes', async () => {
  const page = await open('?q=video');
  const before = await panels(page);
  await page.getByTestId('tag-facet').locator('.facet-option[data-value="theory"]').click();
  const chosen = page.getByTestId('tag-facet').locator('.facet-option[data-value="theory"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="tag-facet"] .facet-option[data-value="theory"]')?.getAttribute('aria-pressed') === 'true');
  assert.equal(await chosen.getAttribute('aria-pressed'), 'true');
  const search = new URL(page.url()).search;
  assert.match(search, /theory/);
  const fresh = await panels(await open(search));
  assert.notDeepEqual(fresh, before);
  await settlesOn(page, fresh);
});

test('the frame after a keystroke already shows its cards and count: only the side panels follow later', async () => {
  const fresh = await open('?q=video');
  const want = await fresh.evaluate(() => ({
    count: document.querySelector('[data-testid="result-count"]').textContent,
    cards: [...document.querySelectorAll('[data-testid="paper-card"]')].slice(0, 4).map((c) => c.dataset.paperId),
  }));
  const page = await open('?q=v'); // every paper (each has "vectors")
  assert.notEqual((await panels(page)).count, want.count, 'the keystroke changes the count');
  // Read in the animation callback of the first frame after the input event: what that
  // frame paints.
  const got = await page.evaluate(() => new Promise((resolve) => {
    const input = document.querySelector('[data-testid="search-input"]');
    input.value = 'video';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => resolve({
      count: document.querySelector('[data-testid="result-count"]').textContent,
      cards: [...document.querySelectorAll('[data-testid="paper-card"]')].slice(0, 4).map((c) => c.dataset.paperId),
    }));
  }));
  assert.deepEqual(got, want);
});

test('a wide page paints its first cards before it builds the filters, which then show every filter of the link', async () => {
  const page = await browser.newPage();
  pages.push(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  // What the page holds when its first card is added, and in the animation callback of
  // the first frame that paints a card: the filter panel, and its entries.
  await page.addInitScript(() => {
    const now = () => ({
      panel: !!document.querySelector('aside.filters'),
      entries: document.querySelectorAll('aside.filters li').length,
    });
    const card = () => document.querySelector('[data-testid="paper-card"]');
    const added = new MutationObserver(() => {
      if (!card()) return;
      window.__atFirstCard = now();
      added.disconnect();
    });
    added.observe(document, { childList: true, subtree: true });
    const look = () => (card() ? (window.__firstCardFrame = now()) : requestAnimationFrame(look));
    requestAnimationFrame(look);
  });
  await page.goto(`${server.url}?q=video&tag=theory`);
  await page.getByTestId('paper-card').first().waitFor();
  await page.waitForFunction(() => window.__firstCardFrame);
  const seen = await page.evaluate(() => ({ added: window.__atFirstCard, painted: window.__firstCardFrame }));
  assert.deepEqual(seen, { added: { panel: true, entries: 0 }, painted: { panel: true, entries: 0 } },
    'the first cards are added and painted with the panel, without its filters');
  await panelsFollowed(page);
  const filters = page.locator('aside.filters');
  assert.ok(await filters.locator('li').count() > 5, 'the filters are built');
  // The link's filter is shown as chosen, and the panel is laid out and readable.
  const theory = page.getByTestId('tag-facet').locator('.facet-option[data-value="theory"]');
  assert.equal(await theory.getAttribute('aria-pressed'), 'true');
  assert.ok(await theory.isVisible());
  const box = await filters.boundingBox();
  assert.ok(box.width > 150 && box.height > 300, `the panel is laid out (${JSON.stringify(box)})`);
});
