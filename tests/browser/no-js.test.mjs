// The page without the app (issue #13): `make build` writes every paper into index.html
// as plain HTML (paperdeck render) and an Atom feed of the default view (paperdeck feed).
// With JavaScript off, or WebAssembly missing, a reader still sees every paper and its
// permalink; with both, the app replaces the static list in the same places.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { holdBack, DIST, ROOT, serveStatic, launchBrowser, screenshot } from './harness.mjs';

const bundled = JSON.parse(readFileSync(path.join(ROOT, 'public/papers.json'), 'utf8'));
const FEED_LINK = 'link[rel="alternate"][type="application/atom+xml"]';
let server;

before(async () => {
  server = await serveStatic(DIST, { prefix: '/papers/' });
});

after(async () => {
  await server?.close();
});

/** Every static card's id, title and permalink, in order. */
function staticCards(page) {
  return page.locator('#paperdeck-static article.paper-card').evaluateAll((cards) =>
    cards.map((c) => {
      const a = c.querySelector('.paper-title a');
      return { id: c.dataset.paperId, title: a.textContent, href: a.getAttribute('href') };
    }),
  );
}

/** Checks that the page shows every paper of the bundled snapshot with a link to its own
 *  page (papers/ID.html, which links its permalink ?paper=ID). */
async function assertEveryPaper(page) {
  const cards = await staticCards(page);
  assert.equal(cards.length, bundled.papers.length);
  const byId = new Map(cards.map((c) => [c.id, c]));
  for (const paper of bundled.papers) {
    const card = byId.get(paper.id);
    assert.ok(card, `paper ${paper.id} is on the page`);
    assert.equal(card.title, paper.title);
    assert.equal(card.href, `papers/${paper.id}.html`);
  }
  // Visible, not only in the DOM: the first card on the first screen, the last one when
  // scrolled to.
  const firstBox = await page.locator('#paperdeck-static .paper-card').first().boundingBox();
  const { height } = page.viewportSize();
  assert.ok(firstBox && firstBox.y < height && firstBox.height > 50, 'the first card is on the first screen');
  const last = bundled.papers.at(-1);
  const lastCard = page.locator(`#paperdeck-static [data-paper-id="${last.id}"]`);
  await lastCard.scrollIntoViewIfNeeded();
  assert.ok(await lastCard.isVisible());
  const text = await page.locator('body').textContent();
  assert.ok(text.length > 10000, 'not a blank page');
}

/** A paper's own page as a reader and a crawler see it. */
async function assertPaperPage(page, paper) {
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1);
  assert.equal(await h1.textContent(), paper.title);
  assert.equal(await page.title(), `${paper.title} · ${bundled.title}`);
  // The explorer's stylesheet applies: a card with its border and padding, readable text.
  const card = await page.locator('article.paper-card').evaluate((el) => {
    const s = getComputedStyle(el);
    return { border: s.borderTopStyle, padding: parseFloat(s.paddingLeft), font: getComputedStyle(el.querySelector('h1')).fontSize };
  });
  assert.equal(card.border, 'solid');
  assert.ok(card.padding > 8 && parseFloat(card.font) >= 20, JSON.stringify(card));
  const abstract = page.locator('article .abstract-text');
  assert.ok(await abstract.isVisible(), 'the abstract is readable');
  assert.equal(await abstract.textContent(), paper.abstract);
  const meta = (name) => page.locator(`meta[name="${name}"]`).getAttribute('content');
  assert.equal(await meta('citation_title'), paper.title);
  assert.match(await meta('citation_abstract_html_url'), new RegExp(`\\?paper=${paper.id}$`));
  assert.match(await page.locator('pre.cite-bibtex').textContent(), /^@\w+\{/);
  assert.equal(await page.getByRole('link', { name: 'Open in the explorer' }).getAttribute('href'), `../?paper=${paper.id}`);
}

