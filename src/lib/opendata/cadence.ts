// Reporting cadence: from the bulletins present, which periods of each district-year should have a
// bulletin, when each was due, which have none in the collection, and when the next one was due.
// All dates come from the data, never from "today", so the page reads the same on every build.
import type { Period, Report } from '../schema';
import { addDays, monthEnd, periodEndMonth } from './as-of';
import type { Dataset } from '../schema';

/**
 * A bulletin counts as due this many days after its period ends. Our assumption, not a rule printed
 * in the sources: district bulletins are usually issued in the first days of the following month.
 */
export const DUE_AFTER_DAYS = 10;

export type Cadence = 'quarterly' | 'monthly';
/** observed: from the bulletins' own periods · breakdown: the periods a 分解表 sets targets for · assumed: no bulletin, quarterly assumed. */
export type CadenceBasis = 'observed' | 'breakdown' | 'assumed';

export interface PeriodSlot {
  year: number;
  period: Period;
  label: string;
  /** Last day of the period (YYYY-MM-DD). */
  end: string;
  /** end + DUE_AFTER_DAYS. */
  due: string;
  /** Bulletins in the collection for this period. */
  reportIds: string[];
}

export interface YearCadence {
  district: string;
  year: number;
  cadence: Cadence;
  basis: CadenceBasis;
  slots: PeriodSlot[];
  /** Slots with no bulletin in the collection. */
  missing: PeriodSlot[];
}

export interface DistrictCadence {
  district: string;
  years: YearCadence[];
  /** The latest period with a bulletin, across years. */
  latest?: PeriodSlot;
  /** The period after `latest` and when its bulletin was due; none of it is in the collection. */
  next?: PeriodSlot;
}

const CN_NUM = ['', '一', '二', '三', '四'];
function periodLabel(p: Period): string {
  if (p === 'year') return '全年';
  if (p.startsWith('Q')) return `第${CN_NUM[Number(p.slice(1))]}季度`;
  return `${Number(p.slice(1))}月`;
}

export function slotOf(year: number, period: Period, reportIds: string[] = []): PeriodSlot {
  const end = monthEnd(year, periodEndMonth(period));
  return { year, period, label: `${year}年${periodLabel(period)}`, end, due: addDays(end, DUE_AFTER_DAYS), reportIds };
}

const allPeriods = (c: Cadence): Period[] => (c === 'monthly' ? Array.from({ length: 12 }, (_, i) => `M${i + 1}`) : ['Q1', 'Q2', 'Q3', 'Q4']);

/** The period after `p` in a cadence, rolling into the next year after Q4 / M12. */
export function nextPeriod(year: number, p: Period, c: Cadence): { year: number; period: Period } {
  const list = allPeriods(c);
  const i = list.indexOf(p);
  if (i < 0) return { year, period: list[0]! };
  return i === list.length - 1 ? { year: year + 1, period: list[0]! } : { year, period: list[i + 1]! };
}

export function yearCadence(district: string, year: number, reports: Report[]): YearCadence {
  const bulletins = reports.filter((r) => r.kind === 'progress');
  const periodsSeen = bulletins.flatMap((r) => r.periods.map((p) => ({ p, id: r.id })));
  const monthly = periodsSeen.some((x) => x.p.startsWith('M'));
  const cadence: Cadence = monthly ? 'monthly' : 'quarterly';
  const planned = reports.filter((r) => r.kind === 'breakdown').flatMap((r) => r.periods).filter((p) => p !== 'year');
  const basis: CadenceBasis = bulletins.length ? 'observed' : planned.length ? 'breakdown' : 'assumed';
  // A breakdown names the periods it expects results for; otherwise every period of the cadence.
  const expected = basis === 'breakdown' ? [...new Set(planned)].sort((a, b) => periodEndMonth(a) - periodEndMonth(b)) : allPeriods(cadence);
  const slots = expected.map((p) => {
    // A quarterly slot is also covered by a monthly bulletin of the quarter's last month, and vice versa.
    const ids = periodsSeen.filter((x) => x.p === p || periodEndMonth(x.p) === periodEndMonth(p)).map((x) => x.id);
    return slotOf(year, p, [...new Set(ids)]);
  });
  return { district, year, cadence, basis, slots, missing: slots.filter((s) => s.reportIds.length === 0) };
}

export function districtCadence(district: string, reports: Report[]): DistrictCadence {
  const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
  const yc = years.map((y) => yearCadence(district, y, reports.filter((r) => r.year === y)));
  let latest: PeriodSlot | undefined;
  let latestCadence: Cadence = 'quarterly';
  for (const c of yc) for (const s of c.slots) if (s.reportIds.length && (!latest || s.end > latest.end)) { latest = s; latestCadence = c.cadence; }
  let next: PeriodSlot | undefined;
  if (latest) {
    const n = nextPeriod(latest.year, latest.period, latestCadence);
    next = slotOf(n.year, n.period);
  }
  return { district, years: yc, latest, next };
}

export function allCadences(d: Pick<Dataset, 'districts' | 'reports'>): DistrictCadence[] {
  return d.districts
    .map((x) => districtCadence(x.id, d.reports.filter((r) => r.district === x.id)))
    .filter((c) => c.years.length > 0);
}

/** "1–8月、10–12月": consecutive missing slots of a year folded into ranges for reading. */
export function foldSlots(slots: PeriodSlot[]): string {
  const groups: PeriodSlot[][] = [];
  for (const s of slots) {
    const g = groups.at(-1);
    const prev = g?.at(-1);
    if (g && prev && addDays(prev.end, 1).slice(0, 7) <= s.end.slice(0, 7) && periodEndMonth(s.period) - periodEndMonth(prev.period) === (s.period.startsWith('Q') ? 3 : 1)) g.push(s);
    else groups.push([s]);
  }
  return groups.map((g) => (g.length === 1 ? periodLabel(g[0]!.period) : `${periodLabel(g[0]!.period)}至${periodLabel(g.at(-1)!.period)}`)).join('、');
}
