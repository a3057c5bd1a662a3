// Embeddable charts: every chart a page draws (status charts of a report, district-year and
// district; target-against-actual charts of the headline indicators), with a stable id, drawn by the
// same functions as the portal pages, and the source lines it is drawn from.
import { districtTimeline, statusStack, unitBars, type ChartOutput } from '../charts';
import type { ChartLayout } from '../indicators/chart-layout';
import type { IndicatorComparison } from '../indicators/compare';
import { comparisonView, districtView } from '../indicators/page-data';
import type { IndicatorPoint, Report } from '../schema';
import { reportAxisLabel, reportPeriod, reportName } from '../site/labels';
import { REPORT_KIND_LABELS } from '~/lib/labels';
import { statusMix, taskMix, taskMixNoun } from '../site/status-mix';
import { tasksByUnit } from '../site/scorecard';
import { paths } from '../urls';
import { sourceRef, type SourceRef } from './citation';
import { openDataPaths } from './paths';
import { Markup } from '~/lib/markup';
import { type SiteIndex, dyKey } from '~/lib/dataset/site-index';

export interface EmbedChart {
  /** Stable id, the URL segment under /embed/: report-linzi-2023-m09, year-linzi-2023, district-linzi. */
  id: string;
  title: string;
  /** What to draw: a portal status chart (Chart.astro) or an indicator chart (TargetActualChart.astro). */
  view: { kind: 'status'; chart: ChartOutput } | { kind: 'indicator'; layout: ChartLayout; summary: string };
  /** The page the chart belongs to (base-relative). */
  pagePath: string;
  embedPath: string;
  reports: Report[];
  /** Table lines of each report the chart counts. */
  sources: SourceRef[];
}

/** The lines a report's counted items span: its table rows, or for a work report its pledges' paragraphs. */
function tableLines(ix: SiteIndex, r: Report): SourceRef {
  const rows: { source: { lines: [number, number] } }[] = ix.rowsByReport.get(r.id) ?? [];
  const items = rows.length ? rows : r.taskIds.map((id) => ix.task.get(id)).filter((t) => t !== undefined);
  if (items.length === 0) return sourceRef({ file: r.source.file, lines: [1, Math.max(1, r.source.lineCount)] });
  const a = Math.min(...items.map((p) => p.source.lines[0]));
  const b = Math.max(...items.map((p) => p.source.lines[1]));
  return sourceRef({ file: r.source.file, lines: [a, b] });
}

/** Embed ids, shared by the embed pages and the charts' "引用或嵌入此图" links. */
export const embedIds = {
  all: () => 'all-tasks',
  district: (district: string) => `district-${district}`,
  year: (district: string, year: number) => `year-${district}-${year}`,
  yearUnits: (district: string, year: number) => `year-units-${district}-${year}`,
  report: (reportId: string) => `report-${reportId}`,
  indicatorYear: (district: string, year: number) => `indicators-${district}-${year}`,
  indicator: (key: string) => `indicators-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
};

/**
 * Charts as they cross a thread (postMessage keeps no class): a status chart's SVG markup as text,
 * wrapped again on arrival (fromTransfer), so the build worker can hand the global shard its charts.
 */
export type EmbedChartTransfer = Omit<EmbedChart, 'view'> & { view: { kind: 'status'; chart: Omit<ChartOutput, 'body'> & { body: string } } | Extract<EmbedChart['view'], { kind: 'indicator' }> };
export const toTransfer = (c: EmbedChart): EmbedChartTransfer =>
  c.view.kind === 'status' ? { ...c, view: { kind: 'status', chart: { ...c.view.chart, body: c.view.chart.body.html } } } : { ...c, view: c.view };
export const fromTransfer = (c: EmbedChartTransfer): EmbedChart =>
  c.view.kind === 'status' ? { ...c, view: { kind: 'status', chart: { ...c.view.chart, body: new Markup(c.view.chart.body) } } } : { ...c, view: c.view };

const memo = new WeakMap<SiteIndex, EmbedChart[]>();

/** What says whose a chart is (in-slice.ts chartInSlice), known before its figures are drawn. */
export type EmbedHead = Pick<EmbedChart, 'id' | 'title' | 'pagePath' | 'embedPath' | 'reports'>;

/**
 * All embeddable charts, computed once per dataset (every embed page asks); with `keep`, only the charts it
 * keeps, and the status charts it leaves out are never drawn (the global shard's worker wants the dozen
 * cross-district charts of a dataset with thousands of district ones).
 */
export function embedCharts(ix: SiteIndex, indicators: readonly IndicatorPoint[] = [], keep?: (c: EmbedHead) => boolean): EmbedChart[] {
  if (keep) return [...statusEmbeds(ix, keep), ...indicatorEmbeds(ix, indicators).filter(keep)];
  let charts = memo.get(ix);
  if (!charts) memo.set(ix, (charts = [...statusEmbeds(ix, () => true), ...indicatorEmbeds(ix, indicators)]));
  return charts;
}

/** The figures an indicator chart plots (target and actual of each row), each at its own source line. */
function indicatorSources(ix: SiteIndex, cs: readonly IndicatorComparison[]): { reports: Report[]; sources: SourceRef[] } {
  const shown = cs.flatMap((c) => [c.target, c.actual]).filter((p): p is IndicatorPoint => p !== undefined);
  const reports = [...new Set(shown.map((p) => p.reportId))].map((id) => ix.report.get(id)).filter((r): r is Report => r !== undefined);
  const seen = new Set<string>();
  const sources = shown.map((p) => sourceRef(p.source)).filter((r) => !seen.has(r.label) && seen.add(r.label));
  return { reports, sources };
}

function indicatorEmbeds(ix: SiteIndex, points: readonly IndicatorPoint[]): EmbedChart[] {
  if (points.length === 0) return [];
  const out: EmbedChart[] = [];
  for (const d of ix.districts) {
    for (const y of districtView(points, d.id)) {
      if (y.chart.rows.length === 0) continue;
      const id = embedIds.indicatorYear(d.id, y.year);
      out.push({
        id, title: `${d.name}${y.year}年主要指标：目标与实际`, pagePath: `${paths.districtIndicators(d.id)}#y${y.year}`, embedPath: openDataPaths.embed(id),
        view: { kind: 'indicator', layout: y.chart, summary: y.summary }, ...indicatorSources(ix, y.comparisons),
      });
    }
  }
  for (const v of comparisonView(points, (id) => ix.district.get(id)?.shortName ?? id)) {
    if (v.chart.rows.length === 0) continue;
    const id = embedIds.indicator(v.indicator);
    out.push({
      id, title: `${v.label}：各区县目标与实际`, pagePath: `${paths.indicators()}#i-${v.indicator}`, embedPath: openDataPaths.embed(id),
      view: { kind: 'indicator', layout: v.chart, summary: v.summary }, ...indicatorSources(ix, v.comparisons),
    });
  }
  return out;
}

