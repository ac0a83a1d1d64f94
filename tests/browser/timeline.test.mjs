// The timeline (issue #14, part 1): bars of the results per month or year above them,
// drawn from the date filter's own facet. What a person sees (bars with a size, counts to
// read, the chosen range highlighted), what a click, a drag and the keyboard alone do to
// the view and the URL, embeds and `timeline=0`, light and dark, desktop and phone.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serveStatic, launchBrowser, screenshot, snapshotJson, cardCount, panelsFollowed } from './harness.mjs';

// Papers per month of 2024, January to June, and 2 undated.
const MONTHS = { '2024-01': 3, '2024-02': 0, '2024-03': 5, '2024-04': 1, '2024-05': 2, '2024-06': 4 };
const PAPERS = [];
for (const [month, n] of Object.entries(MONTHS)) {
  for (let i = 0; i < n; i++) {
    PAPERS.push({ id: `p-${month}-${i}`, title: `A study of month ${month} number ${i}`, author_count: 1, published: `${month}-${String(i + 1).padStart(2, '0')}` });
  }
}
PAPERS.push({ id: 'undated-1', title: 'Undated one', author_count: 1 }, { id: 'undated-2', title: 'Undated two', author_count: 1 });
const BODY = snapshotJson(PAPERS);

let browser;
const cleanups = [];
before(async () => { browser = await launchBrowser(); });
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });
after(async () => { await browser?.close(); });

async function open(query = '', { body = BODY, width, scheme, ready = 'timeline', card = true } = {}) {
  const server = await serveStatic(DIST, body ? { overrides: { 'papers.json': { body } } } : {});
  const page = await browser.newPage();
  cleanups.push(async () => { await page.close(); await server.close(); });
  if (width) await page.setViewportSize({ width, height: 844 });
  if (scheme) await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.url + query);
  if (card) await page.getByTestId('paper-card').first().waitFor();
  if (ready) await page.getByTestId(ready).waitFor();
  return page;
}

const count = async (page) => Number((await page.getByTestId('result-count').textContent()).replaceAll(',', ''));
const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);
/** Each bar as a person sees it: its period, count, drawn size and whether it is chosen,
 *  once the bars have followed the last answer (a frame after its cards). */
const bars = async (page) => {
  await panelsFollowed(page);
  return page.getByTestId('timeline-bar').evaluateAll((gs) => gs.map((g) => {
    const fill = g.querySelector('.timeline-fill').getBoundingClientRect();
    return {
      from: g.dataset.from, to: g.dataset.to, count: Number(g.dataset.count),
      width: fill.width, height: fill.height, pressed: g.getAttribute('aria-pressed'),
      label: g.getAttribute('aria-label'), color: getComputedStyle(g.querySelector('.timeline-fill')).fill,
    };
  }));
};
const readout = async (page) => {
  await panelsFollowed(page);
  return page.getByTestId('timeline-readout').innerText();
};

test('a bar per month from the first with papers to the last, each as tall as its count, undated apart', async () => {
  const page = await open();
  const timeline = page.getByTestId('timeline');
  assert.equal(await timeline.getAttribute('aria-label'), 'Papers per month, Jan 2024 to Jun 2024');
  const got = await bars(page);
  assert.deepEqual(got.map((b) => [b.from, b.to, b.count]), Object.entries(MONTHS).map(([m, n]) => [m, m, n]));
  for (const b of got) {
    if (b.count > 0) assert.ok(b.width >= 4 && b.height >= 2, `${b.from} is visible: ${JSON.stringify(b)}`);
    else assert.equal(b.height, 0, `${b.from} has no papers and no bar`);
  }
  // Taller for more papers: March (5) is the tallest, April (1) the shortest drawn.
  const h = Object.fromEntries(got.map((b) => [b.from, b.height]));
  assert.ok(h['2024-03'] > h['2024-06'] && h['2024-06'] > h['2024-01'] && h['2024-01'] > h['2024-05'] && h['2024-05'] > h['2024-04']);
  assert.equal(got[2].label, 'Mar 2024: 5 papers');
  // The readout is readable text: the whole span, and the undated papers counted apart.
  assert.equal(await readout(page), 'Jan 2024 – Jun 2024: 15 papers · 2 undated papers, not drawn');
  const readoutBox = await page.getByTestId('timeline-readout').boundingBox();
  assert.ok(readoutBox.height >= 10, 'the readout is on screen');
  assert.equal(got.reduce((a, b) => a + b.count, 0) + 2, await count(page));
  await screenshot(page, 'timeline-light-desktop', { fullPage: false });
});

