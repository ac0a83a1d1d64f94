// A snapshot on a slow connection: the page says how many papers it has read so far (the
// app reads and indexes the snapshot while it downloads), then shows every one of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, screenshot, holdBack } from './harness.mjs';

const bundled = JSON.parse(readFileSync(path.join(ROOT, 'public/papers.json'), 'utf8'));
let server;
before(async () => { server = await serveStatic(DIST); });
after(async () => { await server?.close(); });

test('while a snapshot downloads slowly, the count of papers read grows, then every paper shows', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // Only the snapshot comes slowly (the connection slows when it is asked for): ~145 KB
    // at 320 kbit/s, about four seconds, in many chunks.
    await page.route('**/papers.json', async (route) => {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 40_000, uploadThroughput: 40_000 });
      await route.continue();
    });
    // Another snapshot (data=): no static list stands in while it loads.
    await page.goto(`${server.url}?data=papers.json`);
    const progress = page.getByTestId('loading-progress');
    await page.waitForFunction(() => /^\d+ papers? read$/.test(document.querySelector('[data-testid="loading-progress"]')?.textContent ?? ''));
    const seen = [];
    while (await progress.count()) {
      const text = (await progress.textContent().catch(() => '')) ?? '';
      // (No percent: this file's length is not declared.)
      const n = Number(text.replace(/ papers? read$/, '').replaceAll(',', ''));
      if (text && n !== seen.at(-1)) seen.push(n);
      if (seen.length === 2) {
        // What a person sees: the status line with the count beside it, readable.
        const loading = page.getByTestId('loading');
        assert.match(await loading.innerText(), /^Loading papers…\s*\d+ papers? read$/);
        const style = await progress.evaluate((e) => ({ color: getComputedStyle(e).color, visible: e.getBoundingClientRect().width > 0 }));
        assert.ok(style.visible);
        assert.notEqual(style.color, 'rgba(0, 0, 0, 0)');
        // The count is for the eye: the status a screen reader announces stays the same.
        assert.equal(await progress.getAttribute('aria-hidden'), 'true');
        assert.equal(await page.getByRole('status').filter({ hasText: 'Loading papers' }).count(), 1);
        await screenshot(page, 'loading-progress');
      }
      await page.waitForTimeout(100);
    }
    assert.ok(seen.length >= 2, `the count grew while loading: ${seen.join(', ')}`);
    assert.ok(seen.every((n, i) => i === 0 || n > seen[i - 1]), `it only grows: ${seen.join(', ')}`);
    assert.ok(seen.at(-1) <= bundled.papers.length);
    await page.getByTestId('paper-card').first().waitFor();
    assert.match(await page.getByTestId('result-count').textContent(), new RegExp(String(bundled.papers.length)));
  } finally {
    await browser.close();
  }
});

