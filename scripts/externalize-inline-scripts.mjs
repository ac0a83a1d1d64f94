#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml [[hooks]]): makes the built index.html run under the
// Content-Security-Policy of its <meta> (script-src 'self'; style-src 'self'), which
// blocks every inline script and style.
//
// - Every inline <script> (Trunk's wasm loader, a `type="module"`; the head script of
//   index.html, a classic one; `trunk serve`'s live-reload script) becomes a file next to
//   index.html named after its content's hash, loaded from the same place with the same
//   attributes: the order, `type="module"` and a classic script's render-blocking run before
//   the first paint are unchanged.
// - The build fails if the HTML has what the policy would block and a hook cannot move:
//   a <style> element, a style="" attribute, an on…="" event handler, a javascript: URL.
//
// Reads and rewrites $TRUNK_STAGING_DIR/index.html (Trunk sets it; a directory given as the
// first argument is used instead, for a check by hand: `node scripts/… dist`).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('externalize-inline-scripts: no directory (TRUNK_STAGING_DIR is unset)');
  process.exit(2);
}
const base = process.env.TRUNK_PUBLIC_URL ?? './';
const htmlFile = path.join(dir, 'index.html');
const html = readFileSync(htmlFile, 'utf8');

/** The attributes of a start tag's text after its name, in order, names lower-cased. */
function parseAttributes(text) {
  const attrs = [];
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of text.matchAll(re)) attrs.push([m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? null]);
  return attrs;
}

const escapeAttr = (v) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const writeAttributes = (attrs) => attrs.map(([k, v]) => (v === null ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('');

/** `trunk serve`'s live-reload script has placeholders its server fills in only in HTML
 *  answers; in a file of its own they take the values they would get (the page's host; the
 *  serve base, "/" for Trunk.toml's public_url "./"). */
function fillDevServerPlaceholders(code) {
  return code
    .replaceAll("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
    .replaceAll('`{{__TRUNK_ADDRESS__}}`', 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', '/');
}

const problems = [];
const written = [];
// Comments are kept as they are (a <script> inside one is not a script); every other tag
// is checked; inline scripts are moved out.
const token = /<!--[\s\S]*?-->|<script\b([^>]*)>([\s\S]*?)<\/script\s*>|<style\b[^>]*>|<([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const out = html.replace(token, (whole, scriptAttrs, code, tag, tagAttrs) => {
  if (whole.startsWith('<!--')) return whole;
  if (scriptAttrs === undefined && tag === undefined) {
    problems.push('a <style> element (style-src \'self\' blocks it: put the rules in style/)');
    return whole;
  }
  const attrs = parseAttributes(scriptAttrs ?? tagAttrs);
  for (const [name, value] of attrs) {
    if (name === 'style') problems.push(`a style="" attribute on <${tag ?? 'script'}>`);
    if (name.startsWith('on')) problems.push(`an event handler attribute ${name}="" on <${tag ?? 'script'}>`);
    if ((name === 'href' || name === 'src' || name === 'action') && /^\s*javascript:/i.test(value ?? '')) {
      problems.push(`a javascript: URL in ${name}="" on <${tag ?? 'script'}>`);
    }
  }
  if (scriptAttrs === undefined) return whole;
  if (attrs.some(([name]) => name === 'src')) return whole;
  if (code.trim() === '') return whole;
  const type = attrs.find(([name]) => name === 'type')?.[1]?.trim().toLowerCase() ?? '';
  if (!['', 'module', 'text/javascript', 'application/javascript'].includes(type)) return whole; // data, not code
  const body = code.includes('{{__TRUNK_ADDRESS__}}') ? fillDevServerPlaceholders(code) : code;
  const name = `inline-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(path.join(dir, name), body);
  written.push(type === 'module' ? `${name} (module)` : name);
  return `<script${writeAttributes(attrs)} src="${escapeAttr(base + name)}"></script>`;
});

if (problems.length > 0) {
  console.error(`externalize-inline-scripts: ${htmlFile} has what its Content-Security-Policy blocks:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
writeFileSync(htmlFile, out);
console.log(`externalize-inline-scripts: ${written.length} inline script(s) moved out: ${written.join(', ') || 'none'}`);
