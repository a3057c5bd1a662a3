// npm run ingest                      parse every report in content/reports/manifest.yaml → generated/
//   [--root DIR]                       read DIR/content/ instead of this repository's (env PORTAL_CONTENT_ROOT)
//   [--out DIR]                        write the dataset to DIR (env PORTAL_DATA_DIR; default generated/)
// npm run ingest -- --check FILE [--district D] [--year Y] [--kind K] [--period P] [--json]
//                                     parse one file not yet in the manifest; writes nothing
import { readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataset } from '../src/lib/ingest/build-dataset';
import { summarise, type CheckSummary } from '../src/lib/ingest/check';
import { checkPointText } from '../src/lib/indicators/report-points';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import { parseReport } from '../src/lib/ingest/parse-report';
import { readSource, readSources } from '~/lib/ingest/read-source';
import { ProblemError, problemText, type Problem } from '~/lib/problems';
import { NameRegistry } from '../src/lib/ingest/registry';
import { outDirProblem, writeDataset } from '../src/lib/ingest/write-dataset';
import { renderingFiles } from '../src/lib/ingest/renderings';
import { sourceFileProblem } from '../src/lib/source-files';
import { STATUS_LABELS, STATUS_ORDER, reportKindSchema, periodSchema } from '../src/lib/schema';

const repo = resolve(import.meta.dirname, '..');
let root = repo;

function fail(message: string): never {
  process.stderr.write(`错误：${message}\n`);
  process.exit(1);
}

