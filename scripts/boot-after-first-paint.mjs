#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml [[hooks]], before externalize-inline-scripts.mjs): the
// page's first paint is the static list of papers that `paperdeck render` writes into the
// built index.html, so the app's 1 MB of WebAssembly must not compete with it.
//
// - Trunk's `<link rel="preload" … type="application/wasm">` goes: it starts the wasm
//   download with the HTML's, before anything is on screen (on a phone's network the
//   HTML and CSS then arrive later, and Lighthouse counts the wasm into the largest
//   contentful paint).
// - Trunk's loader (the inline module script that calls `init`) first waits for the page's
//   first paint when the page shows the static list (not in an embed or for `data=`, which
//   hide it; not under `trunk serve`, which has none). A module script runs once the HTML
//   is parsed, so the list is in the page by then; the wait is one frame (a hidden tab
//   draws none: there a timer ends the wait, 200 ms or whatever the browser throttles
//   a background tab's timers to). Then it preloads the bundled snapshot, which the app
//   fetches first and reads as it downloads, so the download overlaps the wasm's.
// - After that wait, the loader enables the static list's search box where WebAssembly
//   exists, so a reader can type from the first frame on; the app takes the text over
//   when it replaces the list (src/static_page.rs). It marks the box `data-edited` once
//   typed in, and `data-composing` while an input method composes there, which the app
//   waits for.
// - If the app cannot start (an error or a rejected promise before Trunk's
//   TrunkApplicationStarted), the loading note of a page without the static list says so,
//   and the static list gets back the year headings it hid for the app (index.html).
//
// Reads and rewrites $TRUNK_STAGING_DIR/index.html (or the directory given as argument).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('boot-after-first-paint: no directory (TRUNK_STAGING_DIR is unset)');
  process.exit(2);
}
const htmlFile = path.join(dir, 'index.html');
let html = readFileSync(htmlFile, 'utf8');

const preload = /<link\b[^>]*\brel="preload"[^>]*\btype="application\/wasm"[^>]*>\s*/g;
const preloads = html.match(preload)?.length ?? 0;
html = html.replace(preload, '');

const WAIT = `// boot-after-first-paint.mjs: the static list is painted before the app is fetched.
const root = document.documentElement;
{
  // If the app cannot start (its wasm not downloaded or not compiled), the loading note of
  // a page without the static list (index.html) says so, and the static list gets back
  // its year headings.
  let started = false;
  addEventListener('TrunkApplicationStarted', () => (started = true), { once: true });
  const failed = () => {
    if (started) return;
    root.removeAttribute('data-app-ungrouped');
    const note = document.querySelector('.boot-note .loading');
    if (note && note.dataset.failed) note.textContent = note.dataset.failed;
  };
  addEventListener('error', failed);
  addEventListener('unhandledrejection', failed);
}
if (document.getElementById('paperdeck-static') && !root.hasAttribute('data-no-static')) {
  // After the next frame; a hidden tab draws none, so a timer ends the wait there.
  await new Promise((go) => {
    requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 200);
  });
  // Once the list is painted (so as not to change the first paint), its search box takes
  // a search while the app and the papers load, where the app can run (src/static_page.rs
  // hands it to the app's box): the app's placeholder, the URL's query, and in the count's
  // place a note while there is text.
  const search = document.querySelector('#paperdeck-static .static-toolbar input[type="search"]');
  if (search && typeof WebAssembly === 'object') {
    const count = document.querySelector('#paperdeck-static .result-summary .count');
    const shown = count ? [...count.childNodes] : [];
    const note = search.dataset.loadingNote;
    const say = () => {
      if (!count || !note) return;
      const text = search.value.trim() ? note : null;
      if (text && count.textContent !== text) count.textContent = text;
      else if (!text && count.textContent === note) count.replaceChildren(...shown);
    };
    const placeholder = search.placeholder;
    search.disabled = false;
    search.placeholder = search.dataset.appPlaceholder || placeholder;
    // The app keeps the last q of the URL (crates/core/src/view/url.rs).
    const query = new URLSearchParams(location.search).getAll('q').pop();
    if (query) {
      search.value = query;
      say();
    }
    search.addEventListener('input', () => {
      search.dataset.edited = '';
      say();
    });
    // An input method's text not yet confirmed: the app waits for it (src/app.rs).
    search.addEventListener('compositionstart', () => (search.dataset.composing = ''));
    search.addEventListener('compositionend', () => delete search.dataset.composing);
    // If the app fails to start (its wasm not downloaded or not compiled), nothing would
    // search what is typed: the box goes back to how the page wrote it.
    let started = false;
    addEventListener('TrunkApplicationStarted', () => (started = true), { once: true });
    const failed = () => {
      if (started || search.disabled) return;
      delete search.dataset.composing;
      search.value = '';
      say();
      delete search.dataset.edited;
      search.disabled = true;
      search.placeholder = placeholder;
    };
    addEventListener('error', failed);
    addEventListener('unhandledrejection', failed);
  }
  // The static list is the bundled snapshot, the app's first request (load.rs,
  // DEFAULT_SNAPSHOT_URL): it downloads beside the wasm, not after it has started.
  const snapshot = document.createElement('link');
  Object.assign(snapshot, { rel: 'preload', as: 'fetch', href: 'papers.json', crossOrigin: 'anonymous' });
  document.head.append(snapshot);
}
`;
if (html.includes('boot-after-first-paint.mjs:')) {
  console.log('boot-after-first-paint: already done');
  process.exit(0);
}
// Trunk 0.21's loader: `const wasm = await init({ module_or_path: '…_bg.wasm' });`. Any
// other form fails the build, so a Trunk update cannot drop the wait unnoticed.
const call = /^(\s*)(const wasm = await init\()/m;
let loaders = 0;
html = html.replace(/(<script type="module"[^>]*>)([\s\S]*?)(<\/script>)/g, (whole, open, code, close) => {
  if (!call.test(code)) return whole;
  loaders += 1;
  return `${open}${code.replace(call, (_, indent, start) => `${indent}${WAIT.replaceAll('\n', `\n${indent}`).trimEnd()}\n${indent}${start}`)}${close}`;
});
if (loaders !== 1) {
  console.error(`boot-after-first-paint: expected Trunk's one wasm loader (\`const wasm = await init(\`) in ${htmlFile}, found ${loaders}`);
  process.exit(1);
}
writeFileSync(htmlFile, html);
console.log(`boot-after-first-paint: ${preloads} wasm preload(s) removed; the loader waits for the first paint`);
