// The .xlsx and .xls readers on fixtures made from content/reports/linzi/2023-m09-progress.txt
// (tests/fixtures/spreadsheet-pdf/make.ts: exceljs wrote the .xlsx, LibreOffice turned it into the .xls):
// every row of that bulletin comes back, in order,
// with the sheet's row numbers; merged cells, wrapped cells, numbers and dates as the sheet shows them.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { READERS, type ReadDocument } from '~/lib/ingest/readers';
import { xlsReader } from '~/lib/ingest/readers/xls-reader';
import { xlsxReader } from '~/lib/ingest/readers/xlsx-reader';
import { seedRows, TITLE, UNIT_LINE } from '../scripts/bench/seed-tables';
import { expectReaderGolden, fixtureBytes, paragraphs, rowTexts, seedTexts, tables } from './helpers/reader-fixtures';

const seed = seedRows();
let xlsx: ReadDocument;
let xls: ReadDocument;
beforeAll(async () => {
  xlsx = await xlsxReader.read(fixtureBytes('linzi-2023-m09.xlsx'), 'linzi-2023-m09.xlsx');
  xls = await xlsReader.read(fixtureBytes('linzi-2023-m09.xls'), 'linzi-2023-m09.xls');
});

describe('xlsx reader', () => {
  it('is registered for xlsx and xls (their modules loaded on the first read)', async () => {
    expect(await READERS.xlsx!.read(fixtureBytes('linzi-2023-m09.xlsx'), 'linzi-2023-m09.xlsx')).toEqual(xlsx);
    expect(await READERS.xls!.read(fixtureBytes('linzi-2023-m09.xls'), 'linzi-2023-m09.xls')).toEqual(xls);
  });

  it('matches tests/golden/readers/linzi-2023-m09.xlsx.json', () => expectReaderGolden('linzi-2023-m09.xlsx', xlsx));

  it('makes the merged title row and the 填报单位/截至 line paragraphs, with the date as the sheet shows it', () => {
    const [title, unit] = paragraphs(xlsx);
    expect(title).toMatchObject({ text: TITLE, at: { label: '工作表“重点工作”第1行', sheet: '重点工作', row: 1 } });
    expect(unit).toMatchObject({ text: `${UNIT_LINE} 截至：2023年9月30日`, at: { label: '工作表“重点工作”第2行' } });
  });

  it('delivers the header (row 3) and every seed row in order, numbers as typed, units wrapped one per line', () => {
    const [table] = tables(xlsx);
    expect(table!.rows[0]!.at.label).toBe('工作表“重点工作”第3行');
    expect(rowTexts(table!.rows[0]!)).toEqual(seed.header);
    const body = table!.rows.slice(1);
    expect(body).toHaveLength(124);
    body.forEach((row, i) => {
      expect(row.at.row).toBe(i + 4);
      expect(rowTexts(row)).toEqual(seedTexts(seed.rows[i]!));
    });
    // 序号 were numbers in the sheet: shown as 1, 2, … not 1.0 or 1.000000001
    expect(body.map((r) => r.cells[0]!.text)).toEqual(seed.rows.map((r) => r[0]));
    expect(body[0]!.cells[5]!.text).toBe('区发改局（牵头）\n区财政局\n区商务局\n临淄生态环境分局\n区统计局提供数据');
  });

  it('gives a vertically merged 分管区领导 to every row it covers, marking the copies', () => {
    const body = tables(xlsx)[0]!.rows.slice(1);
    expect(body[3]!.cells[4]).toEqual({ text: '郭克华 房美男' });
    expect(body[4]!.cells[4]).toEqual({ text: '郭克华 房美男', mergedFrom: 'above' });
    expect(body[5]!.cells[4]).toEqual({ text: '郭克华 房美男', mergedFrom: 'above' });
    const copies = body.filter((r) => r.cells[4]!.mergedFrom === 'above').length;
    expect(copies).toBeGreaterThan(20);
  });

  it('reads the second sheet: counts, percentages, a float sum and a date as displayed', () => {
    const sheet2 = tables(xlsx)[1]!;
    expect(sheet2.at.label).toBe('工作表“汇总”第1行');
    const texts = sheet2.rows.map(rowTexts);
    expect(texts[0]).toEqual(['状态', '项数', '占比']);
    expect(texts).toContainEqual(['完成', '104', '83.9%']);
    expect(texts).toContainEqual(['合计', '124', '100.0%']);
    expect(texts).toContainEqual(['浮点和', '8', '']); // 8.000000000000002 stored
    expect(texts).toContainEqual(['通报日期', '2023-10-10', '']); // not 45209
  });
});

