// The Chinese words the site, the downloads and search show for the schemas' English keys, one map per
// enum, each named for what it labels. Every map is typed by its zod enum (src/lib/schema/), so a key
// added to an enum fails to compile until it has its label here. Status labels, their order and their
// definitions sit beside statusSchema in src/lib/schema/status.ts, which the ingest also reads.
import type { IndicatorRole, ReportKind, TaskKind, UnitRole } from './schema';

/** What kind of document a report is. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  'work-report': '政府工作报告',
  breakdown: '任务目标分解表',
  progress: '完成情况通报',
};

/** What part a unit plays in a task, as the row marks it (（牵头）, （协办）…). */
export const UNIT_ROLE_LABELS: Record<UnitRole, string> = {
  lead: '牵头',
  assist: '协办',
  data: '提供数据',
  unmarked: '责任单位',
};

/** Which figure an indicator point is: the year's target, a period's target, or the result. */
export const INDICATOR_ROLE_LABELS: Record<IndicatorRole, string> = { target: '年度目标', periodTarget: '阶段目标', actual: '实际' };

/** What kind of work-report task: a pledge of a work area, a 民生实事 project, or 政府自身建设. */
const TASK_KIND_LABELS: Record<TaskKind, string> = { pledge: '重点工作', livelihood: '民生实事', 'self-building': '政府自身建设' };

/** 民生实事 or 民生实事候选项目 (a candidate still to be voted on): the kind as every page, file and search result words it. */
export function taskKindLabel(t: { kind?: TaskKind | undefined; candidate?: boolean | undefined }): string | undefined {
  if (!t.kind) return undefined;
  return t.kind === 'livelihood' && t.candidate ? '民生实事候选项目' : TASK_KIND_LABELS[t.kind];
}
