// A lab's publication page (issue #10): facets by topic, type, venue and author, grouping
// by year, removable filter chips, members' names in bold, author names that filter, on a
// real lab BibTeX import (the Wölflein golden) and on 10,049 generated papers with over
// 100,000 distinct author names.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, serveStatic, launchBrowser, screenshot, loadAllCards, snapshotJson, panelsFollowed } from './harness.mjs';

const LAB = JSON.parse(readFileSync(path.join(ROOT, 'crates/cli/tests/data/golden/bibtex-strings-accents-wolflein.json'), 'utf8'));
// The lab's members, spelled as a lab would: one with the accent, one in "Family, Given" form.
LAB.highlight_authors = ['Georg Wölflein', 'Kather, Jakob Nikolas'];
const LAB_JSON = JSON.stringify(LAB);

let browser;
const cleanups = [];
before(async () => { browser = await launchBrowser(); });
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });
after(async () => { await browser?.close(); });

async function open(body, query = '', { width, scheme } = {}) {
  const server = await serveStatic(DIST, { overrides: { 'papers.json': { body } } });
  const page = await browser.newPage();
  cleanups.push(async () => { await page.close(); await server.close(); });
  if (width) await page.setViewportSize({ width, height: 844 });
  if (scheme) await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.url + query);
  await page.getByTestId('paper-card').first().waitFor();
  return page;
}

const count = async (page) => Number((await page.getByTestId('result-count').textContent()).replaceAll(',', ''));
const params = (page) => new URL(page.url()).searchParams;
const chips = (page) => page.getByTestId('filter-chip').locator('.chip-label').allTextContents();

test('a list filtered by a person shows that person on every card, marked, however far down the list of authors', async () => {
  // Daniel Truhn is past the third author on most of his papers, which a card shortens to
  // three names and "+N"; "D. Truhn" is the same person by the name rule.
  const page = await open(LAB_JSON, '?author=D.+Truhn');
  const n = await count(page);
  assert.ok(n >= 8, `${n} papers`);
  assert.equal(await loadAllCards(page), n);
  const lines = await page.getByTestId('paper-card').evaluateAll((cards) => cards.map((card) => {
    const mark = card.querySelector('.authors mark');
    const box = mark?.getBoundingClientRect();
    return {
      id: card.dataset.paperId,
      marked: mark?.textContent ?? null,
      background: mark ? getComputedStyle(mark).backgroundColor : null,
      visible: Boolean(box && box.width > 0 && box.height > 0),
    };
  }));
  for (const line of lines) {
    assert.equal(line.marked, 'Daniel Truhn', `${line.id}: the chosen name is on the card`);
    assert.ok(line.visible, `${line.id}: and laid out`);
    assert.notEqual(line.background, 'rgba(0, 0, 0, 0)', `${line.id}: and marked`);
  }
  await screenshot(page, 'lab-author-chosen', { fullPage: false });
  // In the list layout on a phone, the chosen name lengthens each row's line, which wraps
  // instead of pushing the page sideways; the mark is readable in the dark theme too.
  const phone = await open(LAB_JSON, '?author=D.+Truhn&view=list&theme=dark', { width: 360, scheme: 'dark' });
  await phone.locator('.paper-row mark').first().waitFor();
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
  const colors = await phone.locator('.paper-row mark').first().evaluate((m) => [getComputedStyle(m).color, getComputedStyle(document.querySelector('.row-title')).color]);
  assert.equal(colors[0], colors[1], 'the marked name in the main text colour');
  // Without the filter, no name is marked.
  await page.getByTestId('filter-chip').filter({ hasText: 'Truhn' }).locator('button').click();
  await page.waitForFunction(() => !document.querySelector('.paper-card .authors mark'));
});

