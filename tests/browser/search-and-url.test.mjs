// Search, filters, sorting and the URL as the whole view: the flows a researcher uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serveStatic, launchBrowser, screenshot, snapshotJson, loadAllCards, cardIds, listSettled } from './harness.mjs';

const second = snapshotJson([
  { id: 'other-1', title: 'Another Collection Paper', author_count: 2, published: '2020-02-02' },
  { id: 'other-2', title: 'Second Other Paper', author_count: 1, published: '2021-03-03' },
], { title: 'Another collection' });
// 40 short papers, the 4 newest about zeta: `q=zeta` and no query share their first page.
const zetas = snapshotJson(Array.from({ length: 40 }, (_, i) => ({
  id: `p${i}`,
  title: i < 4 ? `Zeta function ${i}` : `Paper ${i}`,
  author_count: 1,
  published: `2020-${String(12 - Math.floor(i / 4)).padStart(2, '0')}-${String(28 - (i % 4)).padStart(2, '0')}`,
})));

let server;
let browser;
before(async () => {
  server = await serveStatic(DIST, { overrides: { 'other.json': { body: second }, 'zetas.json': { body: zetas } } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query = '', viewport = null) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(server.url + query);
  await page.getByTestId('result-count').waitFor();
  return { page, errors };
}

// Every result's card, in order: pages arrive as the list end nears, so scroll to the end.
const ids = async (page) => {
  await loadAllCards(page);
  return cardIds(page);
};
const count = async (page) => Number((await page.getByTestId('result-count').textContent()).replaceAll(',', ''));
const search = (page) => new URL(page.url()).search;

test('typing narrows the list and updates the URL without new history entries', async () => {
  const { page, errors } = await open();
  assert.equal(await count(page), 77);
  const before = await page.evaluate(() => history.length);
  await page.getByTestId('search-input').pressSequentially('diffusion', { delay: 20 });
  await page.waitForFunction(() => location.search === '?q=diffusion');
  assert.equal(await count(page), 8);
  assert.deepEqual(await ids(page), [
    'stochastic-interpolants-a-unifying-framework-for-flows-and-diffusions',
    'seisfusion-constrained-diffusion-model-with-input-guidance-for-3d-seismic-data',
    'memcontrol-mitigating-memorization-in-diffusion-models-via-automated-parameter',
    'solving-inverse-problems-via-diffusion-based-priors-an-approximation-free',
    'dpm-solver-v3-improved-diffusion-ode-solver-with-empirical-model-statistics',
    'pfgm-unlocking-the-potential-of-physics-inspired-generative-models',
    'mathematical-modelling-of-flow-and-adsorption-in-a-gas-chromatograph',
    'instruction-guided-autoregressive-neural-network-parameter-generation',
  ], 'all 8 matches, most relevant first');
  for (const title of await page.locator('.paper-card').allTextContents()) {
    assert.match(title.toLowerCase(), /diffusion/);
  }
  assert.equal(await page.evaluate(() => history.length), before, 'typing replaces the entry');
  assert.ok(await page.locator('.paper-title mark').count() > 0, 'matches are highlighted');
  assert.deepEqual(errors, []);
  await screenshot(page, 'search-diffusion');
  await page.close();
});

test('typing writes the address once it pauses, and no later than the next change', async () => {
  const { page, errors } = await open();
  // Count the history writes: one per keystroke would be Chromium's flood limit (200 in 10 s)
  // for a fast typist, and half a millisecond of each keystroke.
  await page.evaluate(() => {
    window.replaced = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => { window.replaced += 1; return replace(...args); };
  });
  const before = await page.evaluate(() => history.length);
  await page.getByTestId('search-input').pressSequentially('diffusion', { delay: 15 });
  await page.waitForFunction(() => location.search === '?q=diffusion');
  const writes = await page.evaluate(() => window.replaced);
  assert.ok(writes >= 1 && writes <= 3, `9 keystrokes, ${writes} address writes`);
  assert.equal(await page.evaluate(() => history.length), before, 'typing adds no entry');
  // A discrete change right after typing: the typed query is written to the entry first,
  // so Back returns to it.
  await page.getByTestId('search-input').fill('model');
  await page.getByTestId('sort-select').selectOption('oldest');
  await page.waitForFunction(() => location.search === '?q=model&sort=oldest');
  await page.goBack();
  await page.waitForFunction(() => location.search === '?q=model');
  assert.equal(await page.getByTestId('search-input').inputValue(), 'model');
  // "Copy link" right after a keystroke copies the query typed so far.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.getByTestId('search-input').fill('lora');
  // Saying "Copied" moves nothing: the button keeps its width, the toolbar its rows
  // (at 1280 px it is one row, which a wider button would break).
  const where = () => page.evaluate(() => ({
    button: Math.round(document.querySelector('[data-testid="copy-link"]').getBoundingClientRect().width),
    toolbar: Math.round(document.querySelector('.toolbar').getBoundingClientRect().height),
    said: document.querySelector('[data-testid="copy-link"]').innerText.trim(),
  }));
  const unsaid = await where();
  await page.getByTestId('copy-link').click();
  await page.getByTestId('copy-link').getByText('Copied', { exact: true }).waitFor();
  assert.equal(new URL(await page.evaluate(() => navigator.clipboard.readText())).search, '?q=lora');
  assert.deepEqual(await where(), { ...unsaid, said: 'Copied' });
  assert.equal(unsaid.said, 'Copy link');
  // It takes its word back after a few seconds.
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-link"]').innerText.trim() === 'Copy link', null, { timeout: 6000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a copied link opens the same papers in the same order in a fresh page', async () => {
  const { page } = await open();
  await page.getByTestId('search-input').fill('model');
  await page.getByTestId('sort-select').selectOption('most-authors');
  await page.locator('[data-testid="year-facet"] [data-value="2024"]').click();
  await page.getByTestId('has-code').check();
  await page.waitForFunction(() => location.search.includes('has=code'));
  assert.equal(search(page), '?q=model&from=2024&to=2024&has=code&sort=most-authors');
  const expected = await ids(page);
  assert.ok(expected.length > 0);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.getByTestId('copy-link').click();
  await page.getByTestId('copy-link').getByText('Copied', { exact: true }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  const fresh = await browser.newPage();
  await fresh.goto(copied);
  await fresh.getByTestId('paper-card').first().waitFor();
  assert.deepEqual(await ids(fresh), expected);
  assert.equal(await fresh.getByTestId('search-input').inputValue(), 'model');
  assert.equal(await fresh.getByTestId('sort-select').inputValue(), 'most-authors');
  assert.ok(await fresh.getByTestId('has-code').isChecked());
  await fresh.close();
  await page.close();
});

test('an answer with the same first page and more pages fills the screen again', async () => {
  // The list used to wait for a change of its first rows before it looked at its end again.
  const { page, errors } = await open('?data=zetas.json&q=zeta');
  await page.getByTestId('paper-card').first().waitFor();
  assert.deepEqual(await cardIds(page), ['p0', 'p1', 'p2', 'p3']);
  await page.getByTestId('search-input').fill('');
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]').textContent === '40');
  const ids = await cardIds(page);
  assert.deepEqual(ids.slice(0, 4), ['p0', 'p1', 'p2', 'p3']);
  const lastBottom = await page.getByTestId('paper-card').last().evaluate((c) => c.getBoundingClientRect().bottom);
  assert.ok(ids.length > 4 && lastBottom > page.viewportSize().height, `${ids.length} cards, the last ending at ${lastBottom} px`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Back and Forward step through discrete changes', async () => {
  const { page } = await open();
  await page.getByTestId('sort-select').selectOption('oldest');
  await page.waitForFunction(() => location.search === '?sort=oldest');
  const oldest = await ids(page);
  await page.locator('[data-testid="author-facet"] [data-value="11-"]').click();
  await page.waitForFunction(() => location.search === '?authors=11-&sort=oldest');
  const big = await ids(page);
  assert.ok(big.length < oldest.length);
  await page.goBack();
  await page.waitForFunction(() => location.search === '?sort=oldest');
  assert.deepEqual(await ids(page), oldest);
  await page.goBack();
  await page.waitForFunction(() => location.search === '');
  assert.equal(await count(page), 77);
  assert.equal(await page.getByTestId('sort-select').inputValue(), 'newest');
  await page.goForward();
  await page.goForward();
  await page.waitForFunction(() => location.search === '?authors=11-&sort=oldest');
  assert.deepEqual(await ids(page), big);
  assert.equal(await page.getByTestId('sort-select').inputValue(), 'oldest', 'the menu shows the order again');
  await page.close();
});

test('the Sort and Group menus follow Back and Forward to orders chosen in them', async () => {
  const { page } = await open('?q=model');
  const sort = page.getByTestId('sort-select');
  const group = page.getByTestId('group-select');
  /** What the menu shows, as a person reads it. */
  const shown = (menu) => menu.evaluate((s) => s.selectedOptions[0]?.textContent);
  await sort.selectOption('most-upvoted');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'most-upvoted');
  await sort.selectOption('title');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'title');
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'most-upvoted');
  assert.equal(await sort.inputValue(), 'most-upvoted');
  assert.equal(await shown(sort), 'Most upvoted');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('sort'));
  assert.equal(await sort.inputValue(), 'relevance');
  await page.goForward();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'most-upvoted');
  assert.equal(await sort.inputValue(), 'most-upvoted', 'Forward: the menu follows');
  await group.selectOption('year');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('group') === 'year');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('group'));
  assert.equal(await group.inputValue(), 'none');
  await page.goForward();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('group') === 'year');
  await page.locator('.group-heading').first().waitFor();
  assert.equal(await group.inputValue(), 'year', 'the headings are back, and the menu says so');
  await page.close();
});

