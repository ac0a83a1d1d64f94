// Whether each keystroke is on screen by the next frame, as a person typing sees it: the
// keystrokes of bench/queries.json typed into the explorer one at a time, each after a
// painted frame (so the page is idle, as between a person's keystrokes), timed from the
// input event to the end of the next frame the page renders (a message posted from an
// animation callback asked for right after the input event, which runs after that frame's
// paint). A change that fits in the frame interval shows in the next frame; one that does
// not makes that frame late. Work the page puts off until after that frame (in a task of
// its own) is not in the time, and is timed apart: from the end of the frame until the
// page is idle again (the next message after everything queued by then).
// Each keystroke comes just after a frame, the most room it can have: a person's keystroke
// lands anywhere in the frame interval, so this counts fewer late frames than typing would.
// Also prints goal 2's own measure (issue #15): the input event until the DOM is updated
// and laid out, the frame's paint not included; and the frame interval of the idle page,
// for scale. One warm-up pass, one timed.
// Usage: node bench/browser-next-frame.mjs SNAPSHOT.json [--dist=DIR] [--width=N] [--view=PARAMS]
//   (after `make build`)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, searchable } from '../tests/browser/harness.mjs';
import { keystrokes, percentiles, fmt } from './keystrokes.mjs';

const file = process.argv[2];
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dist = option('dist') ? path.resolve(ROOT, option('dist')) : DIST;
const extraView = option('view');
const server = await serveStatic(dist, { overrides: { 'bench-papers.json': { body: readFileSync(file) } } });
const browser = await launchBrowser();
const page = await browser.newPage();
await page.setViewportSize({ width: Number(option('width') ?? 1280), height: 844 });
const keys = keystrokes().map((k) => k.q);
try {
  await page.goto(`${server.url}?data=bench-papers.json${extraView ? `&${extraView}` : ''}`);
  await searchable(page, { timeout: 120000 });
  const r = await page.evaluate(async (keys) => {
    const input = document.querySelector('[data-testid="search-input"]');
    const message = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const afterFrame = () => new Promise((r) => requestAnimationFrame(() => message().then(r)));
    // Idle again: a message the page posts itself comes back within 1 ms.
    const idle = async () => {
      for (let i = 0; i < 50; i++) {
        const t = performance.now();
        await message();
        if (performance.now() - t < 1) return;
      }
    };
    const interval = [];
    for (let i = 0, last = null; i < 61; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      if (last !== null) interval.push(now - last);
      last = now;
    }
    const type = async (value) => {
      await afterFrame();
      await idle();
      await afterFrame();
      const t = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const frame = afterFrame();
      // The keystroke's own work, as goal 2 defines it: from the input event until the
      // DOM is updated (the app's microtasks have run) and laid out. The frame is ~16 ms
      // away, so it is not in this time unless the work outlasts the interval.
      await message();
      void document.body.offsetHeight;
      const laidOut = performance.now() - t;
      await frame;
      const shown = performance.now() - t;
      const s = performance.now();
      await idle();
      return { laidOut, shown, after: performance.now() - s };
    };
    let laidOut = [];
    let shown = [];
    let after = [];
    for (let pass = 0; pass < 2; pass++) {
      laidOut = [];
      shown = [];
      after = [];
      for (const k of keys) {
        if (k.length === 1) await type('');
        const x = await type(k);
        laidOut.push(x.laidOut);
        shown.push(x.shown);
        after.push(x.after);
      }
    }
    return { laidOut, shown, after, interval };
  }, keys);
  const frame = percentiles(r.interval).p50;
  const { p50, p95, max } = percentiles(r.shown);
  const late = r.shown.filter((t) => t > frame * 1.5).length;
  const a = percentiles(r.after);
  console.log(`In Chromium ${browser.browser()?.version() ?? ''}: ${keys.length} keystrokes, a page ${page.viewportSize().width} × 844 px; the idle page's frame interval p50 ${fmt(frame)}`);
  console.log('');
  console.log('| input → end of the next frame | p50 | p95 | max | frames later than 1.5 intervals |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| Paperdeck | ${fmt(p50)} | ${fmt(p95)} | ${fmt(max)} | ${late} of ${r.shown.length} |`);
  console.log(`\nafter that frame, until the page is idle: p50 ${fmt(a.p50)}, p95 ${fmt(a.p95)}, max ${fmt(a.max)}`);
  // Goal 2's measure (issue #15): the input event until the DOM is updated and laid out.
  const l = percentiles(r.laidOut);
  const overFrame = r.laidOut.filter((t) => t > 1000 / 60).length;
  console.log(`input → DOM updated and laid out (the frame's paint not included): p50 ${fmt(l.p50)}, p95 ${fmt(l.p95)}, max ${fmt(l.max)}, ${overFrame} of ${r.laidOut.length} over 16.7 ms`);
} finally {
  await page.close();
  await browser.close();
  await server.close();
}
