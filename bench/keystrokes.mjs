// The keystrokes of bench/queries.json: every prefix of every query, with its filters.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function keystrokes() {
  const { queries } = JSON.parse(readFileSync(path.join(here, 'queries.json'), 'utf8'));
  return queries.flatMap(({ q, filters = '' }) => [...q].map((_, i) => ({ q: [...q].slice(0, i + 1).join(''), filters })));
}

export function percentiles(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.round((sorted.length - 1) * p)];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

export const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