test('a search by author marks the words it matched in the names, and shows a name it matched (author:, or whole words) however far down the list', async () => {
  // "author:truh" is a prefix of Truhn, who is past the third author on most of his papers.
  const page = await open(LAB_JSON, '?q=author%3Atruh');
  const n = await count(page);
  assert.ok(n >= 8, `${n} papers`);
  assert.equal(await loadAllCards(page), n);
  const lines = await page.getByTestId('paper-card').evaluateAll((cards) => cards.map((card) => {
    const marks = [...card.querySelectorAll('.authors mark')];
    const box = marks[0]?.getBoundingClientRect();
    return {
      id: card.dataset.paperId,
      marked: marks.map((m) => m.textContent),
      name: marks[0]?.closest('.author-name')?.dataset.author ?? null,
      background: marks[0] ? getComputedStyle(marks[0]).backgroundColor : null,
      visible: Boolean(box && box.width > 0 && box.height > 0),
    };
  }));
  for (const line of lines) {
    assert.deepEqual(line.marked, ['Truhn'], `${line.id}: the matched word of the name, and only it`);
    assert.match(line.name, /Truhn/, `${line.id}: inside the name's button`);
    assert.ok(line.visible, `${line.id}: laid out`);
    assert.notEqual(line.background, 'rgba(0, 0, 0, 0)', `${line.id}: marked as a title's words are`);
  }
  await screenshot(page, 'lab-author-search', { fullPage: false });
  const namesOf = () => page.getByTestId('paper-card').evaluateAll((cards) => Object.fromEntries(
    cards.map((c) => [c.dataset.paperId, [...c.querySelectorAll('.authors .author-name')].map((b) => b.dataset.author)]),
  ));
  const sought = await namesOf();
  // A search of every field marks the names the card shows ("kather")…
  await page.getByTestId('search-input').fill('kather');
  await page.waitForFunction(() => location.search === '?q=kather');
  const marked = await page.locator('.paper-card .authors mark').allTextContents();
  assert.ok(marked.length > 0 && marked.every((t) => t === 'Kather'), marked.join());
  // …shows a name it matched whole words of, as an author: search does ("truhn")…
  await page.getByTestId('search-input').fill('truhn');
  await page.waitForFunction(() => location.search === '?q=truhn');
  await loadAllCards(page);
  const whole = await namesOf();
  for (const [id, names] of Object.entries(whole)) assert.deepEqual(names, sought[id], `${id}: Truhn shown`);
  // …and, for a word still being typed ("truh"), pulls in no name (a line does not grow
  // with every letter).
  await page.getByTestId('search-input').fill('truh');
  await page.waitForFunction(() => location.search === '?q=truh');
  await loadAllCards(page);
  const typing = await namesOf();
  const pulledIn = Object.keys(typing).filter((id) => !typing[id].some((n) => /Truhn/.test(n)));
  assert.ok(pulledIn.length > 0, 'some cards do not show Truhn for a prefix');
  for (const id of pulledIn) {
    assert.deepEqual(sought[id].filter((n) => !/Truhn/.test(n)), typing[id], `${id}: the same names, and Truhn only once a word matches`);
  }
  // A phrase that skips a middle name matches nothing; the page offers its words apart.
  await page.getByTestId('search-input').fill('author:"jakob kather"');
  const suggestion = page.getByTestId('suggestion');
  await suggestion.first().waitFor();
  assert.deepEqual(await suggestion.allTextContents(), ['author:jakob author:kather']);
  await suggestion.first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'author:jakob author:kather');
  assert.ok((await count(page)) > 0);
  // Without the search, no name is marked.
  await page.getByTestId('search-input').fill('');
  await page.waitForFunction(() => !document.querySelector('.paper-card .authors mark'));
});