/** The chosen option of each Group menu a reader can see. */
const shownGroupMenus = (page) => page.locator('.group-control select').evaluateAll((menus) =>
  menus.filter((m) => m.getClientRects().length > 0).map((m) => m.selectedOptions[0].textContent));

test('with JavaScript off, every paper and its permalink are on the page', async () => {
  const browser = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await assertEveryPaper(page);
    assert.equal(await page.title(), 'Papers from Hugging Face', 'the tab and search engines read the collection\'s title');
    // Newest first, grouped by year.
    const years = await page.locator('#paperdeck-static .group-heading').evaluateAll((hs) => hs.map((h) => h.dataset.group));
    assert.deepEqual(years, [...years].sort().reverse());
    assert.ok(years.length > 1);
    assert.ok(await page.locator('#paperdeck-static .group-heading').first().isVisible(), 'the year headings show');
    assert.deepEqual(await shownGroupMenus(page), ['By year'], 'the Group menu says what the list shows');
    // The feed, in the head and visibly.
    assert.equal(await page.locator(FEED_LINK).getAttribute('href'), 'feed.xml');
    assert.ok(await page.getByRole('link', { name: 'Atom feed' }).isVisible());
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'no-js-desktop', { fullPage: false, scripts: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing wider than a phone');
    await screenshot(page, 'no-js-phone', { fullPage: false, scripts: false });
    // A title leads to the paper's own page: the paper, styled, with its citation meta
    // (what Google Scholar reads), its BibTeX and its permalink in the explorer.
    const first = bundled.papers.find((p) => p.abstract && p.links);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator(`#paperdeck-static [data-paper-id="${first.id}"] .paper-title a`).click();
    assert.equal(new URL(page.url()).pathname, `/papers/papers/${first.id}.html`);
    await assertPaperPage(page, first);
    await screenshot(page, 'paper-page-desktop', { fullPage: false, scripts: false });
    await page.setViewportSize({ width: 390, height: 844 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing wider than a phone');
    await screenshot(page, 'paper-page-phone', { fullPage: false, scripts: false });
    // Its permalink leads to the explorer's page, with the paper on it.
    await page.getByRole('link', { name: 'Open in the explorer' }).click();
    assert.equal(new URL(page.url()).search, `?paper=${encodeURIComponent(first.id)}`);
    assert.ok(await page.locator(`#paperdeck-static [data-paper-id="${first.id}"]`).isVisible());
    // The feed is there, an entry per paper.
    const feed = await (await page.request.get(new URL('feed.xml', server.url).href)).text();
    assert.equal(feed.match(/<entry>/g).length, bundled.papers.length);
  } finally {
    await browser.close();
  }
});

test('without WebAssembly, the static list stays: every paper, no blank page', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      delete window.WebAssembly;
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForLoadState('networkidle');
    assert.ok(errors.length > 0, 'the app could not start');
    await assertEveryPaper(page);
    // Its search box stays disabled: nothing would search what is typed there.
    const search = page.locator('#paperdeck-static input[type="search"]');
    assert.equal(await search.isDisabled(), true);
    assert.match(await search.getAttribute('placeholder'), /needs JavaScript/);
    assert.equal(await page.getByTestId('paper-card').count(), 0, 'no app cards');
  } finally {
    await browser.close();
  }
});

test('when the app cannot start, the static search box goes back to disabled', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.abort();
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    const search = page.locator('#paperdeck-static input[type="search"]');
    const count = page.locator('#paperdeck-static .result-summary .count');
    const countBefore = await count.textContent();
    await page.waitForFunction(() => !document.querySelector('#paperdeck-static input[type="search"]').disabled);
    await search.fill('lora');
    assert.equal(await count.textContent(), 'Searching as soon as the papers have loaded…');
    // The wasm's download fails.
    release();
    await page.waitForFunction(() => document.querySelector('#paperdeck-static input[type="search"]').disabled);
    assert.ok(errors.length > 0, 'the app could not start');
    assert.equal(await search.inputValue(), '');
    assert.match(await search.getAttribute('placeholder'), /needs JavaScript/);
    assert.equal(await count.textContent(), countBefore, 'the count is back');
    await assertEveryPaper(page);
  } finally {
    await browser.close();
  }
});

