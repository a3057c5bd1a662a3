// Next quarter's bulletin, or another district's, comes in other shapes of the same thing. These variants
// are made from the real seeds; each must parse to the same tasks, statuses and units as the original.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../src/lib/ingest/parse-report';
import { readRepoFile } from './helpers/repo-dataset';

const M09 = readRepoFile('content/reports/linzi/2023-m09-progress.txt').toString('utf8');
const Q3 = readRepoFile('content/reports/linzi/2021-q3-progress.txt').toString('utf8');
const PLAN = readRepoFile('content/reports/linzi/2020-q3-q4-breakdown.txt').toString('utf8');
const enc = (s: string) => new TextEncoder().encode(s);
const parse = (text: string | Uint8Array, kind?: 'progress' | 'breakdown') =>
  parseReport('variant.txt', typeof text === 'string' ? enc(text) : text, kind ? { kind } : {});

/** What must survive any change of shape: per row, number, status, units (name/role), leaders, result text. */
function essence(p: ParsedReport) {
  return p.rows.map((r) => ({
    n: r.number,
    sub: r.subIndex,
    status: r.status,
    units: r.units.map((u) => `${u.name}/${u.role}`),
    leaders: r.leaders.map((l) => l.name),
    pledge: r.pledge?.text,
    result: r.result?.text,
    targets: r.targets.map((t) => t.text.text),
  }));
}

const original = parse(M09, 'progress');
const M09_ROWS = M09.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));

