// Where the wasm's bytes go: each function body's size in the code section, summed by the
// first segment of its name (the crate, or `core`/`alloc` for generic code instantiated
// from them), then the largest functions. Needs a wasm that keeps its names: run
// `sh scripts/profile-dist.sh` after `make build`, then
//   node bench/wasm-code-size.mjs target/profile-dist/paperdeck-app-*_bg.wasm [GROUPS] [FUNCTIONS]
// (sizes before wasm-opt, which shrinks the code by a few percent; docs/performance.md, "Size").
import { readFileSync } from 'node:fs';

const [file, groups = '25', functions = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/wasm-code-size.mjs FILE.wasm [GROUPS] [FUNCTIONS]');
  process.exit(2);
}
const bytes = readFileSync(file);

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function name(at) {
  const [len, start] = leb(at);
  return [bytes.toString('utf8', start, start + len), start + len];
}

let imported = 0;
let bodies = [];
const names = new Map();
const sections = [];
for (let at = 8; at < bytes.length;) {
  const id = bytes[at];
  const [size, start] = leb(at + 1);
  const end = start + size;
  let label = String(id);
  if (id === 0) {
    const [custom, body] = name(start);
    label = custom;
    if (custom === 'name') {
      for (let p = body; p < end;) {
        const sub = bytes[p];
        const [len, s] = leb(p + 1);
        if (sub === 1) {
          let [count, q] = leb(s);
          for (; count > 0; count--) {
            let index;
            [index, q] = leb(q);
            let text;
            [text, q] = name(q);
            names.set(index, text);
          }
        }
        p = s + len;
      }
    }
  } else if (id === 2) {
    // Imports: functions among them come first in the function index space.
    let [count, p] = leb(start);
    for (; count > 0; count--) {
      [, p] = name(p);
      [, p] = name(p);
      const kind = bytes[p++];
      if (kind === 0) { [, p] = leb(p); imported++; }
      else if (kind === 1) { p++; const flags = bytes[p++]; [, p] = leb(p); if (flags & 1) [, p] = leb(p); }
      else if (kind === 2) { const flags = bytes[p++]; [, p] = leb(p); if (flags & 1) [, p] = leb(p); }
      else if (kind === 3) p += 2;
      else if (kind === 4) { p++; [, p] = leb(p); }
    }
  } else if (id === 10) {
    let [count, p] = leb(start);
    for (let i = 0; i < count; i++) {
      const [len, body] = leb(p);
      bodies.push({ index: imported + i, size: len });
      p = body + len;
    }
  }
  sections.push({ label, size });
  at = end;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${file}: ${kb(bytes.length)}`);
console.log('sections over 1 KB:', sections.filter((s) => s.size > 1024).map((s) => `${s.label} ${kb(s.size)}`).join(', '));
const code = bodies.reduce((sum, b) => sum + b.size, 0);
console.log(`code: ${bodies.length} functions, ${kb(code)}`);
const group = (n) => (n.replace(/^</, '').match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/)?.[1] ?? n.slice(0, 30));
const byGroup = new Map();
for (const b of bodies) {
  const g = group(names.get(b.index) ?? '?');
  const entry = byGroup.get(g) ?? { size: 0, count: 0 };
  entry.size += b.size;
  entry.count++;
  byGroup.set(g, entry);
}
console.log('\n| by name | KB | functions |\n|---|---:|---:|');
for (const [g, e] of [...byGroup].sort((a, b) => b[1].size - a[1].size).slice(0, Number(groups))) {
  console.log(`| ${g} | ${(e.size / 1024).toFixed(1)} | ${e.count} |`);
}
const sorts = bodies.filter((b) => /slice::sort::/.test(names.get(b.index) ?? ''));
console.log(`\nslice sorts: ${sorts.length} functions, ${kb(sorts.reduce((s, b) => s + b.size, 0))}`);
console.log('\n| largest functions | KB |\n|---|---:|');
for (const b of [...bodies].sort((x, y) => y.size - x.size).slice(0, Number(functions))) {
  console.log(`| ${(names.get(b.index) ?? '?').replace(/::h[0-9a-f]{16}$/, '').slice(0, 120).replaceAll('|', '\\|')} | ${(b.size / 1024).toFixed(1)} |`);
}
