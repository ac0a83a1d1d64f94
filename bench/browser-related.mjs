// Related papers in Debian's chromium: load the explorer on a snapshot, open the newest
// paper's card, then follow its related papers 60 times (the (step % 5)-th link of each
// opened card, so the walk wanders), and time each step: (1) the core's top 5 for the
// opened card (the `paperdeck:related` User Timing measure), (2) the `related=ID` view's
// search (`paperdeck:search`), (3) end to end, from the click until the new card's
// related list is in the DOM and laid out.
// Usage: node bench/browser-related.mjs SNAPSHOT.json   (after `make build`)
import { readFileSync } from 'node:fs';
import { DIST, serveStatic, launchBrowser, searchable } from '../tests/browser/harness.mjs';
import { percentiles, fmt } from './keystrokes.mjs';

const file = process.argv[2];
const body = readFileSync(file);
const server = await serveStatic(DIST, { overrides: { 'bench-papers.json': { body } } });
const browser = await launchBrowser();
const page = await browser.newPage();
const papers = JSON.parse(body).papers.length;
try {
  await page.goto(`${server.url}?data=bench-papers.json`);
  await searchable(page, { timeout: 120000 });
  await page.locator('.paper-title a').first().click();
  await page.getByTestId('related-papers').waitFor();
  const steps = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    for (let step = 0; step < 60; step++) {
      const links = [...document.querySelectorAll('.paper-card.opened [data-testid="related-papers"] li')];
      if (links.length === 0) break;
      const li = links[step % links.length];
      const target = li.dataset.paperId;
      const t = performance.now();
      li.querySelector('a').click();
      let card = null;
      while (!(card = document.querySelector(`.paper-card.opened[data-paper-id="${CSS.escape(target)}"] [data-testid="related-papers"]`))) {
        await frame();
      }
      void document.body.offsetHeight;
      const total = performance.now() - t;
      const [related] = performance.getEntriesByName('paperdeck:related');
      const [search] = performance.getEntriesByName('paperdeck:search');
      out.push({ total, related: related?.duration ?? NaN, search: search?.duration ?? NaN });
    }
    return out;
  });
  const row = (name, times) => {
    const { p50, p95, max } = percentiles(times);
    return `| ${name} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(max)} | ${times.filter((t) => t > 5).length} of ${times.length} |`;
  };
  console.log(`In Chromium ${browser.browser()?.version() ?? ''}: ${papers} papers, ${steps.length} related papers followed`);
  console.log('');
  console.log('| step | p50 | p95 | max | over 5 ms |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(row('top 5 of the opened card (core, wasm: `paperdeck:related`)', steps.map((s) => s.related)));
  console.log(row('`related=ID` view (core, wasm: `paperdeck:search`)', steps.map((s) => s.search)));
  console.log(row('click to related list on screen (end to end, incl. a frame)', steps.map((s) => s.total)));
} finally {
  await page.close();
  await browser.close();
  await server.close();
}
