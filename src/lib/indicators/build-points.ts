// Indicator points from the two kinds of document: a work report (targets for its year in the part
// that sets them; actuals of the previous year in the review part) and a bulletin row whose pledge is
// a headline indicator (the annual target, the period target, the result — 预计 marked as forecast).
import type { IndicatorKey, IndicatorPoint, IndicatorRole } from '../schema/indicator';
import type { Provenance } from '../schema/provenance';
import type { ParsedWorkReport } from '../workreport';
import { lineAt } from '../workreport/markdown-blocks';
import { indicatorFigures, type IndicatorFigure } from './indicator-figures';
import { indexLines, lineOf, provenanceOf, type LineIndex } from './locate';
import { cleanText } from '../targets/clean-text';

export interface PointContext {
  district: string;
  /** Year of the report (a work report's actuals are about the year before). */
  year: number;
  reportId: string;
}

function point(ctx: PointContext, f: IndicatorFigure, role: IndicatorRole, year: number, period: string, source: Provenance): IndicatorPoint {
  const p: IndicatorPoint = {
    id: `${ctx.reportId}-${f.indicator}-${role}${role === 'periodTarget' ? `-${period.toLowerCase()}` : ''}`,
    district: ctx.district,
    year,
    indicator: f.indicator,
    role,
    period,
    forecast: f.forecast,
    phrase: f.phrase,
    reportId: ctx.reportId,
    source,
  };
  if (f.value !== undefined) p.value = f.value;
  if (f.comparator) p.comparator = f.comparator;
  if (f.comparatorText) p.comparatorText = f.comparatorText;
  return p;
}

/** Make ids unique within one build (a report stating the same figure twice gets -2, -3…). */
export function uniqueIds(points: IndicatorPoint[]): IndicatorPoint[] {
  const seen = new Map<string, number>();
  return points.map((p) => {
    const n = (seen.get(p.id) ?? 0) + 1;
    seen.set(p.id, n);
    return n === 1 ? p : { ...p, id: `${p.id}-${n}` };
  });
}

/**
 * Work report: targets from paragraphs that set the year's 预期目标; actuals from paragraphs of the
 * first (review) part that speak of the previous year (刚刚过去的2020年…地区生产总值增长2.4%).
 */
export function workReportPoints(report: ParsedWorkReport, ctx: PointContext, file: string, lines: readonly string[]): IndicatorPoint[] {
  const out: IndicatorPoint[] = [];
  const review = report.parts[0];
  for (const p of report.paragraphs) {
    const isTarget = /预期目标/.test(p.text);
    const isActual = !isTarget && p.part === review && p.text.includes(`${ctx.year - 1}年`);
    if (!isTarget && !isActual) continue;
    for (const f of indicatorFigures(p.text)) {
      const from = lineAt(p, f.span[0]);
      const to = lineAt(p, f.span[1] - 1);
      const src = provenanceOf(file, lines, from, to);
      out.push(isTarget ? point(ctx, f, 'target', ctx.year, 'year', src) : point(ctx, f, 'actual', ctx.year - 1, 'year', src));
    }
  }
  return uniqueIds(out);
}

/** One bulletin row, as the ingest gives it (plain texts plus provenance). */
export interface IndicatorRow extends PointContext {
  /** The report's period (Q2, M9, Q3…): the period of its result. */
  period: string;
  /** The annual pledge (年度目标任务) and where it is printed. */
  pledge: string;
  pledgeSource: Provenance;
  /** What was due by each period (one text per target column: a breakdown has Q3 and Q4). */
  periodTargets: { text: string; period: string }[];
  result?: string;
  /** The whole row. */
  rowSource: Provenance;
}

const NUMERIC: ReadonlySet<IndicatorKey> = new Set(['gdp', 'revenue', 'investment', 'retail', 'incomeUrban', 'incomeRural', 'income', 'industry', 'trade']);

/** The headline indicators a pledge speaks of (empty: not an indicator row). */
export function pledgeIndicators(pledge: string): IndicatorKey[] {
  return [...new Set(indicatorFigures(pledge).map((f) => f.indicator))];
}

/**
 * Points of one bulletin row: annual target(s), period target(s), result(s). `withAnnualTargets: false`
 * for a later report of a task whose annual target an earlier report already gave.
 */
export function rowPoints(row: IndicatorRow, withAnnualTargets = true): IndicatorPoint[] {
  const targets = indicatorFigures(row.pledge);
  if (!targets.length) return [];
  const pledgeIndex = indexLines(row.pledgeSource.verbatim.split('\n'), row.pledgeSource.lines[0]);
  const pledgeAt = Math.max(pledgeIndex.text.indexOf(cleanText(row.pledge)), 0);
  const out: IndicatorPoint[] = withAnnualTargets ? targets.map((f) => point(row, f, 'target', row.year, 'year', cite(row.pledgeSource, pledgeIndex, pledgeAt, f))) : [];
  // Subject-less cells ("6%", "预计同比下降6%") speak of the row's numeric indicators (trade too: 000 task 5).
  const defaults = [...new Set(targets.map((f) => f.indicator).filter((k) => NUMERIC.has(k)))];
  const rowIndex = indexLines(row.rowSource.verbatim.split('\n'), row.rowSource.lines[0]);
  // Cells follow the pledge in the row: search each one after the previous, so "保持稳定" is found in
  // its target cell, not inside the pledge "外贸进出口总额保持稳定".
  let cursor = Math.max(rowIndex.text.indexOf(cleanText(row.pledge)), 0) + cleanText(row.pledge).length;
  const cellPoints = (text: string, role: IndicatorRole, period: string) => {
    const clean = cleanText(text);
    let figs = indicatorFigures(text, defaults);
    // No figure at all ("保持稳定", "未完成。7月26日出数据。"): keep the words, as text-only points.
    if (!figs.length && clean && defaults.length) figs = defaults.map((indicator) => ({ indicator, forecast: /预计/.test(clean), phrase: clean, offset: 0, span: [0, clean.length] as [number, number] }));
    const at = rowIndex.text.indexOf(clean, cursor);
    if (at >= 0) cursor = at + clean.length;
    for (const f of figs) out.push(point(row, f, role, row.year, period, cite(row.rowSource, rowIndex, at, f)));
  };
  for (const t of row.periodTargets) cellPoints(t.text, 'periodTarget', t.period);
  if (row.result) cellPoints(row.result, 'actual', row.period);
  return uniqueIds(out);
}

/** The lines of a figure, given where its cell starts in the cleaned row; the whole row if the cell was not found. */
function cite(source: Provenance, index: LineIndex, cellAt: number, f: IndicatorFigure): Provenance {
  if (cellAt < 0) return source;
  const from = lineOf(index, cellAt + f.span[0]);
  const to = lineOf(index, cellAt + Math.max(f.span[1] - 1, f.span[0]));
  const lines = source.verbatim.split('\n');
  return { file: source.file, lines: [from, to], verbatim: lines.slice(from - source.lines[0], to - source.lines[0] + 1).join('\n') };
}
