// A district's reports over time: one 100% stacked column per report (d3 stack, expand offset), so
// completion is comparable between reports of different sizes. Share done is printed above each column
// only where the report states statuses: over a targets-only table or an all-inferred report a 0% would
// read as "nothing was done", so those columns say what they are instead.
import { sum } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack, stackOffsetExpand } from 'd3-shape';
import type { ChartOutput, StatusCount, StatusKey } from './types';
import { el, frag, labelText, pct } from './svg';
import { fillOf, keyId, keyLabel, patternDefs } from './palette';
import { keysOf } from './order';

export interface TimelinePoint {
  /** Short label under the column, e.g. 2023 and 9月 (two lines). */
  label: [string, string];
  counts: StatusCount[];
}

export interface DistrictTimelineOptions {
  id: string;
  width?: number;
}

export function districtTimeline(points: TimelinePoint[], { id, width = 400 }: DistrictTimelineOptions): ChartOutput {
  const keys = keysOf(points.flatMap((p) => p.counts));
  const plotH = 150;
  const top = 18; // room for the share label
  const height = top + plotH + 34;
  const rows = points.map((p) => {
    const o: Record<string, number> = {};
    for (const k of keys) o[keyId(k)] = 0;
    for (const c of p.counts) o[keyId(c)] = (o[keyId(c)] ?? 0) + c.count;
    return o;
  });
  const series = stack<Record<string, number>>()
    .keys(keys.map(keyId))
    .offset(stackOffsetExpand)(rows);
  const x = scaleBand<number>().domain(points.map((_, i) => i)).range([0, width]).paddingInner(0.25).paddingOuter(0.1);
  const y = scaleLinear().domain([0, 1]).range([top + plotH, top]);
  const byId = new Map<string, StatusKey>(keys.map((k) => [keyId(k), k]));
  const cols = series.flatMap((s) =>
    s.map((d, i) => {
      const [y0, y1] = [d[0] || 0, d[1] || 0];
      if (y1 - y0 <= 0) return null;
      const k = byId.get(s.key)!;
      return el('rect', { x: x(i) ?? 0, y: y(y1), width: x.bandwidth(), height: y(y0) - y(y1), fill: fillOf(k, id), stroke: '#fff', 'stroke-width': 0.5 }, el('title', {}, `${points[i]!.label.join(' ')} ${keyLabel(k)} ${rows[i]![s.key]}`));
    }),
  );
  const totals = points.map((p) => sum(p.counts, (c) => c.count));
  const doneOf = (p: TimelinePoint) => sum(p.counts.filter((c) => c.status === 'done' && !c.inferred), (c) => c.count);
  // Rows with a status the source itself states (not a target, not blank, not our inference).
  const statedOf = (p: TimelinePoint) => sum(p.counts.filter((c) => !c.inferred && c.status !== 'planned' && c.status !== 'unstated'), (c) => c.count);
  const plannedOnly = (p: TimelinePoint) => p.counts.every((c) => c.status === 'planned' || c.count === 0);
  /** The share label: a percentage only where it means "share the source says is done". */
  const share = (p: TimelinePoint, i: number) => (!totals[i] ? '—' : statedOf(p) > 0 ? pct(doneOf(p), totals[i]!) : plannedOnly(p) ? '仅目标' : '未标状态');
  const says = (p: TimelinePoint, i: number) =>
    statedOf(p) > 0 ? `${labelText(p.label)}完成${doneOf(p)}/${totals[i]}` : plannedOnly(p) ? `${labelText(p.label)}只列目标（${totals[i]}项）` : `${labelText(p.label)}原文未标明状态（${totals[i]}项）`;
  const labels = points.map((p, i) => {
    const cx = (x(i) ?? 0) + x.bandwidth() / 2;
    return frag(
      el('text', { x: cx, y: top - 5, 'text-anchor': 'middle', class: 'chart-count' }, share(p, i)),
      el('text', { x: cx, y: top + plotH + 14, 'text-anchor': 'middle', class: 'chart-label' }, p.label[0]),
      el('text', { x: cx, y: top + plotH + 29, 'text-anchor': 'middle', class: 'chart-label' }, p.label[1]),
    );
  });
  const axis = el('line', { x1: 0, x2: width, y1: top + plotH, y2: top + plotH, stroke: '#333' });
  const summary =
    points.length === 0
      ? '还没有报告。'
      : `${points.length}份报告：` + points.map(says).join('；') + '。';
  return {
    width,
    height,
    body: frag(patternDefs(keys, id), cols, axis, labels),
    summary,
    table: {
      columns: ['报告', '合计', ...keys.map(keyLabel), '完成率'],
      rows: points.map((p, i) => [labelText(p.label), totals[i]!, ...keys.map((k) => rows[i]![keyId(k)] ?? 0), share(p, i)]),
    },
    keys,
  };
}
