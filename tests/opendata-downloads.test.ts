import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { checkDownloads, tableSchemaProblems } from './helpers/opendata-checks';
import { excelSafe } from '../src/lib/opendata/csv';
import { createHash } from 'node:crypto';
import { constructedDataset } from './helpers/opendata-fixture';
import { renderDownloads } from '../src/lib/opendata/download-files';
import { TABLES, fieldsOf } from '../src/lib/opendata/tables';
import { buildDataPackage } from '../src/lib/opendata/datapackage';
import { dataPackageSchema } from '../src/lib/opendata/datapackage-schema';
import { schemaAt } from '../src/lib/opendata/zod-fields';
import { columnsFor } from './helpers/csv-columns';
import type { Dataset } from '~/lib/dataset/collections';

const SITE = 'https://example.org/portal/';
const meta = { title: 't', description: 'd', homepage: SITE, sources: [{ title: 's', path: `${SITE}sources/` }] };


describe('CSV and JSON downloads (constructed dataset)', () => {
  const d = constructedDataset();
  const files = renderDownloads(d, SITE);
  it('every CSV: UTF-8 with BOM, rows equal to the dataset, every cell round-trips through csv-parse', () => { checkDownloads(d, SITE); });

  it('writes each scope: all, district, year, report', () => {
    expect(files.map((f) => f.path)).toContain('all/progress.csv');
    expect(files.map((f) => f.path)).toContain('testqu/2022/q3/progress.csv');
    expect(files.map((f) => f.path)).toContain('testqu/2022/plan-q3-q4/dataset.json');
    const q3 = files.find((f) => f.path === 'testqu/2022/q3/progress.csv')!;
    expect(q3.rowCount).toBe(4);
  });

  it('keeps embedded quotes, commas and newlines inside one cell', () => {
    const f = files.find((x) => x.path === 'all/progress.csv')!;
    const recs = parse(f.body, { bom: true, columns: columnsFor(f.path) }) as Record<string, string>[];
    expect(recs[0]!.targets).toBe('第三季度目标：目标1，含"引号",逗号');
    expect(recs.find((r) => r.id === 'testqu-2022-q3-1')!.result).toBe('结果1\n第二行');
    expect(f.body).toContain('\r\n');
  });

  it('a cell Excel would run as a formula is marked as text; figures and plain text are untouched', () => {
    expect(excelSafe('=HYPERLINK("http://x","点击")')).toBe('\'=HYPERLINK("http://x","点击")');
    expect(excelSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(excelSafe('+cmd')).toBe("'+cmd");
    expect(excelSafe('----')).toBe("'----");
    expect(excelSafe('-6%')).toBe('-6%');
    expect(excelSafe('-2.5')).toBe('-2.5');
    expect(excelSafe('完成')).toBe('完成');
    const hostile = constructedDataset();
    hostile.progress[0]!.result = { text: '=1+1', html: '=1+1' };
    const f = renderDownloads(hostile, SITE).find((x) => x.path === 'all/progress.csv')!;
    expect((parse(f.body, { bom: true, columns: columnsFor(f.path) }) as Record<string, string>[])[0]!.result).toBe("'=1+1");
    const j = JSON.parse(renderDownloads(hostile, SITE).find((x) => x.path === 'all/dataset.json')!.body);
    expect(j.progress[0].result.text).toBe('=1+1');
  });

  it('gives the same bytes whatever order the dataset arrives in', () => {
    const shuffled: Dataset = { ...d, progress: [...d.progress].reverse(), reports: [...d.reports].reverse(), tasks: [...d.tasks].reverse() };
    expect(renderDownloads(shuffled, SITE).map((f) => f.sha256)).toEqual(files.map((f) => f.sha256));
  });

  it('indicators: signed numbers, forecast flags and text-only commitments survive', () => {
    const recs = parse(files.find((f) => f.path === 'all/indicators.csv')!.body, { bom: true, columns: columnsFor('all/indicators.csv') }) as Record<string, string>[];
    expect(recs.map((r) => [r.indicator_label, r.value, r.forecast])).toEqual([['节能减排约束性指标', '', 'false'], ['地区生产总值增长', '-2.5', 'true']]);
  });
  it('JSON files parse and hold the scope rows', () => {
    const j = JSON.parse(files.find((f) => f.path === 'testqu/2022/q3/dataset.json')!.body);
    expect(j.progress).toHaveLength(4);
    expect(j.reports.map((r: { id: string }) => r.id)).toEqual(['testqu-2022-q3']);
  });
});

describe('tables stay in step with the zod schemas', () => {
  it('every top-level schema field is a column source or deliberately omitted', () => {
    for (const t of Object.values(TABLES)) {
      const shape = Object.keys((t.schema as unknown as { shape: object }).shape);
      const used = new Set(t.columns.map((c) => c.from?.split('.')[0]).filter(Boolean));
      for (const c of t.columns) if (c.covers) used.add(c.covers);
      const missing = shape.filter((k) => !used.has(k) && !(k in t.omitted));
      expect(missing, t.name).toEqual([]);
    }
  });
  it('reads field types from the schema and refuses a path the schema lacks', () => {
    const f = fieldsOf(TABLES.progress);
    expect(f.find((x) => x.name === 'number')!.type).toBe('integer');
    expect(f.find((x) => x.name === 'status')!.enum).toEqual(['done', 'partial', 'onTrack', 'behind', 'notDone', 'suspended', 'transferred', 'planned', 'unstated']);
    expect(f.find((x) => x.name === 'result')!.required).toBe(false);
    expect(() => schemaAt(TABLES.progress.schema, 'pledge.nope')).toThrow(/pledge\.nope/);
  });
});

describe('datapackage.json', () => {
  const files = renderDownloads(constructedDataset(), SITE);
  const pkg = buildDataPackage(files, meta);
  it('validates against the Data Package schema', () => {
    const r = dataPackageSchema.safeParse(pkg);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });
  it('every CSV row conforms to its Table Schema, and the check catches a row that does not', () => {
    const body = (p: string) => files.find((f) => f.path === p)!.body;
    expect(tableSchemaProblems(pkg, body)).toEqual([]);
    const broken = (p: string) => (p === 'all/tasks.csv' ? body(p).replace(/\r\ntestqu-2022-001,testqu,测试区,2022,1,/, '\r\ntestqu-2022-001,testqu,测试区,2022,x,') : body(p));
    expect(tableSchemaProblems(pkg, broken)).toEqual(['all/tasks.csv 第 2 行: number=x 不是 integer']);
  });
  it('describes every file with its bytes and sha256, and each CSV header matches its fields', () => {
    expect(pkg.resources.map((r) => r.path)).toEqual(files.map((f) => f.path));
    for (const f of files) {
      const res = pkg.resources.find((r) => r.path === f.path)!;
      expect(res.hash).toBe(`sha256:${createHash('sha256').update(f.body).digest('hex')}`);
      expect(res.bytes).toBe(Buffer.byteLength(f.body));
      if (f.format === 'csv') {
        const header = (parse(f.body, { bom: true, to_line: 1 }) as string[][])[0];
        // Excel shows the Chinese titles; datapackage.json keeps the machine names and maps each to its title.
        expect(res.schema!.fields.map((x) => x.title)).toEqual(header);
        expect(header!.every((h) => /[\u4e00-\u9fff]/u.test(h) || /^[A-Z0-9-]+$/.test(h) || /SHA-256/.test(h)), header!.join(',')).toBe(true);
      }
    }
  });
  it('foreign keys hold: every referenced id exists in the referenced file', () => {
    const byName = new Map(pkg.resources.map((r) => [r.name, r]));
    let checked = 0;
    for (const res of pkg.resources) for (const fk of res.schema?.foreignKeys ?? []) {
      const body = (p: string) => parse(files.find((f) => f.path === p)!.body, { bom: true, columns: columnsFor(p) }) as Record<string, string>[];
      const ids = new Set(body(byName.get(fk.reference.resource)!.path as string).map((r) => r.id));
      for (const row of body(res.path as string)) { expect(ids.has(row[fk.fields as string]!), `${res.path} ${row.id}`).toBe(true); checked++; }
    }
    expect(checked).toBeGreaterThan(0);
  });
  it('the validator rejects what the spec forbids', () => {
    const bad = structuredClone(pkg);
    bad.resources[0]!.path = '/etc/passwd';
    bad.resources[1]!.name = bad.resources[0]!.name;
    const r = dataPackageSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(dataPackageSchema.safeParse({ resources: [] }).success).toBe(false);
    expect(dataPackageSchema.safeParse({ resources: [{ name: 'UPPER', path: 'a.csv' }] }).success).toBe(false);
  });
});
