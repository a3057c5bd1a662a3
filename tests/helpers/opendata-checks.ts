// Checks shared by the constructed-data and real-data tests.
import { expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderDownloads } from '../../src/lib/opendata/download-files';
import { TABLES, rowsOf } from '../../src/lib/opendata/tables';
import { citeTask } from '../../src/lib/opendata/citation';
import { excelSafe } from '../../src/lib/opendata/csv';
import type { DataPackage } from '../../src/lib/opendata/datapackage-schema';
import { columnsFor } from './csv-columns';
import { indexDataset } from '~/lib/dataset/site-index';
import { sortDataset } from '~/lib/dataset/order';
import type { Dataset } from '~/lib/dataset/collections';

/** Every CSV: UTF-8 BOM, row count equal to its slice of the dataset, every cell back exactly through csv-parse. */
export function checkDownloads(d: Dataset, SITE: string) {
  const files = renderDownloads(d, SITE);
  const sorted = sortDataset(d);
  const ctx = { index: indexDataset(sorted), siteRoot: SITE };
  for (const f of files.filter((x) => x.format === 'csv')) {
    const raw = Buffer.from(f.body, 'utf8');
    // UTF-8 with BOM, CRLF
    expect([...raw.subarray(0, 3)], f.path).toEqual([0xef, 0xbb, 0xbf]);
    const table = TABLES[f.table!];
    const records = parse(raw, { bom: true, columns: columnsFor(f.path), relax_column_count: false }) as Record<string, string>[];
    const entities = (f.scope.data[f.table!] ?? []) as never[];
    // Row count equals the dataset slice, and the slice for "all" is the whole collection.
    expect(records.length, f.path).toBe(entities.length);
    if (f.scope.kind === 'all') expect(records.length, f.path).toBe(d[f.table!].length);
    // Round trip: every cell comes back exactly as written (quotes, commas, newlines, Chinese).
    const expected = rowsOf(table as never, entities, ctx).map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i] === undefined ? '' : typeof r[i] === 'string' ? excelSafe(r[i] as string) : String(r[i])])));
    expect(records, f.path).toEqual(expected);
    // A strict reader (any bare CR or LF outside quotes ends a record, as in Excel and Python) sees the same rows.
    expect(parse(raw, { bom: true, columns: columnsFor(f.path), record_delimiter: ['\r\n', '\n', '\r'] }), f.path).toEqual(expected);
  }
  return files;
}

/** RSS 2.0 required elements: rss@version, channel/title, link, description; each item a title or description. */
export async function checkRss(xml: string, expectedItems: number, SITE: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'item' || n === 'category' }).parse(xml);
  expect(doc.rss['@_version']).toBe('2.0');
  const ch = doc.rss.channel;
  for (const k of ['title', 'link', 'description']) expect(typeof ch[k] === 'string' && ch[k].length > 0, k).toBe(true);
  expect(ch['atom:link']?.['@_rel']).toBe('self');
  expect(ch['atom:link']['@_href']).toMatch(new RegExp(`^${SITE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}feeds/[a-z-]+\\.xml$`));
  const items = ch.item ?? [];
  expect(items).toHaveLength(expectedItems);
  for (const it of items) {
    expect(it.title || it.description).toBeTruthy();
    expect(it.link.startsWith(SITE) && it.link.endsWith('/'), it.link).toBe(true);
    expect(it.guid?.['#text'] ?? it.guid).toBe(it.link);
    if (it.pubDate) expect(new Date(it.pubDate).toString()).not.toBe('Invalid Date');
  }
  return items;
}

export function checkCitations(d: Dataset, SITE: string) {
  const reports = new Map(d.reports.map((r) => [r.id, r]));
  const districts = new Map(d.districts.map((x) => [x.id, x]));
  for (const t of d.tasks) {
    const c = citeTask(t, reports, districts.get(t.district), SITE);
    expect(c.text, t.id).toContain(c.permalink);
    expect(c.text, t.id).toMatch(/\[R\/OL\]\. (\(\d{4}-\d{2}-\d{2}\))?\[引用日期\]\. https:/);
    expect(c.text, t.id).toContain(t.origin === 'work-report' ? (t.title ?? '') : `第${t.number}项`);
    expect(c.sources[0], t.id).toMatchObject({ file: t.source.file, lines: t.source.lines });
    expect(c.sources[0]!.label, t.id).toMatch(/第 \d+(–\d+)? 行$/);
    expect(c.asOf.iso, t.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

/** Every CSV row against its Table Schema: required, type, enum, a unique primary key. Returns the problems found. */
export function tableSchemaProblems(pkg: DataPackage, body: (path: string) => string): string[] {
  const problems: string[] = [];
  const ok: Record<string, (v: string) => boolean> = {
    integer: (v) => /^-?\d+$/.test(v), number: (v) => v.trim() !== '' && Number.isFinite(Number(v)),
    boolean: (v) => v === 'true' || v === 'false', date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v), string: () => true,
  };
  for (const res of pkg.resources) {
    if (!res.schema) continue;
    const rows = parse(body(res.path as string), { bom: true, columns: (h: string[]) => h.map((t) => res.schema!.fields.find((x) => x.title === t)?.name ?? t) }) as Record<string, string>[];
    const ids = new Set<string>();
    rows.forEach((row, i) => {
      const where = `${res.path} 第 ${i + 2} 行`;
      for (const f of res.schema!.fields) {
        const v = row[f.name] ?? '';
        if (v === '') { if (f.constraints?.required) problems.push(`${where}: ${f.name} 必有却为空`); continue; }
        if (!ok[f.type ?? 'string']!(v)) problems.push(`${where}: ${f.name}=${v} 不是 ${f.type}`);
        if (f.constraints?.enum && !f.constraints.enum.includes(v)) problems.push(`${where}: ${f.name}=${v} 不在取值范围内`);
      }
      const id = row[res.schema!.primaryKey as string]!;
      if (ids.has(id)) problems.push(`${where}: 主键 ${id} 重复`);
      ids.add(id);
    });
  }
  return problems;
}