test('hovering a bar shows its period and count; a click sets from/to to it, a second click undoes it', async () => {
  const page = await open();
  const march = page.getByTestId('timeline-bar').nth(2);
  const box = await page.locator('.timeline-chart').boundingBox();
  const barWidth = box.width / 6;
  await page.mouse.move(box.x + barWidth * 2.5, box.y + box.height - 2);
  assert.equal(await readout(page), 'Mar 2024: 5 papers · 2 undated papers, not drawn');
  await page.mouse.click(box.x + barWidth * 2.5, box.y + 5);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2024-03');
  assert.deepEqual(params(page), { from: '2024-03', to: '2024-03' });
  assert.equal(await count(page), 5, 'as many papers as the bar said');
  await panelsFollowed(page);
  assert.equal(await march.getAttribute('aria-pressed'), 'true');
  // Every bar stays (the date filter's own facet), the others drawn unchosen.
  const got = await bars(page);
  assert.equal(got.length, 6);
  assert.deepEqual(got.map((b) => b.count), Object.values(MONTHS));
  assert.notEqual(got[2].color, got[0].color, 'the chosen bar is drawn apart');
  assert.deepEqual(got.map((b) => b.pressed), ['false', 'false', 'true', 'false', 'false', 'false']);
  await page.mouse.move(box.x + 1, box.y - 30);
  assert.equal(await readout(page), 'Mar 2024: 5 papers · 2 undated papers, not drawn');
  await page.mouse.click(box.x + barWidth * 2.5, box.y + 5);
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
  assert.equal(await count(page), 17);
  // Back returns to the chosen month.
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2024-03');
  assert.equal(await count(page), 5);
});

test('a drag across bars sets the range between them, in either direction', async () => {
  const page = await open('?q=study');
  const box = await page.locator('.timeline-chart').boundingBox();
  const x = (k) => box.x + (box.width / 6) * (k + 0.5);
  const y = box.y + box.height / 2;
  await page.mouse.move(x(4), y);
  await page.mouse.down();
  await page.mouse.move(x(3), y, { steps: 3 });
  await page.mouse.move(x(1), y, { steps: 3 });
  // While it runs, the line under the bars says the range it would choose.
  assert.equal(await readout(page), 'Feb 2024 – May 2024: 8 papers', 'the range being dragged');
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2024-05');
  assert.deepEqual(params(page), { q: 'study', from: '2024-02', to: '2024-05' });
  assert.equal(await count(page), 0 + 5 + 1 + 2);
  assert.deepEqual((await bars(page)).map((b) => b.pressed), ['false', 'true', 'true', 'true', 'true', 'false']);
  // No undated paper matches `study`, so none is noted.
  assert.equal(await readout(page), 'Feb 2024: 0 papers', 'the bar under the pointer');
  await page.mouse.move(box.x, box.y - 40);
  assert.equal(await readout(page), 'Feb 2024 – May 2024: 8 papers', 'then the chosen range');
});

test('keyboard only: Tab reaches the bars, arrows move, Enter chooses, Shift extends, with a visible focus ring', async () => {
  const page = await open();
  // Tab from the top of the page until a bar has the focus: the bars are one tab stop.
  let tabs = 0;
  while (!(await page.evaluate(() => document.activeElement?.dataset?.testid === 'timeline-bar'))) {
    await page.keyboard.press('Tab');
    assert.ok(++tabs < 80, 'a bar is reachable with Tab');
  }
  const focused = () => page.evaluate(() => {
    const g = document.activeElement;
    const hit = getComputedStyle(g.querySelector('.timeline-hit'));
    return { from: g.dataset.from, stroke: hit.stroke, strokeWidth: parseFloat(hit.strokeWidth) };
  });
  let f = await focused();
  assert.equal(f.from, '2024-06', 'with no range chosen, the newest bar');
  assert.notEqual(f.stroke, 'none');
  assert.ok(f.strokeWidth >= 2, `focus ring: ${JSON.stringify(f)}`);
  assert.equal(await readout(page), 'Jun 2024: 4 papers · 2 undated papers, not drawn');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused()).from, '2024-03');
  assert.equal(await readout(page), 'Mar 2024: 5 papers · 2 undated papers, not drawn');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2024-03');
  assert.deepEqual(params(page), { from: '2024-03', to: '2024-03' });
  assert.equal((await focused()).from, '2024-03', 'the focus stays on the bar');
  const entries = await page.evaluate(() => history.length);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2024-05');
  assert.deepEqual(params(page), { from: '2024-03', to: '2024-05' });
  assert.equal(await count(page), 8);
  // Shift+Left goes back towards the start of the extension, then past it.
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2024-02');
  assert.deepEqual(params(page), { from: '2024-02', to: '2024-03' });
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'one extension, one history entry');
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2024-03');
  assert.deepEqual(params(page), { from: '2024-03', to: '2024-03' }, 'Back undoes the whole extension');
  // After Back, the range shown is not the one the extension set: Shift+→ starts a new
  // extension in a new history entry and leaves the one Back returned to as it was.
  const bar = (from) => page.getByTestId('timeline').locator(`[data-testid="timeline-bar"][data-from="${from}"]`);
  await bar('2024-03').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2024-04');
  assert.deepEqual(params(page), { from: '2024-03', to: '2024-04' });
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2024-03');
  assert.deepEqual(params(page), { from: '2024-03', to: '2024-03' }, 'the entry Back returned to is intact');
  await bar('2024-03').focus();
  await page.keyboard.press('Home');
  assert.equal((await focused()).from, '2024-01');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2024-01');
  assert.equal(await count(page), 3);
  assert.equal((await focused()).strokeWidth >= 2, true);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
  assert.equal(await count(page), 17);
});

