// A new answer keeps the cards of the papers still listed (moved to their new places) and
// refills the cards of papers that left with the papers that came, in place, instead of
// building new ones (the core's `CardReuse`). What a reader must never see is a card that
// mixes two papers, so every card the keystrokes leave is compared, element by element,
// with the card a fresh page builds for the same link.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serveStatic, launchBrowser, snapshotJson, listSettled } from './harness.mjs';

const LONG = 'A long abstract about retrieval, repeated so that the card clamps it and shows a toggle. ';
// Papers unlike each other in every part a card may have or lack: names or a count,
// upvotes, citations, a venue line (badge, kind, venue), a long, short or no abstract, and
// links of different kinds and numbers. Sorted by date, the order the first view shows.
const PAPERS = [
  {
    id: 'p1', title: 'Retrieval models for everyone', abstract: LONG.repeat(8), published: '2025-06-30',
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'], upvotes: 40,
    links: { arxiv: 'https://arxiv.org/abs/2501.00001', code: 'https://github.com/example/p1' },
  },
  { id: 'p2', title: 'A survey of graph models', abstract: 'Short graph abstract.', published: '2025-06-29', author_count: 7 },
  {
    id: 'p3', title: 'Retrieval at scale, with a venue', abstract: 'Retrieval retrieval retrieval, briefly.', published: '2025-06-28',
    authors: ['Donald Knuth'], venue: 'Conference on Things', venue_short: 'COT', kind: 'conference', citations: 12, upvotes: 3,
    links: { pdf: 'https://example.org/p3.pdf' },
  },
  { id: 'p4', title: 'Untitled thoughts on models', published: '2025-06-27', author_count: 1, citations: 0 },
  {
    id: 'p5', title: 'Graph retrieval models', abstract: LONG.repeat(6), published: '2025-06-26',
    authors: ['Frances Allen', 'John Backus'], kind: 'preprint', upvotes: 1,
    links: { project: 'https://example.org/p5', hf: 'https://huggingface.co/papers/p5', video: 'https://example.org/p5.mp4' },
  },
  { id: 'p6', title: 'Retrieval, once more', abstract: 'Retrieval again.', published: '2025-06-25', authors: ['Ken Thompson', 'Dennis Ritchie'], upvotes: 900 },
  { id: 'p7', title: 'Models of graphs', abstract: LONG.repeat(5), published: '2025-06-24', author_count: 30, venue: 'Journal of Graphs' },
  { id: 'p8', title: 'Retrieval-augmented graph models', abstract: 'A graph of retrieval.', published: '2025-06-23', authors: ['Leslie Lamport', 'Donald Knuth'], venue_short: 'JG', links: { doi: 'https://doi.org/10.1/p8' } },
];

let browser;
let server;
const cleanups = [];
before(async () => {
  browser = await launchBrowser();
  server = await serveStatic(DIST, { overrides: { 'papers.json': { body: snapshotJson(PAPERS) } } });
});
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(query = '') {
  const page = await browser.newPage();
  cleanups.push(() => page.close());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto(server.url + query);
  await page.getByTestId('paper-card').first().waitFor();
  await listSettled(page);
  return { page, errors };
}

/** Every card as a person would see it: each element's tag, attributes and text, in order
 *  (comments, which the renderer uses as markers, left out), and `was`: the paper its
 *  element showed when `markCards` last ran (null for an element made since). */
function readCards(page) {
  return page.evaluate(() => {
    const read = (node) => {
      const parts = [];
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (child.data === '') continue;
          if (typeof parts.at(-1) === 'string') parts[parts.length - 1] += child.data;
          else parts.push(child.data);
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const attrs = [...child.attributes].map((a) => `${a.name}=${a.value}`).sort();
          parts.push({ tag: child.tagName.toLowerCase(), attrs, children: read(child) });
        }
      }
      return parts;
    };
    return [...document.querySelectorAll('[data-testid="paper-card"]')].map((card) => {
      return { id: card.dataset.paperId, was: card.markedPaper ?? null, dom: JSON.stringify(read(card.parentElement)) };
    });
  });
}

/** Marks each card element with the paper it shows (an expando, not an attribute: it must
 *  not show up in what `readCards` compares). */
