// Related papers: the list on an opened card, its links, "All papers like this one" and
// `?related=ID` as a view, by mouse and by keyboard only; screenshots in light and dark,
// desktop and a 390 px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serveStatic, launchBrowser, screenshot, loadAllCards, cardIds } from './harness.mjs';

const PAPER = 'parameter-efficient-fine-tuning-for-foundation-models';

let server;
let browser;
before(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query, viewport) {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + query);
  await page.getByTestId('result-count').waitFor();
  return { page, errors };
}

const relatedItems = (page) => page.locator('[data-testid="related-papers"] li[data-paper-id]');

test('an opened card lists the 5 most related papers, each visible and opening its own card', async () => {
  const { page, errors } = await open(`?paper=${PAPER}`);
  const list = page.getByTestId('related-papers');
  await list.waitFor();
  assert.equal(await list.locator('h3').textContent(), 'Related papers');
  const items = relatedItems(page);
  assert.equal(await items.count(), 5);
  const ids = await items.evaluateAll((li) => li.map((l) => l.dataset.paperId));
  assert.ok(!ids.includes(PAPER), 'never the paper itself');
  for (let i = 0; i < 5; i++) {
    const link = items.nth(i).locator('a');
    assert.ok(await link.isVisible(), `item ${i} is visible`);
    assert.ok((await link.textContent()).length > 10, 'a title');
    const box = await link.boundingBox();
    assert.ok(box.width > 50 && box.height > 10, 'big enough to click');
  }
  // The related titles say what the paper is about: fine-tuning with few parameters.
  const titles = (await items.locator('a').allTextContents()).join(' ').toLowerCase();
  assert.match(titles, /parameter-efficient|fine-tun/);
  const first = ids[0];
  const before = await page.evaluate(() => history.length);
  await items.first().locator('a').click();
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('paper') === id, first);
  assert.equal(new URL(page.url()).search, `?paper=${first}&related=${PAPER}`);
  assert.equal(await page.evaluate(() => history.length), before + 1, 'a new history entry');
  const card = page.locator(`[data-testid="paper-card"][data-paper-id="${first}"]`);
  await card.waitFor();
  assert.equal(await card.locator('.paper-title a').getAttribute('aria-expanded'), 'true', 'its card is opened');
  await page.waitForFunction((id) => {
    const r = document.querySelector(`[data-paper-id="${id}"]`).getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  }, first);
  assert.equal((await cardIds(page))[0], first, 'the most similar paper comes first in the view');
  assert.match(await page.getByTestId('related-summary').textContent(), /^Papers like “Parameter-Efficient Fine-Tuning for Foundation Models/);
  // Back returns to the card it came from.
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('related='));
  await page.getByTestId('related-papers').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('related=ID is a view: most similar first, combinable with filters, removable by its chip', async () => {
  const { page, errors } = await open(`?paper=${PAPER}`);
  const top5 = await relatedItems(page).evaluateAll((li) => li.map((l) => l.dataset.paperId));
  await page.getByTestId('more-like-this').click();
  await page.waitForFunction(() => location.search === `?related=parameter-efficient-fine-tuning-for-foundation-models`);
  await loadAllCards(page);
  const ids = await cardIds(page);
  assert.deepEqual(ids.slice(0, 5), top5, 'the card\'s 5 come first, in the same order');
  assert.ok(!ids.includes(PAPER));
  assert.match(await page.locator('.result-summary .count').textContent(), /of 77 papers, by relevance/);
  // With a filter: still ordered by similarity, only papers passing it.
  await page.locator('[data-testid="year-facet"] [data-value="2024"]').click();
  await page.waitForFunction(() => location.search.includes('from=2024'));
  await loadAllCards(page);
  const filtered = await cardIds(page);
  assert.ok(filtered.length > 0 && filtered.length < ids.length);
  assert.deepEqual(filtered, ids.filter((id) => filtered.includes(id)), 'the same order, narrowed');
  // The chip removes only `related`.
  // Named by its title, as the summary above names it.
  await page.getByRole('button', { name: /^Remove Like “Parameter-Efficient Fine-Tuning for Foundation Models/ }).click();
  await page.waitForFunction(() => !location.search.includes('related='));
  assert.equal(new URL(page.url()).search, '?from=2024&to=2024');
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard only: Tab reaches the related links, Enter opens one', async () => {
  const { page, errors } = await open(`?paper=${PAPER}`);
  await page.getByTestId('related-papers').waitFor();
  // Start from the opened card's title link, then only the keyboard.
  await page.locator(`[data-paper-id="${PAPER}"] .paper-title a`).focus();
  let inside = false;
  for (let i = 0; i < 40 && !inside; i++) {
    await page.keyboard.press('Tab');
    inside = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="related-papers"] li'));
  }
  assert.ok(inside, 'Tab reaches the first related paper');
  const target = await page.evaluate(() => document.activeElement.closest('li').dataset.paperId);
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none', 'the focused link shows a focus ring');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('paper') === id, target);
  await page.locator(`[data-paper-id="${target}"] [data-testid="related-papers"]`).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('an id no paper has shows no papers and says so', async () => {
  const { page, errors } = await open('?related=no-such-paper');
  assert.equal(await page.getByTestId('result-count').textContent(), '0');
  assert.equal(await page.getByTestId('related-summary').textContent(), 'No paper has the id “no-such-paper” in this collection.');
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshots: the related list in light and dark, desktop and phone', async () => {
  for (const theme of ['light', 'dark']) {
    for (const [name, viewport] of [['desktop', { width: 1100, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const { page } = await open(`?paper=${PAPER}&theme=${theme}`, viewport);
      const list = page.getByTestId('related-papers');
      await list.waitFor();
      await list.scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${name}, ${theme})`);
      await screenshot(page, `related-${name}-${theme}`, { fullPage: false });
      await page.close();
    }
  }
});
