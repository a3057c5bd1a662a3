// Everything a unit's or a leader's page shows (src/pages/units/[unit]/, src/pages/leaders/[leader]/):
// their tasks, the status mix, and a row per district-year with the statuses the reports state.
import { statusStack } from '../charts';
import type { SiteIndex } from '../dataset/site-index';
import { districtCrumb, type Crumb } from './breadcrumbs';
import { leaderScorecard, unitScorecard, type Scorecard } from './scorecard';
import { scorecardStatuses } from './status-mix';

function ownerPage(ix: SiteIndex, district: string, card: Scorecard, mixId: string, kind: string, name: string) {
  const d = ix.district.get(district);
  return {
    district: d,
    card,
    /** The statuses that get a column in the by-year table. */
    shown: scorecardStatuses(card.rows.map((r) => r.mix)),
    mix: statusStack(card.mix, { id: mixId, noun: '项任务' }),
    breadcrumbs: [districtCrumb(district, d?.name ?? district), { label: kind }, { label: name }] as Crumb[],
    /** Label of a by-year row: 临淄2023年. */
    yearLabel: (r: { district: string; year: number }) => `${ix.district.get(r.district)?.shortName ?? ''}${r.year}年`,
  };
}

export function unitPage(ix: SiteIndex, id: string) {
  const unit = ix.unit.get(id);
  if (!unit) throw new Error(`unitPage: 没有编号为 ${id} 的责任单位。`);
  const page = ownerPage(ix, unit.district, unitScorecard(ix, id), 'unit-mix', '责任单位', unit.name);
  return { ...page, unit, roles: new Map(page.card.tasks.map((x) => [x.task.id, x.role])) };
}

export function leaderPage(ix: SiteIndex, id: string) {
  const leader = ix.leader.get(id);
  if (!leader) throw new Error(`leaderPage: 没有编号为 ${id} 的分管区领导。`);
  return { ...ownerPage(ix, leader.district, leaderScorecard(ix, id), 'leader-mix', '分管区领导', leader.name), leader };
}
