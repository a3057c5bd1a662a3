// "数据截至": the date a report's facts describe. A date printed on the document wins; otherwise the
// last day of the period it covers (a Q3 bulletin describes the state at 30 September). Never the
// build date, so two builds print the same thing.
import type { Period, Report } from '../schema';

export interface AsOf {
  /** YYYY-MM-DD */
  iso: string;
  /** printed: the document prints this date; period-end: the last day of the period it reports on. */
  basis: 'printed' | 'period-end';
  /** Chinese text for the page, e.g. "2023-09-30（通报期末）". */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Last month of a period: Q3 → 9, M9 → 9, year → 12. */
export function periodEndMonth(period: Period): number {
  if (period === 'year') return 12;
  if (period.startsWith('Q')) return Number(period.slice(1)) * 3;
  return Number(period.slice(1));
}

/** Last day of a month (month 1–12) as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Add days to an ISO date, in UTC (no time zone can shift it). */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function reportAsOf(r: Pick<Report, 'date' | 'year' | 'periods' | 'kind'>): AsOf {
  if (r.date) return { iso: r.date, basis: 'printed', label: `${r.date}（文件落款日期）` };
  const last = Math.max(...r.periods.map(periodEndMonth));
  const iso = monthEnd(r.year, last);
  return { iso, basis: 'period-end', label: `${iso}（${r.kind === 'progress' ? '通报' : '报告'}所述期末；文件未印日期）` };
}

/** The latest as-of among several reports (for a task, a chart or the whole dataset). */
export function latestAsOf(reports: Pick<Report, 'date' | 'year' | 'periods' | 'kind'>[]): AsOf | undefined {
  let best: AsOf | undefined;
  for (const r of reports) {
    const a = reportAsOf(r);
    if (!best || a.iso > best.iso) best = a;
  }
  return best;
}
