// Target-against-actual chart, laid out at build time with d3-scale: one row per comparison, a
// diamond for the target, a dot for the actual (hollow when it is a forecast or a part-year result),
// a line between them. The Astro component only writes the SVG from these numbers.
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { IndicatorComparison } from './compare';
import { pointText } from './format';

export interface ChartMark {
  x: number;
  /** Upper end of a range target (4.5%–5%). */
  xTo?: number;
  value: number;
  text: string;
  /** Hollow mark: forecast (预计) or a result for part of the year. */
  hollow: boolean;
}

export interface ChartRow {
  y: number;
  label: string;
  target?: ChartMark;
  actual?: ChartMark;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Left edge of the plot area (labels sit to its left). */
  plotLeft: number;
  plotRight: number;
  zeroX: number;
  ticks: { x: number; label: string }[];
  rows: ChartRow[];
}

const ROW = 28;
const TOP = 24;

/**
 * Layout for comparisons that have at least one numeric target or actual in `unit` (percent when
 * undefined: one axis never mixes 万人 with %); `label` names each row.
 */
export function layoutTargetActual(comparisons: readonly IndicatorComparison[], label: (c: IndicatorComparison) => string, width = 480, labelWidth = 130, unit?: string): ChartLayout {
  const plotted = (p: IndicatorComparison['target']) => (p?.value !== undefined && p.unit === unit ? p : undefined);
  const shown = comparisons.filter((c) => plotted(c.target) || plotted(c.actual));
  const values = shown.flatMap((c) => [plotted(c.target)?.value, plotted(c.target)?.valueTo, plotted(c.actual)?.value]).filter((v): v is number => v !== undefined);
  const [lo = 0, hi = 10] = extent([0, ...values]);
  const plotLeft = labelWidth;
  const plotRight = width - 16;
  const x = scaleLinear().domain([lo, hi]).nice().range([plotLeft, plotRight]);
  const mark = (p: IndicatorComparison['target']): ChartMark | undefined => {
    if (p?.value === undefined) return undefined;
    const m: ChartMark = { x: round(x(p.value)), value: p.value, text: pointText(p), hollow: p.forecast || p.period !== 'year' };
    if (p.valueTo !== undefined) m.xTo = round(x(p.valueTo));
    return m;
  };
  const rows = shown.map((c, i) => {
    const row: ChartRow = { y: TOP + i * ROW + ROW / 2, label: label(c) };
    const t = mark(plotted(c.target));
    const a = mark(plotted(c.actual));
    if (t) row.target = t;
    if (a) row.actual = a;
    return row;
  });
  return {
    width,
    height: TOP + rows.length * ROW + 8,
    plotLeft,
    plotRight,
    zeroX: round(x(0)),
    ticks: x.ticks(5).map((v) => ({ x: round(x(v)), label: `${v < 0 ? '−' : ''}${Math.abs(v)}${unit ?? '%'}` })),
    rows,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