test('a broken snapshot read again for its error: the count of papers read never goes back', async () => {
  // Large enough that read records are forgotten (256 KB at a time), broken near its end,
  // so the app fetches it again to say where; the count stays where the first read got to.
  const papers = Array.from({ length: 6000 }, (_, i) => JSON.stringify({ id: `p${i}`, title: `Paper number ${i} about a topic`, author_count: 1, published: '2024-01-02', abstract: 'x'.repeat(110) }));
  const body = `{"format":"paperdeck-snapshot","version":1,"papers":[\n${papers.join(',\n')}\n]}`.replace('"p5990",', '"p5990" ');
  const broken = await serveStatic(DIST, { overrides: { 'broken.json': { body } } });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const requests = [];
    // Only the snapshot comes slowly: ~1.2 MB at 4 Mbit/s, a few hundred ms a read.
    await page.route('**/broken.json', async (route) => {
      requests.push(route.request().url());
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 500_000, uploadThroughput: 500_000 });
      await route.continue();
    });
    // Every count the page shows, as it shows it.
    await page.addInitScript(() => {
      window.countsShown = [];
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="loading-progress"]')?.textContent ?? '';
        // `6,000 papers read (87% of the file)`: the file's length is declared here; read again
        // whole, it arrives a second time, and no percent is said.
        const [, count, percent] = text.match(/^([\d,]+) papers? read(?: \((\d+)% of the file\))?$/) ?? [];
        const n = Number(count?.replaceAll(',', ''));
        if (text && n !== window.countsShown.at(-1)) window.countsShown.push(n);
        if (percent) (window.percentsShown ??= []).push(Number(percent));
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${broken.url}?data=broken.json`);
    const error = page.getByTestId('load-error');
    await error.waitFor({ timeout: 60000 });
    assert.match(await error.textContent(), /not valid JSON at line 5992, column \d+/);
    assert.equal(requests.length, 2, 'read once while downloading, then again whole');
    const counts = await page.evaluate(() => window.countsShown);
    assert.ok(counts.length >= 2, `the count was shown while loading: ${counts.join(', ')}`);
    const drop = counts.findIndex((n, i) => i > 0 && n <= counts[i - 1]);
    assert.equal(drop, -1, `it only grows, but went ${counts.slice(Math.max(0, drop - 2), drop + 2).join(', ')}`);
    // Beside it, how much of the file has arrived, which never goes back either.
    const percents = await page.evaluate(() => window.percentsShown);
    assert.ok(percents.every((p) => p >= 0 && p <= 100), `percents: ${percents.join(', ')}`);
    assert.ok(percents.every((p, i) => i === 0 || p >= percents[i - 1]), `percents only grow: ${percents.join(', ')}`);
    assert.ok(percents.at(-1) > percents[0], `percents grew: ${percents.join(', ')}`);
  } finally {
    await browser.close();
    await broken.close();
  }
});

test('a page without the static list says it is loading before the app starts, in the place and look of the app\'s own note', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    // Hold the wasm back: the page as a slow phone shows it while the app downloads.
    const release = await holdBack(page, '**/*.wasm');
    // Where the app's own note first appears, and whether the page's still shows then.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const loading = document.querySelector('main [data-testid="loading"]');
        if (!loading) return;
        const box = loading.getBoundingClientRect();
        window.appNote = { left: Math.round(box.left), top: Math.round(box.top), pageNote: getComputedStyle(document.querySelector('.boot-note')).display };
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}?data=papers.json`);
    const note = page.getByTestId('boot-note');
    await note.waitFor();
    assert.equal(await note.innerText(), 'Loading papers…');
    const look = await note.evaluate((n) => {
      const spinner = n.querySelector('.spinner');
      const box = n.querySelector('.loading').getBoundingClientRect();
      return { animation: getComputedStyle(spinner).animationName, spinner: spinner.getBoundingClientRect().width, left: Math.round(box.left), top: Math.round(box.top) };
    });
    assert.equal(look.animation, 'spin');
    assert.ok(look.spinner > 10, 'a spinner, styled');
    await screenshot(page, 'boot-note-phone', { fullPage: false, scripts: false });
    release();
    // The app's page replaces it, its own note where this one was, and never both.
    const card = page.getByTestId('paper-card').first();
    await card.waitFor();
    assert.deepEqual(await page.evaluate(() => window.appNote), { left: look.left, top: look.top, pageNote: 'none' });
    assert.equal(await note.isVisible(), false, 'the page\'s note is gone once the app shows');
    // An embed shows it too; where the static list stands in, it never shows (the wasm
    // held back, so the app's page is not there yet either).
    await page.unroute('**/*.wasm');
    const releaseEmbed = await holdBack(page, '**/*.wasm');
    await page.goto(`${server.url}?embed=1`);
    await note.waitFor();
    assert.equal(await note.innerText(), 'Loading papers…');
    releaseEmbed();
    await page.getByTestId('paper-card').first().waitFor();
    await page.unroute('**/*.wasm');
    const releaseStatic = await holdBack(page, '**/*.wasm');
    await page.goto(server.url);
    await page.locator('#paperdeck-static .paper-card').first().waitFor();
    assert.equal(await note.isVisible(), false, 'the static list, not the note');
    releaseStatic();
  } finally {
    await browser.close();
  }
});

test('if the app cannot start, the loading note says so instead of spinning, and the static list gets its year headings back', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${server.url}?data=papers.json`);
    const note = page.getByTestId('boot-note');
    await page.waitForFunction(() => /could not start/.test(document.querySelector('.boot-note')?.innerText ?? ''));
    assert.equal(await note.innerText(), 'Paperdeck could not start in this browser: its WebAssembly did not load.');
    assert.equal(await note.locator('.spinner').count(), 0, 'no spinner');
    assert.ok(await note.isVisible());
    await page.goto(server.url);
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-app-ungrouped'));
    assert.ok(await page.locator('#paperdeck-static .group-heading').first().isVisible(), 'the year headings are back');
  } finally {
    await browser.close();
  }
});
