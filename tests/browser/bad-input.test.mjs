// Bad input never blanks the page or loses data, and nothing from the data runs.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serveStatic, launchBrowser, screenshot, snapshotJson, loadAllCards, cardIds, cardCount } from './harness.mjs';

let browser;
const cleanups = [];
before(async () => { browser = await launchBrowser(); });
// Pages and servers close even when a test fails half-way.
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });
after(async () => { await browser?.close(); });

/** Opens the app with `papers.json` replaced by `override`. */
async function openWith(override) {
  const server = await serveStatic(DIST, { overrides: { 'papers.json': override } });
  const page = await browser.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await page.close();
    await server.close();
  };
  cleanups.push(close);
  await page.goto(server.url);
  return { page, dialogs, close };
}

test('a snapshot that is not JSON shows an error saying what and where', async () => {
  const { page, close } = await openWith({ body: '{"format": "paperdeck-snapshot",\n "papers": [}' });
  const error = page.getByTestId('load-error');
  await error.waitFor();
  const text = await error.textContent();
  assert.match(text, /papers\.json/);
  assert.match(text, /not valid JSON at line 2, column 13/);
  assert.match(text, /check that the snapshot is valid with paperdeck check papers\.json\./);
  assert.equal(await page.getByTestId('paper-card').count(), 0);
  await screenshot(page, 'broken-snapshot');
  await close();
});

test('a large snapshot broken near its end is fetched again and the error says where', async () => {
  // Read records are forgotten as the file downloads (256 KB at a time; 8 MB arrive in
  // many chunks), so the app asks for the file again to say where the mistake is.
  const papers = Array.from({ length: 40000 }, (_, i) => JSON.stringify({ id: `p${i}`, title: `Paper number ${i} about a topic`, author_count: 1, published: '2024-01-02', abstract: 'x'.repeat(110) }));
  const body = `{"format":"paperdeck-snapshot","version":1,"papers":[\n${papers.join(',\n')}\n]}`.replace('"p39990",', '"p39990" ');
  const { page, close } = await openWith({ body });
  const error = page.getByTestId('load-error');
  // The first load fetches after its first paint, perhaps after goto returns: count the
  // requests of a reload that starts once the first load is over.
  await error.waitFor();
  const requests = [];
  page.on('request', (r) => { if (r.url().endsWith('/papers.json')) requests.push(r.url()); });
  await page.reload();
  await error.waitFor();
  assert.match(await error.textContent(), /not valid JSON at line 39992, column \d+/);
  assert.equal(requests.length, 2, 'read once while downloading, then again whole');
  await close();
});

test('a missing snapshot shows the HTTP status', async () => {
  const { page, close } = await openWith({ status: 404, body: 'nope', type: 'text/plain' });
  await page.getByTestId('load-error').waitFor();
  const text = await page.getByTestId('load-error').textContent();
  assert.match(text, /HTTP 404/);
  // Nothing arrived to check: the hint is about the address, not the file's validity.
  assert.match(text, /check that this address serves the snapshot/);
  assert.doesNotMatch(text, /paperdeck check/);
  await close();
});

test('a link to another snapshot that is missing offers this site\'s own papers, in the same view', async () => {
  const server = await serveStatic(DIST);
  const page = await browser.newPage();
  cleanups.push(async () => { await page.close(); await server.close(); });
  await page.goto(`${server.url}?data=nonexistent.json&q=diffusion&paper=theirs`);
  await page.getByTestId('load-error').waitFor();
  assert.match(await page.getByTestId('load-error').textContent(), /HTTP 404/);
  const own = page.getByTestId('own-papers');
  assert.ok(await own.isVisible());
  assert.equal(await own.textContent(), "Show this site's own papers instead");
  await own.click();
  await page.getByTestId('result-count').waitFor();
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('data'), null);
  assert.equal(params.get('q'), 'diffusion');
  assert.equal(params.get('paper'), null, 'the other file\'s paper is not looked for here');
  assert.ok(Number(await page.getByTestId('result-count').textContent()) > 0);
  // The bundled snapshot's own error has no such link: there is nothing else to show.
  const { page: broken } = await openWith({ status: 404, body: 'nope', type: 'text/plain' });
  await broken.getByTestId('load-error').waitFor();
  assert.equal(await broken.getByTestId('own-papers').count(), 0);
  // Nor does a data= link to the site's own file.
  await broken.goto(`${new URL(broken.url()).origin}/?data=papers.json`);
  await broken.getByTestId('load-error').waitFor();
  assert.equal(await broken.getByTestId('own-papers').count(), 0);
});

test('a web page served in place of the snapshot (a host answering every path with its home page) is named as one', async () => {
  const { page, close } = await openWith({ body: '<!DOCTYPE html>\n<html><body>Home</body></html>', type: 'text/html; charset=utf-8' });
  const error = page.getByTestId('load-error');
  await error.waitFor();
  const text = await error.textContent();
  assert.match(text, /papers\.json/);
  assert.match(text, /it is HTML or XML \(it starts with "<"\), not JSON\. If it came from a web address/);
  assert.doesNotMatch(text, /line 1, column 1/);
  await close();
});

