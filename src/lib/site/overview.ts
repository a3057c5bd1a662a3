// Rows for the home page's report index: every report with its task count and, where it reports
// results, its status counts by table row (stated and inferred apart), statuses iterated from STATUS_ORDER.
import type { Report, Status } from '../schema';
import { STATUS_LABELS, STATUS_ORDER } from '../schema/status';
import type { SiteIndex } from '../dataset/site-index';
import { statusMix } from './status-mix';

export interface StatusTally { status: Status; label: string; count: number }

export interface ReportRow {
  report: Report;
  districtName: string;
  /** False for a document that lists only targets (a work report, a breakdown table): no status to count. */
  hasResults: boolean;
  /** Rows whose status the document itself states, per status (non-zero only). */
  stated: StatusTally[];
  /** Rows whose status this site inferred from the wording, per status (non-zero only). */
  inferred: StatusTally[];
  /** Rows with neither (targets only, or nothing to go on). */
  other: number;
  /** Sub-target rows: why a bulletin can have more rows than tasks. */
  subRows: number;
}

const NO_STATUS: ReadonlySet<Status> = new Set(['planned', 'unstated'] as Status[]);

export function reportTableRows(ix: SiteIndex): ReportRow[] {
  return ix.reports.map((report) => {
    const rows = ix.rowsByReport.get(report.id) ?? [];
    const mix = statusMix(rows);
    const tally = (inferred: boolean) =>
      STATUS_ORDER.filter((s) => !NO_STATUS.has(s))
        .map((status) => ({ status, label: STATUS_LABELS[status], count: mix.filter((c) => c.status === status && c.inferred === inferred).reduce((a, c) => a + c.count, 0) }))
        .filter((t) => t.count > 0);
    return {
      report,
      districtName: ix.district.get(report.district)?.name ?? report.district,
      hasResults: report.kind === 'progress',
      stated: tally(false),
      inferred: tally(true),
      other: mix.filter((c) => NO_STATUS.has(c.status)).reduce((a, c) => a + c.count, 0),
      subRows: rows.filter((r) => r.subIndex > 0).length,
    };
  });
}
