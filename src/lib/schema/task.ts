import { z } from 'astro/zod';
import { rowGroupSchema } from './group';
import { provenanceSchema, richTextSchema } from './provenance';
import { statusSchema, statusSourceSchema } from './status';
import { targetSchema } from './target';

/** Work-report task kinds: pledge (a lead-phrase paragraph of a work area), livelihood (民生实事), self-building (政府自身建设). */
export const taskKindSchema = z.enum(['pledge', 'livelihood', 'self-building']);
export type TaskKind = z.infer<typeof taskKindSchema>;

/** One annual pledge of a district-year. The id depends only on (district, year, 序号), so it never changes when another report is added. */
export const taskSchema = z.object({
  /** `${district}-${year}-${序号 zero-padded to 3}`, e.g. linzi-2023-001. */
  id: z.string(),
  district: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  /** Which table of the file the row is in, when not the first (附件2 → 2); numbers restart in each table. */
  table: z.number().int().min(2).optional(),
  /** The group heading the row sits under (一、主要经济社会发展指标), as printed. */
  group: rowGroupSchema.optional(),
  /** The pledge (年度目标任务) as first printed. */
  pledge: richTextSchema,
  /** Sub-targets (rows with an empty 序号 under this task), in order. */
  subTargets: z.array(z.object({ index: z.number().int(), text: z.string() })),
  /** Union over all reports, first-seen order; roles as printed in the latest report naming them. */
  unitIds: z.array(z.string()),
  leadUnitIds: z.array(z.string()),
  leaderIds: z.array(z.string()),
  /** Progress ids in time order (numbered rows only; sub-target rows are reachable from them). */
  progressIds: z.array(z.string()),
  reportIds: z.array(z.string()),
  /** Status of the numbered row in the latest report. */
  latestStatus: statusSchema,
  latestStatusSource: statusSourceSchema,
  latestReportId: z.string(),
  source: provenanceSchema,
  // Optional fields below come from work reports (src/lib/workreport); bulletin tasks may leave them out.
  /** Where the task comes from: a bulletin row, or a work-report paragraph (id `${district}-${year}-wr-${nnn}`). Absent = bulletin. */
  origin: z.enum(['bulletin', 'work-report']).optional(),
  /** Work-report tasks: pledge (a lead-phrase paragraph of a work area), livelihood (民生实事), self-building (政府自身建设). */
  kind: taskKindSchema.optional(),
  /** The lead phrase (强化技术创新能力) or the project name; the page title of the task. */
  title: z.string().optional(),
  /** The work area the pledge belongs to, as printed. */
  area: z.object({ key: z.string(), label: z.string(), numeral: z.string(), line: z.number().int() }).optional(),
  /** 民生实事 number as printed (1…13). */
  projectNumber: z.number().int().optional(),
  /** A 民生实事候选项目: listed as a candidate still to be voted on by the deputies (票决), not yet a decided project. */
  candidate: z.boolean().optional(),
  /** Quantified commitments found in the pledge (rule-based; each with the phrase it came from). */
  targets: z.array(targetSchema).optional(),
  /** The same pledge in other tasks of this district-year (work report ↔ bulletin), with the similarity score. */
  links: z.array(z.object({ taskId: z.string(), score: z.number() })).optional(),
});
export type Task = z.infer<typeof taskSchema>;