test('on a phone, the open filter panel ends with "Show N papers", in view, which folds it and shows the results', async () => {
  const page = await open(LAB_JSON, '', { width: 390 });
  const button = page.getByTestId('show-results');
  assert.equal(await button.count(), 0, 'not built while the panel is folded');
  await page.locator('.filters summary').click();
  await button.waitFor();
  assert.equal(await button.textContent(), `Show ${LAB.papers.length} papers`);
  // A topic chosen far above the results: the button says what it gives at once.
  await page.locator('[data-testid="tag-facet"] [data-value="selected"]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('tag'));
  const n = await count(page);
  assert.ok(n > 0 && n < LAB.papers.length);
  await page.waitForFunction((n) => document.querySelector('[data-testid="show-results"]').textContent === `Show ${n} paper${n === 1 ? '' : 's'}`, n);
  // Kept in view while the panel scrolls under it, readable, and the papers still far below.
  await page.evaluate(() => window.scrollBy(0, 300));
  // The panel goes on below the screen, so only stickiness keeps the button in view.
  const panelBottom = await page.locator('.filters details').evaluate((d) => d.getBoundingClientRect().bottom);
  assert.ok(panelBottom > 844 + 100, `the panel ends at ${Math.round(panelBottom)} px`);
  const box = await button.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 844, `the button at ${Math.round(box.y)} px`);
  const look = await button.evaluate((b) => ({ color: getComputedStyle(b).color, position: getComputedStyle(b).position }));
  assert.equal(look.position, 'sticky');
  assert.notEqual(look.color, 'rgb(0, 0, 0)');
  await screenshot(page, 'filters-show-results-phone', { fullPage: false });
  await button.click();
  assert.equal(await page.locator('.filters details').evaluate((d) => d.open), false, 'the panel folds');
  const summary = await page.locator('.result-summary').boundingBox();
  assert.ok(summary.y >= 0 && summary.y < 844, `the results' count at ${Math.round(summary.y)} px`);
  // Beside the results (a wide page) the panel stays open and needs no such button.
  const wide = await open(LAB_JSON, '', { width: 1100 });
  assert.equal(await wide.getByTestId('show-results').count(), 0);
});

test('group=year: a heading per year, newest first, with counts that add up to the results', async () => {
  const page = await open(LAB_JSON, '?group=year');
  await loadAllCards(page);
  const headings = page.getByTestId('group-heading');
  const groups = await headings.evaluateAll((hs) => hs.map((h) => [h.dataset.group, Number(h.dataset.count)]));
  const years = [...new Set(LAB.papers.map((p) => p.published?.slice(0, 4)))].sort().reverse();
  assert.deepEqual(groups.map(([g]) => g), years);
  for (const [year, n] of groups) {
    assert.equal(n, LAB.papers.filter((p) => p.published?.startsWith(year)).length, year);
  }
  assert.equal(groups.reduce((a, [, n]) => a + n, 0), await count(page));
  // Each card comes after its own year's heading.
  const order = await page.locator('.paper-list > li').evaluateAll((lis) => lis.map((li) => {
    const h = li.querySelector('[data-testid="group-heading"]') ?? (li.matches('[data-testid="group-heading"]') ? li : null);
    return h ? `# ${h.dataset.group}` : li.querySelector('time')?.getAttribute('datetime')?.slice(0, 4);
  }));
  let current = null;
  for (const item of order) {
    if (item.startsWith('# ')) current = item.slice(2); else assert.equal(item, current, order.join(' '));
  }
  // A heading reads as one: larger and bolder than a card's text, with its count.
  const first = headings.first().locator('h2');
  const style = await first.evaluate((h) => ({ size: parseFloat(getComputedStyle(h).fontSize), weight: Number(getComputedStyle(h).fontWeight) }));
  assert.ok(style.size >= 18 && style.weight >= 600, JSON.stringify(style));
  assert.match(await first.textContent(), /^2025\s*4 papers$/);
  await screenshot(page, 'lab-grouped-by-year');
});

