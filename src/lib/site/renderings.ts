// Reads generated/renderings/<reportId>.json (written by the ingest) for the source view pages.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data-dir';
import { ProblemError, zodProblems } from '../problems';
import { renderingSchema, type Rendering } from '../schema/rendering';

const pathOf = (reportId: string) => join(dataDir(), 'renderings', `${reportId}.json`);

export const hasRendering = (reportId: string): boolean => existsSync(pathOf(reportId));

export function readRendering(reportId: string, file: string): Rendering {
  const path = pathOf(reportId);
  if (!existsSync(path)) {
    throw new ProblemError({ file: path, message: `缺少 ${file} 的逐行文本，源文件页无法生成`, hint: '请重新运行 npm run ingest（它为每份报告写出 renderings/<报告编号>.json）。' });
  }
  const parsed = renderingSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new ProblemError(zodProblems(path, parsed.error, { hint: '请重新运行 npm run ingest。' }));
  return parsed.data;
}
