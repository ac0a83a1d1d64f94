// The same smoke checks in Chromium, Firefox and WebKit, over WebDriver (drivers.mjs):
// loading with styles, search, filters and sort, the URL round trip, Back/Forward, an
// opened card, and an embed on the demo host page (another origin) sized to its content.
// The full suite (tests/browser/) runs in Chromium only; this one is what every engine must pass.
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import wd from 'selenium-webdriver';
import { DIST, ROOT, SCREENSHOTS, serveStatic, scratchDir } from '../browser/harness.mjs';
import { ENGINES, startEngine } from './drivers.mjs';

const { By } = wd;
const WAIT = 30000;
const HOST_PAGE = readFileSync(path.join(ROOT, 'examples/lab-homepage/index.html'), 'utf8');

let explorer;
let host;
let sandboxedHost;
let sitedExplorer;
let sitedSandboxedHost;
/** Serves the lab page from another origin than the explorer, its embeds pointing there. */
const serveHost = (html, to = explorer) => serveStatic(path.join(ROOT, 'examples/lab-homepage'), {
  overrides: { 'index.html': { body: html.replaceAll('http://127.0.0.1:8080/', to.url) } },
});
const SANDBOXED_PAGE = HOST_PAGE.replace('data-title="Reading list: diffusion"', 'data-title="Reading list: diffusion" data-sandbox="1"');

/** dist/index.html as `make build SITE_URL=siteUrl` writes it: `paperdeck render
 *  --site-url` names the site's origin in the page's Content-Security-Policy. */