test('the static list shows its year headings exactly when the app will group by year, whatever the link says of group=', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    for (const query of ['', '?group=year', '?group=none', '?group=bogus', '?group=', '?group=year&group=none', '?group=kind', '?group=year&group=bogus']) {
      const release = await holdBack(page, '**/*.wasm');
      await page.goto(server.url + query);
      const staticHeading = page.locator('#paperdeck-static .group-heading').first();
      await page.locator('#paperdeck-static .paper-card').first().waitFor();
      const before = await staticHeading.isVisible();
      const staticMenu = await shownGroupMenus(page);
      release();
      await page.waitForFunction(() => !document.getElementById('paperdeck-static'));
      await page.getByTestId('paper-card').first().waitFor();
      const appGroups = await page.getByTestId('group-heading').count();
      assert.equal(before, appGroups > 0, `${query || '(no query)'}: static headings ${before}, app groups ${appGroups}`);
      // The static toolbar's Group menu (one in view) named what the static list showed.
      assert.deepEqual(staticMenu, [before ? 'By year' : 'No grouping'], `${query || '(no query)'}: the Group menu`);
      await page.unroute('**/*.wasm');
    }
  } finally {
    await browser.close();
  }
});

for (const width of [1280, 1100, 390]) test(`at ${width} px, the app replaces the static list, its toolbar and cards in the same places`, async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    // Hold the wasm back until the static card is measured.
    const release = await holdBack(page, '**/*.wasm');
    // Every layout shift until the app shows (the Cumulative Layout Shift Lighthouse scores).
    await page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => ({
        value: e.value,
        nodes: e.sources.map((s) => `${s.node?.nodeName} ${s.node?.className ?? ''} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`),
      })))).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.url);
    const staticFirst = page.locator('#paperdeck-static .paper-card').first();
    const staticBox = await staticFirst.boundingBox();
    // The static list's year headings are for readers without scripts: not shown here.
    assert.equal(await page.locator('#paperdeck-static .group-heading').first().isVisible(), false);
    const firstId = await staticFirst.getAttribute('data-paper-id');
    const first = bundled.papers.find((p) => p.id === firstId);
    release();
    const appCard = page.getByTestId('paper-card').first();
    await appCard.waitFor();
    assert.equal(await page.locator('#paperdeck-static').count(), 0, 'the static list is gone');
    assert.equal(await appCard.getAttribute('data-paper-id'), first.id);
    const appBox = await appCard.boundingBox();
    console.log(`first card: static ${JSON.stringify(staticBox)}, app ${JSON.stringify(appBox)}`);
    // Two frames later, so a shift of the swap is recorded.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shifts = await page.evaluate(() => window.shifts);
    const cls = shifts.reduce((sum, e) => sum + e.value, 0);
    // Under 0.1, what Lighthouse calls good. The swap itself shifts nothing (new nodes in
    // the static ones' place; the app's page is never laid out below the list meanwhile,
    // which made it 0.85–1.0). Usually 0.01–0.02 is left: cards growing by a line when
    // their "Show more" appears; once, in a full run, 0.056 from the toolbar re-wrapping.
    assert.ok(cls < 0.1, `layout shift ${cls.toFixed(3)}: ${JSON.stringify(shifts)}`);
    assert.ok(Math.abs(appBox.x - staticBox.x) <= 2, `same left edge (${staticBox.x} → ${appBox.x})`);
    assert.ok(Math.abs(appBox.width - staticBox.width) <= 2, `same width (${staticBox.width} → ${appBox.width})`);
    // The static toolbar, the folded filters and the count hold the app's places, and the
    // static list leaves out the year headings the app's default view does not show, so
    // the app's first card takes the static one's place (and is no larger: the page's
    // largest paint stays the static list's, not the app's).
    assert.ok(Math.abs(appBox.y - staticBox.y) <= 2, `first card in the same place (${staticBox.y} → ${appBox.y})`);
    // One copy of each title: the app's.
    const copies = await page.locator('.paper-title a').evaluateAll(
      (links, title) => links.filter((a) => a.textContent === title).length,
      first.title,
    );
    assert.equal(copies, 1);
    const occurrences = (tree) => tree.split(first.title).length - 1;
    const inCard = occurrences(await appCard.ariaSnapshot());
    assert.equal(occurrences(await page.locator('body').ariaSnapshot()), inCard, 'one card in the accessibility tree');
    // The feed link shows on the default view, and only there.
    assert.equal(await page.getByTestId('feed-link').getAttribute('href'), 'feed.xml');
    assert.equal(await page.locator(FEED_LINK).count(), 1);
    await page.goto(`${server.url}?q=lora`);
    await page.getByTestId('result-count').waitFor();
    assert.equal(await page.getByTestId('feed-link').count(), 0);
    assert.equal(await page.locator(FEED_LINK).count(), 0);
    await page.goto(`${server.url}?paper=${encodeURIComponent(first.id)}&view=list`);
    await page.getByTestId('result-count').waitFor();
    assert.equal(await page.getByTestId('feed-link').count(), 1, 'the same view with a card open');
  } finally {
    await browser.close();
  }
});

