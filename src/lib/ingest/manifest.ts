import { z } from 'astro/zod';
import { periodSchema, reportKindSchema } from '../schema';
import { fileNameProblem } from './check-names';

/** One source file as described by content/reports/manifest.yaml. */
export const manifestEntrySchema = z.object({
  /** Path relative to content/reports/. */
  file: z
    .string()
    .regex(/^[a-z0-9-]+\/[^/]+$/, '应为 <区县拼音>/<文件名>，如 linzi/2023-m09-progress.txt')
    .superRefine((f, ctx) => {
      // The name becomes a URL (/sources/<district>/<name>): refused here rather than linked under another name.
      const problem = fileNameProblem(f.slice(f.indexOf('/') + 1));
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  district: z.string(),
  year: z.number().int().min(1990).max(2100),
  kind: reportKindSchema,
  /** year, Q1–Q4, M1–M12, or a list of them for a table with several target periods. */
  period: z.union([periodSchema, z.array(periodSchema).min(1)]),
  title: z.string().min(1),
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  /** ISO date printed on the document. */
  date: z.iso.date().optional(),
  speaker: z.string().optional(),
  speakerTitle: z.string().optional(),
  occasion: z.string().optional(),
  note: z.string().optional(),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const manifestSchema = z.object({ reports: z.array(manifestEntrySchema).min(1) });

export const districtsFileSchema = z.object({
  districts: z.array(z.object({ slug: z.string(), name: z.string(), shortName: z.string(), city: z.string(), province: z.string() })),
});

export const unitAliasesSchema = z.record(
  z.string(),
  z.object({
    units: z.record(z.string(), z.array(z.string())).default({}),
    aliases: z.record(z.string(), z.array(z.string())).default({}),
    /** Two names printed with no space between them: printed → the units it stands for. */
    splits: z.record(z.string(), z.array(z.string())).default({}),
  }),
);
export type UnitAliases = z.infer<typeof unitAliasesSchema>;

export const leaderAliasesSchema = z.record(z.string(), z.array(z.object({ name: z.string(), variants: z.array(z.string()).default([]) })));
export type LeaderAliases = z.infer<typeof leaderAliasesSchema>;

export function periodsOf(entry: ManifestEntry): string[] {
  return Array.isArray(entry.period) ? entry.period : [entry.period];
}
