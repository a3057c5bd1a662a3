// What the indicator pages show, computed once here so the routes stay thin.
import { INDICATOR_LABELS, INDICATOR_ORDER, type IndicatorKey, type IndicatorPoint } from '../schema/indicator';
import { compareIndicators, type IndicatorComparison } from './compare';
import { layoutTargetActual, type ChartLayout } from './chart-layout';
import { pointText, valueText } from './format';

/** Short row labels for charts (fit a phone screen); tables use the full INDICATOR_LABELS. */
const INDICATOR_SHORT: Record<IndicatorKey, string> = {
  gdp: '地区生产总值',
  revenue: '一般公共预算收入',
  investment: '固定资产投资',
  retail: '社会消费品零售总额',
  incomeUrban: '城镇居民收入',
  incomeRural: '农村居民收入',
  income: '居民收入',
  industry: '规上工业增加值',
  trade: '外贸进出口',
  jobs: '城镇新增就业',
  unemployment: '调查失业率',
  registeredUnemployment: '登记失业率',
  cpi: '居民消费价格',
  grain: '粮食产量',
  energy: '节能减排',
};


export interface YearView {
  year: number;
  comparisons: IndicatorComparison[];
  chart: ChartLayout;
  summary: string;
}

function summaryOf(cs: readonly IndicatorComparison[]): string {
  return cs
    .filter((c) => c.target || c.actual)
    .map((c) => `${INDICATOR_LABELS[c.indicator]}：目标 ${c.target ? valueText(c.target) : '未列'}，实际 ${c.actual ? pointText(c.actual) : '未报'}`)
    .join('；');
}

/** One district: a chart and a table per year, years in order. */
export function districtView(points: readonly IndicatorPoint[], district: string): YearView[] {
  const mine = compareIndicators(points.filter((p) => p.district === district));
  const years = [...new Set(mine.map((c) => c.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const comparisons = mine.filter((c) => c.year === year);
    return { year, comparisons, chart: layoutTargetActual(comparisons, (c) => INDICATOR_SHORT[c.indicator]), summary: summaryOf(comparisons) };
  });
}

export interface IndicatorView {
  indicator: IndicatorKey;
  label: string;
  comparisons: IndicatorComparison[];
  chart: ChartLayout;
  summary: string;
}

/** All districts: one chart per indicator, a row per district-year. */
export function comparisonView(points: readonly IndicatorPoint[], districtName: (id: string) => string): IndicatorView[] {
  const all = compareIndicators(points);
  return INDICATOR_ORDER.flatMap((indicator) => {
    const comparisons = all.filter((c) => c.indicator === indicator);
    if (!comparisons.length) return [];
    const label = (c: IndicatorComparison) => `${districtName(c.district)} ${c.year}`;
    // Amounts (万人, 万吨) are charted in the unit most of their figures use; percentages on a % axis.
    const unit = chartUnit(comparisons);
    const summary = comparisons.map((c) => `${label(c)}：目标 ${c.target ? valueText(c.target) : '未列'}，实际 ${c.actual ? pointText(c.actual) : '未报'}`).join('；');
    return [{ indicator, label: INDICATOR_LABELS[indicator], comparisons, chart: layoutTargetActual(comparisons, label, 480, 130, unit), summary }];
  });
}

/** The unit most numeric targets and actuals of these comparisons are stated in (undefined: percent). */
function chartUnit(cs: readonly IndicatorComparison[]): string | undefined {
  const counts = new Map<string | undefined, number>();
  for (const c of cs) for (const p of [c.target, c.actual]) if (p?.value !== undefined) counts.set(p.unit, (counts.get(p.unit) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
