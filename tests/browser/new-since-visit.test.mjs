// "New since your last visit": the record in localStorage, the "New" marks, the notice,
// `new=1`, "Mark all as seen" (by keyboard), storage that fails, and screenshots in light
// and dark, desktop and a 390 px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serveStatic, launchBrowser, screenshot, snapshotJson, cardIds, listSettled, panelsFollowed } from './harness.mjs';

const paper = (id, published) => ({
  id, title: `Paper ${id.toUpperCase()} on sparse attention`, author_count: 1, authors: ['Ann Example'], published,
  abstract: 'A study of sparse attention for long documents.',
});
const monday = snapshotJson([paper('a', '2026-08-01'), paper('b', '2026-08-02'), paper('c', '2026-08-03')], { title: 'Daily' });
const tuesday = snapshotJson([
  paper('a', '2026-08-01'), paper('b', '2026-08-02'), paper('c', '2026-08-03'),
  paper('d', '2026-08-04'), paper('e', '2026-08-04'),
], { title: 'Daily' });

const overrides = { 'day.json': { body: monday } };
let server;
let browser;
before(async () => {
  server = await serveStatic(DIST, { overrides });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const KEY_PREFIX = 'paperdeck-seen:';
const newIds = async (page) => {
  await listSettled(page);
  return page.locator('[data-testid="paper-card"][data-new]').evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
};

/** A page of this origin with nothing stored yet. */
async function freshPage(viewport) {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`${server.url}robots.txt`);
  await page.evaluate(() => localStorage.clear());
  return page;
}

async function load(page, query = '') {
  await page.goto(`${server.url}?data=day.json${query}`);
  await page.getByTestId('result-count').waitFor();
  // The visit's record is stored in the task after the first view is painted.
  await panelsFollowed(page);
}

/** Moves the stored visit two hours back, as if the last visit were long ago. */
async function endVisit(page) {
  await page.evaluate((prefix) => {
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith(prefix))) {
      const parts = localStorage.getItem(key).split(' ');
      parts[2] = String(Number(parts[2]) - 2 * 3600 * 1000);
      localStorage.setItem(key, parts.join(' '));
    }
  }, KEY_PREFIX);
}

