// The readers one behaviour at a time: format detection from the bytes, spans expanded into a grid,
// continued tables joined, cells escaped for the pipe table, Word's merges, a saved page's chrome left out,
// and the .doc text stream cut back into rows.
import CFB from 'cfb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '~/lib/ingest/read-source';
import { joinContinuedTables } from '~/lib/ingest/readers/continued-tables';
import { detectFormat } from '~/lib/ingest/readers/detect';
import { blocksFromWordText } from '~/lib/ingest/readers/doc';
import { docxReader } from '~/lib/ingest/readers/docx';
import { expandSpans } from '~/lib/ingest/readers/grid';
import { htmlReader } from '~/lib/ingest/readers/html';
import { renderCanonical, renderCell } from '~/lib/ingest/readers/render-canonical';
import type { Block, TableRow } from '~/lib/ingest/readers/types';
import { docxOf, li, p, tbl, tc, tr } from './helpers/ooxml';
import { ROOT } from './helpers/repo-dataset';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/formats', name));
const row = (...texts: (string | { text: string; colSpan?: number; rowSpan?: number })[]): TableRow => ({ cells: texts.map((t) => (typeof t === 'string' ? { text: t } : t)), at: { label: 'x' } });
const texts = (rows: TableRow[]) => rows.map((r) => r.cells.map((c) => c.text));
const ole = (stream: string) => {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, stream, Buffer.from('x'.repeat(5000)));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
};

describe('format detection reads the bytes, not the name', () => {
  it('tells docx, doc, html and text apart whatever the extension says', () => {
    expect(detectFormat(fixture('m09-excerpt.docx'), 'a.docx')).toEqual({ format: 'docx' });
    expect(detectFormat(fixture('m09-excerpt.doc'), 'a.doc')).toEqual({ format: 'doc' });
    expect(detectFormat(fixture('m09-excerpt.html'), 'a.htm')).toEqual({ format: 'html' });
    expect(detectFormat(fixture('m09-excerpt.txt'), 'a.txt')).toEqual({ format: 'text' });
    const renamed = detectFormat(fixture('m09-excerpt.docx'), '通报.doc');
    expect(renamed.format).toBe('docx');
    expect(renamed.mismatch).toContain('扩展名是 .doc');
  });

  it('reads an OLE compound file by its streams: WordDocument is Word, Workbook or Book is Excel', () => {
    expect(detectFormat(ole('WordDocument'), 'x.xls').format).toBe('doc');
    expect(detectFormat(ole('Workbook'), 'x.xls').format).toBe('xls');
    expect(detectFormat(ole('Book'), 'x.bin').format).toBe('xls');
    expect(detectFormat(new TextEncoder().encode('%PDF-1.7\n'), 'x.txt').format).toBe('pdf');
  });

  it('a text bulletin with HTML inside its cells stays text (the 2020 Linzi breakdown)', () => {
    expect(detectFormat(readFileSync(join(ROOT, 'content/reports/linzi/2020-q3-q4-breakdown.txt')), 'x.txt').format).toBe('text');
  });

  it('a file read by its content carries the mismatch as an anomaly on line 1', async () => {
    const { reading } = await readSource(fixture('m09-excerpt.docx'), '通报.doc');
    expect(reading!.notes[0]).toMatchObject({ line: 1 });
    expect(reading!.notes[0]!.message).toContain('已按内容读取');
  });
});

describe('merged cells give their value to every row and column they cover', () => {
  it('rowspan and colspan expand; copies are marked', () => {
    const grid = expandSpans([row('序号', '任务', '领导'), row('1', { text: '甲', rowSpan: 2 }, '张三'), row('2', '李四'), row('3', { text: '乙', colSpan: 2 })]);
    expect(texts(grid)).toEqual([['序号', '任务', '领导'], ['1', '甲', '张三'], ['2', '甲', '李四'], ['3', '乙', '乙']]);
    expect(grid[2]!.cells[1]!.mergedFrom).toBe('above');
    expect(grid[3]!.cells[2]!.mergedFrom).toBe('left');
  });

  it('a row of one cell across the whole width is a heading: its text once, in the first cell', () => {
    expect(texts(expandSpans([row('序号', '任务', '领导'), row({ text: '一、经济发展', colSpan: 3 })]))[1]).toEqual(['一、经济发展', '', '']);
  });

  it('a huge declared span costs no more than the table is wide', () => {
    const grid = expandSpans([row('a', 'b'), row({ text: 'x', colSpan: 1_000_000, rowSpan: 3 }), row('c', 'd')]);
    expect(grid.every((r) => r.cells.length === 2)).toBe(true);
  });
});

