// Indicator points from the two kinds of document: a work report (targets for its year in the part
// that sets them; actuals of the previous year in the review part) and a bulletin row whose pledge is
// a headline indicator (the annual target, the period target, the result — 预计 marked as forecast).
import { INDICATOR_ORDER, type IndicatorKey, type IndicatorPoint, type IndicatorRole } from '../schema/indicator';
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
  if (f.valueTo !== undefined) p.valueTo = f.valueTo;
  if (f.unit) p.unit = f.unit;
  if (f.comparator) p.comparator = f.comparator;
  if (f.comparatorText) p.comparatorText = f.comparatorText;
  if (f.sharedQualifier) p.sharedQualifier = true;
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
 * Work report. Actuals (about the year before) come from the review part (the first), from the
 * paragraphs that speak of that one year: a paragraph opening with 2020年/过去一年/一年来 starts them, one
 * opening with 五年来/“十三五”时期 stops them (five-year totals such as 新增城镇就业9.6万人 are not a year's
 * figure); later paragraphs inherit. Targets (about the report's year) come from the paragraph that sets the
 * 预期目标 and from any figure of a headline indicator in the parts that set this year's work (年度外贸进出口
 * 增速保持在5%以上), never from the review or a five-year plan part.
 */
export function workReportPoints(report: ParsedWorkReport, ctx: PointContext, file: string, lines: readonly string[]): IndicatorPoint[] {
  const out: IndicatorPoint[] = [];
  const review = report.parts[0];
  const years = { last: `${ctx.year - 1}年`, this: `${ctx.year}年` };
  // Without parts the openings alone tell the review (2022年，…) from this year's work (今年…预期目标).
  let scope: Scope | undefined = review ? (scopeOf(review.title, years) ?? 'last') : undefined;
  for (const p of report.paragraphs) {
    let role: 'target' | 'actual' | undefined;
    const setsTargets = /预期目标/.test(p.text);
    if (!review || p.part === review) {
      scope = scopeOf(p.text.slice(0, 40), years) ?? scope;
      if (scope === 'last' && !(setsTargets && !review)) role = 'actual';
      else if (!review && (scope === 'this' || setsTargets)) role = 'target';
    } else if (setsTargets || (p.part && isThisYearsWork(p.part.title, ctx.year))) {
      role = 'target';
    }
    if (!role) continue;
    for (const f of indicatorFigures(p.text)) {
      // Outside the 预期目标 only a stated figure counts; words alone (居民收入与经济增长同步) are not a target.
      if (f.value === undefined && !setsTargets) continue;
      const from = lineAt(p, f.span[0]);
      const to = lineAt(p, f.span[1] - 1);
      const src = provenanceOf(file, lines, from, to);
      out.push(role === 'target' ? point(ctx, f, 'target', ctx.year, 'year', src) : point(ctx, f, 'actual', ctx.year - 1, 'year', src));
    }
  }
  return uniqueIds(out);
}

/** last: the year under review · years: several years (五年来, “十三五”) · this: the report's own year. */
type Scope = 'last' | 'years' | 'this';

/** What span of time an opening speaks of, or undefined when it does not say. */
function scopeOf(opening: string, years: { last: string; this: string }): Scope | undefined {
  if (opening.includes(years.last) || /过去(?:的)?一年|一年来|去年/.test(opening)) return 'last';
  if (/五年|十三五|十四五|以来|这些年|届政府/.test(opening)) return 'years';
  if (opening.includes(years.this) || /今年/.test(opening)) return 'this';
  return undefined;
}

/** A part that sets this year's work: 三、2024年政府工作任务 · 2021年经济社会发展的目标任务 · 今年工作 (not a five-year plan). */
function isThisYearsWork(title: string, year: number): boolean {
  if (/五年|十四五|十五五|远景/.test(title)) return false;
  return title.includes(`${year}年`) || /今年|工作任务|重点工作|主要任务|目标任务|工作安排/.test(title);
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

const NUMERIC: ReadonlySet<IndicatorKey> = new Set(INDICATOR_ORDER.filter((k) => k !== 'energy'));

/**
 * A cell with no figure may still state a level ("保持稳定", "稳中有升"): that is kept as a text-only point.
 * A status or a note about when data comes ("未完成。7月26日出数据。", "数据未出") is not a figure and never
 * takes a figure's place.
 */
export function statesALevel(text: string): boolean {
  return /稳定|增长|持平|回升|提升|提高|下降|回落|同步|正增长|高于|低于|不低于|好于|稳中/.test(text) && !/出数据|数据未出|暂无数据|尚未公布|未公布|待统计|统计局提供/.test(text);
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
    // No figure at all: keep words that state a level ("保持稳定") as text-only points, nothing else.
    if (!figs.length && clean && defaults.length && statesALevel(clean)) figs = defaults.map((indicator) => ({ indicator, forecast: /预计/.test(clean), phrase: clean, offset: 0, span: [0, clean.length] as [number, number] }));
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
