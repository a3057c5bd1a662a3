// Entry point: decoded lines of a work report → structure, pledges, issues (each with its line).
import { parseWorkReportStructure, type WorkReportStructure, type ParseIssue } from './parse-work-report';
import { workReportItems, type WorkReportItem } from './work-report-items';

export * from './parse-work-report';
export * from './work-report-items';

export interface ParsedWorkReport extends WorkReportStructure {
  items: WorkReportItem[];
}

/** Parse a 政府工作报告 from its decoded lines; `file` is the repository-relative path cited in provenance. */
export function parseWorkReport(lines: readonly string[], file: string): ParsedWorkReport {
  const structure = parseWorkReportStructure(lines);
  const { items, issues } = workReportItems(structure, file, lines);
  const all: ParseIssue[] = [...structure.issues, ...issues, ...chromeIssues(structure.meta.chrome ?? [], lines)].sort((a, b) => a.line - b.line);
  return { ...structure, items, issues: all };
}

/** Page chrome set aside is said on the quality page, once per run of lines (blank lines between join a run). */
function chromeIssues(ranges: readonly [number, number][], lines: readonly string[]): ParseIssue[] {
  const runs: [number, number][] = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = runs.at(-1);
    const gapIsBlank = last && lines.slice(last[1], a - 1).every((l) => l.trim() === '');
    if (last && gapIsBlank) last[1] = Math.max(last[1], b);
    else runs.push([a, b]);
  }
  return runs.map(([a, b]) => ({ line: a, message: `第${a === b ? a : `${a}–${b}`}行是网页或转载网站的页面元素（导航、字号、分享、来源、上一篇等），不是报告正文，未作解析；原文保留。` }));
}

/** The anomaly kind of a work-report issue. */
export const issueKind = (message: string): 'numbering-gap' | 'outside-table' => (/编号/.test(message) ? 'numbering-gap' : 'outside-table');