/** Every problem, one per line under a heading: what a maintainer sees. */
const listed = (heading: string, problems: readonly Problem[]) => `${heading}\n  ${problems.map(problemText).join('\n  ')}`;

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        check: { type: 'string' },
        district: { type: 'string' },
        year: { type: 'string' },
        kind: { type: 'string' },
        period: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string', default: process.env.PORTAL_DATA_DIR ?? 'generated' },
        root: { type: 'string', default: process.env.PORTAL_CONTENT_ROOT ?? repo },
      },
      allowPositionals: false,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}。用法：npm run ingest -- [--check 文件 [--district 区县] [--year 年] [--kind progress|breakdown|work-report] [--period Q3|M9|year] [--json]]`);
  }
  root = resolve(args.root!);
  if (args.check !== undefined) return check(args.check, args);
  return ingestAll(args.out!);
}

async function ingestAll(out: string) {
  // Refuse a folder the ingest did not write (e.g. --out content) before parsing anything.
  const outProblem = outDirProblem(resolve(root, out));
  if (outProblem) fail(`--out ${out}: ${outProblem}。请用默认的 generated/，或换一个不存在的或空的目录。`);
  const { inputs, problems: inputProblems } = loadInputs(root);
  if (!inputs) fail(listed('content/ 下的配置有误，未写入任何数据：', inputProblems));
  const readFile = (rel: string) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel)) : undefined);
  // Word, Excel, PDF and web pages are read first (readers are async); the dataset is then built synchronously.
  const sources = await readSources(inputs.manifest.map((e) => `content/reports/${e.file}`), readFile);
  const result = buildDataset({ ...inputs, readFile, sources });
  const problems = [...inputProblems, ...result.problems];
  if (problems.length > 0) fail(listed(`${problems.length} 个问题，未写入任何数据（原有数据保持不变）：`, problems));
  const { dataset } = result;
  const meta = {
    sources: dataset.reports.map((r) => ({ reportId: r.id, file: r.source.file, sha256: r.source.sha256, bytes: r.source.bytes })),
    counts: Object.fromEntries(Object.entries(dataset).map(([k, v]) => [k, (v as unknown[]).length])),
  };
  writeDataset(resolve(root, out), dataset, { meta }, renderingFiles(result.parsed));
  for (const r of dataset.reports) {
    const counts = STATUS_ORDER.filter((s) => r.statusCounts[s] > 0).map((s) => `${STATUS_LABELS[s]} ${r.statusCounts[s]}`).join(' · ');
    const inferred = r.inferredCounts.done + r.inferredCounts.partial + r.inferredCounts.notDone;
    console.log(`${r.id.padEnd(28)} ${r.layout.padEnd(13)} 任务 ${String(r.taskCount).padStart(3)} 行 ${String(r.rowCount).padStart(3)}  ${counts}${inferred ? `（其中推断 ${inferred}）` : ''}  异常 ${r.anomalyCount}`);
  }
  console.log(`写入 ${out}/：${dataset.reports.length} 份报告，${dataset.tasks.length} 项任务，${dataset.progress.length} 条进展，${dataset.units.length} 个单位，${dataset.leaders.length} 位领导，${dataset.anomalies.length} 条异常。`);
}

async function check(file: string, args: { district?: string; year?: string; kind?: string; period?: string; json?: boolean }) {
  const path = resolve(file);
  const shown = relative(root, path).startsWith('..') ? file : relative(root, path);
  if (!existsSync(path)) fail(`${shown}: 文件不存在。`);
  const kind = args.kind === undefined ? undefined : reportKindSchema.safeParse(args.kind);
  if (kind && !kind.success) fail(`--kind 应为 progress、breakdown 或 work-report，而不是“${args.kind}”。`);
  for (const p of args.period?.split('+') ?? []) if (!periodSchema.safeParse(p).success) fail(`--period 应为 year、Q1–Q4 或 M1–M12（多个用 + 连接），而不是“${args.period}”。`);
  const year = args.year === undefined ? undefined : Number(args.year);
  if (year !== undefined && !Number.isInteger(year)) fail(`--year 应为四位年份，而不是“${args.year}”。`);
  const { inputs } = loadInputs(root);
  const bytes = readFileSync(path);
  const refused = sourceFileProblem(shown, bytes);
  if (refused) fail(problemText(refused));
  const { reading, mismatch } = await readSource(bytes, shown);
  const parsed = parseReport(shown, bytes, { ...(kind?.success ? { kind: kind.data } : {}), ...(reading ? { reading } : {}), ...(mismatch ? { fileNotes: [mismatch] } : {}) });
  const leaders = inputs ? NameRegistry.forLeaders(inputs.leaderAliases) : undefined;
  const summary = summarise(
    parsed,
    { district: args.district, year, kind: kind?.success ? kind.data : undefined, period: args.period },
    inputs?.districts ?? [],
    (d, n) => leaders?.isKnown(d, n) ?? true,
  );
  if (args.json) {
    const { detected, ...rest } = summary;
    console.log(JSON.stringify({ ...rest, detected }, null, 2));
  } else printCheck(summary);
}

function printCheck(s: CheckSummary) {
  const d = s.detected;
  const line = (label: string, x: { value: unknown; confidence: string; basis: string }) =>
    `  ${label}：${x.value ?? '未能判断'}（${{ given: '已指定', high: '把握大', medium: '把握一般', low: '把握小' }[x.confidence]}；依据：${x.basis}）`;
  console.log(`${s.file}（${s.format}${s.format === 'text' ? '' : `，表格 ${s.tables} 个`}）`);
  console.log([line('区县', d.district), line('年份', d.year), line('类型', d.kind), line('时段', d.period)].join('\n'));
  console.log(`  任务 ${s.taskCount} 项，表格行 ${s.rowCount} 行`);
  console.log(`  原文状态：${STATUS_ORDER.map((k) => `${STATUS_LABELS[k]} ${s.statusCounts[k]}`).join(' · ')}`);
  console.log(`  推断状态：完成 ${s.inferredCounts.done} · 部分完成 ${s.inferredCounts.partial} · 未完成 ${s.inferredCounts.notDone}`);
  if (s.reportedTotals) {
    const { other, ...keyed } = s.reportedTotals;
    const parts = [...Object.entries(keyed).map(([k, n]) => `${k === 'total' ? '总数' : (STATUS_LABELS as Record<string, string>)[k] ?? k} ${n}`), ...Object.entries(other ?? {}).map(([k, n]) => `${k} ${n}`)];
    console.log(`  原文自报：${parts.join(' · ')}`);
  }
  console.log(`  异常 ${s.anomalies.length} 条${s.anomalies.map((a) => `\n    第 ${a.line} 行 [${a.kind}] ${a.message}`).join('')}`);
  console.log(`  主要指标 ${s.indicators.length} 个${s.indicators.map((i) => `\n    ${checkPointText(i)}`).join('')}`);
}

try {
  await main();
} catch (e) {
  if (e instanceof ProblemError) fail(e.message);
  // Anything else is a bug in the parser, not in the input: say so plainly, with the detail for the report.
  fail(`解析器内部错误（这是程序的缺陷，不是文件的问题）：${(e as Error).message}。请把所用文件和这条信息报告给维护者。${process.env.DEBUG ? `\n${(e as Error).stack}` : ''}`);
}
