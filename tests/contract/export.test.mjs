// A second opinion on `paperdeck export`: citation-js (what many reference tools build
// on) reads the BibTeX and RIS the command writes for the bundled snapshots and for
// hostile text, and finds every paper with its title, authors and DOI unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { scratchDir } from '../browser/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TMP = scratchDir('paperdeck-export-');

/** Runs `paperdeck export SNAPSHOT --format FORMAT` and gives what it wrote. */
function exported(snapshot, format) {
  const out = path.join(TMP, `out.${format}`);
  execFileSync('cargo', ['run', '-q', '--locked', '-p', 'paperdeck-cli', '--', 'export', snapshot, '--format', format, '-o', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return readFileSync(out, 'utf8');
}

const oneLine = (s) => s.split(/\s+/u).filter(Boolean).join(' ');

const HOSTILE = [
  'Braces {kept} and {unbalanced',
  'closing} first {then',
  '50% & $5 and $10 #1 a_b ~x^y',
  String.raw`back\slash \'e \textbf{x} \\ end\ `,
  `"double" 'single' ''two'' \`\`three\`\` \`one\``,
  'dashes -- and --- and -',
  'line\nbreak\r\nand\ttab  double  space',
  'comma, semicolon; colon: [brackets] (parens) <angle>',
  'Wölflein — 深度学习 — ÆØÅ',
  '@article{x, title = {injected}}',
  'TY  - JOUR\nER  - ',
  'Long title '.repeat(2000) + 'end',
];

function hostileSnapshot() {
  const papers = HOSTILE.map((title, i) => ({
    id: `h${i}`,
    title,
    authors: ['Ada Lovelace', `Grace Hopper${i}`],
    published: `2024-${String(12 - i).padStart(2, '0')}-02`,
    venue: `Venue ${title}`,
    kind: 'article',
    links: { doi: `https://doi.org/10.1000/h_${i}` },
  }));
  const file = path.join(TMP, 'hostile.json');
  writeFileSync(file, JSON.stringify({ format: 'paperdeck-snapshot', version: 1, papers }));
  return { file, papers };
}

/** Checks citation-js's reading of an export against the papers, in order. */
function sameAsPapers(cite, papers, label) {
  assert.equal(cite.data.length, papers.length, `${label}: every paper is an entry`);
  cite.data.forEach((entry, i) => {
    const paper = papers[i];
    assert.equal(oneLine(entry.title), oneLine(paper.title), `${label}: title of ${paper.id}`);
    const names = (entry.author ?? []).map((a) => [a.given, a.family].filter(Boolean).join(' ') || a.literal);
    assert.deepEqual(names, paper.authors ?? [], `${label}: authors of ${paper.id}`);
    if (paper.links?.doi) {
      assert.equal(entry.DOI, paper.links.doi.replace('https://doi.org/', ''), `${label}: DOI of ${paper.id}`);
    }
  });
}

test('citation-js reads hostile text back unchanged from BibTeX and RIS', () => {
  const { file, papers } = hostileSnapshot();
  sameAsPapers(new Cite(exported(file, 'bib'), { forceType: '@biblatex/text' }), papers, 'bib');
  sameAsPapers(new Cite(exported(file, 'ris'), { forceType: '@ris/file' }), papers, 'ris');
});

test('citation-js finds every paper of the bundled snapshots in BibTeX and RIS', () => {
  for (const snapshot of ['public/papers.json', 'public/examples/wolflein-publications.json']) {
    const count = JSON.parse(readFileSync(path.join(ROOT, snapshot), 'utf8')).papers.length;
    for (const [format, type] of [['bib', '@biblatex/text'], ['ris', '@ris/file']]) {
      const cite = new Cite(exported(snapshot, format), { forceType: type });
      assert.equal(cite.data.length, count, `${snapshot} as ${format}`);
      assert.ok(cite.data.every((e) => e.title), `${snapshot} as ${format}: every entry has a title`);
    }
  }
});
