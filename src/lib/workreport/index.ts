// Entry point: decoded lines of a work report → structure, pledges, issues (each with its line).
import { parseWorkReportStructure, type WorkReportStructure, type ParseIssue } from './parse-work-report';
import { workReportItems, type WorkReportItem } from './work-report-items';

export * from './parse-work-report';
export * from './work-report-items';
export { markdownBlocks, lineAt } from './markdown-blocks';

export interface ParsedWorkReport extends WorkReportStructure {
  items: WorkReportItem[];
}

/** Parse a 政府工作报告 from its decoded lines; `file` is the repository-relative path cited in provenance. */
export function parseWorkReport(lines: readonly string[], file: string): ParsedWorkReport {
  const structure = parseWorkReportStructure(lines);
  const { items, issues } = workReportItems(structure, file, lines);
  const all: ParseIssue[] = [...structure.issues, ...issues].sort((a, b) => a.line - b.line);
  return { ...structure, items, issues: all };
}
