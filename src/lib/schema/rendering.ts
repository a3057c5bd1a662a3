import { z } from 'astro/zod';

/**
 * generated/renderings/<reportId>.json: the canonical text lines of one source file, the lines every
 * "第N行" on the portal counts, with where each sits in the original file (page, sheet, table row) when
 * the format has such places. The source view page (source/<district>/<file>/) is drawn from it.
 */
export const renderingSchema = z.object({
  reportId: z.string(),
  /** Repository-relative path of the verbatim file. */
  file: z.string(),
  /** The reader that produced the lines: text, html, docx, doc, xlsx, xls, pdf. */
  format: z.string(),
  /** Line N of the portal is lines[N - 1]. */
  lines: z.array(z.string()),
  /** Same length as lines: the location label in the original file (第2页第14行…), null for a text file. */
  where: z.array(z.string().nullable()),
});
export type Rendering = z.infer<typeof renderingSchema>;
