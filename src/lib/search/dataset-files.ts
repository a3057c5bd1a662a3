// Read the generated dataset in Node (tests, bench) with the same zod schemas the site uses.
// A missing or invalid file is reported by name with what to do, never as a stack trace.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { districtSchema, leaderSchema, progressSchema, reportSchema, taskSchema, unitSchema } from '../schema';
import type { Dataset } from './documents';

const FILES = {
  districts: districtSchema,
  reports: reportSchema,
  tasks: taskSchema,
  progress: progressSchema,
  units: unitSchema,
  leaders: leaderSchema,
} as const;

export class DatasetError extends Error {}

export function readDataset(dir = process.env.PORTAL_DATA_DIR ?? 'generated'): Dataset {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(FILES)) {
    const file = join(dir, `${name}.json`);
    if (!existsSync(file)) throw new DatasetError(`${file}: 文件不存在。请先运行 npm run ingest 生成数据集。`);
    const parsed = z.array(schema as z.ZodTypeAny).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DatasetError(`${file}: ${issue?.path.join('.')}: ${issue?.message}。请重新运行 npm run ingest。`);
    }
    out[name] = parsed.data;
  }
  return out as unknown as Dataset;
}
