// Shared by the browser tests: a static server for dist/ on 127.0.0.1 and Debian's
// chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'test-results');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The headers and body a static host (GitHub Pages, Netlify) sends for `file`: gzip when
 *  the browser accepts it, a year's caching for files named after their hash (Trunk's
 *  `-0123456789abcdef.`), ten minutes for the rest. */
const gzipped = new Map();
function asStaticHost(file, body, acceptEncoding = '') {
  const headers = {
    'Cache-Control': /-[0-9a-f]{16}[._]/.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'public, max-age=600',
    Vary: 'Accept-Encoding',
  };
  if (/\bgzip\b/.test(acceptEncoding) && !/\.png$/.test(file)) {
    // Compressed once per file, as a host serves files compressed ahead of time.
    if (gzipped.get(file)?.source !== body.length) gzipped.set(file, { source: body.length, body: gzipSync(body, { level: 9 }) });
    return { headers: { ...headers, 'Content-Encoding': 'gzip' }, body: gzipped.get(file).body };
  }
  return { headers, body };
}

/**
 * Serves `root` on 127.0.0.1 at a free port, under `prefix` (e.g. '/papers/').
 * `overrides` maps a path below the prefix to a body served instead of the file, its
 * length declared (`chunked`: not); with
 * `until` (a promise), the answer waits until it settles, so a test decides which of two
 * requests is answered first. `cors` sends `Access-Control-Allow-Origin: *` (as GitHub
 * Pages does); `csp` sends that `Content-Security-Policy` header; `headers` adds more,
 * with every answer. `staticHost` compresses and sets cache headers as a static host
 * would (see `asStaticHost`).
 */
export async function serveStatic(root, { prefix = '/', cors = false, csp = null, headers: extra = {}, overrides = {}, staticHost = false } = {}) {
  const server = createServer(async (req, res) => {
    // Concatenated, not resolved: a path starting with // is a path here, not a host.
    const url = new URL(`http://127.0.0.1${req.url}`);
    const headers = {
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      ...(csp ? { 'Content-Security-Policy': csp } : {}),
      ...extra,
    };
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    if (rel in overrides) {
      const { status = 200, body, type = TYPES[path.extname(rel)], until, chunked = false } = overrides[rel];
      await until;
      // Its length declared, as a static host declares a file's; or `chunked`, with no
      // Content-Length, as a host compressing on the fly sends it.
      const bytes = Buffer.from(body ?? '');
      const length = chunked ? {} : { 'Content-Length': String(bytes.length) };
      res.writeHead(status, { ...headers, 'Content-Type': type, ...length });
      if (chunked) res.write(bytes.subarray(0, bytes.length >> 1));
      res.end(chunked ? bytes.subarray(bytes.length >> 1) : bytes);
      return;
    }
    const file = path.join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    try {
      let body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (staticHost) {
        const hosted = asStaticHost(file, body, req.headers['accept-encoding']);
        Object.assign(headers, hosted.headers);
        body = hosted.body;
      }
      res.writeHead(200, { ...headers, 'Content-Type': type }).end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    // Ends keep-alive connections too, so a test never waits on an idle socket.
    close: () => new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    }),
  };
}

/** Scratch directories made by `scratchDir`, removed when they are done with or, at the
 *  latest, when the process exits: a browser profile alone is ~100 MB, and a run of the
 *  suite makes one per test file (per test in some). At exit a browser a failed test left
 *  open may still be writing its profile: a failed removal must not stop the other exit
 *  handlers (Playwright's, which closes that browser). */
const scratchDirs = new Set();
process.on('exit', () => {
  for (const dir of scratchDirs) {
    try { rmSync(dir, { recursive: true, force: true }); } catch { /* left for the OS */ }
  }
});

/** A new empty directory under the system's temporary folder, removed at exit. */
export function scratchDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratchDirs.add(dir);
  return dir;
}

/** Removes a directory made by `scratchDir` now. */
export function removeScratchDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  scratchDirs.delete(dir);
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches Debian's chromium (the path `command -v chromium` prints) with a fresh profile,
 *  removed when the context is closed; `options` are more context options
 *  (`{ javaScriptEnabled: false }`). */
export async function launchBrowser(options = {}) {
  const executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  const userDataDir = scratchDir('paperdeck-chromium-');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 900 },
    ...options,
  });
  // Closing a persistent context ends the browser, so its profile can go then.
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    removeScratchDir(userDataDir);
  };
  return context;
}

/** Saves a screenshot under test-results/ for a person to look at: the full page, or
 *  only what is in the viewport with `{ fullPage: false }`. */
