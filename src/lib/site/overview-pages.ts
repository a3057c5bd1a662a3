// Everything the home page and the data-quality page show (src/pages/index.astro, quality.astro), and
// the source view of one file (src/pages/source/[...file].astro).
import { statusStack } from '../charts';
import type { SiteIndex } from '../dataset/site-index';
import type { AnomalyKind } from '../schema/anomaly';
import { ANOMALY_LABELS } from './anomaly-text';
import { districtCrumb, yearCrumb, type Crumb } from './breadcrumbs';
import { reportTableRows } from './overview';
import { hasRendering, readRendering } from '../dataset/renderings';
import { partsNote, taskMix, taskMixNoun } from './status-mix';
import { href, paths } from '../urls';

export function homePage(ix: SiteIndex) {
  return {
    districts: ix.districts.map((district) => ({ district, reports: (ix.reportsByDistrict.get(district.id) ?? []).length, years: ix.yearsByDistrict.get(district.id) ?? [] })),
    /** The five newest bulletins and breakdown tables (work reports are not news of progress). */
    latest: [...ix.reports].filter((r) => r.kind !== 'work-report').sort((a, b) => b.year - a.year || b.periodEndMonth - a.periodEndMonth).slice(0, 5),
    overall: statusStack(taskMix(ix, ix.tasks), { id: 'home-mix', noun: taskMixNoun(ix, ix.tasks) }),
    partsNote: partsNote(ix, ix.tasks),
    reportRows: reportTableRows(ix),
  };
}

export function qualityPage(ix: SiteIndex) {
  const kinds = new Map<AnomalyKind, number>();
  for (const a of ix.anomalies) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  return {
    /** Anomalies by kind, in first-seen order. */
    kinds,
    /** Reports with anomalies, in report order, each with its anomalies in line order. */
    groups: ix.reports.map((r) => ({ r, items: ix.anomaliesByReport.get(r.id) ?? [] })).filter((g) => g.items.length > 0),
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
