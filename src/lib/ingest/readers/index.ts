import type { Reader, SourceFormat } from './types';

/**
 * A reader whose module (and its library: ExcelJS alone takes ~1 s to load) is imported the first time a
 * file of its format is read, so an ingest of text sources, and every spawn of the CLI, loads none of them.
 */
function onFirstRead(format: Reader['format'], load: () => Promise<Reader>): Reader {
  let reader: Promise<Reader> | undefined;
  return { format, read: async (bytes, file) => (await (reader ??= load())).read(bytes, file) };
}

// One reader per format, beside each other. Each is filled in by its own module; a format without a
// reader yet says so clearly instead of being read as text.
export const READERS: Partial<Record<Exclude<SourceFormat, 'text'>, Reader>> = {
  html: onFirstRead('html', async () => (await import('./html')).htmlReader),
  docx: onFirstRead('docx', async () => (await import('./docx')).docxReader),
  doc: onFirstRead('doc', async () => (await import('./doc')).docReader),
  xlsx: onFirstRead('xlsx', async () => (await import('./xlsx-reader')).xlsxReader),
  xls: onFirstRead('xls', async () => (await import('./xls-reader')).xlsReader),
  pdf: onFirstRead('pdf', async () => (await import('./pdf-reader')).pdfReader),
};

export type { Block, ReadDocument, Reader, SourceFormat, SourceLocation, TableCell, TableRow } from './types';
export { ReaderError } from './types';