test(`a search typed in the static list while the app loads is the app's first answer, and typing goes on in its box`, async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // Neither the app nor the papers have come: the static list is all there is.
    const release = await holdBack(page, '**/*.wasm', '**/papers.json');
    await page.goto(server.url);
    const early = page.locator('#paperdeck-static input[type="search"]');
    await page.waitForFunction(() => !document.querySelector('#paperdeck-static input[type="search"]').disabled);
    const count = page.locator('#paperdeck-static .result-summary .count');
    const countBefore = await count.textContent();
    await early.click();
    await page.keyboard.type('mergin');
    // Said where the count was (a live region), and still the static list.
    assert.equal(await count.textContent(), 'Searching as soon as the papers have loaded…');
    assert.equal(await count.getAttribute('aria-live'), 'polite');
    assert.equal(await page.getByTestId('paper-card').count(), 0);
    // The caret is moved back two letters: the app's box must put it there too.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const earlyPlaceholder = await early.getAttribute('placeholder');
    assert.match(earlyPlaceholder, /^Search: "low rank"/);
    // Emptied, the box gives the count back; typed again, the note.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    assert.equal(await count.textContent(), countBefore);
    await page.keyboard.type('mergin');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // A selection made leftwards: the app's box keeps its direction too.
    await page.keyboard.press('Shift+ArrowLeft');
    release();
    const search = page.getByTestId('search-input');
    await page.getByTestId('paper-card').first().waitFor();
    assert.equal(await page.locator('#paperdeck-static').count(), 0, 'the static list is gone');
    // The app's box has the text, the focus and the caret where it was, and the same
    // placeholder the static one showed.
    assert.equal(await search.inputValue(), 'mergin');
    assert.equal(await search.getAttribute('placeholder'), earlyPlaceholder);
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      return { testid: el?.dataset?.testid, start: el?.selectionStart, end: el?.selectionEnd, direction: el?.selectionDirection };
    });
    assert.deepEqual(focus, { testid: 'search-input', start: 3, end: 4, direction: 'backward' });
    const earlyCount = await page.getByTestId('result-count').textContent();
    // The next keystrokes land in the app's box.
    await page.keyboard.press('End');
    await page.keyboard.type('g');
    assert.equal(await search.inputValue(), 'merging');
    await page.waitForURL(/[?&]q=merging(&|$)/);
    const count2 = await page.getByTestId('result-count').textContent();
    // The same answers as the same searches opened from their links.
    const direct = await browser.newPage();
    await direct.goto(`${server.url}?q=mergin`);
    await direct.getByTestId('paper-card').first().waitFor();
    assert.equal(await direct.getByTestId('result-count').textContent(), earlyCount);
    await direct.goto(`${server.url}?q=merging`);
    await direct.getByTestId('paper-card').first().waitFor();
    assert.equal(await direct.getByTestId('result-count').textContent(), count2);
    const shown = Number.parseInt(count2, 10);
    assert.ok(shown > 0 && shown < bundled.papers.length, `a narrowed list (${count2})`);
  } finally {
    await browser.close();
  }
});

