// Completion by responsible unit: one stacked bar per unit, sorted by number of tasks, with counts.
import { max, sum } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { ChartOutput, StatusCount } from './types';
import { el, frag, pct } from './svg';
import { fillOf, keyLabel, patternDefs } from './palette';
import { keysOf, orderCounts } from './order';

export interface UnitBarRow {
  label: string;
  counts: StatusCount[];
}

export interface UnitBarsOptions {
  id: string;
  width?: number;
  /** Draw at most this many units (the largest); the table lists them all. */
  limit?: number;
}

const done = (cs: StatusCount[]) => sum(cs.filter((c) => c.status === 'done' && !c.inferred), (c) => c.count);

/** Sort: most tasks first, then most done, then name (stable, deterministic). */
function sortUnitRows(rows: UnitBarRow[]): UnitBarRow[] {
  const total = (r: UnitBarRow) => sum(r.counts, (c) => c.count);
  return [...rows].sort((a, b) => total(b) - total(a) || done(b.counts) - done(a.counts) || a.label.localeCompare(b.label, 'zh-CN'));
}

export function unitBars(input: UnitBarRow[], { id, width = 400, limit = 12 }: UnitBarsOptions): ChartOutput {
  const all = sortUnitRows(input).map((r) => ({ label: r.label, counts: orderCounts(r.counts), total: sum(r.counts, (c) => c.count) }));
  const shown = all.slice(0, limit);
  const rowH = 40;
  const height = Math.max(shown.length, 1) * rowH;
  const y = scaleBand<number>().domain(shown.map((_, i) => i)).range([0, height]);
  const countW = 40; // room for the total at the bar's end
  const x = scaleLinear().domain([0, max(shown, (r) => r.total) ?? 1]).range([0, width - countW]);
  const allCounts = shown.flatMap((r) => r.counts);
  const marks = shown.map((r, i) => {
    const top = y(i) ?? 0;
    let acc = 0;
    const segs = r.counts.map((c) => {
      const x0 = x(acc);
      acc += c.count;
      return el('rect', { x: x0, y: top + 18, width: x(acc) - x0, height: 16, fill: fillOf(c, id), stroke: '#fff', 'stroke-width': 0.5 }, el('title', {}, `${r.label} ${keyLabel(c)} ${c.count}`));
    });
    return frag(
      el('text', { x: 0, y: top + 13, class: 'chart-label' }, r.label),
      segs,
      el('text', { x: x(r.total) + 4, y: top + 30, class: 'chart-count' }, `${done(r.counts)}/${r.total}`),
    );
  });
  const top = all[0];
  const summary =
    all.length === 0
      ? '没有责任单位数据。'
      : `${all.length}个责任单位；任务最多的是${top!.label}（${top!.total}项，完成${done(top!.counts)}项）。` +
        (all.length > shown.length ? `图中显示前${shown.length}个，表中列出全部。` : '');
  const keys = keysOf(all.flatMap((r) => r.counts));
  return {
    width,
    height,
    body: frag(patternDefs(keysOf(allCounts), id), marks),
    summary,
    table: {
      columns: ['责任单位', '任务数', ...keys.map(keyLabel), '完成率'],
      rows: all.map((r) => [
        r.label,
        r.total,
        ...keys.map((k) => r.counts.find((c) => c.status === k.status && c.inferred === k.inferred)?.count ?? 0),
        pct(done(r.counts), r.total),
      ]),
    },
    keys,
  };
}
