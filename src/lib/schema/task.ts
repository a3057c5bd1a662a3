import { z } from 'astro/zod';
import { provenanceSchema, richTextSchema } from './provenance';
import { statusSchema, statusSourceSchema } from './status';

/** One annual pledge of a district-year. The id depends only on (district, year, 序号), so it never changes when another report is added. */
export const taskSchema = z.object({
  /** `${district}-${year}-${序号 zero-padded to 3}`, e.g. linzi-2023-001. */
  id: z.string(),
  district: z.string(),
  year: z.number().int(),
  number: z.number().int(),
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
});
export type Task = z.infer<typeof taskSchema>;