describe('a table continued on the next page is one table', () => {
  const table = (...rows: TableRow[]): Block => ({ kind: 'table', rows, at: { label: 't' } });
  it('joins a table that starts with the same header and drops header rows repeated inside', () => {
    const out = joinContinuedTables([table(row('序号', '任务'), row('1', 'a'), row('序号', '任务'), row('2', 'b')), table(row('序号', ' 任务 '), row('3', 'c'))]);
    expect(out).toHaveLength(1);
    expect(texts((out[0] as Extract<Block, { kind: 'table' }>).rows)).toEqual([['序号', '任务'], ['1', 'a'], ['2', 'b'], ['3', 'c']]);
  });
  it('keeps two different tables apart (附件1 and 附件2)', () => {
    expect(joinContinuedTables([table(row('序号', '预期目标')), table(row('序号', '工作任务'))])).toHaveLength(2);
  });
});

describe('the canonical rendering', () => {
  it('escapes pipes, turns line breaks into <br> and keeps plain text safe to parse as HTML', () => {
    expect(renderCell({ text: 'a|b' })).toBe('a\\|b');
    expect(renderCell({ text: '第一行\n<5%' })).toBe('第一行<br>&lt;5%');
    expect(renderCell({ text: '<b>牵头</b>\n区财政局' })).toBe('<b>牵头</b> 区财政局');
  });
  it('rows above the header with one filled cell (a title merged across, a 截至 line) are lines of text', () => {
    const t: Block = { kind: 'table', at: { label: '表格1' }, rows: [
      { cells: [{ text: '2024年重点工作<b>完成情况</b>表', colSpan: 3 }], at: { label: '表格1第1行' } },
      { cells: [{ text: '' }, { text: '' }, { text: '截至9月30日' }], at: { label: '表格1第2行' } },
      { cells: [{ text: '序号' }, { text: '任务' }, { text: '完成情况' }], at: { label: '表格1第3行' } },
      { cells: [{ text: '1' }, { text: 'a' }, { text: '完成' }], at: { label: '表格1第4行' } },
    ] };
    const r = renderCanonical({ blocks: [t] });
    expect(r.lines).toEqual(['2024年重点工作完成情况表', '截至9月30日', '', '| 序号 | 任务 | 完成情况 |', '| --- | --- | --- |', '| 1 | a | 完成 |']);
    expect(r.where).toEqual(['表格1第1行', '表格1第2行', null, '表格1第3行', null, '表格1第4行']);
  });

  it('puts a blank line between blocks and records where each line came from', () => {
    const r = renderCanonical({ blocks: [{ kind: 'paragraph', text: '标题', at: { label: '第1段' } }, { kind: 'table', rows: [{ cells: [{ text: '序号' }, { text: '任务' }], at: { label: '表格1第1行' } }, { cells: [{ text: '1' }, { text: 'a' }], at: { label: '表格1第2行' } }], at: { label: '表格1' } }] });
    expect(r.lines).toEqual(['标题', '', '| 序号 | 任务 |', '| --- | --- |', '| 1 | a |']);
    expect(r.where).toEqual(['第1段', null, '表格1第1行', null, '表格1第2行']);
    expect(r.tables).toBe(1);
  });
});

