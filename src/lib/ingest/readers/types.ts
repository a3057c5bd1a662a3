// The one model every input reader meets. A reader turns the bytes of a published file (Word, Excel, PDF,
// a saved web page, plain text) into blocks in document order: paragraphs and tables of rows of cells,
// each with where it sits in the original file. The canonical text rendering (render-canonical.ts) turns
// those blocks into numbered lines that the table/row parser reads, so every format goes through the
// same parser and every fact keeps a line number plus the original location (page, sheet, table, row).

import { ProblemError } from '~/lib/problems';

export type SourceFormat = 'text' | 'html' | 'docx' | 'doc' | 'xlsx' | 'xls' | 'pdf';

/** Where something sits in the original file. `label` is the Chinese phrase a page shows. */
export interface SourceLocation {
  /** e.g. 第2页第14行 · 工作表“Sheet1”第5行 · 表格1第3行 · 第4段 */
  label: string;
  page?: number;
  sheet?: string;
  table?: number;
  row?: number;
  paragraph?: number;
  line?: number;
}

export interface TableCell {
  /** Cell content: plain text, or restricted markup (p, br, b, strong, sup, sub) kept as rich text. */
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Set on a cell whose value was copied from a merged cell above or to the left (vMerge, gridSpan, rowspan). */
  mergedFrom?: 'above' | 'left';
}

export interface TableRow {
  cells: TableCell[];
  at: SourceLocation;
}

export type Block =
  | { kind: 'paragraph'; text: string; at: SourceLocation }
  | { kind: 'table'; rows: TableRow[]; at: SourceLocation };

export interface ReadDocument {
  format: SourceFormat;
  blocks: Block[];
  /** What the file says about itself (a web page's <title> and 发布日期, document properties). */
  meta: { title?: string; date?: string };
  /** Things the reader noticed but could place (e.g. a running head dropped): become anomalies with a location. */
  notes: { at: SourceLocation; message: string }[];
}

/** A reader for one format. Throws ReaderError (a sentence saying what is wrong and what to do) on bad input. */
export interface Reader {
  format: Exclude<SourceFormat, 'text'>;
  read(bytes: Uint8Array, file: string): Promise<ReadDocument>;
}

/**
 * A file that cannot be read in its format: corrupt, encrypted, scanned without text, too large. Its
 * problem names the file, the part (page, zip member) when there is one, and what to do.
 */
export class ReaderError extends ProblemError {}
