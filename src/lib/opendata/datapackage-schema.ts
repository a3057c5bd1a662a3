// The required parts of the Frictionless Data Package (v1) and Table Schema specs, as zod, so the
// datapackage.json we publish is checked against the spec, not against itself.
// https://specs.frictionlessdata.io/data-package/ · /data-resource/ · /tabular-data-resource/ · /table-schema/
import { z } from 'astro/zod';

/** Package and resource names: lower-case alphanumerics with . _ - and / only. */
const frictionlessName = z.string().regex(/^([-a-z0-9._/])+$/, 'name: 只能含小写字母、数字和 . _ - /');

/** A path is a POSIX relative path or a URL: never absolute, never climbing out with "..". */
const resourcePath = z.string().refine((p) => /^https?:\/\//.test(p) || (!p.startsWith('/') && !p.split('/').includes('..') && !p.includes('\\')), 'path: 必须是相对路径（不以 / 开头，不含 ..）或 http(s) 网址');

const TABLE_SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'] as const;

const tableSchemaSchema = z.object({
  fields: z.array(z.object({
    name: z.string().min(1),
    title: z.string().optional(),
    description: z.string().optional(),
    type: z.enum(TABLE_SCHEMA_TYPES).optional(),
    format: z.string().optional(),
    constraints: z.object({ required: z.boolean().optional(), unique: z.boolean().optional(), enum: z.array(z.unknown()).optional() }).optional(),
  })).min(1),
  primaryKey: z.union([z.string(), z.array(z.string())]).optional(),
  foreignKeys: z.array(z.object({
    fields: z.union([z.string(), z.array(z.string())]),
    reference: z.object({ resource: z.string(), fields: z.union([z.string(), z.array(z.string())]) }),
  })).optional(),
  missingValues: z.array(z.string()).optional(),
}).superRefine((s, ctx) => {
  const names = new Set(s.fields.map((f) => f.name));
  if (names.size !== s.fields.length) ctx.addIssue({ code: 'custom', message: 'fields: 字段名重复' });
  const keys = [s.primaryKey ?? [], ...(s.foreignKeys ?? []).map((k) => k.fields)].flat();
  for (const k of keys) if (!names.has(k)) ctx.addIssue({ code: 'custom', message: `primaryKey/foreignKeys: 字段 ${k} 不在 fields 中` });
});

const dataResourceSchema = z.object({
  name: frictionlessName,
  path: z.union([resourcePath, z.array(resourcePath).min(1)]),
  profile: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  format: z.string().optional(),
  mediatype: z.string().regex(/^[-\w.+]+\/[-\w.+]+$/).optional(),
  encoding: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  /** MD5 hex, or "<algorithm>:<hex>". */
  hash: z.string().regex(/^([a-z0-9-]+:)?[0-9a-f]+$/).optional(),
  schema: tableSchemaSchema.optional(),
  dialect: z.object({ delimiter: z.string().optional(), lineTerminator: z.string().optional(), header: z.boolean().optional(), quoteChar: z.string().optional(), doubleQuote: z.boolean().optional() }).optional(),
}).superRefine((r, ctx) => {
  if (r.profile === 'tabular-data-resource' && !r.schema) ctx.addIssue({ code: 'custom', message: `${r.name}: tabular-data-resource 必须有 schema` });
});

export const dataPackageSchema = z.object({
  profile: z.string().optional(),
  name: frictionlessName.optional(),
  id: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  homepage: z.string().url().optional(),
  version: z.string().optional(),
  created: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  licenses: z.array(z.object({ name: z.string().optional(), path: z.string().optional(), title: z.string().optional() }).refine((l) => l.name || l.path, 'licenses: 每项须有 name 或 path')).optional(),
  sources: z.array(z.object({ title: z.string(), path: z.string().optional(), email: z.string().optional() })).optional(),
  resources: z.array(dataResourceSchema).min(1),
}).superRefine((p, ctx) => {
  const seen = new Set<string>();
  for (const r of p.resources) {
    if (seen.has(r.name)) ctx.addIssue({ code: 'custom', message: `resources: 资源名 ${r.name} 重复` });
    seen.add(r.name);
  }
  for (const r of p.resources) for (const fk of r.schema?.foreignKeys ?? []) {
    if (fk.reference.resource !== '' && !seen.has(fk.reference.resource)) ctx.addIssue({ code: 'custom', message: `${r.name}: 外键引用的资源 ${fk.reference.resource} 不存在` });
  }
});
export type DataPackage = z.infer<typeof dataPackageSchema>;