async function markCards(page) {
  await page.evaluate(() => {
    document.querySelectorAll('[data-testid="paper-card"]').forEach((card) => {
      card.markedPaper = card.dataset.paperId;
    });
  });
}

async function typeQuery(page, text) {
  const input = page.getByTestId('search-input');
  for (let i = 1; i <= text.length; i++) {
    await input.fill(text.slice(0, i));
    await listSettled(page);
  }
}

async function expectLikeFresh(page, cards, what) {
  // The link the page shares by now (the address bar follows typing a moment later).
  const query = await page.getByTestId('search-input').inputValue();
  await page.waitForFunction((q) => (new URLSearchParams(location.search).get('q') ?? '') === q, query);
  const fresh = await open(new URL(page.url()).search);
  const built = await readCards(fresh.page);
  assert.deepEqual(cards.map((c) => c.id), built.map((c) => c.id), `${what}: the same papers in the same order`);
  cards.forEach((card, i) => assert.equal(card.dom, built[i].dom, `${what}: card ${i} (${card.id}) is what a fresh page builds`));
  assert.deepEqual(fresh.errors, []);
  await fresh.page.close();
  // A page behind another tab gets no frames, and the list grows only in frames.
  await page.bringToFront();
}

for (const layout of ['cards', 'list']) {
  test(`${layout}: a keystroke keeps or refills the cards, and each shows its paper whole, as a fresh page would`, async () => {
    const { page, errors } = await open(layout === 'list' ? '?view=list' : '');
    const first = await readCards(page);
    assert.equal(first.length, PAPERS.length, 'a tall screen shows all 8');
    await markCards(page);
    // Each step puts other papers in the first places (by relevance), then fewer of them.
    for (const query of ['retrieval', 'graph models', 'models', 'untitled']) {
      const clear = async () => {
        await page.getByTestId('search-input').fill('');
        await listSettled(page);
        await markCards(page);
      };
      // At once from all 8: the first page's papers were all listed, and each keeps its
      // card, moved to its new place.
      await clear();
      await page.getByTestId('search-input').fill(query);
      await listSettled(page);
      const moved = (await readCards(page)).slice(0, 4);
      assert.deepEqual(moved.map((c) => c.was), moved.map((c) => c.id), `${query}: each paper kept its card`);
      // A character at a time, each answer checked against a fresh page below.
      await clear();
      await typeQuery(page, query);
      const cards = await readCards(page);
      assert.ok(cards.length > 0, `${query}: some papers match`);
      await expectLikeFresh(page, cards, `${layout}, ${query}`);
    }
    // Papers that came take the cards of papers that left: from `graph` (p2, p5, p7, p8)
    // to `retrieval`, whose first page has p5 and p8 and two papers new to the list.
    await page.getByTestId('search-input').fill('graph');
    await listSettled(page);
    await markCards(page);
    const before = (await readCards(page)).map((c) => c.id);
    await page.getByTestId('search-input').fill('retrieval');
    await listSettled(page);
    const refilled = (await readCards(page)).slice(0, 4);
    const ids = refilled.map((c) => c.id);
    for (const card of refilled) {
      if (before.includes(card.id)) assert.equal(card.was, card.id, `${card.id} kept its card`);
      else assert.ok(card.was !== null && !ids.includes(card.was), `${card.id} took the card of a paper that left (${card.was}): ${JSON.stringify(refilled)}`);
    }
    assert.ok(refilled.some((c) => !before.includes(c.id)), `some papers came: ${before} → ${ids}`);
    await expectLikeFresh(page, await readCards(page), `${layout}, refilled`);
    // Back to every paper: the cards dropped by the last query come back as new ones.
    await page.getByTestId('search-input').fill('');
    await listSettled(page);
    await expectLikeFresh(page, await readCards(page), `${layout}, cleared`);
    assert.deepEqual(errors, []);
  });
}

