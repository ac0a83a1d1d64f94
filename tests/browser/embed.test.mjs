// Embedding: the demo lab homepage, served from another origin than the explorer, embeds a
// filtered list and a single card with embed.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, screenshot, cardStyle, STYLED_CARD } from './harness.mjs';

const HOST_PAGE = readFileSync(path.join(ROOT, 'examples/lab-homepage/index.html'), 'utf8');
let explorer;
let host;
let browser;

/** Serves the demo page with its embeds pointing at this test's explorer. */
async function serveHost(html) {
  return serveStatic(path.join(ROOT, 'examples/lab-homepage'), {
    overrides: { 'index.html': { body: html.replaceAll('http://127.0.0.1:8080/', explorer.url) } },
  });
}

before(async () => {
  // The explorer's host sends CORS headers, as GitHub Pages does: sandboxed frames need it.
  explorer = await serveStatic(DIST, { cors: true });
  host = await serveHost(HOST_PAGE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await explorer?.close();
});

const frames = (page) => page.locator('iframe[data-paperdeck-embed]');
const frameIds = (frame) => frame.locator('[data-testid="paper-card"]').evaluateAll((cs) => cs.map((c) => c.dataset.paperId));

/** Waits until the iframe's height matches its content's, within 3 px. */
async function waitForFit(page, index) {
  const handle = await frames(page).nth(index).elementHandle();
  const frame = await handle.contentFrame();
  for (let i = 0; i < 50; i++) {
    const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const box = await handle.evaluate((el) => el.getBoundingClientRect().height);
    if (Math.abs(content - box) <= 3) return { content, box };
    await page.waitForTimeout(100);
  }
  const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const box = await handle.evaluate((el) => el.getBoundingClientRect().height);
  assert.fail(`iframe ${index} is ${box}px tall, its content ${content}px`);
}

async function openHost() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await frames(page).nth(1).waitFor();
  const list = page.frameLocator('iframe[data-paperdeck-embed] >> nth=0');
  const single = page.frameLocator('iframe[data-paperdeck-embed] >> nth=1');
  await list.getByTestId('paper-card').first().waitFor();
  await single.getByTestId('paper-card').first().waitFor();
  return { page, list, single, errors };
}

