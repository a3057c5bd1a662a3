// content/aliases/search-synonyms.yaml: the reviewed table of everyday names and abbreviations search
// resolves (教育局 → 教体局, 棚改 → 棚户区改造). Read at build time only; a bad entry is reported with
// its file and line and what to do, and the build stops rather than ship a half-read table.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { ProblemError } from '~/lib/problems';
import { readYaml } from '~/lib/read-yaml';

const SYNONYMS_FILE = 'content/aliases/search-synonyms.yaml';

const entrySchema = z
  .object({
    forms: z.array(z.string().trim().min(1, '空的名称')).min(2, '至少要有两个名称才构成同义'),
    source: z.string().trim().min(1).optional(),
    reason: z.string().trim().min(1).optional(),
  })
  .strict()
  .refine((e) => e.source !== undefined || e.reason !== undefined, '每条都要写明 source（出处）或 reason（理由）');

export const synonymsFileSchema = z
  .object({
    bodies: z.array(entrySchema).default([]),
    abbreviations: z.array(entrySchema).default([]),
    terms: z.array(z.string().trim().min(2, '常用词至少两个字')).default([]),
  })
  .strict();

export type SynonymsFile = z.infer<typeof synonymsFileSchema>;

/** The table cannot be used: every problem with its line, and the build stops. */
export class SynonymsError extends ProblemError {}

/** Parse the table's text; every problem names the file, the line, what is wrong and what to do. */
export function parseSynonyms(text: string, file = SYNONYMS_FILE): SynonymsFile {
  const parsed = readYaml(file, text, synonymsFileSchema, '请按文件开头的格式改正这一条后重新构建。');
  if (!parsed.value) throw new SynonymsError(parsed.problems);
  const seen = new Map<string, number>();
  parsed.value.bodies.concat(parsed.value.abbreviations).forEach((e, i) => {
    for (const f of e.forms) {
      if (seen.has(f) && seen.get(f) !== i) throw new SynonymsError({ file, message: `“${f}”出现在两条同义词里：同一名称只能属于一组`, hint: '请合并这两条。' });
      seen.set(f, i);
    }
  });
  return parsed.value;
}

/** Read the table from a checkout (the repository root by default); a missing file is an empty table. */
export function readSynonyms(root = '.'): SynonymsFile {
  const path = join(root, SYNONYMS_FILE);
  if (!existsSync(path)) return { bodies: [], abbreviations: [], terms: [] };
  return parseSynonyms(readFileSync(path, 'utf8'));
}
