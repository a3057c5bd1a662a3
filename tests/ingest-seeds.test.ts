import { describe, expect, it } from 'vitest';
import { repoDataset, readRepoFile } from './helpers/repo-dataset';
import { parseReport } from '../src/lib/ingest/parse-report';

const { dataset, problems, parsed } = repoDataset();
const report = (id: string) => dataset.reports.find((r) => r.id === id)!;
const progress = (id: string) => dataset.progress.find((p) => p.id === id)!;
const parsedOf = (id: string) => parsed.find((p) => p.report.id === id)!.parsed;
const anomaliesOf = (id: string) => dataset.anomalies.filter((a) => a.reportId === id);

describe('the five seeds', () => {
  it('ingest without errors into five reports', () => {
    expect(problems).toEqual([]);
    expect(dataset.reports.map((r) => r.id)).toEqual([
      'linzi-2020-plan-q3-q4',
      'linzi-2021-q3',
      'linzi-2023-m09',
      'zhangdian-2020-q2',
      'zhangdian-2021-work-report',
    ]);
  });

  it('detects each layout from the text', () => {
    expect(dataset.reports.map((r) => [r.id, r.layout])).toEqual([
      ['linzi-2020-plan-q3-q4', 'tsv'],
      ['linzi-2021-q3', 'tsv'],
      ['linzi-2023-m09', 'tsv'],
      ['zhangdian-2020-q2', 'cell-per-line'],
      ['zhangdian-2021-work-report', 'prose'],
    ]);
  });

  it('finds columns by header words whatever their order', () => {
    expect(report('linzi-2021-q3').columns.map((c) => c.key)).toEqual(['number', 'pledge', 'target', 'units', 'result']);
    expect(report('linzi-2023-m09').columns.map((c) => c.key)).toEqual(['number', 'pledge', 'target', 'result', 'leaders', 'units']);
    expect(report('linzi-2020-plan-q3-q4').columns.map((c) => [c.key, c.period])).toEqual([
      ['number', undefined], ['pledge', undefined], ['target', 'Q3'], ['target', 'Q4'],
    ]);
    expect(report('linzi-2021-q3').columns[0]!.label).toBe(''); // 003's empty first header cell is 序号
  });

  it('records sha256, size and encoding of the raw bytes', () => {
    const r = report('zhangdian-2020-q2');
    // sha256sum content/reports/zhangdian/2020-q2-progress.txt
    expect(r.source.sha256).toBe('d3dc409414849dcde780367dadc43ccbe305b959e6ba7fef0a4970434ea2500d');
    // The file ends in a newline and one space — a last line holding one space — so 764 line ends make 765 lines.
    expect(r.source).toMatchObject({ file: 'content/reports/zhangdian/2020-q2-progress.txt', encoding: 'utf-8', bom: false, lineEnding: 'lf', bytes: 41655, lineCount: 765 });
  });
});

describe('task and row counts per seed', () => {
  it.each([
    ['zhangdian-2020-q2', 72, 77],
    ['linzi-2020-plan-q3-q4', 16, 16],
    ['linzi-2023-m09', 124, 124],
    ['linzi-2021-q3', 80, 80],
    ['zhangdian-2021-work-report', 37, 0], // 20 pledges + 13 民生实事 + 4 self-building, from src/lib/workreport (no table rows)
  ])('%s has %i tasks in %i rows', (id, tasks, rows) => {
    expect(report(id).taskCount).toBe(tasks);
    expect(report(id).rowCount).toBe(rows);
    expect(dataset.progress.filter((p) => p.reportId === id)).toHaveLength(rows);
  });

  it('gives tasks stable ids from district, year and 序号', () => {
    expect(report('linzi-2020-plan-q3-q4').taskIds).toEqual([...Array.from({ length: 15 }, (_, i) => `linzi-2020-${String(i + 1).padStart(3, '0')}`), 'linzi-2020-020']);
  });
});

