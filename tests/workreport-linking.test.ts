import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINK_THRESHOLD, dice, linkPledges, normalisePledge, pledgeSimilarity } from '../src/lib/linking/link-pledges';
import { parseWorkReport } from '../src/lib/workreport';

const FILE = 'content/reports/zhangdian/2021-work-report.txt';
const items = parseWorkReport(readFileSync(FILE, 'utf8').split('\n'), FILE).items;
const wr = items.map((i, n) => ({ id: `zhangdian-2021-wr-${String(n + 1).padStart(3, '0')}`, text: i.body.text, title: i.title }));
const idOf = (title: string) => wr.find((w) => w.title === title)!.id;

describe('pledge similarity', () => {
  it('normalises away punctuation, quotes and PDF spaces', () => {
    expect(normalisePledge('新增学位 5200 个，“长者食堂”10 处以上。')).toBe('新增学位5200个长者食堂10处以上');
  });
  it('dice is 1 for equal texts and 0 for disjoint ones', () => {
    expect(dice('新增学位', '新增学位')).toBe(1);
    expect(dice('新增学位', '绿化提升')).toBe(0);
  });
});

describe('linking constructed bulletin tasks to the 2021 work report', () => {
  // What a 2021 bulletin would print: clauses lifted from 004, trimmed or reworded, plus unrelated tasks.
  const bulletin = [
    { id: 'b-verbatim', text: '实施总投资5亿元的安泰爱科高性能稀土永磁等5个市重点技术改造项目，年度完成投资1.5亿元。' },
    { id: 'b-reworded', text: '抓好总投资5亿元的5个市重点技术改造项目，年度完成投资1.5亿元以上。' },
    { id: 'b-trimmed', text: '加快推进科技苑中学、区实验中学南校区等5所中小学建设，新增学位5200个。' },
    { id: 'b-clause', text: '壮大产业集群，抓好英科医疗、恒生数字仪表等产业项目建设。' },
    { id: 'b-unrelated', text: '加快推进清华启迪创新赋能中心及未来小镇等数字经济项目建设。' },
    { id: 'b-other-district', text: '实施企业创新平台“扩量提质”工程，新增市级以上创新平台10家。' },
  ];
  const links = linkPledges(wr, bulletin);
  const linkOf = (id: string) => links.find((l) => l.bulletinTaskId === id);

  it('links lifted, reworded and trimmed pledges to their paragraph', () => {
    expect(linkOf('b-verbatim')).toMatchObject({ workReportTaskId: idOf('推动工业经济迈向中高端'), score: 1 });
    expect(linkOf('b-reworded')?.workReportTaskId).toBe(idOf('推动工业经济迈向中高端'));
    expect(linkOf('b-trimmed')?.workReportTaskId).toBe(idOf('优化公共服务供给'));
    expect(linkOf('b-clause')?.workReportTaskId).toBe(idOf('推动工业经济迈向中高端'));
  });

  it('leaves a bulletin task without a match unlinked (it stays a task of its own)', () => {
    expect(linkOf('b-unrelated')).toBeUndefined();
    expect(linkOf('b-other-district')).toBeUndefined();
    expect(links).toHaveLength(4);
  });

  it('links each bulletin task at most once', () => {
    expect(new Set(links.map((l) => l.bulletinTaskId)).size).toBe(links.length);
  });
});

describe('the threshold on real unrelated pledges', () => {
  it("links none of Linzi's 2021 and 2023 pledges to Zhangdian's 2021 work report", () => {
    const linzi = ['linzi/2021-q3-progress.txt', 'linzi/2023-m09-progress.txt'].flatMap((f) =>
      readFileSync(`content/reports/${f}`, 'utf8')
        .split('\n')
        .map((l) => l.split('\t'))
        .filter((c) => /^\d+$/.test(c[0] ?? '') && c[1])
        .map((c, i) => ({ id: `${f}-${i}`, text: c[1]! })),
    );
    expect(linzi.length).toBeGreaterThan(190);
    const best = Math.max(...linzi.map((b) => Math.max(...wr.map((w) => pledgeSimilarity(b.text, w.text)))));
    expect(best).toBeLessThan(LINK_THRESHOLD);
    expect(best).toBeGreaterThan(0.4); // the threshold is not trivially far from real near-misses
    expect(linkPledges(wr, linzi)).toEqual([]);
  });
});

describe('links in the dataset build (extendDataset) with a constructed 2021 bulletin task', async () => {
  const { repoDataset } = await import('./helpers/repo-dataset');
  const { extendDataset } = await import('../src/lib/workreport/extend-dataset');
  const { dataset } = repoDataset();
  // The dataset as the ingest assembles it before work reports are added, plus one 2021 bulletin task.
  const reports = structuredClone(dataset.reports).map((r) => (r.kind === 'work-report' ? { ...r, taskIds: [], taskCount: 0, anomalyCount: 0 } : r));
  const template = structuredClone(dataset.tasks.find((t) => t.id === 'zhangdian-2020-009')!);
  const lifted = { ...template, id: 'zhangdian-2021-009', year: 2021, pledge: { text: '实施总投资5亿元的安泰爱科高性能稀土永磁等5个市重点技术改造项目，年度完成投资1.5亿元。', html: '' } };
  const unmatched = { ...template, id: 'zhangdian-2021-010', year: 2021, pledge: { text: '加快推进清华启迪创新赋能中心及未来小镇等数字经济项目建设。', html: '' } };
  const bulletinTasks = [...structuredClone(dataset.tasks.filter((t) => t.origin !== 'work-report')), lifted, unmatched];
  const lines = readFileSync(FILE, 'utf8').split('\n');
  const out = extendDataset({ reports, tasks: bulletinTasks, progress: dataset.progress, anomalies: dataset.anomalies }, (id) => (id === 'zhangdian-2021-work-report' ? lines : undefined));
  const task = (id: string) => out.tasks.find((t) => t.id === id)!;

  it('links the bulletin task and the work-report pledge both ways', () => {
    const wrId = task('zhangdian-2021-009').links?.[0]?.taskId;
    expect(wrId).toBeDefined();
    expect(task(wrId!).title).toBe('推动工业经济迈向中高端');
    expect(task(wrId!).links).toEqual([{ taskId: 'zhangdian-2021-009', score: 1 }]);
  });

  it('keeps an unmatched bulletin task as a task, without links; other years are never linked', () => {
    expect(task('zhangdian-2021-010').links).toBeUndefined();
    expect(task('zhangdian-2020-009').links).toBeUndefined();
    expect(out.tasks.filter((t) => t.links).map((t) => t.id).sort()).toEqual(['zhangdian-2021-009', task('zhangdian-2021-009').links![0]!.taskId].sort());
  });
});
