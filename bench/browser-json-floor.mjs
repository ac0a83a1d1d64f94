// The floor under issue #15's goal 1 ("all searchable ≤ 500 ms after navigation"): how
// long this machine takes just to bring a snapshot into a page and parse it with the
// browser's own JSON.parse, nothing indexed and nothing drawn, beside Paperdeck's own load
// of the same file from the same server. Loads alternate, a fresh Chromium each:
// - a blank page that fetches the snapshot, reads it as text and calls JSON.parse;
// - the explorer on `?data=` the same snapshot: its first card, and the index built (the
//   app's `paperdeck:catalog-built` mark), when the whole set is searchable.
// Both read when the snapshot was asked for and its last byte came from Resource Timing
// (`requestStart`, `responseEnd`).
// Usage: node bench/browser-json-floor.mjs SNAPSHOT.json [--rounds=N] [--dist=DIR]
//   (after `make build`)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser } from '../tests/browser/harness.mjs';

const file = process.argv[2];
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const rounds = Number(option('rounds') ?? 5);
const dist = option('dist') ? path.resolve(ROOT, option('dist')) : DIST;

const blankPage = `<!doctype html><html lang="en"><title>floor</title><body><script>
(async () => {
  const response = await fetch('bench-papers.json');
  const text = await response.text();
  const read = performance.now();
  const data = JSON.parse(text);
  const parsed = performance.now();
  const [timing] = performance.getEntriesByName(new URL('bench-papers.json', location).href);
  window.benchFloor = { requestStart: timing.requestStart, responseEnd: timing.responseEnd, read, parsed, papers: data.papers.length };
})();
</script></body></html>`;

const server = await serveStatic(dist, {
  overrides: {
    'bench-papers.json': { body: readFileSync(file) },
    'bench-floor.html': { body: blankPage },
  },
});

async function inFreshBrowser(work) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    return await work(page);
  } finally {
    await browser.close();
  }
}

const floorLoad = () => inFreshBrowser(async (page) => {
  await page.goto(`${server.url}bench-floor.html`);
  await page.waitForFunction(() => window.benchFloor, null, { timeout: 60000 });
  return page.evaluate(() => window.benchFloor);
});

const appLoad = () => inFreshBrowser(async (page) => {
  await page.goto(`${server.url}?data=bench-papers.json`, { waitUntil: 'commit' });
  // Looked for at every frame, as browser-keystrokes.mjs does.
  const firstCard = await page.evaluate(() => new Promise((resolve) => {
    const look = () => (document.querySelector('[data-testid="paper-card"]') ? resolve(performance.now()) : requestAnimationFrame(look));
    look();
  }));
  await page.waitForFunction(() => performance.getEntriesByName('paperdeck:catalog-built').length > 0, null, { timeout: 120000 });
  return page.evaluate((firstCard) => {
    const [built] = performance.getEntriesByName('paperdeck:catalog-built');
    const snapshot = performance.getEntriesByType('resource').find((e) => e.name.includes('bench-papers.json'));
    return { requestStart: snapshot?.requestStart ?? NaN, responseEnd: snapshot?.responseEnd ?? NaN, firstCard, searchable: built.startTime };
  }, firstCard);
});

const floor = [];
const app = [];
try {
  for (let round = 0; round < rounds; round++) {
    floor.push(await floorLoad());
    app.push(await appLoad());
  }
} finally {
  await server.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cell = (xs) => `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;
const mb = (readFileSync(file).length / 2 ** 20).toFixed(1);
console.log(`${path.basename(file)}: ${floor[0].papers} papers, ${mb} MiB, served from localhost; ${rounds} loads each, alternated, a fresh Chromium per load`);
console.log('ms after navigation, median (range):\n');
console.log('| page | snapshot asked for | snapshot downloaded | read as text | JSON.parse done | first card | all searchable |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
console.log(`| blank page, the browser's own JSON.parse | ${cell(floor.map((f) => f.requestStart))} | ${cell(floor.map((f) => f.responseEnd))} | ${cell(floor.map((f) => f.read))} | ${cell(floor.map((f) => f.parsed))} | — | — |`);
console.log(`| Paperdeck (\`?data=\`) | ${cell(app.map((a) => a.requestStart))} | ${cell(app.map((a) => a.responseEnd))} | — | — | ${cell(app.map((a) => a.firstCard))} | ${cell(app.map((a) => a.searchable))} |`);
const after = median(app.map((a) => a.searchable)) - median(floor.map((f) => f.parsed));
console.log(`\nPaperdeck is searchable ${Math.round(after)} ms after a blank page has merely parsed the same JSON (medians).`);