describe('xls reader (the same workbook saved by LibreOffice as Excel 97–2003)', () => {
  it('matches tests/golden/readers/linzi-2023-m09.xls.json', () => expectReaderGolden('linzi-2023-m09.xls', xls));

  it('gives exactly the blocks the .xlsx gives', () => {
    expect(xls.format).toBe('xls');
    expect(xls.blocks).toEqual(xlsx.blocks);
  });

  it('leaves no trace of parsing on the main thread’s prototypes (SheetJS runs in a worker)', () => {
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})));
    expect(Object.isFrozen(Object.prototype)).toBe(false); // frozen only inside the worker
  });
});

describe('sheet shapes', () => {
  async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<ReadDocument> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('表1'));
    return xlsxReader.read(new Uint8Array(await wb.xlsx.writeBuffer()), 'shape.xlsx');
  }

  it('keeps a group row merged across the whole table as one cell spanning it, inside the table', async () => {
    const doc = await workbook((ws) => {
      ws.addRow(['序号', '年度目标任务', '完成情况', '责任单位']);
      ws.addRow(['一、主要经济社会发展指标（牵头领导：郭克华）']);
      ws.mergeCells(2, 1, 2, 4);
      ws.addRow([1, '地区生产总值增长5.5%以上', '部分完成。', '区发改局']);
      ws.addRow([2, '一般公共预算收入增长6%', '完成。', '区财政局']);
    });
    const [table] = tables(doc);
    expect(table!.rows).toHaveLength(4);
    expect(table!.rows[1]!.cells).toEqual([{ text: '一、主要经济社会发展指标（牵头领导：郭克华）', colSpan: 4 }]);
    expect(rowTexts(table!.rows[2]!)).toEqual(['1', '地区生产总值增长5.5%以上', '部分完成。', '区发改局']);
  });

  it('splits two tables on one sheet at the blank row and title between them; drops empty trailing rows and columns', async () => {
    const doc = await workbook((ws) => {
      ws.getCell('A1').value = '附件1';
      ws.addRow(['序号', '2022年预期目标', '责任单位']);
      ws.addRow([1, '地区生产总值增长6%', '区发改局']);
      ws.addRow([]);
      ws.addRow(['附件2']);
      ws.addRow(['序号', '工作任务', '牵头单位']);
      ws.addRow([1, '推进轨道交通建设', '区交通局']);
      ws.getCell('H40').value = '   '; // blank text far away: not part of the used area
    });
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph', 'table']);
    expect(tables(doc).map((t) => t.rows.map((r) => r.cells.length))).toEqual([[3, 3], [3, 3]]);
    expect(doc.blocks[2]).toMatchObject({ text: '附件2', at: { label: '工作表“表1”第5行' } });
  });

  it('shows a date typed as a date in a Chinese format, never its serial number; Chinese-numeral formats as digits', async () => {
    const doc = await workbook((ws) => {
      ws.addRow(['序号', '任务', '完成时限']);
      const row = ws.addRow([1, '建成投用', new Date(Date.UTC(2023, 0, 1))]);
      row.getCell(3).numFmt = 'yyyy"年"m"月"d"日"';
      ws.addRow([2, '开工', new Date(Date.UTC(2023, 5, 30))]).getCell(3).numFmt = 'mm-dd-yy'; // built-in short date
      ws.addRow([3, '投资', 1234.5]).getCell(3).numFmt = '[DBNum1][$-804]General'; // Chinese numerals shown as digits
    });
    expect(tables(doc)[0]!.rows.map((r) => r.cells[2]!.text)).toEqual(['完成时限', '2023年1月1日', '2023-06-30', '1234.5']);
  });

  it('keeps bold runs inside a cell as <b> (a bold unit is the lead unit in some bulletins)', async () => {
    const doc = await workbook((ws) => {
      ws.addRow(['序号', '年度目标任务', '责任单位']);
      ws.addRow([1, '推进项目建设', { richText: [{ font: { bold: true }, text: '区发改局' }, { text: ' 区财政局' }] }]);
    });
    expect(tables(doc)[0]!.rows[1]!.cells[2]!.text).toBe('<b>区发改局</b> 区财政局');
  });
});
