// Everything a report page shows beyond the report's own fields (src/pages/[district]/[year]/[report]/):
// its tables as printed, the status mix, what was not done first, the totals it states, its anomalies.
import { statusStack } from '../charts';
import type { SiteIndex } from '../dataset/site-index';
import type { Task } from '../schema';
import { href, paths } from '../urls';
import { groupByStatus } from './attention';
import { districtCrumb, yearCrumb, type Crumb } from './breadcrumbs';
import { bulletinTables } from './bulletin';
import { reportName, reportShortLabel } from './labels';
import { totalsRows } from './reported-totals';
import { statusMix } from './status-mix';

export function reportPage(ix: SiteIndex, id: string) {
  const report = ix.report.get(id);
  if (!report) throw new Error(`reportPage: 没有编号为 ${id} 的报告。`);
  const districtName = ix.district.get(report.district)?.name;
  const tables = bulletinTables(ix, report);
  const rows = tables.flatMap((t) => t.rows);
  // What was not done comes first: a jump list with counts, and those rows listed before the full table.
  const byStatus = groupByStatus(rows, (x) => ({ status: x.row.status, source: x.row.statusSource }));
  const subRows = rows.filter((x) => x.row.subIndex > 0).length;
  return {
    report,
    districtName,
    title: `${districtName ?? report.district}${reportName(report)}`,
    breadcrumbs: [districtCrumb(report.district, districtName ?? report.district), yearCrumb(report.district, report.year), { label: reportShortLabel(report) }] as Crumb[],
    tables,
    rows,
    mix: statusStack(statusMix(rows.map((x) => x.row)), { id: 'report-mix', noun: '行' }),
    jump: byStatus.map((g) => ({ status: g.status, label: g.label, count: g.items.length, inferred: g.inferred, href: g.attention ? `#status-${g.status}` : '#table' })),
    /** Statuses that need attention (not done, behind …), each with its rows. */
    open: byStatus.filter((g) => g.attention),
    /** "124 项（表格 130 行，其中 6 行是…）": tasks, and table rows when they differ. */
    taskCount: `${report.taskCount} 项${subRows > 0 ? `（表格 ${report.rowCount} 行，其中 ${subRows} 行是任务下分列的具体目标）` : report.rowCount > 0 && report.rowCount !== report.taskCount ? `（表格 ${report.rowCount} 行）` : ''}`,
    totals: totalsRows(report),
    anomalies: ix.anomaliesByReport.get(report.id) ?? [],
    sourceName: report.source.file.replace(/^content\/reports\//, ''),
    /** A report without a table (a work report): the tasks found in it. */
    tasks: report.taskIds.map((t) => ix.task.get(t)).filter((t): t is Task => !!t),
    /** Link to line n of this report's source view. */
    lineHref: (n: number) => href(paths.sourceView(report.source.file, n)),
  };
}

/** Class of a bulletin column by its kind, so the stylesheet keeps names, numbers and badges whole (.bulletin in global.css). */
export const columnClass = (columns: readonly { key: string }[], i: number): string => `col-${i < columns.length ? columns[i]!.key : 'extra'}`;
