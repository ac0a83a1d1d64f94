import { readFileSync } from 'node:fs';
import { DIST, serveStatic, launchBrowser, searchable } from '../tests/browser/harness.mjs';
// `node bench/browser-timeline.mjs SNAPSHOT [QUERY] [year]`: clicks on timeline bars (or,
// with `year`, on the year facet's buttons) and Enter / Shift+ArrowLeft on a focused bar,
// in the built app in Chromium, each timed from the event to the frame after the page's
// last change to the result count or the timeline (plus one task): the bars follow the
// count a frame later (src/after_paint.rs), and this waits for both.
// Figures: docs/performance.md, "Timeline".
const body = readFileSync(process.argv[2], 'utf8');
const server = await serveStatic(DIST, { overrides: { 'papers.json': { body } } });
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url + (process.argv[3] ?? ''));
await searchable(page);
await page.evaluate(() => {
  window.__times = [];
  window.__last = null;
  let start = null;
  for (const type of ['pointerup', 'keydown']) {
    addEventListener(type, (e) => {
      if (window.__last != null) window.__times.push(window.__last);
      window.__last = null;
      start = e.timeStamp;
    }, true);
  }
  // Each change after the event moves the end to the frame after it; the last one counts.
  // Changes more than 550 ms after the event are the next event's hover, not its answer
  // (events are 600 ms apart); a time near that limit says the answer may be cut short.
  const observer = new MutationObserver(() => {
    if (start == null || performance.now() - start > 550) return;
    const s = start;
    requestAnimationFrame(() => setTimeout(() => { window.__last = performance.now() - s; }, 0));
  });
  const watch = { childList: true, characterData: true, attributes: true, subtree: true };
  observer.observe(document.querySelector('[data-testid="result-count"]'), watch);
  const timeline = document.querySelector('[data-testid="timeline"]');
  if (timeline) observer.observe(timeline, watch);
});
// The last event's time, once its changes are done (each event is followed by 600 ms).
const flush = () => page.evaluate(() => {
  if (window.__last != null) window.__times.push(window.__last);
  window.__last = null;
  return window.__times.splice(0);
});
const n = await page.getByTestId('timeline-bar').count();
for (let k = 0; k < 10; k++) {
  const bar = process.argv[4] === 'year' ? page.locator('[data-testid="year-facet"] button').nth(k % 3) : page.getByTestId('timeline-bar').nth((k * 7) % n);
  await bar.click();
  await page.waitForTimeout(600);
}
const clicks = await flush();
// Keyboard: Enter and Shift+Arrow on the focused bar.
for (let k = 0; k < (n ? 10 : 0); k++) {
  await page.keyboard.press(k % 2 ? 'Shift+ArrowLeft' : 'Enter');
  await page.waitForTimeout(600);
}
const keys = await flush();
const search = await page.evaluate(() => performance.getEntriesByName('paperdeck:search').map((e) => e.duration));
console.log(JSON.stringify({ bars: n, clickToFrameMs: clicks.map((t) => +t.toFixed(1)), keyToFrameMs: keys.map((t) => +t.toFixed(1)), lastSearchMs: search }));
await browser.close();
await server.close();
