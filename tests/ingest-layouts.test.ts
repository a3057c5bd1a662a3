// Shapes the seeds do not show, each from real bulletins (tests/fixtures/real/) and from variants written
// here: one cell per paragraph, several tables, group rows, numbered lists and running text with labelled
// fields, prose bulletins, a wider header vocabulary.
import { describe, expect, it } from 'vitest';
import { IngestError } from '~/lib/ingest/errors';
import { datasetOf, parseText, readRealSample, rowEssence } from './helpers/parse-text';

const SHAPINGBA = readRealSample('shapingba-2022-breakdown.txt');
const XIANAN = readRealSample('xianan-2023-breakdown.txt');
const NINGBO = readRealSample('ningbo-2014-m6-minsheng-progress.txt');
const ZICHUAN = readRealSample('zichuan-2025-q3-progress.txt');
const para = (...cells: string[]) => cells.join('\n\n');

const dataset = datasetOf;

describe('one cell per paragraph, as copied from a web page', () => {
  it('reads the header cells on consecutive non-blank lines and the rows after them (沙坪坝)', () => {
    const p = parseText(SHAPINGBA);
    expect(p.layout).toBe('paragraph-cells');
    expect(p.tables[0]!.columns.map((c) => c.key)).toEqual(['number', 'pledge', 'units']);
    const first = p.rows.filter((r) => r.table === 0);
    expect(first.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first[0]).toMatchObject({ pledge: { text: '地区生产总值增长5.5%左右' }, unitsPrinted: '区发展改革委', startLine: 35, endLine: 39 });
    expect(first[9]!.pledge!.text).toBe('节能减排降碳完成年度目标任务');
  });

  it('takes cells on consecutive lines (no blank lines) just as well, and keeps an unknown column as a labelled extra', () => {
    const text = ['2022年目标任务分解表', '序号', '目标任务', '责任单位', '分值', '1', '新增市场主体1万户', '区市场监管局', '5', '2', '新建5G基站300个', '区经信局', '3'].join('\n');
    const p = parseText(text, 'breakdown');
    expect(p.layout).toBe('paragraph-cells');
    expect(rowEssence(p).map((r) => [r.number, r.pledge, r.units, r.extra])).toEqual([
      [1, '新增市场主体1万户', ['区市场监管局/unmarked'], [{ label: '分值', text: '5' }]],
      [2, '新建5G基站300个', ['区经信局/unmarked'], [{ label: '分值', text: '3' }]],
    ]);
  });

  it('a missing cell does not shift the next row: the next number in sequence opens it', () => {
    const text = para('序号', '年度目标任务', '完成情况', '责任单位', '1', '任务一', '完成。已建成。', '区住建局', '2', '任务二', '区财政局', '3', '任务三', '未完成。', '区发改局');
    const p = parseText(text, 'progress');
    expect(p.rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(p.anomalies.map((a) => a.kind)).toContain('too-few-cells');
    expect(p.rows[2]).toMatchObject({ status: { status: 'notDone', statusSource: 'stated' } });
  });
});

describe('several tables in one file', () => {
  it('reads 附件1 and 附件2 each with its own header, caption and columns (沙坪坝)', () => {
    const p = parseText(SHAPINGBA);
    expect(p.tables.map((t) => [t.headerLine, t.title?.text, t.columns.map((c) => `${c.key}:${c.label}`)])).toEqual([
      [29, '2022年区政府工作报告经济社会发展预期目标任务分解表', ['number:序号', 'pledge:2022年预期目标', 'units:责任单位']],
      [99, '2022年区政府工作报告重点工作任务分解表', ['number:序号', 'pledge:工作任务', 'units:牵头单位', 'units:配合单位']],
    ]);
    // Table 2's rows are rows, never preamble; the caption between the tables is metadata, not a row.
    expect(p.rows.filter((r) => r.table === 1).map((r) => r.number)).toEqual([1]);
    expect(p.uses[94]).toBe('metadata'); // 附件2
    expect(p.uses[106]).toBe('task');
    expect(p.preamble.map((l) => l.line)).not.toContain(107);
  });

  it('keeps text between and after the tables as anomalies with their lines, and gives table 2 its own ids', () => {
    const text = [
      '附件1', '2022年经济社会发展预期目标分解表', '序号\t2022年预期目标\t责任单位', '1\t地区生产总值增长6%\t区发改委', '2\t区级税收增长6%\t区税务局',
      '这一段话夹在两张表之间。', '', '附件2', '2022年重点工作任务分解表',
      '| 序号 | 工作任务 | 牵头单位 | 配合单位 |', '| --- | --- | --- | --- |', '| 1 | 建成科学城 | 区科技局 | 区财政局、区住建委 |', '| 2 | 新建学校3所 | 区教委 | 区规划局 |',
      '', '以上任务请各单位认真落实。',
    ].join('\n');
    const p = parseText(text, 'breakdown');
    expect(p.tables.map((t) => t.layout)).toEqual(['tsv', 'pipe']);
    expect(p.anomalies.map((a) => [a.line, a.kind])).toEqual([[6, 'outside-table'], [15, 'outside-table']]);
    expect(p.rows.find((r) => r.table === 1 && r.number === 1)!.units.map((u) => `${u.name}/${u.role}`)).toEqual(['区科技局/lead', '区财政局/assist', '区住建委/assist']);
    const { dataset: d, problems } = dataset(text);
    expect(problems).toEqual([]);
    expect(d.tasks.map((t) => t.id)).toEqual(['ceshi-2022-001', 'ceshi-2022-002', 'ceshi-2022-t2-001', 'ceshi-2022-t2-002']);
    const r = d.reports[0]!.id;
    expect(d.progress.map((x) => [x.id, x.table])).toEqual([[`${r}-1`, undefined], [`${r}-2`, undefined], [`${r}-t2-1`, 2], [`${r}-t2-2`, 2]]);
    expect(d.reports[0]!.tables!.map((t) => [t.number, t.headerLine, t.title?.text])).toEqual([[1, 3, '2022年经济社会发展预期目标分解表'], [2, 10, '2022年重点工作任务分解表']]);
  });

  it('two tables with the same columns, each under its own caption, stay two tables', () => {
    const text = ['附件1', '经济指标任务分解表', '序号\t工作任务\t责任单位', '1\t增长6%\t区发改委', '', '附件2', '重点工作任务分解表', '序号\t工作任务\t责任单位', '1\t建成科学城\t区科技局'].join('\n');
    const p = parseText(text, 'breakdown');
    expect(p.tables.map((t) => t.title?.text)).toEqual(['经济指标任务分解表', '重点工作任务分解表']);
    expect(p.rows.map((r) => [r.table, r.number])).toEqual([[0, 1], [1, 1]]);
    expect(p.anomalies).toEqual([]);
  });

  it('the same header repeated on every page stays one table', () => {
    const text = ['序号\t年度目标任务\t完成情况\t责任单位', '1\t任务一\t完成。\t区住建局', '序号\t年度目标任务\t完成情况\t责任单位', '2\t任务二\t完成。\t区财政局'].join('\n');
    expect(parseText(text, 'progress').tables).toHaveLength(1);
  });
});

describe('group rows inside a table', () => {
  const rowsOf = (text: string, kind: 'progress' | 'breakdown' = 'breakdown') => rowEssence(parseText(text, kind)).map((r) => ({ n: r.number, pledge: r.pledge, group: r.group?.heading, leaders: r.leaders, units: r.units }));
  const expected = [
    { n: 1, pledge: '地区生产总值增长6%', group: '一、主要经济社会发展指标', leaders: ['张三'], units: ['区发改委/unmarked'] },
    { n: 2, pledge: '区级税收增长6%', group: '一、主要经济社会发展指标', leaders: ['张三'], units: ['区税务局/unmarked'] },
    { n: 3, pledge: '建成科学城', group: '二、重点工作任务', leaders: ['李四'], units: ['区科技局/unmarked'] },
  ];
  const heading1 = '一、主要经济社会发展指标（牵头领导：张三）';
  const heading2 = '二、重点工作任务（牵头领导：李四）';
  const rows = [['1', '地区生产总值增长6%', '区发改委'], ['2', '区级税收增长6%', '区税务局'], ['3', '建成科学城', '区科技局']];

  it('a pipe row with text only in its first cell', () => {
    const text = ['| 序号 | 年度目标任务 | 责任单位 |', '| --- | --- | --- |', `| ${heading1} | | |`, ...rows.slice(0, 2).map((r) => `| ${r.join(' | ')} |`), `| ${heading2} | | |`, `| ${rows[2]!.join(' | ')} |`].join('\n');
    expect(rowsOf(text)).toEqual(expected);
  });
  it('a line of its own in a tab-separated table', () => {
    const text = ['序号\t年度目标任务\t责任单位', heading1, ...rows.slice(0, 2).map((r) => r.join('\t')), heading2, rows[2]!.join('\t')].join('\n');
    const p = parseText(text, 'breakdown');
    expect(rowsOf(text)).toEqual(expected);
    expect(p.uses[1]).toBe('group');
  });
  it('a cell of its own, one cell per line (tabs) and one per paragraph', () => {
    const cells = ['序号', '年度目标任务', '责任单位', heading1, ...rows.slice(0, 2).flat(), heading2, ...rows[2]!];
    expect(rowsOf(cells.map((c) => `\t${c}`).join('\n'))).toEqual(expected);
    expect(rowsOf(para(...cells))).toEqual(expected);
  });
  it('space-separated, with spaces inside the heading', () => {
    const text = ['序号 年度目标任务 责任单位', '一、主要经济社会发展指标 （牵头领导：张三）', ...rows.slice(0, 2).map((r) => r.join(' ')), '二、重点工作任务 （牵头领导：李四）', rows[2]!.join(' ')].join('\n');
    expect(rowsOf(text)).toEqual(expected);
  });
  it('the group is kept on progress and task', () => {
    const text = ['序号\t年度目标任务\t责任单位', heading1, ...rows.map((r) => r.join('\t'))].join('\n');
    const { dataset: d } = dataset(text);
    expect(d.tasks[0]!.group).toEqual({ heading: '一、主要经济社会发展指标', line: 2 });
    expect(d.progress[2]!.group).toEqual({ heading: '一、主要经济社会发展指标', line: 2 });
  });
});

describe('numbered lists with inline labelled fields', () => {
  it('reads items, leaders, lead and participating units under 一、/（一） headings (咸安)', () => {
    const p = parseText(XIANAN);
    expect(p.layout).toBe('list');
    expect(p.kind).toBe('breakdown');
    expect(p.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const r = rowEssence(p);
    expect(r[0]).toMatchObject({ pledge: '地区生产总值增长8%以上。', leaders: ['杜新国'], units: ['区发改局/lead'], group: { heading: '一、2023年全区经济社会发展主要预期目标', line: 3 } });
    expect(r[6]!.leaders).toEqual(['杜新国', '丁玲']);
    expect(r[11]).toMatchObject({ leaders: ['洪声耀'], group: { heading: '加强基础设施建设', line: 31, within: [{ heading: '二、2023年七个方面主要工作安排', line: 27 }, { heading: '(一)坚定不移做强增长引擎', line: 29 }] } });
    expect(r[11]!.units).toEqual(['区交通运输局/lead', '区发改局/assist', '区自然资源和规划局/assist', '区林业局/assist', '区经发集团/assist', '相关乡镇办/assist']);
    expect(p.anomalies.map((a) => [a.line, a.kind])).toEqual([[35, 'row-cut-off']]);
  });

  it('full-width brackets and a result field; a status word there is stated', () => {
    const text = ['2024年重点工作任务完成情况', '一、经济发展', '1．新增市场主体1万户。（责任领导：王五；牵头单位：区市场监管局；配合单位：区税务局；完成情况：滞后。已新增6000户。）', '2．新建5G基站300个。（责任领导：赵六；牵头单位：区经信局；完成情况：已完成。）'].join('\n');
    const r = rowEssence(parseText(text, 'progress'));
    expect(r.map((x) => [x.number, x.pledge, x.result, x.status.status, x.status.statusSource, x.units])).toEqual([
      [1, '新增市场主体1万户。', '滞后。已新增6000户。', 'behind', 'stated', ['区市场监管局/lead', '区税务局/assist']],
      [2, '新建5G基站300个。', '已完成。', 'done', 'stated', ['区经信局/lead']],
    ]);
  });

  it('a numbered notice without fields is not a task list', () => {
    const text = ['关于做好年度考核工作的通知', '各单位：', '1.提高政治站位，认真组织。', '2.压实工作责任，按时报送。', '3.加强督查考核。'].join('\n');
    expect(() => parseText(text)).toThrow(IngestError);
    expect(() => parseText(text)).toThrow(/通知或公告/);
  });
});

describe('labelled fields in running text', () => {
  it('splits one paragraph into items with their fields; a flattened sub-table is kept, not dropped (宁波)', () => {
    const p = parseText(NINGBO, 'progress');
    expect(p.layout).toBe('labelled-text');
    const r = rowEssence(p);
    expect(r.map((x) => x.number)).toEqual([1, 2, 3, 4]);
    expect(r[0]).toMatchObject({ pledge: '轨道交通1号线一期工程投入试运营。', leaders: ['林静国'], units: ['市轨道交通工程建设指挥部/unmarked'], result: '轨道交通1号线一期工程已于2014年5月30日通车试运营。', extra: [{ label: '项目责任人', text: '尹文德' }] });
    expect(r[1]!.units).toEqual(['市公安局/lead', '市城管局/assist', '市财政局/assist']);
    // "项目按预期计划扎实有序推进" is narrative, not a status word in the status position: not stated.
    expect(r[1]!.status.statusSource).not.toBe('stated');
    expect(r[2]!.extra).toContainEqual({ label: '配合单位之后的文字', text: expect.stringContaining('新辟线路年度目标 2 5 1 2 10') });
    expect(r[3]!.result).toBeUndefined();
    expect(r[3]!.status).toEqual({ status: 'unstated', statusSource: 'none' });
    expect(p.preamble[0]!.text).toMatch(/^2014年市政府民生实事项目共有42项任务/);
  });

  it('items over several paragraphs, with stated words in the result', () => {
    const text = ['2024年民生实事项目进展情况', '1.新建幼儿园3所。 牵头领导:张三 责任单位:区教育局 实际完成情况:有序推进。主体完工。 2.改造老旧小区5个。 牵头领导:李四 责任单位:区住建局 实际完成情况:暂缓实施。资金未到位。', '3.新增停车位1000个。 牵头领导:李四 责任单位:区城管局 配合单位:区交警大队 实际完成情况:完成。'].join('\n');
    const r = rowEssence(parseText(text, 'progress'));
    expect(r.map((x) => [x.number, x.lines, x.status.status, x.status.statusSource, x.leaders])).toEqual([
      [1, [2, 2], 'onTrack', 'stated', ['张三']], [2, [2, 2], 'suspended', 'stated', ['李四']], [3, [3, 3], 'done', 'stated', ['李四']],
    ]);
  });
});

describe('prose bulletins', () => {
  it('keeps the totals the document states and makes the named tasks tasks, with the status of their section (淄川)', () => {
    const p = parseText(ZICHUAN);
    expect(p.layout).toBe('prose-bulletin');
    expect(p.reportedTotals.map((t) => [t.key, t.count, t.line])).toEqual([['total', 99, 15], ['done', 2, 15], ['onTrack', 86, 15], ['notDone', 8, 15], ['suspended', 2, 15], ['other', 1, 15]]);
    const r = rowEssence(p);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ number: 30, units: ['区财政局/lead', '区自然资源局/lead'], status: { status: 'notDone', statusSource: 'stated' }, group: { heading: '一、未完成季度目标任务具体情况', line: 17 } });
    expect(r[0]!.pledge).toMatch(/^加快矿山企业国有化改革进程,形成“开矿一处/);
    const mismatch = p.anomalies.filter((a) => a.kind === 'totals-mismatch');
    expect(mismatch.map((a) => a.line)).toEqual([15]);
    expect(mismatch[0]!.message).toMatch(/任务总数：原文 99 项，逐条列出 1 项；“已完成年度目标任务”：原文 2 项，逐条列出 0 项；.*“未完成年初确定的季度目标任务”：原文 8 项，逐条列出 1 项/);
  });

  it('a bulletin whose named tasks match its totals has no totals anomaly', () => {
    const text = [
      '区政府关于重点工作任务进展情况的通报',
      '全年共5项重点任务，其中完成3项，滞后2项。',
      '一、进度滞后任务',
      '第2项“新建学校3所”（牵头部门：区教体局）。主体施工进度慢于计划。',
      '第4项“改造道路2条”（牵头部门：区住建局、区交通局）。征地未完成。',
    ].join('\n');
    const p = parseText(text);
    expect(rowEssence(p).map((r) => [r.number, r.pledge, r.status.status, r.status.statusSource, r.units])).toEqual([
      [2, '新建学校3所', 'behind', 'stated', ['区教体局/lead']],
      [4, '改造道路2条', 'behind', 'stated', ['区住建局/lead', '区交通局/lead']],
    ]);
    // total 5 vs 2 named, done 3 vs 0: anomalies; behind 2 = 2: none.
    const mismatch = p.anomalies.filter((a) => a.kind === 'totals-mismatch');
    expect(mismatch.map((a) => a.line)).toEqual([2]);
    expect(mismatch[0]!.message).toContain('（任务总数：原文 5 项，逐条列出 2 项；“完成”：原文 3 项，逐条列出 0 项）');
  });
});

