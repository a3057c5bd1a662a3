import type { District, InferredCounts, Period, ReportKind, StatusCounts } from '../schema';
import { emptyStatusCounts } from '../schema';
import { periodFromHeader } from './header';
import type { ParsedReport } from './parse-report';
import { unknownLeaderAnomaly } from './registry';
import { checkPoint, reportPoints } from '../indicators/report-points';

export type Confidence = 'given' | 'high' | 'medium' | 'low';

export interface Detected<T> {
  value: T | undefined;
  confidence: Confidence;
  /** What the guess rests on, in Chinese, e.g. 标题“2023年…”. */
  basis: string;
}

export interface CheckSummary {
  file: string;
  /** What the file is, from its bytes: text, docx, doc, html, xlsx, xls, pdf. */
  format: string;
  /** How many tables the file holds (a table continued over a page break counts once). */
  tables: number;
  district: string | undefined;
  year: number | undefined;
  kind: ReportKind;
  period: string | undefined;
  taskCount: number;
  rowCount: number;
  statusCounts: StatusCounts;
  inferredCounts: InferredCounts;
  /** Totals the document states about itself, only the keys it states (total, done, onTrack…); null when it states none. */
  reportedTotals: (Partial<Record<string, number>> & { other?: Record<string, number> }) | null;
  anomalies: { line: number; kind: string; message: string }[];
  /** Headline indicator figures the file states (year null when the file's year is unknown). */
  indicators: ReturnType<typeof checkPoint>[];
  detected: { district: Detected<string>; year: Detected<number>; kind: Detected<ReportKind>; period: Detected<string> };
}

export interface Given {
  district?: string;
  year?: number;
  kind?: ReportKind;
  period?: string;
}

/** Summarise a parsed file for `ingest --check`, detecting what was not given from the text itself. */
export function summarise(
  p: ParsedReport,
  given: Given,
  districts: District[],
  isKnownLeader: (district: string, name: string) => boolean = () => true,
): CheckSummary {
  const title = p.printed.title;
  const det = {
    district: given.district ? { value: given.district, confidence: 'given' as Confidence, basis: '命令行参数' } : detectDistrict(p, districts),
    year: given.year !== undefined
      ? { value: given.year, confidence: 'given' as Confidence, basis: '命令行参数' }
      : p.printed.year !== undefined
        ? title?.text.includes(`${p.printed.year}年`) || !p.printed.date
          ? { value: p.printed.year, confidence: 'high' as Confidence, basis: `第 ${title?.line} 行标题“${title?.text}”` }
          : { value: p.printed.year, confidence: 'high' as Confidence, basis: `第 ${p.printed.date.line} 行的日期 ${p.printed.date.iso}（标题中没有年份）` }
        : yearFromText(p),
    kind: given.kind
      ? { value: given.kind, confidence: 'given' as Confidence, basis: '命令行参数' }
      : p.printed.kind
        ? { value: p.printed.kind, confidence: 'high' as Confidence, basis: `第 ${title?.line} 行标题“${title?.text}”` }
        : { value: p.kind, confidence: 'low' as Confidence, basis: kindBasis(p) },
    period: given.period ? { value: given.period, confidence: 'given' as Confidence, basis: '命令行参数' } : detectPeriod(p),
  };
  const statusCounts = emptyStatusCounts();
  const inferredCounts = { done: 0, partial: 0, notDone: 0 };
  for (const r of p.rows) {
    const s = r.status;
    if (s.statusSource === 'stated' || s.status === 'planned') statusCounts[s.status]++;
    else statusCounts.unstated++;
    if (s.statusSource === 'inferred' && (s.status === 'done' || s.status === 'partial' || s.status === 'notDone')) inferredCounts[s.status]++;
  }
  // Indicators as the dataset would hold them; a work report's tasks are its pledges.
  const year = det.year.value;
  const ind = reportPoints(p, { district: det.district.value ?? '', year: year ?? 0, reportId: 'check', periods: det.period.value?.split('+') ?? [] });
  return {
    file: p.file,
    format: p.format,
    // The reader's count for Word/Excel/PDF/web files; for text, the tables the parser found (not list scopes).
    tables: p.tableCount ?? new Set(p.tables.filter((t) => t.columns.length > 0).map((t) => t.headerLine)).size,
    district: det.district.value,
    year: det.year.value,
    kind: det.kind.value ?? p.kind,
    period: det.period.value,
    taskCount: p.kind === 'work-report' ? ind.pledges : new Set(p.rows.map((r) => `${r.table}-${r.number}`)).size,
    rowCount: p.rows.length,
    statusCounts,
    inferredCounts,
    reportedTotals: reportedTotalsOf(p),
    anomalies: [...p.anomalies, ...ind.issues, ...unknownLeaders(p, det.district.value, isKnownLeader)]
      .sort((a, b) => a.line - b.line)
      .map(({ line, kind, message }) => ({ line, kind, message })),
    indicators: ind.points.map((pt) => checkPoint(pt, year !== undefined)),
    detected: det,
  };
}

