// Indicator points from the real seeds: 004's 2021 targets and 2020 actuals, and the bulletin rows
// of 000 (tasks 1–6), 002 (task 1) and 003 (task 1), built from their printed lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkReport } from '../src/lib/workreport';
import { rowPoints, workReportPoints, type IndicatorRow } from '../src/lib/indicators/build-points';
import { compareIndicators } from '../src/lib/indicators/compare';
import { provenanceOf } from '../src/lib/indicators/locate';
import type { IndicatorPoint } from '../src/lib/schema/indicator';

const WR = 'content/reports/zhangdian/2021-work-report.txt';
const Q2 = 'content/reports/zhangdian/2020-q2-progress.txt';
const M9 = 'content/reports/linzi/2023-m09-progress.txt';
const Q3 = 'content/reports/linzi/2021-q3-progress.txt';
const read = (f: string) => readFileSync(f, 'utf8').split('\n');
const wrLines = read(WR);
const q2Lines = read(Q2);

const wrPoints = workReportPoints(parseWorkReport(wrLines, WR), { district: 'zhangdian', year: 2021, reportId: 'zhangdian-2021-work-report' }, WR, wrLines);
const brief = (p: IndicatorPoint) => [p.indicator, p.role, p.year, p.value ?? null, p.comparatorText ?? '', p.source.lines[0], p.source.lines[1]];

/** A cell-per-line row of 000: pledge, Q2 target and result on the given lines. */
function q2Row(rowLines: [number, number], pledge: number, target: [number, number], result: number): IndicatorRow {
  const cell = ([a, b]: [number, number]) => q2Lines.slice(a - 1, b).join('\n');
  return {
    district: 'zhangdian',
    year: 2020,
    reportId: 'zhangdian-2020-q2',
    period: 'Q2',
    pledge: q2Lines[pledge - 1]!,
    pledgeSource: provenanceOf(Q2, q2Lines, pledge, pledge),
    periodTargets: [{ text: cell(target), period: 'Q2' }],
    result: q2Lines[result - 1]!,
    rowSource: provenanceOf(Q2, q2Lines, rowLines[0], rowLines[1]),
  };
}
const q2Points = [
  ...rowPoints(q2Row([9, 15], 10, [11, 11], 12)),
  ...rowPoints(q2Row([17, 23], 18, [19, 19], 20)),
  ...rowPoints(q2Row([25, 30], 26, [27, 27], 28)),
  ...rowPoints(q2Row([32, 38], 33, [34, 34], 35)),
  ...rowPoints(q2Row([40, 44], 41, [42, 42], 43)),
  ...rowPoints(q2Row([46, 54], 47, [48, 50], 51)),
];

/** A tab-separated row (002, 003) on one line. */
function tsvRow(file: string, line: number, district: string, year: number, reportId: string, period: string, cols: { pledge: number; target: number; result: number }): IndicatorRow {
  const lines = read(file);
  const cells = lines[line - 1]!.split('\t');
  const src = provenanceOf(file, lines, line, line);
  return { district, year, reportId, period, pledge: cells[cols.pledge]!, pledgeSource: src, periodTargets: [{ text: cells[cols.target]!, period }], result: cells[cols.result]!, rowSource: src };
}

