import { describe, expect, it } from 'vitest';
import { layoutTargetActual } from '../src/lib/indicators/chart-layout';
import type { IndicatorComparison } from '../src/lib/indicators/compare';
import { pointText, sourceText, valueText } from '../src/lib/indicators/format';
import type { IndicatorPoint } from '../src/lib/schema/indicator';

const pt = (over: Partial<IndicatorPoint>): IndicatorPoint => ({
  id: 'x', district: 'zhangdian', year: 2020, indicator: 'gdp', role: 'target', period: 'year', forecast: false, phrase: '地区生产总值增长6.5%左右', reportId: 'r',
  source: { file: 'content/reports/zhangdian/2021-work-report.txt', lines: [45, 47], verbatim: '' }, ...over,
});

describe('indicator text', () => {
  it('prints values as the source bounds them, forecasts with 预计, part-year results with their period', () => {
    expect(valueText(pt({ value: 6.5, comparatorText: '左右' }))).toBe('6.5%左右');
    expect(valueText(pt({ value: -29 }))).toBe('−29%');
    expect(pointText(pt({ value: -6, forecast: true, period: 'Q2', role: 'actual' }))).toBe('预计 −6%（二季度）');
    expect(pointText(pt({ value: 7, period: 'M9' }))).toBe('7%（1–9月）');
    expect(sourceText(pt({}))).toBe('zhangdian/2021-work-report.txt 第45–47行');
  });
});

describe('target-against-actual layout', () => {
  const c = (target: number, actual: number, forecast = false, period = 'year'): IndicatorComparison => ({
    district: 'zhangdian', year: 2020, indicator: 'gdp', points: [],
    target: pt({ value: target }), actual: pt({ value: actual, role: 'actual', forecast, period }),
  });
  const layout = layoutTargetActual([c(6.5, 2.4), c(2, -29), c(8, -10, true, 'Q2')], (x) => String(x.year), 640, 150);

  it('puts zero inside the axis when actuals are negative, and orders marks by value', () => {
    expect(layout.ticks[0]!.label).toBe('−30%');
    expect(layout.zeroX).toBeGreaterThan(layout.plotLeft);
    const [a, b] = layout.rows;
    expect(a!.actual!.x).toBeLessThan(a!.target!.x); // 2.4 left of 6.5
    expect(b!.actual!.x).toBeLessThan(layout.zeroX); // −29 left of zero
  });
  it('draws forecasts and part-year results hollow', () => {
    expect(layout.rows.map((r) => r.actual!.hollow)).toEqual([false, false, true]);
  });
  it('skips comparisons with no number at all', () => {
    const text: IndicatorComparison = { district: 'zhangdian', year: 2020, indicator: 'energy', points: [], target: pt({ indicator: 'energy' }) };
    expect(layoutTargetActual([text], () => '').rows).toEqual([]);
  });
});
