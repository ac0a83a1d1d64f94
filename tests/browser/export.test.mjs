// Cite and export (issue #11): the opened card's Cite panel, and every paper of the
// current view downloaded in each format, exactly the bytes `paperdeck export` writes.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, screenshot, scratchDir } from './harness.mjs';

const LAB = readFileSync(path.join(ROOT, 'public/examples/wolflein-publications.json'), 'utf8');

let browser;
const cleanups = [];
before(async () => { browser = await launchBrowser(); });
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });
after(async () => { await browser?.close(); });

async function open(query = '', body = LAB) {
  const server = await serveStatic(DIST, { overrides: { 'papers.json': { body } } });
  const page = await browser.newPage({ acceptDownloads: true });
  cleanups.push(async () => { await page.close(); await server.close(); });
  await page.goto(server.url + query);
  await page.getByTestId('paper-card').first().waitFor();
  return page;
}

/** What `paperdeck export` writes for the same snapshot and view. */
function cliExport(view, format) {
  const dir = scratchDir('paperdeck-export-');
  const snapshot = path.join(dir, 'papers.json');
  execFileSync('sh', ['-c', `cat > "${snapshot}"`], { input: LAB });
  return execFileSync('cargo', ['run', '--locked', '-q', '-p', 'paperdeck-cli', '--', 'export', snapshot, '--view', view, '--format', format, '-o', '-'], { cwd: ROOT, encoding: 'utf8' });
}

test('Export downloads every paper of the view in each format, the same bytes as paperdeck export', async () => {
  const view = 'q=pathology&group=year';
  const page = await open(`?${view}`);
  const count = Number((await page.getByTestId('result-count').textContent()).replaceAll(',', ''));
  for (const format of ['bib', 'ris', 'csv', 'json']) {
    await page.getByTestId('export').locator('summary').click();
    const option = page.locator(`[data-testid="export"] [data-format="${format}"]`);
    assert.ok(await option.isVisible(), `${format} is offered`);
    const [download] = await Promise.all([page.waitForEvent('download'), option.click()]);
    assert.equal(download.suggestedFilename(), `papers-q-pathology.${format}`);
    // Read before the CLI runs: the note goes after a few seconds.
    assert.match(await page.getByTestId('export-status').textContent(), new RegExp(`^Saved papers-q-pathology\\.${format}: ${count} papers?$`));
    const text = readFileSync(await download.path(), 'utf8');
    assert.equal(text, cliExport(view, format), `${format}: the browser's file is the CLI's`);
  }
  await page.getByTestId('export').locator('summary').click();
  await screenshot(page, 'export-menu', { fullPage: false });
});