function builtFor(siteUrl) {
  const dir = scratchDir('paperdeck-sited-');
  for (const f of ['index.html', 'feed.xml']) copyFileSync(path.join(DIST, f), path.join(dir, f));
  execFileSync('cargo', ['run', '--locked', '-q', '--release', '-p', 'paperdeck-cli', '--', 'render',
    path.join(ROOT, 'public/papers.json'), '--into', path.join(dir, 'index.html'), '--feed', 'feed.xml',
    '--site-url', siteUrl], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return readFileSync(path.join(dir, 'index.html'), 'utf8');
}

before(async () => {
  // As in tests/browser/embed.test.mjs: the explorer sends CORS headers (as GitHub Pages
  // does), which a sandboxed embed (an opaque origin) needs for its stylesheet.
  explorer = await serveStatic(DIST, { cors: true });
  host = await serveHost(HOST_PAGE);
  sandboxedHost = await serveHost(SANDBOXED_PAGE);
  // The same explorer built with its site URL, which only then is known (a free port).
  const overrides = {};
  sitedExplorer = await serveStatic(DIST, { cors: true, overrides });
  overrides['index.html'] = { body: builtFor(sitedExplorer.url) };
  sitedSandboxedHost = await serveHost(SANDBOXED_PAGE, sitedExplorer);
});
after(async () => {
  await sitedSandboxedHost?.close();
  await sitedExplorer?.close();
  await sandboxedHost?.close();
  await host?.close();
  await explorer?.close();
});

const byTestId = (id) => By.css(`[data-testid="${id}"]`);

for (const engine of ENGINES) {
  describe(`${engine}: smoke`, () => {
    let driver;
    let stop;
    let started;
    before(async () => {
      started = Date.now();
      // A second try for a start that fails (a busy machine, a port taken meanwhile);
      // the first error is printed.
      const e = await startEngine(engine).catch((err) => {
        console.log(`${engine}: the first start failed, trying again: ${err.message}`);
        return startEngine(engine);
      });
      driver = e.driver;
      stop = e.stop;
      console.log(`${engine}: ${e.version}`);
    });
    // A panic shows the crash panel; a snapshot that fails to load, the load error.
    afterEach(async () => {
      if (!driver) return;
      await driver.switchTo().defaultContent();
      const broken = await driver.executeScript(() => ['crash-panel', 'load-error'].filter((id) => document.querySelector(`[data-testid="${id}"]`)));
      assert.deepEqual(broken, [], `${engine}: the page shows ${broken.join(', ')}`);
    });
    after(async () => {
      await stop?.();
      console.log(`${engine}: smoke suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    /** Saves what the window shows as test-results/engine-<engine>-<name>.png, for a person. */
    async function screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(path.join(SCREENSHOTS, `engine-${engine}-${name}.png`), await driver.takeScreenshot(), 'base64');
    }
    /** Waits until `fn(...args)`, run in the page, is truthy; returns its value. */
    const until = (message, fn, ...args) =>
      driver.wait(async () => driver.executeScript(fn, ...args), WAIT, `${engine}: ${message}`);
    const js = (fn, ...args) => driver.executeScript(fn, ...args);
    const search = () => js(() => location.search);
    const count = () => js(() => Number(document.querySelector('[data-testid="result-count"]').textContent.replaceAll(',', '')));
    /** Waits until the list has added the pages it adds on its own (the first comes with
     *  the answer, the next a frame later while the list end is near: `data-growing` till
     *  then), two frames after the call so a change it has not answered yet counts. */
    const settled = async () => {
      await driver.executeAsyncScript((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
      await until('the list settles', () => !document.querySelector('[data-testid="paper-list"][data-growing]'));
    };
    /** The cards shown, once the list has settled. */
    const ids = async () => {
      await settled();
      return js(() => [...document.querySelectorAll('[data-testid="paper-card"]')].map((c) => c.dataset.paperId));
    };
    /** Every result's card: scrolled to the end of the list until no page is left. */
    const allIds = async () => {
      while (await js(() => !!document.querySelector('[data-testid="show-more"]'))) {
        const n = await js(() => document.querySelectorAll('[data-testid="paper-card"]').length);
        await js(() => window.scrollTo(0, document.body.scrollHeight));
        await until('more cards, or the end', (m) =>
          document.querySelectorAll('[data-testid="paper-card"]').length > m || !document.querySelector('[data-testid="show-more"]'), n);
      }
      return ids();
    };
    const waitSearch = (expected) =>
      until(`location.search becomes ${JSON.stringify(expected)}`, (s) => location.search === s, expected)
        .catch(async (e) => { throw new Error(`${e.message} (it is ${JSON.stringify(await search())})`); });
    /** Opens the explorer with `query` and waits for its result count and first card. */
    async function open(query = '') {
      await driver.get(explorer.url + query);
      // The app's, not the static list's (which has the same test ids and stands in for the
      // app until it has loaded).
      await until('the result count and a card show', () => !document.getElementById('paperdeck-static')
        && document.querySelector('[data-testid="result-count"]') && document.querySelector('[data-testid="paper-card"]'));
    }
    /** Clicks what `css` selects once it is there and can be clicked: scrolled into view
     *  first (WebKit's driver does not scroll to a card outside the viewport). */
    const click = async (css) => {
      let last;
      await driver.wait(async () => {
        try {
          const el = await driver.findElement(By.css(css));
          await js((e) => e.scrollIntoView({ block: 'center' }), el);
          await el.click();
          return true;
        } catch (e) {
          if (!['NoSuchElementError', 'ElementNotInteractableError', 'ElementClickInterceptedError', 'StaleElementReferenceError'].includes(e.name)) throw e;
          last = e;
          return false;
        }
      }, WAIT, `${engine}: click ${css}`).catch((e) => { throw new Error(`${e.message} (${last?.name})`); });
    };
    const chooseSort = (value) => click(`[data-testid="sort-select"] option[value="${value}"]`);
    const cardStyle = () => js(() => {
      const s = getComputedStyle(document.querySelector('[data-testid="paper-card"]'));
      return {
        border: `${s.borderTopWidth} ${s.borderTopStyle}`,
        radius: s.borderTopLeftRadius,
        background: s.backgroundColor,
        font: s.fontFamily,
      };
    });
    /** What style/main.css gives a card; without it: no border, square, transparent, serif. */
    function assertStyled(style) {
      assert.equal(style.border, '1px solid', 'a card has its border');
      assert.equal(style.radius, '10px', 'a card has rounded corners');
      assert.notEqual(style.background, 'rgba(0, 0, 0, 0)', 'a card has a background');
      assert.match(style.font, /^system-ui\b.*\bsans-serif$/, 'the sans-serif stack, not the default serif');
    }

    test('loads and shows styled cards', async () => {
      await open();
      assert.equal(await count(), 77);
      assert.ok((await ids()).length > 0);
      assertStyled(await cardStyle());
      assert.equal(await js(() => typeof WebAssembly), 'object');
      await screenshot('explorer');
    });

    test('typing in search narrows the list and writes ?q= without a history entry', async () => {
      await open();
      const length = await js(() => history.length);
      await (await driver.findElement(byTestId('search-input'))).sendKeys('diffusion');
      await waitSearch('?q=diffusion');
      await until('8 results', () => document.querySelector('[data-testid="result-count"]').textContent.trim() === '8');
      await allIds();
      const texts = await js(() => [...document.querySelectorAll('[data-testid="paper-card"]')].map((c) => c.textContent.toLowerCase()));
      assert.equal(texts.length, 8);
      for (const t of texts) assert.match(t, /diffusion/);
      assert.equal(await js(() => history.length), length, 'typing replaces the history entry');
      await screenshot('search-diffusion');
    });

    test('scrolling to the end renders every card (the list end is observed)', async () => {
      await open();
      for (;;) {
        const state = await js(() => ({
          more: !!document.querySelector('[data-testid="show-more"]'),
          cards: document.querySelectorAll('[data-testid="paper-card"]').length,
        }));
        if (!state.more) {
          assert.equal(state.cards, 77);
          break;
        }
        assert.ok(state.cards < 77, `${state.cards} cards and a "show more"`);
        await js(() => window.scrollTo(0, document.body.scrollHeight));
        await until('more cards, or the end', (n) =>
          document.querySelectorAll('[data-testid="paper-card"]').length > n || !document.querySelector('[data-testid="show-more"]'), state.cards);
      }
    });

    test('?theme=dark paints the dark palette; the list view shows a row per paper', async () => {
      await open('?theme=dark');
      assert.equal(await js(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await js(() => getComputedStyle(document.body).backgroundColor), 'rgb(15, 18, 22)');
      await click('[data-testid="view-list"]');
      await waitSearch('?view=list&theme=dark');
      await until('rows instead of cards', () => document.querySelectorAll('.paper-row').length > 0 && !document.querySelector('.paper-card'));
      await screenshot('dark-list');
    });

    let filtered;
    const FILTERED = '?q=model&from=2024&to=2024&has=code&sort=most-authors';
    test('a year facet, has=code and the sort change the URL and the results', async () => {
      await open();
      await (await driver.findElement(byTestId('search-input'))).sendKeys('model');
      await waitSearch('?q=model');
      await until('the count follows q', () => document.querySelector('[data-testid="result-count"]').textContent.trim() === '68');
      await chooseSort('most-authors');
      await waitSearch('?q=model&sort=most-authors');
      await click('[data-testid="year-facet"] [data-value="2024"]');
      await waitSearch('?q=model&from=2024&to=2024&sort=most-authors');
      const year = await count();
      assert.ok(year > 0 && year < 68, `${year} papers of 2024`);
      await click('[data-testid="has-code"]');
      await waitSearch(FILTERED);
      await until('has=code narrows the count', (n) => Number(document.querySelector('[data-testid="result-count"]').textContent.replaceAll(',', '')) < n, year);
      filtered = await allIds();
      assert.ok(filtered.length > 0);
    });

    test('a URL with parameters restores the same view (round trip)', async () => {
      assert.ok(filtered, 'needs the previous test');
      await open(FILTERED);
      assert.deepEqual(await allIds(), filtered, 'the same papers in the same order');
      assert.equal(await search(), FILTERED, 'the URL is kept as it is');
      assert.equal(await js(() => document.querySelector('[data-testid="search-input"]').value), 'model');
      assert.equal(await js(() => document.querySelector('[data-testid="sort-select"]').value), 'most-authors');
      assert.equal(await js(() => document.querySelector('[data-testid="has-code"]').checked), true);
    });

    // Facet buttons, not the sort menu: WebKit's driver picks an <option> by script,
    // without user activation, and WebKit's Back then skips the entry before (as it does
    // for any entry added without a user gesture).
    test('Back and Forward step through views', async () => {
      await open();
      // A view is told by its count and its first page of cards (the page a new answer
      // always renders; how many more follow depends on where the page is scrolled).
      const firstPage = async () => (await ids()).slice(0, 4);
      const views = [{ search: '', ids: await firstPage(), count: await count() }];
      for (const css of ['[data-testid="year-facet"] [data-value="2024"]', '[data-testid="author-facet"] [data-value="11-"]']) {
        const before = views.at(-1);
        await click(css);
        await until(`${css} changes the URL`, (s) => location.search !== s, before.search);
        await until('the list narrows', (n) => Number(document.querySelector('[data-testid="result-count"]').textContent.replaceAll(',', '')) < n, before.count);
        views.push({ search: await search(), ids: await firstPage(), count: await count() });
      }
      const shows = async (view) => {
        await waitSearch(view.search);
        await until(`the list of ${JSON.stringify(view.search)} is back`, (want) =>
          JSON.stringify([...document.querySelectorAll('[data-testid="paper-card"]')].slice(0, 4).map((c) => c.dataset.paperId)) === want, JSON.stringify(view.ids));
        assert.equal(await count(), view.count);
      };
      await driver.navigate().back();
      await shows(views[1]);
      await driver.navigate().back();
      await shows(views[0]);
      assert.equal(await count(), 77);
      assert.equal(await js(() => document.querySelector('[data-testid="year-facet"] [data-value="2024"]').getAttribute('aria-pressed')), 'false');
      await driver.navigate().forward();
      await shows(views[1]);
      await driver.navigate().forward();
      await shows(views[2]);
    });

    test('?paper=ID shows that card opened and in view; another title opens that one', async () => {
      const id = 'feature-learning-in-infinite-width-neural-networks';
      await open(`?paper=${id}`);
      await until('the card is opened', (i) => document.querySelector(`[data-paper-id="${i}"]`)?.classList.contains('opened'), id);
      // Its title, at least: an opened card can be taller than the window.
      await until('the card is in view', (i) => {
        const r = document.querySelector(`[data-paper-id="${i}"] .paper-title`).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight + 1;
      }, id);
      assert.equal(await js((i) => {
        const t = document.querySelector(`[data-paper-id="${i}"] [data-testid="abstract-toggle"]`);
        return !t || t.offsetParent === null;
      }, id), true, 'the whole abstract shows, without a toggle');
      await screenshot('paper-opened');
      const otherId = await js(() => document.querySelector('[data-testid="paper-card"]').dataset.paperId);
      assert.notEqual(otherId, id);
      await click(`[data-paper-id="${otherId}"] .paper-title a`);
      await waitSearch(`?paper=${otherId}`);
      await until('only the other card is opened', (i, o) =>
        document.querySelector(`[data-paper-id="${o}"]`).classList.contains('opened') && !document.querySelector(`[data-paper-id="${i}"]`).classList.contains('opened'), id, otherId);
      await driver.navigate().back();
      await waitSearch(`?paper=${id}`);
      await until('the first card is opened again', (i) => document.querySelector(`[data-paper-id="${i}"]`)?.classList.contains('opened'), id);
    });

    /** Opens `page` and checks its first embed: 3 styled cards, its height its content's,
     *  also once an abstract is expanded. Returns what `origin` is inside the frame. */
    async function checkEmbed(page, name, wait = WAIT) {
      await driver.get(page);
      const iframe = await driver.wait(wd.until.elementLocated(By.css('iframe[data-paperdeck-embed]')), WAIT, `${engine}: the embed's iframe`);
      await driver.wait(async () => js((f) => f.src !== '', iframe), WAIT, `${engine}: the iframe gets its src`);
      /** Waits until the iframe's height is its content's, within 3 px; returns both. */
      async function fit(message) {
        let last;
        try {
          await driver.wait(async () => {
            await driver.switchTo().frame(iframe);
            const content = await js(() => document.querySelector('[data-testid="paper-card"]') ? Math.ceil(document.body.getBoundingClientRect().height) : null);
            await driver.switchTo().defaultContent();
            const box = await js((f) => f.getBoundingClientRect().height, iframe);
            last = { content, box };
            return content !== null && Math.abs(content - box) <= 3;
          }, wait);
        } catch (e) {
          await driver.switchTo().defaultContent();
          throw new Error(`${engine}: ${message}: iframe ${last?.box}px tall, its content ${last?.content}px (${e.message})`);
        }
        return last;
      }
      const loaded = await fit('on load');
      await driver.switchTo().frame(iframe);
      const origin = await js(() => origin);
      assert.equal((await ids()).length, 3, 'limit=3');
      assertStyled(await cardStyle());
      await click('[data-testid="abstract-toggle"]');
      await driver.switchTo().defaultContent();
      const grown = await driver.wait(async () => {
        const f = await fit('after expanding an abstract');
        return f.box > loaded.box + 20 ? f : null;
      }, WAIT, `${engine}: the iframe grows with an expanded abstract`);
      assert.ok(grown.box > loaded.box + 20, `grew from ${loaded.box} to ${grown.box}`);
      await js((f) => f.scrollIntoView(), iframe);
      await screenshot(name);
      return origin;
    }

    test('an embed on another origin shows its cards, styled, and its height follows its content', async () => {
      assert.notEqual(new URL(host.url).origin, new URL(explorer.url).origin);
      assert.equal(await checkEmbed(host.url, 'embed'), new URL(explorer.url).origin);
    });

    // Known in WebKit (README, "Browsers"): in a document with an opaque origin, WebKit's
    // Content-Security-Policy 'self' matches nothing, so index.html's policy blocks the
    // stylesheet and the scripts and the frame stays empty, unless the page was built with
    // its site URL (make build SITE_URL=…), which names its origin beside 'self'. Run,
    // reported as TODO (not a failure) with a shorter wait, so a WebKit that fixes it
    // shows up.
    const sandboxKnown = engine === 'webkit' && "WebKit: CSP 'self' matches nothing in an opaque origin, so without SITE_URL the sandboxed frame stays empty";
    test('a sandboxed embed (an opaque origin) keeps its stylesheet and its height follows its content', { todo: sandboxKnown }, async () => {
      assert.equal(await checkEmbed(sandboxedHost.url, 'embed-sandboxed', sandboxKnown ? 6000 : WAIT), 'null');
    });

    test('a sandboxed embed of an explorer built with its site URL works', async () => {
      assert.equal(await checkEmbed(sitedSandboxedHost.url, 'embed-sandboxed-sited'), 'null');
    });
  });
}
