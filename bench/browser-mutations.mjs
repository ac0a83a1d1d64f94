// Where a keystroke's DOM changes go: types the keystrokes of bench/queries.json into the
// explorer (each after a painted frame: `typeEachAfterAFrame`, as browser-profile.mjs) under a
// MutationObserver, and prints the changes per keystroke by part of the page (filters,
// timeline, list…), element and kind (nodes added or removed, an attribute, a text).
// It counts DOM changes, not time nor layout: an attribute such as `href` needs no layout,
// and a subtree added at once counts as one node. A change is placed where its target is
// when the observer reports it (a part removed in the same task counts as "elsewhere").
// The box is cleared before each query's first letter, and those changes count too.
// Usage: node bench/browser-mutations.mjs SNAPSHOT.json [--dist=DIR] [--width=PX] [--top=N]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, searchable } from '../tests/browser/harness.mjs';
import { keystrokes, typeEachAfterAFrame } from './keystrokes.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/browser-mutations.mjs SNAPSHOT.json [--dist=DIR] [--width=PX] [--top=N]');
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dist = option('dist') ? path.resolve(ROOT, option('dist')) : DIST;
const width = Number(option('width') ?? 1280);
const top = Number(option('top') ?? 30);
const keys = keystrokes().map((k) => k.q);
const server = await serveStatic(dist, { overrides: { 'bench-papers.json': { body: readFileSync(file) } } });
let browser;
try {
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.url}?data=bench-papers.json`);
  await searchable(page, { timeout: 120000 });
  // The observer is set up in the page, the keys typed, then the counts read back.
  await page.evaluate(() => {
    const parts = '.filters, .timeline, .paper-list, .result-summary, .toolbar, .active-filters, header, .results';
    // "part > the nearest element with a class" (its tag and first class).
    const where = (node) => {
      const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      if (!el) return 'detached';
      // getAttribute, not className: an SVG element's className is not a string.
      const firstClass = (e) => e.getAttribute('class').trim().split(/\s+/)[0];
      const partOf = el.closest(parts);
      const part = partOf ? firstClass(partOf) : `elsewhere (${el.tagName.toLowerCase()})`;
      const near = el.closest('[class]');
      return `${part} > ${near ? `${near.tagName.toLowerCase()}.${firstClass(near)}` : '?'}`;
    };
    const counts = {};
    const count = (records) => {
      for (const r of records) {
        const kind = r.type === 'attributes' ? `attribute ${r.attributeName}` : r.type === 'childList' ? 'nodes added or removed' : 'text';
        const n = r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
        const key = `${where(r.target)} | ${kind}`;
        counts[key] = (counts[key] ?? 0) + n;
      }
    };
    const observer = new MutationObserver(count);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    window.mutationCounts = { counts, count, observer };
  });
  await typeEachAfterAFrame(page, keys);
  const counts = await page.evaluate(() => {
    const { counts, count, observer } = window.mutationCounts;
    count(observer.takeRecords());
    observer.disconnect();
    return counts;
  });
  const perKey = (n) => (n / keys.length).toFixed(2);
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`${keys.length} keystrokes at ${width} px (each after a painted frame; a first letter also after clearing the box): ${perKey(all)} DOM changes per keystroke\n`);
  console.log('| part > element | change | per keystroke |');
  console.log('|---|---|---:|');
  for (const [key, n] of Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const [at, kind] = key.split(' | ');
    console.log(`| ${at} | ${kind} | ${perKey(n)} |`);
  }
} finally {
  await browser?.close();
  await server.close();
}