function statusEmbeds(ix: SiteIndex, keep: (c: EmbedHead) => boolean): EmbedChart[] {
  const out: EmbedChart[] = [];
  // The figures are drawn only for a chart `keep` keeps.
  const add = (head: EmbedHead, rest: () => Pick<EmbedChart, 'view' | 'sources'>) => {
    if (keep(head)) out.push({ ...head, ...rest() });
  };
  if (ix.tasks.length > 0) {
    const id = embedIds.all();
    const latest = new Set(ix.tasks.map((t) => t.latestReportId));
    const reports = ix.reports.filter((r) => latest.has(r.id));
    add({ id, title: '全部任务的最新状态', pagePath: paths.home(), embedPath: openDataPaths.embed(id), reports }, () => ({
      view: { kind: 'status', chart: statusStack(taskMix(ix, ix.tasks), { id, noun: taskMixNoun(ix, ix.tasks) }) }, sources: reports.map((r) => tableLines(ix, r)),
    }));
  }
  const name = (id: string) => ix.district.get(id)?.name ?? id;
  for (const d of ix.districts) {
    const reports = (ix.reportsByDistrict.get(d.id) ?? []).filter((r) => (ix.rowsByReport.get(r.id)?.length ?? 0) > 0);
    // The district page draws its timeline even before any bulletin, so its embed always exists.
    {
      const id = embedIds.district(d.id);
      add({ id, title: `${d.name}各期报告的状态构成`, pagePath: paths.district(d.id), embedPath: openDataPaths.embed(id), reports }, () => ({
        view: { kind: 'status', chart: districtTimeline(reports.map((r) => ({ label: reportAxisLabel(r), counts: statusMix(ix.rowsByReport.get(r.id) ?? []) })), { id }) },
        sources: reports.map((r) => tableLines(ix, r)),
      }));
    }
    for (const year of ix.yearsByDistrict.get(d.id) ?? []) {
      const tasks = ix.tasksByDistrictYear.get(dyKey(d.id, year)) ?? [];
      // A year page draws its charts only once a bulletin reports results (targets alone have no status).
      if (!(ix.reportsByDistrictYear.get(dyKey(d.id, year)) ?? []).some((r) => r.kind === 'progress')) continue;
      // The reports that give the year's tasks their latest status.
      const latest = new Set(tasks.map((t) => t.latestReportId));
      const yearReports = (ix.reportsByDistrictYear.get(dyKey(d.id, year)) ?? []).filter((r) => latest.has(r.id));
      const id = embedIds.year(d.id, year);
      const head: EmbedHead = { id, title: `${d.name}${year}年任务最新状态`, pagePath: paths.year(d.id, year), embedPath: openDataPaths.embed(id), reports: yearReports };
      // The unit chart below has the same page and reports, so it is kept with this one (its title needs the grouping).
      if (!keep(head)) continue;
      out.push({ ...head, view: { kind: 'status', chart: statusStack(taskMix(ix, tasks), { id, noun: taskMixNoun(ix, tasks) }) }, sources: yearReports.map((r) => tableLines(ix, r)) });
      const { byLead, groups } = tasksByUnit(ix, tasks);
      if (groups.some((g) => g.unitId)) {
        const uid = embedIds.yearUnits(d.id, year);
        add({ id: uid, title: `${d.name}${year}年各${byLead ? '牵头' : '责任'}单位的任务状态`, pagePath: paths.year(d.id, year), embedPath: openDataPaths.embed(uid), reports: yearReports }, () => ({
          view: { kind: 'status', chart: unitBars(groups.map((g) => ({ label: g.name, counts: taskMix(ix, g.tasks) })), { id: uid }) }, sources: yearReports.map((r) => tableLines(ix, r)),
        }));
      }
    }
  }
  for (const r of ix.reports) {
    const rows = ix.rowsByReport.get(r.id) ?? [];
    if (rows.length === 0) continue;
    const id = embedIds.report(r.id);
    add({ id, title: `${name(r.district)}${reportName(r)}：各行的状态`, pagePath: paths.report(r), embedPath: openDataPaths.embed(id), reports: [r] }, () => ({
      view: { kind: 'status', chart: statusStack(statusMix(rows), { id, noun: '行' }) }, sources: [tableLines(ix, r)],
    }));
  }
  return out;
}
