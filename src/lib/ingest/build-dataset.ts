import type { Anomaly, Dataset, District, Leader, Period, Progress, Report, Task, Unit } from '../schema';
import { extendDataset } from '../workreport/extend-dataset';
import { emptyStatusCounts } from '../schema';
import type { Problem } from '../problems';
import { IngestError } from './errors';
import { periodsOf, type LeaderAliases, type ManifestEntry, type UnitAliases } from './manifest';
import { parseReport, type ParsedReport } from './parse-report';
import { NameRegistry, unknownLeaderAnomaly } from './registry';
import { periodEndMonth, periodLabel, reportSlug } from './slug';
import { sha256Hex } from './hash';
import type { SourceReading } from './read-source';
import { detectFormat, formatName } from './readers/detect';
import { ReaderError, type SourceFormat } from './readers/types';
import { countedFor } from './reported-totals';
import { ANOMALIES_PER_REPORT_MAX, NAME_MAX } from '../limits';
import { sourceFileProblem } from '../source-files';
import { paths } from '../urls';

export type { Dataset } from '../schema';

export interface BuildInput {
  districts: District[];
  manifest: ManifestEntry[];
  unitAliases: UnitAliases;
  leaderAliases: LeaderAliases;
  /** Reads a file named relative to the repository; returns undefined when it does not exist. */
  readFile: (repoPath: string) => Uint8Array | undefined;
  /** Directory of the report files, relative to the repository. */
  reportsDir?: string;
  /**
   * Files already read by their format reader (read-source.ts `readSources`, async), by repository path:
   * Word, Excel, PDF and web pages are parsed from these readings; text files from their bytes.
   */
  sources?: { readings: Map<string, SourceReading | ReaderError>; mismatches: Map<string, string> };
}

export interface BuildResult {
  dataset: Dataset;
  /** Problems that stop the dataset from being written, each with where and how to fix. */
  problems: Problem[];
  parsed: { entry: ManifestEntry; report: Report; parsed: ParsedReport }[];
}

const pad = (n: number) => String(n).padStart(3, '0');

/** Parse every manifest entry and assemble one dataset. Pure: all I/O comes through `readFile`. */
export function buildDataset(input: BuildInput): BuildResult {
  const dir = input.reportsDir ?? 'content/reports';
  const problems: Problem[] = [];
  const districtIds = new Set(input.districts.map((d) => d.id));
  const seenFiles = new Set<string>();
  const seenReports = new Map<string, string>();
  const parsed: BuildResult['parsed'] = [];

  input.manifest.forEach((entry, i) => {
    const file = `${dir}/${entry.file}`;
    const manifest = `${dir}/manifest.yaml`;
    const entryName = `reports[${i}]`;
    if (!districtIds.has(entry.district)) {
      problems.push({ file: manifest, message: `${entryName}: 区县 “${entry.district}” 不在 content/districts.yaml 中`, hint: '请先在那里登记该区县。' });
      return;
    }
    if (seenFiles.has(entry.file)) {
      problems.push({ file: manifest, message: `${entryName}: 文件 ${entry.file} 在清单中出现了两次`, hint: '请删除重复的条目。' });
      return;
    }
    seenFiles.add(entry.file);
    const periods = periodsOf(entry) as Period[];
    const slug = reportSlug(entry.kind, periods);
    const id = `${entry.district}-${entry.year}-${slug}`;
    if (seenReports.has(id)) {
      problems.push({ file: manifest, message: `${entryName}: 与 ${seenReports.get(id)} 是同一份报告（${entry.district} ${entry.year} ${slug}）：同一报告不能登记两次`, hint: '请删除其一或更正 period/kind。' });
      return;
    }
    seenReports.set(id, entry.file);
    const bytes = input.readFile(file);
    if (!bytes) {
      problems.push({ file: manifest, message: `${entryName}: 清单指向的文件 ${file} 不存在`, hint: '请把原件放到该路径，或更正清单中的 file。' });
      return;
    }
    const refused = sourceFileProblem(file, bytes);
    if (refused) {
      problems.push(refused);
      return;
    }
    const reading = input.sources?.readings.get(file);
    if (reading instanceof ReaderError) {
      problems.push(...reading.problems);
      return;
    }
    if (!reading) {
      let format: SourceFormat;
      try {
        format = detectFormat(bytes, file).format;
      } catch (e) {
        if (!(e instanceof ReaderError)) throw e;
        problems.push(...e.problems);
        return;
      }
      if (format !== 'text') {
        problems.push({ file, message: `这是${formatName(format)}文件，需要先由读取器读出（scripts/ingest.ts 先调用 readSources）`, hint: '请用 npm run ingest 导入。' });
        return;
      }
    }
    const mismatch = input.sources?.mismatches.get(file);
    let p: ParsedReport;
    try {
      p = parseReport(file, bytes, { kind: entry.kind, ...(reading ? { reading } : {}), ...(mismatch ? { fileNotes: [mismatch] } : {}) });
    } catch (e) {
      if (e instanceof IngestError) {
        problems.push(...e.problems);
        return;
      }
      throw e;
    }
    const flood = anomalyFlood(file, p);
    if (flood) {
      problems.push(flood);
      return;
    }
    problems.push(...manifestDisagreements(file, entry, periods, p));
    parsed.push({ entry, parsed: p, report: reportOf(id, slug, entry, periods, file, bytes, p) });
  });

  parsed.sort((a, b) => a.report.district.localeCompare(b.report.district) || a.report.year - b.report.year || a.report.periodEndMonth - b.report.periodEndMonth || a.report.id.localeCompare(b.report.id));
  // Work reports add their pledges as tasks, links to bulletin tasks, and indicator points (src/lib/workreport).
  const base = assemble(input, parsed);
  const linesById = new Map(parsed.map((x) => [x.report.id, x.parsed.lines]));
  const dataset = { ...base, ...extendDataset(base, (id) => linesById.get(id)) };
  fillWhere(dataset, parsed);
  return { dataset, problems, parsed };
}