describe('wider header vocabulary', () => {
  it('reads 市折子号, 项目, 牵头/配合单位, 责任领导, 监考单位, 分值, 完成状态; unknown columns stay as labelled extras', () => {
    const header = ['序号', '市折子号', '项目', '责任领导', '牵头单位', '配合单位', '监考单位', '分值', '进展情况', '完成状态'];
    const row = ['1', 'ZZ-12', '新建学校3所', '王五', '区教体局', '区财政局、区住建局', '区督查室', '5', '主体完工。', '有序推进'];
    const p = parseText([header.join('\t'), row.join('\t')].join('\n'), 'progress');
    expect(p.columns.map((c) => c.key)).toEqual(['number', 'code', 'pledge', 'leaders', 'units', 'units', 'extra', 'extra', 'result', 'status']);
    expect(rowEssence(p)[0]).toMatchObject({
      pledge: '新建学校3所', leaders: ['王五'], units: ['区教体局/lead', '区财政局/assist', '区住建局/assist'],
      status: { status: 'onTrack', statusSource: 'stated', statusPhrase: '有序推进' },
      extra: [{ label: '市折子号', text: 'ZZ-12' }, { label: '监考单位', text: '区督查室' }, { label: '分值', text: '5' }],
    });
  });

  it.each(['2022年预期目标', '工作任务', '目标任务', '项目'])('reads %s as the task column', (label) => {
    const p = parseText([`序号\t${label}\t责任单位\t责任人`, '1\t任务一\t区发改委\t张三'].join('\n'), 'breakdown');
    expect(p.columns.map((c) => c.key)).toEqual(['number', 'pledge', 'units', 'extra']);
    expect(p.rows[0]!.extra).toEqual([{ label: '责任人', text: '张三' }]);
  });
});