test('the Export menu and its status stay on screen at every width, where the button wraps to the left', async () => {
  // A searched view: its file name, which the status shows, is long.
  const page = await open('?q=pathology+foundation+models+for+whole+slide+images&sort=oldest');
  for (const width of [360, 390, 600, 768, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.getByTestId('export').locator('summary').click();
    // The menu is placed when it opens (its toggle event): given a moment, not forever.
    await page.waitForFunction((w) => {
      const box = document.querySelector('[data-testid="export"] .export-option')?.getBoundingClientRect();
      return box && box.width > 0 && box.left >= 0 && box.right <= w;
    }, width, { timeout: 3000 }).catch(() => {});
    // Each option whole on screen, and the one a tap at its middle reaches.
    const options = await page.locator('[data-testid="export"] .export-option').evaluateAll((els) => els.map((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { text: el.textContent, left: box.left, right: box.right, reached: el.contains(hit) };
    }));
    assert.equal(options.length, 4, `${width} px: four formats`);
    for (const o of options) {
      assert.ok(o.left >= 0 && o.right <= width, `${width} px: ${o.text} spans ${Math.round(o.left)}–${Math.round(o.right)}`);
      assert.ok(o.reached, `${width} px: ${o.text} is not covered`);
    }
    if (width === 390) await screenshot(page, 'export-menu-phone', { fullPage: false });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export"] [data-format="bib"]').click()]);
    await download.path();
    const status = await page.getByTestId('export-status').boundingBox();
    assert.ok(status.x >= 0 && status.x + status.width <= width, `${width} px: the status spans ${Math.round(status.x)}–${Math.round(status.x + status.width)}`);
  }
});

test('on a phone, the note after a save lets a tap through to the filters below it, then goes; saving throws nothing', async () => {
  const server = await serveStatic(DIST, { overrides: { 'papers.json': { body: LAB } } });
  const page = await browser.newPage({ acceptDownloads: true });
  cleanups.push(async () => { await page.close(); await server.close(); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}?q=pathology+foundation+models`);
  await page.getByTestId('paper-card').first().waitFor();
  await page.getByTestId('export').locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export"] [data-format="bib"]').click()]);
  await download.path();
  const status = page.getByTestId('export-status');
  assert.match(await status.textContent(), /^Saved papers-q-pathology-foundation-models\.bib: \d+ papers?$/);
  const note = await status.boundingBox();
  assert.ok(note && note.height > 0, 'the note shows');
  // What a tap on the note reaches is what lies under it, never the note itself.
  const reached = await page.evaluate(({ x, y }) => {
    const hit = document.elementFromPoint(x, y);
    return { note: Boolean(hit?.closest('[data-testid="export-status"]')), what: hit?.tagName };
  }, { x: note.x + note.width / 2, y: note.y + note.height / 2 });
  assert.equal(reached.note, false, `a tap on the note reaches ${reached.what}`);
  const toggle = await page.locator('.filters summary').boundingBox();
  const over = toggle.y < note.y + note.height && note.y < toggle.y + toggle.height;
  if (over) {
    await page.mouse.click(toggle.x + 10, toggle.y + toggle.height / 2);
    assert.equal(await page.locator('.filters details').evaluate((d) => d.open), true, 'the tap under the note opened the filters');
  }
  await page.waitForFunction(() => !document.querySelector('[data-testid="export-status"]')?.textContent, null, { timeout: 12000 });
  assert.equal(await status.isVisible(), false, 'the note is gone');
  assert.deepEqual(errors, [], 'no error thrown while saving');
});

test('the Export menu closes as menus do: Esc keeps the search, a press elsewhere, Tab past it; a keyboard save keeps the focus', async () => {
  const page = await open('?q=pathology');
  const menu = page.getByTestId('export');
  const summary = menu.locator('summary');
  const isOpen = () => menu.evaluate((d) => d.open);
  const options = menu.locator('.export-option');
  /** What has the keyboard's focus, as a person would find it. */
  const focus = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName.toLowerCase(), inExport: Boolean(el.closest('[data-testid="export"]')), text: el.textContent.trim() };
  });

  // Esc: the menu closes, the search stays, and the focus is back on the menu's button.
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await isOpen(), true, 'Enter on the button opens the menu');
  await page.keyboard.press('Tab');
  assert.deepEqual(await focus(), { tag: 'button', inExport: true, text: 'BibTeX (.bib)' }, 'Tab reaches the first format');
  await page.keyboard.press('Escape');
  assert.equal(await isOpen(), false, 'Esc closes the menu');
  assert.deepEqual(await focus(), { tag: 'summary', inExport: true, text: 'Export' }, 'the focus goes back to Export');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'pathology', 'the search is kept');
  assert.equal(await page.getByTestId('search-input').inputValue(), 'pathology');
  // The next Esc is the page's again: it clears the search.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.search === '');

  // A press anywhere else closes it; a press on an option still saves.
  await summary.click();
  assert.equal(await isOpen(), true);
  await page.getByTestId('result-count').click();
  assert.equal(await isOpen(), false, 'a click elsewhere closes the menu');

  // The arrows, Home and End move between the formats, as in a menu.
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focus()).text, 'BibTeX (.bib)', '↓ from the button: the first format');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focus()).text, 'RIS (.ris)');
  await page.keyboard.press('End');
  assert.equal((await focus()).text, 'Paperdeck snapshot (.json)');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focus()).text, 'Paperdeck snapshot (.json)', 'it stays at the end');
  await page.keyboard.press('ArrowUp');
  assert.match((await focus()).text, /^CSV/);
  await page.keyboard.press('Home');
  assert.equal((await focus()).text, 'BibTeX (.bib)');
  assert.equal(await isOpen(), true);
  assert.equal((await page.evaluate(() => scrollY)), 0, 'the arrows did not scroll the page');
  await page.keyboard.press('Escape');

  // Tab past the last format closes it.
  await summary.focus();
  await page.keyboard.press('Enter');
  for (let i = 0; i < await options.count(); i++) await page.keyboard.press('Tab');
  assert.equal((await focus()).text, 'Paperdeck snapshot (.json)', 'the last format');
  await page.keyboard.press('Tab');
  assert.equal((await focus()).inExport, false, 'the focus moved on');
  assert.equal(await isOpen(), false, 'leaving it by Tab closes the menu');

  // Saving with the keyboard: the file comes, the menu closes, the focus stays on Export
  // (not thrown back to the page's start), visibly.
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^papers\.bib$/);
  assert.equal(await isOpen(), false);
  assert.deepEqual(await focus(), { tag: 'summary', inExport: true, text: 'Export' });
  const ring = await summary.evaluate((el) => { const s = getComputedStyle(el); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; });
  assert.ok(ring.style !== 'none' && ring.width >= 1, `a focus ring shows on Export (${ring.style} ${ring.width}px)`);
});

test('Cite on an opened card: BibTeX, an ACM reference and the permalink, keyboard first', async () => {
  const page = await open('?paper=2502.11705');
  const card = page.locator('[data-paper-id="2502.11705"]');
  const cite = card.getByTestId('cite');
  await cite.focus();
  await page.keyboard.press('Enter');
  const panel = card.getByTestId('cite-panel');
  await panel.waitFor();
  assert.equal(await cite.getAttribute('aria-expanded'), 'true');
  const bibtex = await panel.getByTestId('cite-bibtex').textContent();
  assert.match(bibtex, /^@inproceedings\{[^,]+,/);
  assert.doesNotMatch(bibtex, /abbr|selected|preview|bibtex_show/i, 'site-only fields are left out');
  assert.match(await panel.getByTestId('cite-reference').textContent(), /Georg Wölflein.*2025/);
  const href = await panel.getByTestId('cite-permalink').getAttribute('href');
  assert.match(href, /\?paper=2502\.11705$/);
  const style = await panel.evaluate((p) => getComputedStyle(p).borderTopStyle);
  assert.equal(style, 'solid', 'the panel is styled');
  await screenshot(page, 'cite-panel', { fullPage: false });
  // Only an opened card offers Cite.
  assert.equal(await page.getByTestId('cite').count(), 1);
});
