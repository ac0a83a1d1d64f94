// The page under a strict Content-Security-Policy, the one a careful lab sets: no inline
// script or style anywhere. The built index.html carries it in a <meta>; here the server
// sends it as a header too. Any `securitypolicyviolation` event or console CSP error, in the
// page or in an embed's frame, fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, screenshot, cardStyle, STYLED_CARD } from './harness.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'";
const HOST_PAGE = readFileSync(path.join(ROOT, 'examples/lab-homepage/index.html'), 'utf8');

let explorer;
let browser;
const violations = [];

before(async () => {
  // The header as well as the page's <meta>; CORS as GitHub Pages sends it (sandboxed embeds).
  explorer = await serveStatic(DIST, { csp: POLICY, cors: true });
  browser = await launchBrowser();
  // Every frame reports its violations, before any of its own scripts runs.
  await browser.exposeBinding('__reportCspViolation', ({ frame }, v) => violations.push({ url: frame.url(), ...v }));
  await browser.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        sample: e.sample,
      });
    });
  });
});
after(async () => {
  await browser?.close();
  await explorer?.close();
});

/** A new page whose console CSP errors (also from its frames) and page errors are kept. */
async function newPage() {
  violations.length = 0;
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, problems };
}

/** Fails on any CSP violation or console CSP error seen so far. */
function assertNoViolations(problems) {
  assert.deepEqual(violations, [], 'securitypolicyviolation events');
  assert.deepEqual(problems, [], 'console CSP errors and page errors');
}

/** Waits for the locator; if it never shows, the violations seen say why. */
async function waitFor(locator, problems) {
  try {
    await locator.waitFor({ timeout: 15000 });
  } catch (e) {
    assertNoViolations(problems);
    throw e;
  }
}

test('the built page keeps nothing inline for the policy to block, and carries the policy', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i);
  assert.ok(meta, 'a Content-Security-Policy <meta>');
  assert.equal(meta[1], POLICY);
  assert.ok(html.indexOf(meta[0]) < html.search(/<script|<link[^>]*stylesheet/i), 'the policy comes before every script and style');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 2, 'the wasm loader and the head script');
  for (const [whole, attrs, body] of scripts) {
    assert.match(attrs, /\ssrc="\.\/[^"]+\.js"/, `an external script: ${whole}`);
    assert.equal(body.trim(), '', `no inline code: ${whole}`);
  }
  assert.ok(scripts.some(([, attrs]) => /type="module"/.test(attrs)), 'the wasm loader stays a module');
  assert.doesNotMatch(html, /<style\b/i, 'no <style> element');
  assert.doesNotMatch(html, /<[a-z][^>]*\sstyle\s*=/i, 'no style="" attribute');
  assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, 'no event handler attribute');
});

test('a strict Content-Security-Policy does not blank the explorer: load, search, opened card', async () => {
  const { page, problems } = await newPage();
  try {
    const response = await page.goto(explorer.url);
    assert.equal(response.headers()['content-security-policy'], POLICY, 'the header is sent');
    const cards = page.getByTestId('paper-card');
    await waitFor(cards.first(), problems);
    assert.ok(await cards.first().isVisible());
    assert.deepEqual(await cardStyle(page), STYLED_CARD, 'the stylesheet applies');

    // A search: the URL follows, the matches are highlighted.
    await page.getByTestId('search-input').pressSequentially('diffusion', { delay: 10 });
    await page.waitForFunction(() => location.search === '?q=diffusion');
    await page.locator('[data-testid="paper-card"] mark').first().waitFor();

    // An opened card (its title's link), and one opened from the URL.
    const first = cards.first();
    const id = await first.getAttribute('data-paper-id');
    await first.locator('.paper-title a').click();
    await page.waitForFunction((i) => document.querySelector(`[data-paper-id="${i}"]`)?.classList.contains('opened'), id);
    await page.goto(`${explorer.url}?paper=${id}`);
    await page.waitForFunction((i) => document.querySelector(`[data-paper-id="${i}"]`)?.classList.contains('opened'), id);
    assert.deepEqual(await cardStyle(page), STYLED_CARD);
    await screenshot(page, 'csp-explorer', { fullPage: false });
    assertNoViolations(problems);
  } finally {
    await page.close();
  }
});

