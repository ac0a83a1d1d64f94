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

/** Types `keys` into the explorer's search box on `page`, each value after a painted frame
 *  (the box cleared before each query's first letter): the layout is forced after each
 *  answer, then the frame is let paint. Returns the time taken, in ms. Used by
 *  browser-profile.mjs (paint shows in its trace) and browser-mutations.mjs. */
export function typeEachAfterAFrame(page, keys) {
  return page.evaluate(async (keys) => {
    const input = document.querySelector('[data-testid="search-input"]');
    const settle = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const type = async (value) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      void document.body.offsetHeight;
      await frame();
    };
    const start = performance.now();
    for (const k of keys) {
      if (k.length === 1) await type('');
      await type(k);
    }
    return performance.now() - start;
  }, keys);
}