describe('more shapes of the same kinds', () => {
  it('a heading row that names its leader in the leaders column, and 一 | heading split over two cells', () => {
    const text = ['序号\t年度目标任务\t分管区领导\t责任单位', '一、主要经济指标\t\t张三\t', '1\t地区生产总值增长6%\t\t区发改委', '二\t重点工作\t\t', '2\t建成科学城\t李四\t区科技局'].join('\n');
    const r = rowEssence(parseText(text, 'breakdown'));
    expect(r.map((x) => [x.number, x.group?.heading, x.leaders])).toEqual([[1, '一、主要经济指标', ['张三']], [2, '二、重点工作', ['李四']]]);
  });

  it('items numbered （1） under （一） headings', () => {
    const text = ['重点工作任务分解方案', '（一）稳增长', '（1）新增市场主体1万户。（责任领导：王五；牵头单位：区市场监管局）', '（2）新建5G基站300个。（责任领导：赵六；牵头单位：区经信局）'].join('\n');
    const p = parseText(text);
    expect(p.layout).toBe('list');
    expect(rowEssence(p).map((x) => [x.number, x.pledge, x.group?.heading])).toEqual([[1, '新增市场主体1万户。', '（一）稳增长'], [2, '新建5G基站300个。', '（一）稳增长']]);
  });

  it('a prose bulletin that names its tasks without quotes', () => {
    const text = ['关于重点工作任务进展情况的通报', '30项重点任务中，25项已完成，3项滞后，2项暂缓实施。', '二、暂缓实施任务', '第7项新建体育馆（牵头部门：区文旅局）。因规划调整暂缓。第9项改造老旧厂房（牵头部门：区住建局）。资金未落实。'].join('\n');
    const r = rowEssence(parseText(text));
    expect(r.map((x) => [x.number, x.pledge, x.result, x.status.status, x.units])).toEqual([
      [7, '新建体育馆', '因规划调整暂缓。', 'suspended', ['区文旅局/lead']],
      [9, '改造老旧厂房', '资金未落实。', 'suspended', ['区住建局/lead']],
    ]);
  });
});

