// The card list on the bundled snapshot: what a visitor sees first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, screenshot, loadAllCards, cardCount, snapshotJson } from './harness.mjs';

const bundled = JSON.parse(readFileSync(path.join(ROOT, 'public/papers.json'), 'utf8'));
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

async function openApp(url = server.url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByTestId('paper-card').first().waitFor();
  return { page, errors };
}

test('shows all 77 papers as cards, newest first', async () => {
  const { page, errors } = await openApp();
  assert.equal(await page.getByTestId('result-count').textContent(), '77');
  await screenshot(page, 'cards');
  const rendered = await cardCount(page);
  assert.ok(rendered >= 4 && rendered < 77, `the first pages of cards (${rendered}), the rest as you scroll`);
  const lastBottom = await page.getByTestId('paper-card').last().evaluate((c) => c.getBoundingClientRect().bottom);
  assert.ok(lastBottom > page.viewportSize().height, `the cards fill the screen (the last ends at ${lastBottom} px)`);
  assert.equal(await page.locator('.filters details').evaluate((d) => d.open), true, 'filters start open beside the results');
  // The button says how many are left, and that is right; it promises no page size (the
  // list grows on by itself after a press until its end is a screen away).
  const more = page.getByTestId('show-more');
  assert.equal(await more.textContent(), `Show more papers (${77 - rendered} left)`);
  await more.click();
  const after = await cardCount(page);
  assert.ok(after > rendered, `a press adds cards (${rendered} → ${after})`);
  assert.equal(await more.textContent(), `Show more papers (${77 - after} left)`);
  assert.equal(await loadAllCards(page), 77);
  const first = page.getByTestId('paper-card').first();
  assert.equal(
    await first.locator('.paper-title').textContent(),
    'An Analysis of Causal Effect Estimation using Outcome Invariant Data Augmentation',
  );
  const dates = await page.locator('[data-testid="paper-card"] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'dates never increase down the list');
  const ids = await page.getByTestId('paper-card').evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
  assert.deepEqual(new Set(ids), new Set(bundled.papers.map((p) => p.id)), 'every paper of the snapshot has a card');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a keystroke builds a first page at once and fills a tall screen in the frames after, growing till then', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.goto(server.url);
  await page.getByTestId('paper-card').first().waitFor();
  await cardCount(page);
  // Every state the list goes through, as the DOM changes: busy or not, and its cards.
  await page.evaluate(() => {
    const list = document.querySelector('[data-testid="paper-list"]');
    window.listStates = [];
    new MutationObserver(() => {
      window.listStates.push([list.hasAttribute('data-growing'), list.querySelectorAll('[data-testid="paper-card"]').length]);
    }).observe(list, { attributes: true, attributeFilter: ['data-growing'] });
  });
  await page.getByTestId('search-input').fill('model');
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]').textContent === '68');
  const n = await cardCount(page);
  const states = await page.evaluate(() => window.listStates);
  assert.equal(states[0]?.[0], true, `growing after the keystroke: ${JSON.stringify(states)}`);
  assert.ok(states[0][1] <= 4, `the keystroke's own frame builds one page of 4: ${JSON.stringify(states)}`);
  assert.equal(states.at(-1)[0], false, 'not growing once settled');
  assert.ok(n > 4 && n < 68, `${n} cards once settled`);
  const lastBottom = await page.getByTestId('paper-card').last().evaluate((c) => c.getBoundingClientRect().bottom);
  assert.ok(lastBottom > 1600, `the cards fill the screen (the last ends at ${lastBottom} px)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a card shows date, author count, upvotes and links', async () => {
  const { page } = await openApp();
  await loadAllCards(page);
  const card = page.locator('[data-paper-id^="openelm-"]');
  assert.equal(await card.locator('time').textContent(), 'Apr 22, 2024');
  assert.equal(await card.locator('.authors').textContent(), '11 authors');
  assert.match(await card.locator('.upvotes').textContent(), /14/);
  const links = card.locator('.paper-links a');
  assert.deepEqual(await links.allTextContents(), ['Code', 'Project page']);
  assert.equal(await links.first().getAttribute('href'), 'https://github.com/apple/corenet');
  for (const a of await links.all()) {
    assert.equal(await a.getAttribute('target'), '_blank');
    assert.match(await a.getAttribute('rel'), /noopener/);
  }
  await page.close();
});

test('a long abstract is clamped and its toggle expands and collapses it', async () => {
  const { page } = await openApp();
  const card = page.getByTestId('paper-card').first();
  const abstract = card.getByTestId('abstract');
  const toggle = card.getByTestId('abstract-toggle');
  const clampedHeight = (await abstract.boundingBox()).height;
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await toggle.textContent(), 'Show more');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await toggle.textContent(), 'Show less');
  const expandedHeight = (await abstract.boundingBox()).height;
  assert.ok(expandedHeight > clampedHeight * 1.5, `expanded ${expandedHeight} > clamped ${clampedHeight}`);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal((await abstract.boundingBox()).height, clampedHeight);
  await page.close();
});

test('works from a sub-path, as on a lab site under /papers/', async () => {
  const sub = await serveStatic(DIST, { prefix: '/papers/' });
  try {
    const { page, errors } = await openApp(sub.url);
    assert.equal(await page.getByTestId('result-count').textContent(), '77');
    assert.equal(await loadAllCards(page), 77);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await sub.close();
  }
});

test('is readable on a phone-sized screen', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(server.url);
  await page.getByTestId('paper-card').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  assert.equal(await page.locator('.filters details').evaluate((d) => d.open), false, 'filters start folded above the results');
  await screenshot(page, 'cards-phone');
  await page.close();
});

test('on a phone, the toolbar is a row of menus and a row of buttons, and the first card is in view', async () => {
  const page = await browser.newPage();
  try {
    for (const [width, height] of [[390, 844], [360, 780]]) {
      for (const query of ['', '?sort=fewest-authors&theme=light']) {
        await page.setViewportSize({ width, height });
        await page.goto(server.url + query);
        await page.locator('[data-testid="paper-card"]:not(.static-card)').first().waitFor();
        const seen = await page.evaluate(() => {
          const rect = (el) => el.getBoundingClientRect();
          const menus = [...document.querySelectorAll('.toolbar-menus > .control')];
          const actions = [...document.querySelectorAll('.toolbar-actions > :not(dialog)')];
          // Each menu shows its chosen option whole: as wide as a copy holding only that option.
          const cut = menus.map((label) => {
            const select = label.querySelector('select');
            const copy = select.cloneNode(false);
            copy.append(new Option(select.selectedOptions[0].text));
            // Out of the label's column, which would stretch it to the menu's width.
            Object.assign(copy.style, { width: 'auto', position: 'absolute', visibility: 'hidden' });
            label.append(copy);
            const needs = copy.offsetWidth;
            copy.remove();
            return needs > select.offsetWidth ? `${select.selectedOptions[0].text} needs ${needs} px, has ${select.offsetWidth}` : null;
          }).filter(Boolean);
          return {
            labels: menus.map((m) => m.querySelector('.control-label').innerText),
            menuRows: new Set(menus.map((m) => Math.round(rect(m).top))).size,
            actionRows: new Set(actions.map((a) => Math.round(rect(a).top))).size,
            actions: actions.length,
            below: Math.min(...actions.map((a) => rect(a).top)) >= Math.max(...menus.map((m) => rect(m).bottom)),
            cut,
            overflow: document.documentElement.scrollWidth - innerWidth,
            firstCard: Math.round(rect(document.querySelector('[data-testid="paper-card"]')).top),
          };
        });
        const at = `${width} px${query}`;
        assert.deepEqual(seen.labels, ['Sort', 'Group', 'Theme'], at);
        assert.equal(seen.menuRows, 1, `${at}: the three menus share a row`);
        assert.equal(seen.actions, 4, `${at}: layout, Copy link, Export, Embed`);
        assert.equal(seen.actionRows, 1, `${at}: the buttons share the next row`);
        assert.ok(seen.below, `${at}: the buttons under the menus`);
        assert.deepEqual(seen.cut, [], `${at}: no menu cuts its choice short`);
        assert.ok(seen.overflow <= 0, `${at}: no horizontal scrolling`);
        assert.ok(seen.firstCard < height * 0.6, `${at}: the first card starts at ${seen.firstCard} px, in the screen's top 60 %`);
      }
    }
    await screenshot(page, 'toolbar-phone');
  } finally {
    await page.close();
  }
});

