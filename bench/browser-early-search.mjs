// A reader who searches as soon as the page lets them (issue #15, "make the wait
// disappear"): the built site with SNAPSHOT as its papers.json and its static list (as
// bench/browser-first-paint.mjs builds it), loaded by Debian's chromium from localhost five
// times; each time a scripted reader clicks the first search box that takes input (the
// static list's, enabled once the app runs, or the app's own) and types QUERY at one key
// per 100 ms. Printed per load: when a box took input, when the typing ended, and when the
// app showed QUERY's answer (its count equal to that of the same search opened from its
// link), all in ms after navigation.
// Usage: node bench/browser-early-search.mjs SNAPSHOT.json [--dist=DIR] [--query=WORDS]
import path from 'node:path';
import { ROOT, serveStatic, launchBrowser } from '../tests/browser/harness.mjs';
import { siteWith } from './site.mjs';

const snapshot = path.resolve(process.argv[2]);
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dist = option('dist') && path.resolve(ROOT, option('dist'));
const query = option('query') ?? 'diffusion';
const { site, remove } = siteWith(snapshot, dist);
const server = await serveStatic(site, {});
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

try {
  // The answer to look for: the same search opened from its link.
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${server.url}?q=${encodeURIComponent(query)}`);
  await page.getByTestId('paper-card').first().waitFor({ timeout: 120000 });
  const expected = await page.getByTestId('result-count').textContent();
  await browser.close();
  console.log(`\n${path.basename(snapshot)}${dist ? `, ${path.relative(ROOT, dist)}` : ''}: "${query}" (${expected} papers), typed at one key per 100 ms\n`);
  console.log('| load | a search box takes input ms | typing ends ms | the answer on screen ms |\n|---|---:|---:|---:|');
  const rows = [];
  for (let run = 1; run <= 5; run++) {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(server.url, { waitUntil: 'commit' });
      const box = '#paperdeck-static input[type="search"]:not([disabled]), [data-testid="search-input"]';
      // Looked for at every frame (Playwright's own waiting looks again only after up to
      // 500 ms).
      await page.waitForFunction((box) => document.querySelector(box), box, { polling: 'raf', timeout: 120000 });
      const ready = await page.evaluate(() => performance.now());
      await page.locator(box).first().click();
      await page.keyboard.type(query, { delay: 100 });
      const typed = await page.evaluate(() => performance.now());
      // Looked for at every frame from the page itself.
      const shown = await page.evaluate(
        ([query, expected]) =>
          new Promise((done) => {
            const look = () => {
              const input = document.querySelector('[data-testid="search-input"]');
              const count = document.querySelector('[data-testid="result-count"]');
              if (input?.value === query && count?.textContent === expected) done(performance.now());
              else requestAnimationFrame(look);
            };
            look();
          }),
        [query, expected],
      );
      rows.push([ready, typed, shown]);
      console.log(`| ${run} | ${ready.toFixed(0)} | ${typed.toFixed(0)} | ${shown.toFixed(0)} |`);
    } finally {
      await browser.close();
    }
  }
  console.log(`| median | ${[0, 1, 2].map((i) => median(rows.map((r) => r[i])).toFixed(0)).join(' | ')} |`);
} finally {
  await server.close();
  remove();
}