describe('sections and wrapped items', () => {
  it('fields in brackets on the line after their item belong to it', () => {
    const text = ['重点工作任务分解方案', '1.新增市场主体1万户。', '(责任领导:王五;牵头单位:区市场监管局)', '2.新建5G基站300个。', '(责任领导:赵六;牵头单位:区经信局)'].join('\n');
    const p = parseText(text);
    expect(rowEssence(p).map((x) => [x.number, x.lines, x.leaders])).toEqual([[1, [2, 3], ['王五']], [2, [4, 5], ['赵六']]]);
    expect(p.anomalies).toEqual([]);
  });

  it('a section titled with a status word classifies its items; a section named for its subject does not', () => {
    const text = [
      '2024年重点工作任务三季度进展情况通报',
      '一、未完成季度目标的任务',
      '1.新建学校3所。（牵头单位：区教体局；进展情况：主体施工中。）',
      '二、城市建设',
      '2.改造道路2条。（牵头单位：区住建局；进展情况：已完成。）',
      '3.新建公园1处。（牵头单位：区城管局；进展情况：施工中。）',
    ].join('\n');
    const r = rowEssence(parseText(text, 'progress'));
    expect(r.slice(0, 2).map((x) => [x.number, x.status.status, x.status.statusSource, x.status.statusPhrase])).toEqual([
      [1, 'notDone', 'stated', '未完成季度目标的任务'],
      [2, 'done', 'stated', '已完成'],
    ]);
    // 二、城市建设 states nothing: item 3's status is not the document's word.
    expect(r[2]!.status.statusSource).not.toBe('stated');
  });

  it('a prose bulletin keeps its narrative as text (shown whole on the page), not as anomalies', () => {
    const text = [...readRealSample('zichuan-2025-q3-progress.txt').split('\n'), '', '二、下一步工作打算', '', '各单位要对照目标任务，加快推进。'].join('\n');
    const p = parseText(text);
    expect(p.anomalies.filter((a) => a.kind === 'outside-table')).toEqual([]);
    expect(p.uses.at(-1)).toBe('text');
    const { dataset: d } = datasetOf(text, 'progress');
    expect(d.reports[0]!.text).toContain('各单位要对照目标任务');
  });
});

