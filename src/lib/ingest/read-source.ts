import { decodeReport } from './decode';
import { IngestError } from './errors';
import { detectFormat, formatName } from './readers/detect';
import { checkFileSize } from './readers/file-size';
import { READERS } from './readers/index';
import { renderCanonical } from './readers/render-canonical';
import { ReaderError, type ReadDocument, type SourceFormat } from './readers/types';
import { extensionOf } from '~/lib/source-files';

// Reading a source file before parsing: a text file is parsed from its bytes as before; any other format
// is read by its reader (async: pdf.js and word-extractor are) and rendered as canonical text lines, which
// the same table/row parser then reads. The ingest reads every source first, then builds the dataset
// synchronously from these readings.

/** A non-text source as the parser sees it: canonical lines, each with its location in the original. */
export interface SourceReading {
  format: Exclude<SourceFormat, 'text'>;
  lines: string[];
  where: (string | null)[];
  tables: number;
  meta: ReadDocument['meta'];
  /** What the reader noticed (a format that disagrees with the extension…): anomalies on the line given. */
  notes: { line: number; message: string }[];
}


/**
 * Read one source. Returns undefined for a text file (parsed from its bytes, mismatch aside). Throws
 * ReaderError, a sentence naming the file, for a file that cannot be read.
 */
export async function readSource(bytes: Uint8Array, file: string): Promise<{ reading?: SourceReading; mismatch?: string }> {
  checkFileSize(bytes, file);
  const { format, mismatch } = detectFormat(bytes, file);
  if (format === 'text') {
    if (mismatch && /^(docx?|xlsx?|pdf)$/.test(extensionOf(file))) {
      // A .doc that is not one: say that, rather than "not a text file".
      try {
        decodeReport(bytes, file);
      } catch (e) {
        if (e instanceof IngestError) throw new ReaderError({ file, message: `扩展名是 .${extensionOf(file)}，但内容既不是这种格式，也不是 Word/Excel/PDF/网页或可读的文本：文件已损坏或不是通报附件`, hint: '请重新下载原件。' });
        throw e;
      }
    }
    return mismatch ? { mismatch } : {};
  }
  const reader = READERS[format];
  if (!reader) throw new ReaderError({ file, message: `这是${formatName(format)}文件，本程序暂时还不能读取这种格式`, hint: '请把附件另存为 .docx 或文本后再导入。' });
  // A copy as a plain Uint8Array: pdf.js refuses a Node Buffer, and a reader may detach what it is given.
  const doc = await reader.read(new Uint8Array(bytes), file);
  const rendering = renderCanonical(doc);
  if (rendering.lines.length === 0) throw new ReaderError({ file, message: `读出的${formatName(format)}文件没有任何文字`, hint: '请确认原件不是扫描图片或空文档。' });
  const lineOf = (label: string) => Math.max(1, rendering.where.indexOf(label) + 1);
  const notes = doc.notes.map((n) => ({ line: lineOf(n.at.label), message: `${n.at.label}：${n.message}` }));
  if (mismatch) notes.unshift({ line: 1, message: mismatch });
  return { reading: { format, ...rendering, meta: doc.meta, notes } };
}

/** Read every source a build needs, first, so that buildDataset stays synchronous. Errors are collected. */
export async function readSources(
  files: string[],
  readFile: (repoPath: string) => Uint8Array | undefined,
): Promise<{ readings: Map<string, SourceReading | ReaderError>; mismatches: Map<string, string> }> {
  const readings = new Map<string, SourceReading | ReaderError>();
  const mismatches = new Map<string, string>();
  for (const file of files) {
    const bytes = readFile(file);
    if (!bytes) continue;
    try {
      const r = await readSource(bytes, file);
      if (r.reading) readings.set(file, r.reading);
      else if (r.mismatch) mismatches.set(file, r.mismatch);
    } catch (e) {
      if (e instanceof ReaderError) readings.set(file, e);
      else throw e;
    }
  }
  return { readings, mismatches };
}
