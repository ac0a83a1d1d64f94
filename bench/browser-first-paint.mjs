// First paint at scale (issues #13 and #15): the built site with SNAPSHOT as its papers.json
// and its static list written by `paperdeck render --pages` (what `make build` does for the
// bundled snapshot), served from localhost; Debian's chromium loads it five times. Printed:
// when the first static card is in the page, first and largest contentful paint, and when
// the app's first card replaces the static list (the whole set is searchable then, or a
// moment later when the index worker's last words are still on their way). Also
// the sizes a visitor downloads, and when the snapshot's download ends (the app reads and
// indexes it while it downloads, so little is left after that).
// Usage: node bench/browser-first-paint.mjs SNAPSHOT.json [--dist=DIR] [--mbps=N]
//   --dist: another build than dist/ (to compare two);
//   --mbps: served as a static host serves it (gzip) over a connection of N Mbit/s with
//   20 ms latency (Chromium's network emulation) instead of uncompressed from localhost.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ROOT, serveStatic, launchBrowser } from '../tests/browser/harness.mjs';
import { siteWith } from './site.mjs';

const snapshot = path.resolve(process.argv[2]);
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dist = option('dist') && path.resolve(ROOT, option('dist'));
const mbps = Number(option('mbps') ?? 0);
const { site, renderMs, remove } = siteWith(snapshot, dist);

const gz = (f) => gzipSync(readFileSync(path.join(site, f)), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(0);
const files = readdirSync(site).filter((f) => statSync(path.join(site, f)).isFile());
const app = files.filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'embed.js');
console.log(`\nSite of ${path.basename(snapshot)}: paperdeck render --pages took ${renderMs} ms (with cargo's check).`);
console.log('\n| file | KB | KB gzip |\n|---|---:|---:|');
for (const f of ['index.html', 'papers.json', ...app]) {
  console.log(`| ${f.replace(/-[0-9a-f]{16}/, '-HASH')} | ${kb(statSync(path.join(site, f)).size)} | ${kb(gz(f))} |`);
}
console.log(`| app (wasm + JS + CSS) | ${kb(app.reduce((s, f) => s + statSync(path.join(site, f)).size, 0))} | ${kb(app.reduce((s, f) => s + gz(f), 0))} |`);

const server = await serveStatic(site, { staticHost: mbps > 0 });
console.log(`\n${mbps ? `Gzip over ${mbps} Mbit/s, 20 ms latency` : 'Uncompressed from localhost'}${dist ? `, ${path.relative(ROOT, dist)}` : ''}:`);
console.log('\n| run | first static card in the DOM ms | FCP ms | LCP ms | papers.json downloaded ms | app\'s first card ms |\n|---|---:|---:|---:|---:|---:|');
try {
  for (let run = 1; run <= 5; run++) {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      if (mbps) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.enable');
        const bytesPerSecond = (mbps * 1e6) / 8;
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
      }
      await page.goto(server.url, { waitUntil: 'commit' });
      const t = await page.evaluate(async () => {
        const when = (found) => new Promise((resolve) => {
          const tick = () => (found() ? resolve(performance.now()) : requestAnimationFrame(tick));
          tick();
        });
        const staticCard = await when(() => document.querySelector('#paperdeck-static .paper-card'));
        const appCard = await when(() => document.querySelector('[data-testid="paper-card"]'));
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const lcp = await new Promise((resolve) => new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime))
          .observe({ type: 'largest-contentful-paint', buffered: true }));
        const downloaded = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/papers.json'))?.responseEnd;
        return [staticCard, fcp, lcp, downloaded, appCard].map(Math.round);
      });
      console.log(`| ${run} | ${t.join(' | ')} |`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
  remove();
}