describe('list numbering', () => {
  const item = (n: number, what: string) => `${n}.${what}。(责任领导:张三;牵头单位:区发改局)`;
  it('a gap in the numbers is reported, and the items after it are still items', () => {
    const p = parseText(['重点工作任务分解方案', item(1, '任务一'), item(2, '任务二'), item(5, '任务五'), item(6, '任务六')].join('\n'));
    expect(p.rows.map((r) => r.number)).toEqual([1, 2, 5, 6]);
    expect(p.anomalies.map((a) => [a.line, a.kind])).toEqual([[4, 'numbering-gap']]);
    expect(p.anomalies[0]!.message).toMatch(/^序号 3–4 缺失/);
  });

  it('numbers that start again at 1 under a new heading are a second scope, with distinct ids', () => {
    const text = ['重点工作任务分解方案', '一、经济指标', item(1, '增长6%'), item(2, '税收增长6%'), '二、重点工作', item(1, '建成科学城'), item(2, '新建学校')].join('\n');
    const p = parseText(text);
    expect(p.rows.map((r) => [r.table, r.number, r.group?.heading])).toEqual([[0, 1, '一、经济指标'], [0, 2, '一、经济指标'], [1, 1, '二、重点工作'], [1, 2, '二、重点工作']]);
    expect(p.anomalies).toEqual([]);
    expect(datasetOf(text).dataset.tasks.map((t) => t.id)).toEqual(['ceshi-2022-001', 'ceshi-2022-002', 'ceshi-2022-t2-001', 'ceshi-2022-t2-002']);
  });
});

