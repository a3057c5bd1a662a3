// The PDF reader on PDFs Chromium printed from content/reports/linzi/2023-m09-progress.txt
// (tests/fixtures/spreadsheet-pdf/make.ts): a bordered table over 21 pages with its header repeated on each
// and page numbers and a running head in the margins; the first 12 rows without borders; a short table with a group row and a merged cell.
import { beforeAll, describe, expect, it } from 'vitest';
import { READERS, type ReadDocument } from '~/lib/ingest/readers';
import { pdfReader } from '~/lib/ingest/readers/pdf-reader';
import { seedRows, TITLE, UNIT_LINE } from '../scripts/bench/seed-tables';
import { proseParagraphs } from './fixtures/spreadsheet-pdf/make';
import { expectReaderGolden, fixtureBytes, paragraphs, pdfComparable, rowTexts, tables } from './helpers/reader-fixtures';

const seed = seedRows();
let bordered: ReadDocument;
let borderless: ReadDocument;
let merged: ReadDocument;
beforeAll(async () => {
  bordered = await pdfReader.read(fixtureBytes('linzi-2023-m09.pdf'), 'linzi-2023-m09.pdf');
  borderless = await pdfReader.read(fixtureBytes('borderless.pdf'), 'borderless.pdf');
  merged = await pdfReader.read(fixtureBytes('merged.pdf'), 'merged.pdf');
}, 120_000);

describe('pdf reader: a bordered table over many pages', () => {
  it('is registered for pdf (its module loaded on the first read)', async () => {
    expect(READERS.pdf!.format).toBe('pdf');
    expect(await READERS.pdf!.read(fixtureBytes('merged.pdf'), 'merged.pdf')).toEqual(merged);
  });

  it('matches tests/golden/readers/linzi-2023-m09.pdf.json', () => expectReaderGolden('linzi-2023-m09.pdf', bordered));

  it('keeps the paragraphs outside the table in order, with page and line', () => {
    expect(paragraphs(bordered).map((p) => [p.text, p.at.label])).toEqual([
      [TITLE, '第1页第2行'],
      [`${UNIT_LINE} 截至：2023年9月30日`, '第1页第3行'],
      ['注：加粗单位为牵头单位。', expect.stringMatching(/^第21页第\d+行$/)],
    ]);
    expect(bordered.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
  });

  it('reads one table: the header once, then all 124 rows, every cell as in the seed (wrapped lines joined)', () => {
    const [table] = tables(bordered);
    expect(rowTexts(table!.rows[0]!)).toEqual(seed.header);
    expect(table!.rows.filter((r) => r.cells[0]!.text === '序号')).toHaveLength(1);
    const body = table!.rows.slice(1);
    expect(body).toHaveLength(124);
    body.forEach((row, i) => expect(pdfComparable(rowTexts(row)), `row ${i + 1} at ${row.at.label}`).toEqual(pdfComparable(seed.rows[i]!)));
  });

  it('labels each row with its page and line, pages in order', () => {
    const rows = tables(bordered)[0]!.rows;
    expect(rows[0]!.at).toEqual({ label: '第1页第4行', page: 1, line: 4 });
    const pages = rows.map((r) => r.at.page!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages.at(-1)).toBe(21);
    for (const r of rows) expect(r.at.label).toBe(`第${r.at.page}页第${r.at.line}行`);
  });

  it('leaves out the page numbers and the running head, each listed once as a note', () => {
    expect(bordered.notes).toEqual([
      { at: { label: expect.stringMatching(/^第1页第\d+行$/), page: 1, line: expect.any(Number) }, message: '页码（21 处）未作为正文读取。' },
      { at: { label: '第1页第1行', page: 1, line: 1 }, message: '每页重复的页眉/页脚“临淄区重点工作通报”（21 处）未作为正文读取。' },
    ]);
    const all = JSON.stringify(bordered.blocks);
    expect(all).not.toMatch(/第 \d+ 页 共/);
    expect(all).not.toContain('临淄区重点工作通报');
  });

  it('takes the title from the document information', () => expect(bordered.meta).toEqual({ title: TITLE }));
});

describe('pdf reader: other table shapes', () => {
  it('rebuilds columns from the gaps when a table has no borders (12 rows over 3 pages)', () => {
    expectReaderGolden('borderless.pdf', borderless);
    const [table] = tables(borderless);
    expect(rowTexts(table!.rows[0]!)).toEqual(seed.header);
    expect(table!.rows.slice(1).map((r) => pdfComparable(rowTexts(r)))).toEqual(seed.rows.slice(0, 12).map(pdfComparable));
  });

  it('keeps a group row spanning every column as one cell and gives a row-spanning cell to both rows', () => {
    expectReaderGolden('merged.pdf', merged);
    const rows = tables(merged)[0]!.rows;
    expect(rows[1]!.cells).toEqual([{ text: '一、主要经济社会发展指标', colSpan: 6 }]);
    expect(pdfComparable(rowTexts(rows[2]!))).toEqual(pdfComparable(seed.rows[3]!));
    expect(rows[3]!.cells[4]).toEqual({ text: '郭克华 房美男' });
    expect(rows[4]!.cells[4]).toEqual({ text: '郭克华 房美男', mergedFrom: 'above' });
    expect(pdfComparable(rowTexts(rows[4]!))).toEqual(pdfComparable(seed.rows[5]!));
  });

  it('leaves out a watermark drawn at an angle (as a note) and keeps a framed note as a paragraph, not a table', async () => {
    const doc = await pdfReader.read(fixtureBytes('watermark.pdf'), 'watermark.pdf');
    expectReaderGolden('watermark.pdf', doc);
    expect(JSON.stringify(doc.blocks)).not.toContain('内部资料');
    expect(doc.notes).toContainEqual({ at: { label: '第1页', page: 1 }, message: '第1页有 1 段斜排或竖排的文字（如水印、印章），未作为正文读取。' });
    expect(tables(doc)).toHaveLength(1);
    expect(tables(doc)[0]!.rows.slice(1).map((r) => pdfComparable(rowTexts(r)))).toEqual(seed.rows.slice(0, 3).map(pdfComparable));
    expect(paragraphs(doc).map((p) => p.text)).toContain('说明：本表由区政府办公室汇总。');
  });

  it('joins the pieces of a row the page break cut (no border under it) into one row', async () => {
    const doc = await pdfReader.read(fixtureBytes('split-rows.pdf'), 'split-rows.pdf');
    expectReaderGolden('split-rows.pdf', doc);
    const [table] = tables(doc);
    expect(table!.rows.slice(1).map((r) => pdfComparable(rowTexts(r)))).toEqual(seed.rows.slice(0, 20).map(pdfComparable));
    // Rows 10 and 16 are cut by page breaks in this fixture: unjoined, their pieces would be extra rows here.
    expect(table!.rows).toHaveLength(21);
  });
});

describe('pdf reader: prose', () => {
  it('joins the lines of each paragraph (also over a page break) and starts a new one at an indent or a heading', async () => {
    const doc = await pdfReader.read(fixtureBytes('prose.pdf'), 'prose.pdf');
    expectReaderGolden('prose.pdf', doc);
    expect(tables(doc)).toEqual([]);
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(paragraphs(doc).map((p) => squash(p.text))).toEqual(proseParagraphs().map(squash));
    expect(new Set(paragraphs(doc).map((p) => p.at.page))).toEqual(new Set([1, 2, 3]));
  });
});
