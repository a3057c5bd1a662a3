import { z } from 'astro/zod';
import { statusSchema } from './status';

/** The group heading a row sits under inside a table or list (一、主要经济社会发展指标（牵头领导：…）), as printed. */
export const rowGroupSchema = z.object({
  /** The heading with its numbering, without the fields in its brackets. */
  heading: z.string(),
  /** Source line of the heading. */
  line: z.number().int().positive(),
  /** Outer headings (一、 above （一）), outermost first. */
  within: z.array(z.object({ heading: z.string(), line: z.number().int().positive() })).optional(),
});
export type RowGroup = z.infer<typeof rowGroupSchema>;

/** What a stated total counts: the total, a status a document can state of its rows, or other. */
export const reportedTotalKeySchema = z.enum(['total', ...statusSchema.exclude(['planned', 'unstated']).options, 'other']);
export type ReportedTotalKey = z.infer<typeof reportedTotalKeySchema>;

/** Totals a document states about itself (共124项，完成104项…), each with its line; only the keys it states. */
export const reportedTotalSchema = z.object({
  /** total, a status key, or other (a category with no status, e.g. 待确定). */
  key: reportedTotalKeySchema,
  /** The category as printed (已完成年度目标任务, 待确定); 总数 for the total. */
  label: z.string(),
  count: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  /** The clause as printed. */
  phrase: z.string(),
  /** What the rows of this file give for the same key (tasks; stated statuses only); absent for other. */
  counted: z.number().int().nonnegative().optional(),
});
export type ReportedTotalEntry = z.infer<typeof reportedTotalSchema>;
