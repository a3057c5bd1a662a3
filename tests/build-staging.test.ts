// `astro build` publishes a site only when it is complete: a build that fails or is killed leaves the
// previous dist/ byte for byte, and a build that succeeds replaces it whole (src/lib/build-worker/staged-site.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeDataset } from '../src/lib/ingest/write-dataset';
import { renderingFiles } from '../src/lib/ingest/renderings';
import { beginStaging, publishStaged, stagingFor } from '../src/lib/build-worker/staged-site';
import { robotsTxt } from '../src/lib/robots';
import { pinDataDir } from '../src/lib/data-dir';
import { realpathSync } from 'node:fs';
import { listTree } from './helpers/file-tree';
import { ROOT, repoDataset } from './helpers/repo-dataset';
import { astroBuild, buildDir, startAstroBuild } from './helpers/child-env';

const tmp = buildDir('staged-build-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const build = (outDir: string, data: string, extra: Record<string, string> = {}) =>
  astroBuild(outDir, { PORTAL_DATA_DIR: data, ...extra });

/** A previous site: a few files that a new build would not write, so any change to them shows. */
function previousSite(dir: string) {
  mkdirSync(join(dir, 'data/all'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>previous</title>');
  writeFileSync(join(dir, 'data/all/tasks.csv'), 'previous,csv\r\n');
  writeFileSync(join(dir, 'only-in-previous.txt'), 'x');
}

let good = '';
let bad = '';
beforeAll(() => {
  const { dataset, parsed } = repoDataset();
  const renderings = renderingFiles(parsed);
  good = join(tmp, 'good');
  writeDataset(good, dataset, {}, renderings);
  // Valid against every schema, so the build gets past the content sync and empties its output folder
  // before a page fails: a report of a district the dataset does not have.
  bad = join(tmp, 'bad');
  writeDataset(bad, { ...dataset, reports: dataset.reports.map((r, i) => (i === 0 ? { ...r, district: 'nowhere' } : r)) }, {}, renderings);
});

describe('staging', () => {
  it('publishStaged swaps a complete site in and refuses an incomplete one', () => {
    const s = stagingFor(join(tmp, 'unit', 'dist'));
    previousSite(s.final);
    const before = listTree(s.final);
    beginStaging(s);
    mkdirSync(s.site);
    writeFileSync(join(s.site, 'page.html'), 'no home page');
    expect(() => publishStaged(s)).toThrow(/没有 index\.html，构建并未完成/);
    expect(listTree(s.final)).toEqual(before);
    writeFileSync(join(s.site, 'index.html'), 'new');
    publishStaged(s);
    expect(listTree(s.final)).toEqual({ 'index.html': listTree(s.final)['index.html'], 'page.html': listTree(s.final)['page.html'] });
    expect(readFileSync(join(s.final, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(s.root)).toBe(false);
  });

  it('beginStaging starts from an empty staging folder at once and leaves what earlier builds left to a background process', async () => {
    const s = stagingFor(join(tmp, 'leftovers', 'dist'));
    // A failed build's staging folder and a replaced site another build had not finished deleting.
    previousSite(join(s.root, 'site'));
    previousSite(join(tmp, 'leftovers', '.dist-old-1-2-site'));
    previousSite(s.final);
    const published = listTree(s.final);
    beginStaging(s);
    expect(readdirSync(s.root)).toEqual([]);
    expect(listTree(s.final)).toEqual(published);
    await vi.waitFor(() => expect(readdirSync(join(tmp, 'leftovers')).sort()).toEqual(['.dist-build', 'dist']), { timeout: 30_000, interval: 50 });
  });
});

describe('astro build', () => {
  it('a build that fails on a page leaves the previous dist/ byte-identical and says so', { timeout: 300_000 }, () => {
    const dist = join(tmp, 'fail', 'dist');
    previousSite(dist);
    const before = listTree(dist);
    const r = build(dist, bad);
    expect(r.status).not.toBe(0);
    expect(listTree(dist)).toEqual(before);
    expect(r.stderr + r.stdout).toContain('构建未完成：dist/ 未被改动，仍是上一次成功构建的网站');
  });

  it('a build killed while writing pages leaves the previous dist/ byte-identical', { timeout: 300_000 }, async () => {
    const dist = join(tmp, 'kill', 'dist');
    previousSite(dist);
    const before = listTree(dist);
    const staged = join(tmp, 'kill', '.dist-build', 'site');
    const child = startAstroBuild(dist, { PORTAL_DATA_DIR: good });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, sig) => res(sig)));
    // Kill it as soon as the first district's pages are being written (pages, no sitemap or downloads yet).
    let killedWhile = '';
    await new Promise<void>((res) => {
      const t = setInterval(() => {
        const out = [staged, dist].find((d) => existsSync(join(d, 'linzi')));
        if (out || child.exitCode !== null) {
          clearInterval(t);
          killedWhile = !out ? 'after exit' : existsSync(join(out, 'sitemap-index.xml')) ? 'after sitemap' : 'writing pages';
          child.kill('SIGKILL');
          res();
        }
      }, 5);
    });
    expect(await exited).toBe('SIGKILL');
    expect(killedWhile).toBe('writing pages');
    expect(listTree(dist)).toEqual(before);
  });

  it('a build that succeeds replaces the previous site whole, robots.txt included, and leaves no staging folder', { timeout: 300_000 }, async () => {
    const dist = join(tmp, 'ok', 'dist');
    previousSite(dist);
    // With an address configured (SITE), so the sitemap is part of what must arrive whole.
    const r = build(dist, good, { SITE: 'https://gzbg.example.gov.cn' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dist, 'only-in-previous.txt'))).toBe(false);
    for (const f of ['index.html', 'sitemap-index.xml', 'data/datapackage.json', 'robots.txt']) expect(existsSync(join(dist, f)), f).toBe(true);
    expect(readdirSync(join(dist, 'search-index')).length).toBe(1);
    expect(readFileSync(join(dist, 'data/all/tasks.csv'), 'utf8')).not.toContain('previous');
    // No staging folder. The replaced site is renamed aside (.dist-old-<pid>-<time>/) and deleted by a detached
    // process after the build returns (staged-site.ts removeLater), so it may still be there for a moment.
    expect(readdirSync(join(tmp, 'ok')).filter((f) => !f.startsWith('.dist-old-'))).toEqual(['dist']);
    await vi.waitFor(() => expect(readdirSync(join(tmp, 'ok'))).toEqual(['dist']), { timeout: 60_000, interval: 100 });
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(/^User-agent: \*\nAllow: \/\n\nSitemap: https:\/\/gzbg\.example\.gov\.cn\/sitemap-index\.xml\n$/);
  });
});

describe('one dataset generation per build', () => {
  it('pinDataDir resolves the generated link once, so an ingest finishing mid-build does not mix generations', () => {
    const root = join(tmp, 'pin');
    writeDataset(join(root, 'generated'), repoDataset().dataset);
    const saved = process.env.PORTAL_DATA_DIR;
    delete process.env.PORTAL_DATA_DIR;
    try {
      pinDataDir(root);
      const pinned = process.env.PORTAL_DATA_DIR!;
      expect(pinned).toBe(realpathSync(join(root, 'generated')));
      writeDataset(join(root, 'generated'), { ...repoDataset().dataset, tasks: [] });
      // the pinned generation is the previous one now, and it is kept (the writer keeps one previous generation)
      expect(readFileSync(join(pinned, 'tasks.json'), 'utf8')).not.toBe('[]\n');
      expect(realpathSync(join(root, 'generated'))).not.toBe(pinned);
    } finally {
      if (saved === undefined) delete process.env.PORTAL_DATA_DIR;
      else process.env.PORTAL_DATA_DIR = saved;
    }
  });
});

describe('robots.txt', () => {
  it('allows every crawler and names the sitemap only when the site address is configured', () => {
    expect(robotsTxt('')).toBe('User-agent: *\nAllow: /\n');
    expect(robotsTxt('https://gzbg.example.gov.cn')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://gzbg.example.gov.cn/sitemap-index.xml\n');
    expect(robotsTxt('https://example.github.io/portal/')).toContain('Sitemap: https://example.github.io/portal/sitemap-index.xml');
  });
});
