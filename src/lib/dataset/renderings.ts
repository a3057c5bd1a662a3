// Reads generated/renderings/<reportId>.json (written by the ingest: a source file's lines as the portal
// counts them) for the source view pages, validated like the collections (read.ts): a missing or
// invalid file is a DatasetError listing every problem and what to do.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data-dir';
import { renderingSchema, type Rendering } from '../schema/rendering';
import { zodProblems } from '../problems';
import { DatasetError } from './read';

const pathOf = (reportId: string, dir: string) => join(dir, 'renderings', `${reportId}.json`);

export const hasRendering = (reportId: string, dir = dataDir()): boolean => existsSync(pathOf(reportId, dir));

/** The rendering of report `reportId`, whose source is `file` (named in the error). */
export function readRendering(reportId: string, file: string, dir = dataDir()): Rendering {
  const path = pathOf(reportId, dir);
  const hint = '请重新运行 npm run ingest（它为每份报告写出 renderings/<报告编号>.json）。';
  if (!existsSync(path)) throw new DatasetError([{ file: path, message: `缺少 ${file} 的逐行文本，源文件页无法生成`, hint }]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DatasetError([{ file: path, message: `不是有效的 JSON：${(e as Error).message}`, hint }]);
  }
  const parsed = renderingSchema.safeParse(raw);
  if (!parsed.success) throw new DatasetError(zodProblems(path, parsed.error, { hint }));
  return parsed.data;
}
