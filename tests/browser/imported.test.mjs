// Snapshots made by `paperdeck import` from real lab files (the importer goldens) read
// well: incomplete author lists end in "et al.", undated papers say so and come last,
// venues and links show, and the author filter counts "and others" as at least one more.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, screenshot, loadAllCards } from './harness.mjs';

const golden = (name) => readFileSync(path.join(ROOT, 'crates/cli/tests/data/golden', name), 'utf8');

let browser;
const cleanups = [];
before(async () => { browser = await launchBrowser(); });
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });
after(async () => { await browser?.close(); });

const cardIds = async (page) => {
  await loadAllCards(page);
  return page.getByTestId('paper-card').evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
};

async function open(body, query = '') {
  const server = await serveStatic(DIST, { overrides: { 'papers.json': { body } } });
  const page = await browser.newPage();
  cleanups.push(async () => { await page.close(); await server.close(); });
  await page.goto(server.url + query);
  await page.getByTestId('paper-card').first().waitFor();
  return page;
}

test('a BibTeX import: "and others" reads as et al., venues and links show', async () => {
  const page = await open(golden('bibtex-awkward-jabref-ari.json'), '?q=imperative+learning');
  const card = page.locator('[data-paper-id="2406.16087"]');
  assert.match(await card.locator('.authors').textContent(), /^Chen Wang, Kaiyi Ji, Junyi Geng \+7 et al\.$/);
  assert.equal(await card.locator('.venue').textContent(), 'International Journal of Robotics Research (IJRR)');
  await card.locator('.paper-title a').click();
  assert.match(await card.locator('.authors').textContent(), /Zitong Zhan et al\.$/);
  assert.equal(await card.locator('.paper-links a[href="https://arxiv.org/abs/2406.16087"]').count(), 1);
  await screenshot(page, 'imported-bibtex');
  // Ten names and "others" are at least eleven authors.
  const eleven = await open(golden('bibtex-awkward-jabref-ari.json'), '?authors=11-');
  const ids = await cardIds(eleven);
  assert.ok(ids.includes('2406.16087'), ids.join(' '));
  assert.equal(ids.length, 3, 'the three lists that end in "and others" all list ten names');
});

test('undated papers say so, come last in both date orders and match no date filter', async () => {
  const json = golden('bibtex-large-mixed-nu-ideas.allow-undated.json');
  const undated = JSON.parse(json).papers.filter((p) => !p.published).map((p) => p.id).sort();
  assert.equal(undated.length, 3);
  for (const sort of ['newest', 'oldest']) {
    const page = await open(json, `?sort=${sort}`);
    const ids = await cardIds(page);
    assert.deepEqual(ids.slice(-3).sort(), undated, sort);
    const last = page.locator(`[data-paper-id="${ids.at(-1)}"]`);
    assert.equal(await last.locator('time').textContent(), 'Undated');
    if (sort === 'oldest') {
      await last.scrollIntoViewIfNeeded();
      await screenshot(page, 'imported-undated-last', { fullPage: false });
    }
  }
  const page = await open(json, '?to=2099');
  const ids = await cardIds(page);
  assert.equal(ids.length, 144);
  assert.ok(undated.every((id) => !ids.includes(id)));
});
