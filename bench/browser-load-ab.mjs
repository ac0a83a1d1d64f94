// Two (or more) builds compared on loading a large snapshot, alternated so that the
// machine's slow and fast minutes fall on each alike: for each round and each build, a
// fresh Chromium opens the explorer on SNAPSHOT (`?data=`, served uncompressed from
// localhost, its length declared) and waits for the first card (looked for at every
// frame), which comes before the index is built when the worker's last words are still on
// their way (src/load.rs); the "catalog built" step below is when the whole set is
// searchable. Printed per build: the time to that card and the CPU profile's time in
// wasm code until then (each load profiled, the same for every build), every load and
// the median. Not in `make bench`: it needs the builds to compare (copies of dist/, such
// as `cp -r dist target/dist-before` before a change and `make build` after).
// Also printed per build, as medians: when each step of the load ended (the wasm and the
// snapshot downloaded, by Resource Timing; the app's own User Timing marks, src/load.rs
// and src/load/index_worker.rs: the last record read, the catalog but its index, the last
// words from the index worker, the catalog built), so a change can be seen in the step it moves,
// and the wasm memory's size at the first card (the high-water mark of loading: wasm memory
// never shrinks).
// Usage: node bench/browser-load-ab.mjs SNAPSHOT.json DIST_A DIST_B [...] [--rounds=N] [--no-profile]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, serveStatic, launchBrowser } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 6);
// --no-profile: the time to the first card alone, without the sampling profiler's cost.
const profiling = !process.argv.includes('--no-profile');
const [snapshot, ...dists] = args;
if (!snapshot || dists.length < 2) {
  console.error('usage: node bench/browser-load-ab.mjs SNAPSHOT.json DIST_A DIST_B [...] [--rounds=N]');
  process.exit(2);
}
const body = readFileSync(snapshot);
const servers = [];
for (const d of dists) {
  servers.push(await serveStatic(path.resolve(ROOT, d), { overrides: { 'bench-papers.json': { body } } }));
}
const results = dists.map(() => ({ card: [], wasm: [], memoryMb: [], steps: new Map() }));
// The steps, in the page's clock: resources' last bytes, then the app's marks.
const loadSteps = () => {
  const steps = {};
  for (const r of performance.getEntriesByType('resource')) {
    if (r.name.endsWith('.wasm')) steps['wasm downloaded'] = r.responseEnd;
    if (r.name.includes('bench-papers.json')) steps['snapshot downloaded'] = r.responseEnd;
  }
  for (const m of performance.getEntriesByType('mark')) {
    if (/^paperdeck:(snapshot-read|catalog-but-index|words-from-worker|catalog-built)$/.test(m.name)) {
      steps[m.name.slice('paperdeck:'.length)] = m.startTime;
    }
  }
  return steps;
};
// When the first card is in the page, looked for at every frame: Playwright's own waiting
// looks less and less often (every 500 ms once it has waited 0.3 s), too coarse here.
const firstCardAt = () =>
  new Promise((resolve) => {
    const look = () =>
      document.querySelector('[data-testid="paper-card"]') ? resolve(performance.now()) : requestAnimationFrame(look);
    look();
  });
for (let round = 0; round < rounds; round++) {
  for (const [k, server] of servers.entries()) {
    const browser = await launchBrowser();
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    // The wasm instance's memory, from the event Trunk's loader sends when the app starts.
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => { window.benchWasmMemory = e.detail.wasm.memory; });
    });
    const cdp = await page.context().newCDPSession(page);
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${server.url}?data=bench-papers.json`, { waitUntil: 'commit' });
    const card = await page.evaluate(firstCardAt);
    let wasmUs = NaN;
    if (profiling) {
      const { profile } = await cdp.send('Profiler.stop');
      const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
      wasmUs = 0;
      profile.samples.forEach((id, i) => {
        const frame = nodes.get(id);
        if (frame.url.endsWith('.wasm') || /^(\$|wasm-function)/.test(frame.functionName)) wasmUs += profile.timeDeltas[i] ?? 0;
      });
    }
    for (const [step, at] of Object.entries(await page.evaluate(loadSteps))) {
      if (!results[k].steps.has(step)) results[k].steps.set(step, []);
      results[k].steps.get(step).push(Math.round(at));
    }
    results[k].card.push(Math.round(card));
    results[k].memoryMb.push(Math.round(await page.evaluate(() => window.benchWasmMemory?.buffer.byteLength ?? NaN) / 2 ** 20));
    results[k].wasm.push(Math.round(wasmUs / 1000));
    await browser.close();
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`${path.basename(snapshot)}, ${rounds} loads per build, alternated:`);
dists.forEach((d, k) => {
  const { card, wasm, memoryMb } = results[k];
  console.log(
    `${d}: first card median ${median(card)} ms (${card.join(', ')})` +
      (profiling ? `; in wasm median ${median(wasm)} ms (${wasm.join(', ')})` : '') +
      `; wasm memory at the first card ${[...new Set(memoryMb)].join(', ')} MB`
  );
  const steps = [...results[k].steps].sort((a, b) => median(a[1]) - median(b[1]));
  console.log(`  steps, medians: ${steps.map(([step, at]) => `${step} ${median(at)}`).join(', ')}, first card ${median(card)} ms`);
});
for (const s of servers) s.close?.();
process.exit(0);
