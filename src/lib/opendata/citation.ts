// "引用": GB/T 7714-2015 reference text for a task, a report or a chart, with the permalink, the
// 数据截至 date and the exact source file and lines, so a journalist can quote and a reader can check.
//
// Form (GB/T 7714-2015 §4 electronic resources): 主要责任者. 题名[文献类型标识/载体标识]. (更新或修改日期)[引用日期]. 获取和访问路径.
// The 引用日期 is the reader's own access date, so it is left as "[引用日期]" for them to fill in:
// printing the build date would be wrong for every later reader and would make builds differ.
import type { District, Provenance, Report, Task } from '../schema';
import { ADDRESS_NOT_CONFIGURED, hasAddress, paths } from '../urls';
import { latestAsOf, reportAsOf, type AsOf } from './as-of';

export const SITE_NAME = '区县政府工作报告目标任务公开平台';
const CITE_DATE_PLACEHOLDER = '[引用日期]';

export interface SourceRef {
  /** Repository-relative path, e.g. content/reports/linzi/2023-m09-progress.txt */
  file: string;
  /** Base-relative public path of the verbatim copy, e.g. sources/linzi/2023-m09-progress.txt.zip */
  publicPath: string;
  /** Base-relative link to the first line in the source view, e.g. source/linzi/2023-m09-progress-txt/#L12 */
  viewPath: string;
  lines: [number, number];
  /** "content/reports/linzi/2023-m09-progress.txt 第 12–14 行" */
  label: string;
}

export interface Citation {
  /** GB/T 7714 reference, ready to paste (the reader replaces [引用日期]). */
  text: string;
  /** Permalink: absolute when the site has an address, else root-relative (the citation text says 网址未配置). */
  permalink: string;
  asOf: AsOf;
  sources: SourceRef[];
  /** Set when the responsible party is not printed on the document and we name the district government. */
  authorNote?: string;
}

export function sourceRef(p: Pick<Provenance, 'file' | 'lines'> & { where?: string }): SourceRef {
  const [a, b] = p.lines;
  // A Word/Excel/PDF/web original: the place in it follows the canonical line, so the quote can be found there.
  const where = p.where ? `（原件${p.where}）` : '';
  return { file: p.file, publicPath: paths.source(p.file), viewPath: paths.sourceView(p.file, a), lines: [a, b], label: `${p.file} 第 ${a === b ? a : `${a}–${b}`} 行${where}` };
}

/** The issuer as printed; otherwise the district's people's government, with a note saying so. */
function author(r: Pick<Report, 'issuer'>, d: Pick<District, 'city' | 'name'> | undefined): { name: string; note?: string } {
  if (r.issuer) return { name: r.issuer };
  const name = d ? `${d.city}${d.name}人民政府` : '';
  return { name, note: '原件未印发文机关，责任者按区人民政府著录。' };
}

/** "(2020-08-12)" when the document prints a date; nothing otherwise (a period end is not a publication date). */
const printedDate = (r: Pick<Report, 'date'>) => (r.date ? `(${r.date})` : '');

const join = (...parts: string[]) => parts.filter(Boolean).join('. ');

/** 获取和访问路径: the permalink, or, while the site has no address, a plain statement of that (never a placeholder domain). */
const accessPath = (permalink: string) => (hasAddress(permalink) ? permalink : `${ADDRESS_NOT_CONFIGURED}（本站内路径 ${permalink}）`);

/** 题名: as printed; a work report adds the occasion as 其他题名信息 (政府工作报告: 2021年2月7日在…会议上), as it is usually cited. */
function docTitle(r: Pick<Report, 'title' | 'kind' | 'date' | 'occasion'>): string {
  if (r.kind !== 'work-report' || !r.occasion) return r.title;
  const m = r.date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const when = m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
  return `${r.title}: ${when}在${r.occasion}上`;
}

/** How an item is named inside its report: 第N项 for a numbered table row; a work-report pledge by its lead phrase (it has no printed number). */
function itemName(t: Task): string {
  if (t.origin !== 'work-report') return `第${t.number}项 ${shortPledge(t.pledge.text)}`;
  const name = t.title ?? shortPledge(t.pledge.text);
  return t.kind === 'livelihood' && t.projectNumber !== undefined ? `${t.candidate ? '民生实事候选项目' : '民生实事'}（${t.projectNumber}）${name}` : name;
}

export function citeReport(r: Report, d: District | undefined, siteRoot: string): Citation {
  const a = author(r, d);
  const permalink = `${siteRoot}${paths.report(r)}`;
  const head = join(a.name, `${docTitle(r)}[R/OL]`);
  return {
    text: `${head}. ${printedDate(r)}${CITE_DATE_PLACEHOLDER}. ${accessPath(permalink)}.`,
    permalink,
    asOf: reportAsOf(r),
    sources: [sourceRef({ file: r.source.file, lines: [1, Math.max(1, r.source.lineCount)] })],
    authorNote: a.note,
  };
}

/** Pledge text shortened for a title: the first clause, at most `max` characters. */
function shortPledge(text: string, max = 30): string {
  const first = text.split(/[。；;]/)[0] ?? text;
  return first.length <= max ? first : `${first.slice(0, max)}…`;
}

/**
 * A task is cited as an item of the report that first printed it (task.source), at the task's
 * permalink; 数据截至 is the latest report that lists it.
 */
export function citeTask(t: Task, reports: Map<string, Report>, d: District | undefined, siteRoot: string): Citation {
  // Usually the first report listing the task printed it first; scan only when that is not so.
  const firstListed = reports.get(t.reportIds[0] ?? '');
  const first = firstListed?.source.file === t.source.file
    ? firstListed
    : [...reports.values()].find((r) => r.source.file === t.source.file) ?? firstListed;
  const listed = t.reportIds.map((id) => reports.get(id)).filter((r): r is Report => !!r);
  const a = first ? author(first, d) : { name: '' };
  const permalink = `${siteRoot}${paths.task(t)}`;
  const title = `${first ? docTitle(first) : `${t.year}年目标任务`}: ${itemName(t)}[R/OL]`;
  const asOf = latestAsOf(listed) ?? { iso: `${t.year}-12-31`, basis: 'period-end', label: `${t.year}-12-31` } satisfies AsOf;
  return {
    text: `${join(a.name, title)}. ${first ? printedDate(first) : ''}${CITE_DATE_PLACEHOLDER}. ${accessPath(permalink)}.`,
    permalink,
    asOf,
    sources: [sourceRef(t.source)],
    authorNote: 'note' in a ? a.note : undefined,
  };
}

/** A chart is the portal's own work drawn from the listed reports; its update date is the data's as-of date. */
export function citeChart(chart: { title: string; embedPath: string; reports: Report[]; sources?: SourceRef[] }, siteRoot: string): Citation {
  const asOf = latestAsOf(chart.reports) ?? { iso: '', basis: 'period-end', label: '' } satisfies AsOf;
  const permalink = `${siteRoot}${chart.embedPath}`;
  return {
    text: `${SITE_NAME}. ${chart.title}[EB/OL]. ${asOf.iso ? `(${asOf.iso})` : ''}${CITE_DATE_PLACEHOLDER}. ${accessPath(permalink)}.`,
    permalink,
    asOf,
    sources: chart.sources ?? chart.reports.map((r) => sourceRef({ file: r.source.file, lines: [1, Math.max(1, r.source.lineCount)] })),
  };
}
