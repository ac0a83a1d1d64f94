// MiniSearch and FlexSearch on the same papers and the same keystrokes as `make bench`,
// in Node's V8 (the engine of Chromium). Usage: node bench/js-baselines.mjs SNAPSHOT.json
// They only search text: no filters, facets or sort orders, which Paperdeck's figures include.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import { keystrokes, percentiles, fmt } from './keystrokes.mjs';

const file = process.argv[2];
const snapshot = JSON.parse(readFileSync(file, 'utf8'));
const docs = snapshot.papers.map((p, i) => ({
  i,
  title: p.title,
  abstract: p.abstract ?? '',
  authors: (p.authors ?? []).join(' '),
  tags: (p.tags ?? []).join(' '),
  venue: p.venue ?? '',
}));
const keys = keystrokes();
const fields = ['title', 'abstract', 'authors', 'tags', 'venue'];

function measure(name, build, query) {
  global.gc?.();
  const t0 = performance.now();
  const index = build();
  const buildMs = performance.now() - t0;
  for (const k of keys) query(index, k.q); // warm-up
  const times = [];
  let results = 0;
  for (let round = 0; round < 3; round++) {
    for (const k of keys) {
      const t = performance.now();
      results += query(index, k.q);
      times.push(performance.now() - t);
    }
  }
  const { p50, p95, max } = percentiles(times);
  console.log(`| ${name} | ${docs.length} | ${buildMs.toFixed(0)} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(max)} | ${Math.round(results / times.length)} |`);
}

console.log(`JavaScript baselines, Node ${process.version}, ${keys.length} keystrokes, ${file}`);
console.log('');
console.log('| library | papers | index ms | p50/keystroke | p95 | max | mean results |');
console.log('|---|---:|---:|---:|---:|---:|---:|');

measure(
  'MiniSearch 7.2 (prefix, AND)',
  () => {
    const ms = new MiniSearch({ idField: 'i', fields, searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 3, authors: 2 } } });
    ms.addAll(docs);
    return ms;
  },
  (ms, q) => ms.search(q).length,
);

measure(
  'FlexSearch 0.8 (forward tokenizer)',
  () => {
    const index = new FlexSearch.Document({ tokenize: 'forward', document: { id: 'i', index: fields } });
    for (const d of docs) index.add(d);
    return index;
  },
  (index, q) => {
    const ids = new Set();
    for (const { result } of index.search(q, { limit: docs.length })) for (const id of result) ids.add(id);
    return ids.size;
  },
);
