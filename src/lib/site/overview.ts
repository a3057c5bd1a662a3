// Rows for the home page's report index: every report with its task count and status counts.
import type { Report } from '../schema';
import type { SiteIndex } from './dataset';
import { inferredTotal, stated, statusMix } from './status-mix';

export interface ReportRow {
  report: Report;
  districtName: string;
  done: number;
  partial: number;
  notDone: number;
  transferred: number;
  inferred: number;
  /** planned + unstated rows */
  other: number;
}

export function reportTableRows(ix: SiteIndex): ReportRow[] {
  return ix.reports.map((report) => {
    const mix = statusMix(ix.rowsByReport.get(report.id) ?? []);
    return {
      report,
      districtName: ix.district.get(report.district)?.name ?? report.district,
      done: stated(mix, 'done'),
      partial: stated(mix, 'partial'),
      notDone: stated(mix, 'notDone'),
      transferred: stated(mix, 'transferred'),
      inferred: inferredTotal(mix),
      other: stated(mix, 'planned') + stated(mix, 'unstated'),
    };
  });
}
