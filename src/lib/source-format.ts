import type { Provenance, Report } from './schema';

// How pages name a source file's format and a fact's place in it: "第12行 · 原件表格1第3行" for a Word
// table row (the canonical text line, then where it sits in the original), just "第12行" for a text file.

const FORMAT_LABELS: Record<string, string> = {
  text: '文本', html: '网页（HTML）', docx: 'Word（.docx）', doc: 'Word 97–2003（.doc）', xlsx: 'Excel（.xlsx）', xls: 'Excel 97–2003（.xls）', pdf: 'PDF',
};

/** "utf-8" for a text file, "Word（.docx）" for a document read by a format reader. */
export function sourceFormatLabel(source: Report['source']): string {
  const format = source.format ?? 'text';
  return format === 'text' ? (source.encoding ?? 'utf-8') : FORMAT_LABELS[format] ?? format;
}

/** "第12行" or "第12–14行", followed by " · 原件表格1第3行" when the source is not a text file. */
export function lineLabel(source: Pick<Provenance, 'lines' | 'where'>): string {
  const [a, b] = source.lines;
  return `第${a === b ? a : `${a}–${b}`}行${source.where ? ` · 原件${source.where}` : ''}`;
}
