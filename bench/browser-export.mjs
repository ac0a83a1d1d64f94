// Export in Debian's chromium (issue #11): the explorer on a snapshot, every paper of the
// default view saved in each format, timed from the click on the format to the browser's
// download event (the core writes the file, the Blob is made, the download starts).
// Usage: node bench/browser-export.mjs SNAPSHOT.json   (after `make build`)
import { readFileSync } from 'node:fs';
import { DIST, serveStatic, launchBrowser, searchable } from '../tests/browser/harness.mjs';

const file = process.argv[2];
const body = readFileSync(file);
const server = await serveStatic(DIST, { overrides: { 'bench-papers.json': { body } } });
const browser = await launchBrowser();
const page = await browser.newPage({ acceptDownloads: true });
try {
  await page.goto(`${server.url}?data=bench-papers.json`);
  await searchable(page, { timeout: 120000 });
  const papers = Number((await page.getByTestId('result-count').textContent()).replaceAll(',', ''));
  console.log(`\nExport in chromium, ${papers} papers (the default view), click → download, best and worst of 3:\n`);
  console.log('| format | file MB | best ms | worst ms |');
  console.log('|---|---:|---:|---:|');
  for (const format of ['bib', 'ris', 'csv', 'json']) {
    const times = [];
    let size = 0;
    for (let run = 0; run < 3; run++) {
      await page.getByTestId('export').locator('summary').click();
      const option = page.locator(`[data-testid="export"] [data-format="${format}"]`);
      const t0 = Date.now();
      const [download] = await Promise.all([page.waitForEvent('download'), option.click()]);
      times.push(Date.now() - t0);
      size = readFileSync(await download.path()).length;
    }
    times.sort((a, b) => a - b);
    console.log(`| ${format} | ${(size / 1e6).toFixed(1)} | ${times[0]} | ${times[2]} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
