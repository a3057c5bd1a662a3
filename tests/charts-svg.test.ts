// Chart functions against a small fixture: the rounded SVG output must equal the checked-in golden
// files (as d3-shape's tests compare rounded paths), plus a few geometric facts that must hold.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { districtTimeline, statusStack, taskTimeline, unitBars, type ChartOutput } from '../src/lib/charts';
import { expectGolden } from './helpers/golden';

const dir = new URL('./fixtures/charts/', import.meta.url);
const input = JSON.parse(readFileSync(new URL('input.json', dir), 'utf8'));

function golden(name: string, out: ChartOutput) {
  expectGolden(`charts/${name}.svg`, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${out.width} ${out.height}">${out.body}</svg>\n`);
}

const widths = (body: string) => [...body.matchAll(/<rect x="[^"]+" y="0" width="([^"]+)"/g)].map((m) => Number(m[1]));

describe('statusStack', () => {
  const out = statusStack(input.statusStack, { id: 'st', width: 400, noun: '行' });
  it('matches the golden SVG', () => golden('status-stack', out));
  it('orders segments 完成, 推断·完成, 部分完成, 未完成 and drops zero counts', () => {
    expect(out.table.rows.map((r) => r[0])).toEqual(['完成', '推断·完成', '部分完成', '未完成']);
  });
  it('segment widths are proportional to counts and fill the width', () => {
    const w = widths(out.body.html);
    expect(w).toEqual([330.16, 6.35, 41.27, 22.22]);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(400, 1);
  });
  it('summarises with counts and shares', () => {
    expect(out.summary).toBe('共126行：完成104（82.5%），推断·完成2（1.6%），部分完成13（10.3%），未完成7（5.6%）。');
  });
  it('inferred segments use their own pattern', () => {
    expect(out.body.html).toContain('id="st-done-inf"');
    expect(out.body.html).toContain('fill="url(#st-done-inf)"');
  });
});

describe('unitBars', () => {
  const out = unitBars(input.unitBars, { id: 'ub', limit: 2 });
  it('matches the golden SVG', () => golden('unit-bars', out));
  it('sorts by number of tasks and lists every unit in the table, even beyond the limit', () => {
    expect(out.table.rows.map((r) => r[0])).toEqual(['区发改局', '区财政局', '区商务局']);
    expect(out.body.html).not.toContain('区商务局');
    expect(out.summary).toContain('图中显示前2个');
  });
});

describe('districtTimeline', () => {
  const out = districtTimeline(input.districtTimeline, { id: 'dt' });
  it('matches the golden SVG', () => golden('district-timeline', out));
  it('prints the share done only where the report states statuses: no 0% over a plan or an all-inferred report', () => {
    expect(out.table.rows.map((r) => r.at(-1))).toEqual(['仅目标', '未标状态', '83.9%']);
    expect(out.body.html).not.toMatch(/>0%</);
  });
  it('writes the year as a word before the period (2023年9月, never 20239月)', () => {
    expect(out.summary).toBe('3份报告：2020年第三、四季度只列目标（16项）；2021年第三季度原文未标明状态（80项）；2023年9月完成104/124。');
    expect(out.summary).not.toMatch(/\d{5}/);
  });
});

describe('taskTimeline', () => {
  const out = taskTimeline(input.taskTimeline, { id: 'tt' });
  it('matches the golden SVG', () => golden('task-timeline', out));
  it('draws inferred points dashed and stated ones solid', () => {
    expect(out.body.html.match(/stroke-dasharray="3,2"/g)?.length).toBe(1);
    expect(out.summary).toBe('3次记录：2020年第三、四季度计划→2020年第二季度推断·部分完成→2020年第四季度完成。');
  });
});
