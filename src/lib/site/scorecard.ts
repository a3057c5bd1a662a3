// Scorecards for units and leaders: how many tasks they led / assisted / were listed on, with the
// latest status mix, overall and per district-year.
import type { StatusCount } from '../charts/types';
import type { Task, UnitRole } from '../schema';
import type { SiteIndex } from '../dataset/site-index';
import { taskMix } from './status-mix';

export interface ScoreRow {
  district: string;
  year: number;
  led: number;
  assisted: number;
  /** Named without a lead/assist role: 提供数据, or no (牵头) marking in the source. */
  listed: number;
  total: number;
  mix: StatusCount[];
}

export interface Scorecard {
  tasks: { task: Task; role: UnitRole | undefined }[];
  led: number;
  assisted: number;
  listed: number;
  mix: StatusCount[];
  rows: ScoreRow[];
}

function tally(ix: SiteIndex, items: { task: Task; role: UnitRole | undefined }[]) {
  const led = items.filter((x) => x.role === 'lead').length;
  const assisted = items.filter((x) => x.role === 'assist').length;
  return { led, assisted, listed: items.length - led - assisted, mix: taskMix(ix, items.map((x) => x.task)) };
}

function build(ix: SiteIndex, items: { task: Task; role: UnitRole | undefined }[]): Scorecard {
  const groups = new Map<string, typeof items>();
  for (const it of items) {
    const k = `${it.task.district}\u0000${it.task.year}`;
    const g = groups.get(k);
    if (g) g.push(it);
    else groups.set(k, [it]);
  }
  const rows = [...groups.values()].map((g) => ({ district: g[0]!.task.district, year: g[0]!.task.year, total: g.length, ...tally(ix, g) }));
  rows.sort((a, b) => a.district.localeCompare(b.district) || a.year - b.year);
  return { tasks: items, rows, ...tally(ix, items) };
}

const resolve = (ix: SiteIndex, ids: string[]) => ids.map((id) => ix.task.get(id)).filter((t): t is Task => !!t);

export function unitScorecard(ix: SiteIndex, unitId: string): Scorecard {
  const unit = ix.unit.get(unitId);
  return build(ix, resolve(ix, unit?.taskIds ?? []).map((task) => ({ task, role: ix.unitRole.get(`${unitId}|${task.id}`) })));
}

export function leaderScorecard(ix: SiteIndex, leaderId: string): Scorecard {
  const leader = ix.leader.get(leaderId);
  return build(ix, resolve(ix, leader?.taskIds ?? []).map((task) => ({ task, role: undefined })));
}

/**
 * Tasks grouped by responsible unit for a set of tasks (a year): under their lead units when the
 * source marks one, otherwise under every listed unit (张店 2020 lost its bold lead marking).
 * `byLead`: some task has a marked lead; `unmarked`: how many tasks were grouped under all their units.
 */
export function tasksByUnit(ix: SiteIndex, tasks: Task[]): { byLead: boolean; unmarked: number; groups: { unitId: string; name: string; tasks: Task[] }[] } {
  const byLead = tasks.some((t) => t.leadUnitIds.length > 0);
  let unmarked = 0;
  const groups = new Map<string, Task[]>();
  for (const t of tasks) {
    const ids = t.leadUnitIds.length ? t.leadUnitIds : t.unitIds;
    if (!t.leadUnitIds.length && t.unitIds.length) unmarked++;
    for (const id of ids.length ? ids : ['']) {
      const g = groups.get(id);
      if (g) g.push(t);
      else groups.set(id, [t]);
    }
  }
  const out = [...groups.entries()].map(([unitId, ts]) => ({ unitId, name: unitId ? (ix.unit.get(unitId)?.name ?? unitId) : '（未列单位）', tasks: ts }));
  out.sort((a, b) => b.tasks.length - a.tasks.length || a.name.localeCompare(b.name, 'zh-CN'));
  return { byLead, unmarked, groups: out };
}

/** A district's units ranked by tasks they lead (then by tasks listed). */
export function topUnits(ix: SiteIndex, district: string, n = 10): { unitId: string; name: string; led: number; total: number }[] {
  return (ix.unitsByDistrict.get(district) ?? [])
    .map((u) => ({ unitId: u.id, name: u.name, led: u.taskIds.filter((t) => ix.unitRole.get(`${u.id}|${t}`) === 'lead').length, total: u.taskIds.length }))
    .sort((a, b) => b.led - a.led || b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, n);
}
