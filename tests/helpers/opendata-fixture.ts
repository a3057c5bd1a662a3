// A small constructed dataset that passes the zod schemas: one district-year with a breakdown and
// a Q3 bulletin, chosen so every "what changed" case occurs once.
import type { Progress, Report, Status, StatusSource, Task } from '../../src/lib/schema';
import { emptyStatusCounts } from '../../src/lib/schema';
import type { Dataset } from '~/lib/dataset/collections';

const rt = (text: string) => ({ text, html: text });
const FILE_A = 'content/reports/testqu/2022-plan-q3-q4-breakdown.txt';
const FILE_B = 'content/reports/testqu/2022-q3-progress.txt';

function report(id: string, slug: string, kind: Report['kind'], periods: string[], file: string, extra: Partial<Report> = {}): Report {
  return {
    id, slug, district: 'testqu', year: 2022, kind, periods, periodLabel: periods.join('、'), periodEndMonth: kind === 'breakdown' ? 12 : 9,
    title: `测试区2022年${slug}`, source: { file, publicPath: `sources/${file.slice('content/reports/'.length)}`, sha256: 'a'.repeat(64), bytes: 100, format: 'text', encoding: 'utf-8', bom: false, lineEnding: 'lf', lineCount: 20 },
    layout: 'tsv', columns: [], preamble: [], footnotes: [], taskIds: [], progressIds: [], taskCount: 0, rowCount: 0,
    statusCounts: emptyStatusCounts(), inferredCounts: { done: 0, partial: 0, notDone: 0 }, anomalyCount: 0, ...extra,
  };
}

function row(r: Report, n: number, pledge: string, status: Status, source: StatusSource, line: number, phrase?: string): Progress & { pledge: { text: string; html: string } } {
  return {
    id: `${r.id}-${n}`, taskId: `testqu-2022-${String(n).padStart(3, '0')}`, reportId: r.id, district: 'testqu', year: 2022, number: n, subIndex: 0,
    targets: [{ label: '第三季度目标', text: rt(`目标${n}，含"引号",逗号`) }], result: status === 'planned' ? undefined : rt(`结果${n}\n第二行`),
    status, statusSource: source, statusPhrase: phrase, units: [{ unitId: 'testqu-qufagaiju', name: '区发改局', printed: '区发改局（牵头）', role: 'lead' }],
    unitsPrinted: '区发改局（牵头）', leaders: [], extra: [], source: { file: r.source.file, lines: [line, line], verbatim: `${n}\t${pledge}` },
    pledge: rt(pledge),
  };
}

export function constructedDataset(): Dataset {
  const a = report('testqu-2022-plan-q3-q4', 'plan-q3-q4', 'breakdown', ['Q3', 'Q4'], FILE_A, { date: '2022-08-12', issuer: '测试区人民政府' });
  const b = report('testqu-2022-q3', 'q3', 'progress', ['Q3'], FILE_B);
  // 1: planned → done (status change) · 2: reworded (full-width digits alone are NOT a rewording) ·
  // 3: dropped · 4: new · 5: unchanged apart from PDF spaces.
  const pa = [
    row(a, 1, '新建学校3所', 'planned', 'none', 3),
    row(a, 2, '改造老旧小区１２个，惠及居民5000户', 'planned', 'none', 4),
    row(a, 3, '建设公园一处', 'planned', 'none', 5),
    row(a, 5, '植树一万株', 'planned', 'none', 6),
  ];
  const pb = [
    row(b, 1, '新建学校3所', 'done', 'stated', 3, '完成'),
    row(b, 2, '改造老旧小区12个，惠及居民6000户', 'planned', 'none', 4),
    row(b, 4, '新增停车位800个', 'partial', 'inferred', 5, '正在推进'),
    row(b, 5, '植树 一万株', 'planned', 'none', 6),
  ];
  const progress = [...pa, ...pb];
  const taskIds = [...new Set(progress.map((p) => p.taskId))];
  const tasks: Task[] = taskIds.map((id) => {
    const rows = progress.filter((p) => p.taskId === id);
    const first = rows[0]!;
    const last = rows.at(-1)!;
    return {
      id, district: 'testqu', year: 2022, number: first.number, pledge: first.pledge, subTargets: [], unitIds: ['testqu-qufagaiju'], leadUnitIds: ['testqu-qufagaiju'],
      leaderIds: [], progressIds: rows.map((p) => p.id), reportIds: rows.map((p) => p.reportId), latestStatus: last.status, latestStatusSource: last.statusSource,
      latestReportId: last.reportId, source: first.source,
    };
  });
  a.taskIds = pa.map((p) => p.taskId); a.progressIds = pa.map((p) => p.id); a.taskCount = a.rowCount = pa.length; a.statusCounts.planned = 4;
  b.taskIds = pb.map((p) => p.taskId); b.progressIds = pb.map((p) => p.id); b.taskCount = b.rowCount = pb.length; b.statusCounts.done = 1; b.statusCounts.planned = 2; b.statusCounts.unstated = 1; b.inferredCounts.partial = 1;
  return {
    districts: [{ id: 'testqu', name: '测试区', shortName: '测试', city: '测试市', province: '测试省' }],
    reports: [b, a],
    tasks,
    progress,
    units: [{ id: 'testqu-qufagaiju', district: 'testqu', name: '区发改局', variants: ['区发改局（牵头）'], aliases: ['发改局'], taskIds }],
    leaders: [],
    anomalies: [{ id: `${b.id}-L7-row-cut-off`, reportId: b.id, file: FILE_B, line: 7, kind: 'row-cut-off', message: '第7行在句中截断。', verbatim: '6\t建设' }],
    indicators: [
      { id: `${b.id}-gdp-actual`, district: 'testqu', year: 2022, indicator: 'gdp', role: 'actual', period: 'Q3', value: -2.5, forecast: true, phrase: '地区生产总值预计下降2.5%', reportId: b.id, source: { file: FILE_B, lines: [3, 3], verbatim: '1\t地区生产总值预计下降2.5%' } },
      { id: `${a.id}-energy-target`, district: 'testqu', year: 2022, indicator: 'energy', role: 'target', period: 'year', forecast: false, phrase: '完成节能减排约束性指标', reportId: a.id, source: { file: FILE_A, lines: [3, 3], verbatim: '1\t完成节能减排约束性指标' } },
    ],
  };
}
