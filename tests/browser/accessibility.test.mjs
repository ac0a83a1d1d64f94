// Accessibility: axe-core finds no violation of impact moderate or worse on what a visitor
// sees (the explorer, a search, an opened card, the list layout, an embed alone and on the
// demo host page), in light, in dark, and with `theme=auto` and the system in dark mode;
// and embed.js gives an embed the host page's colour scheme, not the visitor's system's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, screenshot } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core');
/** Impacts that fail the gate ("minor" ones are printed, not failed). */
const GATE = new Set(['moderate', 'serious', 'critical']);
const PAPER = 'feature-learning-in-infinite-width-neural-networks';

const VIEWS = [
  { name: 'explorer', query: '' },
  { name: 'search', query: 'q=diffusion' },
  { name: 'opened-card', query: `paper=${PAPER}`, ready: '.paper-card.opened' },
  { name: 'list', query: 'view=list', ready: '.paper-row' },
  // The timeline with a range chosen: bars highlighted and not.
  { name: 'timeline-range', query: 'from=2022&to=2024', ready: '[data-testid="timeline"]' },
  { name: 'related', query: `related=${PAPER}`, ready: '[data-testid="related-summary"]' },
  { name: 'embed', query: 'embed=1' },
  { name: 'embed-card', query: `embed=1&paper=${PAPER}&controls=0` },
  // A phone: the filters fold above the results.
  { name: 'explorer-phone', query: '', phone: true },
  { name: 'search-phone', query: 'q=diffusion', phone: true },
];
// Each chosen theme with the other system scheme, so the choice must win over the system.
const SCHEMES = [
  { name: 'light', theme: 'light', system: 'dark' },
  { name: 'dark', theme: 'dark', system: 'light' },
  { name: 'auto-system-dark', theme: null, system: 'dark' },
];

const HOST_PAGE = readFileSync(path.join(ROOT, 'examples/lab-homepage/index.html'), 'utf8');
/** The demo page restyled dark, as a lab site with a dark design would be. */
const DARK_HOST_PAGE = HOST_PAGE.replace(
  '</style>',
  'body { color: #e8e6e1; background: #16181d; } h2 { border-color: #6b8fb8; } a { color: #9cc7ff; } footer { color: #a8a8a8; }\n    </style>',
);

let explorer;
let host;
let browser;
let releaseSlowCss;

/** A host page with one embed of `view`. */
function hostPage({ head = '', style = '', before = '', after = '', view = 'q=diffusion&limit=2' } = {}) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}
<style>${style}</style></head><body><h1>Host</h1>${before}
<script src="${explorer.url}embed.js" data-view="${view}" async></script>
${after}</body></html>`;
}

before(async () => {
  // axe is served from each origin as a file of its own: the page's policy allows
  // script-src 'self' only, so an inline script tag would be blocked.
  const axeFile = { 'axe.min.js': { body: await readFile(AXE, 'utf8'), type: 'text/javascript' } };
  explorer = await serveStatic(DIST, { cors: true, overrides: axeFile });
  const slowCss = new Promise((resolve) => { releaseSlowCss = resolve; });
  const html = (body) => ({ body, type: 'text/html; charset=utf-8' });
  host = await serveStatic(path.join(ROOT, 'examples/lab-homepage'), {
    overrides: {
      ...axeFile,
      'index.html': html(HOST_PAGE.replaceAll('http://127.0.0.1:8080/', explorer.url)),
      'dark.html': html(DARK_HOST_PAGE.replaceAll('http://127.0.0.1:8080/', explorer.url)),
      'light.html': html(hostPage({ style: 'body { background: #fdfdfd; color: #111; }' })),
      'dark-body.html': html(hostPage({ style: 'body { background: #1e1f24; color: #eee; }' })),
      'forced-dark.html': html(hostPage({ style: 'body { background: #fdfdfd; color: #111; }', view: 'q=diffusion&limit=2&theme=dark' })),
      'forced-auto.html': html(hostPage({ style: 'body { background: #fdfdfd; color: #111; }', view: 'theme=auto&limit=2' })),
      'dark-section.html': html(hostPage({
        style: 'body { background: #fff; } section { background: rgb(20 24 40 / 0.9); color: #eee; padding: 1rem; }',
        before: '<section>', after: '</section>',
      })),
      'oklch.html': html(hostPage({ style: 'body { background: oklch(0.25 0.03 260); color: #eee; }' })),
      'unstyled.html': html(hostPage()),
      'follows-system.html': html(hostPage({ head: '<meta name="color-scheme" content="light dark">' })),
      'dark-only.html': html(hostPage({ style: ':root { color-scheme: dark; }' })),
      'slow-css.html': html(hostPage({ head: '<link rel="stylesheet" href="slow.css">' })),
      'slow.css': { body: 'body { background: #101010; color: #eee; }', type: 'text/css', until: slowCss },
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  releaseSlowCss?.();
  await browser?.close();
  await host?.close();
  await explorer?.close();
});

/** A new page whose system is in `system` ('light' or 'dark') mode. */
async function newPage(system) {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: system });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/**
 * axe.run over `page`: every violation. With `frames`, axe is injected in every frame too
 * and checks them with the page, as one page: page-level rules such as
 * page-has-heading-one then pass when any frame passes them, and a target inside a frame
 * reads `iframe selector >>> selector`.
 */
async function axe(page, { frames = false, exclude = [], disable = [] } = {}) {
  for (const frame of frames ? page.frames() : [page.mainFrame()]) {
    if (!(await frame.evaluate(() => typeof window.axe !== 'undefined'))) {
      await frame.addScriptTag({ url: new URL('/axe.min.js', frame.url()).href });
    }
    // The embeds are on another origin than the host page.
    await frame.evaluate(() => window.axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] }));
  }
  const options = { iframes: frames, resultTypes: ['violations'], rules: Object.fromEntries(disable.map((id) => [id, { enabled: false }])) };
  return page.evaluate(({ exclude, options }) => window.axe.run({ exclude }, options)
    .then((r) => r.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id, impact, help, helpUrl, nodes: nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }))), { exclude, options });
}

/** The violations as text a person can act on: rule, impact, what to fix, where. */
function describe(where, violations) {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 6).map((n) => `    at ${n.target.join(' >>> ')}\n      ${n.summary.replaceAll('\n', '\n      ')}`);
    if (v.nodes.length > 6) nodes.push(`    … and ${v.nodes.length - 6} more`);
    return `${where}: ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
  }).join('\n');
}

