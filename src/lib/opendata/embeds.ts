// Embeddable charts: every chart a page draws from one report, one district-year or one district,
// with a stable id, drawn by the same chart functions as the portal pages, and the source lines
// it is drawn from.
import { districtTimeline, statusStack, type ChartOutput } from '../charts';
import type { Report } from '../schema';
import type { SiteIndex } from '../site/dataset';
import { dyKey } from '../site/dataset';
import { KIND_LABELS, reportAxisLabel, reportPeriod } from '../site/labels';
import { statusMix, taskMix } from '../site/status-mix';
import { paths } from '../urls';
import { sourceRef, type SourceRef } from './citation';
import { openDataPaths } from './paths';

export interface EmbedChart {
  /** Stable id, the URL segment under /embed/: report-linzi-2023-m09, year-linzi-2023, district-linzi. */
  id: string;
  title: string;
  chart: ChartOutput;
  /** The page the chart belongs to (base-relative). */
  pagePath: string;
  embedPath: string;
  reports: Report[];
  /** Table lines of each report the chart counts. */
  sources: SourceRef[];
}

/** The lines of a report's table rows: first row's first line to last row's last line. */
function tableLines(ix: SiteIndex, r: Report): SourceRef {
  const rows = ix.rowsByReport.get(r.id) ?? [];
  if (rows.length === 0) return sourceRef({ file: r.source.file, lines: [1, Math.max(1, r.source.lineCount)] });
  const a = Math.min(...rows.map((p) => p.source.lines[0]));
  const b = Math.max(...rows.map((p) => p.source.lines[1]));
  return sourceRef({ file: r.source.file, lines: [a, b] });
}

const memo = new WeakMap<SiteIndex, EmbedChart[]>();

/** All embeddable charts, computed once per dataset (every embed page asks). */
export function embedCharts(ix: SiteIndex): EmbedChart[] {
  let charts = memo.get(ix);
  if (!charts) memo.set(ix, (charts = computeEmbeds(ix)));
  return charts;
}

function computeEmbeds(ix: SiteIndex): EmbedChart[] {
  const out: EmbedChart[] = [];
  const name = (id: string) => ix.district.get(id)?.name ?? id;
  for (const d of ix.districts) {
    const reports = (ix.reportsByDistrict.get(d.id) ?? []).filter((r) => (ix.rowsByReport.get(r.id)?.length ?? 0) > 0);
    if (reports.length > 0) {
      const id = `district-${d.id}`;
      out.push({
        id, title: `${d.name}各期报告的状态构成`, pagePath: paths.district(d.id), embedPath: openDataPaths.embed(id), reports,
        chart: districtTimeline(reports.map((r) => ({ label: reportAxisLabel(r), counts: statusMix(ix.rowsByReport.get(r.id) ?? []) })), { id }),
        sources: reports.map((r) => tableLines(ix, r)),
      });
    }
    for (const year of ix.yearsByDistrict.get(d.id) ?? []) {
      const tasks = ix.tasksByDistrictYear.get(dyKey(d.id, year)) ?? [];
      // Every year page draws this chart (even with no tasks yet), so every year has its embed.
      const yearReports = (ix.reportsByDistrictYear.get(dyKey(d.id, year)) ?? []).filter((r) => (ix.rowsByReport.get(r.id)?.length ?? 0) > 0);
      const id = `year-${d.id}-${year}`;
      out.push({
        id, title: `${d.name}${year}年任务最新状态`, pagePath: paths.year(d.id, year), embedPath: openDataPaths.embed(id), reports: yearReports,
        chart: statusStack(taskMix(tasks), { id, noun: '项任务' }), sources: yearReports.map((r) => tableLines(ix, r)),
      });
    }
  }
  for (const r of ix.reports) {
    const rows = ix.rowsByReport.get(r.id) ?? [];
    if (rows.length === 0) continue;
    const id = `report-${r.id}`;
    out.push({
      id, title: `${name(r.district)}${reportPeriod(r)}${KIND_LABELS[r.kind]}：各行的状态`, pagePath: paths.report(r), embedPath: openDataPaths.embed(id), reports: [r],
      chart: statusStack(statusMix(rows), { id, noun: '行' }), sources: [tableLines(ix, r)],
    });
  }
  return out;
}