function unknownLeaders(p: ParsedReport, district: string | undefined, isKnown: (d: string, n: string) => boolean) {
  if (!district) return [];
  return p.rows.flatMap((r) => r.leaders.filter((l) => !isKnown(district, l.name)).map((l) => unknownLeaderAnomaly(l.printed, r.startLine)));
}

function detectDistrict(p: ParsedReport, districts: District[]): Detected<string> {
  const text = p.lines.join('\n');
  const hits = districts
    .map((d) => ({ d, n: text.split(d.name).length - 1 + (text.split(`${d.shortName}`).length - 1) }))
    .filter((h) => h.n > 0)
    .sort((a, b) => b.n - a.n);
  if (hits.length === 0) return { value: undefined, confidence: 'low', basis: '文中没有出现已登记区县的名称，请用 --district 指定' };
  const [top, second] = hits;
  const confidence: Confidence = !second && top!.n >= 3 ? 'high' : !second || top!.n >= 3 * second.n ? 'medium' : 'low';
  return { value: top!.d.id, confidence, basis: `文中出现“${top!.d.shortName}”${top!.n} 次${second ? `，“${second.d.shortName}”${second.n} 次` : ''}` };
}

/** The period an opening sentence says the progress is of: `现将实事项目1—6月份进展情况予以公示` → M6, `三季度完成情况` → Q3. */
const PERIOD_OF_PROGRESS = /(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[—\-–~－至到]\s*)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?(?:底|末)?\s*的?\s*(?:进展|完成|落实|推进)|第?[一二三四1-4]\s*季度\s*的?\s*(?:进展|完成|落实|推进|目标)/;

function detectPeriod(p: ParsedReport): Detected<string> {
  const title = p.printed.title;
  if (p.printed.periods?.length) return { value: p.printed.periods.join('+'), confidence: 'high', basis: `第 ${title?.line} 行标题“${title?.text}”` };
  const header = p.columns.flatMap((c) => (c.key === 'target' && c.period ? [c.period as Period] : []));
  if (header.length) return { value: header.join('+'), confidence: 'medium', basis: `第 ${p.headerLine} 行表头的目标列` };
  if (p.kind === 'work-report') return { value: 'year', confidence: 'high', basis: '政府工作报告覆盖全年' };
  for (let i = 0; i < Math.min(p.lines.length, 40); i++) {
    const m = PERIOD_OF_PROGRESS.exec(p.lines[i]!);
    const period = m ? periodFromHeader(m[0]) : undefined;
    if (period) return { value: period, confidence: 'medium', basis: `第 ${i + 1} 行“${m![0]}”（标题和表头都没有写明时段）` };
  }
  if (p.kind === 'breakdown') return { value: 'year', confidence: 'medium', basis: '分解方案没有分季度或月份的目标列：按全年计' };
  return { value: undefined, confidence: 'low', basis: '标题和表头都没有写明时段，请用 --period 指定' };
}

/** Why the kind was guessed without a title: whether the tasks carry results (a column, or a field of the items). */
function kindBasis(p: ParsedReport): string {
  if (p.tables.some((t) => t.columns.length > 0)) return p.columns.some((c) => c.key === 'result') ? '表头有“完成情况”类的列' : '表头没有“完成情况”类的列';
  return p.rows.some((r) => r.result) ? '条目写有完成情况' : '条目没有完成情况';
}

/** The totals the document states, only the keys it states; a category with no status key goes under other by its label. */
function reportedTotalsOf(p: ParsedReport): CheckSummary['reportedTotals'] {
  if (p.reportedTotals.length === 0) return null;
  const out: NonNullable<CheckSummary['reportedTotals']> = {};
  for (const t of p.reportedTotals) {
    if (t.key === 'other') out.other = { ...out.other, [t.label]: t.count };
    else out[t.key] = t.count;
  }
  return out;
}

/**
 * No year in a title or dateline: the year the document says its pledges are of, from its opening lines
 * (`围绕2025年《政府工作报告》`, `2014年市政府民生实事项目共有42项任务`). A bulletin names the work report's
 * year before anything else; a year mentioned in passing later (a past result) is not taken.
 */
const YEAR_OF_PLEDGES = /((?:19|20)\d{2})\s*年\s*(?:度\s*)?(?:[《〈]?\s*(?:区|市|县)?(?:政府工作报告|人民政府工作报告)|(?:区|市|县)?(?:政府)?(?:民生实事|重点工作|重点任务|目标任务))/;

function yearFromText(p: ParsedReport): Detected<number> {
  for (let i = 0; i < Math.min(p.lines.length, 40); i++) {
    const m = YEAR_OF_PLEDGES.exec(p.lines[i]!);
    if (m) return { value: Number(m[1]), confidence: 'medium', basis: `第 ${i + 1} 行“${m[0]}”（标题中没有年份）` };
  }
  return { value: undefined, confidence: 'low', basis: '标题和开头都没有写明年份，请用 --year 指定' };
}
