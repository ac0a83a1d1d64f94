#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml [[hooks]], the first of its scripts): in a release build,
// minifies the assets Trunk links with a Subresource Integrity digest (style/main.css and
// wasm-bindgen's JS glue) with esbuild (pinned in package.json), and writes their new
// digests into index.html. The files keep their names: Trunk's hash in a name follows the
// source, and the minified text follows from it.
//
// Trunk's own `--minify` is not used: its JS minifier fails on wasm-bindgen's glue
// ("Failed to minify JS: RequiredTokenNotFound") and leaves it whole, and its HTML
// minifier rewrites the wasm loader that scripts/boot-after-first-paint.mjs looks for.
// The other scripts (embed.js, index-worker.js, the loader) are small and stay as written.
//
// Reads and rewrites $TRUNK_STAGING_DIR (Trunk sets it and TRUNK_PROFILE; a directory given
// as the first argument is minified whatever the profile, for a check by hand:
// `node scripts/minify-assets.mjs dist`).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transform } from 'esbuild';

const byHand = process.argv[2];
const dir = byHand ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-assets: no directory (TRUNK_STAGING_DIR is unset)');
  process.exit(2);
}
// `trunk serve` builds for debugging: its files stay readable.
if (!byHand && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const htmlFile = path.join(dir, 'index.html');
let html = readFileSync(htmlFile, 'utf8');
const digest = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

// Each <link> to a local .css or .js file with an integrity digest.
const links = [...html.matchAll(/<link\b[^>]*>/g)]
  .map(([tag]) => ({
    href: tag.match(/\bhref="\.?\/?([^"/?#]+\.(css|js))"/),
    integrity: tag.match(/\bintegrity="(sha384-[^"]+)"/),
  }))
  .filter((l) => l.href && l.integrity);
if (!links.some((l) => l.href[2] === 'css') || !links.some((l) => l.href[2] === 'js')) {
  console.error(`minify-assets: expected Trunk's stylesheet and JS glue, each with an integrity digest, in ${htmlFile}`);
  process.exit(1);
}

const done = new Set();
for (const { href: [, name, kind], integrity: [, before] } of links) {
  // A file linked twice (a preload beside its use) is minified once; its digest is
  // rewritten everywhere at once.
  if (done.has(name)) continue;
  done.add(name);
  const file = path.join(dir, name);
  const text = readFileSync(file, 'utf8');
  if (digest(text) !== before) {
    console.error(`minify-assets: ${name} does not match its integrity digest in index.html`);
    process.exit(1);
  }
  // The glue is an ES module: its exports keep their names, only its inner names shrink.
  const { code } = await transform(text, { loader: kind, minify: true, format: kind === 'js' ? 'esm' : undefined, legalComments: 'none' });
  writeFileSync(file, code);
  html = html.replaceAll(before, digest(code));
  console.log(`minify-assets: ${name} ${text.length} → ${code.length} bytes`);
}
writeFileSync(htmlFile, html);