test('bad parameters are ignored with a notice, good ones still apply, unknown ones kept', async () => {
  const { page, errors } = await open('?q=model&sort=sideways&from=yesterday&utm_source=mail');
  const notice = page.getByTestId('url-notice');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /sort: "sideways" is not an order/);
  assert.match(text, /from: "yesterday" is not a date/);
  assert.equal(await page.getByTestId('search-input').inputValue(), 'model');
  assert.equal(await count(page), 68, 'q=model applies (and the bad from does not narrow it)');
  assert.deepEqual((await ids(page)).slice(0, 3), [
    'a-flexible-parametric-modelling-framework-for-survival-analysis',
    'phemenological-modelling-of-a-group-of-eclipsing-binary-stars',
    'optmath-a-scalable-bidirectional-data-synthesis-framework-for-optimization',
  ], 'by relevance, as the bad sort is ignored');
  await page.getByTestId('sort-select').selectOption('newest');
  await page.waitForFunction(() => location.search === '?q=model&sort=newest&utm_source=mail');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link to a paper the collection does not hold says so, and the rest of it applies', async () => {
  const { page, errors } = await open('?q=model&paper=no-such-paper&sort=sideways');
  const notice = page.getByTestId('url-notice');
  await notice.waitFor();
  const items = await notice.locator('li').allInnerTexts();
  assert.equal(items.length, 2, items.join(' | '));
  assert.match(items[0], /^sort: "sideways" is not an order/);
  assert.equal(items[1], 'paper: "no-such-paper" is not a paper of this collection, so none is opened');
  assert.equal(await count(page), 68, 'q=model applies');
  assert.equal(await page.locator('.paper-card.opened').count(), 0, 'no card opened');
  assert.ok((await notice.boundingBox()).height > 20, 'the notice shows');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await notice.count(), 0, 'dismissed, it stays away');
  await page.getByTestId('search-input').fill('models');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'models');
  assert.equal(await notice.count(), 0, 'also while the view changes');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the tab\'s title names the collection, then the search or the opened paper, and follows Back', async () => {
  const { page } = await open();
  await page.waitForFunction(() => !document.getElementById('paperdeck-static'));
  assert.equal(await page.title(), 'Papers from Hugging Face');
  await page.getByTestId('search-input').fill('diffusion');
  await page.waitForFunction(() => document.title === 'diffusion · Papers from Hugging Face');
  const card = page.getByTestId('paper-card').first();
  const title = (await card.locator('.paper-title').innerText()).trim();
  await card.locator('.paper-title a').first().click();
  await page.waitForFunction((t) => document.title === `${t} · Papers from Hugging Face`, title);
  await page.goBack();
  await page.waitForFunction(() => document.title === 'diffusion · Papers from Hugging Face');
  await page.close();
});