test('group=kind in the list layout and group=venue: headings in the documented order', async () => {
  const page = await open(LAB_JSON, '?group=kind&view=list');
  await loadAllCards(page);
  const kinds = await page.getByTestId('group-heading').evaluateAll((hs) => hs.map((h) => h.dataset.group));
  const order = ['article', 'conference', 'preprint', 'thesis', 'book', 'chapter', 'report', 'talk', 'other'];
  assert.deepEqual(kinds, order.filter((k) => LAB.papers.some((p) => p.kind === k)));
  assert.equal(await page.locator('.paper-row').count(), LAB.papers.length, 'list rows under the headings');
  assert.equal(await page.getByTestId('group-select').inputValue(), 'kind');
  const venues = await open(LAB_JSON, '?group=venue');
  await loadAllCards(venues);
  const groups = await venues.getByTestId('group-heading').evaluateAll((hs) => hs.map((h) => [h.dataset.group, Number(h.dataset.count)]));
  assert.deepEqual(groups[0], ['MICCAI', 2], 'the venue with the most papers first');
  assert.equal(groups.at(-1)[0], 'none');
  assert.equal(await venues.getByTestId('group-heading').last().locator('h2').textContent(), `No venue${groups.at(-1)[1]} papers`);
});

test('members are bold and announced on every card that lists them, even far down a long list', async () => {
  const page = await open(LAB_JSON, '?q=author%3Akather');
  await loadAllCards(page);
  const cards = page.getByTestId('paper-card');
  const n = await cards.count();
  assert.ok(n >= 5, `${n} cards`);
  for (let i = 0; i < n; i += 1) {
    const names = await cards.nth(i).locator('[data-highlighted]').allTextContents();
    assert.ok(names.includes('Jakob Nikolas Kather'), `card ${i}: ${names}`);
  }
  // The 14-author paper shows three names, then the member who comes last.
  const long = page.locator('[data-paper-id="2404.04667"]');
  assert.match(await long.locator('.authors').textContent(), /^Dyke Ferber, Omar S\. M\. El Nahhas, Georg Wölflein \(lab member\), …, Jakob Nikolas Kather \(lab member\) \+10$/);
  const bold = await long.locator('[data-highlighted]').first().evaluate((el) => Number(getComputedStyle(el).fontWeight));
  assert.ok(bold >= 700, `font-weight ${bold}`);
  const hidden = await long.locator('.author-name .visually-hidden').first().evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(hidden <= 1, 'the "(lab member)" text is for screen readers only');
  await screenshot(page, 'lab-members-bold', { fullPage: false });
});

test('an authors line never starts a line with a comma, at any phone width', async () => {
  const page = await open(LAB_JSON, '', { width: 320 });
  await loadAllCards(page);
  const broken = [];
  for (let width = 320; width <= 480; width += 8) {
    await page.setViewportSize({ width, height: 844 });
    broken.push(...await page.evaluate((width) => {
      const found = [];
      for (const line of document.querySelectorAll('[data-testid="paper-card"] .authors')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const at = text.data.indexOf(',');
          if (at !== 0) continue;
          // A comma that begins its text node follows a name's button: the two share a line.
          const comma = document.createRange();
          comma.setStart(text, 0);
          comma.setEnd(text, 1);
          const name = text.previousSibling ?? text.parentElement.previousElementSibling;
          const nameRects = name?.getClientRects?.();
          if (!nameRects?.length) continue;
          const nameLine = nameRects[nameRects.length - 1];
          const commaLine = comma.getClientRects()[0];
          const sameLine = commaLine && commaLine.top < nameLine.bottom && commaLine.bottom > nameLine.top && commaLine.left >= nameLine.right - 1;
          if (commaLine && !sameLine) found.push(`${width} px: "${name.textContent}" then a comma on the next line`);
        }
      }
      return found;
    }, width));
  }
  assert.deepEqual(broken.slice(0, 5), []);
});

