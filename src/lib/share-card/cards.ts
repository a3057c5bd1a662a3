// The share card of every task and report page, as specs (what the card says) with their output paths.
import type { Report, Task } from '~/lib/schema';
import { STATUS_COLOURS } from '~/lib/charts/palette';
import { SITE_NAME } from '~/lib/opendata/citation';
import { reportName, reportShortLabel, taskLabel } from '~/lib/site/labels';
import { statusDisplay } from '~/lib/site/status-display';
import { paths } from '~/lib/urls';
import type { CardSpec } from './card-svg';
import { shareCardPath } from './paths';
import type { SiteIndex } from '~/lib/dataset/site-index';

export interface CardJob { path: string; spec: CardSpec }

export function taskCard(ix: SiteIndex, t: Task, siteRoot: string): CardJob {
  const latest = ix.report.get(t.latestReportId);
  const row = ix.progressById.get(t.progressIds.at(-1) ?? '');
  const shown = statusDisplay(t.latestStatus, t.latestStatusSource, row?.statusPhrase);
  return {
    path: shareCardPath(paths.task(t)),
    spec: {
      site: SITE_NAME,
      place: `${ix.district.get(t.district)?.name ?? t.district} · ${t.year}年`,
      label: `${taskLabel(t)}${t.title ? `：${t.title}` : '任务'}`,
      text: t.pledge.text,
      // The badge's own words: inferred ones begin 推断：, never shown as the government's.
      status: { text: shown.text.replace(/（依据.*）$/, ''), inferred: t.latestStatusSource === 'inferred', colour: STATUS_COLOURS[t.latestStatus] },
      ...(latest ? { asOf: latest.kind === 'progress' ? `截至${reportName(latest)}` : `出自${reportName(latest)}` } : {}),
      url: `${siteRoot}${paths.task(t)}`,
    },
  };
}

function reportCard(ix: SiteIndex, r: Report, siteRoot: string): CardJob {
  return {
    path: shareCardPath(paths.report(r)),
    spec: {
      site: SITE_NAME,
      place: `${ix.district.get(r.district)?.name ?? r.district} · ${r.year}年`,
      label: reportShortLabel(r),
      text: r.title,
      asOf: `共 ${r.taskCount} 项任务`,
      url: `${siteRoot}${paths.report(r)}`,
    },
  };
}

export function allCards(ix: SiteIndex, siteRoot: string): CardJob[] {
  return [...ix.tasks.map((t) => taskCard(ix, t, siteRoot)), ...ix.reports.map((r) => reportCard(ix, r, siteRoot))];
}
