// datapackage.json (Frictionless Data Package v1): every download file with its bytes, SHA-256 and,
// for CSV, a Table Schema whose field types come from the dataset's zod schemas (tables.ts).
import type { DataPackage } from './datapackage-schema';
import type { DescribedDownload } from './download-files';
import type { Scope } from './scopes';
import { TABLES, fieldsOf, type TableDef, type TableName } from './tables';

/** Resource name for a file: its path with separators made name-safe ("linzi/2023/m09/progress.csv" → "linzi-2023-m09-progress-csv"). */
const resourceName = (path: string) => path.replace(/[/.]/g, '-');

/** Foreign keys within one scope: progress → tasks and reports, tasks → reports, anomalies → reports. */
// Smaller scopes do not always hold the other end: a report's scope has only that report (a task's
// latest report may be another), and a year's indicators may be stated in the next year's work report.
const FOREIGN_KEYS: Partial<Record<TableName, { field: string; table: TableName; skip?: Scope['kind'][] }[]>> = {
  progress: [{ field: 'task_id', table: 'tasks' }, { field: 'report_id', table: 'reports' }],
  tasks: [{ field: 'latest_report_id', table: 'reports', skip: ['report'] }],
  anomalies: [{ field: 'report_id', table: 'reports' }],
  indicators: [{ field: 'report_id', table: 'reports', skip: ['year'] }],
};

// The same for every file of a table (thousands of files at scale), so read off the zod schema once.
type SchemaField = NonNullable<DataPackage['resources'][number]['schema']>['fields'][number];
const fieldsByTable = new Map<TableName, SchemaField[]>();
function schemaFields(table: TableDef<never>): SchemaField[] {
  let fields = fieldsByTable.get(table.name);
  if (!fields) {
    fields = fieldsOf(table).map((x) => ({
      name: x.name, title: x.title, description: x.description, type: x.type,
      ...(x.required || x.enum || x.name === 'id' ? { constraints: { ...(x.required ? { required: true } : {}), ...(x.name === 'id' ? { unique: true } : {}), ...(x.enum ? { enum: x.enum } : {}) } } : {}),
    }));
    fieldsByTable.set(table.name, fields);
  }
  return fields;
}

export interface PackageMeta { title: string; description: string; homepage?: string; sources: { title: string; path: string }[] }

export function buildDataPackage(files: DescribedDownload[], meta: PackageMeta): DataPackage {
  const inScope = new Set(files.map((f) => f.path));
  return {
    profile: 'data-package',
    name: 'pledge-portal',
    title: meta.title,
    description: meta.description,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    keywords: ['政府工作报告', '目标任务', '完成情况', '开放数据'],
    sources: meta.sources,
    resources: files.map((f) => {
      const base = { name: resourceName(f.path), path: f.path, title: `${f.scope.label} · ${f.table ? TABLES[f.table].title : 'JSON 全部字段'}`, format: f.format, mediatype: f.mediatype, encoding: 'utf-8', bytes: f.bytes, hash: `sha256:${f.sha256}` };
      if (!f.table) return { ...base, profile: 'data-resource', description: `${f.scope.label}的全部表，字段与 CSV 同名同义之外，保留嵌套结构和原文行（source.verbatim）。` };
      const table = TABLES[f.table] as TableDef<never>;
      const dir = f.path.slice(0, f.path.lastIndexOf('/') + 1);
      const foreignKeys = (FOREIGN_KEYS[f.table] ?? [])
        .filter((k) => inScope.has(`${dir}${k.table}.csv`) && !k.skip?.includes(f.scope.kind))
        .map((k) => ({ fields: k.field, reference: { resource: resourceName(`${dir}${k.table}.csv`), fields: 'id' } }));
      return {
        ...base,
        profile: 'tabular-data-resource',
        description: `${table.description} 共 ${f.rowCount} 行。UTF-8（带 BOM，便于 Excel 识别中文），CRLF 换行。CSV 首行是各字段的中文标题（title），字段名（name）与 JSON 相同。`,
        dialect: { delimiter: ',', lineTerminator: '\r\n', header: true, quoteChar: '"', doubleQuote: true },
        schema: {
          fields: schemaFields(table),
          primaryKey: 'id',
          missingValues: [''],
          ...(foreignKeys.length ? { foreignKeys } : {}),
        },
      };
    }),
  };
}