describe('columns reordered and renamed, an extra 编号 column', () => {
  it('finds every column by its header words', () => {
    const header = ['编号', '序号', '责任单位', '重点任务', '目前进展情况', '9月份目标任务', '分管区领导'];
    const rows = M09_ROWS.map(([n, pledge, target, result, leaders, units], i) => [`LZ-${i + 1}`, n, units, pledge, result, target, leaders]);
    const text = ['2023年《政府工作报告》重点工作9月份完成情况通报表', '', header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n');
    const p = parse(text, 'progress');
    expect(p.columns.map((c) => c.key)).toEqual(['code', 'number', 'units', 'pledge', 'result', 'target', 'leaders']);
    expect(essence(p)).toEqual(essence(original));
    expect(p.rows[0]!.extra).toEqual([{ label: '编号', text: 'LZ-1' }]);
  });

  it.each(['落实情况', '进展情况', '目前进展情况'])('reads %s as the result column', (label) => {
    const p = parse(M09.replace(/完成情况\t分管区领导/g, `${label}\t分管区领导`), 'progress');
    expect(p.columns[3]).toEqual({ key: 'result', label });
    expect(essence(p)).toEqual(essence(original));
  });

  it('reads 市政府工作报告任务 as the pledge column', () => {
    const p = parse(M09.replace(/\t年度目标任务\t/g, '\t市政府工作报告任务\t'), 'progress');
    expect(p.columns[1]!.key).toBe('pledge');
    expect(essence(p)).toEqual(essence(original));
  });
});

describe('other status wording', () => {
  it.each([
    ['已完成。', 'done'],
    ['【完成】', 'done'],
    ['完成：', 'done'],
    ['【部分完成】', 'partial'],
    ['未完成：', 'notDone'],
  ])('reads %s as %s, stated', (word, status) => {
    const p = parse(M09.replace(/^(\d+\t[^\t]*\t[^\t]*\t)(完成|部分完成|未完成)。\s*/gm, (_m, head, w) => `${head}${w === word.replace(/[【】：。已]/g, '') ? word : `${w}。`}`), 'progress');
    const counts = p.rows.filter((r) => r.status.statusSource === 'stated' && r.status.status === status).length;
    const expected = original.rows.filter((r) => r.status.status === status).length;
    expect(counts).toBe(expected);
  });
});

describe('a Markdown pipe table from a converted Word file', () => {
  it('parses to the same rows', () => {
    const esc = (s: string) => s.replace(/\|/g, '\\|');
    const lines = [
      '# 2023年《政府工作报告》重点工作9月份完成情况通报表',
      '',
      '| 序号 | 年度目标任务 | 9月份目标任务 | 完成情况 | 分管区领导 | 责任单位 |',
      '| --- | --- | --- | --- | --- | --- |',
      ...M09_ROWS.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ];
    const p = parse(lines.join('\n'), 'progress');
    expect(p.layout).toBe('pipe');
    expect(essence(p)).toEqual(essence(original));
    expect(p.uses[3]).toBe('separator');
  });
});

describe('cells separated by single spaces', () => {
  it('splits by spaces and gives surplus words to the last (units) column', () => {
    const rows = [
      '序号 年度目标任务 第二季度目标 完成情况 责任单位',
      '1 地区生产总值增长6.5%左右。 6% 未完成。预计同比下降6%。 区发改局 区统计局提供数据',
      '2 一般公共预算收入增长2%左右。 -6% 未完成。预计同比下降44%。 区财政局 区税务局',
      '3 规模以上固定资产投资增长15%以上。 16% 完成。同比增长5.8%。 区发改局（牵头） 区统计局提供数据',
    ];
    const p = parse(rows.join('\n'), 'progress');
    expect(p.layout).toBe('spaces');
    expect(p.rows.map((r) => [r.number, r.status.status, r.targets[0]!.text.text, r.units.map((u) => `${u.name}/${u.role}`)])).toEqual([
      [1, 'notDone', '6%', ['区发改局/unmarked', '区统计局/data']],
      [2, 'notDone', '-6%', ['区财政局/unmarked', '区税务局/unmarked']],
      [3, 'done', '16%', ['区发改局/lead', '区统计局/data']],
    ]);
  });
});

describe('targets for all four quarters', () => {
  it('keeps one target per quarter with its period', () => {
    const rows = PLAN.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
    const text = [
      '2020年区政府重点工作任务目标分解表',
      ['序号', '年度工作任务', '第一季度目标', '第二季度目标', '第三季度目标', '第四季度目标'].join('\t'),
      ...rows.map(([n, pledge, q3, q4]) => [n, pledge, '—', '—', q3, q4].join('\t')),
    ].join('\n');
    const p = parse(text, 'breakdown');
    expect(p.columns.filter((c) => c.key === 'target').map((c) => c.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(p.rows).toHaveLength(16);
    expect(p.rows.every((r) => r.status.status === 'planned' && r.targets.length === 4)).toBe(true);
  });
});

describe('encodings and line ends government sites serve', () => {
  const reference = essence(parse(Q3, 'progress'));
  it.each([
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(Q3, 'utf8')]), 'utf-8', true],
    ['GB18030', () => iconv.encode(Q3, 'gb18030'), 'gb18030', false],
    ['GBK', () => iconv.encode(Q3, 'gbk'), 'gb18030', false],
    ['UTF-16 LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(Q3, 'utf16le')]), 'utf-16le', true],
    ['UTF-16 BE with BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(Q3, 'utf16-be')]), 'utf-16be', true],
  ] as const)('%s', (_name, make, encoding, bom) => {
    const p = parse(new Uint8Array(make()), 'progress');
    expect(p.decoded).toMatchObject({ encoding, bom });
    expect(essence(p)).toEqual(reference);
  });
  it.each([
    ['CRLF', '\r\n', 'crlf'],
    ['CR only', '\r', 'cr'],
  ])('%s line ends keep line numbers', (_n, eol, kind) => {
    const p = parse(Q3.replace(/\n/g, eol), 'progress');
    expect(p.decoded.lineEnding).toBe(kind);
    expect(essence(p)).toEqual(reference);
    expect(p.rows.map((r) => r.startLine)).toEqual(parse(Q3, 'progress').rows.map((r) => r.startLine));
  });
});

describe('detected from the text, never from the file name', () => {
  it('tells a progress bulletin from a breakdown by its title', () => {
    expect(parseReport('whatever-name.txt', enc(PLAN)).kind).toBe('breakdown');
    expect(parseReport('breakdown-looking-name.txt', enc(M09)).kind).toBe('progress');
  });
});
