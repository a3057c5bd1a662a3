// Target against actual for one district-year-indicator. The annual target is the first stated; the
// actual is the full-year figure when a later document states it (the next work report), otherwise the
// latest period result (Q2, M9, Q3) — shown with its period and, if so printed, as 预计.
import { INDICATOR_ORDER, type IndicatorKey, type IndicatorPoint } from '../schema/indicator';

export interface IndicatorComparison {
  district: string;
  year: number;
  indicator: IndicatorKey;
  target?: IndicatorPoint;
  /** Full-year actual if stated, else the latest period result. */
  actual?: IndicatorPoint;
  /** Every point of this district-year-indicator, in document order (period targets and results too). */
  points: IndicatorPoint[];
}

const PERIOD_MONTH = (p: string): number => (p === 'year' ? 13 : p.startsWith('Q') ? Number(p.slice(1)) * 3 : Number(p.slice(1)));

const ROLE_ORDER = { target: 0, periodTarget: 1, actual: 2 } as const;

/** Display order within one comparison: annual target, then period targets and results by period. */
function byRoleAndPeriod(a: IndicatorPoint, b: IndicatorPoint): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || PERIOD_MONTH(a.period) - PERIOD_MONTH(b.period) || a.id.localeCompare(b.id);
}

/** The annual target to compare with: the work report's own pledge when there is one (it is where the pledge is made). */
function preferTarget(a: IndicatorPoint, b: IndicatorPoint): IndicatorPoint {
  const wa = a.reportId.endsWith('work-report');
  const wb = b.reportId.endsWith('work-report');
  if (wa !== wb) return wa ? a : b;
  return a.id.localeCompare(b.id) <= 0 ? a : b;
}

export function compareIndicators(points: readonly IndicatorPoint[]): IndicatorComparison[] {
  const groups = new Map<string, IndicatorComparison>();
  for (const p of points) {
    const key = `${p.district}|${p.year}|${p.indicator}`;
    const g = groups.get(key) ?? { district: p.district, year: p.year, indicator: p.indicator, points: [] };
    g.points.push(p);
    if (p.role === 'target') g.target = g.target ? preferTarget(g.target, p) : p;
    if (p.role === 'actual') {
      const better = !g.actual || PERIOD_MONTH(p.period) > PERIOD_MONTH(g.actual.period) || (g.actual.value === undefined && p.value !== undefined);
      if (better) g.actual = p;
    }
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    g.points.sort(byRoleAndPeriod);
    // Compare like with like: a target in percent against an actual in percent, not against an amount (亿元).
    if (g.target?.value !== undefined && g.actual && g.actual.unit !== g.target.unit) {
      const same = g.points.filter((p) => p.role === 'actual' && p.unit === g.target!.unit && p.value !== undefined);
      if (same.length) g.actual = same.reduce((a, b) => (PERIOD_MONTH(b.period) >= PERIOD_MONTH(a.period) ? b : a));
    }
  }
  return [...groups.values()].sort(
    (a, b) => a.district.localeCompare(b.district) || a.year - b.year || INDICATOR_ORDER.indexOf(a.indicator) - INDICATOR_ORDER.indexOf(b.indicator),
  );
}