test('?paper=ID opens that card and scrolls it into view', async () => {
  const id = 'feature-learning-in-infinite-width-neural-networks';
  const { page } = await open(`?paper=${id}`);
  const card = page.locator(`[data-paper-id="${id}"]`);
  await card.waitFor();
  await page.waitForFunction((i) => document.querySelector(`[data-paper-id="${i}"]`)?.classList.contains('opened'), id);
  // Whole, or from its top when it is taller than the window (with its related papers):
  // once the page has settled, not only for a moment on the way.
  const inView = (i) => {
    const r = document.querySelector(`[data-paper-id="${i}"]`).getBoundingClientRect();
    return r.top >= 0 && (r.bottom <= window.innerHeight + 1 || (r.height > window.innerHeight && r.top < 20));
  };
  await page.waitForFunction(inView, id);
  await page.waitForTimeout(600);
  assert.ok(await page.evaluate(inView, id), 'still in view once the page has settled');
  assert.equal(await card.getByTestId('abstract-toggle').isHidden(), true, 'the opened card shows its whole abstract');
  // Clicking the title of another card opens it instead, as a new history entry.
  const other = page.getByTestId('paper-card').first();
  const otherId = await other.getAttribute('data-paper-id');
  await other.locator('.paper-title a').click();
  await page.waitForFunction((i) => location.search === `?paper=${i}`, otherId);
  assert.equal(await card.evaluate((c) => c.classList.contains('opened')), false);
  await page.goBack();
  await page.waitForFunction((i) => location.search === `?paper=${i}`, id);
  await screenshot(page, 'paper-opened');
  await page.close();
});

