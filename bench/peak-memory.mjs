// A load's peak memory and what holds it: the app's loading path (`CatalogLoader`, forgetful,
// with its index worker's share run on the same thread: `load_once --elsewhere`,
// crates/bench/examples/load_once.rs) under valgrind's massif, which records the heap at its
// peak with the call stack of every live allocation. Printed: the peak, split into the page's
// share (what the app's wasm memory must hold), the worker's and the snapshot's text as the
// example reads it whole (the app reads it in chunks); then the page's largest allocation
// sites, each named by the first line of the core's code on its stack. Like instruction
// counts, these repeat from run to run. Wasm memory never shrinks, so its size after a load
// is this peak plus the allocator's overhead (docs/performance.md, "A load's peak memory").
// Needs Debian's valgrind (scripts/bench-instructions.sh installs it). `--bin=FILE` measures
// another build's load_once (a copy of target/profiling/examples/load_once made before a
// change) instead of building this one; the worker's and the file's shares are told apart
// by lines of today's load_once.rs, so that file must not have changed between the two.
// Usage: node bench/peak-memory.mjs SNAPSHOT.json [SITES] [--bin=FILE]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [snapshot, sites = '12'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const bin = process.argv.find((a) => a.startsWith('--bin='))?.slice(6);
if (!snapshot) {
  console.error('usage: node bench/peak-memory.mjs SNAPSHOT.json [SITES] [--bin=FILE]');
  process.exit(2);
}
if (!bin) {
  const build = ['build', '--locked', '-q', '--profile', 'profiling', '-p', 'paperdeck-bench', '--example', 'load_once'];
  execFileSync('cargo', build, { cwd: root, stdio: 'inherit' });
}
const out = mkdtempSync(path.join(tmpdir(), 'paperdeck-massif-'));
const file = path.join(out, 'massif.out');
try {
  execFileSync(
    'valgrind',
    ['--tool=massif', '--depth=80', '--threshold=0.1', '--peak-inaccuracy=0.5', `--massif-out-file=${file}`,
      path.resolve(bin ?? path.join(root, 'target/profiling/examples/load_once')), path.resolve(snapshot), '--elsewhere'],
    { stdio: ['ignore', 'ignore', 'ignore'] }
  );
  report(readFileSync(file, 'utf8'));
} finally {
  rmSync(out, { recursive: true, force: true });
}

function report(text) {
  const lines = text.split('\n');
  const peakAt = lines.findIndex((l, i) => l === 'heap_tree=peak' && i > 0);
  if (peakAt < 0) throw new Error('massif recorded no peak');
  const coreFiles = new Set();
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.rs') && e.name !== 'lib.rs') coreFiles.add(e.name);
    }
  };
  walk(path.join(root, 'crates/core/src'));
  // The example's own lines that make the worker's tokenizer and read the file, which
  // inlining can leave as the only frames that tell those allocations apart.
  const example = readFileSync(path.join(root, 'crates/bench/examples/load_once.rs'), 'utf8').split('\n');
  const lineOf = (text) => {
    const at = example.findIndex((l) => l.includes(text) && !l.trim().startsWith('//'));
    if (at < 0) throw new Error(`load_once.rs no longer has ${text}: update bench/peak-memory.mjs`);
    return `(load_once.rs:${at + 1})`;
  };
  const [tokenizerLine, readLine] = [lineOf('TextTokenizer::new()'), lineOf('read_to_string')];
  // The tree: one line per node, "nCHILDREN: BYTES ADDRESS: FUNCTION (FILE:LINE)", indented
  // by depth. Each leaf's bytes go to its whole stack, read from the root down.
  const stack = [];
  const groups = { page: new Map(), worker: 0, file: 0 };
  const heap = Number(/^n\d+: (\d+) /.exec(lines[peakAt + 1])?.[1]);
  let leaves = 0;
  for (let i = peakAt + 1; i < lines.length; i++) {
    const m = /^( *)n(\d+): (\d+) (.*)$/.exec(lines[i]);
    if (!m) break;
    const depth = m[1].length;
    stack.length = depth;
    stack.push(m[4]);
    if (Number(m[2]) > 0) continue;
    const bytes = Number(m[3]);
    leaves += bytes;
    if (stack.some((f) => f.includes('tokenize_elsewhere') || f.endsWith(tokenizerLine))) groups.worker += bytes;
    else if (stack.some((f) => f.endsWith(readLine))) groups.file += bytes;
    else {
      // The innermost frame in the core's own files names the site (the tree's root is
      // the allocator; each level down is a caller).
      let site = 'elsewhere (below massif\'s threshold, or outside the core)';
      for (let d = 1; d < stack.length; d++) {
        const at = /\((\w+\.rs):(\d+)\)$/.exec(stack[d]);
        if (at && coreFiles.has(at[1]) && !/^0x[0-9A-F]+: (alloc|realloc|<alloc::)/.test(stack[d])) {
          // "0x…: FUNCTION (FILE:LINE)": the function's last two path segments.
          const fn = stack[d].replace(/^0x[0-9A-F]+: /, '').replace(/ \([^()]*\)$/, '');
          let short = fn;
          while (/<[^<>]*>/.test(short)) short = short.replace(/<[^<>]*>/g, '');
          short = short.split('::').slice(-2).join('::');
          site = `${at[1]}:${at[2]} ${short}`;
          break;
        }
      }
      groups.page.set(site, (groups.page.get(site) ?? 0) + bytes);
    }
  }
  // A node's bytes are its children's: the leaves add up to the heap, or the tree was misread.
  if (leaves !== heap) throw new Error(`massif's peak tree read wrong: ${leaves} bytes in leaves, ${heap} in all`);
  const mb = (b) => (b / 2 ** 20).toFixed(1);
  const pageTotal = [...groups.page.values()].reduce((a, b) => a + b, 0);
  console.log(
    `Peak heap of loading ${path.basename(snapshot)} (massif, load_once --elsewhere): ` +
      `${mb(pageTotal + groups.worker + groups.file)} MiB: the page ${mb(pageTotal)} MiB, ` +
      `the worker ${mb(groups.worker)} MiB, the snapshot's text read whole ${mb(groups.file)} MiB`
  );
  console.log("The page's largest allocation sites at the peak:");
  for (const [site, bytes] of [...groups.page].sort((a, b) => b[1] - a[1]).slice(0, Number(sites))) {
    console.log(`  ${mb(bytes).padStart(6)} MiB  ${site}`);
  }
}
