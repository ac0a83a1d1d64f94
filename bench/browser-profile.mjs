// Where a keystroke's time goes in Chromium: types the keystrokes of bench/queries.json
// into the explorer (a warm-up pass, then a traced and profiled pass, as
// bench/browser-keystrokes.mjs does) and prints
// 1. the main thread's self time by trace event (script, style, layout, paint, …), from a
//    DevTools performance trace, and
// 2. the functions with the most self time, from a CPU profile. The release wasm carries no
//    function names; for names, make a profiling copy of dist/ with scripts/profile-dist.sh
//    (it writes target/profile-dist) and pass `--dist=target/profile-dist`.
// `--callers=TEXT` also prints the commonest call stacks (5 frames) of the functions whose
// name contains TEXT.
// Usage: node bench/browser-profile.mjs SNAPSHOT.json [--dist=DIR] [--view=PARAMS] [--top=N]
//   [--callers=TEXT] [--inclusive=TEXT] [--width=PX]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, searchable } from '../tests/browser/harness.mjs';
import { keystrokes, typeEachAfterAFrame } from './keystrokes.mjs';

const file = process.argv[2];
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dist = option('dist') ? path.resolve(ROOT, option('dist')) : DIST;
const extraView = option('view');
const top = Number(option('top') ?? 25);
const server = await serveStatic(dist, { overrides: { 'bench-papers.json': { body: readFileSync(file) } } });
const browser = await launchBrowser();
// The harness's browser is a persistent context, whose newPage takes no options: the size
// is set on the page (before 2026-12-01, `--width` was ignored and pages were 1100 × 900).
const page = await browser.newPage();
await page.setViewportSize({ width: Number(option('width') ?? 1280), height: 900 });
const keys = keystrokes().map((k) => k.q);
try {
  await page.goto(`${server.url}?data=bench-papers.json${extraView ? `&${extraView}` : ''}`);
  await searchable(page, { timeout: 120000 });
  const typeAll = (keys) => typeEachAfterAFrame(page, keys);
  await typeAll(keys); // warm-up
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.start');
  const passMs = await typeAll(keys);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;

  // 1. Self time by trace event on the renderer's main thread.
  // A trace can hold more than one renderer (another process the browser started): the
  // page's main thread is the busiest one. Taking the first one named so gave, now and
  // then, an idle renderer and a table of nothing (2026-12-02).
  const busiest = new Map();
  for (const e of events) {
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') busiest.set(`${e.pid}:${e.tid}`, 0);
  }
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.dur && busiest.has(key)) busiest.set(key, busiest.get(key) + e.dur);
  }
  const [mainKey] = [...busiest].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!mainKey) throw new Error('browser-profile: the trace has no renderer main thread; run it again');
  const slices = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === mainKey && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of slices) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    stack.push(e);
  }
  const perKey = (us) => `${(us / 1000 / keys.length).toFixed(2)} ms`;
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`${keys.length} keystrokes, traced pass ${passMs.toFixed(0)} ms (each keystroke waits for a painted frame)`);
  console.log(`main thread busy ${perKey(busy)} per keystroke; self time by trace event:\n`);
  console.log('| trace event | self time per keystroke | share |');
  console.log('|---|---:|---:|');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
    console.log(`| ${name} | ${perKey(us)} | ${((100 * us) / busy).toFixed(0)}% |`);
  }

  // 2. Self time by function, from the CPU profile's samples.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fnSelf = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url } = byId.get(id).callFrame;
    const name = functionName || `(anonymous ${path.basename(url) || 'native'})`;
    fnSelf.set(name, (fnSelf.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  for (const idle of ['(idle)', '(program)', '(garbage collector)']) {
    if (fnSelf.has(idle)) console.log(`\n${idle}: ${perKey(fnSelf.get(idle))} per keystroke`);
  }
  for (const idle of ['(idle)', '(program)']) fnSelf.delete(idle);
  console.log(`\ntop ${top} functions by self time (CPU profile):\n`);
  console.log('| function | self time per keystroke |');
  console.log('|---|---:|');
  for (const [name, us] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`| \`${name.slice(0, 110).replaceAll('|', '\\|')}\` | ${perKey(us)} |`);
  }
  // `--inclusive=TEXT`: the time inside each function whose name contains TEXT, callees
  // included (each sample counted once per function on its stack).
  const inclusive = option('inclusive');
  const wantInclusive = process.argv.some((a) => a.startsWith('--inclusive='));
  if (wantInclusive) {
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const total = new Map();
    profile.samples.forEach((id, i) => {
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const name = byId.get(at).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
        if (name.includes(inclusive)) seen.add(name);
      }
      for (const name of seen) total.set(name, (total.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    console.log(`\ninclusive time of functions named *${inclusive}*:\n`);
    for (const [name, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`| \`${name.slice(-110)}\` | ${perKey(us)} |`);
    }
  }
  const callers = option('callers');
  if (callers) {
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const short = (name) => name.replace(/::h[0-9a-f]{16}$/, '').slice(-90);
    const stacks = new Map();
    profile.samples.forEach((id, i) => {
      if (!byId.get(id).callFrame.functionName.includes(callers)) return;
      const frames = [];
      for (let at = id; at !== undefined && frames.length < 6; at = parent.get(at)) {
        frames.push(short(byId.get(at).callFrame.functionName || '(anonymous)'));
      }
      const key = frames.join('\n    <- ');
      stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    console.log(`\ncommonest stacks of functions named *${callers}*:`);
    for (const [key, us] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
      console.log(`\n${perKey(us)} per keystroke:\n    ${key}`);
    }
  }
} finally {
  await page.close();
  await browser.close();
  await server.close();
}
