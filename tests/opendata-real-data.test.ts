// The open-data modules on the real seeds.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRssString } from '@astrojs/rss';
import { realDataset, ROOT } from './helpers/repo-dataset';
import { checkCitations, checkDownloads, checkRss, tableSchemaProblems } from './helpers/opendata-checks';
import { renderDownloads } from '../src/lib/opendata/download-files';
import { buildDataPackage } from '../src/lib/opendata/datapackage';
import { dataPackageSchema } from '../src/lib/opendata/datapackage-schema';
import { feedOptions } from '../src/lib/opendata/feeds';
import { citeTask } from '../src/lib/opendata/citation';
import { allCadences, foldSlots } from '../src/lib/opendata/cadence';
import { allChanges } from '../src/lib/opendata/changes';
import { parse } from 'csv-parse/sync';
import { columnsFor } from './helpers/csv-columns';

const SITE = 'https://example.org/';
const d = realDataset();

describe('downloads on the real dataset', () => {
  const files = renderDownloads(d, SITE);
  it('every CSV: UTF-8 with BOM, rows equal to the dataset, every cell round-trips through csv-parse', () => { checkDownloads(d, SITE); });
  it('all/tasks.csv has one row per task (292) and all/progress.csv one per progress row (297)', () => {
    const rows = (p: string) => (parse(files.find((f) => f.path === p)!.body, { bom: true, columns: columnsFor(p) }) as unknown[]).length;
    expect(rows('all/tasks.csv')).toBe(d.tasks.length);
    expect(rows('all/progress.csv')).toBe(d.progress.length);
    expect(rows('linzi/2023/m09/progress.csv')).toBe(d.reports.find((r) => r.id === 'linzi-2023-m09')!.rowCount);
  });
  it('a known cell survives: zhangdian-2020-001 is 未完成 with its result text', () => {
    const f = files.find((x) => x.path === 'zhangdian/2020/q2/progress.csv')!;
    const rec = (parse(f.body, { bom: true, columns: columnsFor(f.path) }) as Record<string, string>[]).find((r) => r.id === 'zhangdian-2020-q2-1')!;
    expect(rec.status_label).toBe('未完成');
    expect(rec.result).toContain('预计同比下降6%');
  });
  it('an inferred status never sits in the status columns: it has its own, marked 推断', () => {
    const csv = (p: string) => parse(files.find((f) => f.path === p)!.body, { bom: true, columns: columnsFor(p) }) as Record<string, string>[];
    const inferred = csv('linzi/2021/q3/progress.csv');
    expect(inferred.length).toBe(80);
    for (const r of inferred) {
      expect([r.status, r.status_label, r.status_phrase], r.id).toEqual(['unstated', '未标注', '']);
      if (r.status_source === 'inferred') {
        expect(['done', 'partial', 'notDone']).toContain(r.inferred_status);
        expect(r.inferred_status_label).toMatch(/^推断：/);
        expect(r.inferred_basis).not.toBe('');
      }
    }
    expect(inferred.filter((r) => r.inferred_status === 'partial').length).toBeGreaterThan(10);
    const row47 = inferred.find((r) => r.id === 'linzi-2021-q3-47')!;
    expect([row47.inferred_status_label, row47.inferred_basis]).toEqual(['推断：未完成', '尚未启动']);
    for (const r of csv('zhangdian/2020/q2/progress.csv')) expect([r.status_source, r.inferred_status, r.inferred_basis], r.id).toEqual(['stated', '', '']);
    for (const t of csv('all/tasks.csv')) {
      if (t.latest_status_source === 'inferred') expect([t.latest_status, t.latest_inferred_status_label!.startsWith('推断：')], t.id).toEqual(['unstated', true]);
      else expect(t.latest_inferred_status, t.id).toBe('');
    }
  });
  it('datapackage.json validates and lists every file', () => {
    const pkg = buildDataPackage(files, { title: 't', description: 'd', homepage: SITE, sources: [{ title: 's', path: SITE }] });
    const r = dataPackageSchema.safeParse(pkg);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(pkg.resources).toHaveLength(files.length);
    // The data itself conforms: required fields filled, numbers are numbers, enums in range, ids unique.
    expect(tableSchemaProblems(pkg, (p) => files.find((f) => f.path === p)!.body).slice(0, 10)).toEqual([]);
  });
  it('same bytes on a second render', () => {
    expect(renderDownloads(d, SITE).map((f) => f.sha256)).toEqual(files.map((f) => f.sha256));
  });
});

