// The built site as a whole: strict CSP, nothing from another origin, reproducible bytes, and
// no broken links for a sub-path deployment either. Runs after `npm run build` (README, CI).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cspProblems, findBrokenLinks, findOffOriginRequests, walk } from './helpers/dist-checks';
import { ROOT } from './helpers/repo-dataset';
import { astroBuild, buildDir, succeeded } from './helpers/child-env';

const DIST = join(ROOT, 'dist');
const tmp = buildDir('build-output-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


const build = (outDir: string, env: Record<string, string> = {}) => succeeded(astroBuild(outDir, env), 'astro build');

const digest = (dir: string) =>
  Object.fromEntries(walk(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

describe('the checkers can fail', () => {
  it('find a broken link, a missing anchor, an off-origin script and an inline handler', () => {
    const d = join(tmp, 'fake');
    mkdirSync(join(d, 'a'), { recursive: true });
    writeFileSync(join(d, 'index.html'), '<a href="/a/">ok</a><a href="/b/">broken</a><a href="/a/#nope">anchor</a><script src="https://cdn.example/x.js"></script>');
    writeFileSync(join(d, 'a/x.js'), '');
    writeFileSync(join(d, 'a/index.html'), '<script src="/a/x.js"></script><meta http-equiv="content-security-policy" content="default-src \'self\'; script-src \'self\'; style-src \'self\' \'unsafe-inline\'"><h1 id="top" onclick="x()">a</h1>');
    expect(findBrokenLinks(d, '/')).toEqual(['index.html: /b/', 'index.html: /a/#nope (no #nope)']);
    expect(findOffOriginRequests(d)).toEqual(['index.html: <script> https://cdn.example/x.js']);
    expect(cspProblems(d)).toEqual([
      'a/index.html: CSP <meta> comes after a script',
      'a/index.html: style-src allows \'self\' \'unsafe-inline\'',
      'a/index.html: CSP allows plugins',
      'a/index.html: inline event handler onclick',
      'index.html: no Content-Security-Policy',
    ]);
  });
});

describe('dist/', () => {
  it('every page carries a strict CSP before any script or style; no unhashed inline code, event handlers or javascript: URLs', () => {
    expect(cspProblems(DIST)).toEqual([]);
  });
  it('no page requests anything from another origin', () => {
    expect(findOffOriginRequests(DIST)).toEqual([]);
  });
  it('holds no absolute path of the build machine', () => {
    const leaks = walk(DIST).filter((f) => /\.(html|js|css|json|xml|csv|txt)$/.test(f) && readFileSync(join(DIST, f), 'utf8').includes(ROOT));
    expect(leaks).toEqual([]);
  });
});

describe('builds', () => {
  it('two builds of the same content give byte-identical output', { timeout: 600_000 }, () => {
    const again = join(tmp, 'again');
    build(again);
    const a = digest(DIST);
    const b = digest(again);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const differing = Object.keys(a).filter((f) => a[f] !== b[f]);
    expect(differing, 'dist/ differs from a fresh build: is dist/ stale? run npm run build').toEqual([]);
  });

  it('a build for a sub-path (BASE=/portal/) has no broken links either', { timeout: 600_000 }, () => {
    const sub = join(tmp, 'portal');
    build(sub, { BASE: '/portal/' });
    expect(findBrokenLinks(sub, '/portal/')).toEqual([]);
    expect(readFileSync(join(sub, 'index.html'), 'utf8')).toContain('href="/portal/search/"');
  });
});
