// Read a Frictionless field type off the dataset's zod schemas, so the data package says what the
// schema promises instead of what someone remembered to write down.
import type { z } from 'astro/zod';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

interface Def { type: string; innerType?: ZodLike; element?: ZodLike; shape?: Record<string, ZodLike>; items?: ZodLike[]; entries?: Record<string, string> }
interface ZodLike { _zod: { def: Def }; isInt?: boolean }

const def = (s: ZodLike): Def => s._zod.def;

/** Peel optional/nullable/default wrappers. Returns the inner schema and whether a value may be missing. */
function unwrap(s: ZodLike): { schema: ZodLike; optional: boolean } {
  let optional = false;
  let cur = s;
  for (;;) {
    const d = def(cur);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType) {
      optional = true;
      cur = d.innerType;
    } else return { schema: cur, optional };
  }
}

/**
 * The schema at a dotted path ("pledge.text", "source.lines.0", "targets.*.text").
 * Throws naming the path when the schema has no such field: a column pointing at a field the
 * schema dropped must fail the build, not print an empty column.
 */
export function schemaAt(root: z.ZodType, path: string): { schema: ZodLike; optional: boolean; enumValues?: string[] } {
  let cur = root as unknown as ZodLike;
  let optional = false;
  for (const part of path.split('.')) {
    const u = unwrap(cur);
    optional ||= u.optional;
    const d = def(u.schema);
    let next: ZodLike | undefined;
    if (d.type === 'object' && d.shape) next = d.shape[part];
    else if (d.type === 'array' && part === '*') next = d.element;
    else if (d.type === 'tuple' && /^\d+$/.test(part)) next = d.items?.[Number(part)];
    if (!next) throw new Error(`opendata: 数据模式中没有字段 "${path}"（在 "${part}" 处找不到）；请在 src/lib/opendata/tables.ts 中更正该列的 from 路径。`);
    cur = next;
  }
  const u = unwrap(cur);
  const d = def(u.schema);
  return { schema: u.schema, optional: optional || u.optional, enumValues: d.type === 'enum' && d.entries ? Object.values(d.entries) : undefined };
}

/** Frictionless type of a scalar schema; lists are joined into one CSV cell, so they are strings. */
export function fieldTypeOf(s: ZodLike): FieldType {
  const d = def(s);
  if (d.type === 'number') return s.isInt ? 'integer' : 'number';
  if (d.type === 'boolean') return 'boolean';
  return 'string';
}