test('the search box\'s placeholder is read whole, on a phone and on wide screens', async () => {
  const page = await browser.newPage();
  // The bundled papers have author counts (its example is title:llm); these have names (author:hu).
  const named = await serveStatic(DIST, { overrides: { 'papers.json': { body: snapshotJson([{ id: 'n1', title: 'A paper', published: '2024-05-01', authors: ['Ada Lovelace'] }]) } } });
  try {
    for (const [width, url] of [360, 390, 1024, 1280, 1440].flatMap((w) => [[w, server.url], [w, named.url]])) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(url);
      await page.getByTestId('paper-card').first().waitFor();
      const fit = await page.getByTestId('search-input').evaluate((input) => {
        const s = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        context.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
        const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        return { text: input.placeholder, needs: Math.ceil(context.measureText(input.placeholder).width), room: Math.floor(room) };
      });
      assert.ok(fit.needs <= fit.room, `${width} px: "${fit.text}" needs ${fit.needs} px, the box has ${fit.room}`);
    }
  } finally {
    await page.close();
    await named.close();
  }
});

test('on a phone, the folded filters are built when first opened, with the filters of the link', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${server.url}?from=2024&to=2024`);
  await page.getByTestId('result-count').waitFor();
  await page.waitForFunction(() => !document.getElementById('paperdeck-static'));
  assert.equal(await page.getByTestId('year-facet').count(), 0, 'folded: not built yet');
  assert.match(await page.getByTestId('result-count').textContent(), /\d/);
  const count = await page.getByTestId('result-count').textContent();
  await page.locator('.filters summary').click();
  const year = page.locator('[data-testid="year-facet"] [data-value="2024"]');
  await year.waitFor();
  assert.ok(await year.isVisible());
  assert.equal(await year.getAttribute('aria-pressed'), 'true', 'the link\'s year is chosen');
  assert.equal(await page.getByTestId('result-count').textContent(), count, 'opening changes no result');
  // Nine years: every one shows whole, none hidden in a scrolling box.
  assert.deepEqual(await yearList(page), { years: 9, scrolls: false, cut: false, hidden: 0 }, 'every year in view');
  // Folded again and reopened, the filters stay built and follow the view.
  await page.locator('.filters summary').click();
  await page.locator('.filters summary').click();
  await year.click();
  await page.waitForFunction(() => !location.search.includes('from='));
  assert.equal(await year.getAttribute('aria-pressed'), 'false');
  await page.close();
});

/** The year list as a person sees it: how many years, whether it scrolls, whether a row
 *  is cut by its lower edge, how many rows lie wholly below that edge. */
function yearList(page) {
  return page.getByTestId('year-facet').evaluate((list) => {
    const box = list.getBoundingClientRect();
    const rows = [...list.children].map((row) => row.getBoundingClientRect());
    return {
      years: rows.length,
      scrolls: list.scrollHeight > list.clientHeight,
      cut: rows.some((r) => r.top < box.bottom - 4 && r.bottom > box.bottom + 4),
      hidden: rows.filter((r) => r.top >= box.bottom).length,
    };
  });
}

/** The mean colour of a strip of the page (a screenshot, decoded by the browser). */
async function stripColour(page, clip) {
  const png = (await page.screenshot({ clip })).toString('base64');
  const decoder = await browser.newPage();
  try {
    return await decoder.evaluate(async (data) => {
      const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data: px } = context.getImageData(0, 0, image.width, image.height);
      const sum = [0, 0, 0];
      for (let i = 0; i < px.length; i += 4) for (let c = 0; c < 3; c++) sum[c] += px[i + c];
      return sum.map((v) => v / (px.length / 4));
    }, png);
  } finally {
    await decoder.close();
  }
}

test('many years: the year list scrolls, cut part-way through a row, with a shade at an edge that has more', async () => {
  const papers = Array.from({ length: 30 }, (_, i) => ({ id: `y${i}`, title: `A paper of ${1996 + i}`, published: `${1996 + i}-05-01`, authors: ['Ada Lovelace'] }));
  const many = await serveStatic(DIST, { overrides: { 'papers.json': { body: snapshotJson(papers) } } });
  const page = await browser.newPage();
  try {
    for (const [width, scheme] of [[1280, 'light'], [390, 'dark']]) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(many.url);
      await page.getByTestId('paper-card').first().waitFor();
      if (width < 800) await page.locator('.filters summary').click();
      const list = page.getByTestId('year-facet');
      await list.waitFor();
      const seen = await yearList(page);
      assert.equal(seen.years, 30);
      assert.ok(seen.scrolls && seen.cut && seen.hidden > 0, `${width} px: ${JSON.stringify(seen)}`);
      // In the middle of the screen, clear of a phone's sticky "Show N papers" at its foot.
      await list.evaluate((l) => l.scrollIntoView({ block: 'center' }));
      // The strip just inside the box's lower edge, in the gap between a year and its
      // count: shaded while years lie below, the page's own colour once scrolled to the end.
      const box = await list.boundingBox();
      const strip = { x: box.x + box.width * 0.4, y: box.y + box.height - 5, width: box.width * 0.2, height: 4 };
      const page_ = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number));
      const shaded = await stripColour(page, strip);
      await list.evaluate((l) => { l.scrollTop = l.scrollHeight; });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const atEnd = await stripColour(page, strip);
      const off = (a) => Math.max(...a.map((v, i) => Math.abs(v - page_[i])));
      assert.ok(off(shaded) >= 6, `${width} px ${scheme}: a shade at the lower edge (${shaded.map(Math.round)} on ${page_})`);
      assert.ok(off(atEnd) <= 2, `${width} px ${scheme}: no shade at the end (${atEnd.map(Math.round)} on ${page_})`);
      await screenshot(page, `year-list-many-${width}-${scheme}`, { fullPage: false });
    }
  } finally {
    await page.close();
    await many.close();
  }
});
