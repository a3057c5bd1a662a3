// Everything the home page and the data-quality page show (src/pages/index.astro, quality.astro), and
// the source view of one file (src/pages/source/[...file].astro).
import { statusStack } from '../charts';
import type { SiteIndex } from '../dataset/site-index';
import type { GlobalAggregates } from '../schema/global-aggregates';
import { ANOMALY_LABELS } from './anomaly-text';
import { districtCrumb, yearCrumb, type Crumb } from './breadcrumbs';
import { hasRendering, readRendering } from '../dataset/renderings';
import { href, paths } from '../urls';

/**
 * The home page from the reports and districts (which every build loads) and the global aggregates
 * (src/lib/dataset/global-aggregates.ts) for everything counted over tasks and rows.
 */
export function homePage(ix: Pick<SiteIndex, 'districts' | 'reports' | 'reportsByDistrict' | 'district' | 'report'>, agg: GlobalAggregates) {
  const years = new Map(agg.years);
  return {
    districts: ix.districts.map((district) => ({ district, reports: (ix.reportsByDistrict.get(district.id) ?? []).length, years: years.get(district.id) ?? [] })),
    /** The five newest bulletins and breakdown tables (work reports are not news of progress). */
    latest: [...ix.reports].filter((r) => r.kind !== 'work-report').sort((a, b) => b.year - a.year || b.periodEndMonth - a.periodEndMonth).slice(0, 5),
    overall: statusStack(agg.home.mix, { id: 'home-mix', noun: agg.home.noun }),
    partsNote: agg.home.partsNote,
    reportRows: agg.home.reportRows.map(({ reportId, ...row }) => {
      const report = ix.report.get(reportId)!;
      return { report, districtName: ix.district.get(report.district)?.name ?? report.district, hasResults: report.kind === 'progress', ...row };
    }),
    taskCount: agg.taskCount,
  };
}

/** The quality page: anomaly counts and, per report with anomalies, what AnomalyList shows. */
export function qualityPage(ix: Pick<SiteIndex, 'report'>, agg: GlobalAggregates) {
  return {
    total: agg.quality.total,
    /** Anomalies by kind, in first-seen order. */
    kinds: new Map(agg.quality.kinds),
    /** Reports with anomalies, in report order, each with its anomaly summary. */
    groups: agg.quality.reports.map(({ reportId, count, shown, hidden, byKind }) => ({ r: ix.report.get(reportId)!, count, summary: { shown, hidden, byKind } })),
  };
}

/** The source view of one file, cited by `reportIds` (several only in synthetic benchmark data). */
export function sourcePage(ix: SiteIndex, reportIds: readonly string[]) {
  const id = reportIds.find((x) => hasRendering(x)) ?? reportIds[0];
  const report = id === undefined ? undefined : ix.report.get(id);
  if (!report) throw new Error(`sourcePage: 没有编号为 ${reportIds.join('、')} 的报告。`);
  const district = ix.district.get(report.district)?.name ?? report.district;
  const rendering = readRendering(report.id, report.source.file);
  // Named in plain Chinese, as on the quality page (src/lib/site/anomaly-text.ts).
  const anomalies = new Map<number, string[]>();
  for (const a of ix.anomaliesByReport.get(report.id) ?? []) anomalies.set(a.line, [...(anomalies.get(a.line) ?? []), ANOMALY_LABELS[a.kind]]);
  return {
    report,
    district,
    name: report.source.file.replace(/^content\/reports\//, ''),
    rendering,
    /** Line → the kinds of anomaly recorded on it. */
    anomalies,
    hasWhere: rendering.where.some((w) => w !== null),
    breadcrumbs: [districtCrumb(report.district, district), yearCrumb(report.district, report.year), { label: report.title, href: href(paths.report(report)) }, { label: '原文逐行' }] as Crumb[],
  };
}