/** Fails with every violation at the gate's impacts; prints minor ones. */
function assertAccessible(t, where, violations) {
  const minor = violations.filter((v) => !GATE.has(v.impact));
  if (minor.length) t.diagnostic(describe(where, minor));
  const failing = violations.filter((v) => GATE.has(v.impact));
  assert.equal(failing.length, 0, `axe found ${failing.length} violation(s) of impact moderate or worse:\n${describe(where, failing)}`);
}

/**
 * An embed's page is transparent (the page behind it shows through), and axe takes what is
 * behind a transparent page to be white. Paint what a visitor sees there instead: on its
 * own, the browser's canvas in the page's colour scheme; in a frame, `backdrop`.
 */
async function paintBackdrop(frame, backdrop = 'Canvas') {
  await frame.evaluate((color) => {
    const root = document.documentElement;
    if (root.hasAttribute('data-embed') && !root.hasAttribute('data-bg')) root.style.backgroundColor = color;
  }, backdrop);
}

for (const view of VIEWS) {
  for (const scheme of SCHEMES) {
    const name = `${view.name}-${scheme.name}`;
    test(`axe: ${name}`, async (t) => {
      const { page, errors } = await newPage(scheme.system);
      if (view.phone) await page.setViewportSize({ width: 390, height: 844 });
      const query = [view.query, scheme.theme && `theme=${scheme.theme}`].filter(Boolean).join('&');
      await page.goto(explorer.url + (query ? `?${query}` : ''));
      await page.locator(view.ready ?? '[data-testid="paper-card"]').first().waitFor();
      const dark = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme === 'dark');
      assert.equal(dark, (scheme.theme ?? scheme.system) === 'dark', 'the page shows the expected scheme');
      await paintBackdrop(page);
      // An embed is a part of another page, whose h1 it sits under (the host page tests
      // below check page-has-heading-one over the host page with its embeds).
      const disable = view.query.startsWith('embed=1') ? ['page-has-heading-one'] : [];
      assertAccessible(t, name, await axe(page, { disable }));
      assert.deepEqual(errors, []);
      if (['explorer', 'embed', 'explorer-phone'].includes(view.name)) await screenshot(page, `a11y-${name}`, { fullPage: false });
      await page.close();
    });
  }
}

// A paper's own page (papers/ID.html, paperdeck render --pages) allows no script at all;
// axe is injected past its policy, as a browser extension would be.
test('axe: a paper\'s own page, desktop and phone', async (t) => {
  const context = await launchBrowser({ bypassCSP: true });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const first = JSON.parse(readFileSync(path.join(DIST, 'papers.json'), 'utf8')).papers[0];
    await page.goto(`${explorer.url}papers/${first.id}.html`);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      assertAccessible(t, `paper page at ${width} px`, await axe(page));
    }
    assert.deepEqual(errors, [], 'no console error (a missing stylesheet or icon)');
  } finally {
    await context.close();
  }
});

