// The long tasks (over 50 ms) of booting the default page on a phone-sized screen with the
// CPU slowed 4× (as Lighthouse's mobile preset simulates it): what its total blocking time
// is made of. dist/ is served as a static host serves it (gzip, cache headers).
// Usage: node bench/browser-boot-tasks.mjs [RUNS] [--dist=DIR]   (after `make build`)
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser } from '../tests/browser/harness.mjs';

const runs = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 5);
const distArg = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
const server = await serveStatic(distArg ? path.resolve(ROOT, distArg) : DIST, { staticHost: true });
const browser = await launchBrowser();
try {
  console.log('Default page, 412 × 823 px, CPU slowed 4×: long tasks until the app shows its cards and 1.5 s after\n');
  console.log('| run | long tasks (start ms: duration ms) | blocking time over 50 ms |');
  console.log('|---|---|---:|');
  for (let run = 1; run <= runs; run++) {
    // The harness's browser is a persistent context, whose newPage takes no options:
    // the size is set on the page (before 2026-12-01 it was the context's 1100 × 900).
    const page = await browser.newPage();
    await page.setViewportSize({ width: 412, height: 823 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.benchLongTasks = [];
      new PerformanceObserver((list) => {
        window.benchLongTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]));
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url);
    await page.waitForSelector('main.page .paper-card');
    await new Promise((r) => setTimeout(r, 1500));
    const tasks = await page.evaluate(() => window.benchLongTasks);
    const blocking = tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    const list = tasks.map(([t, d]) => `${t.toFixed(0)}: ${d.toFixed(0)}`).join(', ');
    console.log(`| ${run} | ${list || 'none'} | ${blocking.toFixed(0)} ms |`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
