// One representative URL per page type, chosen from the built dataset (generated/*.json) and built with
// src/lib/urls.ts, so the suite follows the data instead of hard-coding ids that may change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '~/lib/urls';
import { openDataPaths } from '~/lib/opendata/paths';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');

interface Row { id: string; [k: string]: unknown }
const load = <T = Row>(name: string): T[] => JSON.parse(readFileSync(join(ROOT, 'generated', `${name}.json`), 'utf8')) as T[];

interface Task extends Row { district: string; year: number; progressIds: string[]; reportIds: string[] }
interface Report extends Row { district: string; year: number; slug: string; kind: string; source: { file: string } }
interface Owner extends Row { taskIds: string[] }

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
  const tasks = load<Task>('tasks');
  const reports = load<Report>('reports').filter((r) => r.kind === 'progress');
  const tasksOf = (r: Report) => tasks.filter((t) => t.reportIds.includes(r.id));
  const report = most(reports, (r) => tasksOf(r).length);
  const task = tasksOf(report)[0]!;
  const unit = most(load<Owner>('units'), (u) => u.taskIds.length);
  const leader = most(load<Owner>('leaders'), (l) => l.taskIds.length);
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
  return load<Task>('tasks').map((t) => paths.task(t));
}
