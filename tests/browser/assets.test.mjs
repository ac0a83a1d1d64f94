// What the page downloads besides the wasm: the stylesheet and wasm-bindgen's JS glue ship
// minified (scripts/minify-assets.mjs, a Trunk hook), each with an integrity digest that
// matches it, so a browser applies the one and runs the other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, cardStyle, STYLED_CARD } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The built index.html's links with an integrity digest: href, digest, the file's text. */
function linkedAssets() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<link\b[^>]*\bhref="\.\/([^"]+\.(?:css|js))"[^>]*\bintegrity="([^"]+)"/g)].map(([, href, integrity]) => ({
    href,
    integrity,
    text: readFileSync(path.join(DIST, href), 'utf8'),
  }));
}

test('the stylesheet and the JS glue are minified, and their digests match them', () => {
  const assets = linkedAssets();
  const css = assets.find((a) => a.href.endsWith('.css'));
  const js = assets.find((a) => a.href.endsWith('.js'));
  assert.ok(css && js, `a stylesheet and a script with digests: ${assets.map((a) => a.href)}`);
  for (const { href, integrity, text } of assets) {
    assert.equal(integrity, `sha384-${createHash('sha384').update(text).digest('base64')}`, `${href}: the digest is the file's`);
    assert.ok(text.split('\n').length <= 3, `${href}: ${text.split('\n').length} lines, not minified`);
  }
  const source = readFileSync(path.join(ROOT, 'style/main.css'), 'utf8');
  assert.ok(!css.text.includes('/*'), 'no comments in the stylesheet');
  assert.ok(css.text.length < source.length * 0.8, `the stylesheet is ${css.text.length} bytes, style/main.css ${source.length}`);
  // Every custom property and the dark theme's selector survive.
  for (const kept of ['--surface', '--accent-soft', '[data-theme=dark]', '@media(max-width:36rem)', 'prefers-reduced-motion']) {
    assert.ok(css.text.includes(kept), `the stylesheet keeps ${kept}`);
  }
});

test('the browser accepts both: the page is styled and the app starts, without an integrity error', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(server.url);
    // The app's own cards (the static list's have `static-card`), styled by the stylesheet.
    const card = page.locator('[data-testid="paper-card"]:not(.static-card)').first();
    await card.waitFor();
    assert.deepEqual(await cardStyle(page), STYLED_CARD);
    // The app answers a search: the glue's bindings work.
    await page.getByTestId('search-input').fill('diffusion');
    await page.waitForFunction(() => location.search === '?q=diffusion');
    assert.match(await page.getByTestId('result-count').innerText(), /^\d+/);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