describe('stated status counts', () => {
  it('000 (Zhangdian 2020 Q2): 53 done, 19 not done, 5 handed over — sub-target rows count on their own', () => {
    expect(report('zhangdian-2020-q2').statusCounts).toEqual({ done: 53, partial: 0, onTrack: 0, behind: 0, notDone: 19, suspended: 0, transferred: 5, planned: 0, unstated: 0 });
  });
  it('002 (Linzi 2023-09): 104 / 13 / 7', () => {
    expect(report('linzi-2023-m09').statusCounts).toEqual({ done: 104, partial: 13, onTrack: 0, behind: 0, notDone: 7, suspended: 0, transferred: 0, planned: 0, unstated: 0 });
  });
  it('001 (breakdown) is planned throughout', () => {
    expect(report('linzi-2020-plan-q3-q4').statusCounts.planned).toBe(16);
  });
  it('003 states no status: all unstated, with inferred statuses counted apart', () => {
    const r = report('linzi-2021-q3');
    expect(r.statusCounts.unstated).toBe(80);
    const inferred = r.inferredCounts.done + r.inferredCounts.partial + r.inferredCounts.notDone;
    expect(inferred).toBeGreaterThan(40);
    expect(dataset.progress.filter((p) => p.reportId === 'linzi-2021-q3' && p.statusSource === 'stated')).toEqual([]);
  });
  it('keeps the handed-over wording as printed', () => {
    expect(progress('zhangdian-2020-q2-8')).toMatchObject({ status: 'transferred', statusSource: 'stated', statusPhrase: '已移交经开区' });
    expect(progress('zhangdian-2020-q2-15')).toMatchObject({ status: 'transferred', statusPhrase: '已移交齐鲁化工区' });
  });
});