/**
 * Provenance made after parsing (work-report pledges, indicator points) cites canonical lines of a file read
 * from Word, Excel, PDF or a web page: give it the place in the original too, as table rows already have.
 */
function fillWhere(dataset: Dataset, parsed: BuildResult['parsed']): void {
  const byFile = new Map(parsed.filter((x) => x.parsed.where).map((x) => [x.report.source.file, x.parsed]));
  if (byFile.size === 0) return;
  const fill = (source: { file: string; lines: [number, number]; where?: string }) => {
    const p = byFile.get(source.file);
    if (!p || source.where) return;
    const where = whereOf(p, source.lines[0], source.lines[1]);
    if (where) source.where = where;
  };
  for (const t of dataset.tasks) fill(t.source);
  for (const x of dataset.progress) fill(x.source);
  for (const i of dataset.indicators) fill(i.source);
}

/** A report with more anomalies than ANOMALIES_PER_REPORT_MAX is not a table the parser understands: refused, with counts. */
function anomalyFlood(file: string, p: ParsedReport): Problem | undefined {
  if (p.anomalies.length <= ANOMALIES_PER_REPORT_MAX) return undefined;
  const byKind = new Map<string, number>();
  for (const a of p.anomalies) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  const first = p.anomalies.reduce((m, a) => Math.min(m, a.line), Infinity);
  const kinds = [...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join('、');
  return {
    file,
    line: first,
    message: `有 ${p.anomalies.length} 处无法整理（${kinds}），超过每份文件 ${ANOMALIES_PER_REPORT_MAX} 处的上限（src/lib/limits.ts）：这不像一份能整理的表格，可能混入了别的内容或转换出错。`,
    hint: `请对照原件核对该文件（第一处在第 ${first} 行），删去表格以外混入的内容后再导入。`,
  };
}

/** A unit or leader name over NAME_MAX: kept as printed (its URL is shortened), and flagged. */
function tooLongName(what: string, name: string, line: number) {
  const n = [...name].length;
  return n <= NAME_MAX ? [] : [{ line, kind: 'too-long' as const, message: `${what}“${[...name].slice(0, 20).join('')}…”长 ${n} 个字，超过 ${NAME_MAX} 字的上限：多半是几个单元格连在了一起；名称照原文保留，网址已缩短。请对照原件核对。` }];
}

/** The manifest must agree with what the document prints about itself (year and period in its title). */
function manifestDisagreements(file: string, entry: ManifestEntry, periods: Period[], p: ParsedReport): Problem[] {
  const out: Problem[] = [];
  const hint = '请核对后更正 content/reports/manifest.yaml。';
  const t = p.printed.title;
  if (t && p.printed.year !== undefined && p.printed.year !== entry.year) {
    out.push({ file, line: t.line, message: `标题写的是 ${p.printed.year} 年，清单写的是 ${entry.year} 年`, hint });
  }
  if (t && p.printed.periods && entry.kind !== 'work-report' && p.printed.periods.join(',') !== periods.join(',')) {
    out.push({ file, line: t.line, message: `标题写的时段是 ${p.printed.periods.join('、')}，清单写的是 ${periods.join('、')}`, hint });
  }
  const headerPeriods = p.columns.flatMap((c) => (c.key === 'target' && c.period ? [c.period] : []));
  if (headerPeriods.length > 0 && headerPeriods.join(',') !== periods.join(',')) {
    out.push({ file, line: p.headerLine, message: `表头的目标时段是 ${headerPeriods.join('、')}，清单写的是 ${periods.join('、')}`, hint });
  }
  return out;
}

/** The location label of source lines a..b in the original file (表格1第3行), when the file is not text. */
function whereOf(p: ParsedReport, a: number, b: number): string | undefined {
  const first = p.where?.[a - 1];
  const last = p.where?.[b - 1];
  if (!first) return last ?? undefined;
  return last && last !== first ? `${first}–${last}` : first;
}

function reportOf(id: string, slug: string, entry: ManifestEntry, periods: Period[], file: string, bytes: Uint8Array, p: ParsedReport): Report {
  const d = p.decoded;
  const report: Report = {
    id,
    slug,
    district: entry.district,
    year: entry.year,
    kind: entry.kind,
    periods,
    periodLabel: periodLabel(periods),
    periodEndMonth: periodEndMonth(entry.kind, periods),
    title: entry.title,
    source: {
      file,
      publicPath: paths.source(file),
      sha256: sha256Hex(bytes),
      bytes: bytes.length,
      format: p.format,
      ...(d ? { encoding: d.encoding, bom: d.bom, lineEnding: d.lineEnding } : {}),
      ...(p.tableCount !== undefined ? { tables: p.tableCount } : {}),
      lineCount: p.lines.length,
    },
    layout: p.layout,
    columns: p.columns,
    preamble: p.preamble,
    footnotes: p.footnotes,
    taskIds: [],
    progressIds: [],
    taskCount: 0,
    rowCount: p.rows.length,
    statusCounts: emptyStatusCounts(),
    inferredCounts: { done: 0, partial: 0, notDone: 0 },
    anomalyCount: 0,
  };
  if (p.headerLine) report.headerLine = p.headerLine;
  report.tables = p.tables.map((t) => ({
    number: t.index + 1, layout: t.layout, ...(t.title ? { title: t.title } : {}),
    ...(t.headerLine ? { headerLine: t.headerLine } : {}), ...(t.headerEndLine ? { headerEndLine: t.headerEndLine } : {}),
    columns: t.columns, rowCount: t.rowCount,
  }));
  if (p.reportedTotals.length > 0) report.reportedTotals = p.reportedTotals.map((t) => {
    const counted = countedFor(t.key, p.rows);
    return counted === undefined ? t : { ...t, counted };
  });
  const printedOr = <T,>(manifest: T | undefined, printed: T | undefined) => manifest ?? printed;
  const issuer = printedOr(entry.issuer, p.printed.issuer?.text);
  const docNumber = printedOr(entry.docNumber, p.printed.docNumber?.text);
  const date = printedOr(entry.date, p.printed.date?.iso ?? p.meta?.date);
  const speaker = printedOr(entry.speaker, p.speaker?.name);
  const speakerTitle = printedOr(entry.speakerTitle, p.speaker?.title);
  if (issuer) report.issuer = issuer;
  if (docNumber) report.docNumber = docNumber;
  if (date) report.date = date;
  if (speaker) report.speaker = speaker;
  if (speakerTitle) report.speakerTitle = speakerTitle;
  if (entry.occasion) report.occasion = entry.occasion;
  if (entry.note) report.note = entry.note;
  // Prose (a work report) and prose bulletins keep their whole text for the page: their narrative is not in any row.
  if (p.layout === 'prose' || p.layout === 'prose-bulletin') report.text = p.lines.join('\n');
  return report;
}

function assemble(input: BuildInput, parsed: BuildResult['parsed']): Omit<Dataset, 'indicators'> {
  const units = NameRegistry.forUnits(input.unitAliases);
  const leaders = NameRegistry.forLeaders(input.leaderAliases);
  const tasks = new Map<string, Task>();
  const progress: Progress[] = [];
  const anomalies: Anomaly[] = [];

  for (const { report, parsed: p } of parsed) {
    const drafts = [...p.anomalies];
    const verbatim = (a: number, b: number) => p.lines.slice(a - 1, b).join('\n');
    for (const row of p.rows) {
      // Tables after the first number their rows afresh: their ids carry the table (…-t2-001), the first table's do not.
      const table = row.table > 0 ? `t${row.table + 1}-` : '';
      const taskId = `${report.district}-${report.year}-${table}${pad(row.number)}`;
      const rowId = `${report.id}-${table}${row.number}`;
      const progressId = row.subIndex === 0 ? rowId : `${rowId}-s${row.subIndex}`;
      const where = whereOf(p, row.startLine, row.endLine);
      const source = { file: report.source.file, lines: [row.startLine, row.endLine] as [number, number], verbatim: verbatim(row.startLine, row.endLine), ...(where ? { where } : {}) };
      const split = input.unitAliases[report.district]?.splits ?? {};
      const rowUnits = row.units.flatMap((u) => (split[u.name] ? split[u.name]!.map((name) => ({ ...u, name })) : [u]));
      const unitRefs = rowUnits.map((u) => {
        drafts.push(...tooLongName('责任单位', u.name, row.startLine));
        const { id, name } = units.add(report.district, u.name, printedName(u.printed), taskId);
        return { unitId: id, name, printed: u.printed, role: u.role, ...(u.via ? { via: units.add(report.district, u.via, u.via, taskId).id } : {}) };
      });
      // A name matching no known person is kept as printed and flagged, never made a person of its own.
      const uncertainLeaders: NonNullable<Progress['uncertainLeaders']> = [];
      const leaderRefs = row.leaders.flatMap((l) => {
        drafts.push(...tooLongName('分管区领导', l.name, row.startLine));
        if (!leaders.isKnown(report.district, l.name)) {
          const a = unknownLeaderAnomaly(l.printed, row.startLine);
          drafts.push(a);
          const n = drafts.filter((x) => x.line === a.line && x.kind === a.kind).length;
          const base = `${report.id}-L${a.line}-${a.kind}`;
          uncertainLeaders.push({ name: l.name, printed: l.printed, anomalyId: n === 1 ? base : `${base}-${n}` });
          return [];
        }
        const { id, name } = leaders.add(report.district, l.name, l.printed, taskId);
        return [{ leaderId: id, name, printed: l.printed }];
      });
      const entry: Progress = {
        id: progressId,
        taskId,
        reportId: report.id,
        district: report.district,
        year: report.year,
        number: row.number,
        subIndex: row.subIndex,
        targets: row.targets,
        status: row.status.status,
        statusSource: row.status.statusSource,
        units: unitRefs,
        unitsPrinted: row.unitsPrinted,
        leaders: leaderRefs,
        extra: row.extra,
        source,
      };
      if (row.table > 0) entry.table = row.table + 1;
      if (row.group) entry.group = row.group;
      if (row.pledge) entry.pledge = row.pledge;
      if (row.subGoal) entry.subGoal = row.subGoal;
      if (row.result) entry.result = row.result;
      if (row.status.statusPhrase) entry.statusPhrase = row.status.statusPhrase;
      if (row.leadersPrinted !== undefined) entry.leadersPrinted = row.leadersPrinted;
      if (uncertainLeaders.length > 0) entry.uncertainLeaders = uncertainLeaders;
      progress.push(entry);
      report.progressIds.push(progressId);
      countStatus(report, entry);

      let task = tasks.get(taskId);
      if (!task) {
        task = {
          id: taskId, district: report.district, year: report.year, number: row.number,
          pledge: row.pledge ?? { text: '', html: '' },
          subTargets: [], unitIds: [], leadUnitIds: [], leaderIds: [], progressIds: [], reportIds: [],
          latestStatus: entry.status, latestStatusSource: entry.statusSource, latestReportId: report.id, source,
        };
        if (row.table > 0) task.table = row.table + 1;
        if (row.group) task.group = row.group;
        tasks.set(taskId, task);
      }
      if (row.subIndex === 0) {
        if (!task.reportIds.includes(report.id)) {
          task.reportIds.push(report.id);
          report.taskIds.push(taskId);
        }
        task.progressIds.push(progressId);
        // Reports are processed in time order, so the last one seen is the latest.
        task.latestStatus = entry.status;
        task.latestStatusSource = entry.statusSource;
        task.latestReportId = report.id;
        if (row.subGoal && !task.subTargets.some((s) => s.index === 0)) task.subTargets.push({ index: 0, text: row.subGoal.text });
      } else if (!task.subTargets.some((s) => s.index === row.subIndex)) {
        task.subTargets.push({ index: row.subIndex, text: row.subGoal?.text ?? row.targets[0]?.text.text ?? '' });
      }
      for (const u of unitRefs) {
        if (!task.unitIds.includes(u.unitId)) task.unitIds.push(u.unitId);
        if (u.role === 'lead' && !task.leadUnitIds.includes(u.unitId)) task.leadUnitIds.push(u.unitId);
      }
      for (const l of leaderRefs) if (!task.leaderIds.includes(l.leaderId)) task.leaderIds.push(l.leaderId);
    }
    report.taskCount = report.taskIds.length;
    const seen = new Map<string, number>();
    for (const a of drafts) {
      const base = `${report.id}-L${a.line}-${a.kind}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const where = p.where?.[a.line - 1];
      anomalies.push({ id: n === 1 ? base : `${base}-${n}`, reportId: report.id, file: report.source.file, line: a.line, ...(where ? { where } : {}), kind: a.kind, message: a.message, verbatim: p.lines[a.line - 1] ?? '' });
    }
    report.anomalyCount = drafts.length;
  }

  const unitList: Unit[] = units.list().map((u) => ({ ...u, aliases: unitAliases(u.name, input.unitAliases[u.district]?.aliases[u.name] ?? []) }));
  return {
    districts: input.districts,
    reports: parsed.map((x) => x.report),
    tasks: [...tasks.values()].sort((a, b) => a.id.localeCompare(b.id)),
    progress,
    units: unitList,
    leaders: leaders.list(),
    anomalies,
  };
}

/** The name as printed, without its role mark: "区行政审批 服务局 (牵头)" → "区行政审批 服务局". */
function printedName(printed: string): string {
  return printed.replace(/[（(]\s*牵\s*头\s*[）)]|\s牵头$/g, '').trim();
}

/** Search aliases: curated ones plus the short name without the leading 区/市 (发改局 for 区发改局). */
function unitAliases(name: string, curated: string[]): string[] {
  const out = new Set(curated);
  const short = name.replace(/^(区|市)/, '');
  if (short !== name && short.length >= 2) out.add(short);
  return [...out].sort();
}

function countStatus(report: Report, p: Progress) {
  if (p.statusSource === 'stated' || p.status === 'planned') report.statusCounts[p.status]++;
  else report.statusCounts.unstated++;
  if (p.statusSource === 'inferred' && (p.status === 'done' || p.status === 'partial' || p.status === 'notDone')) report.inferredCounts[p.status]++;
}