describe('.docx', () => {
  it('vMerge and gridSpan, gridBefore, bold kept as <b>, paragraphs in order with nested tables flattened into their cell', async () => {
    const body = [
      p('标题'),
      tbl(
        tr(tc(p('序号')), tc(p('任务')), tc(p('领导'))),
        tr(tc(p('1')), tc(p('甲')), tc(p('张三'), '<w:vMerge w:val="restart"/>')),
        tr(tc(p('2')), tc(p('乙')), tc(p(''), '<w:vMerge/>')),
        tr(tc(p('3')), tc(p('丙') + p('第二段', true), '<w:gridSpan w:val="2"/>')),
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(tbl(tr(tc(p('内')), tc(p('表')))))}${tc(p('末'))}</w:tr>`,
      ),
      p('注：说明'),
    ].join('');
    const doc = await docxReader.read(docxOf(body), 'x.docx');
    const r = renderCanonical(doc);
    expect(r.lines).toEqual(['标题', '', '| 序号 | 任务 | 领导 |', '| --- | --- | --- |', '| 1 | 甲 | 张三 |', '| 2 | 乙 | 张三 |', '| 3 | 丙<br><b>第二段</b> | 丙<br><b>第二段</b> |', '|  | 内 表 | 末 |', '', '注：说明']);
    expect(r.where).toContain('表格1第3行');
    expect(r.where.at(-1)).toBe('第2段');
  });

  it('the legacy horizontal merge (w:hMerge) gives the value to the cell it continues', async () => {
    const body = tbl(tr(tc(p('序号')), tc(p('任务')), tc(p('完成情况'))), tr(tc(p('1')), tc(p('已移交经开区'), '<w:hMerge w:val="restart"/>'), tc(p(''), '<w:hMerge/>')));
    expect(renderCanonical(await docxReader.read(docxOf(body), 'h.docx')).lines.at(-1)).toBe('| 1 | 已移交经开区 | 已移交经开区 |');
  });

  it('puts Word\'s automatic list numbers back in front of the text (一、 then 1. restarting under each heading)', async () => {
    const lvl = (ilvl: number, fmt: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'decimalEnclosedCircle', '%3')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [li(1, 0, '经济发展'), li(1, 1, '地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)'), li(1, 1, '固定资产投资增长10%。'), li(1, 0, '民生保障'), li(1, 1, '新增就业5000人。'), li(1, 2, '其中高校毕业生2000人。')].join('');
    const r = renderCanonical(await docxReader.read(docxOf(body, numbering), 'list.docx'));
    expect(r.lines.filter((l) => l !== '')).toEqual(['一、经济发展', '1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)', '2.固定资产投资增长10%。', '二、民生保障', '1.新增就业5000人。', '①其中高校毕业生2000人。']);
  });

  it('tables nested far deeper than any bulletin are refused with a sentence, not a stack overflow', async () => {
    let inner = p('x');
    for (let i = 0; i < 60; i++) inner = tbl(tr(tc(inner)));
    await expect(docxReader.read(docxOf(inner), 'deep.docx')).rejects.toThrow(/deep\.docx（word\/document\.xml）: XML 无法解析/);
  });
});

describe('a saved web page', () => {
  it('keeps the article and its table, and none of the site around it', async () => {
    const { reading } = await readSource(fixture('m09-excerpt.html'), 'x.html');
    const all = reading!.lines.join('\n');
    for (const chrome of ['长辈版', '无障碍', '当前位置', '字号', '打印', '分享到', '主办单位', 'ICP', '_hmt', 'document.write', '政务服务']) expect(all, chrome).not.toContain(chrome);
    expect(reading!.meta).toEqual({ title: '2023年《政府工作报告》重点工作9月份完成情况通报表', date: '2023-10-16' });
  });

  it('cells: paragraphs and <br> as line breaks, a bold label or <sup> kept as markup, a cell bold throughout as its text; paragraphs in order; and reads a GBK page and its printed date', async () => {
    const html = '<html><head><meta charset="gbk"><title>某区通报_某区人民政府</title></head><body><div class="nav"><a>首页</a></div>'
      + '<div class="content"><h1>某区通报</h1><p>发布时间：2024年1月5日</p><p>一、总体情况</p><p>共10项，完成8项。</p>'
      + '<table><tr><th>序号</th><th>任务</th><th>完成情况</th></tr><tr><td>1</td><td><p>甲</p><p>乙</p></td><td><b>完成</b><br>已验收</td></tr>'
      + '<tr><td><p><strong>2</strong></p></td><td>面积100m<sup>2</sup></td><td><b>未完成</b></td></tr></table>'
      + '<p>二、下一步</p></div><div class="footer">版权所有</div></body></html>';
    const gbk = (await import('iconv-lite')).default.encode(html, 'gbk');
    expect(detectFormat(new Uint8Array(gbk), 'x.htm').format).toBe('html');
    const doc = await htmlReader.read(new Uint8Array(gbk), 'x.htm');
    const r = renderCanonical(doc);
    expect(r.lines.filter((l) => l !== '')).toEqual(['某区通报', '发布时间：2024年1月5日', '一、总体情况', '共10项，完成8项。', '| 序号 | 任务 | 完成情况 |', '| --- | --- | --- |', '| 1 | 甲<br>乙 | <b>完成</b><br>已验收 |', '| 2 | 面积100m<sup>2</sup> | 未完成 |', '二、下一步']);
    expect(doc.meta).toEqual({ title: '某区通报', date: '2024-01-05' });
  });

  it('an old page laid out with tables: layout tables are walked into, a one-column box is not a data table', async () => {
    const html = '<html><body><table><tr><td><a>首页</a> <a>政务公开</a></td></tr><tr><td><table width="900"><tr><td>'
      + '<p>2022年区政府工作报告目标任务</p><p>现将目标任务分解如下。</p><p>1.地区生产总值增长6%。（牵头单位：区发改委）</p>'
      + '</td></tr></table></td></tr></table></body></html>';
    const r = renderCanonical(await htmlReader.read(new TextEncoder().encode(html), 'old.html'));
    expect(r.tables).toBe(0);
    expect(r.lines.filter((l) => l !== '')).toEqual(['2022年区政府工作报告目标任务', '现将目标任务分解如下。', '1.地区生产总值增长6%。（牵头单位：区发改委）']);
  });

  it('a prose bulletin page (the Zichuan shape): site block of labelled fields as lines, chrome gone, paragraphs in order', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>淄川区人民政府关于《政府工作报告》重点工作任务三季度进展情况的督查通报_淄川区人民政府</title>
<meta name="PubDate" content="2025-10-29 10:00"></head><body>
<div class="header"><a>长辈版</a><a>无障碍</a></div><div class="nav"><ul><li><a>首页</a></li><li><a>政务公开</a></li></ul></div>
<div class="wrap"><div class="position">您现在的位置：<a>首页</a> &gt; <a>政府信息公开</a></div>
<table class="xxgk"><tr><td>标题:</td><td colspan="3">淄川区人民政府关于《政府工作报告》重点工作任务三季度进展情况的督查通报</td></tr><tr><td>索引号:</td><td>11370302004216167U/2025-5547797</td><td>文号:</td><td></td></tr><tr><td>发文日期:</td><td>2025-10-29</td><td>发布机构:</td><td>淄川区人民政府办公室</td></tr></table>
<div class="article"><h1>淄川区人民政府关于《政府工作报告》重点工作任务三季度进展情况的督查通报</h1>
<div class="tools">发布日期:2025-10-29 <ul><li>字号:<a>大</a><a>中</a><a>小</a></li><li>|</li><li><a>打印</a></li></ul></div>
<div class="TRS_Editor"><p>根据工作安排,区政府督查室对《政府工作报告》重点工作任务季度进展情况逐项进行了调度汇总,现将有关情况通报如下:</p>
<p>从调度情况看,……99项重点工作任务中,2项已完成年度目标任务,86具体任务有序推进中,8项未完成年初确定的季度目标任务,2项因政策调整暂不实施,1项待确定。</p>
<p><strong>一、未完成季度目标任务具体情况</strong></p><p>30项“加快矿山企业国有化改革进程”(牵头部门:区财政局、区自然资源局)。根据年初确定季度目标任务……</p></div></div></div>
<div class="footer">主办:淄川区人民政府办公室 网站标识码:3703020001 鲁ICP备12345号</div></body></html>`;
    const r = renderCanonical(await htmlReader.read(new TextEncoder().encode(html), 'z.html'));
    expect(r.tables).toBe(0);
    expect(r.lines.filter((l) => l !== '').map((l) => l.slice(0, 24))).toEqual([
      '发布日期：2025-10-29',
      '标题: 淄川区人民政府关于《政府工作报告》重点工',
      '索引号: 11370302004216167U/',
      '发文日期: 2025-10-29 发布机构: 淄',
      '淄川区人民政府关于《政府工作报告》重点工作任务三',
      '根据工作安排,区政府督查室对《政府工作报告》重点',
      '从调度情况看,……99项重点工作任务中,2项已完',
      '一、未完成季度目标任务具体情况',
      '30项“加快矿山企业国有化改革进程”(牵头部门:',
    ]);
    expect(r.lines[2]).toBe('标题: 淄川区人民政府关于《政府工作报告》重点工作任务三季度进展情况的督查通报');
  });

  it('a notice with two attached tables (the Shapingba shape): both tables, the text between them kept in order', async () => {
    const html = '<html><body><div class="content"><p>关于印发2022年区政府工作报告目标任务的通知</p><p>附件1</p><p>2022年区政府工作报告经济社会发展预期目标任务分解表</p>'
      + '<table><tr><td>序号</td><td>2022年预期目标</td><td>责任单位</td></tr><tr><td>1</td><td>地区生产总值增长6%左右</td><td>区发展改革委</td></tr></table>'
      + '<p>附件2</p><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr><tr><td>1</td><td>推进科学城建设</td><td>区科技局</td><td>区财政局</td></tr></table></div></body></html>';
    const r = renderCanonical(await htmlReader.read(new TextEncoder().encode(html), 's.html'));
    expect(r.tables).toBe(2);
    expect(r.lines.filter((l) => l !== '')).toEqual([
      '关于印发2022年区政府工作报告目标任务的通知', '附件1', '2022年区政府工作报告经济社会发展预期目标任务分解表',
      '| 序号 | 2022年预期目标 | 责任单位 |', '| --- | --- | --- |', '| 1 | 地区生产总值增长6%左右 | 区发展改革委 |',
      '附件2', '| 序号 | 工作任务 | 牵头单位 | 配合单位 |', '| --- | --- | --- | --- |', '| 1 | 推进科学城建设 | 区科技局 | 区财政局 |',
    ]);
    expect(r.where.filter(Boolean)).toEqual(['第1段', '第2段', '第3段', '表格1第1行', '表格1第2行', '第4段', '表格2第1行', '表格2第2行']);
  });

  it('walks a page nested thousands deep without recursion, or refuses it with a sentence', async () => {
    const deep = `<html><body>${'<div>'.repeat(5000)}正文${'</div>'.repeat(5000)}</body></html>`;
    await expect(htmlReader.read(new TextEncoder().encode(deep), 'deep.html')).rejects.toThrow(/deep\.html: 网页的标签嵌套超过/);
  });
});

describe('.doc text from word-extractor', () => {
  it('the fixture\'s row layouts: cell boundaries and vertical merges, one per row in order', async () => {
    const { readRowLayouts } = await import('~/lib/ingest/readers/doc-tables');
    const rows = readRowLayouts(fixture('m09-excerpt.doc'))!;
    expect(rows).toHaveLength(18); // two tables: header, heading, tasks 1–7; header, 8–11, header, 12–14
    expect(rows[1]!.bounds).toHaveLength(2); // the heading: one cell across
    expect(rows.slice(5, 8).map((r) => r.vMerge.slice(4))).toEqual([[3, 0], [1, 3], [1, 1]]); // leaders 4–6, units 5–6
    expect(rows[15]!.bounds).toHaveLength(6); // task 12: target and result one cell
  });

  it('a tab typed in a paragraph is not a table', () => {
    const { blocks } = blocksFromWordText('区政府办公室\t2023年10月\n说明\n序号\t任务\t单位\t\n1\t甲\t财政局\t\n');
    expect(renderCanonical({ blocks }).lines).toEqual(['区政府办公室 2023年10月', '', '说明', '', '| 序号 | 任务 | 单位 |', '| --- | --- | --- |', '| 1 | 甲 | 财政局 |']);
  });

  it('without row layouts, a shorter row is flagged rather than guessed', () => {
    const { notes } = blocksFromWordText('序号\t任务\t单位\t\n1\t甲乙\t\n2\t丙\t财政局\t\n');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.at.label).toBe('表格1第2行');
  });

  it('cuts rows whose end mark is a tab (saved by Word) or a line end (saved by LibreOffice/WPS)', () => {
    const word = '标题\n序号\t任务\t单位\t\t1\t甲\t财政局\t\t2\t乙\n续\t\t\t注：完\n';
    const lo = '标题\n序号\t任务\t单位\t\n1\t甲\t财政局\t\n2\t乙\n续\t\t\n注：完\n';
    for (const body of [word, lo]) {
      const { blocks } = blocksFromWordText(body);
      expect(renderCanonical({ blocks }).lines).toEqual(['标题', '', '| 序号 | 任务 | 单位 |', '| --- | --- | --- |', '| 1 | 甲 | 财政局 |', '| 2 | 乙<br>续 |  |', '', '注：完']);
    }
  });
});
