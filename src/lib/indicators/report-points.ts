// Indicator points of one parsed file on its own (for `ingest --check`): a work report's targets and
// review actuals, or each numbered bulletin row whose pledge is a headline indicator. The dataset build
// (src/lib/workreport/extend-dataset.ts) does the same across reports, taking a task's annual target
// from the first report that prints it.
import type { ParsedReport } from '../ingest/parse-report';
import { INDICATOR_LABELS, type IndicatorPoint } from '../schema/indicator';
import { periodText, valueText } from './format';
import { issueKind, parseWorkReport } from '../workreport';
import { rowPoints, uniqueIds, workReportPoints } from './build-points';
import { provenanceOf } from './locate';

export interface FileContext {
  district: string;
  year: number;
  reportId: string;
  /** The periods the file covers (Q3, M9…); the last is the period of its results. */
  periods: string[];
}

/**
 * The points a file states; for a work report also its pledge count and the work-report parser's issues
 * (as the dataset's anomalies: numbering gaps, paragraphs it could not place, page chrome set aside).
 */
export function reportPoints(p: ParsedReport, ctx: FileContext): { points: IndicatorPoint[]; pledges: number; issues: { line: number; kind: string; message: string }[] } {
  if (p.kind === 'work-report') {
    const wr = parseWorkReport(p.lines, p.file);
    return { points: workReportPoints(wr, ctx, p.file, p.lines), pledges: wr.items.length, issues: wr.issues.map((i) => ({ ...i, kind: issueKind(i.message) })) };
  }
  const period = ctx.periods.at(-1) ?? 'year';
  const points = p.rows
    .filter((r) => r.subIndex === 0 && r.pledge)
    .flatMap((r) => {
      const source = provenanceOf(p.file, p.lines, r.startLine, r.endLine);
      return rowPoints({
        ...ctx,
        period,
        pledge: r.pledge!.text,
        pledgeSource: source,
        periodTargets: r.targets.map((t) => ({ text: t.text.text, period: t.period ?? period })),
        rowSource: source,
        ...(r.result ? { result: r.result.text } : {}),
      });
    });
  return { points: uniqueIds(points), pledges: 0, issues: [] };
}

/** The check command's view of a point: the keys of the dataset, the first source line. */
export function checkPoint(pt: IndicatorPoint, yearKnown: boolean) {
  return {
    indicator: pt.indicator,
    role: pt.role,
    year: yearKnown ? pt.year : null,
    period: pt.period,
    value: pt.value ?? null,
    ...(pt.valueTo !== undefined ? { valueTo: pt.valueTo } : {}),
    ...(pt.unit ? { unit: pt.unit } : {}),
    ...(pt.comparatorText ? { comparatorText: pt.comparatorText } : {}),
    forecast: pt.forecast,
    line: pt.source.lines[0],
  };
}

const ROLE_WORDS = { target: '年度目标', periodTarget: '阶段目标', actual: '实际' } as const;

/** One line of the check command's readable output: 第97行 地区生产总值增长 2021年年度目标 7%以上. */
export function checkPointText(c: ReturnType<typeof checkPoint>): string {
  const value = c.value === null ? '（只有文字）' : valueText({ value: c.value, phrase: '', ...(c.valueTo !== undefined ? { valueTo: c.valueTo } : {}), ...(c.unit ? { unit: c.unit } : {}), ...(c.comparatorText ? { comparatorText: c.comparatorText } : {}) });
  const when = `${c.year ?? '？'}年${c.period === 'year' ? '' : periodText(c.period)}`;
  return `第 ${c.line} 行 ${INDICATOR_LABELS[c.indicator]} ${when}${ROLE_WORDS[c.role]} ${c.forecast ? '预计 ' : ''}${value}`;
}
