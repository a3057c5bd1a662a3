// The site's address: from content/site.yaml (SITE overrides for a deploy). Without one, nothing prints
// a placeholder domain: root-relative links, citations that say 网址未配置, no feeds, no sitemap.
import { describe, expect, it } from 'vitest';
import { ADDRESS_NOT_CONFIGURED, hasAddress, siteRootOf } from '~/lib/urls';
import { citeChart, citeReport, citeTask } from '~/lib/opendata/citation';
import { sitePackage } from '~/lib/opendata/package-meta';
import { dataPackageSchema } from '~/lib/opendata/datapackage-schema';
import { renderDownloads } from '~/lib/opendata/download-files';
import { repoDataset } from './helpers/repo-dataset';

const d = repoDataset().dataset;
const reports = new Map(d.reports.map((r) => [r.id, r]));
const district = (id: string) => d.districts.find((x) => x.id === id);

describe('without an address', () => {
  const root = siteRootOf(undefined, '/portal/');

  it('the site root is the base, root-relative', () => {
    expect(root).toBe('/portal/');
    expect(siteRootOf('', '/')).toBe('/');
    expect(hasAddress(root)).toBe(false);
    expect(siteRootOf('https://gzbg.zibo.example.cn', '/portal/')).toBe('https://gzbg.zibo.example.cn/portal/');
  });

  it('every citation says the address is not configured and prints no domain', () => {
    const t = d.tasks.find((x) => x.id === 'linzi-2023-088')!;
    const c = citeTask(t, reports, district(t.district), root);
    expect(c.permalink).toBe('/portal/linzi/2023/tasks/088/');
    expect(c.text).toContain(`${ADDRESS_NOT_CONFIGURED}（本站内路径 /portal/linzi/2023/tasks/088/）`);
    for (const r of d.reports) expect(citeReport(r, district(r.district), root).text).not.toMatch(/https?:/);
    expect(citeChart({ title: '图', embedPath: 'embed/x/', reports: d.reports }, root).text).toContain(ADDRESS_NOT_CONFIGURED);
  });

  it('CSV urls are root-relative and datapackage.json is valid without a homepage', () => {
    const files = renderDownloads(d, root);
    const all = files.map((f) => f.body).join('\n');
    expect(all).not.toMatch(/https?:\/\/(?!www\.w3\.org|specs\.frictionlessdata)/);
    expect(files.find((f) => f.path === 'all/tasks.csv')!.body).toContain(',/portal/linzi/2023/tasks/001/');
    const pkg = sitePackage(files, d, root);
    expect(pkg.homepage).toBeUndefined();
    const r = dataPackageSchema.safeParse(pkg);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });
});

describe('with an address', () => {
  const root = siteRootOf('https://gzbg.zibo.example.cn', '/');
  it('citations carry the permalink', () => {
    const t = d.tasks.find((x) => x.id === 'linzi-2023-088')!;
    expect(citeTask(t, reports, district(t.district), root).text).toMatch(/ https:\/\/gzbg\.zibo\.example\.cn\/linzi\/2023\/tasks\/088\/\.$/);
  });
});
