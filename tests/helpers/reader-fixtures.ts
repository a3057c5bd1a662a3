// Reading the committed spreadsheet/PDF fixtures (tests/fixtures/spreadsheet-pdf/) and comparing a
// ReadDocument with its golden file (tests/golden/readers/, see tests/helpers/golden.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, ReadDocument, TableRow } from '~/lib/ingest/readers';
import { expectGolden, goldenJson } from './golden';

export const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/spreadsheet-pdf');

export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

export function expectReaderGolden(name: string, doc: ReadDocument): void {
  expectGolden(`readers/${name}.json`, goldenJson(doc));
}

export const tables = (doc: ReadDocument) => doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
export const paragraphs = (doc: ReadDocument) => doc.blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
/** Cell texts with runs of white space (line breaks included) made one space. */
export const rowTexts = (r: TableRow) => r.cells.map((c) => c.text.replace(/\s+/g, ' ').trim());
export const seedTexts = (r: string[]) => r.map((c) => c.replace(/\s+/g, ' ').trim());

/**
 * A PDF row against its seed row. Where a line wrapped at a space cannot be told from one that wrapped inside
 * Chinese prose, so prose columns (序号 to 完成情况) are compared without white space; the name lists
 * (分管区领导, 责任单位) keep their spaces, which separate the names.
 */
export const pdfComparable = (cells: string[]) => cells.map((c, j) => (j < 4 ? c.replace(/\s+/g, '') : c.replace(/\s+/g, ' ').trim()));
