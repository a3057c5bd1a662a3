// Adds what work reports contribute to the dataset the ingest assembled from the bulletins: the
// pledges as tasks of their district-year (ids `${district}-${year}-wr-${nnn}`), their links to the
// same pledges in that year's bulletins, and the headline indicator points of every report.
import type { Anomaly, AnomalyKind, IndicatorPoint, Progress, Report, Task } from '../schema';
import { rowPoints, uniqueIds, workReportPoints } from '../indicators/build-points';
import { linkPledges } from '../linking/link-pledges';
import { issueKind, parseWorkReport } from './index';
import type { WorkReportItem } from './work-report-items';

export interface DatasetParts {
  reports: Report[];
  tasks: Task[];
  progress: Progress[];
  anomalies: Anomaly[];
}

const pad = (n: number) => String(n).padStart(3, '0');

function taskOf(report: Report, item: WorkReportItem, n: number): Task {
  const task: Task = {
    id: `${report.district}-${report.year}-wr-${pad(n)}`,
    district: report.district,
    year: report.year,
    number: n,
    pledge: item.body,
    subTargets: [],
    unitIds: [],
    leadUnitIds: [],
    leaderIds: [],
    progressIds: [],
    reportIds: [report.id],
    // A work report sets the pledge; no report has said anything about it yet.
    latestStatus: 'planned',
    latestStatusSource: 'none',
    latestReportId: report.id,
    source: item.source,
    origin: 'work-report',
    kind: item.kind,
    title: item.title,
    area: item.area,
    targets: item.targets,
  };
  if (item.projectNumber !== undefined) task.projectNumber = item.projectNumber;
  if (item.candidate) task.candidate = true;
  return task;
}

/**
 * Work-report tasks, links and indicator points for a dataset. `linesOf(reportId)` gives a report's
 * decoded lines. Mutates the work reports' taskIds/taskCount/anomalyCount like the ingest's own assembly.
 */
export function extendDataset(data: DatasetParts, linesOf: (reportId: string) => readonly string[] | undefined): DatasetParts & { indicators: IndicatorPoint[] } {
  const tasks = [...data.tasks];
  const anomalies = [...data.anomalies];
  const indicators: IndicatorPoint[] = [];
  const taskById = new Map(tasks.map((t) => [t.id, t]));

  for (const report of data.reports.filter((r) => r.kind === 'work-report')) {
    const lines = linesOf(report.id);
    if (!lines) continue;
    const parsed = parseWorkReport(lines, report.source.file);
    const own = parsed.items.map((item, i) => taskOf(report, item, i + 1));
    const bulletin = tasks.filter((t) => t.district === report.district && t.year === report.year && t.origin !== 'work-report');
    for (const link of linkPledges(own.map((t) => ({ id: t.id, text: t.pledge.text })), bulletin.map((t) => ({ id: t.id, text: t.pledge.text })))) {
      const w = own.find((t) => t.id === link.workReportTaskId)!;
      const b = taskById.get(link.bulletinTaskId)!;
      (w.links ??= []).push({ taskId: b.id, score: link.score });
      (b.links ??= []).push({ taskId: w.id, score: link.score });
    }
    tasks.push(...own);
    report.taskIds.push(...own.map((t) => t.id));
    report.taskCount = report.taskIds.length;
    for (const issue of parsed.issues) {
      const kind: AnomalyKind = issueKind(issue.message);
      anomalies.push({ id: `${report.id}-L${issue.line}-${kind}`, reportId: report.id, file: report.source.file, line: issue.line, kind, message: issue.message, verbatim: lines[issue.line - 1] ?? '' });
    }
    report.anomalyCount += parsed.issues.length;
    indicators.push(...workReportPoints(parsed, { district: report.district, year: report.year, reportId: report.id }, report.source.file, lines));
  }

  // Bulletin rows whose pledge is a headline indicator. The annual target comes from the first report
  // that prints the task (task.source); later reports add their period targets and results.
  const reportById = new Map(data.reports.map((r) => [r.id, r]));
  for (const p of data.progress) {
    const report = reportById.get(p.reportId);
    const task = taskById.get(p.taskId);
    if (!report || !task || p.subIndex !== 0 || report.kind === 'work-report') continue;
    const row = {
      district: p.district,
      year: p.year,
      reportId: p.reportId,
      period: report.periods[report.periods.length - 1]!,
      pledge: task.pledge.text,
      pledgeSource: task.source,
      periodTargets: p.targets.map((t) => ({ text: t.text.text, period: t.period ?? report.periods[0]! })),
      rowSource: p.source,
      ...(p.result ? { result: p.result.text } : {}),
    };
    indicators.push(...rowPoints(row, task.source.file === p.source.file && task.source.lines[0] === p.source.lines[0]));
  }
  return { ...data, tasks: tasks.sort((a, b) => a.id.localeCompare(b.id)), anomalies, indicators: uniqueIds(indicators) };
}
