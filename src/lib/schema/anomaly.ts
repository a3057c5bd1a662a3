import { z } from 'astro/zod';

/** Everything the parser could not place. Nothing in a source file is dropped without one of these. */
export const anomalyKindSchema = z.enum([
  'numbering-gap', // 序号 jumps (001: 16–19 missing)
  'duplicate-number', // the same 序号 twice in one report
  'row-cut-off', // the last row ends mid-sentence (001: 20)
  'truncated-cell', // a cell ends in U+FFFD or stops mid-character: the source lost the rest
  'too-many-cells', // more cells than the header (beyond the known merged sub-goal cell)
  'too-few-cells', // fewer cells than the header
  'outside-table', // text outside any table that is not recognised metadata
  'unnumbered-row', // a row without 序号 that has no task above it
  'unknown-name', // a leader or unit name not in content/aliases (maybe a misprint)
  'manifest-mismatch', // manifest and document disagree (year, period)
  'decode', // bytes that do not decode cleanly
  'totals-mismatch', // the document's own totals (共124项，完成104项) differ from the rows counted
  'too-long', // a name over the limit in src/lib/limits.ts (its URL is shortened): most likely cells run together
  'invisible-character', // a format character (zero-width, bidi control, BOM inside text, soft hyphen): removed, line flagged
]);
export type AnomalyKind = z.infer<typeof anomalyKindSchema>;

export const anomalySchema = z.object({
  /** Stable id: `${reportId}-L${line}-${kind}` (+ `-n` if repeated). */
  id: z.string(),
  reportId: z.string(),
  /** Repository-relative path of the source file. */
  file: z.string(),
  /** 1-based source line. */
  line: z.number().int().positive(),
  kind: anomalyKindSchema,
  /** One Chinese sentence: what is wrong and, where it applies, what to do. */
  message: z.string(),
  /** The source line exactly as printed. */
  verbatim: z.string(),
});
export type Anomaly = z.infer<typeof anomalySchema>;
