// Work reports of shapes the seed does not show: one test per shape, on the variant fixtures in
// tests/fixtures/workreports/ (see the README there) and on short texts of our own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, goldenJson } from './helpers/golden';
import { parseWorkReport } from '~/lib/workreport';
import { parseReport } from '~/lib/ingest/parse-report';
import { expandLiteralBreaks } from '~/lib/ingest/literal-breaks';
import { isChrome, workReportHeading } from '~/lib/workreport/title-block';
import { ROOT } from './helpers/repo-dataset';
import { goldenSlice, parseFixture } from './helpers/workreport-fixture';
import { workReportPoints } from '~/lib/indicators/build-points';

const parse = (text: string) => parseWorkReport(text.split('\n'), 'x.txt');
const qingshan = parseFixture('qingshan-2024-three-part.txt');
const hedong = parseFixture('hedong-2022-webpage.txt');
const linhe = parseFixture('linhe-2023-literal-crlf.txt');
const titles = (r: typeof qingshan, kind = 'pledge') => r.report.items.filter((i) => i.kind === kind).map((i) => i.title);

describe('three-part reports: the tasks are in the last part', () => {
  it('takes the pledges of 三、2024年政府工作任务, none from the review’s areas', () => {
    expect(qingshan.report.parts.map((p) => p.title)).toEqual(['2023年工作回顾', '2024年工作总体要求和主要预期目标', '2024年政府工作任务']);
    expect(titles(qingshan)).toEqual([
      '大力推进产业升级，加快构建现代化产业体系', '做强先进制造业', '做优现代服务业',
      '全力扩大有效需求，推动经济持续回升向好', '持续深化改革开放，激发发展动力活力',
    ]);
    expect(qingshan.report.items.some((i) => i.source.lines[0] < 17)).toBe(false);
  });
  it('an area on government self-building inside the task part is self-building', () => {
    expect(qingshan.report.items.filter((i) => i.kind === 'self-building').map((i) => [i.title, i.source.lines[0]])).toEqual([['加强政府自身建设，提高履职尽责能力', 23]]);
  });
  it('a two-part text whose first part is the review has no pledges', () => {
    const r = parse(['政府工作报告', '各位代表：', '一、2023年工作回顾', '（一）经济运行稳中向好。全年生产总值增长5%。', '二、加强政府自身建设', '坚持依法行政。严格落实。'].join('\n'));
    expect(r.items.map((i) => [i.kind, i.title])).toEqual([['self-building', '坚持依法行政']]);
  });
});

describe('area headings run into the body', () => {
  it('（一）大力推进…。充分发挥… : the first sentence is the area heading and titles the pledge', () => {
    const first = qingshan.report.items[0]!;
    expect(qingshan.report.areas.filter((a) => a.line >= 17).map((a) => [a.numeral, a.title, a.line])).toEqual([
      ['（一）', '大力推进产业升级，加快构建现代化产业体系', 17],
      ['（二）', '全力扩大有效需求，推动经济持续回升向好', 20],
      ['（三）', '持续深化改革开放，激发发展动力活力', 21],
      ['（四）', '扎实办好民生实事，不断增进民生福祉', 22],
      ['（五）', '加强政府自身建设，提高履职尽责能力', 23],
    ]);
    expect(first.body.text.startsWith('（一）大力推进产业升级，加快构建现代化产业体系。充分发挥工业主导作用')).toBe(true);
    expect(first.targets.map((t) => t.match)).toEqual(['80个以上', '15家以上', '8%以上']);
  });
  it('a short run-in line is still not a heading-only area', () => {
    const r = parse(['政府工作报告', '', '各位代表：', '', '三、今年工作', '', '（一）扩大开放。外贸进出口增长8%以上。'].join('\n'));
    expect(r.items.map((i) => [i.title, i.body.text])).toEqual([['扩大开放', '（一）扩大开放。外贸进出口增长8%以上。']]);
  });
});

