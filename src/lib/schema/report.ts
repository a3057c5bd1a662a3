import { z } from 'astro/zod';
import { inferredCountsSchema, statusCountsSchema } from './status';
import { reportedTotalSchema } from './group';

export const reportKindSchema = z.enum(['work-report', 'breakdown', 'progress']);
export type ReportKind = z.infer<typeof reportKindSchema>;

/** year | Q1..Q4 | M1..M12 */
export const periodSchema = z.string().regex(/^(year|Q[1-4]|M([1-9]|1[0-2]))$/);
export type Period = z.infer<typeof periodSchema>;

/** Column roles the parser recognises by header words (never by position). */
export const columnKeySchema = z.enum(['number', 'code', 'pledge', 'subGoal', 'target', 'result', 'status', 'units', 'leaders', 'note', 'extra']);
export type ColumnKey = z.infer<typeof columnKeySchema>;

export const columnSchema = z.object({
  key: columnKeySchema,
  /** Header text as printed (may be empty: 003's first header cell). */
  label: z.string(),
  /** For target columns: the period the target is due (Q3, M9…). */
  period: periodSchema.optional(),
});
export type Column = z.infer<typeof columnSchema>;

const sourceFileSchema = z.object({
  /** Repository-relative path of the verbatim file. */
  file: z.string(),
  /** Public URL path of the verbatim copy served by the portal (under /sources/). */
  publicPath: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int(),
  /** What the file is, detected from its bytes: text, or a format read by src/lib/ingest/readers/. */
  format: z.enum(['text', 'html', 'docx', 'doc', 'xlsx', 'xls', 'pdf']).default('text'),
  /** How a text file is encoded (absent for Word, Excel, PDF: their text comes from the reader). */
  encoding: z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be']).optional(),
  bom: z.boolean().optional(),
  lineEnding: z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']).optional(),
  /** Tables found in a Word/Excel/PDF/web file (after a table continued over a page break is joined). */
  tables: z.number().int().optional(),
  /** Lines of the text (for other formats: of its canonical text rendering, whose lines provenance cites). */
  lineCount: z.number().int(),
});
export type SourceFile = z.infer<typeof sourceFileSchema>;

/**
 * How the tasks are laid out in the text: a table (one cell per line led by a tab; one cell per paragraph as
 * copied from a web page; tab-separated; Markdown pipe; space-separated), a numbered list with inline
 * labelled fields, labelled fields in running text, a prose bulletin, or prose (a work report).
 */
const layoutSchema = z.enum(['cell-per-line', 'paragraph-cells', 'tsv', 'pipe', 'spaces', 'list', 'labelled-text', 'prose-bulletin', 'prose']);

/** One table (or list) of a file; a file may hold several (附件1 targets, 附件2 tasks). */
const reportTableSchema = z.object({
  /** 1-based position in the file; tasks of table 2 on have ids with `t2`… */
  number: z.number().int().positive(),
  layout: layoutSchema,
  title: z.object({ text: z.string(), line: z.number().int() }).optional(),
  headerLine: z.number().int().optional(),
  headerEndLine: z.number().int().optional(),
  columns: z.array(columnSchema),
  rowCount: z.number().int(),
});

export const reportSchema = z.object({
  /** `${district}-${year}-${slug}`, e.g. linzi-2023-m09. */
  id: z.string(),
  /** URL segment under /<district>/<year>/: q2, m09, plan-q3-q4, work-report. */
  slug: z.string(),
  district: z.string(),
  year: z.number().int(),
  kind: reportKindSchema,
  /** Periods the report covers: [Q2], [M9], [Q3, Q4] (a breakdown with two target columns), [year]. */
  periods: z.array(periodSchema).min(1),
  /** Chinese label of the period: 第二季度, 9月, 第三、四季度, 全年. */
  periodLabel: z.string(),
  /** Sort key within a district-year: the last month the report covers (Q2 → 6, M9 → 9, year → 0 for a work report). */
  periodEndMonth: z.number().int().min(0).max(12),
  title: z.string(),
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  /** ISO date printed on the document (YYYY-MM-DD), when it prints one. */
  date: z.string().optional(),
  speaker: z.string().optional(),
  speakerTitle: z.string().optional(),
  occasion: z.string().optional(),
  /** Editorial note from the manifest (e.g. lead units marked in bold were lost). */
  note: z.string().optional(),
  source: sourceFileSchema,
  /** How the table was laid out in the text (detected from the text, never the file name). */
  layout: layoutSchema,
  /** The table's columns as printed, in source order. */
  columns: z.array(columnSchema),
  /** Line of the (first) header row. */
  headerLine: z.number().int().optional(),
  /** Every table (or list) of the file with its columns and header lines; absent in datasets made before files could hold several. */
  tables: z.array(reportTableSchema).optional(),
  /** Totals the document states about itself, each compared with the rows counted; absent when it states none. */
  reportedTotals: z.array(reportedTotalSchema).optional(),
  /** Text before the table (notice, title block), for display; sanitised plain paragraphs. */
  preamble: z.array(z.object({ line: z.number().int(), text: z.string() })),
  /** Footnotes after the table (注：…). */
  footnotes: z.array(z.object({ line: z.number().int(), text: z.string() })),
  /** Task ids in table order. */
  taskIds: z.array(z.string()),
  /** Progress entry ids in table order (one per table row, sub-target rows included). */
  progressIds: z.array(z.string()),
  /** Numbered rows in the table. */
  taskCount: z.number().int(),
  /** Table rows (numbered rows plus sub-target rows). */
  rowCount: z.number().int(),
  /** Stated statuses only, one per progress row (a sub-target row counts on its own). */
  statusCounts: statusCountsSchema,
  /** Statuses our rules inferred from result text (rows whose source states none). */
  inferredCounts: inferredCountsSchema,
  anomalyCount: z.number().int(),
  /** Full decoded text, kept for display (work reports). */
  text: z.string().optional(),
});
export type Report = z.infer<typeof reportSchema>;