/** The static box, focused, composing `text` with Chromium's input method (over CDP) while
 * the app and the papers are held back; then both are let through and the app has them. */
async function composingWhenReady(browser, text) {
  const page = await browser.newPage();
  const release = await holdBack(page, '**/*.wasm', '**/papers.json');
  await page.goto(server.url);
  const early = page.locator('#paperdeck-static input[type="search"]');
  await page.waitForFunction(() => !document.querySelector('#paperdeck-static input[type="search"]').disabled);
  await early.click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  assert.equal(await early.getAttribute('data-composing'), '');
  release();
  return { page, early, cdp };
}

test('text an input method is still composing in the static box is handed over once confirmed', async () => {
  const browser = await launchBrowser();
  try {
    const { page, early, cdp } = await composingWhenReady(browser, 'め');
    // The papers are ready, and the app says it waits for the composition, which goes on
    // (a composition left unchanged for 2 s is handed over: the next test)…
    await page.locator('main[data-awaiting="composition"]').waitFor({ state: 'attached' });
    await cdp.send('Input.imeSetComposition', { text: 'めり', selectionStart: 2, selectionEnd: 2 });
    // …with the static list as it was, the composition in it, focused, and nothing of the
    // app's page shown.
    assert.ok(await page.locator('#paperdeck-static').isVisible(), 'the static list still shows');
    assert.equal(await page.getByTestId('paper-card').count(), 0);
    assert.equal(await page.locator('main.page').evaluate((el) => getComputedStyle(el).display), 'none');
    assert.equal(await early.inputValue(), 'めり');
    assert.ok(await early.evaluate((el) => el === document.activeElement), 'still focused');
    // Confirmed: the app's first search, in its box.
    await cdp.send('Input.insertText', { text: 'mergin' });
    await page.getByTestId('paper-card').first().waitFor();
    assert.equal(await page.locator('#paperdeck-static').count(), 0, 'the static list is gone');
    assert.equal(await page.locator('main[data-awaiting]').count(), 0);
    const search = page.getByTestId('search-input');
    assert.equal(await search.inputValue(), 'mergin');
    assert.ok(await search.evaluate((el) => el === document.activeElement), 'the app\'s box has the focus');
    const count = await page.getByTestId('result-count').textContent();
    const direct = await browser.newPage();
    await direct.goto(`${server.url}?q=mergin`);
    await direct.getByTestId('paper-card').first().waitFor();
    assert.equal(await direct.getByTestId('result-count').textContent(), count);
  } finally {
    await browser.close();
  }
});

test('a composition left unchanged in the static box is handed over after a moment', async () => {
  const browser = await launchBrowser();
  try {
    // A phone's keyboard composes whole words: a reader who stops mid-word waits for results.
    const { page } = await composingWhenReady(browser, 'mergin');
    await page.locator('main[data-awaiting="composition"]').waitFor({ state: 'attached' });
    const waitedFrom = Date.now();
    await page.getByTestId('paper-card').first().waitFor();
    const waited = Date.now() - waitedFrom;
    assert.ok(waited > 500, `the app waited a moment for the composition (${waited} ms)`);
    assert.equal(await page.locator('#paperdeck-static').count(), 0, 'the static list is gone');
    assert.equal(await page.getByTestId('search-input').inputValue(), 'mergin');
    const direct = await browser.newPage();
    await direct.goto(`${server.url}?q=mergin`);
    await direct.getByTestId('paper-card').first().waitFor();
    assert.equal(
      await page.getByTestId('result-count').textContent(),
      await direct.getByTestId('result-count').textContent()
    );
  } finally {
    await browser.close();
  }
});