test('on a phone, ?paper=ID of a paper far down the list shows its title at the top of the screen', async () => {
  // The second oldest of the 77: dozens of cards above it, all off screen.
  const id = 'feature-learning-in-infinite-width-neural-networks';
  const { page, errors } = await open(`?paper=${id}`, { width: 390, height: 844 });
  await page.waitForFunction((i) => document.querySelector(`[data-paper-id="${i}"]`)?.classList.contains('opened'), id);
  await page.waitForTimeout(600);
  const title = await page.locator(`[data-paper-id="${id}"] .paper-title`).boundingBox();
  assert.ok(title.y >= 0 && title.y + title.height <= 844, `the title spans ${Math.round(title.y)}–${Math.round(title.y + title.height)} px`);
  await screenshot(page, 'paper-opened-phone', { fullPage: false });
  assert.deepEqual(errors, []);
  await page.close();
});

test('scrolling on past an opened card loads more papers and stays where the reader is', async () => {
  // Each page added used to scroll the opened card back into view. The second newest
  // paper: far from the end, which many pages come between.
  const id = 'unleashing-scientific-reasoning-for-bio-experimental-protocol-generation-via';
  const { page, errors } = await open(`?paper=${id}`);
  await page.waitForFunction((i) => document.querySelector(`[data-paper-id="${i}"]`)?.classList.contains('opened'), id);
  // Scrolled to the end again and again, each time a page arrives.
  assert.equal(await loadAllCards(page), 77);
  await listSettled(page);
  const cardBottom = await page.locator(`[data-paper-id="${id}"]`).evaluate((c) => c.getBoundingClientRect().bottom);
  assert.ok(cardBottom < 0, `the reader is still far below the opened card (its bottom at ${cardBottom} px)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('filters no paper passes, with nothing typed, are named as the reason, and a search then is', async () => {
  const { page, errors } = await open('?to=1999');
  await page.getByTestId('no-results').waitFor();
  assert.equal(await page.getByTestId('no-results').innerText(), 'No papers match these filters.');
  await page.getByTestId('search-input').fill('zzzqx');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'zzzqx');
  assert.equal(await page.getByTestId('no-results').innerText(), 'No papers match this search.');
  // The bundled papers give author counts, not names: an author: search says why it finds
  // nothing, in the page's text colour.
  await page.getByTestId('search-input').fill('author:hu');
  const note = page.getByTestId('missing-field');
  await note.waitFor();
  assert.equal(await note.innerText(), 'This collection gives how many authors a paper has, not their names, so author: finds nothing here.');
  assert.ok(await note.isVisible());
  assert.equal(await note.evaluate((n) => getComputedStyle(n).color), await page.evaluate(() => getComputedStyle(document.body).color));
  await page.getByTestId('search-input').fill('hu');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'hu');
  assert.equal(await note.count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
  // Dates that run backwards can match nothing, and say so.
  const reversed = await open('?from=2025&to=2020');
  await reversed.page.getByTestId('no-results').waitFor();
  assert.equal(await reversed.page.getByTestId('no-results').innerText(), 'No papers can match dates from 2025 to 2020: the range ends before it starts.');
  assert.deepEqual(reversed.errors, []);
  await reversed.page.close();
});

test('the Has filter offers what some paper has, and keeps one a link asks for', async () => {
  // The bundled papers have code and project links and abstracts, no PDF links.
  const { page, errors } = await open();
  await page.getByTestId('has-code').waitFor();
  assert.equal(await page.getByTestId('has-pdf').count(), 0, 'no PDF option: no paper has one');
  assert.ok(await page.getByTestId('has-abstract').isVisible());
  await page.close();
  const asked = await open('?has=pdf');
  await asked.page.getByTestId('no-results').waitFor();
  assert.ok(await asked.page.getByTestId('has-pdf').isChecked(), 'a link that asks for it can untick it');
  await asked.page.getByTestId('has-pdf').uncheck();
  await asked.page.waitForFunction(() => !location.search.includes('has='));
  await asked.page.getByTestId('paper-card').first().waitFor();
  assert.equal(await asked.page.getByTestId('has-pdf').count(), 0, 'gone once unticked');
  assert.deepEqual([...errors, ...asked.errors], []);
  await asked.page.close();
});

test('a query with no results suggests corrections that work', async () => {
  const { page } = await open('?q=difusion+modle');
  await page.getByTestId('no-results').waitFor();
  assert.equal(await count(page), 0);
  assert.match(await page.getByTestId('no-results').innerText(), /^No papers match this search\./);
  const suggestions = page.getByTestId('suggestion');
  assert.ok((await suggestions.count()) >= 1 && (await suggestions.count()) <= 3);
  // Fewest edits first, then the more common word: "model" (1 edit: two letters swapped)
  // before "models" (2 edits, more papers); "module" (1 edit) is not offered, since no
  // paper has both words.
  assert.deepEqual(await suggestions.allTextContents(), ['diffusion model', 'diffusion models', 'diffusions model']);
  assert.match(await suggestions.first().getAttribute('href'), /\?q=diffusion\+model$/);
  await suggestions.first().click();
  await page.waitForFunction(() => location.search === '?q=diffusion+model');
  assert.ok((await count(page)) > 0);
  await screenshot(page, 'suggestions-applied');
  await page.close();
});

test('filters: date inputs, presets, upvotes and list view', async () => {
  const { page } = await open();
  await page.getByTestId('date-from').fill('2024-06');
  await page.getByTestId('date-from').press('Enter');
  await page.waitForFunction(() => location.search === '?from=2024-06');
  await loadAllCards(page);
  const dates = await page.locator('[data-testid="paper-card"] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.ok(dates.every((d) => d >= '2024-06'), dates.join());
  await page.getByTestId('date-from').fill('June');
  await page.getByTestId('date-from').press('Enter');
  assert.equal(await page.getByTestId('date-from').getAttribute('aria-invalid'), 'true');
  assert.equal(search(page), '?from=2024-06', 'an invalid date leaves the filter alone');
  // It says why, in the error colour, under the inputs, and the box names it.
  const error = page.getByTestId('date-error');
  assert.equal(await error.innerText(), '“June” is not a date. Write a year (2024), a month (2024-05) or a day (2024-05-31).');
  assert.ok(await error.isVisible());
  const look = await error.evaluate((p) => ({ colour: getComputedStyle(p).color, error: getComputedStyle(document.documentElement).getPropertyValue('--error').trim() }));
  assert.equal(look.colour, 'rgb(179, 38, 30)', `the error colour (${look.error})`);
  assert.equal(await page.getByTestId('date-from').getAttribute('aria-describedby'), 'date-error');
  const inputs = await page.locator('.date-inputs').boundingBox();
  assert.ok((await error.boundingBox()).y >= inputs.y + inputs.height, 'under the inputs');
  // A search typed meanwhile keeps what was typed wrong, and its note.
  await page.getByTestId('search-input').fill('model');
  await page.waitForFunction(() => location.search === '?q=model&from=2024-06');
  await page.getByTestId('search-input').fill('');
  await page.waitForFunction(() => location.search === '?from=2024-06');
  assert.equal(await page.getByTestId('date-from').inputValue(), 'June');
  assert.match(await error.innerText(), /^“June” is not a date/);
  // A month that does not exist is no date either (its note waits behind From's).
  await page.getByTestId('date-to').fill('2024-13-40');
  await page.getByTestId('date-to').press('Enter');
  assert.equal(await page.getByTestId('date-to').getAttribute('aria-invalid'), 'true');
  assert.match(await error.innerText(), /^“June” is not a date/);
  // A preset sets the bound, and with it the message goes.
  await page.getByTestId('preset-12-months').click();
  await page.waitForFunction(() => location.search === '?from=2024-10-29');
  assert.equal(await page.getByTestId('date-from').getAttribute('aria-invalid'), 'false');
  assert.match(await error.innerText(), /^“2024-13-40” is not a date/, 'the other bound\'s still stands');
  await page.getByTestId('date-to').fill('');
  await page.getByTestId('date-to').press('Enter');
  assert.equal(await error.innerText(), '');
  assert.equal(await page.getByTestId('date-to').getAttribute('aria-invalid'), 'false');
  // Two dates that no paper lies between: the filter says why nothing shows.
  await page.getByTestId('date-to').fill('2023');
  await page.getByTestId('date-to').press('Enter');
  await page.waitForFunction(() => location.search === '?from=2024-10-29&to=2023');
  assert.equal(await count(page), 0);
  assert.equal(await error.innerText(), '“From” is after “To”, so no paper falls between them.');
  await page.getByTestId('date-to').fill('2025');
  await page.getByTestId('date-to').press('Enter');
  await page.waitForFunction(() => location.search === '?from=2024-10-29&to=2025');
  assert.equal(await error.innerText(), '');
  await page.getByTestId('date-to').fill('');
  await page.getByTestId('date-to').press('Enter');
  await page.waitForFunction(() => location.search === '?from=2024-10-29');
  // Clearing the filters clears what was typed wrong too: the box shows the view's bound.
  await page.getByTestId('date-to').fill('soon');
  await page.getByTestId('date-to').press('Enter');
  assert.match(await error.innerText(), /^“soon” is not a date/);
  await page.getByTestId('clear-all').click();
  await page.waitForFunction(() => location.search === '');
  assert.equal(await page.getByTestId('date-to').inputValue(), '');
  assert.equal(await page.getByTestId('date-from').inputValue(), '');
  assert.equal(await error.innerText(), '');
  assert.equal(await page.getByTestId('date-to').getAttribute('aria-invalid'), 'false');
  await page.getByTestId('preset-12-months').click();
  await page.waitForFunction(() => location.search === '?from=2024-10-29');
  await page.getByTestId('upvotes-min').fill('2');
  await page.getByTestId('upvotes-min').press('Enter');
  await page.waitForFunction(() => location.search === '?from=2024-10-29&upvotes=2-');
  const n = await count(page);
  await page.getByTestId('view-list').click();
  await page.waitForFunction(() => location.search.endsWith('&view=list'));
  assert.equal(await loadAllCards(page), n);
  assert.equal(await page.locator('.paper-row').count(), n);
  await screenshot(page, 'list-view');
  await page.getByTestId('clear-all').click();
  await page.waitForFunction(() => location.search === '?view=list');
  assert.equal(await count(page), 77);
  await page.close();
});

test('theme and data parameters', async () => {
  const { page } = await open('?theme=dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.getByTestId('theme-select').selectOption('light');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await page.close();
  const other = await open('?data=other.json');
  await other.page.getByTestId('paper-card').first().waitFor();
  assert.deepEqual(await ids(other.page), ['other-2', 'other-1']);
  assert.equal(await other.page.locator('h1').textContent(), 'Another collection');
  await other.page.close();
  const missing = await open2('?data=missing.json');
  assert.match(await missing.getByTestId('load-error').textContent(), /missing\.json.*HTTP 404/);
  await missing.close();
});

test('card links are right whatever the query spells', async () => {
  // The old card links replaced a placeholder id in the encoded URL: a query spelling it
  // broke every card's link.
  const { page, errors } = await open('?q=diffusion+-PAPERDECK-CARD-ID');
  await page.getByTestId('paper-card').first().waitFor();
  assert.equal(await count(page), 8);
  await loadAllCards(page);
  const links = await page.locator('[data-testid="paper-card"]').evaluateAll((cs) =>
    cs.map((c) => [c.dataset.paperId, c.querySelector('.paper-title a').getAttribute('href')]));
  assert.equal(links.length, 8);
  for (const [id, href] of links) {
    assert.equal(href, `?q=diffusion+-PAPERDECK-CARD-ID&paper=${id}`);
  }
  const [firstId] = links[0];
  await page.locator(`[data-paper-id="${firstId}"] .paper-title a`).click();
  await page.waitForFunction((i) => location.search === `?q=diffusion+-PAPERDECK-CARD-ID&paper=${i}`, firstId);
  assert.equal(
    await page.locator(`[data-paper-id="${firstId}"] .paper-title a`).getAttribute('href'),
    '?q=diffusion+-PAPERDECK-CARD-ID',
    'the opened card links to the view without it',
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('the dark palette follows ?theme and the system, before and after the app starts', async () => {
  const page = await browser.newPage();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const DARK = 'rgb(15, 18, 22)';
  const LIGHT = 'rgb(246, 247, 249)';
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(server.url);
  await page.getByTestId('result-count').waitFor();
  assert.equal(await background(), DARK, 'auto on a dark system');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction((c) => getComputedStyle(document.body).backgroundColor === c, LIGHT);
  await page.getByTestId('theme-select').selectOption('dark');
  assert.equal(await background(), DARK, 'theme=dark on a light system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('theme-select').selectOption('light');
  assert.equal(await background(), LIGHT, 'theme=light on a dark system');
  await screenshot(page, 'theme-light-on-dark-system', { fullPage: false });
  await page.getByTestId('theme-select').selectOption('auto');
  assert.equal(await background(), DARK);
  await screenshot(page, 'theme-auto-on-dark-system', { fullPage: false });
  await page.setViewportSize({ width: 375, height: 800 });
  await screenshot(page, 'theme-auto-on-dark-system-phone', { fullPage: false });
  await page.setViewportSize({ width: 1100, height: 900 });
  // The first paint, before the WebAssembly runs: the system's scheme already applies.
  await page.route('**/*.wasm', () => {});
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  assert.equal(await background(), DARK, 'dark before the app starts');
  await page.unroute('**/*.wasm');
  // The palette is written twice (a selector for theme=dark, a media query for the
  // system's): both copies give every colour the same value.
  const palette = () => page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return Object.fromEntries([['color-scheme', style.colorScheme], ...[...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
      .flatMap((rule) => (rule.style ? [...rule.style] : []))
      .filter((name) => name.startsWith('--'))
      .map((name) => [name, style.getPropertyValue(name)])]);
  });
  await page.goto(server.url + '?theme=dark');
  await page.getByTestId('result-count').waitFor();
  await page.emulateMedia({ colorScheme: 'light' });
  const chosen = await palette();
  await page.goto(server.url);
  await page.getByTestId('result-count').waitFor();
  await page.emulateMedia({ colorScheme: 'dark' });
  const system = await palette();
  assert.ok(Object.keys(chosen).length > 10 && chosen['color-scheme'] === 'dark', JSON.stringify(chosen));
  assert.deepEqual(system, chosen);
  await page.close();
  // Without scripts, and on the static paper pages (which run none), the page follows the
  // system's scheme too.
  const noScript = await launchBrowser({ javaScriptEnabled: false, colorScheme: 'dark' });
  try {
    const staticPage = await noScript.newPage();
    await staticPage.goto(server.url);
    assert.equal(await staticPage.evaluate(() => getComputedStyle(document.body).backgroundColor), DARK, 'the static list');
    await staticPage.locator('#paperdeck-static .paper-card').first().waitFor();
    await screenshot(staticPage, 'no-js-dark', { fullPage: false, scripts: false });
    const permalink = await staticPage.locator('a[href^="papers/"]').first().getAttribute('href');
    await staticPage.goto(server.url + permalink);
    assert.equal(await staticPage.evaluate(() => getComputedStyle(document.body).backgroundColor), DARK, permalink);
    const text = await staticPage.locator('h1').evaluate((h) => getComputedStyle(h).color);
    assert.equal(text, 'rgb(230, 233, 238)', 'light text on it');
    await screenshot(staticPage, 'paper-page-dark', { fullPage: false, scripts: false });
  } finally {
    await noScript.close();
  }
});

test('after Back and Forward between two data files, the latest one wins', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const slowBody = snapshotJson([{ id: 'slow-1', title: 'Slow Paper', author_count: 1, published: '2020' }], { title: 'Slow collection' });
  const racing = await serveStatic(DIST, { overrides: { 'other.json': { body: second }, 'slow.json': { body: slowBody, until: held } } });
  const page = await browser.newPage();
  try {
    await page.goto(racing.url + '?data=other.json');
    await page.locator('h1', { hasText: 'Another collection' }).waitFor();
    // A view with the slow file becomes current (as Forward would make it), and its
    // request stays unanswered…
    const slowRequest = page.waitForRequest((r) => r.url().endsWith('/slow.json'));
    await page.evaluate(() => {
      history.pushState(null, '', '?data=slow.json');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await slowRequest;
    await page.getByTestId('loading').waitFor();
    // …while Back returns to the first file, which loads again.
    await page.goBack();
    await page.waitForFunction(() => location.search === '?data=other.json');
    await page.locator('h1', { hasText: 'Another collection' }).waitFor();
    // Now the old request is answered: it must not replace the current collection. (The
    // app may cancel the body it no longer wants, which ends the request as failed, so
    // wait for either end: `response.finished()` never settles for a failed request.)
    const slowEnded = new Promise((resolve) => {
      const ended = (r) => r.url().endsWith('/slow.json') && resolve();
      page.on('requestfinished', ended);
      page.on('requestfailed', ended);
    });
    release();
    await slowEnded;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    assert.equal(await page.locator('h1').textContent(), 'Another collection');
    assert.deepEqual(await ids(page), ['other-2', 'other-1']);
  } finally {
    release();
    await page.close();
    await racing.close();
  }
});

async function open2(query) {
  const page = await browser.newPage();
  await page.goto(server.url + query);
  await page.getByTestId('load-error').waitFor();
  return page;
}
