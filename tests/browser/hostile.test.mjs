// Nothing gets in, nothing gets lost (issue 12): a hostile snapshot runs nothing and loses
// no valid record, a shared link cannot put another site's papers under this page, a
// huge file is refused with a message, links stay on the page whatever its path, and a
// panic shows a panel instead of freezing the page.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, serveStatic, launchBrowser, screenshot, snapshotJson, loadAllCards } from './harness.mjs';
import { hostileSnapshot, EMPTY_RECORDS } from '../hostile/corpus.mjs';

let browser;
const cleanups = [];
before(async () => { browser = await launchBrowser(); });
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });
after(async () => { await browser?.close(); });

/** A page that records dialogs and page errors, closed after the test. */
async function newPage() {
  const page = await browser.newPage();
  const dialogs = [];
  const errors = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => errors.push(e.message));
  // The page's own policy (index.html) would report anything inline that tried to run.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  cleanups.push(() => page.close());
  return { page, dialogs, errors };
}

async function serve(options) {
  const server = await serveStatic(DIST, options);
  cleanups.push(() => server.close());
  return server;
}

/** Every link's protocol on the page. */
function linkProtocols(page) {
  return page.locator('a[href]').evaluateAll((as) => [...new Set(as.map((a) => new URL(a.href).protocol))].sort());
}

test('a hostile snapshot runs nothing, shows every valid record and reports each invalid one', async () => {
  const corpus = hostileSnapshot();
  const server = await serve({ overrides: { 'papers.json': { body: corpus.json } } });
  const { page, dialogs } = await newPage();
  await page.goto(server.url);
  await page.getByTestId('paper-card').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('result-count').textContent(), String(corpus.kept.length));
  assert.equal(await loadAllCards(page), corpus.kept.length);
  const ids = await page.getByTestId('paper-card').evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
  assert.deepEqual([...ids].sort(), [...corpus.kept].sort());
  // Text is text: the markup shows as written, nothing of it became an element (the
  // timeline's chart is the page's one svg).
  const card = page.locator('[data-paper-id="markup-1"]');
  assert.equal(await card.locator('.paper-title').textContent(), 'Title <img src=x onerror="window.__pwned=\'img\';alert(1)">');
  assert.equal(await page.locator('main img, main script, main iframe, main svg:not(.timeline-chart), main style, main math').count(), 0);
  assert.match(await page.locator('h1').textContent(), /^Lab <img src=x onerror=/);
  // Only http(s) links, and only the one safe link of the data.
  assert.deepEqual(await linkProtocols(page), ['http:', 'https:']);
  assert.deepEqual(
    await page.locator('.paper-links a').evaluateAll((as) => as.map((a) => a.href)),
    ['https://github.com/a/b'],
  );
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // Still readable: the page is visible and the long title wraps inside its card.
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
  const long = await page.locator('[data-paper-id="long-title"]').boundingBox();
  assert.ok(long.width <= 1100, `the long title's card is ${long.width}px wide`);
  // Every invalid record and field is reported, a page of details at a time.
  const notice = page.getByTestId('load-notice');
  assert.match(
    await notice.locator('p').first().textContent(),
    new RegExp(`^${corpus.skipped.toLocaleString('en-US')} records in papers\\.json were skipped and ${corpus.ignoredFields} invalid fields ignored\\.`),
  );
  await notice.locator('summary').click();
  assert.equal(await notice.locator('li').count(), 50);
  const more = notice.getByRole('button', { name: /^Show 50 more of 100,124$/ });
  await more.click();
  assert.equal(await notice.locator('li').count(), 100);
  const details = await notice.locator('li').allTextContents();
  assert.equal(details[0], 'papers[7] (id "link-0"): thumbnail: "javascript:window.__pwned=\\"link\\"" is not an absolute http(s) URL; field ignored');
  assert.equal(EMPTY_RECORDS * 3 + 2 + corpus.ignoredFields, corpus.problems);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'hostile-snapshot', { fullPage: false });
});