/** WCAG contrast ratio of an element's text on its own background. */
async function contrast(locator) {
  return locator.evaluate((el) => {
    const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const s = getComputedStyle(el);
    const [a, b] = [lum(rgb(s.color)), lum(rgb(s.backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

test('a first visit marks nothing; the next marks and counts what was added, and keeps it through reloads', async () => {
  overrides['day.json'].body = monday;
  const page = await freshPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await load(page);
  assert.deepEqual(await newIds(page), [], 'nothing is new on a first visit');
  assert.equal(await page.getByTestId('new-papers-notice').count(), 0);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, [`${KEY_PREFIX}${server.url}day.json`], 'one record, keyed by the snapshot URL');

  overrides['day.json'].body = tuesday;
  await endVisit(page);
  await load(page);
  await page.getByTestId('new-papers-notice').waitFor();
  assert.deepEqual(await newIds(page), ['d', 'e']);
  assert.equal(
    await page.getByTestId('new-papers-count').textContent(),
    '2 papers are new since your last visit (then the newest was from Aug 3, 2026).',
  );
  for (const theme of ['light', 'dark']) {
    await load(page, `&theme=${theme}`);
    const badge = page.locator('[data-paper-id="d"] [data-testid="new-badge"]');
    assert.ok(await badge.isVisible(), 'the badge is visible');
    assert.equal(await badge.textContent(), 'New');
    const ratio = await contrast(badge);
    assert.ok(ratio >= 4.5, `the badge reads with contrast ${ratio.toFixed(1)} ≥ 4.5 (${theme})`);
  }
  // The list layout marks them too.
  await load(page, '&view=list');
  await page.locator('.paper-row').first().waitFor();
  assert.deepEqual(await newIds(page), ['d', 'e']);
  assert.ok(await page.locator('.paper-row[data-paper-id="d"] [data-testid="new-badge"]').isVisible());
  // A reload within the visit keeps the marks.
  await load(page);
  assert.deepEqual(await newIds(page), ['d', 'e']);
  // The next visit counts them as seen.
  await endVisit(page);
  await load(page);
  assert.deepEqual(await newIds(page), []);
  assert.equal(await page.getByTestId('new-papers-notice').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard only: show only the new papers, then mark all as seen', async () => {
  const page = await freshPage();
  overrides['day.json'].body = monday;
  await load(page);
  overrides['day.json'].body = tuesday;
  await endVisit(page);
  await load(page);
  await page.getByTestId('new-papers-notice').waitFor();
  const tabTo = async (testid) => {
    await page.evaluate(() => document.activeElement?.blur());
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((t) => document.activeElement?.dataset.testid === t, testid)) return;
    }
    assert.fail(`Tab never reached ${testid}`);
  };
  await tabTo('new-only-toggle');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('new=1'));
  assert.deepEqual(await cardIds(page), ['d', 'e']);
  assert.equal(await page.getByTestId('new-only-toggle').textContent(), 'Show all papers');
  await page.getByText('New since your last visit', { exact: true }).waitFor();
  await tabTo('mark-all-seen');
  await page.keyboard.press('Enter');
  await page.getByTestId('new-only-note').waitFor();
  assert.equal(await page.getByTestId('new-only-note').textContent(), 'No paper is new since your last visit.');
  assert.equal(await page.getByTestId('result-count').textContent(), '0');
  assert.deepEqual(await newIds(page), []);
  // Marked for later visits too.
  await endVisit(page);
  await load(page);
  assert.deepEqual(await newIds(page), []);
  await page.close();
});

test('"Mark all as seen" in another tab, while this page loads, is not undone by this page', async () => {
  const key = `${KEY_PREFIX}${server.url}day.json`;
  const first = await freshPage();
  overrides['day.json'].body = monday;
  await load(first);
  overrides['day.json'].body = tuesday;
  await endVisit(first);
  const before = await first.evaluate((k) => localStorage.getItem(k), key);
  // Another tab of the same snapshot: d and e are new there; it marks all as seen.
  const other = await browser.newPage();
  await load(other);
  await other.getByTestId('mark-all-seen').click();
  await other.getByTestId('new-papers-notice').waitFor({ state: 'detached' });
  const marked = await other.evaluate((k) => localStorage.getItem(k), key);
  assert.notEqual(marked, before);
  await other.close();
  // This page reads the record from before, and the other tab's is stored right after
  // that read, while this page is still building its first view.
  await first.evaluate(([k, v]) => localStorage.setItem(k, v), [key, before]);
  await first.close();
  const page = await browser.newPage();
  await page.addInitScript(([k, v]) => {
    const get = Storage.prototype.getItem;
    let read = false;
    Storage.prototype.getItem = function (name) {
      const value = get.call(this, name);
      if (!read && name === k) {
        read = true;
        this.setItem(k, v);
      }
      return value;
    };
  }, [key, marked]);
  await load(page);
  assert.deepEqual(await newIds(page), ['d', 'e'], 'this page read the record from before');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), marked, 'the other tab\'s record is kept');
  await page.close();
  // The next page load shows nothing new, as the other tab asked.
  const next = await browser.newPage();
  await load(next);
  assert.deepEqual(await newIds(next), []);
  await next.close();
});

test('with storage failing (private mode, turned off) the page works and new=1 says why it shows everything', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  overrides['day.json'].body = tuesday;
  await load(page, '&new=1');
  assert.equal(await page.getByTestId('result-count').textContent(), '5', 'every paper');
  assert.match(await page.getByTestId('new-only-note').textContent(), /kept in this browser only.*so every paper is shown/);
  assert.deepEqual(await newIds(page), []);
  await load(page);
  assert.equal(await page.getByTestId('new-papers-notice').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('garbage under the key reads as a first visit and is replaced', async () => {
  const page = await freshPage();
  overrides['day.json'].body = tuesday;
  await page.evaluate((key) => localStorage.setItem(key, '{"not": "a record"}'), `${KEY_PREFIX}${server.url}day.json`);
  await load(page);
  assert.deepEqual(await newIds(page), []);
  const stored = await page.evaluate((key) => localStorage.getItem(key), `${KEY_PREFIX}${server.url}day.json`);
  assert.match(stored, /^paperdeck-seen 1 \d+ 2026-08-04 2026-08-04 \S+ -$/);
  await page.close();
});

test('screenshots: New marks and the notice in light and dark, desktop and phone', async () => {
  for (const theme of ['light', 'dark']) {
    for (const [name, viewport] of [['desktop', { width: 1100, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await freshPage(viewport);
      overrides['day.json'].body = monday;
      await load(page);
      overrides['day.json'].body = tuesday;
      await endVisit(page);
      await load(page, `&theme=${theme}`);
      await page.getByTestId('new-papers-notice').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${name}, ${theme})`);
      await screenshot(page, `new-since-visit-${name}-${theme}`, { fullPage: false });
      await page.close();
    }
  }
});
