// content/aliases/search-synonyms.yaml: the reviewed table of everyday names and abbreviations search
// resolves (教育局 → 教体局, 棚改 → 棚户区改造). Read at build time only; a bad entry is reported with
// its file and line and what to do, and the build stops rather than ship a half-read table.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'astro/zod';

export const SYNONYMS_FILE = 'content/aliases/search-synonyms.yaml';

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

export class SynonymsError extends Error {
  override name = 'SynonymsError';
}

/** Parse the table's text; every problem is reported as `file:line: what — what to do`. */
export function parseSynonyms(text: string, file = SYNONYMS_FILE): SynonymsFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (offset: number | undefined) => (offset === undefined ? '' : `:${lines.linePos(offset).line}`);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new SynonymsError(`${file}${lineOf(e.pos[0])}: YAML 语法错误：${e.message.split('\n')[0]}。请按文件开头的格式改正。`);
  }
  const parsed = synonymsFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      // The deepest node the path reaches gives the line (a missing key points at its entry).
      let node: unknown = doc.contents;
      for (let k = 0; k < i.path.length; k++) {
        const next = doc.getIn(i.path.slice(0, k + 1), true);
        if (!isNode(next)) break;
        node = next;
      }
      const offset = isNode(node) ? node.range?.[0] : undefined;
      return `${file}${lineOf(offset)}: ${i.path.join('.') || '(根)'}: ${i.message}。请改正这一条后重新构建。`;
    });
    throw new SynonymsError(problems.join('\n'));
  }
  const seen = new Map<string, number>();
  parsed.data.bodies.concat(parsed.data.abbreviations).forEach((e, i) => {
    for (const f of e.forms) {
      if (seen.has(f) && seen.get(f) !== i) throw new SynonymsError(`${file}: “${f}”出现在两条同义词里：同一名称只能属于一组，请合并这两条。`);
      seen.set(f, i);
    }
  });
  return parsed.data;
}

/** Read the table from a checkout (the repository root by default); a missing file is an empty table. */
export function readSynonyms(root = '.'): SynonymsFile {
  const path = join(root, SYNONYMS_FILE);
  if (!existsSync(path)) return { bodies: [], abbreviations: [], terms: [] };
  return parseSynonyms(readFileSync(path, 'utf8'));
}