test('a snapshot from another origin is refused unless the deployer allows it, and then named', async () => {
  const papers = [{ id: 'theirs', title: 'Their paper', author_count: 1, published: '2024' }];
  const other = await serve({ cors: true, overrides: { 'p.json': { body: snapshotJson(papers, { title: 'Totally the lab' }) } } });
  const foreign = new URL(other.url).origin.replace('127.0.0.1', 'localhost');
  const dataUrl = `${foreign}/p.json`;
  // Refused by default: nothing fetched, and the page says which origin.
  const own = await serve();
  const { page } = await newPage();
  let fetched = false;
  page.on('request', (r) => { if (r.url().startsWith(foreign)) fetched = true; });
  await page.goto(`${own.url}?data=${encodeURIComponent(dataUrl)}`);
  const error = page.getByTestId('load-error');
  await error.waitFor();
  assert.match(await error.textContent(), new RegExp(`this page shows papers from its own site only, and ${foreign.replace(/[.:/]/g, '\\$&')} is another site`));
  assert.equal(fetched, false);
  assert.equal(await page.locator('h1:has-text("Totally the lab")').count(), 0);
  // A backslash path that browsers resolve to another host is not even a data URL.
  await page.goto(`${own.url}?data=${encodeURIComponent('/\\localhost/p.json')}`);
  await page.getByTestId('paper-card').first().waitFor();
  assert.match(await page.getByTestId('url-notice').textContent(), /data/);
  // Allowed by the deployer: shown, under a lasting notice naming the origin.
  const index = await readFile(path.join(DIST, 'index.html'), 'utf8');
  // The deployer lists the origin, and lets the page's policy connect to it.
  const allowing = index
    .replace('<head>', `<head><meta name="paperdeck-data-origins" content="https://data.example ${foreign}">`)
    .replace("connect-src 'self'", `connect-src 'self' ${foreign}`);
  assert.notEqual(allowing.indexOf(`connect-src 'self' ${foreign}`), -1);
  const deployed = await serve({ overrides: { 'index.html': { body: allowing } } });
  await page.goto(`${deployed.url}?data=${encodeURIComponent(dataUrl)}`);
  await page.locator('[data-paper-id="theirs"]').waitFor();
  const notice = page.getByTestId('foreign-source');
  assert.equal(await notice.textContent(), `These papers come from ${foreign}, not from this site.`);
  assert.equal(await notice.getByRole('button').count(), 0, 'the notice cannot be dismissed');
  assert.ok(await notice.isVisible());
  await screenshot(page, 'foreign-snapshot-named', { fullPage: false });
});

test('a snapshot over the size cap is refused with a message, not a frozen page', async () => {
  // The app's files, and a papers.json that announces 500 MB and never sends them.
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
  const server = createServer(async (req, res) => {
    const rel = new URL(req.url, 'http://x').pathname.slice(1) || 'index.html';
    if (rel === 'papers.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(500 * 1024 * 1024) });
      res.write('{"format":"paperdeck-snapshot","version":1,"papers":[');
      return;
    }
    try {
      const body = await readFile(path.join(DIST, path.normalize(rel)));
      res.writeHead(200, { 'Content-Type': types[path.extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }));
  const { page } = await newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const error = page.getByTestId('load-error');
  await error.waitFor();
  assert.match(await error.textContent(), /the file is larger than 384 MB \(more than 500 MB\), the most this page reads/);
});

test('links to the page stay on it when it is served under //evil.example/', async () => {
  const server = await serve({ prefix: '//evil.example/' });
  const { page } = await newPage();
  await page.goto(server.url);
  const first = page.getByTestId('paper-card').first();
  await first.waitFor();
  const origin = new URL(server.url).origin;
  const title = first.locator('.paper-title a');
  assert.equal(new URL(await title.evaluate((a) => a.href)).origin, origin);
  await title.click();
  await page.waitForURL(/paper=/);
  // Closing the card goes back to the default view, on this page, not on evil.example.
  const close = page.locator('.paper-title a[aria-expanded="true"]');
  const closeHref = await close.evaluate((a) => a.href);
  assert.equal(new URL(closeHref).origin, origin, closeHref);
  assert.ok(closeHref.startsWith(`${origin}//evil.example/`), closeHref);
  await close.click();
  await page.waitForURL((u) => !u.search.includes('paper='));
  assert.equal(new URL(page.url()).origin, origin);
});

test('a panic shows a panel with the report and a reload link instead of freezing', async () => {
  const server = await serve();
  const { page, errors } = await newPage();
  await page.goto(`${server.url}?q=diffusion`);
  await page.getByTestId('paper-card').first().waitFor();
  await page.evaluate(() => { try { window.wasmBindings.paperdeck_panic_for_tests(); } catch { /* the trap */ } });
  const panel = page.getByTestId('crash-panel');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('role'), 'alert');
  assert.equal(await panel.locator('h2').textContent(), 'Something went wrong');
  const text = await panel.locator('textarea').inputValue();
  assert.match(text, /^Paperdeck \d+\.\d+\.\d+\nError: panicked at src\/crash_panel\.rs:\d+:\d+:\na panic on purpose, from the browser tests\nPage: http:\/\/127\.0\.0\.1:\d+\/\?q=diffusion\nBrowser: .*Chrom/);
  assert.equal(await panel.getByRole('link', { name: 'Reload the page' }).evaluate((a) => a.href), `${server.url}?q=diffusion`);
  assert.ok(await panel.isVisible());
  // Styled: a bordered panel whose report box is wide enough to read.
  const style = await panel.evaluate((p) => getComputedStyle(p).borderTopStyle);
  assert.equal(style, 'solid');
  const report = await panel.locator('textarea').boundingBox();
  assert.ok(report.width > 500, `the report box is ${report.width}px wide`);
  const box = await panel.boundingBox();
  assert.ok(box.y < 100, 'the panel is at the top of the page');
  await screenshot(page, 'crash-panel', { fullPage: false });
  assert.ok(errors.length <= 1, errors.join('\n'));
});
