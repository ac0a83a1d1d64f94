// The card list on the bundled snapshot: what a visitor sees first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, screenshot, loadAllCards, cardCount } from './harness.mjs';

const bundled = JSON.parse(readFileSync(path.join(ROOT, 'public/papers.json'), 'utf8'));
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

async function openApp(url = server.url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByTestId('paper-card').first().waitFor();
  return { page, errors };
}

test('shows all 77 papers as cards, newest first', async () => {
  const { page, errors } = await openApp();
  assert.equal(await page.getByTestId('result-count').textContent(), '77');
  await screenshot(page, 'cards');
  const rendered = await cardCount(page);
  assert.ok(rendered >= 4 && rendered < 77, `the first pages of cards (${rendered}), the rest as you scroll`);
  const lastBottom = await page.getByTestId('paper-card').last().evaluate((c) => c.getBoundingClientRect().bottom);
  assert.ok(lastBottom > page.viewportSize().height, `the cards fill the screen (the last ends at ${lastBottom} px)`);
  assert.equal(await page.locator('.filters details').evaluate((d) => d.open), true, 'filters start open beside the results');
  assert.equal(await loadAllCards(page), 77);
  const first = page.getByTestId('paper-card').first();
  assert.equal(
    await first.locator('.paper-title').textContent(),
    'An Analysis of Causal Effect Estimation using Outcome Invariant Data Augmentation',
  );
  const dates = await page.locator('[data-testid="paper-card"] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'dates never increase down the list');
  const ids = await page.getByTestId('paper-card').evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
  assert.deepEqual(new Set(ids), new Set(bundled.papers.map((p) => p.id)), 'every paper of the snapshot has a card');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a keystroke builds a first page at once and fills a tall screen in the frames after, growing till then', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.goto(server.url);
  await page.getByTestId('paper-card').first().waitFor();
  await cardCount(page);
  // Every state the list goes through, as the DOM changes: busy or not, and its cards.
  await page.evaluate(() => {
    const list = document.querySelector('[data-testid="paper-list"]');
    window.listStates = [];
    new MutationObserver(() => {
      window.listStates.push([list.hasAttribute('data-growing'), list.querySelectorAll('[data-testid="paper-card"]').length]);
    }).observe(list, { attributes: true, attributeFilter: ['data-growing'] });
  });
  await page.getByTestId('search-input').fill('model');
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]').textContent === '68');
  const n = await cardCount(page);
  const states = await page.evaluate(() => window.listStates);
  assert.equal(states[0]?.[0], true, `growing after the keystroke: ${JSON.stringify(states)}`);
  assert.ok(states[0][1] <= 4, `the keystroke's own frame builds one page of 4: ${JSON.stringify(states)}`);
  assert.equal(states.at(-1)[0], false, 'not growing once settled');
  assert.ok(n > 4 && n < 68, `${n} cards once settled`);
  const lastBottom = await page.getByTestId('paper-card').last().evaluate((c) => c.getBoundingClientRect().bottom);
  assert.ok(lastBottom > 1600, `the cards fill the screen (the last ends at ${lastBottom} px)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a card shows date, author count, upvotes and links', async () => {
  const { page } = await openApp();
  await loadAllCards(page);
  const card = page.locator('[data-paper-id^="openelm-"]');
  assert.equal(await card.locator('time').textContent(), 'Apr 22, 2024');
  assert.equal(await card.locator('.authors').textContent(), '11 authors');
  assert.match(await card.locator('.upvotes').textContent(), /14/);
  const links = card.locator('.paper-links a');
  assert.deepEqual(await links.allTextContents(), ['Code', 'Project page']);
  assert.equal(await links.first().getAttribute('href'), 'https://github.com/apple/corenet');
  for (const a of await links.all()) {
    assert.equal(await a.getAttribute('target'), '_blank');
    assert.match(await a.getAttribute('rel'), /noopener/);
  }
  await page.close();
});

test('a long abstract is clamped and its toggle expands and collapses it', async () => {
  const { page } = await openApp();
  const card = page.getByTestId('paper-card').first();
  const abstract = card.getByTestId('abstract');
  const toggle = card.getByTestId('abstract-toggle');
  const clampedHeight = (await abstract.boundingBox()).height;
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await toggle.textContent(), 'Show more');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await toggle.textContent(), 'Show less');
  const expandedHeight = (await abstract.boundingBox()).height;
  assert.ok(expandedHeight > clampedHeight * 1.5, `expanded ${expandedHeight} > clamped ${clampedHeight}`);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal((await abstract.boundingBox()).height, clampedHeight);
  await page.close();
});

test('works from a sub-path, as on a lab site under /papers/', async () => {
  const sub = await serveStatic(DIST, { prefix: '/papers/' });
  try {
    const { page, errors } = await openApp(sub.url);
    assert.equal(await page.getByTestId('result-count').textContent(), '77');
    assert.equal(await loadAllCards(page), 77);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await sub.close();
  }
});

test('is readable on a phone-sized screen', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(server.url);
  await page.getByTestId('paper-card').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  assert.equal(await page.locator('.filters details').evaluate((d) => d.open), false, 'filters start folded above the results');
  await screenshot(page, 'cards-phone');
  await page.close();
});

test('on a phone, the folded filters are built when first opened, with the filters of the link', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${server.url}?from=2024&to=2024`);
  await page.getByTestId('result-count').waitFor();
  await page.waitForFunction(() => !document.getElementById('paperdeck-static'));
  assert.equal(await page.getByTestId('year-facet').count(), 0, 'folded: not built yet');
  assert.match(await page.getByTestId('result-count').textContent(), /\d/);
  const count = await page.getByTestId('result-count').textContent();
  await page.locator('.filters summary').click();
  const year = page.locator('[data-testid="year-facet"] [data-value="2024"]');
  await year.waitFor();
  assert.ok(await year.isVisible());
  assert.equal(await year.getAttribute('aria-pressed'), 'true', 'the link\'s year is chosen');
  assert.equal(await page.getByTestId('result-count').textContent(), count, 'opening changes no result');
  // More years than the list's box holds: a row is cut by its lower edge, so the list
  // shows that it goes on below.
  const years = await page.getByTestId('year-facet').evaluate((list) => {
    const box = list.getBoundingClientRect();
    const cut = [...list.children].some((row) => {
      const r = row.getBoundingClientRect();
      return r.top < box.bottom - 4 && r.bottom > box.bottom + 4;
    });
    return { scrolls: list.scrollHeight > list.clientHeight, cut };
  });
  assert.deepEqual(years, { scrolls: true, cut: true }, 'the year list ends part-way through a row');
  // Folded again and reopened, the filters stay built and follow the view.
  await page.locator('.filters summary').click();
  await page.locator('.filters summary').click();
  await year.click();
  await page.waitForFunction(() => !location.search.includes('from='));
  assert.equal(await year.getAttribute('aria-pressed'), 'false');
  await page.close();
});