test('both embeds show the cards of their views', async () => {
  const { page, list, single, errors } = await openHost();
  assert.notEqual(new URL(host.url).origin, new URL(explorer.url).origin, 'cross-origin');
  // The same view in the full explorer, for comparison.
  const full = await browser.newPage();
  await full.goto(`${explorer.url}?q=diffusion&sort=newest`);
  await full.getByTestId('paper-card').first().waitFor();
  const fullIds = await full.getByTestId('paper-card').evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
  const total = Number((await full.getByTestId('result-count').textContent()).replaceAll(',', ''));
  await full.close();
  assert.deepEqual(await frameIds(list), fullIds.slice(0, 3), 'limit=3 shows the first 3 of the view');
  const viewAll = list.getByTestId('view-all');
  assert.equal(await viewAll.textContent(), `View all ${total.toLocaleString("en-US")} papers`);
  assert.equal(await viewAll.getAttribute('target'), '_blank');
  assert.equal(await viewAll.getAttribute('href'), '?q=diffusion&sort=newest');
  assert.equal(await list.locator('.site-header, .filters').count(), 0, 'no page header or filters');
  assert.equal(await list.getByTestId('search-input').count(), 1, 'a compact toolbar');
  assert.deepEqual(await frameIds(single), ['feature-learning-in-infinite-width-neural-networks']);
  assert.equal(await single.getByTestId('search-input').count(), 0, 'controls=0 hides the toolbar');
  for (const a of await single.locator('.paper-links a').all()) {
    assert.equal(await a.getAttribute('target'), '_blank');
    assert.match(await a.getAttribute('rel'), /noopener/);
  }
  assert.equal(await list.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgba(0, 0, 0, 0)', 'transparent');
  assert.deepEqual(errors, []);
  await waitForFit(page, 0);
  await waitForFit(page, 1);
  await screenshot(page, 'embed-lab-homepage');
  await page.close();
});

test('the iframe height follows its content: load, expanded abstract, search', async () => {
  const { page, list } = await openHost();
  const before = await waitForFit(page, 0);
  await list.getByTestId('abstract-toggle').first().click();
  const expanded = await waitForFit(page, 0);
  assert.ok(expanded.box > before.box + 20, `grew from ${before.box} to ${expanded.box}`);
  await list.getByTestId('search-input').fill('zzqqxx');
  await list.getByTestId('no-results').waitFor();
  const empty = await waitForFit(page, 0);
  assert.ok(empty.box < before.box, `shrank to ${empty.box}`);
  await page.close();
});

test('messages not from the embed resize nothing', async () => {
  const { page } = await openHost();
  const { box } = await waitForFit(page, 0);
  // Forged by the host page itself, and by another (same-origin) frame.
  await page.evaluate(() => {
    window.postMessage({ type: 'paperdeck:height', height: 7 }, '*');
    const other = document.createElement('iframe');
    other.srcdoc = '<script>parent.postMessage({type: "paperdeck:height", height: 9}, "*")<\/script>';
    document.body.appendChild(other);
  });
  await page.waitForTimeout(500);
  assert.equal(await frames(page).nth(0).evaluate((el) => el.getBoundingClientRect().height), box);
  assert.equal(await frames(page).nth(1).evaluate((el) => el.getBoundingClientRect().height) > 20, true);
  await page.close();
});

// The explorer's host sends Access-Control-Allow-Origin: * (before()). Trunk's integrity=""
// on the stylesheet link, without crossorigin, made that request no-cors from the opaque
// origin: Chromium then refused the CSS and the cards showed unstyled.
test('a sandboxed embed (allow-scripts allow-popups, no same-origin) works and does not lose its stylesheet', async () => {
  const sandboxedHost = await serveHost(HOST_PAGE.replace('data-title="Reading list: diffusion"', 'data-title="Reading list: diffusion" data-sandbox="1"'));
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && /integrity|stylesheet|\.css/i.test(m.text()) && consoleErrors.push(m.text()));
  try {
    await page.goto(sandboxedHost.url);
    const frame = frames(page).nth(0);
    assert.equal(await frame.getAttribute('sandbox'), 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
    const list = page.frameLocator('iframe[data-paperdeck-embed] >> nth=0');
    await list.getByTestId('paper-card').first().waitFor();
    assert.equal(await list.getByTestId('paper-card').count(), 3);
    assert.equal(await list.locator('html').evaluate(() => origin), 'null', 'an opaque origin');
    assert.deepEqual(await cardStyle(list), STYLED_CARD, 'the cards are styled by style/main.css');
    await waitForFit(page, 0);
    // The viewport only: a full-page capture resizes it, and the frame's off-screen cards
    // (content-visibility: auto) can be caught unpainted.
    await screenshot(page, 'embed-sandboxed', { fullPage: false });
    await list.getByTestId('search-input').fill('lora');
    await list.locator('[data-testid="paper-card"] mark').first().waitFor();
    await waitForFit(page, 0);
    assert.deepEqual(consoleErrors, [], 'no stylesheet refused');
  } finally {
    await page.close();
    await sandboxedHost.close();
  }
});

test('"Embed this view": the snippet, pasted into a blank page, shows the same cards', async () => {
  const page = await browser.newPage();
  await page.goto(`${explorer.url}?q=diffusion&sort=newest`);
  await page.getByTestId('paper-card').first().waitFor();
  const viewIds = (await page.getByTestId('paper-card').evaluateAll((cs) => cs.map((c) => c.dataset.paperId))).slice(0, 3);
  await page.getByTestId('embed-open').click();
  // A limit that is no count is said to be one, kept as typed, and left out.
  for (const bad of ['0', '-3', '2.5']) {
    await page.getByTestId('embed-limit').fill(bad);
    assert.equal(await page.getByTestId('embed-limit').inputValue(), bad, `${bad} stays in the field`);
    assert.equal(await page.getByTestId('embed-limit').getAttribute('aria-invalid'), 'true');
    const hint = page.getByTestId('embed-limit-hint');
    assert.equal(await hint.innerText(), 'Enter 1 or more; meanwhile the embed shows every card');
    const style = await hint.evaluate((h) => [getComputedStyle(h).color, h.getBoundingClientRect().height]);
    assert.ok(style[1] > 5, `${bad}: the hint shows (${style})`);
    assert.doesNotMatch(await page.getByTestId('embed-script').inputValue(), /limit=/, `${bad}: no limit in the snippet`);
  }
  await page.getByTestId('embed-limit').fill('3');
  assert.equal(await page.getByTestId('embed-limit').getAttribute('aria-invalid'), 'false');
  assert.equal(await page.getByTestId('embed-limit-hint').isVisible(), false, 'a good count: no hint');
  assert.match(await page.getByTestId('embed-script').inputValue(), /limit=3/);
  // From a good count back to a bad one: the limit leaves the snippet again.
  await page.getByTestId('embed-limit').fill('0');
  assert.doesNotMatch(await page.getByTestId('embed-script').inputValue(), /limit=/);
  await page.getByTestId('embed-limit').fill('3');
  const script = await page.getByTestId('embed-script').inputValue();
  assert.equal(script, `<script src="${explorer.url}embed.js" data-view="q=diffusion&amp;sort=newest&amp;limit=3" async></script>`);
  const iframe = await page.getByTestId('embed-iframe').inputValue();
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await preview.getByTestId('paper-card').first().waitFor();
  assert.deepEqual(await frameIds(preview), viewIds, 'the live preview shows the view');
  await preview.getByTestId('timeline').waitFor();
  assert.ok(await preview.getByTestId('timeline').isVisible(), 'the preview has the timeline by default');
  await screenshot(page, 'embed-dialog');
  await page.getByTestId('embed-timeline').uncheck();
  assert.match(await page.getByTestId('embed-script').inputValue(), /timeline=0/);
  await preview.getByTestId('timeline').waitFor({ state: 'detached' });
  await preview.getByTestId('paper-card').first().waitFor();
  assert.equal(await preview.getByTestId('timeline').count(), 0, 'the preview follows: no timeline');
  // The theme: the three choices in order; the snippet and the preview follow the one chosen.
  const themes = await page.getByTestId('embed-theme').locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  assert.deepEqual(themes, [['auto', 'Auto'], ['light', 'Light'], ['dark', 'Dark']]);
  await page.getByTestId('embed-theme').selectOption('dark');
  assert.match(await page.getByTestId('embed-script').inputValue(), /theme=dark/);
  await preview.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
  await preview.getByTestId('paper-card').first().waitFor();
  const card = await preview.getByTestId('paper-card').first().evaluate((c) => [getComputedStyle(c).backgroundColor, getComputedStyle(c.querySelector('.paper-title')).color]);
  const light = (rgb) => { const [r, g, b] = rgb.match(/\d+/g).map(Number); return (r + g + b) / 3; };
  assert.ok(light(card[0]) < 80 && light(card[1]) > 160, `a dark card with light text in the preview: ${card}`);
  await page.getByTestId('embed-theme').selectOption('auto');
  assert.doesNotMatch(await page.getByTestId('embed-script').inputValue(), /theme=/);
  await page.getByTestId('embed-controls').uncheck();
  assert.match(await page.getByTestId('embed-script').inputValue(), /controls=0/);
  assert.ok(await page.getByTestId('embed-timeline').isDisabled(), 'no toolbar, no timeline to choose');
  await page.getByTestId('embed-close').click();
  await page.close();

  for (const snippet of [script, iframe]) {
    const blank = await serveStatic(ROOT, {
      overrides: { 'blank.html': { body: `<!DOCTYPE html><html><head><title>Blank</title></head><body>${snippet}</body></html>` } },
    });
    const other = await browser.newPage();
    try {
      await other.goto(`${blank.url}blank.html`);
      const frame = other.frameLocator('iframe');
      await frame.getByTestId('paper-card').first().waitFor();
      assert.deepEqual(await frameIds(frame), viewIds, snippet);
    } finally {
      await other.close();
      await blank.close();
    }
  }
});

test('a plain iframe with sandbox="allow-scripts allow-popups" works and does not lose its stylesheet', async () => {
  const page = await browser.newPage();
  const src = `${explorer.url}?q=lora&embed=1&limit=2`;
  const blank = await serveStatic(ROOT, {
    overrides: { 'plain.html': { body: `<!DOCTYPE html><title>Plain</title><iframe sandbox="allow-scripts allow-popups" src="${src}" style="width:100%;height:600px;border:0"></iframe>` } },
  });
  try {
    await page.goto(`${blank.url}plain.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('paper-card').first().waitFor();
    assert.equal(await frame.getByTestId('paper-card').count(), 2);
    assert.match(await frame.getByTestId('view-all').textContent(), /^View all [\d,]+ papers$/);
    assert.equal(await frame.locator('html').evaluate(() => origin), 'null', 'an opaque origin: it cannot reach the host page');
    assert.deepEqual(await cardStyle(frame), STYLED_CARD, 'the cards are styled by style/main.css');
    await screenshot(page, 'embed-sandboxed-iframe');
  } finally {
    await page.close();
    await blank.close();
  }
});

test('the Embed dialog opened again at once stays open (a late close event does not shut it)', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(explorer.url);
    await page.getByTestId('paper-card').first().waitFor();
    await page.getByTestId('embed-open').click();
    const dialog = page.locator('dialog[aria-labelledby="embed-title"]');
    await page.getByTestId('embed-script').waitFor();
    // Closed, then its button pressed in the same script turn: the dialog's `close` event
    // comes a task later, after it has been opened again.
    const seen = await page.evaluate(async () => {
      const d = document.querySelector('dialog[aria-labelledby="embed-title"]');
      d.close();
      const closed = !d.open;
      document.querySelector('[data-testid="embed-open"]').click();
      await new Promise((r) => setTimeout(r, 200));
      return { closed, openAfter: d.open };
    });
    assert.deepEqual(seen, { closed: true, openAfter: true });
    assert.ok(await page.getByTestId('embed-script').isVisible(), 'its snippets show');
    // The live preview is there only while the dialog counts as open.
    await page.waitForTimeout(100);
    assert.equal(await page.getByTestId('embed-preview').count(), 1, 'the preview stays');
    assert.ok((await dialog.boundingBox()).height > 100);
  } finally {
    await page.close();
  }
});

test('in an embed with its toolbar, Esc closes the Export menu (there are no page shortcuts there)', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${explorer.url}?embed=1&q=model`);
    await page.getByTestId('paper-card').first().waitFor();
    const summary = page.getByTestId('export').locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.format), 'bib');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('export').evaluate((d) => d.open), false, 'closed');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY', 'the focus back on Export');
    assert.equal(await page.getByTestId('search-input').inputValue(), 'model', 'the search stays');
  } finally {
    await page.close();
  }
});

