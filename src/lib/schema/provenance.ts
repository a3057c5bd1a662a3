import { z } from 'astro/zod';

/** Where a fact came from: the verbatim source file and the lines it occupies. Every entity carries one. */
export const provenanceSchema = z.object({
  /** Repository-relative path of the verbatim source file, e.g. content/reports/linzi/2023-m09-progress.txt. */
  file: z.string(),
  /** First and last source line (1-based, inclusive). */
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  /** The source lines exactly as printed (decoded, line ends normalised to \n). */
  verbatim: z.string(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** A cell of prose as printed: plain text for search and matching, sanitised HTML for display. */
export const richTextSchema = z.object({
  /** Plain text: markup removed, PDF line-wrap spaces between Chinese characters removed. */
  text: z.string(),
  /** Sanitised HTML (allowlist b, strong, sup, sub, p, br); safe to render as-is. */
  html: z.string(),
  /** Labelled sub-items (`<b>智能装备产业园：</b>…`) when the cell is made of them. */
  items: z.array(z.object({ label: z.string(), text: z.string() })).optional(),
  /** The source cell stops short (the file ends mid-sentence, or a character was lost): the rest is missing from the source. Pages show CUT_OFF_MARK after it. */
  truncated: z.literal(true).optional(),
});

/** Shown wherever a truncated cell is shown (task, report and year pages, search results, CSV). */
export const CUT_OFF_MARK = '〔原文在此中断，其后内容缺失〕';
export type RichText = z.infer<typeof richTextSchema>;
