import { readFileSync } from 'node:fs';
import { DIST, serveStatic, launchBrowser } from '../tests/browser/harness.mjs';
// `node bench/browser-timeline.mjs SNAPSHOT [QUERY] [year]`: clicks on timeline bars (or,
// with `year`, on the year facet's buttons) and Enter / Shift+ArrowLeft on a focused bar,
// in the built app in Chromium, each timed from the event to the frame after the result
// count changed (plus one task). Figures: docs/performance.md, "Timeline".
const body = readFileSync(process.argv[2], 'utf8');
const server = await serveStatic(DIST, { overrides: { 'papers.json': { body } } });
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url + (process.argv[3] ?? ''));
await page.getByTestId('paper-card').first().waitFor();
await page.evaluate(() => {
  window.__times = [];
  let start = null;
  for (const type of ['pointerup', 'keydown']) addEventListener(type, (e) => { start = e.timeStamp; }, true);
  const el = document.querySelector('[data-testid="result-count"]');
  new MutationObserver(() => {
    if (start == null) return;
    const s = start; start = null;
    requestAnimationFrame(() => setTimeout(() => window.__times.push(performance.now() - s), 0));
  }).observe(el, { childList: true, characterData: true, subtree: true });
});
const n = await page.getByTestId('timeline-bar').count();
for (let k = 0; k < 10; k++) {
  const bar = process.argv[4] === 'year' ? page.locator('[data-testid="year-facet"] button').nth(k % 3) : page.getByTestId('timeline-bar').nth((k * 7) % n);
  await bar.click();
  await page.waitForTimeout(300);
}
const clicks = await page.evaluate(() => window.__times.splice(0));
// Keyboard: Enter and Shift+Arrow on the focused bar.
for (let k = 0; k < (n ? 10 : 0); k++) {
  await page.keyboard.press(k % 2 ? 'Shift+ArrowLeft' : 'Enter');
  await page.waitForTimeout(300);
}
const keys = await page.evaluate(() => window.__times.splice(0));
const search = await page.evaluate(() => performance.getEntriesByName('paperdeck:search').map((e) => e.duration));
console.log(JSON.stringify({ bars: n, clickToFrameMs: clicks.map((t) => +t.toFixed(1)), keyToFrameMs: keys.map((t) => +t.toFixed(1)), lastSearchMs: search }));
await browser.close();
await server.close();