describe('areas whose paragraphs have no lead phrase', () => {
  it('each paragraph is a pledge titled by its area’s heading, not an issue', () => {
    const r = parse(['政府工作报告', '各位代表：', '一、回顾', '过去一年。', '二、2024年工作安排', '（一）坚持项目为王，持续扩大有效投资',
      '坚持把项目建设作为稳增长的主抓手，全年实施重点项目100个，完成投资150亿元以上。', '强化要素保障，全年新增建设用地3000亩。',
      '（二）坚持创新驱动', '做强产业。新增企业5家。'].join('\n'));
    expect(r.items.map((i) => [i.title, i.source.lines[0]])).toEqual([
      ['坚持项目为王，持续扩大有效投资', 7],
      ['坚持项目为王，持续扩大有效投资', 8],
      ['做强产业', 10],
    ]);
    expect(r.issues).toEqual([]);
  });
});

describe('titles and datelines', () => {
  it('the year in front of the title: 2022年政府工作报告', () => {
    expect(hedong.report.meta).toMatchObject({ title: '2022年政府工作报告', year: 2022, date: '2022-01-18', speaker: '王振华', speakerTitle: '河东县人民政府县长' });
  });
  it('the date only in the dateline: the year is the dateline’s', () => {
    expect(qingshan.report.meta).toMatchObject({ title: '政府工作报告', year: 2024, date: '2024-01-09', occasion: '青山区第十八届人民代表大会第四次会议', speaker: '李明远' });
  });
  it('the district and year in the title: 临河区2023年政府工作报告', () => {
    expect(linhe.report.meta).toMatchObject({ title: '临河区2023年政府工作报告', year: 2023, date: '2023-01-12' });
  });
  it('the ingest reads kind and year from these lines, not from a breadcrumb or 发布时间', () => {
    const lines = readFileSync(join(ROOT, 'tests/fixtures/workreports/hedong-2022-webpage.txt'), 'utf8').split('\n');
    expect(workReportHeading(lines)).toEqual({ title: { text: '2022年政府工作报告', line: 4 }, kind: 'work-report', year: 2022, date: { iso: '2022-01-18', line: 9 } });
    const p = parseReport('q.txt', readFileSync(join(ROOT, 'tests/fixtures/workreports/qingshan-2024-three-part.txt')));
    expect([p.kind, p.printed.year, p.printed.title?.text]).toEqual(['work-report', 2024, '政府工作报告']);
  });
});

describe('a saved web page’s chrome and an aggregator’s header and footer', () => {
  it('chrome set aside is said once per run of lines, for the quality page', () => {
    expect(hedong.report.issues.map((i) => [i.line, i.message.split('是')[0]])).toEqual([[1, '第1–3行'], [5, '第5–8行'], [76, '第76–80行']]);
  });
  it('lines above the title and the page tools under it are chrome, not report', () => {
    expect(hedong.report.meta.chrome?.filter(([a]) => a < 16)).toEqual([[1, 1], [2, 2], [3, 3], [5, 5], [6, 6], [7, 7], [8, 8]]);
    expect(hedong.report.paragraphs[0]!.text).toBe('各位代表：');
  });
  it('the footer after the report (打印本页, 上一篇, 主办, ICP备) is chrome; the annex before it is kept', () => {
    expect(hedong.report.meta.chrome?.filter(([a]) => a > 70)).toEqual([[76, 76], [77, 77], [78, 78], [79, 79], [80, 80]]);
    expect(hedong.report.paragraphs.some((p) => /上一篇|ICP/.test(p.text))).toBe(false);
  });
  it('an aggregator’s page title, 来源 line, 责任编辑 and 相关新闻 are chrome', () => {
    expect(linhe.report.meta.chrome).toEqual([[1, 1], [2, 2], [3, 3], [37, 37], [38, 38], [39, 39], [40, 40]]);
  });
  it('a multi-page copy’s page links mid-report are chrome, and the report goes on after them', () => {
    const r = parse(['政府工作报告', '各位代表：', '一、回顾', '过去一年，成绩显著。', '上一页 1 2 下一页', '二、今年工作', '（一）产业', '做强产业。新增企业5家。'].join('\n'));
    expect(r.meta.chrome).toEqual([[5, 5]]);
    expect(r.parts.map((p) => p.numeral)).toEqual(['一、', '二、']);
    expect(r.items.map((i) => i.title)).toEqual(['做强产业']);
  });
  it('a Markdown table in the report (a Word table as the readers render it) is report text, one row a paragraph', () => {
    const r = parse(['政府工作报告', '各位代表：', '一、回顾', '过去一年。', '二、2024年主要预期目标', '| 指标 | 2024年目标 |', '| --- | --- |', '| 地区生产总值增长 | 6%左右 |', '| 城镇新增就业 | 5000人以上 |'].join('\n'));
    expect(r.meta.chrome).toEqual([[7, 7]]);
    expect(r.paragraphs.slice(-3).map((p) => p.lines[0])).toEqual([6, 8, 9]);
    const pts = workReportPoints(r, { district: 'x', year: 2024, reportId: 'x' }, 'x.txt', ['']);
    expect(pts.map((p) => [p.indicator, p.role, p.value, p.unit ?? '%', p.comparatorText])).toEqual([['gdp', 'target', 6, '%', '左右'], ['jobs', 'target', 5000, '人', '以上']]);
  });
  it('isChrome: page tools yes, a report sentence no', () => {
    expect(['字号：【大 中 小】', '当前位置：首页 > 政务公开', '  • 打印', '分享到：', '（来源：某某日报）', '鲁ICP备05012345号'].every(isChrome)).toBe(true);
    expect(['打造区域消费中心。新建商业综合体2处。', '（一）坚持项目为王，持续扩大有效投资', '各位代表：'].some(isChrome)).toBe(false);
  });
});

