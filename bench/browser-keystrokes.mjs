// Paperdeck end to end in Debian's chromium: load the explorer on a snapshot, then type
// the keystrokes of bench/queries.json into the search box and time each one from the
// input event until the results are in the DOM and laid out.
// Usage: node bench/browser-keystrokes.mjs SNAPSHOT.json   (after `make build`)
import { readFileSync } from 'node:fs';
import { DIST, serveStatic, launchBrowser } from '../tests/browser/harness.mjs';
import { keystrokes, percentiles, fmt } from './keystrokes.mjs';

const file = process.argv[2];
const body = readFileSync(file);
const server = await serveStatic(DIST, { overrides: { 'bench-papers.json': { body } } });
const browser = await launchBrowser();
const page = await browser.newPage();
const papers = JSON.parse(body).papers.length;
try {
  const t0 = Date.now();
  await page.goto(`${server.url}?data=bench-papers.json`);
  await page.getByTestId('paper-card').first().waitFor({ timeout: 120000 });
  const loadMs = Date.now() - t0;
  const keys = keystrokes().map((k) => k.q);
  const result = await page.evaluate(async (keys) => {
    const input = document.querySelector('[data-testid="search-input"]');
    const settle = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const type = async (value) => {
      const t = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      void document.body.offsetHeight; // include layout
      return performance.now() - t;
    };
    const times = [];
    let previousFirstWord = null;
    for (const k of keys) {
      const firstChar = k.length === 1;
      if (firstChar && previousFirstWord !== null) await type('');
      times.push(await type(k));
      previousFirstWord = k;
    }
    const cards = document.querySelectorAll('[data-testid="paper-card"]').length;
    return { times, cards, heap: performance.memory?.usedJSHeapSize ?? 0 };
  }, keys);
  const { p50, p95, max } = percentiles(result.times);
  const overFrame = result.times.filter((t) => t > 16.7).length;
  console.log(`Paperdeck in Chromium (${(await browser.browser()?.version()) ?? 'chromium'}), ${papers} papers, ${keys.length} keystrokes`);
  console.log('');
  console.log('| papers | load to first card ms | p50/keystroke | p95 | max | keystrokes over one frame (16.7 ms) |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${papers} | ${loadMs} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(max)} | ${overFrame} of ${keys.length} |`);
} finally {
  await page.close();
  await browser.close();
  await server.close();
}
