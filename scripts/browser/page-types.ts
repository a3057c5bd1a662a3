// One representative URL per page type, chosen from the built dataset (generated/*.json) and built with
// src/lib/urls.ts, so the suite follows the data instead of hard-coding ids that may change.
import { join } from 'node:path';
import { paths } from '~/lib/urls';
import { openDataPaths } from '~/lib/opendata/paths';
import { readCollections } from '~/lib/dataset/read';
import type { Report } from '~/lib/schema';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');

/** The built dataset, validated by the site's schemas (a stale or broken generated/ is reported, not guessed at). */
const load = <K extends 'tasks' | 'reports' | 'units' | 'leaders'>(name: K) => readCollections([name], join(ROOT, 'generated'), { kind: 'all' })[name];

export const PAGE_TYPES = ['home', 'district', 'year', 'report', 'task', 'unit', 'leader', 'search', 'data', 'quality', 'about', 'indicators', 'changes', 'source'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

const most = <T>(rows: T[], size: (r: T) => number): T => {
  const best = rows.reduce<T | undefined>((b, r) => (b === undefined || size(r) > size(b) ? r : b), undefined);
  if (best === undefined) throw new Error('generated/ holds an empty table: run `npm run build` first');
  return best;
};

/** Base-relative path of each page type. The report/year/district are the bulletin with the most tasks
 * (the heaviest of its kind); the task is that report's first task; unit and leader own the most tasks. */
export function pageTypes(): Record<PageType, string> {
  const tasks = load('tasks');
  const reports = load('reports').filter((r) => r.kind === 'progress');
  const tasksOf = (r: Report) => tasks.filter((t) => t.reportIds.includes(r.id));
  const report = most(reports, (r) => tasksOf(r).length);
  const task = tasksOf(report)[0]!;
  const unit = most(load('units'), (u) => u.taskIds.length);
  const leader = most(load('leaders'), (l) => l.taskIds.length);
  return {
    home: paths.home(),
    district: paths.district(report.district),
    year: paths.year(report.district, report.year),
    report: paths.report(report),
    task: paths.task(task),
    unit: paths.unit(unit.id),
    leader: paths.leader(leader.id),
    search: paths.search(),
    data: paths.data(),
    quality: paths.quality(),
    about: paths.about(),
    indicators: paths.indicators(),
    changes: openDataPaths.changes(),
    source: paths.sourceView(report.source.file),
  };
}

/** Every built task page (base-relative), for budgets over the whole kind. */
export function allTaskPaths(): string[] {
  return load('tasks').map((t) => paths.task(t));
}