describe('zhangdian/2021-work-report.txt: 2021 targets and 2020 actuals', () => {
  it('reads the 2021 main targets from line 97, and the trade target set in area （三） (line 133)', () => {
    expect(wrPoints.filter((p) => p.role === 'target').map(brief)).toEqual([
      ['gdp', 'target', 2021, 7, '以上', 97, 97],
      ['revenue', 'target', 2021, 7, '以上', 97, 97],
      ['investment', 'target', 2021, 10, '以上', 97, 97],
      ['retail', 'target', 2021, 8, '左右', 97, 97],
      ['incomeUrban', 'target', 2021, 7, '', 97, 97],
      ['incomeRural', 'target', 2021, 7.5, '', 97, 97],
      ['energy', 'target', 2021, null, '', 97, 97],
      ['trade', 'target', 2021, 5, '以上', 133, 133],
      ['registeredUnemployment', 'target', 2021, 4.5, '以内', 157, 157],
    ]);
    expect(wrPoints.find((p) => p.indicator === 'energy')?.phrase).toBe('全面完成上级下达的节能减排约束性指标');
  });

  it('reads the 2020 actuals from part 一 (the paragraphs after 刚刚过去的2020年), citing the line each is printed on (the retail figure crosses a page break)', () => {
    expect(wrPoints.filter((p) => p.role === 'actual').map(brief)).toEqual([
      ['gdp', 'actual', 2020, 2.4, '', 45, 45],
      ['revenue', 'actual', 2020, -29, '', 45, 45],
      ['investment', 'actual', 2020, 4.2, '', 45, 45],
      ['retail', 'actual', 2020, -0.7, '', 45, 47],
      ['trade', 'actual', 2020, 31.1, '', 51, 51],
      ['registeredUnemployment', 'actual', 2020, 3, '以内', 63, 63],
    ]);
    // Line 37's 城镇登记失业率 is a five-year statement (五年来…): not a 2020 figure.
    expect(wrPoints.some((p) => p.source.lines[0] === 37)).toBe(false);
    // Not the 十三五 five-year average (年均增长5.66%), nor the 同口径 revenue figure.
    expect(wrPoints.some((p) => p.value === 5.66 || p.value === 1.2)).toBe(false);
    const retail = wrPoints.find((p) => p.indicator === 'retail' && p.role === 'actual')!;
    expect(retail.source.verbatim).toBe(wrLines.slice(44, 47).join('\n'));
  });
});

describe('zhangdian/2020-q2-progress.txt: tasks 1–6 (2020 targets, Q2 targets and results)', () => {
  it('reads the annual targets from the pledges', () => {
    expect(q2Points.filter((p) => p.role === 'target').map(brief)).toEqual([
      ['gdp', 'target', 2020, 6.5, '左右', 10, 10],
      ['revenue', 'target', 2020, 2, '左右', 18, 18],
      ['investment', 'target', 2020, 15, '以上', 26, 26],
      ['retail', 'target', 2020, 8, '左右', 33, 33],
      ['trade', 'target', 2020, null, '', 41, 41],
      ['incomeUrban', 'target', 2020, 7, '左右', 47, 47],
      ['incomeRural', 'target', 2020, 7, '以上', 47, 47],
    ]);
  });

  it('reads the Q2 targets, including the 城镇/农村 cell split over lines 48–50', () => {
    expect(q2Points.filter((p) => p.role === 'periodTarget').map(brief)).toEqual([
      ['gdp', 'periodTarget', 2020, 6, '', 11, 11],
      ['revenue', 'periodTarget', 2020, -6, '', 19, 19],
      ['investment', 'periodTarget', 2020, 16, '', 27, 27],
      ['retail', 'periodTarget', 2020, 9, '', 34, 34],
      ['trade', 'periodTarget', 2020, null, '', 42, 42],
      ['incomeUrban', 'periodTarget', 2020, 7, '', 48, 48],
      ['incomeRural', 'periodTarget', 2020, 7.1, '', 50, 50],
    ]);
  });

  it('reads the Q2 results and marks 预计 as forecast', () => {
    const results = q2Points.filter((p) => p.role === 'actual');
    expect(results.map((p) => [p.indicator, p.value ?? null, p.forecast, p.period, p.source.lines[0]])).toEqual([
      ['gdp', -6, true, 'Q2', 12],
      ['revenue', -44, true, 'Q2', 20],
      ['investment', -5.8, false, 'Q2', 28],
      ['retail', -10, true, 'Q2', 35],
      ['trade', -7.6, false, 'Q2', 43],
    ]);
    // Line 51 "未完成。7月26日出数据。" is a status and a note about when data comes, not a figure.
    expect(results.some((p) => p.source.lines[0] === 51)).toBe(false);
  });
});