test('a strict Content-Security-Policy does not undo the dark theme before the first paint', async () => {
  const { page, problems } = await newPage();
  try {
    await page.emulateMedia({ colorScheme: 'dark' });
    // The page's colour when <body> is first parsed: the stylesheet (render-blocking in
    // <head>, allowed by the policy) already applies the dark palette, or the page flashes
    // light.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        window.__backgroundAtBody = getComputedStyle(document.documentElement).getPropertyValue('--bg');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(explorer.url);
    await waitFor(page.getByTestId('paper-card').first(), problems);
    assert.equal(await page.evaluate(() => window.__backgroundAtBody), '#0f1216');
    assert.equal(await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(15, 18, 22)', 'the dark palette');
    await screenshot(page, 'csp-explorer-dark', { fullPage: false });
    assertNoViolations(problems);
  } finally {
    await page.close();
  }
});

test('a strict Content-Security-Policy does not blank an embed, sandboxed or not', async () => {
  // The demo lab homepage (another origin, no policy of its own) with both its embeds, the
  // first one sandboxed (data-sandbox="1": an opaque origin).
  const html = HOST_PAGE
    .replace('data-title="Reading list: diffusion"', 'data-title="Reading list: diffusion" data-sandbox="1"')
    .replaceAll('http://127.0.0.1:8080/', explorer.url);
  const host = await serveStatic(path.join(ROOT, 'examples/lab-homepage'), { overrides: { 'index.html': { body: html } } });
  const { page, problems } = await newPage();
  try {
      await page.goto(host.url);
      const frames = page.locator('iframe[data-paperdeck-embed]');
      await frames.nth(1).waitFor();
      assert.match(await frames.nth(0).getAttribute('sandbox'), /allow-scripts/);
      for (const i of [0, 1]) {
        const frame = page.frameLocator(`iframe[data-paperdeck-embed] >> nth=${i}`);
        await waitFor(frame.getByTestId('paper-card').first(), problems);
        assert.ok(await frame.getByTestId('paper-card').first().isVisible());
        assert.deepEqual(await cardStyle(frame), STYLED_CARD, `embed ${i} is styled`);
      }
      await screenshot(page, 'csp-embeds', { fullPage: false });
      const list = page.frameLocator('iframe[data-paperdeck-embed] >> nth=0');
      await list.getByTestId('search-input').fill('lora');
      await list.locator('[data-testid="paper-card"] mark').first().waitFor();
      // The iframe form, loaded on its own.
      const own = await browser.newPage();
      own.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      await own.goto(`${explorer.url}?q=lora&embed=1&limit=2`);
      await waitFor(own.getByTestId('paper-card').first(), problems);
      assert.equal(await own.getByTestId('paper-card').count(), 2);
      assert.deepEqual(await cardStyle(own), STYLED_CARD);
      await own.close();
      await page.waitForTimeout(300); // late reports from the frames
      assertNoViolations(problems);
  } finally {
    await page.close();
    await host.close();
  }
});

test('the stylesheet\'s crossorigin does not unstyle a page whose host sends no CORS header', async () => {
  // crossorigin="anonymous" (for sandboxed embeds) makes the stylesheet a CORS request; from
  // the page's own origin it needs no Access-Control-Allow-Origin (python3 -m http.server).
  const plain = await serveStatic(DIST);
  const { page, problems } = await newPage();
  try {
    const response = await page.goto(plain.url);
    assert.equal(response.headers()['access-control-allow-origin'], undefined);
    await waitFor(page.getByTestId('paper-card').first(), problems);
    assert.deepEqual(await cardStyle(page), STYLED_CARD);
    assertNoViolations(problems);
  } finally {
    await page.close();
    await plain.close();
  }
});