describe('table numbering that starts again under group headings', () => {
  it('each group whose 序号 starts again at 1 is its own scope: distinct tasks, no duplicate-number anomalies', () => {
    const text = ['| 序号 | 年度目标任务 | 责任单位 |', '| --- | --- | --- |', '| 一、经济指标 | | |', '| 1 | 增长6% | 区发改委 |', '| 2 | 税收增长6% | 区税务局 |', '| 二、重点工作 | | |', '| 1 | 建成科学城 | 区科技局 |'].join('\n');
    const p = parseText(text, 'breakdown');
    expect(p.rows.map((r) => [r.table, r.number])).toEqual([[0, 1], [0, 2], [1, 1]]);
    expect(p.tables.map((t) => [t.index, t.headerLine, t.title?.text, t.rowCount])).toEqual([[0, 1, undefined, 2], [1, 1, '二、重点工作', 1]]);
    expect(p.anomalies).toEqual([]);
    expect(datasetOf(text).dataset.tasks.map((t) => t.id)).toEqual(['ceshi-2022-001', 'ceshi-2022-002', 'ceshi-2022-t2-001']);
  });

  it('numbering that runs on across group headings stays one scope', () => {
    const text = ['| 序号 | 年度目标任务 | 责任单位 |', '| --- | --- | --- |', '| 一、经济指标 | | |', '| 1 | 增长6% | 区发改委 |', '| 二、重点工作 | | |', '| 2 | 建成科学城 | 区科技局 |'].join('\n');
    expect(parseText(text, 'breakdown').tables).toHaveLength(1);
  });
});