describe('000: one cell per line, merged sub-goal cells, sub-target rows', () => {
  it('task 1 keeps its target, result and units', () => {
    const p = progress('zhangdian-2020-q2-1');
    expect(p.targets[0]!.text.text).toBe('6%');
    expect(p.result!.text).toBe('未完成。预计同比下降6%。');
    expect(p.units.map((u) => [u.name, u.role])).toEqual([['区发改局', 'unmarked'], ['区统计局', 'data']]);
    expect(p.source.lines).toEqual([9, 15]);
  });
  it('tasks 15 and 16 carry a sub-goal and their sub-target rows', () => {
    const t15 = dataset.tasks.find((t) => t.id === 'zhangdian-2020-015')!;
    expect(t15.subTargets.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(t15.subTargets[1]!.text).toBe('联盟主营业务总量目标达8亿元。');
    const t16 = dataset.tasks.find((t) => t.id === 'zhangdian-2020-016')!;
    expect(t16.subTargets.map((s) => s.text.slice(0, 8))).toEqual(['统计我区重点55', '初步形成特色楼宇', '完成楼宇试点建设']);
    const sub = progress('zhangdian-2020-q2-15-s1');
    expect(sub.targets[0]!.text.text).toMatch(/^1\.深挖产业联盟融合度/);
    expect(sub).toMatchObject({ status: 'done', statusSource: 'stated', subIndex: 1, taskId: 'zhangdian-2020-015' });
    expect(progress('zhangdian-2020-q2-16').subGoal!.text).toMatch(/^统计我区重点55座楼宇/);
    expect(progress('zhangdian-2020-q2-16').targets[0]!.text.text).toMatch(/^完成智慧楼宇电子地图平台/);
  });
  it('keeps the footnote as report metadata', () => {
    expect(report('zhangdian-2020-q2').footnotes).toEqual([{ line: 764, text: '注：责任单位标注黑体字的为牵头单位，其他为协办单位。' }]);
  });
  it('puts units printed one per line with blank lines into one list', () => {
    expect(progress('zhangdian-2020-q2-15').units.map((u) => u.name)).toEqual(['张店经开区管委会', '区发改局', '区工信局', '房镇镇', '中埠镇', '沣水镇', '湖田街道办事处']);
  });
});

describe('001: notice, markup in cells, gaps and a cut-off row', () => {
  it('fills report metadata from the notice before the table', () => {
    expect(report('linzi-2020-plan-q3-q4')).toMatchObject({ docNumber: '临政字〔2020〕112号', issuer: '临淄区人民政府', date: '2020-08-12', periods: ['Q3', 'Q4'], periodLabel: '第三、四季度' });
    expect(parsedOf('linzi-2020-plan-q3-q4').printed.docNumber).toEqual({ text: '临政字〔2020〕112号', line: 3 });
  });
  it('reports the numbering gap 16–19 and the row cut off mid-sentence, with file:line', () => {
    const a = anomaliesOf('linzi-2020-plan-q3-q4').map((x) => [x.line, x.kind]);
    expect(a).toEqual([[56, 'numbering-gap'], [56, 'row-cut-off']]);
    const gap = anomaliesOf('linzi-2020-plan-q3-q4')[0]!;
    expect(gap.message).toContain('16–19');
    expect(gap.file).toBe('content/reports/linzi/2020-q3-q4-breakdown.txt');
    expect(gap.verbatim.startsWith('20\t')).toBe(true);
  });
  it('keeps <b>…：</b> labels as sub-items and <sup> as superscript; drops no text', () => {
    const p = progress('linzi-2020-plan-q3-q4-3');
    expect(p.targets[0]!.text.items!.map((i) => i.label)).toEqual(['智能装备产业园', '大数据产业园', '半导体材料产业园', '新医药产业园']);
    const p13 = progress('linzi-2020-plan-q3-q4-13');
    expect(p13.targets[0]!.text.html).toContain('m<sup>2</sup>');
    expect(p13.targets[0]!.text.text).toContain('32 万 m2硬化情况');
  });
  it('gives both period targets of the breakdown', () => {
    expect(progress('linzi-2020-plan-q3-q4-10').targets.map((t) => [t.period, t.text.text])).toEqual([
      ['Q3', '230 个行政村集体经济收入达到 10 万元以上。完成乡村振兴示范片区年度创建目标的 60% 以上。'],
      ['Q4', '404 个行政村集体经济收入达到 10 万元以上。完成乡村振兴示范片区年度目标。'],
    ]);
  });
});

describe('002: repeated headers, broken names, leaders', () => {
  it('reads repeated header rows as headers, not tasks', () => {
    const uses = parsedOf('linzi-2023-m09').uses;
    // grep -c '^序号<TAB>' gives 29: the first header and 28 repeats.
    expect(uses.filter((u) => u === 'header')).toHaveLength(29);
  });
  it('rejoins unit names broken by the PDF, with roles', () => {
    const names = (id: string) => progress(id).units.map((u) => [u.name, u.role]);
    expect(names('linzi-2023-m09-11')).toEqual([['区行政审批服务局', 'lead'], ['区市场监管局', 'assist']]);
    expect(progress('linzi-2023-m09-11').units[0]!.printed).toBe('区行政审批 服务局 (牵头)');
    const all = dataset.units.filter((u) => u.district === 'linzi').map((u) => u.name);
    expect(all).toContain('金岭回族镇政府');
    expect(all).toContain('人民银行临淄支行');
    expect(all).toContain('淄博省级农业高新技术产业示范区管委会');
    expect(all.some((n) => /\s/.test(n))).toBe(false);
  });
  it('merges 崔赟, 崔贊, 崔赞, "崔 燮", "崔 赞" into one leader and keeps every printed variant', () => {
    const cui = dataset.leaders.find((l) => l.id === 'linzi-cui-zan')!;
    expect(cui.variants).toEqual(['崔 燮', '崔 赞', '崔贊', '崔赟']);
    expect(progress('linzi-2023-m09-27').leaders.map((l) => [l.name, l.printed])).toEqual([['郭克华', '郭克华'], ['贾继元', '贾继元'], ['房美男', '房美男'], ['崔赞', '崔 燮']]);
  });
  it('flags a leader name it cannot place (崔贊晋) instead of guessing', () => {
    const a = anomaliesOf('linzi-2023-m09');
    expect(a.map((x) => [x.line, x.kind])).toEqual([[133, 'unknown-name']]);
    expect(a[0]!.message).toContain('崔贊晋');
  });
  it('removes spaces a PDF line wrap put between Chinese characters, keeps them around numbers', () => {
    const texts = dataset.progress.filter((p) => p.reportId === 'linzi-2023-m09').map((p) => p.result!.text).join('\n');
    expect(texts).not.toMatch(/已完 成/);
    expect(dataset.tasks.find((t) => t.id === 'linzi-2023-020')!.pledge.text).toContain('国家级农业高新技术产业示范区');
    expect(dataset.tasks.find((t) => t.id === 'linzi-2020-001')!.pledge.text).toContain('新培育上云企业 520 家');
  });
});

describe('003: no status words, command posts', () => {
  it('reads the command post with its lead and assisting units', () => {
    const u = progress('linzi-2021-q3-14').units;
    expect(u.map((x) => [x.name, x.role])).toEqual([
      ['临淄火车站改造及周边片区开发建设指挥部', 'unmarked'],
      ['区交通运输局', 'lead'],
      ['区自然资源局', 'assist'],
      ['辛店街道', 'assist'],
    ]);
    expect(u[1]!.via).toBe(u[0]!.unitId);
  });
  it('infers statuses by documented rules, recording the deciding phrase', () => {
    expect(progress('linzi-2021-q3-7')).toMatchObject({ status: 'notDone', statusSource: 'inferred', statusPhrase: '尚未批复' });
    expect(progress('linzi-2021-q3-2')).toMatchObject({ status: 'done', statusSource: 'inferred', statusPhrase: '已成立' });
    expect(progress('linzi-2021-q3-16')).toMatchObject({ status: 'partial', statusSource: 'inferred', statusPhrase: '正在' });
    expect(progress('linzi-2021-q3-48')).toMatchObject({ status: 'notDone', statusSource: 'inferred', statusPhrase: '延期' });
    // Figures decide only against a target figure of the same thing; forecasts (预计) decide nothing.
    expect(progress('linzi-2021-q3-23')).toMatchObject({ status: 'done', statusPhrase: '重点项目开工率90.6%（目标90%以上）、投资完成率85.7%（目标71%以上）' });
    expect(progress('linzi-2021-q3-1')).toMatchObject({ status: 'unstated', statusSource: 'none' });
  });
});

describe('004: the work report', () => {
  it('keeps its metadata and its text for display', () => {
    const r = report('zhangdian-2021-work-report');
    expect(r).toMatchObject({ kind: 'work-report', title: '政府工作报告', speaker: '王学刚', date: '2021-02-07', periods: ['year'] });
    expect(r.text!.split('\n')).toHaveLength(183); // 182 line ends, no final one
    const p = parsedOf('zhangdian-2021-work-report');
    expect(p.printed.date).toEqual({ iso: '2021-02-07', line: 5 });
    expect(p.speaker).toEqual({ title: '张店区人民政府区长', name: '王学刚' });
  });
});

describe('row accounting: every source line is a task, metadata, header/separator, footnote, blank or an anomaly', () => {
  it.each(['zhangdian-2020-q2', 'linzi-2020-plan-q3-q4', 'linzi-2023-m09', 'linzi-2021-q3', 'zhangdian-2021-work-report'])('%s', (id) => {
    const p = parsedOf(id);
    expect(p.uses).toHaveLength(p.lines.length);
    expect(p.uses.every((u) => ['blank', 'metadata', 'header', 'separator', 'task', 'footnote', 'anomaly', 'text'].includes(u))).toBe(true);
    // Every non-blank task line lies inside some progress entry's source range, and vice versa.
    const covered = new Set<number>();
    for (const x of dataset.progress.filter((q) => q.reportId === id)) for (let l = x.source.lines[0]; l <= x.source.lines[1]; l++) covered.add(l);
    p.uses.forEach((u, i) => {
      if (u === 'task') expect(covered.has(i + 1), `line ${i + 1}`).toBe(true);
      if (covered.has(i + 1)) expect(['task', 'blank'], `line ${i + 1}`).toContain(u);
      if (u === 'anomaly') expect(dataset.anomalies.some((a) => a.reportId === id && a.line === i + 1), `line ${i + 1}`).toBe(true);
    });
  });
  it('001 has separators and metadata lines accounted for', () => {
    const uses = parsedOf('linzi-2020-plan-q3-q4').uses;
    expect(uses[48]).toBe('separator');
    expect(uses[56]).toBe('separator');
    expect(uses[2]).toBe('metadata');
  });
});

describe('determinism', () => {
  it('parsing the same file twice gives identical output', () => {
    const bytes = readRepoFile('content/reports/linzi/2023-m09-progress.txt');
    const a = JSON.stringify(parseReport('f', bytes, { kind: 'progress' }));
    const b = JSON.stringify(parseReport('f', bytes, { kind: 'progress' }));
    expect(a).toBe(b);
  });
});

describe('stable ids', () => {
  it('task, progress, unit and leader ids do not change when another report is added', async () => {
    const { buildDataset } = await import('../src/lib/ingest/build-dataset');
    const { loadInputs } = await import('../src/lib/ingest/load-inputs');
    const { ROOT } = await import('./helpers/repo-dataset');
    const { existsSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { inputs } = loadInputs(ROOT);
    const read = (rel: string) => (existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : undefined);
    // Linzi without its 2021 bulletin, then with it: everything that existed keeps its id.
    const without = buildDataset({ ...inputs!, readFile: read, manifest: inputs!.manifest.filter((e) => e.file !== 'linzi/2021-q3-progress.txt') }).dataset;
    const ids = (ds: typeof without) => ({
      tasks: ds.tasks.map((t) => t.id),
      progress: ds.progress.map((p) => p.id),
      units: ds.units.map((u) => `${u.id}=${u.name}`),
      leaders: ds.leaders.map((l) => `${l.id}=${l.name}`),
    });
    const before = ids(without);
    const after = ids(dataset);
    for (const k of ['tasks', 'progress', 'units', 'leaders'] as const) {
      expect(before[k].filter((id) => !after[k].includes(id)), k).toEqual([]);
    }
    expect(after.tasks.length - before.tasks.length).toBe(80);
  });
});