describe('the 2020 Zhangdian pairs: target (000) against actual (004)', () => {
  const pairs = compareIndicators([...q2Points, ...wrPoints]).filter((c) => c.year === 2020);
  const pair = (k: string) => pairs.find((c) => c.indicator === k)!;
  it.each([
    ['gdp', 6.5, '左右', 2.4],
    ['revenue', 2, '左右', -29],
    ['investment', 15, '以上', 4.2],
    ['retail', 8, '左右', -0.7],
  ])('%s: %d%% %s against %d%%', (k, target, cmp, actual) => {
    const c = pair(k);
    expect([c.target?.value, c.target?.comparatorText, c.target?.reportId]).toEqual([target, cmp, 'zhangdian-2020-q2']);
    expect([c.actual?.value, c.actual?.period, c.actual?.reportId, c.actual?.forecast]).toEqual([actual, 'year', 'zhangdian-2021-work-report', false]);
  });
  it('keeps the Q2 figures beside the full-year pair', () => {
    expect(pair('gdp').points.map((p) => `${p.role}:${p.period}:${p.value}`)).toEqual(['target:year:6.5', 'periodTarget:Q2:6', 'actual:Q2:-6', 'actual:year:2.4']);
  });
});

describe('Linzi first tasks: 002 (2023, M9) and 003 (2021, Q3)', () => {
  it('002 task 1: targets, M9 targets, results with 预计', () => {
    const pts = rowPoints(tsvRow(M9, 6, 'linzi', 2023, 'linzi-2023-m09', 'M9', { pledge: 1, target: 2, result: 3 }));
    expect(pts.filter((p) => p.role === 'target').map((p) => [p.indicator, p.value ?? null, p.comparatorText ?? ''])).toEqual([
      ['gdp', 5.5, '以上'],
      ['revenue', 6, '以上'],
      ['investment', 10, '以上'],
      ['income', 5.5, '左右'],
      ['retail', 5, '以上'],
      ['energy', null, ''],
    ]);
    expect(pts.filter((p) => p.role === 'actual').map((p) => [p.indicator, p.value, p.forecast])).toEqual([
      ['revenue', 8.1, false],
      ['investment', 0, false],
      ['retail', 7, true],
    ]);
    expect(pts.every((p) => p.source.lines[0] === 6 && p.source.file === M9)).toBe(true);
  });
  it('003 task 1: results are all forecasts (预计); revenue growth read after the amount', () => {
    const pts = rowPoints(tsvRow(Q3, 6, 'linzi', 2021, 'linzi-2021-q3', 'Q3', { pledge: 1, target: 2, result: 4 }));
    expect(pts.filter((p) => p.role === 'target').map((p) => [p.indicator, p.value ?? null])).toEqual([
      ['gdp', 7],
      ['investment', 10],
      ['revenue', 7],
      ['industry', 8],
      ['incomeUrban', 7],
      ['incomeRural', 7.5],
      ['energy', null],
    ]);
    expect(pts.filter((p) => p.role === 'actual').map((p) => [p.indicator, p.value, p.forecast])).toEqual([
      ['gdp', 12, true],
      ['investment', 16.6, true],
      ['revenue', 16.18, true],
      ['income', 9, true],
    ]);
    expect(new Set(pts.map((p) => p.id)).size).toBe(pts.length);
  });
});

describe('comparison does not depend on the order points arrive in', () => {
  it('gives the same pairs and point order for reversed input (content collections sort by id)', () => {
    const all = [...q2Points, ...wrPoints];
    const fwd = compareIndicators(all);
    const rev = compareIndicators([...all].reverse());
    expect(rev.map((c) => [c.indicator, c.year, c.target?.id, c.actual?.id, c.points.map((p) => p.id)])).toEqual(fwd.map((c) => [c.indicator, c.year, c.target?.id, c.actual?.id, c.points.map((p) => p.id)]));
  });
});