test('topic, type and venue facets filter with counts, and each filter is a removable chip', async () => {
  const page = await open(LAB_JSON);
  const selected = LAB.papers.filter((p) => p.tags?.includes('selected')).length;
  const tag = page.locator('[data-testid="tag-facet"] [data-value="selected"]');
  assert.equal(Number(await tag.locator('.facet-count').textContent()), selected);
  await tag.click();
  await page.waitForURL(/tag=selected/);
  assert.equal(await count(page), selected);
  assert.deepEqual(await chips(page), ['Topic: selected']);
  // The type facet counts within the selected papers; choosing one narrows further.
  const conference = page.locator('[data-testid="kind-facet"] [data-value="conference"]');
  const both = LAB.papers.filter((p) => p.tags?.includes('selected') && p.kind === 'conference').length;
  await panelsFollowed(page);
  assert.equal(Number(await conference.locator('.facet-count').textContent()), both);
  await conference.click();
  await page.waitForURL(/kind=conference/);
  assert.equal(await count(page), both);
  assert.deepEqual(await chips(page), ['Topic: selected', 'Type: Conference paper']);
  // A chip looks like one: a rounded, bordered pill.
  const pill = await page.getByTestId('filter-chip').first().evaluate((c) => ({ r: parseFloat(getComputedStyle(c).borderTopLeftRadius), b: getComputedStyle(c).borderTopStyle }));
  assert.ok(pill.r >= 10 && pill.b === 'solid', JSON.stringify(pill));
  await screenshot(page, 'lab-chips', { fullPage: false });
  await page.getByTestId('filter-chip').filter({ hasText: 'Topic' }).getByTestId('filter-chip-remove').click();
  await page.waitForURL((u) => !u.search.includes('tag='));
  assert.equal(params(page).get('kind'), 'conference');
  assert.equal(await count(page), LAB.papers.filter((p) => p.kind === 'conference').length);
  // Back undoes the removal.
  await page.goBack();
  await page.waitForURL(/tag=selected/);
  assert.equal(await count(page), both);
  await page.getByTestId('clear-all').click();
  await page.waitForURL((u) => u.search === '');
  assert.equal(await count(page), LAB.papers.length);
  assert.equal(await page.getByTestId('filter-chip').count(), 0);
  // The venue badge filters by its venue.
  const badge = page.getByTestId('venue-badge').filter({ hasText: /^MICCAI$/ }).first();
  const badgeStyle = await badge.evaluate((b) => getComputedStyle(b).borderTopStyle);
  assert.equal(badgeStyle, 'solid');
  await badge.click();
  await page.waitForURL(/venue=MICCAI/);
  assert.equal(await count(page), 2);
});

test('clicking an author on a card shows that person\'s papers, every spelling of the name', async () => {
  const page = await open(LAB_JSON);
  const name = page.locator('[data-author="Marta Ligero"]').first();
  await name.click();
  await page.waitForURL(/author=Marta\+Ligero/);
  const expected = LAB.papers.filter((p) => p.authors?.some((a) => /Ligero/.test(a))).length;
  assert.equal(await count(page), expected);
  assert.deepEqual(await chips(page), ['Author: Marta Ligero']);
  // The author facet lists the chosen name first, pressed.
  const entry = page.locator('[data-testid="author-name-facet"] [aria-pressed="true"]');
  assert.equal(await entry.getAttribute('data-value'), 'Marta Ligero');
  // A member's initial-and-accentless spelling finds all of the member's papers.
  const variant = await open(LAB_JSON, '?author=G.+Wolflein');
  const wolflein = LAB.papers.filter((p) => p.authors?.some((a) => /W[öo]lflein/.test(a))).length;
  assert.equal(await count(variant), wolflein);
  const chosen = variant.locator('[data-testid="author-name-facet"] [aria-pressed="true"]');
  assert.equal(await chosen.getAttribute('data-value'), 'G. Wolflein');
  assert.equal(Number(await chosen.locator('.facet-count').textContent()), wolflein, 'the chosen name counts every spelling');
  // Unfiltered, the member is one facet entry, under the name highlight_authors gives.
  const all = await open(LAB_JSON);
  const member = all.locator('[data-testid="author-name-facet"] [data-value="Georg Wölflein"] .facet-count');
  assert.equal(Number(await member.textContent()), wolflein);
});

