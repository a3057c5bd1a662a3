// One task's progress across reports: a point per report, placed on the row of its status and
// drawn with a shape per status (d3 symbols), joined by a line. Inferred points are hollow and dashed.
import { scalePoint } from 'd3-scale';
import { line, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import type { Status } from '../schema/status';
import { STATUS_LABELS, STATUS_ORDER } from '../schema/status';
import type { ChartOutput, StatusKey } from './types';
import { el, frag, labelText } from './svg';
import { keyLabel, STATUS_COLOURS, tint } from './palette';

export interface TaskTimelineEntry extends StatusKey {
  /** Report label in two short lines, e.g. ["2023", "9月"]. */
  label: [string, string];
}

const SHAPES: Record<Status, SymbolType> = {
  done: symbolCircle,
  partial: symbolTriangle,
  onTrack: symbolStar,
  behind: symbolTriangle, // drawn pointing down (ROTATE)
  notDone: symbolCross,
  suspended: symbolCross, // drawn as an × (ROTATE)
  transferred: symbolDiamond,
  planned: symbolSquare,
  unstated: symbolWye,
};

/** Shapes shared by two statuses are told apart by rotation: behind is partial's triangle upside down, suspended notDone's cross as an ×. */
const ROTATE: Partial<Record<Status, number>> = { behind: 180, suspended: 45 };

export function taskTimeline(entries: TaskTimelineEntry[], { id, width = 400 }: { id: string; width?: number }): ChartOutput {
  const levels = STATUS_ORDER.filter((s) => entries.some((e) => e.status === s));
  const left = 64;
  const rowH = 28;
  const plotH = Math.max(levels.length - 1, 0) * rowH;
  const top = 14;
  const height = top + plotH + 14 + 34;
  const x = scalePoint<number>().domain(entries.map((_, i) => i)).range([left + 14, width - 14]).align(0.5).padding(entries.length === 1 ? 0.5 : 0);
  const y = scalePoint<Status>().domain(levels).range([top, top + plotH]);
  const pts = entries.map((e, i) => [x(i) ?? left, y(e.status) ?? top] as [number, number]);
  const path = entries.length > 1 && el('path', { d: line().digits(2)(pts) ?? '', fill: 'none', stroke: '#555', 'stroke-width': 1.5 });
  const grid = levels.map((s) => frag(el('line', { x1: left, x2: width, y1: y(s)!, y2: y(s)!, stroke: '#ddd' }), el('text', { x: left - 6, y: y(s)!, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'chart-label' }, STATUS_LABELS[s])));
  const marks = entries
    .map((e, i) => {
      const [cx, cy] = pts[i]!;
      const d = symbol(SHAPES[e.status], 110).digits(2)() ?? '';
      const colour = STATUS_COLOURS[e.status];
      return el(
        'path',
        {
          d,
          transform: `translate(${Math.round(cx * 100) / 100},${Math.round(cy * 100) / 100})${ROTATE[e.status] ? ` rotate(${ROTATE[e.status]})` : ''}`,
          fill: e.inferred ? tint(colour, 0.7) : colour,
          stroke: e.inferred ? colour : '#000',
          'stroke-width': 1.5,
          'stroke-dasharray': e.inferred ? '3,2' : undefined,
        },
        el('title', {}, `${labelText(e.label)}：${keyLabel(e)}`),
      );
    });
  const axis = entries.map((e, i) =>
    frag(
      el('text', { x: pts[i]![0], y: top + plotH + 28, 'text-anchor': 'middle', class: 'chart-label' }, e.label[0]),
      el('text', { x: pts[i]![0], y: top + plotH + 43, 'text-anchor': 'middle', class: 'chart-label' }, e.label[1]),
    ),
  );
  const summary =
    entries.length === 0 ? '这项任务还没有进展记录。' : `${entries.length}次记录：` + entries.map((e) => `${labelText(e.label)}${keyLabel(e)}`).join('→') + '。';
  return {
    width,
    height,
    body: frag(grid, path, marks, axis),
    summary,
    table: { columns: ['报告', '状态'], rows: entries.map((e) => [labelText(e.label), keyLabel(e)]) },
    keys: entries.map(({ status, inferred }) => ({ status, inferred })),
  };
}
