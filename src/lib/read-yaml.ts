// A YAML file a maintainer edits (content/*.yaml), parsed and checked against its zod schema. Every
// problem comes back at once, with the line of the field at fault (src/lib/problems.ts).
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { zodProblems, type Problem } from './problems';

/**
 * Parse a YAML file against a schema. Problems are returned, not thrown, each with the file, the line of
 * the field at fault and its path, so a maintainer sees every mistake at once.
 */
export function readYaml<T>(file: string, text: string, schema: z.ZodType<T>, hint?: string): { value?: T; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { problems: [{ file, line: lineCounter.linePos(e.pos[0]).line, message: `YAML 语法错误：${e.message.split('\n')[0]}`, ...(hint ? { hint } : {}) }] };
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { value: result.data, problems: [] };
  // The deepest node the path reaches gives the line (a missing key points at its entry).
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let k = path.length; k > 0; k--) {
      const node = doc.getIn(path.slice(0, k) as (string | number)[], true);
      const start = isNode(node) ? node.range?.[0] : undefined;
      if (start !== undefined) return lineCounter.linePos(start).line;
    }
    return undefined;
  };
  return { problems: zodProblems(file, result.error, { lineOf, ...(hint ? { hint } : {}) }) };
}