test('an embed of 3 cards refills all 3 when a keystroke replaces its papers', async () => {
  // The rows stay cards 0, 1 and 2 whatever the answer: only the papers in them change.
  const { page, errors } = await open('?embed=1&limit=3');
  assert.deepEqual((await readCards(page)).map((c) => c.id), ['p1', 'p2', 'p3']);
  await markCards(page);
  await page.getByTestId('search-input').fill('graph');
  await page.waitForFunction(() => document.querySelector('[data-testid="paper-card"]')?.dataset.paperId !== 'p1');
  await listSettled(page);
  const cards = await readCards(page);
  assert.equal(cards.length, 3);
  assert.ok(cards.every((c) => c.was !== null), 'the same three cards');
  assert.ok(cards.some((c) => c.was !== c.id), `other papers in them: ${JSON.stringify(cards.map((c) => [c.id, c.was]))}`);
  assert.ok((await page.locator('[data-testid="paper-card"] mark').count()) > 0, 'the new query is highlighted');
  await expectLikeFresh(page, cards, 'embed of 3');
  assert.deepEqual(errors, []);
});

test('an expanded abstract stays with its paper when a keystroke moves it, and the paper in its old place starts clamped', async () => {
  const { page, errors } = await open();
  const card = (id) => page.locator(`[data-testid="paper-card"][data-paper-id="${id}"]`);
  const p1Toggle = card('p1').getByTestId('abstract-toggle');
  await p1Toggle.click();
  assert.equal(await p1Toggle.getAttribute('aria-expanded'), 'true');
  // `graph` leaves p1 out; `retrieval models` brings it back, no longer first.
  await typeQuery(page, 'graph');
  const ids = (await readCards(page)).map((c) => c.id);
  assert.ok(!ids.includes('p1'), `p1 does not match "graph": ${ids}`);
  const firstNow = page.getByTestId('paper-card').first();
  const firstId = await firstNow.getAttribute('data-paper-id');
  if (await firstNow.getByTestId('abstract-toggle').isVisible()) {
    assert.equal(await firstNow.getByTestId('abstract-toggle').getAttribute('aria-expanded'), 'false', `${firstId}, in p1's old place, is clamped`);
    assert.ok(await firstNow.getByTestId('abstract').evaluate((p) => p.classList.contains('clamped')));
  }
  await page.getByTestId('search-input').fill('retrieval');
  await listSettled(page);
  const again = (await readCards(page)).map((c) => c.id);
  assert.ok(again.includes('p1') && again[0] !== 'p1', `p1 is back in another place: ${again}`);
  assert.equal(await p1Toggle.getAttribute('aria-expanded'), 'true', 'p1 is still expanded');
  const abstract = card('p1').getByTestId('abstract');
  assert.ok(!(await abstract.evaluate((p) => p.classList.contains('clamped'))), 'and not clamped');
  assert.equal((await abstract.textContent()).trim(), PAPERS[0].abstract.trim(), 'its whole abstract shows');
  assert.deepEqual(errors, []);
});

test('a focused control follows its paper to its new place, and is never left on another paper', async () => {
  const { page, errors } = await open();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { paper: el?.closest('[data-testid="paper-card"]')?.dataset.paperId ?? null, text: el?.textContent ?? '' };
  });
  // p8 is last; its second author, Donald Knuth, also wrote p3, which is newer: filtering
  // by him puts p8 in the second place.
  const knuth = page.locator('[data-paper-id="p8"] [data-author="Donald Knuth"]');
  await knuth.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]').textContent === '2');
  await listSettled(page);
  assert.deepEqual((await readCards(page)).map((c) => c.id), ['p3', 'p8']);
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="paper-card"]')?.dataset.paperId === 'p8');
  assert.deepEqual(await focused(), { paper: 'p8', text: 'Donald Knuth' }, 'the focus is on the same name of the same paper, in its new place');
  // A badge that filters to its one paper: the place it was in goes, and the focus goes
  // with the paper to the first place.
  await page.keyboard.press('Escape');
  await page.getByTestId('search-input').fill('');
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]').textContent === '8');
  await listSettled(page);
  const badge = page.locator('[data-paper-id="p3"] [data-testid="venue-badge"]');
  await badge.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]').textContent === '1');
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="paper-card"]')?.dataset.paperId === 'p3');
  assert.deepEqual(await focused(), { paper: 'p3', text: 'COT' });
  // A click on empty space lets the focus go: the next answer (Back) does not pull it back.
  await page.mouse.click(5, 5);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]').textContent !== '1');
  await listSettled(page);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'the focus stays where the reader left it');
  assert.deepEqual(errors, []);
});
