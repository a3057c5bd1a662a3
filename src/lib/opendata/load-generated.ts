// Read the generated dataset from disk through the same zod schemas the content collections use
// (tests and scripts; pages use astro:content). A file that fails its schema is reported by name.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { anomalySchema, districtSchema, leaderSchema, progressSchema, reportSchema, taskSchema, unitSchema } from '../schema';
import type { Dataset } from './dataset';

const SCHEMAS = {
  districts: districtSchema, reports: reportSchema, tasks: taskSchema, progress: progressSchema,
  units: unitSchema, leaders: leaderSchema, anomalies: anomalySchema,
} satisfies Record<keyof Dataset, z.ZodType>;

export function generatedExists(dir = 'generated'): boolean {
  return Object.keys(SCHEMAS).every((k) => existsSync(join(dir, `${k}.json`)));
}

export function loadGenerated(dir = 'generated'): Dataset {
  const out: Partial<Dataset> = {};
  for (const [key, schema] of Object.entries(SCHEMAS)) {
    const file = join(dir, `${key}.json`);
    const parsed = (schema.array() as z.ZodType).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: 不符合数据模式：${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')} ${i.message}`).join('；')}。请重新运行 npm run ingest。`);
    (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out as Dataset;
}