test('a snapshot of a newer version says so', async () => {
  const { page, close } = await openWith({ body: JSON.stringify({ format: 'paperdeck-snapshot', version: 2, papers: [] }) });
  await page.getByTestId('load-error').waitFor();
  assert.match(await page.getByTestId('load-error').textContent(), /version 2 is not supported/);
  await close();
});

test('invalid records are skipped and counted, every valid one is shown', async () => {
  const papers = [
    { id: 'good-1', title: 'Good one', author_count: 2, published: '2024-05-01' },
    { id: 'bad date', title: 'Bad id', author_count: 2, published: '2024-05-01' },
    { id: 'no-title', title: '', author_count: 1, published: '2024' },
    { id: 'good-2', title: 'Good two', authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'], published: '2023' },
    { id: 'bad-link', title: 'Bad link kept', author_count: 1, published: '2022-01', links: { code: 'javascript:alert(1)' } },
    { id: 'undated', title: 'Undated, and others', authors: ['Ann Other'], authors_incomplete: true },
    { id: 'bad-date', title: 'Bad date kept', author_count: 3, published: 'June 2021' },
  ];
  const { page, close } = await openWith({ body: snapshotJson(papers) });
  await page.getByTestId('paper-card').first().waitFor();
  const ids = await cardIds(page);
  assert.deepEqual(ids, ['good-1', 'good-2', 'bad-link', 'bad-date', 'undated']);
  assert.equal(await page.getByTestId('result-count').textContent(), '5');
  const notice = page.getByTestId('load-notice');
  assert.match(await notice.textContent(), /2 records in papers\.json were skipped and 2 invalid fields ignored/);
  await notice.locator('summary').click();
  assert.match(await notice.textContent(), /papers\[2\] \(id "no-title"\): title: is empty; record skipped/);
  assert.match(await notice.textContent(), /id "bad-date"\): published: "June 2021" is not a date/);
  const undated = page.locator('[data-paper-id="undated"]');
  assert.equal(await undated.locator('time').textContent(), 'Undated');
  assert.equal(await undated.locator('time').getAttribute('datetime'), null);
  assert.equal(await undated.locator('.authors').textContent(), 'Ann Other et al.');
  const good2 = page.locator('[data-paper-id="good-2"]');
  assert.equal(await good2.locator('.authors').textContent(), 'Ada Lovelace, Alan Turing, Grace Hopper +1');
  assert.equal(await good2.locator('time').textContent(), '2023');
  assert.equal(await page.locator('[data-paper-id="bad-link"] .paper-links a').count(), 0, 'the javascript: link is not rendered');
  await screenshot(page, 'partly-invalid-snapshot');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await notice.count(), 0);
  await close();
});

test('hostile text is shown as text and never runs', async () => {
  const hostile = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
  const papers = [{
    id: 'xss', title: `Title ${hostile}`, abstract: `Abstract ${hostile}`, authors: [`Eve ${hostile}`],
    published: '2024-01-02', venue: hostile,
    links: { code: 'https://github.com/a/b"><img src=x onerror=alert(1)>', project: 'https://ok.example/' },
  }];
  const { page, dialogs, close } = await openWith({ body: snapshotJson(papers) });
  const card = page.locator('[data-paper-id="xss"]');
  await card.waitFor();
  assert.equal(await card.locator('.paper-title').textContent(), `Title ${hostile}`);
  assert.equal(await card.locator('img, script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await card.locator('.paper-links a').evaluateAll((as) => as.map((a) => a.href)), ['https://ok.example/']);
  assert.deepEqual(dialogs, []);
  await close();
});

test('more than a page of papers renders a page at a time', async () => {
  const papers = Array.from({ length: 250 }, (_, i) => ({
    id: `p${i}`, title: `Paper ${i}`, author_count: 1, published: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
  }));
  const { page, close } = await openWith({ body: snapshotJson(papers) });
  await page.getByTestId('paper-card').first().waitFor();
  assert.equal(await page.getByTestId('result-count').textContent(), '250');
  // Short cards: pages are added until the list end is more than a screen away.
  const first = await cardCount(page);
  assert.ok(first >= 12 && first < 250, `${first} cards at first`);
  // The button works without scrolling (keyboard users)…
  await page.getByTestId('show-more').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="paper-card"]').length >= n + 4, first);
  // …and scrolling to the end loads the rest.
  assert.equal(await loadAllCards(page), 250);
  assert.equal(await page.getByTestId('show-more').count(), 0);
  const ids = await page.getByTestId('paper-card').evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
  assert.equal(new Set(ids).size, 250, 'each paper once');
  await close();
});
