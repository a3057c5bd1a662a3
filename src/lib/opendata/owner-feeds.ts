// RSS per responsible unit and per leader, so a reporter can follow a bureau: one item per report that
// names the unit (or leader), saying how its rows in that report stand — stated statuses as printed,
// inferred ones marked as ours — and which were not done. Pure: returns @astrojs/rss options.
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { STATUS_LABELS, STATUS_ORDER, type District, type Leader, type Progress, type Report, type Unit } from '../schema';
import { paths } from '../urls';
import { reportAsOf } from './as-of';
import { SITE_NAME } from './citation';
import { kindLabel } from './scopes';
import type { Dataset } from '../schema';
import { escapeHtml } from '~/lib/markup';

export const ownerFeedPaths = {
  unit: (unitId: string) => `feeds/units/${unitId}.xml`,
  leader: (leaderId: string) => `feeds/leaders/${leaderId}.xml`,
};

export type OwnerKind = 'unit' | 'leader';

/** Rows naming each unit and each leader, grouped once per dataset (not once per feed: linear at scale). */
const rowIndex = new WeakMap<Dataset, Record<OwnerKind, Map<string, Progress[]>>>();
function rowsOf(d: Dataset, kind: OwnerKind, id: string): Progress[] {
  let ix = rowIndex.get(d);
  if (!ix) {
    ix = { unit: new Map(), leader: new Map() };
    for (const p of d.progress) {
      for (const u of new Set(p.units.map((x) => x.unitId))) ix.unit.set(u, [...(ix.unit.get(u) ?? []), p]);
      for (const l of new Set(p.leaders.map((x) => x.leaderId))) ix.leader.set(l, [...(ix.leader.get(l) ?? []), p]);
    }
    rowIndex.set(d, ix);
  }
  return ix[kind].get(id) ?? [];
}

const rowLabel = (p: Progress) => (p.subIndex > 0 ? `第${p.number}项子目标${p.subIndex}` : `第${p.number}项`);

/** "原文所述：完成 5 · 未完成 1；本站推断（非原文）：部分完成 2。未完成：第2项。" for one owner's rows in one report. */
export function ownerRowsSummary(rows: Progress[]): string {
  const count = (inferred: boolean) =>
    STATUS_ORDER.map((s) => [s, rows.filter((p) => p.status === s && (p.statusSource === 'inferred') === inferred).length] as const)
      .filter(([s, n]) => n > 0 && (inferred || s !== 'unstated'))
      .map(([s, n]) => `${STATUS_LABELS[s]} ${n}`)
      .join(' · ');
  const stated = count(false);
  const inferred = count(true);
  const notDone = rows.filter((p) => p.status === 'notDone');
  return [
    stated && `原文所述：${stated}`,
    inferred && `本站推断（非原文）：${inferred}`,
  ].filter(Boolean).join('；') + '。' + (notDone.length ? `未完成：${notDone.map(rowLabel).join('、')}。` : '');
}

function item(owner: { name: string }, r: Report, rows: Progress[], d: District | undefined, siteRoot: string): RSSFeedItem {
  const name = d?.name ?? r.district;
  return {
    // RSS readers read title and description as HTML: text from a source file is HTML-escaped here (feeds.ts does the same).
    title: escapeHtml(`${owner.name}：${name}${r.year}年${r.kind === 'work-report' ? '' : r.periodLabel}${kindLabel(r)}（${rows.length} 行）`),
    link: `${siteRoot}${paths.report(r)}`,
    ...(r.date ? { pubDate: new Date(`${r.date}T00:00:00+08:00`) } : {}),
    description: escapeHtml(`${r.title}中列有${owner.name}的 ${rows.length} 行：${ownerRowsSummary(rows)}数据截至 ${reportAsOf(r).label}。`),
    categories: [name, kindLabel(r), `${r.year}年`].map(escapeHtml),
  };
}

export function ownerFeedOptions(d: Dataset, kind: OwnerKind, owner: Unit | Leader, siteRoot: string): RSSOptions {
  const rows = rowsOf(d, kind, owner.id);
  const byReport = Map.groupBy(rows, (p) => p.reportId);
  const reports = d.reports
    .filter((r) => byReport.has(r.id))
    .sort((a, b) => reportAsOf(b).iso.localeCompare(reportAsOf(a).iso) || (a.id < b.id ? -1 : 1));
  const district = d.districts.find((x) => x.id === owner.district);
  const what = kind === 'unit' ? '责任单位' : '分管区领导';
  const self = `${siteRoot}${kind === 'unit' ? ownerFeedPaths.unit(owner.id) : ownerFeedPaths.leader(owner.id)}`;
  return {
    title: escapeHtml(`${district?.name ?? ''}${owner.name}的任务通报 · ${SITE_NAME}`),
    description: escapeHtml(`${district?.name ?? ''}${what}${owner.name}在各期通报中的任务与状态，每份通报一条。`),
    site: `${siteRoot}${kind === 'unit' ? paths.unit(owner.id) : paths.leader(owner.id)}`,
    items: reports.map((r) => item(owner, r, byReport.get(r.id)!, district, siteRoot)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><atom:link href="${escapeHtml(self)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  };
}
