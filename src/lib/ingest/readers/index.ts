import { pdfReader } from './pdf-reader';
import type { Reader, SourceFormat } from './types';
import { xlsReader } from './xls-reader';
import { xlsxReader } from './xlsx-reader';

// One reader per format, beside each other. Each is filled in by its own module; a format without a
// reader yet says so clearly instead of being read as text.
export const READERS: Partial<Record<Exclude<SourceFormat, 'text'>, Reader>> = {
  xlsx: xlsxReader,
  xls: xlsReader,
  pdf: pdfReader,
};

export type { Block, ReadDocument, Reader, SourceFormat, SourceLocation, TableCell, TableRow } from './types';
export { ReaderError } from './types';
