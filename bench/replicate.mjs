// A larger snapshot from a smaller one, for benchmarks at scale: every paper N times, the
// copies' ids suffixed (`-2` … `-N`) so each stays unique, as the core benchmark's "×10"
// rows do in memory (crates/bench). The 100,490 papers of `make bench` are the 10,049 HF
// papers ×10.
// Usage: node bench/replicate.mjs SNAPSHOT.json N OUT.json
import { readFileSync, writeFileSync } from 'node:fs';

const [input, times, output] = process.argv.slice(2);
const n = Number(times);
if (!input || !output || !(n >= 1)) {
  console.error('usage: node bench/replicate.mjs SNAPSHOT.json N OUT.json');
  process.exit(2);
}
const snapshot = JSON.parse(readFileSync(input, 'utf8'));
const papers = [];
for (let k = 1; k <= n; k++) {
  for (const p of snapshot.papers) papers.push(k === 1 ? p : { ...p, id: `${p.id}-${k}` });
}
writeFileSync(output, JSON.stringify({ ...snapshot, papers }));
console.log(`${output}: ${papers.length} papers (${snapshot.papers.length} ×${n})`);
