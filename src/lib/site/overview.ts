// Rows for the home page's report index: every report with its task count and status counts.
import type { Report } from '../schema';
import { STATUS_ORDER, type Status } from '../schema/status';
import type { SiteIndex } from './dataset';
import { inferredTotal, stated, statusMix } from './status-mix';

export interface ReportRow {
  report: Report;
  districtName: string;
  /** Stated count of every status. */
  stated: Record<Status, number>;
  inferred: number;
  /** planned + unstated rows */
  other: number;
}

/** Statuses with a column of their own: the four every bulletin so far uses, plus any other that some report states. */
export function statusColumns(rows: ReportRow[]): Status[] {
  const always: Status[] = ['done', 'partial', 'notDone', 'transferred'];
  return STATUS_ORDER.filter((s) => s !== 'planned' && s !== 'unstated' && (always.includes(s) || rows.some((r) => r.stated[s] > 0)));
}

export function reportTableRows(ix: SiteIndex): ReportRow[] {
  return ix.reports.map((report) => {
    const mix = statusMix(ix.rowsByReport.get(report.id) ?? []);
    return {
      report,
      districtName: ix.district.get(report.district)?.name ?? report.district,
      stated: Object.fromEntries(STATUS_ORDER.map((s) => [s, stated(mix, s)])) as Record<Status, number>,
      inferred: inferredTotal(mix),
      other: stated(mix, 'planned') + stated(mix, 'unstated'),
    };
  });
}
