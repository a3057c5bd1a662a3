// The built site (dist/, from `npm run build`) keeps the trust rules: no placeholder domain anywhere,
// inferred statuses apart, names as printed, tasks with parts shown as their mix, cut-off cells marked.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readSiteConfig } from '~/lib/site-config';
import { walk } from './helpers/dist-checks';
import { DIST, page } from './helpers/built-site';
import { columnsFor } from './helpers/csv-columns';

const configured = Boolean(process.env.SITE || readSiteConfig().url);
const strip = (html: string) => html.replace(/ data-astro-cid-[a-z0-9]+/g, '');

describe('built site (dist/)', () => {
  it('prints no placeholder domain in any file', () => {
    const hits = walk(DIST).filter((f) => readFileSync(join(DIST, f)).includes('example.org'));
    expect(hits).toEqual([]);
  });

  it.skipIf(configured)('without an address: no feeds, no sitemap, citations say 网址未配置, CSV urls root-relative', () => {
    expect(existsSync(join(DIST, 'feeds'))).toBe(false);
    expect(walk(DIST).filter((f) => /^sitemap/.test(f))).toEqual([]);
    expect(page('')).not.toContain('application/rss+xml');
    expect(page('linzi/2023/tasks/088/')).toContain('网址未配置（本站内路径 /linzi/2023/tasks/088/）');
    const tasks = parse(readFileSync(join(DIST, 'data/all/tasks.csv')), { bom: true, columns: columnsFor('data/all/tasks.csv') }) as Record<string, string>[];
    for (const t of tasks) expect(t.url, t.id).toMatch(/^\/[a-z]/);
    // An embed snippet is pasted into other sites: with a relative address it would be broken, so none is offered.
    const embeds = walk(DIST).filter((f) => /^embed\/[^/]+\/index\.html$/.test(f));
    expect(embeds.length).toBeGreaterThan(5);
    for (const f of embeds) expect(readFileSync(join(DIST, f), 'utf8'), f).toContain('嵌入代码：本站尚未配置网址');
  });

  it('an unconfirmed name is shown as printed, marked 存疑 and linked to the quality page, with no page of its own', () => {
    expect(walk(DIST).filter((f) => f.startsWith('leaders/') && f.includes('zan-jin'))).toEqual([]);
    const html = strip(page('linzi/2023/tasks/088/'));
    expect(html).toContain('<span class="uncertain-name">崔贊晋</span>');
    expect(html).toMatch(/存疑[^<]*<a href="\/?[^"]*quality\/#linzi-2023-m09-L133-unknown-name">/);
    expect(page('quality/')).toContain('id="linzi-2023-m09-L133-unknown-name"');
    expect(strip(page('linzi/2023/m09/'))).toContain('崔贊晋<span class="meta uncertain-note">（崔贊晋：存疑，见数据质量）</span>');
  });

  it('a task with parts shows their mix and counts its rows like the report page', () => {
    const html = strip(page('zhangdian/2020/tasks/015/'));
    expect(html).toMatch(/最新状态：<span class="parts-mix" data-parts="4">.*已移交齐鲁化工区<\/span> 1 · .*完成<\/span> 3/);
    expect(html).toContain('进展记录（1 份文件，4 行');
    expect(strip(page('zhangdian/2020/')).match(/<h3>已移交（(\d+)/)![1]).toBe('5');
  });

  it('a cut-off cell carries its mark on the task, report and year pages and in the CSV', () => {
    for (const p of ['linzi/2020/tasks/020/', 'linzi/2020/plan-q3-q4/']) expect(page(p), p).toMatch(/凤凰原著幼儿园进行<\/p> <a class="cut-off" href="\/?[^"]*quality\/#linzi-2020-plan-q3-q4-L56-row-cut-off"[^>]*>〔原文在此中断/);
    expect(page('linzi/2020/')).toContain('〔本项原文中断〕');
    expect(readFileSync(join(DIST, 'data/linzi/2020/plan-q3-q4/progress.csv'), 'utf8')).toContain('凤凰原著幼儿园进行〔原文在此中断');
  });

  it('inferred statuses never share a group or a facet with stated ones', () => {
    const year = strip(page('linzi/2021/'));
    expect(year).toMatch(/<h3>推断·部分完成（\d+/);
    expect(year).not.toMatch(/<h3>部分完成（/);
    const meta = walk(DIST).find((f) => /^search-index\/[^/]+\/meta\.json$/.test(f))!;
    const statuses = JSON.parse(readFileSync(join(DIST, meta), 'utf8')).statuses as string[];
    expect(statuses).toEqual(expect.arrayContaining(['partial', 'inferredPartial']));
    const csv = parse(readFileSync(join(DIST, 'data/linzi/2021/q3/progress.csv')), { bom: true, columns: columnsFor('data/linzi/2021/q3/progress.csv') }) as Record<string, string>[];
    expect(new Set(csv.map((r) => r.status))).toEqual(new Set(['unstated']));
  });
});