test('per year over a long span (the bundled snapshot); a click sets that year', async () => {
  const page = await open('', { body: null });
  const got = await bars(page);
  assert.ok(got.length >= 5, `${got.length} bars`);
  assert.ok(got.every((b) => /^\d{4}$/.test(b.from) && b.from === b.to), JSON.stringify(got.map((b) => b.from)));
  assert.match(await page.getByTestId('timeline').getAttribute('aria-label'), /^Papers per year, \d{4} to \d{4}$/);
  const last = got[got.length - 1];
  await page.getByTestId('timeline-bar').last().click();
  await page.waitForFunction((y) => new URL(location.href).searchParams.get('to') === y, last.to);
  assert.equal(await count(page), last.count);
});

test('timeline=0 hides it; embeds show it with their toolbar, not without', async () => {
  let page = await open('?timeline=0', { ready: null });
  assert.equal(await page.getByTestId('timeline').count(), 0);
  page = await open('?embed=1&q=study', { ready: 'timeline' });
  assert.equal((await bars(page)).length, 6);
  await page.getByTestId('timeline-bar').nth(5).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2024-06');
  assert.equal(await cardCount(page), 4);
  assert.equal(await page.getByTestId('show-more').count(), 0, 'the 4 are all (an embed shows no count)');
  page = await open('?embed=1&timeline=0', { ready: null });
  assert.equal(await page.getByTestId('timeline').count(), 0);
  page = await open('?embed=1&controls=0', { ready: null });
  assert.equal(await page.getByTestId('timeline').count(), 0);
});

test('screenshots: light and dark, desktop and a 390 px phone, with a range chosen', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1100, 390]) {
      const page = await open('?from=2024-03&to=2024-05', { scheme, width });
      const got = await bars(page);
      for (const b of got.filter((b) => b.count > 0)) assert.ok(b.width >= 4 && b.height >= 2, `${scheme} ${width}: ${b.from}`);
      const box = await page.getByTestId('timeline').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `fits the ${width} px screen`);
      const name = `timeline-${scheme}-${width === 390 ? 'phone' : 'desktop'}-range`;
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await screenshot(page, name, { fullPage: false });
    }
  }
});

test('a range that cuts a bar (a day, as "Last 7 days" sets) is named as chosen and counted as the results are', async () => {
  // March has papers on its 1st to 5th; from the 3rd, three of them.
  const page = await open('?from=2024-03-03&to=2024-03-31');
  assert.equal(await count(page), 3);
  assert.equal(await readout(page), 'Mar 3, 2024 – Mar 31, 2024: 3 papers · 2 undated papers, not drawn');
  const march = (await bars(page)).find((b) => b.from === '2024-03');
  assert.deepEqual([march.count, march.pressed], [5, 'true'], 'the bar keeps its month, highlighted');
  // Open-ended, and one the results do not reach.
  const since = await open('?from=2024-06-03');
  assert.equal(await readout(since), `Since Jun 3, 2024: ${await count(since)} papers · 2 undated papers, not drawn`);
  // The results do not reach it: no card, and the readout says none.
  const beyond = await open('?from=2025-01-01', { card: false, ready: 'timeline-readout' });
  assert.match(await readout(beyond), /^Since Jan 1, 2025: 0 papers/);
  assert.equal(await count(beyond), 0);
});
