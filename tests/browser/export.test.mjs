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
  const count = Number(await page.getByTestId('result-count').textContent());
  for (const format of ['bib', 'ris', 'csv', 'json']) {
    await page.getByTestId('export').locator('summary').click();
    const option = page.locator(`[data-testid="export"] [data-format="${format}"]`);
    assert.ok(await option.isVisible(), `${format} is offered`);
    const [download] = await Promise.all([page.waitForEvent('download'), option.click()]);
    assert.equal(download.suggestedFilename(), `papers-q-pathology.${format}`);
    const text = readFileSync(await download.path(), 'utf8');
    assert.equal(text, cliExport(view, format), `${format}: the browser's file is the CLI's`);
    assert.match(await page.getByTestId('export-status').textContent(), new RegExp(`^Saved papers-q-pathology\\.${format}: ${count} papers?$`));
  }
  await page.getByTestId('export').locator('summary').click();
  await screenshot(page, 'export-menu', { fullPage: false });
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