describe('paragraphs after a web-page table', () => {
  it('a footer copied with the table is text outside it, not cells of the last row', () => {
    const text = para('序号', '年度目标任务', '责任单位', '1', '任务一', '区发改委', '2', '任务二', '区财政局', '扫一扫在手机打开当前页', '关闭窗口');
    const p = parseText(text, 'breakdown');
    expect(rowEssence(p).map((r) => [r.number, r.pledge, r.units, r.extra])).toEqual([[1, '任务一', ['区发改委/unmarked'], undefined], [2, '任务二', ['区财政局/unmarked'], undefined]]);
    expect(p.rows[1]!.subGoal).toBeUndefined();
    expect(p.anomalies.map((a) => [a.line, a.kind])).toEqual([[19, 'outside-table'], [21, 'outside-table']]);
  });
});

describe('a spreadsheet rendered as a pipe table', () => {
  it('a title row merged across the columns and a 填报单位 row above the header are metadata; the title is read', () => {
    const text = [
      '| 2023年重点工作任务9月份完成情况通报表 | | | |', '| --- | --- | --- | --- |', '| 填报单位：区政府督查室 | | 截至：2023年9月30日 | |',
      '| 序号 | 年度目标任务 | 完成情况 | 责任单位 |', '| 1 | 新建学校3所 | 完成。已投用。 | 区教体局 |', '| 2 | 改造道路2条 | 有序推进。主体完工。 | 区住建局 |',
    ].join('\n');
    const p = parseText(text);
    expect(p.printed.title?.text).toBe('2023年重点工作任务9月份完成情况通报表');
    expect([p.printed.year, p.printed.periods, p.kind]).toEqual([2023, ['M9'], 'progress']);
    expect(p.rows.map((r) => [r.number, r.status.status, r.status.statusSource])).toEqual([[1, 'done', 'stated'], [2, 'onTrack', 'stated']]);
    expect(p.uses.slice(0, 4)).toEqual(['metadata', 'metadata', 'metadata', 'header']);
  });
});

describe('a prose bulletin with a numbered list of its own', () => {
  it('a 1./2. list without fields (next steps) does not hide the tasks the bulletin names', () => {
    const text = [
      '关于重点工作任务进展情况的通报', '30项重点任务中，28项已完成，2项滞后。', '一、进度滞后任务',
      '第7项“新建体育馆”（牵头部门：区文旅局）。主体施工慢于计划。', '第9项“改造老旧厂房”（牵头部门：区住建局）。资金未落实。',
      '二、下一步工作', '1.加强调度，每月通报。', '2.压实责任，限期整改。',
    ].join('\n');
    const p = parseText(text);
    expect(p.layout).toBe('prose-bulletin');
    expect(p.rows.map((r) => [r.number, r.status.status])).toEqual([[7, 'behind'], [9, 'behind']]);
  });
});