test('an embed groups by year with no controls: the one line a lab homepage needs', async () => {
  const page = await open(LAB_JSON, '?embed=1&controls=0&group=year&tag=selected');
  await loadAllCards(page);
  const groups = await page.getByTestId('group-heading').evaluateAll((hs) => hs.map((h) => h.dataset.group));
  assert.ok(groups.length >= 2, groups.join(' '));
  assert.equal(await page.getByTestId('filter-chip').count(), 0, 'an embed shows no chips');
  assert.equal(await page.getByTestId('paper-card').count(), LAB.papers.filter((p) => p.tags?.includes('selected')).length);
  await screenshot(page, 'lab-embed-selected-by-year');
});

test('screenshots: a lab page on a phone and on a desktop, light and dark', async () => {
  for (const [width, scheme] of [[390, 'light'], [390, 'dark'], [1100, 'dark'], [1100, 'light']]) {
    const page = await open(LAB_JSON, '?group=year&tag=selected', { width, scheme });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width}px ${scheme}: the page is ${overflow}px wider than the screen`);
    await screenshot(page, `lab-${width}-${scheme}`, { fullPage: false });
  }
});

// 10,049 papers with ten authors each, nearly every name distinct: the author facet must
// stay usable (top names, a filter box) at the scale of the real Hugging Face snapshot.
function manyPapers() {
  const given = ['Ana', 'Bo', 'Chen', 'Dara', 'Eli', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea'];
  const papers = [];
  for (let i = 0; i < 10049; i += 1) {
    const authors = [];
    for (let k = 0; k < 10; k += 1) authors.push(`${given[(i + k) % given.length]} Family${i * 10 + k}`);
    if (i % 7 === 0) authors.unshift('Prolific Person');
    papers.push({
      id: `p${i}`,
      title: `Paper number ${i} on topic ${i % 13}`,
      authors,
      published: `${2024 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-01`,
      tags: [`topic ${i % 13}`],
    });
  }
  return snapshotJson(papers);
}

test('10,049 papers and 100,000+ names: the author facet shows the top names and finds any other', async () => {
  const page = await open(manyPapers(), '?group=year');
  const facet = page.getByTestId('author-name-facet');
  assert.equal(await facet.locator('button').first().getAttribute('data-value'), 'Prolific Person');
  assert.match(await page.locator('.value-facet .facet-note').last().textContent(), /^Top 8 of 100,\d{3} authors in the collection$/);
  // Counts are written as the static page and the timeline write them.
  assert.equal(await page.locator('.result-summary .count').textContent(), '10,049 papers, newest');
  await page.getByTestId('author-name-facet-filter').fill('family12345');
  await facet.locator('[data-value="Dara Family12345"]').waitFor();
  assert.deepEqual(await facet.locator('button').evaluateAll((bs) => bs.map((b) => b.dataset.value)), ['Dara Family12345']);
  await facet.locator('[data-value="Dara Family12345"]').click();
  await page.waitForURL(/author=Dara\+Family12345/);
  assert.equal(await count(page), 1);
  assert.equal(await page.getByTestId('paper-card').first().getAttribute('data-paper-id'), 'p1234');
  assert.deepEqual(await chips(page), ['Author: Dara Family12345']);
  const groups = await page.getByTestId('group-heading').evaluateAll((hs) => hs.map((h) => `${h.dataset.group} ${h.dataset.count}`));
  assert.deepEqual(groups, ['2025 1']);
  // The topic facet, the click on a card's author and the chips work at this size too.
  await page.getByTestId('clear-all').click();
  await page.locator('[data-testid="tag-facet"] [data-value="topic 3"]').click();
  await page.waitForURL(/tag=topic\+3/);
  assert.equal(await count(page), Array.from({ length: 10049 }, (_, i) => i).filter((i) => i % 13 === 3).length);
  await page.locator('[data-author="Prolific Person"]').first().click();
  await page.waitForURL(/author=Prolific\+Person/);
  assert.equal(await count(page), Array.from({ length: 10049 }, (_, i) => i).filter((i) => i % 13 === 3 && i % 7 === 0).length);
  await screenshot(page, 'lab-10k-author-facet', { fullPage: false });
});
