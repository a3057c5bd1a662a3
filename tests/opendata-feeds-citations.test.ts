import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { checkCitations, checkRss } from './helpers/opendata-checks';
import { constructedDataset } from './helpers/opendata-fixture';
import { feedOptions } from '../src/lib/opendata/feeds';
import { citeChart, citeReport, citeTask } from '../src/lib/opendata/citation';
import { reportAsOf } from '../src/lib/opendata/as-of';
import type { Dataset } from '~/lib/dataset/collections';

const SITE = 'https://example.org/portal/';



describe('feeds', () => {
  const d = constructedDataset();
  it('site-wide feed is valid RSS 2.0 with one item per report, newest first', async () => {
    const items = await checkRss(await getRssString(feedOptions(d.reports, d.districts, SITE)), d.reports.length, SITE);
    expect(items[0].link).toBe(`${SITE}testqu/2022/q3/`);
    expect(items[0].description).toContain('原文所述：完成 1；仅有目标 2；原文未写明状态 1（本站推断，非原文：部分完成 1）');
    expect(items[1].description).toContain('仅有目标 4');
    expect(items[0].pubDate).toBeUndefined(); // no date printed, none invented
    expect(items[1].pubDate).toMatch(/Aug 2022/);
  });
  it('per-district feed holds only that district', async () => {
    const other = { ...d.reports[0]!, id: 'other-2022-q3', district: 'other' };
    await checkRss(await getRssString(feedOptions([...d.reports, other], d.districts, SITE, d.districts[0])), d.reports.length, SITE);
  });
});

describe('citations (GB/T 7714)', () => {
  const d = constructedDataset();
  it('every task has a citation with its source file and line', () => checkCitations(d, SITE));
  it('a report with a printed issuer and date is cited with them; without, the district government and a note', () => {
    const dist = d.districts[0];
    const plan = d.reports.find((r) => r.kind === 'breakdown')!;
    expect(citeReport(plan, dist, SITE).text).toBe(`测试区人民政府. 测试区2022年plan-q3-q4[R/OL]. (2022-08-12)[引用日期]. ${SITE}testqu/2022/plan-q3-q4/.`);
    const q3 = citeReport(d.reports.find((r) => r.slug === 'q3')!, dist, SITE);
    expect(q3.text).toBe(`测试市测试区人民政府. 测试区2022年q3[R/OL]. [引用日期]. ${SITE}testqu/2022/q3/.`);
    expect(q3.authorNote).toContain('未印发文机关');
    expect(q3.asOf).toMatchObject({ iso: '2022-09-30', basis: 'period-end' });
  });
  it('a chart is cited as the portal’s work, dated by its data', () => {
    const c = citeChart({ title: '测试区2022年第三季度状态分布', embedPath: 'embed/testqu-2022-q3-status/', reports: d.reports }, SITE);
    expect(c.text).toBe(`区县政府工作报告目标任务公开平台. 测试区2022年第三季度状态分布[EB/OL]. (2022-09-30)[引用日期]. ${SITE}embed/testqu-2022-q3-status/.`);
    expect(c.sources).toHaveLength(2);
  });
  it('数据截至 prefers a printed date', () => {
    expect(reportAsOf({ date: '2020-08-12', year: 2020, periods: ['Q3', 'Q4'], kind: 'breakdown' }).iso).toBe('2020-08-12');
    expect(reportAsOf({ year: 2023, periods: ['M9'], kind: 'progress' }).iso).toBe('2023-09-30');
    expect(reportAsOf({ year: 2020, periods: ['Q4'], kind: 'progress' }).iso).toBe('2020-12-31');
  });
});
