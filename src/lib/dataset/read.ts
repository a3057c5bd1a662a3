// Reads the generated dataset in Node (the build worker, tests, benches, the search CLI) through the same
// zod schemas as the content collections, so what is read here is what the pages see. Every problem in
// every file is collected (file, where in it, what is wrong) and thrown together as one DatasetError
// that says what to do: never a stack trace, never only the first problem.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { dataDir } from '../data-dir';
import { readText } from '../read-text';
import { ProblemError, zodProblems, type Problem } from '../problems';
import { COLLECTION_NAMES, COLLECTIONS, reportDistricts, type CollectionName, type Dataset } from './collections';
import { currentSlice, type Slice } from './slice';
import { sliceRows } from './slice-rows';

/** One problem with one file of the dataset (src/lib/problems.ts). */
export type DatasetProblem = Problem;

const REINGEST = '请重新运行 npm run ingest 生成数据集。';

/** The dataset in generated/ cannot be used: every problem of every file. */
export class DatasetError extends ProblemError {}

function readOne(dir: string, name: CollectionName, slice: Slice, problems: DatasetProblem[], reports: () => Map<string, string>): unknown[] | undefined {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) {
    problems.push({ file, message: '文件不存在', hint: '请先运行 npm run ingest 生成数据集。' });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readText(file));
  } catch (e) {
    problems.push({ file, message: `不是有效的 JSON：${(e as Error).message}`, hint: REINGEST });
    return undefined;
  }
  if (!Array.isArray(raw)) {
    problems.push({ file, message: '应为数组（每条记录一项）', hint: REINGEST });
    return undefined;
  }
  // Filter before validating: a shard checks (and pays for) only the rows it loads, as the content collections do.
  const rows = sliceRows(slice, name, raw, name === 'anomalies' && slice.kind === 'districts' ? reports() : undefined);
  const parsed = z.array(COLLECTIONS[name] as z.ZodType).safeParse(rows);
  if (parsed.success) return parsed.data;
  problems.push(...zodProblems(file, parsed.error, { hint: REINGEST }));
  return undefined;
}

/** Report id → district from `dir`/reports.json, for slicing the anomalies (which name only their report). */
export function reportDistrictsIn(dir: string): Map<string, string> {
  try {
    const rows: unknown = JSON.parse(readText(join(dir, 'reports.json')));
    return reportDistricts(Array.isArray(rows) ? rows : []);
  } catch {
    // Missing or broken: reading reports.json itself reports it; no anomaly can be placed meanwhile.
    return new Map();
  }
}

/** Some collections of the dataset in `dir`, the rows `slice` loads, in file order. Throws DatasetError. */
export function readCollections<K extends CollectionName>(names: readonly K[], dir = dataDir(), slice: Slice = currentSlice()): Pick<Dataset, K> {
  const problems: DatasetProblem[] = [];
  const out: Partial<Record<CollectionName, unknown[]>> = {};
  let byReport: Map<string, string> | undefined;
  const reports = () => (byReport ??= reportDistrictsIn(dir));
  for (const name of names) out[name] = readOne(dir, name, slice, problems, reports);
  if (problems.length > 0) throw new DatasetError(problems);
  return out as Pick<Dataset, K>;
}

/** Every collection of the dataset in `dir` (default generated/), the rows `slice` loads. Throws DatasetError. */
export function readDataset(dir = dataDir(), slice: Slice = currentSlice()): Dataset {
  return readCollections(COLLECTION_NAMES, dir, slice);
}