describe('citations on the real dataset', () => {
  it('every task has a citation whose source lines are the lines the task was read from', () => {
    checkCitations(d, SITE);
    const reports = new Map(d.reports.map((r) => [r.id, r]));
    const cache = new Map<string, string[]>();
    for (const t of d.tasks) {
      const c = citeTask(t, reports, d.districts.find((x) => x.id === t.district), SITE);
      const src = c.sources[0]!;
      if (!cache.has(src.file)) cache.set(src.file, readFileSync(join(ROOT, src.file), 'utf8').replace(/\r\n?/g, '\n').split('\n'));
      const lines = cache.get(src.file)!.slice(src.lines[0] - 1, src.lines[1]).join('\n');
      expect(lines.replace(/^\uFEFF/, ''), t.id).toBe(t.source.verbatim);
    }
  });
  it('a work-report pledge is cited by its lead phrase, the report with its occasion', () => {
    const reports = new Map(d.reports.map((r) => [r.id, r]));
    const t = d.tasks.find((x) => x.id === 'zhangdian-2021-wr-001')!;
    expect(citeTask(t, reports, d.districts.find((x) => x.id === 'zhangdian'), SITE).text).toBe(
      `张店区人民政府. 政府工作报告: 2021年2月7日在张店区第十七届人民代表大会第五次会议上: 强化技术创新能力[R/OL]. (2021-02-07)[引用日期]. ${SITE}zhangdian/2021/tasks/wr-001/.`,
    );
  });
  it('the 2020 breakdown is cited with its issuer and printed date', () => {
    const t = d.tasks.find((x) => x.id === 'linzi-2020-001')!;
    const c = citeTask(t, new Map(d.reports.map((r) => [r.id, r])), d.districts.find((x) => x.id === 'linzi'), SITE);
    expect(c.text).toMatch(/^临淄区人民政府\. 2020年区政府二十大重点工作任务目标分解表: 第1项 .+\[R\/OL\]\. \(2020-08-12\)\[引用日期\]\. https:\/\/example\.org\/linzi\/2020\/tasks\/001\/\.$/);
  });
});

describe('feeds on the real dataset', () => {
  it('site-wide: one item per report; per district: that district only', async () => {
    const items = await checkRss(await getRssString(feedOptions(d.reports, d.districts, SITE)), d.reports.length, SITE);
    const desc = (slug: string) => items.find((i: { link: string }) => i.link.endsWith(slug)).description as string;
    expect(desc('/linzi/2023/m09/')).toContain('原文所述：完成 104 · 部分完成 13 · 未完成 7');
    expect(desc('/linzi/2021/q3/')).toMatch(/原文未写明状态 80（本站推断，非原文：.+）/);
    expect(desc('/zhangdian/2020/q2/')).toContain('已移交 5');
    for (const x of d.districts) await checkRss(await getRssString(feedOptions(d.reports, d.districts, SITE, x)), d.reports.filter((r) => r.district === x.id).length, SITE);
  });
});

describe('cadence and changes on the real dataset', () => {
  const c = new Map(allCadences(d).map((x) => [x.district, x]));
  it('张店: latest bulletin 2020 Q2; Q3 was due 2020-10-10; Q1, Q3, Q4 of 2020 have none in the collection', () => {
    const z = c.get('zhangdian')!;
    expect(z.latest).toMatchObject({ year: 2020, period: 'Q2' });
    expect(z.next).toMatchObject({ year: 2020, period: 'Q3', due: '2020-10-10' });
    expect(z.years.find((y) => y.year === 2020)!.missing.map((s) => s.period)).toEqual(['Q1', 'Q3', 'Q4']);
  });
  it('临淄: latest 2023 month 9, next due 2023-11-10; 2020 breakdown expects Q3 and Q4 bulletins, none present', () => {
    const l = c.get('linzi')!;
    expect(l.latest).toMatchObject({ year: 2023, period: 'M9' });
    expect(l.next).toMatchObject({ period: 'M10', due: '2023-11-10' });
    const y2020 = l.years.find((y) => y.year === 2020)!;
    expect([y2020.basis, y2020.missing.map((s) => s.period)]).toEqual(['breakdown', ['Q3', 'Q4']]);
    expect(foldSlots(l.years.find((y) => y.year === 2021)!.missing)).toBe('第一季度至第二季度、第四季度');
  });
  it('no district-year in the seeds has two reports yet, so there is no pair to compare', () => {
    const all = allChanges(d);
    expect(all.map((x) => `${x.district}-${x.year}:${x.reports.length}`)).toEqual(['linzi-2020:1', 'linzi-2021:1', 'linzi-2023:1', 'zhangdian-2020:1', 'zhangdian-2021:1']);
    expect(all.every((x) => x.pairs.length === 0)).toBe(true);
  });
});