export async function screenshot(page, name, { fullPage = true, scripts = true } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  // The open filter panel is built a frame after the first cards (`scripts: false` for a
  // page without JavaScript, where nothing follows and nothing can be waited for).
  if (scripts) await panelsFollowed(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** A snapshot document with the given papers. */
export function snapshotJson(papers, extra = {}) {
  return JSON.stringify({ format: 'paperdeck-snapshot', version: 1, ...extra, papers });
}

/** Waits until the app's list has added the pages it adds on its own: a new answer renders
 *  its first page at once and, while the end of the list is near the screen, one more page
 *  a frame later, until it is not; the list has `data-growing` until then. Two frames pass
 *  first, so a change of size or scroll the list has not answered yet is reported to it.
 *  `scope` is a Page or a Frame. A page without a list (still loading, an error) counts as
 *  settled: wait for what the test expects first. Read a list of cards only after this
 *  (`cardIds`, `cardCount`). */
export async function listSettled(scope) {
  await scope.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await scope.waitForFunction(() => !document.querySelector('[data-testid="paper-list"][data-growing]'));
}

/** Waits until the filter panel's counts and the timeline have followed the last answer:
 *  they do so in the task after the frame that shows its cards (src/after_paint.rs), so
 *  two frames, each followed by a task, are enough. `scope` is a Page or a Frame. */
export async function panelsFollowed(scope) {
  await scope.evaluate(async () => {
    const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await afterFrame();
    await afterFrame();
  });
}

/** Waits until the app shows its cards and can answer a search: a large snapshot's first
 *  cards come before its index when the first view does not search (src/load.rs), and
 *  the app marks `paperdeck:catalog-built` once the index is built. */
export async function searchable(page, { timeout = 30000 } = {}) {
  await page.getByTestId('paper-card').first().waitFor({ timeout });
  await indexBuilt(page, { timeout });
}

/** Waits until the catalog has its index (the app's `paperdeck:catalog-built` mark). */
export async function indexBuilt(page, { timeout = 30000 } = {}) {
  await page.waitForFunction(() => performance.getEntriesByName('paperdeck:catalog-built').length > 0, null, { timeout });
}

/** The ids of the cards the list shows once it has settled, in order. */
export async function cardIds(scope) {
  await listSettled(scope);
  return scope.locator('[data-testid="paper-card"]').evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
}

/** How many cards the list shows once it has settled. */
export async function cardCount(scope) {
  await listSettled(scope);
  return scope.locator('[data-testid="paper-card"]').count();
}

/** Clicks "Show more" until every card is rendered; returns their count.
 *  The button, not one scroll to the end: off-screen cards are laid out at their
 *  placeholder height (`content-visibility: auto`) until scrolled to, so a card far taller
 *  than that (hostile.test's 24,000-character title) grows the page after the scroll, the
 *  end is more than a screen away again, and no page is due (a CI run waited 30 s). Pages
 *  also arrive on their own while the end is near, so the button may be gone by the time
 *  it is clicked, and each wait is short and looked at again. */
export async function loadAllCards(page) {
  const cards = page.getByTestId('paper-card');
  const more = page.getByTestId('show-more');
  for (;;) {
    // Read the count only once the button is gone: an earlier count can be stale.
    if ((await more.count()) === 0) return cards.count();
    const before = await cards.count();
    await more.click({ timeout: 5000 }).catch(() => {});
    await page
      .waitForFunction(
        (n) => document.querySelectorAll('[data-testid="paper-card"]').length > n || !document.querySelector('[data-testid="show-more"]'),
        before,
        { timeout: 5000 },
      )
      .catch(() => {});
  }
}

/** What style/main.css gives a card (light theme; an opened card's border only changes
 *  colour), as `cardStyle` reads it. A card without the stylesheet has no border, square
 *  corners, a transparent background and the browser's serif font. */
export const STYLED_CARD = {
  borderTop: '1px solid',
  borderRadius: '10px',
  backgroundColor: 'rgb(255, 255, 255)',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
};

/** The computed border, corner, background and font of the first card in a page or frame
 *  (a Playwright Page, Frame or FrameLocator), to compare with `STYLED_CARD`. */
export async function cardStyle(scope) {
  return scope.locator('[data-testid="paper-card"]').first().evaluate((card) => {
    const s = getComputedStyle(card);
    return {
      borderTop: `${s.borderTopWidth} ${s.borderTopStyle}`,
      borderRadius: s.borderTopLeftRadius,
      backgroundColor: s.backgroundColor,
      fontFamily: s.fontFamily,
    };
  });
}

/** Holds back every request matching each of `patterns` until `release()` is called. */
export async function holdBack(page, ...patterns) {
  let release;
  const held = new Promise((r) => (release = r));
  for (const pattern of patterns) {
    await page.route(pattern, async (route) => {
      await held;
      await route.continue();
    });
  }
  return release;
}
