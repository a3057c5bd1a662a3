import { z } from 'astro/zod';
import { rowGroupSchema } from './group';
import { periodSchema } from './report';
import { provenanceSchema, richTextSchema } from './provenance';
import { statusSchema, statusSourceSchema } from './status';
import { leaderRefSchema } from './leader';
import { unitRefSchema } from './unit';

/** A task as reported in one report: one table row (a sub-target row is its own entry). */
export const progressSchema = z.object({
  /** `${reportId}-${number}` or `${reportId}-${number}-s${subIndex}` for sub-target rows. */
  id: z.string(),
  taskId: z.string(),
  reportId: z.string(),
  district: z.string(),
  year: z.number().int(),
  /** Which table of the file the row is in, when not the first (附件2 → 2); numbers restart in each table. */
  table: z.number().int().min(2).optional(),
  /** The group heading the row sits under (一、主要经济社会发展指标), as printed. */
  group: rowGroupSchema.optional(),
  /** 序号 of the task this row belongs to. */
  number: z.number().int(),
  /** 0 for the numbered row, 1.. for the sub-target rows under it. */
  subIndex: z.number().int().min(0),
  /** The pledge as printed in this report's row (numbered rows); lets "what changed" see rewording between bulletins. */
  pledge: richTextSchema.optional(),
  /** The specific annual sub-goal (000: tasks 15, 16 and their sub-target rows). */
  subGoal: richTextSchema.optional(),
  /** What was due by each period column (one for progress reports, several for a breakdown). */
  targets: z.array(z.object({ period: periodSchema.optional(), label: z.string(), text: richTextSchema })),
  /** 完成情况 as printed (absent for breakdowns). */
  result: richTextSchema.optional(),
  status: statusSchema,
  statusSource: statusSourceSchema,
  /** Stated: the word as printed (完成, 已移交经开区). Inferred: the phrase that decided it. */
  statusPhrase: z.string().optional(),
  units: z.array(unitRefSchema),
  /** The units cell as printed (plain text). */
  unitsPrinted: z.string(),
  leaders: z.array(leaderRefSchema),
  leadersPrinted: z.string().optional(),
  /** Leader names as printed that match no known person (each has an unknown-name anomaly): shown as printed, marked 存疑, never a person of their own. */
  uncertainLeaders: z.array(z.object({ name: z.string(), printed: z.string(), anomalyId: z.string() })).optional(),
  /** Any extra columns (备注, unrecognised headers, surplus cells), label → text. */
  extra: z.array(z.object({ label: z.string(), text: z.string() })),
  source: provenanceSchema,
});
export type Progress = z.infer<typeof progressSchema>;