/** Opens a host page; waits for every embed's cards. Returns the page and its embeds. */
async function openHost(file, system) {
  const { page, errors } = await newPage(system);
  await page.goto(host.url + file);
  const handles = await page.locator('iframe[data-paperdeck-embed]').elementHandles();
  assert.ok(handles.length > 0, 'an embed');
  const embeds = [];
  for (const handle of handles) {
    await page.waitForFunction((el) => el.getAttribute('src'), handle);
    const frame = await handle.contentFrame();
    await frame.locator('[data-testid="paper-card"]').first().waitFor();
    const src = new URL(await handle.getAttribute('src'));
    const shown = await frame.evaluate(() => (getComputedStyle(document.documentElement).colorScheme === 'dark' ? 'dark' : 'light'));
    embeds.push({ handle, frame, theme: src.searchParams.get('theme'), shown });
  }
  return { page, errors, embeds };
}

for (const [file, system] of [['index.html', 'light'], ['index.html', 'dark'], ['dark.html', 'light'], ['dark.html', 'dark']]) {
  const name = `host-${file.replace('.html', '')}-system-${system}`;
  test(`axe: the demo host page (${file}), system ${system}: the page and each embed`, async (t) => {
    const { page, errors, embeds } = await openHost(file, system);
    const hostDark = file === 'dark.html';
    for (const embed of embeds) assert.equal(embed.shown, hostDark ? 'dark' : 'light', 'the embed follows the host page');
    const hostBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    for (const embed of embeds) await paintBackdrop(embed.frame, hostBackground);
    assertAccessible(t, `${name} (host page alone)`, await axe(page));
    // With its embeds, as one page. Left out here only: landmark-unique, since each
    // embed is a document with its own <main> (as it must be when opened alone, where
    // axe asks for one), so the frames together hold several; screen readers treat each
    // frame's landmarks apart. Each document passes it on its own (above, and the embed
    // tests).
    assertAccessible(t, name, await axe(page, { frames: true, disable: ['landmark-unique'] }));
    assert.deepEqual(errors, []);
    await screenshot(page, `a11y-${name}`);
    await page.close();
  });
}

// embed.js: which scheme an embed gets. [host page, visitor's system, the scheme the embed
// shows, the theme in its URL (none where the visitor's system already gives it), why].
const SCHEME_CASES = [
  ['light.html', 'dark', 'light', 'light', 'a light page, the visitor in dark mode: light'],
  ['light.html', 'light', 'light', null, 'a light page, the visitor in light mode: light, the URL as written'],
  ['dark-body.html', 'light', 'dark', 'dark', 'a dark page, the visitor in light mode: dark'],
  ['dark-body.html', 'dark', 'dark', null, 'a dark page, the visitor in dark mode: dark, the URL as written'],
  ['forced-dark.html', 'light', 'dark', 'dark', 'data-view="…theme=dark" wins over a light page'],
  ['forced-auto.html', 'dark', 'dark', 'auto', 'data-view="theme=auto" keeps the visitor\'s system'],
  ['dark-section.html', 'light', 'dark', 'dark', 'a dark section around the script on a white page: dark'],
  ['oklch.html', 'light', 'dark', 'dark', 'a background written in oklch()'],
  ['unstyled.html', 'dark', 'light', 'light', 'an unstyled page is white whatever the system: light'],
  ['follows-system.html', 'dark', 'dark', null, 'a page with color-scheme "light dark" follows the system: dark'],
  ['follows-system.html', 'light', 'light', null, 'a page with color-scheme "light dark" follows the system: light'],
  ['dark-only.html', 'light', 'dark', 'dark', 'a page with color-scheme: dark has a dark canvas'],
];

for (const [file, system, shown, theme, why] of SCHEME_CASES) {
  test(`embed.js scheme: ${why}`, async () => {
    const { page, errors, embeds } = await openHost(file, system);
    assert.equal(embeds[0].shown, shown, 'the scheme the embed shows');
    assert.equal(embeds[0].theme, theme, 'the theme in the embed\'s URL');
    assert.deepEqual(errors, []);
    if (['light.html', 'dark-body.html', 'forced-dark.html', 'dark-section.html'].includes(file)) {
      await screenshot(page, `a11y-embed-scheme-${file.replace('.html', '')}-system-${system}`);
    }
    await page.close();
  });
}

test('embed.js scheme: read once the host page\'s stylesheet has loaded', async () => {
  const { page } = await newPage('light');
  await page.goto(host.url + 'slow-css.html', { waitUntil: 'commit' });
  const iframe = page.locator('iframe[data-paperdeck-embed]');
  await iframe.waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  assert.equal(await iframe.getAttribute('src'), null, 'no view chosen while the stylesheet loads');
  releaseSlowCss();
  await page.waitForFunction(() => document.querySelector('iframe[data-paperdeck-embed]').getAttribute('src'));
  assert.equal(new URL(await iframe.getAttribute('src')).searchParams.get('theme'), 'dark');
  await page.close();
});
