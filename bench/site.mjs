// The built site (dist/) with another snapshot as its papers.json, and its static list and
// paper pages written for it by `paperdeck render --pages`, as `make build` does for the
// bundled snapshot. Shared by the benchmarks that load the page at scale.
import { cpSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DIST, ROOT, scratchDir, removeScratchDir } from '../tests/browser/harness.mjs';

/** A temporary copy of `dist` (dist/ unless given) for `snapshot`; returns its folder, how
 *  long the render took, and `remove()`, which deletes the copy (it goes at exit anyway). */
export function siteWith(snapshot, dist = DIST) {
  const site = scratchDir('paperdeck-site-');
  cpSync(dist, site, { recursive: true });
  copyFileSync(path.resolve(snapshot), path.join(site, 'papers.json'));
  const t0 = Date.now();
  execFileSync('cargo', ['run', '--locked', '-q', '--release', '-p', 'paperdeck-cli', '--', 'render', path.join(site, 'papers.json'),
    '--into', path.join(site, 'index.html'), '--feed', 'feed.xml', '--pages'], { cwd: ROOT, stdio: 'inherit' });
  return { site, renderMs: Date.now() - t0, remove: () => removeScratchDir(site) };
}
