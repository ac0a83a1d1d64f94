// public/snapshot.schema.json agrees with the bundled snapshot and with the core's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (f) => JSON.parse(readFileSync(path.join(ROOT, f), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(read('public/snapshot.schema.json'));
const snapshot = (papers) => ({ format: 'paperdeck-snapshot', version: 1, papers });
const base = { id: 'a', title: 'T', author_count: 1, published: '2024-06-28' };

test('the bundled snapshot validates against the schema', () => {
  assert.ok(validate(read('public/papers.json')), JSON.stringify(validate.errors));
});

test('every importer golden validates against the schema', () => {
  const dir = 'crates/cli/tests/data/golden';
  const files = readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 9, files.join(', '));
  for (const file of files) {
    assert.ok(validate(read(`${dir}/${file}`)), `${file}: ${JSON.stringify(validate.errors)}`);
  }
});

test('valid records validate', () => {
  for (const paper of [
    base,
    { ...base, author_count: undefined, authors: ['A B'] },
    { ...base, published: '2024-06' },
    { ...base, published: '2024', upvotes: 3, links: { code: 'https://github.com/a/b', doi: 'https://doi.org/10.1/x' } },
    { ...base, published: undefined },
    { ...base, author_count: undefined, authors: ['A B', 'C D'], authors_incomplete: true },
  ]) {
    assert.ok(validate(snapshot([paper])), `${JSON.stringify(paper)}: ${JSON.stringify(validate.errors)}`);
  }
});

test('records the core skips or trims are refused', () => {
  for (const paper of [
    { ...base, id: 'a b' },
    { ...base, id: undefined },
    { ...base, title: '  ' },
    { ...base, author_count: undefined },
    { ...base, author_count: -1 },
    { ...base, published: 'Jun 28, 2024' },
    { ...base, published: '2024-13' },
    { ...base, links: { code: 'javascript:alert(1)' } },
    { ...base, links: { homepage: 'https://a.example' } },
    { ...base, upvotes: -1 },
    { ...base, authors_incomplete: 'yes' },
  ]) {
    assert.equal(validate(snapshot([paper])), false, JSON.stringify(paper));
  }
  assert.equal(validate({ ...snapshot([]), version: 2 }), false);
  assert.equal(validate({ ...snapshot([]), format: 'other' }), false);
});
