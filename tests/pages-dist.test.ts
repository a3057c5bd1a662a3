// The built portal (dist/) against the real dataset (generated/): every entity has its page, the
// pages say what the sources say, and no internal link or #anchor is broken.
// Reads dist/, which the test setup builds if it is missing or stale (tests/helpers/build-once.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../src/lib/schema/status';
import { rowAnchor } from '../src/lib/site/bulletin';
import { paths } from '../src/lib/urls';
import { statusDisplay } from '../src/lib/site/status-display';
import { isZipped } from '../src/lib/source-files';
import { unzipSync } from 'fflate';
import { BASE, DIST, byId, decode, loadDataset, page, text, walk } from './helpers/built-site';
import { findBrokenLinks } from './helpers/dist-checks';
import type { Dataset } from '~/lib/dataset/collections';

/** Every page the dataset calls for, as base-relative directory paths. */
function expectedPages(ds: Dataset): string[] {
  const years = new Set([...ds.tasks, ...ds.reports].map((x) => paths.year(x.district, x.year)));
  return [
    paths.home(),
    paths.about(),
    paths.quality(),
    ...ds.districts.map((d) => paths.district(d.id)),
    ...years,
    ...ds.reports.map((r) => paths.report(r)),
    ...ds.tasks.map((t) => paths.task(t)),
    ...ds.units.map((u) => paths.unit(u.id)),
    ...ds.leaders.map((l) => paths.leader(l.id)),
  ];
}