describe('line breaks stored as the literal characters \\r\\n', () => {
  it('one physical line becomes the report’s lines, each saying where it sits in the file', () => {
    expect(linhe.parsed.lines.length).toBe(40);
    expect(linhe.parsed.where?.[3]).toBe('第1行第4段（原文以字面“\\r\\n”分行）');
    expect(linhe.report.parts).toHaveLength(4);
  });
  it('is left alone when real line breaks outnumber literal ones (a report quoting “\\n”)', () => {
    expect(expandLiteralBreaks(['第一段。', '第二段写到 C:\\new 目录。', '第三段。'])).toBeUndefined();
    expect(expandLiteralBreaks(['甲\\n乙\\n丙\\n丁'])?.lines).toEqual(['甲', '乙', '丙', '丁']);
  });
});

describe('民生实事 listed inline or in an annex', () => {
  it('inline 一是…十是: ten projects in one sentence', () => {
    const items = qingshan.report.items.filter((i) => i.kind === 'livelihood');
    expect(items.map((i) => i.projectNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(items.map((i) => i.title).slice(0, 3)).toEqual(['改造老旧小区20个', '新建改造城市道路10条', '新建幼儿园2所']);
    expect(items.every((i) => i.source.lines[0] === 22 && !i.candidate)).toBe(true);
  });
  it('an annex numbered 一、…十、 is not parts: its items are candidates when the annex says 候选项目', () => {
    expect(linhe.report.parts.map((p) => p.numeral)).toEqual(['一、', '二、', '三、', '四、']);
    const items = linhe.report.items.filter((i) => i.kind === 'livelihood');
    expect(items.map((i) => [i.projectNumber, i.title, i.source.lines[0]]).slice(0, 2)).toEqual([[1, '老旧小区改造', 27], [2, '城区道路微循环', 28]]);
    expect(items).toHaveLength(10);
    expect(items.every((i) => i.candidate && i.area.label === '2023年临河区民生实事候选项目')).toBe(true);
    // Nothing else to say than where the aggregator's chrome was set aside.
    expect(linhe.report.issues.map((i) => [i.line, i.message.split('是')[0]])).toEqual([[1, '第1–3行'], [37, '第37–40行']]);
  });
  it('an annex item printed as a heading with its text on the next line is one project', () => {
    const third = hedong.report.items.find((i) => i.kind === 'livelihood' && i.projectNumber === 3)!;
    expect([third.title, third.source.lines, third.body.text]).toEqual(['农村供水提升工程', [70, 72], '三、农村供水提升工程。改造农村供水管网60公里，惠及群众2.1万人。']);
  });
  it('（1）… or 一是… in a pledge that does not speak of 民生实事 enumerates the pledge, it lists no projects', () => {
    const r = parse(['政府工作报告', '各位代表：', '二、今年工作', '（一）城市建设', '实施三大工程。一是道路畅通工程；二是管网改造工程；三是绿化提升工程。', '强化保障。（1）资金保障；（2）用地保障。'].join('\n'));
    expect(r.items.map((i) => [i.kind, i.title])).toEqual([['pledge', '实施三大工程'], ['pledge', '强化保障']]);
  });
  it('名词解释 after the closing is an annex, its entries neither pledges nor issues', () => {
    const r = parse(['政府工作报告', '各位代表：', '一、回顾', '过去一年。', '二、今年工作任务', '（一）产业', '做强产业。新增企业5家。', '各位代表！让我们奋斗！', '名词解释', '1.“四强”产业：指高端化工、新材料、智能装备、生物医药产业。'].join('\n'));
    expect(r.annexes).toEqual([{ title: '名词解释', line: 9, livelihood: false }]);
    expect(r.items.map((i) => i.title)).toEqual(['做强产业']);
    expect(r.issues).toEqual([]);
  });
  it('a numbering restart at 一、 without the word 附件 is an annex too, not part 一 again', () => {
    const r = parse(['政府工作报告', '各位代表：', '一、回顾', '过去一年。', '二、今年工作', '（一）民生。', '办好实事。做好。', '各位代表！让我们奋斗！', '十件民生实事', '一、老旧小区改造。改造20个。', '二、道路建设。新建5条。'].join('\n'));
    expect(r.parts).toHaveLength(2);
    expect(r.items.filter((i) => i.kind === 'livelihood').map((i) => [i.projectNumber, i.title])).toEqual([[1, '老旧小区改造'], [2, '道路建设']]);
    expect(r.annexes.map((a) => a.title)).toEqual(['十件民生实事']);
  });
});

describe('text wrapped at a fixed width (copied from a PDF)', () => {
  it('a line that happens to end in 。 does not end the paragraph; an indented line starts one', () => {
    const r = parse([
      '政府工作报告', '各位代表：', '一、回顾', '过去一年。', '二、2024年工作任务', '（一）扩大有效投资',
      '　　抓项目建设。全年实施重点项目100个，完成投资',
      '150亿元以上。强化要素保障，新增建设用地300亩。',
      '盘活闲置土地500亩，保障重点项目落地见效，新增',
      '专项债券20亿元。',
      '　　优化营商环境。深化“一件事一次办”改革，全年',
      '新增经营主体3000户以上，营商环境评价进入全省前',
      '列，政务服务事项全部实现网上可办。',
    ].join('\n'));
    expect(r.items.map((i) => [i.title, i.source.lines])).toEqual([['抓项目建设', [7, 10]], ['优化营商环境', [11, 13]]]);
    expect(r.issues).toEqual([]);
  });
});

describe('prose is not Markdown', () => {
  it('an indented paragraph is not code, “1. ” is not a list (its ordinal is not part of the title), a <div> line is not dropped', () => {
    const r = parse(['政府工作报告', '', '各位代表：', '', '二、今年工作', '', '（一）发展产业', '', '    壮大制造业。新增企业10家。', '', '1. 建设园区。新建园区2个。', '', '<div>提升服务。新增网点5个。</div>'].join('\n'));
    expect(r.items.map((i) => [i.title, i.source.lines[0]])).toEqual([['壮大制造业', 9], ['建设园区', 11], ['提升服务', 13]]);
    expect(r.items[1]!.body.text).toBe('1.建设园区。新建园区2个。');
    expect(r.issues.map((i) => i.line)).toEqual([5]); // parts start at 二、: said so, nothing else
  });
});

describe('golden files of the variant reports', () => {
  it.each(['qingshan-2024-three-part.txt', 'hedong-2022-webpage.txt', 'linhe-2023-literal-crlf.txt', 'nanxi-2025-archived-page.txt'])('%s matches tests/golden/workreports/', (name) => {
    expectGolden(`workreports/${name.replace(/\.txt$/, '.json')}`, goldenJson(goldenSlice(name)));
  });
});

describe('a government page that passed through a web archive (half-width punctuation, a metadata table)', () => {
  const nanxi = parseFixture('nanxi-2025-archived-page.txt');
  it('the title is named in the page’s metadata row; the dateline has no dash', () => {
    expect(nanxi.report.meta).toMatchObject({ title: '南溪区2025年政府工作报告', year: 2025, date: '2025-03-18', speaker: '周海宁', chrome: [[2, 2], [3, 3], [4, 4], [5, 5]] });
    expect(nanxi.parsed.kind).toBe('work-report');
  });
  it('two parts: the areas of 二、2025年工作安排 are pledges, those of the review are not', () => {
    expect(nanxi.report.items.filter((i) => i.kind !== 'livelihood').map((i) => [i.title, i.source.lines[0]])).toEqual([
      ['聚力扩大有效投资,夯实稳增长基础', 17],
      ['聚力培育特色产业,增强发展后劲', 18],
      ['聚力建设人民满意政府,提升治理效能', 20],
    ]);
    expect(nanxi.report.items.filter((i) => i.kind === 'livelihood').map((i) => i.title).slice(-2)).toEqual(['开展适龄妇女“两癌”免费筛查1万人', '改造提升农贸市场2个']);
  });
  it('城、乡 incomes and 财政一般预算收入 are read; 同口径 is kept when it is the only figure', () => {
    const got = nanxi.points.map((p) => [p.indicator, p.role, p.value ?? null, p.comparatorText ?? '']);
    expect(got).toContainEqual(['incomeUrban', 'actual', 4.9, '']);
    expect(got).toContainEqual(['incomeRural', 'actual', 7, '']);
    expect(got).toContainEqual(['revenue', 'actual', 5.7, '']);
    expect(got).toContainEqual(['revenue', 'target', 5, '']);
    expect(got).toContainEqual(['incomeUrban', 'target', 5, '左右']);
  });
});

describe('punctuation and openings of other copies', () => {
  it('half-width brackets (一) and (1), a dateline in brackets, no 各位代表 salutation', () => {
    const r = parse([
      '2023年政府工作报告', '(2023年1月5日在示例县第十届人民代表大会第二次会议上)',
      '现在，我代表县人民政府向大会报告工作，请予审议。',
      '一、2022年工作回顾', '2022年，全县生产总值增长4%。',
      '二、2023年工作安排', '(一)扩大有效投资', '抓项目建设。实施项目50个。',
      '(二)办好民生实事', '办好实事。今年办好以下民生实事：(1)改造小区10个；(2)新建学校2所。',
    ].join('\n'));
    expect(r.meta).toMatchObject({ title: '2023年政府工作报告', year: 2023, date: '2023-01-05' });
    expect(r.areas.map((a) => a.numeral)).toEqual(['（一）', '（二）']);
    expect(r.items.map((i) => [i.kind, i.title])).toEqual([['pledge', '抓项目建设'], ['livelihood', '改造小区10个'], ['livelihood', '新建学校2所']]);
    expect(r.issues).toEqual([]);
  });
});

describe('every line is accounted for', () => {
  // The seed report too (reached from the fixtures folder).
  it.each(['qingshan-2024-three-part.txt', 'hedong-2022-webpage.txt', 'linhe-2023-literal-crlf.txt', 'nanxi-2025-archived-page.txt', '../../../content/reports/zhangdian/2021-work-report.txt'])('%s: each non-blank line is title block, chrome, a heading, an annex title or in a paragraph', (name) => {
    const { parsed, report } = parseFixture(name);
    const seen = new Set<number>();
    const mark = ([a, b]: readonly [number, number]) => { for (let l = a; l <= b; l++) seen.add(l); };
    mark(report.meta.lines);
    for (const c of report.meta.chrome ?? []) mark(c);
    for (const s of [...report.parts, ...report.areas]) seen.add(s.line);
    for (const a of report.annexes) [a.line, a.titleLine ?? a.line].forEach((l) => seen.add(l));
    for (const p of report.paragraphs) mark(p.lines);
    const missing = parsed.lines.map((l, i) => (l.trim() && !seen.has(i + 1) ? i + 1 : 0)).filter(Boolean);
    expect(missing).toEqual([]);
    for (const item of report.items) expect(item.source.verbatim).toBe(parsed.lines.slice(item.source.lines[0] - 1, item.source.lines[1]).join('\n'));
  });
});
