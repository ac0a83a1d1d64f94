// Lighthouse (npm lighthouse, pinned in package.json) on the explorer as a static host
// serves it: gzip and cache headers (tests/browser/harness.mjs, `staticHost`), with
// Debian's chromium. Mobile preset (a throttled mid-range phone) and desktop preset, each
// run RUNS times; printed: the four category scores, the paint and blocking metrics (median
// of the runs), and every request of the page with its transferred (compressed) size. The
// last report of each preset is kept in target/bench/lighthouse-PRESET.json.
// Usage: node bench/lighthouse.mjs [SNAPSHOT.json] [--dist=DIR]   (after `make build`)
//   LIGHTHOUSE_RUNS=N (default 3) and LIGHTHOUSE_PRESETS=mobile,desktop (the default) choose.
//   Without SNAPSHOT: the built dist/ (the bundled 77 papers). With it: a copy of dist/ with
//   that snapshot and its static list (bench/site.mjs), e.g. make bench's 10k papers.
//   --dist=DIR serves a build copied aside instead of dist/ (to compare two builds).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, DIST, ROOT, serveStatic } from '../tests/browser/harness.mjs';
import { siteWith } from './site.mjs';

const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const snapshot = process.argv.slice(2).find((a) => !a.startsWith('--'));
const distOption = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
const dist = distOption ? path.resolve(distOption) : DIST;
const built = snapshot ? siteWith(snapshot, dist) : null;
const site = built?.site ?? dist;
const server = await serveStatic(site, { staticHost: true });
const chromePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
const cli = path.join(ROOT, 'node_modules/.bin/lighthouse');
const version = execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();

/** One Lighthouse run; returns its JSON report (the lhr). Asynchronous: the server runs
 *  in this process and must keep answering. */
async function lighthouse(preset) {
  const profile = mkdtempSync(path.join(tmpdir(), 'paperdeck-lighthouse-'));
  const out = path.join(profile, 'report.json');
  try {
    await promisify(execFile)(cli, [
      server.url, '--quiet', '--output=json', `--output-path=${out}`,
      ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      `--chrome-flags=${[...CHROMIUM_ARGS.map((a) => (a === '--headless' ? '--headless=new' : a)), `--user-data-dir=${profile}/chrome`].join(' ')}`,
    ], { env: { ...process.env, CHROME_PATH: chromePath } });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['first-contentful-paint', 'FCP ms'],
  ['largest-contentful-paint', 'LCP ms'],
  ['total-blocking-time', 'TBT ms'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'Speed index ms'],
];

console.log(`Lighthouse ${version}, Chromium ${execFileSync(chromePath, ['--version'], { encoding: 'utf8' }).trim()}`);
console.log(`Page: ${path.relative(ROOT, dist)}/${snapshot ? ` with ${path.basename(snapshot)}` : ' (the bundled snapshot)'}, served with gzip and cache headers; ${RUNS} runs per preset.`);
// The first preset's last report, whose network requests make the transfer table.
let first;
let firstPreset;
try {
  for (const preset of (process.env.LIGHTHOUSE_PRESETS ?? 'mobile,desktop').split(',')) {
    const reports = [];
    for (let i = 0; i < RUNS; i++) reports.push(await lighthouse(preset));
    firstPreset ??= preset;
    first ??= reports.at(-1);
    mkdirSync(path.join(ROOT, 'target/bench'), { recursive: true });
    writeFileSync(path.join(ROOT, `target/bench/lighthouse-${preset}.json`), JSON.stringify(reports.at(-1)));
    console.log(`\n${preset}:\n\n| run | ${CATEGORIES.join(' | ')} | ${METRICS.map((m) => m[1]).join(' | ')} |`);
    console.log(`|---|${'---:|'.repeat(CATEGORIES.length + METRICS.length)}`);
    const row = (r) => [
      ...CATEGORIES.map((c) => Math.round(r.categories[c].score * 100)),
      ...METRICS.map(([id]) => r.audits[id].numericValue),
    ];
    const rows = reports.map(row);
    rows.forEach((v, i) => console.log(`| ${i + 1} | ${v.map((x, k) => (k === CATEGORIES.length + 3 ? x.toFixed(3) : Math.round(x))).join(' | ')} |`));
    const med = rows[0].map((_, k) => median(rows.map((v) => v[k])));
    console.log(`| median | ${med.map((x, k) => (k === CATEGORIES.length + 3 ? x.toFixed(3) : Math.round(x))).join(' | ')} |`);
    for (const r of reports) {
      // Audits that count towards a category's score, not informative ones.
      const weighted = new Set(Object.values(r.categories).flatMap((c) => c.auditRefs.filter((a) => a.weight > 0).map((a) => a.id)));
      const failed = Object.values(r.audits).filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
      if (failed.length) console.log(`  run ${reports.indexOf(r) + 1} failed audits: ${failed.map((a) => a.id).join(', ')}`);
    }
  }
  // What the page downloads: compressed as sent, and raw.
  const requests = first.audits['network-requests'].details.items;
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`\nTransfer (the last ${firstPreset} run: every request of the page load, as the host sent it):\n\n| request | KB sent | KB raw |\n|---|---:|---:|`);
  for (const r of requests) {
    console.log(`| ${new URL(r.url).pathname.replace(/-[0-9a-f]{16}/, '-HASH')} | ${kb(r.transferSize)} | ${kb(r.resourceSize)} |`);
  }
  const sum = (f) => requests.reduce((s, r) => s + r[f], 0);
  console.log(`| all ${requests.length} requests | ${kb(sum('transferSize'))} | ${kb(sum('resourceSize'))} |`);
  const papers = path.join(site, 'papers.json');
  const raw = readFileSync(papers);
  console.log(`\npapers.json: ${kb(statSync(papers).size)} KB, ${kb(gzipSync(raw, { level: 9 }).length)} KB gzip (level 9).`);
} finally {
  await server.close();
  built?.remove();
}