describe('built pages (dist/)', () => {
  let ds: Dataset;
  let files: string[];
  beforeAll(() => {
    ds = loadDataset();
    files = walk(DIST);
  });

  it('has a page for every district, district-year, report, task, unit and leader — and no others under those routes', () => {
    const expected = expectedPages(ds);
    const built = new Set(files.filter((f) => f.endsWith('index.html')).map((f) => f.slice(0, -'index.html'.length)));
    const missing = expected.filter((p) => !built.has(p));
    expect(missing).toEqual([]);
    // Pages under the entity routes that the dataset does not call for (stale or invented pages).
    const owned = new Set([...ds.districts.map((d) => `${d.id}/`), 'units/', 'leaders/']);
    // Other issues' pages that live under a district (indicators) are theirs to test.
    const others = new Set(ds.districts.map((d) => paths.districtIndicators(d.id)));
    const extra = [...built].filter((p) => owned.has(p.replace(/\/.*$/, '/')) && !expected.includes(p) && !others.has(p));
    expect(extra).toEqual([]);
    expect(expected.length).toBeGreaterThan(400);
  });

  it('serves every source file byte for byte under /sources/ (a text-like one inside its zip)', () => {
    for (const r of ds.reports) {
      const published = readFileSync(join(DIST, paths.source(r.source.file)));
      const built = isZipped(r.source.file) ? Buffer.from(Object.values(unzipSync(published))[0]!) : published;
      expect(built.equals(readFileSync(r.source.file)), r.source.file).toBe(true);
      expect(createHash('sha256').update(built).digest('hex')).toBe(r.source.sha256);
    }
  });

  it('task page of zhangdian-2020-001 shows 未完成 and 预计同比下降6%', () => {
    const t = text(page('zhangdian/2020/tasks/001/'));
    expect(t).toContain('预计同比下降6%');
    expect(t).toMatch(/最新状态： 未完成/);
  });

  it('report page of 临淄 2023-09 shows 104 / 13 / 7 for 完成 / 部分完成 / 未完成', () => {
    const chart = byId(page('linzi/2023/m09/'), 'report-mix', 'figure')!;
    const row = (label: string) => new RegExp(`<th scope="row">${label}</th><td class="num">(\\d+)</td>`).exec(chart)?.[1];
    expect([row('完成'), row('部分完成'), row('未完成')]).toEqual(['104', '13', '7']);
    expect(text(chart)).toContain('共124行：完成104（83.9%），部分完成13（10.5%），未完成7（5.6%）');
  });

  it('home page lists every report with its task count and status counts', () => {
    const home = page('');
    for (const r of ds.reports) {
      const m = new RegExp(`<tr data-report="${r.id}">([\\s\\S]*?)</tr>`).exec(home);
      expect(m, r.id).toBeTruthy();
      const cells = [...m![1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((x) => x[1]!);
      expect(Number(cells[0]), `${r.id} task count`).toBe(r.taskCount);
      if (r.kind !== 'progress') {
        // Targets only: said in words, never a row of zeros.
        expect(text(cells[1]!), r.id).toBe('只列目标，没有完成情况');
        continue;
      }
      // The first status cell holds the stated counts the ingest recorded, each non-zero status once.
      const tallies = Object.fromEntries([...cells[1]!.matchAll(/data-status="(\w+)"[^>]*>[^<]*?(\d+)<\/span>/g)].map((x) => [x[1], Number(x[2])]));
      const expected = Object.fromEntries(Object.entries(r.statusCounts).filter(([k, n]) => n > 0 && k !== 'planned' && k !== 'unstated'));
      expect(tallies, r.id).toEqual(expected);
    }
  });

  it('shows inferred statuses as 推断 with the deciding phrase, and stated ones as printed', () => {
    const inferred = ds.progress.filter((p) => p.statusSource === 'inferred');
    expect(inferred.length).toBeGreaterThan(0);
    const byTask = new Map(ds.tasks.map((t) => [t.id, t]));
    for (const p of inferred) {
      const html = page(paths.task(byTask.get(p.taskId)!));
      const badge = `<span class="badge badge-${p.status} inferred"`;
      expect(html, p.id).toContain(badge);
      expect(text(html), p.id).toContain(statusDisplay(p.status, p.statusSource, p.statusPhrase).text);
      expect(statusDisplay(p.status, p.statusSource, p.statusPhrase).text, p.id).toMatch(new RegExp(`^推断：${STATUS_LABELS[p.status]}（依据`));
    }
    // A stated 已移交 keeps the government's wording, e.g. 已移交经开区 / 已移交齐鲁化工区.
    const moved = ds.progress.find((p) => p.statusSource === 'stated' && p.status === 'transferred')!;
    expect(text(page(paths.task(byTask.get(moved.taskId)!)))).toContain(`状态： ${moved.statusPhrase}`);
    expect(page('linzi/2021/q3/')).not.toMatch(/<span class="badge badge-(done|partial|notDone)"[^>]*>(完成|部分完成|未完成)</);
  });

  it('shows sub-target rows under their task on report and task pages', () => {
    const subs = ds.progress.filter((p) => p.subIndex > 0);
    expect(subs.length).toBeGreaterThan(0);
    const byTask = new Map(ds.tasks.map((t) => [t.id, t]));
    const byReport = new Map(ds.reports.map((r) => [r.id, r]));
    for (const s of subs) {
      expect(page(paths.report(byReport.get(s.reportId)!)), s.id).toContain(`id="${rowAnchor(s)}"`);
      const taskHtml = page(paths.task(byTask.get(s.taskId)!));
      expect(taskHtml, s.id).toContain(`id="p-${s.reportId}-s${s.subIndex}"`);
      if (s.result) expect(text(taskHtml)).toContain(text(s.result.html).slice(0, 20));
    }
  });

  it('unit and leader pages show every printed variant and the led/assisted/listed counts', () => {
    for (const u of ds.units) {
      const t = text(page(paths.unit(u.id)));
      for (const v of u.variants) expect(t, u.id).toContain(decode(v).replace(/\s+/g, ' ').trim());
      expect(t).toMatch(/牵头 \d+ 项 协办 \d+ 项 列为责任单位/);
    }
    for (const l of ds.leaders) {
      const t = text(page(paths.leader(l.id)));
      for (const v of l.variants) expect(t, l.id).toContain(v.replace(/\s+/g, ' ').trim());
    }
  });

  it('quality page lists every anomaly with file:line and the verbatim line', () => {
    const html = page(paths.quality());
    for (const a of ds.anomalies) {
      const item = byId(html, a.id, 'li');
      expect(item, a.id).toBeTruthy();
      expect(text(item!)).toContain(`${a.file.replace(/^content\/reports\//, '')} 第${a.line}行`);
      // Plain Chinese for citizens: no codes, no repository paths or maintainer instructions.
      expect(text(item!)).not.toContain(a.kind);
      expect(text(item!)).not.toMatch(/content\/aliases|\.yaml/);
      expect(text(item!)).toContain(a.verbatim.replace(/\s+/g, ' ').trim());
    }
  });

  it('every chart has an accessible name, a summary and a data table', () => {
    for (const p of ['', 'linzi/', 'linzi/2023/', 'linzi/2023/m09/', paths.unit(ds.units[0]!.id)]) {
      const html = page(p);
      const figs = [...html.matchAll(/<figure class="chart" id="([^"]+)">([\s\S]*?)<\/figure>/g)];
      expect(figs.length, p).toBeGreaterThan(0);
      for (const [, id, body] of figs) {
        expect(body).toContain(`role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`);
        expect(body).toMatch(new RegExp(`<p class="chart-summary" id="${id}-desc">[^<]+</p>`));
        expect(body).toContain('<table>');
      }
    }
  });

  it('has no broken internal link, #anchor or asset reference, and no duplicate ids on a page', () => {
    expect(findBrokenLinks(DIST, BASE)).toEqual([]);
  });
});