test('the static search box shows the link\'s query, and emptying it there shows every paper', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const release = await holdBack(page, '**/papers.json');
    await page.goto(`${server.url}?q=lora`);
    const early = page.locator('#paperdeck-static input[type="search"]');
    await page.waitForFunction(() => !document.querySelector('#paperdeck-static input[type="search"]').disabled);
    assert.equal(await early.inputValue(), 'lora');
    // The list below is not that search's yet, and says so.
    assert.equal(await page.locator('#paperdeck-static .result-summary .count').textContent(), 'Searching as soon as the papers have loaded…');
    await early.fill('');
    release();
    await page.getByTestId('paper-card').first().waitFor();
    assert.equal(await page.getByTestId('search-input').inputValue(), '');
    assert.equal(await page.getByTestId('result-count').textContent(), String(bundled.papers.length));
    await page.waitForURL((url) => !url.searchParams.has('q'));
  } finally {
    await browser.close();
  }
});

test('the bundled snapshot downloads beside the wasm, once, after the first paint', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const snapshots = [];
    page.on('request', (r) => /papers\.json$/.test(new URL(r.url()).pathname) && snapshots.push(r.url()));
    const release = await holdBack(page, '**/*.wasm');
    await page.goto(server.url);
    // While the wasm is still held back, the snapshot is already on its way.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/papers.json')));
    // The paint entry is reported after the frame reaches the screen, so compare times:
    // the request follows the main thread's rendering of the first frame (`paintTime`; its
    // `startTime` is when the frame was presented, a few ms later).
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length === 1);
    const [paint, fetched] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0].paintTime,
      performance.getEntriesByType('resource').find((e) => e.name.endsWith('/papers.json')).startTime,
    ]);
    assert.ok(fetched >= paint, `requested after the first paint (painted at ${paint} ms, requested at ${fetched} ms)`);
    release();
    await page.getByTestId('paper-card').first().waitFor();
    assert.equal(await page.getByTestId('result-count').textContent().then((t) => t.includes(String(bundled.papers.length))), true);
    // The app's own request took the preloaded answer: one download, not two.
    assert.deepEqual(snapshots, [`${server.url}papers.json`]);
    // Another snapshot (data=) is not preloaded: the app asks for it alone.
    snapshots.length = 0;
    await page.goto(`${server.url}?data=papers.json`);
    await page.getByTestId('paper-card').first().waitFor();
    assert.deepEqual(snapshots, [`${server.url}papers.json`]);
  } finally {
    await browser.close();
  }
});

test('an embed or another snapshot never shows the static list', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // The app is held back: what shows is what the page shows before it starts.
    await page.route('**/*.wasm', () => {});
    for (const query of ['?embed=1', '?tag=x&embed=1', '?data=papers.json']) {
      await page.goto(`${server.url}${query}`);
      assert.equal(await page.locator('#paperdeck-static').isVisible(), false, query);
    }
    await page.goto(`${server.url}?q=embed%3D1`);
    assert.equal(await page.locator('#paperdeck-static').isVisible(), true);
  } finally {
    await browser.close();
  }
});

test('a data= the app refuses, which hid the static list, never leaves the page blank', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // The snapshot is held back: what shows is what the page shows while it loads.
    await page.route('**/papers.json', () => {});
    for (const query of ['?data=javascript:alert(1)', '?data=%2F%2Fevil.example%2Fx.json', '?embed=10']) {
      await page.goto(`${server.url}${query}`);
      const loading = page.getByTestId('loading');
      await loading.waitFor();
      assert.ok(await loading.isVisible(), `${query}: "Loading papers…" shows`);
      assert.equal(await page.locator('#paperdeck-static').count(), 0, query);
    }
  } finally {
    await browser.close();
  }
});
