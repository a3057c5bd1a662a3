// The built files (run after `npm run build`): the bytes the endpoints wrote are the bytes the
// data package describes, and the feeds in dist/ are valid RSS.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { dataPackageSchema } from '../src/lib/opendata/datapackage-schema';
import { checkRss } from './helpers/opendata-checks';
import { ROOT, realDataset } from './helpers/repo-dataset';
import { paths } from '../src/lib/urls';
import { reportDataDir } from '../src/lib/opendata/scopes';
import { TABLES } from '../src/lib/opendata/tables';

const DIST = join(ROOT, 'dist');

describe('dist/ (after npm run build)', () => {
  const pkg = JSON.parse(readFileSync(join(DIST, 'data/datapackage.json'), 'utf8'));
  // Without an address (content/site.yaml url empty) there is no homepage and links are root-relative.
  const site: string = pkg.homepage ? pkg.homepage.replace(/data\/$/, '') : (process.env.BASE ?? '/').replace(/\/?$/, '/');
  it('datapackage.json validates and every resource exists with its bytes and SHA-256', () => {
    const r = dataPackageSchema.safeParse(pkg);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    for (const res of pkg.resources) {
      const buf = readFileSync(join(DIST, 'data', res.path));
      expect(buf.length, res.path).toBe(res.bytes);
      expect(`sha256:${createHash('sha256').update(buf).digest('hex')}`, res.path).toBe(res.hash);
      if (res.path.endsWith('.csv')) expect([...buf.subarray(0, 3)], res.path).toEqual([0xef, 0xbb, 0xbf]);
    }
  });
  it('feeds are valid RSS with one item per report (none without an address: they need absolute links)', async () => {
    const d = realDataset();
    if (!pkg.homepage) return expect(existsSync(join(DIST, 'feeds'))).toBe(false);
    await checkRss(readFileSync(join(DIST, 'feeds/all.xml'), 'utf8'), d.reports.length, site);
    for (const x of d.districts) await checkRss(readFileSync(join(DIST, `feeds/${x.id}.xml`), 'utf8'), d.reports.filter((r) => r.district === x.id).length, site);
  });

  it('every task page has a 引用 box with its permalink and source lines; every report page links its downloads and full SHA-256', () => {
    const d = realDataset();
    const page = (p: string) => readFileSync(join(DIST, p, 'index.html'), 'utf8');
    for (const t of d.tasks) {
      const html = page(paths.task(t));
      const box = html.slice(html.indexOf('class="citation"'));
      expect(box.length, t.id).toBeLessThan(html.length);
      expect(box, t.id).toContain(`${site}${paths.task(t)}`);
      const [a, b] = t.source.lines;
      expect(box, t.id).toContain(`第 ${a === b ? a : `${a}–${b}`} 行`);
      expect(box, t.id).toContain('[引用日期]');
    }
    for (const r of d.reports) {
      const html = page(paths.report(r));
      expect(html, r.id).toContain(r.source.sha256);
      expect(html, r.id).toContain(`${reportDataDir(r)}dataset.json`);
      if (r.rowCount > 0) expect(html, r.id).toContain(`${reportDataDir(r)}progress.csv`);
      if (r.taskIds.length > 0) expect(html, r.id).toContain(`${reportDataDir(r)}tasks.csv`);
      expect(html, r.id).toContain('class="citation"');
    }
  });

  it('the data dictionary lists every field of every table; /changes/ shows when each district’s next bulletin was due', () => {
    const dict = readFileSync(join(DIST, 'data/dictionary/index.html'), 'utf8');
    for (const t of Object.values(TABLES)) for (const c of t.columns) expect(dict, `${t.name}.${c.name}`).toMatch(new RegExp(`<code[^>]*>${c.name}</code>`));
    const changes = readFileSync(join(DIST, 'changes/index.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(changes).toContain('下一期（2023年10月）应于 2023-11-10 前后发布');
    expect(changes).toContain('下一期（2020年第三季度）应于 2020-10-10 前后发布');
  });

  it('every embed page shows its chart, where its numbers come from (file and line) and a 引用 box; embeds stay out of the sitemap', () => {
    const ids = readdirSync(join(DIST, 'embed'));
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      const html = readFileSync(join(DIST, 'embed', id, 'index.html'), 'utf8');
      expect(html, id).toMatch(/<svg[^>]*role="img"/);
      expect(html.replace(/<[^>]+>/g, ''), id).toMatch(/来源：.+第 \d+(–\d+)? 行/);
      expect(html, id).toContain('class="citation"');
      expect(html, id).toContain('name="robots" content="noindex"');
    }
    // No sitemap at all without an address (it needs absolute URLs); with one, embeds stay out of it.
    if (pkg.homepage) expect(readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8')).not.toContain('/embed/');
    else expect(existsSync(join(DIST, 'sitemap-0.xml'))).toBe(false);
  });
});
