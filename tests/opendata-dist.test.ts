// The built files (run after `npm run build`): the bytes the endpoints wrote are the bytes the
// data package describes, and the feeds in dist/ are valid RSS.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { dataPackageSchema } from '../src/lib/opendata/datapackage-schema';
import { checkRss } from './opendata-checks';
import { ROOT, realDataset } from './opendata-real';

const DIST = join(ROOT, 'dist');
const built = existsSync(join(DIST, 'data/datapackage.json'));

describe.runIf(built)('dist/ (after npm run build)', () => {
  const pkg = JSON.parse(readFileSync(join(DIST, 'data/datapackage.json'), 'utf8'));
  const site = pkg.homepage.replace(/data\/$/, '');
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
  it('feeds are valid RSS with one item per report', async () => {
    const d = realDataset();
    await checkRss(readFileSync(join(DIST, 'feeds/all.xml'), 'utf8'), d.reports.length, site);
    for (const x of d.districts) await checkRss(readFileSync(join(DIST, `feeds/${x.id}.xml`), 'utf8'), d.reports.filter((r) => r.district === x.id).length, site);
  });
});
