// Short Chinese labels used in breadcrumbs, charts and lists.
import type { Report } from '../schema';
import { REPORT_KIND_LABELS } from '../labels';

/** "2023年9月" / "2020年第三、四季度" / "2021年全年" */
export function reportPeriod(r: Pick<Report, 'year' | 'periodLabel'>): string {
  return `${r.year}年${r.periodLabel}`;
}

/** A report's name in running text: "2023年9月完成情况通报", "2021年政府工作报告" (never 全年政府工作报告). */
export function reportName(r: Pick<Report, 'year' | 'periodLabel' | 'kind'>): string {
  return r.kind === 'work-report' ? `${r.year}年${REPORT_KIND_LABELS[r.kind]}` : `${reportPeriod(r)}${REPORT_KIND_LABELS[r.kind]}`;
}

/** Two short lines for chart axes. */
export function reportAxisLabel(r: Pick<Report, 'year' | 'periodLabel'>): [string, string] {
  return [String(r.year), r.periodLabel];
}

/** Breadcrumb / list label: "9月完成情况通报". */
export function reportShortLabel(r: Pick<Report, 'kind' | 'periodLabel'>): string {
  return r.kind === 'work-report' ? REPORT_KIND_LABELS[r.kind] : `${r.periodLabel}${REPORT_KIND_LABELS[r.kind]}`;
}

/**
 * Task number for display: 第1项 for a bulletin row, 表2第1项 for a row of a file's second table, 工作报告第1项
 * for a work-report pledge (numbered apart); a 民生实事候选项目 (still to be voted on) says so wherever the task is named.
 */
export function taskLabel(t: { number: number; origin?: 'bulletin' | 'work-report' | undefined; candidate?: boolean | undefined; table?: number | undefined }): string {
  const label = t.origin === 'work-report' ? `工作报告第${t.number}项` : t.table ? `表${t.table}第${t.number}项` : `第${t.number}项`;
  return t.candidate ? `${label}（民生实事候选项目）` : label;
}

/** First `n` characters of plain text, for titles and lists. */
export function clip(text: string, n = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}
