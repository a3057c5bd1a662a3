// Each district's cache key and weight, from one pass over the raw dataset. The key covers everything a
// district's pages are made of: its rows in every table (collections.ts districtOf), the source renderings
// of its reports, the source files they cite (published under /sources/), the code and SITE/BASE
// (cache-key.ts). A district's pages depend on nothing else: a batch of one district renders the same
// bytes for it as a batch of many (tests/sharded-build.test.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { districtOf, type CollectionName } from '~/lib/dataset/collections';
import { shardKey, sourcesHash } from './cache-key';
import type { RawDataset } from './slice-data';

/** The tables whose rows become pages: what a batch's weight counts. */
const PAGE_TABLES = new Set(['tasks', 'units', 'leaders', 'reports']);

export interface DistrictKey { key: string; weight: number }

export function districtKeys(raw: RawDataset, o: { code: string; contentRoot: string; env?: NodeJS.ProcessEnv }): Map<string, DistrictKey> {
  const ids = (raw.tables.get('districts') ?? []).map((d) => d.id);
  const rows = new Map(ids.map((d) => [d, new Map<string, unknown[]>()]));
  for (const [name, table] of raw.tables) {
    for (const row of table) {
      const d = districtOf(name as CollectionName, row, raw.reportDistrict);
      const mine = d === undefined ? undefined : rows.get(d);
      if (!mine) continue;
      const list = mine.get(name);
      if (list) list.push(row);
      else mine.set(name, [row]);
    }
  }
  const renderings = new Map<string, string[]>();
  const renderingsDir = join(raw.dir, 'renderings');
  if (existsSync(renderingsDir)) {
    for (const f of readdirSync(renderingsDir).sort()) {
      const d = raw.reportDistrict.get(f.replace(/\.json$/, ''));
      if (d !== undefined) renderings.set(d, [...(renderings.get(d) ?? []), f]);
    }
  }
  const sourcesOf = new Map<string, string[]>();
  for (const r of raw.tables.get('reports') ?? []) if (r.district && r.source?.file) sourcesOf.set(r.district, [...(sourcesOf.get(r.district) ?? []), r.source.file]);
  const out = new Map<string, DistrictKey>();
  for (const d of ids) {
    const h = createHash('sha256');
    const mine = rows.get(d)!;
    let weight = 0;
    for (const name of [...raw.tables.keys()].sort()) {
      const list = mine.get(name) ?? [];
      if (PAGE_TABLES.has(name)) weight += list.length;
      h.update(`\0${name}\0`).update(JSON.stringify(list));
    }
    for (const f of renderings.get(d) ?? []) h.update(`\0${f}\0`).update(readFileSync(join(renderingsDir, f)));
    const sources = sourcesHash(o.contentRoot, sourcesOf.get(d) ?? []);
    out.set(d, { key: shardKey({ code: o.code, data: h.digest('hex'), sources, slice: `district:${d}`, env: o.env }), weight: Math.max(1, weight) });
  }
  return out;
}
