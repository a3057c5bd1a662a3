// Status distribution of one set of rows (a report, a year, a unit) as one stacked horizontal bar.
import { sum } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { ChartOutput, StatusCount } from './types';
import { el, frag, pct } from './svg';
import { fillOf, keyLabel, patternDefs } from './palette';
import { keysOf, orderCounts } from './order';

export interface StatusStackOptions {
  /** Prefix for pattern ids (unique per chart on a page). */
  id: string;
  width?: number;
  /** What is counted, for the summary: 行, 项任务. */
  noun?: string;
}

export function statusStack(counts: StatusCount[], { id, width = 400, noun = '项' }: StatusStackOptions): ChartOutput {
  const rows = orderCounts(counts);
  const total = sum(rows, (d) => d.count);
  const height = 32;
  const x = scaleLinear().domain([0, Math.max(total, 1)]).range([0, width]);
  let acc = 0;
  const marks = rows.map((d) => {
    const x0 = x(acc);
    acc += d.count;
    const w = x(acc) - x0;
    const label = `${keyLabel(d)} ${d.count}${noun}（${pct(d.count, total)}）`;
    const rect = el('rect', { x: x0, y: 0, width: w, height, fill: fillOf(d, id), stroke: '#fff', 'stroke-width': 1 }, el('title', {}, label));
    // The count goes inside the segment only when it fits; the table and legend carry it otherwise.
    const text = w >= 28 && el('text', { x: x0 + w / 2, y: height / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'chart-count' }, String(d.count));
    return frag(rect, text);
  });
  const summary =
    total === 0
      ? '没有可统计的状态。'
      : `共${total}${noun}：` + rows.map((d) => `${keyLabel(d)}${d.count}（${pct(d.count, total)}）`).join('，') + '。';
  return {
    width,
    height,
    body: frag(patternDefs(keysOf(rows), id), marks),
    summary,
    table: { columns: ['状态', '数量', '占比'], rows: rows.map((d) => [keyLabel(d), d.count, pct(d.count, total)]) },
    keys: keysOf(rows),
  };
}
