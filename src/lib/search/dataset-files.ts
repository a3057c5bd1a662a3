// Read the generated dataset in Node (tests, bench, the build worker) with the same zod schemas the
// site's content collections use, so what is read here is what the pages see.
// A missing or invalid file is reported by name with what to do, never as a stack trace.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import {
  anomalySchema, districtSchema, indicatorPointSchema, leaderSchema, progressSchema, reportSchema, taskSchema, unitSchema,
  type Dataset as FullDataset,
} from '../schema';
import type { Dataset } from './documents';
import { dataDir } from '../data-dir';

const SCHEMAS = {
  districts: districtSchema,
  reports: reportSchema,
  tasks: taskSchema,
  progress: progressSchema,
  units: unitSchema,
  leaders: leaderSchema,
  anomalies: anomalySchema,
  indicators: indicatorPointSchema,
} as const;
type Table = keyof typeof SCHEMAS;

export class DatasetError extends Error {
  override name = 'DatasetError';
}

function readTables(dir: string, names: readonly Table[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const file = join(dir, `${name}.json`);
    if (!existsSync(file)) throw new DatasetError(`${file}: 文件不存在。请先运行 npm run ingest 生成数据集。`);
    const parsed = z.array(SCHEMAS[name] as z.ZodTypeAny).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DatasetError(`${file}: ${issue?.path.join('.')}: ${issue?.message}。请重新运行 npm run ingest。`);
    }
    out[name] = parsed.data;
  }
  return out;
}

/** The tables search needs. */
export function readDataset(dir = dataDir()): Dataset {
  return readTables(dir, ['districts', 'reports', 'tasks', 'progress', 'units', 'leaders']) as unknown as Dataset;
}

/** Every table, in file order (the order the content collections keep). */
export function readFullDataset(dir = dataDir()): FullDataset {
  return readTables(dir, Object.keys(SCHEMAS) as Table[]) as unknown as FullDataset;
}
