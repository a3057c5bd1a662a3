// RSS feeds of reports: one item per report (bulletin, breakdown or work report), site-wide and per
// district. Pure: returns @astrojs/rss options; the endpoint renders them.
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { STATUS_LABELS, STATUS_ORDER, type District, type Report, type Status } from '../schema';
import { paths } from '../urls';
import { escapeHtml } from '~/lib/markup';
import { reportAsOf } from './as-of';
import { SITE_NAME } from './citation';
import { kindLabel } from './scopes';

/** Base-relative feed paths. */
export const feedPaths = {
  all: () => 'feeds/all.xml',
  district: (district: string) => `feeds/${district}.xml`,
};

/**
 * "原文所述：完成 104 · 部分完成 13 · 未完成 7", then rows with targets only, then rows whose source
 * states no status, with what our rules inferred for them marked as ours.
 */
function statusSummary(r: Report): string {
  const list = (ss: readonly Status[], counts: Partial<Record<string, number>>) =>
    ss.filter((s) => (counts[s] ?? 0) > 0).map((s) => `${STATUS_LABELS[s]} ${counts[s]}`).join(' · ');
  const stated = list(STATUS_ORDER.filter((s) => s !== 'planned' && s !== 'unstated'), r.statusCounts);
  const inferred = list(['done', 'partial', 'notDone'], r.inferredCounts);
  return [
    stated && `原文所述：${stated}`,
    r.statusCounts.planned > 0 && `仅有目标 ${r.statusCounts.planned}`,
    r.statusCounts.unstated > 0 && `原文未写明状态 ${r.statusCounts.unstated}${inferred ? `（本站推断，非原文：${inferred}）` : ''}`,
  ].filter(Boolean).join('；');
}

function reportItem(r: Report, d: District | undefined, siteRoot: string): RSSFeedItem {
  const name = d?.name ?? r.district;
  const asOf = reportAsOf(r);
  const summary = statusSummary(r);
  const lines = [
    `${name} ${r.year}年 ${r.periodLabel}${kindLabel(r)}，共 ${r.taskCount} 项任务。`,
    summary ? `${summary}。` : '',
    `数据截至 ${asOf.label}。`,
    `原始文件 SHA-256：${r.source.sha256}`,
  ].filter(Boolean);
  // RSS readers decode the XML and then render title and description as HTML (RSS 2.0 "entity-encoded
  // HTML"), so text from a source file is HTML-escaped here and XML-escaped again by the builder.
  return {
    title: escapeHtml(`${name}：${r.title}`),
    link: `${siteRoot}${paths.report(r)}`,
    // Only a date the document prints; a period end is not a publication date.
    ...(r.date ? { pubDate: new Date(`${r.date}T00:00:00+08:00`) } : {}),
    description: escapeHtml(lines.join(' ')),
    categories: [name, kindLabel(r), `${r.year}年`].map(escapeHtml),
  };
}

/** Newest first by 数据截至, so readers list them in the order the facts happened. */
function newestFirst(reports: Report[]): Report[] {
  return [...reports].sort((a, b) => reportAsOf(b).iso.localeCompare(reportAsOf(a).iso) || (a.id < b.id ? -1 : 1));
}

export function feedOptions(reports: Report[], districts: District[], siteRoot: string, district?: District): RSSOptions {
  const byId = new Map(districts.map((x) => [x.id, x]));
  const list = newestFirst(district ? reports.filter((r) => r.district === district.id) : reports);
  return {
    title: escapeHtml(district ? `${district.name}政府工作报告任务通报 · ${SITE_NAME}` : `政府工作报告任务通报 · ${SITE_NAME}`),
    description: escapeHtml(district ? `${district.name}收录的政府工作报告、任务分解表和完成情况通报，每份一条。` : '各区县收录的政府工作报告、任务分解表和完成情况通报，每份一条。'),
    site: siteRoot,
    items: list.map((r) => reportItem(r, byId.get(r.district), siteRoot)),
    // atom:link rel=self: feed validators ask for the feed's own address.
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><atom:link href="${escapeHtml(`${siteRoot}${district ? feedPaths.district(district.id) : feedPaths.all()}`)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  };
}
