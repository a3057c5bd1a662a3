// Each district's cache key and weight, from one pass over the dataset's rows (dataset-rows.ts). The key covers everything a
// district's pages are made of: its rows in every table (collections.ts districtOf), the source renderings
// of its reports, the source files they cite (published under /sources/), the code and SITE/BASE
// (cache-key.ts). A district's pages depend on nothing else: a batch of one district renders the same
// bytes for it as a batch of many (tests/sharded-build.test.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shardKey, sourcesHash } from './cache-key';
import type { DatasetRows } from './dataset-rows';

/** The tables whose rows become pages: what a batch's weight counts. */
const PAGE_TABLES = new Set(['tasks', 'units', 'leaders', 'reports']);

export interface DistrictKey { key: string; weight: number }

export function districtKeys(data: DatasetRows, o: { code: string; contentRoot: string; env?: NodeJS.ProcessEnv }): Map<string, DistrictKey> {
  const renderings = new Map<string, string[]>();
  const renderingsDir = join(data.dir, 'renderings');
  if (existsSync(renderingsDir)) {
    for (const f of readdirSync(renderingsDir).sort()) {
      const d = data.reportDistrict.get(f.replace(/\.json$/, ''));
      if (d !== undefined) renderings.set(d, [...(renderings.get(d) ?? []), f]);
    }
  }
  const sourcesOf = new Map<string, string[]>();
  for (const r of data.reports) if (r.district && r.source?.file) sourcesOf.set(r.district, [...(sourcesOf.get(r.district) ?? []), r.source.file]);
  const out = new Map<string, DistrictKey>();
  data.eachDistrict((d, tables) => {
    const h = createHash('sha256');
    let weight = 0;
    for (const t of tables) {
      if (PAGE_TABLES.has(t.name)) weight += t.rows;
      h.update(`\0${t.name}\0`);
      for (const piece of t.text) h.update(piece);
    }
    for (const f of renderings.get(d) ?? []) h.update(`\0${f}\0`).update(readFileSync(join(renderingsDir, f)));
    const sources = sourcesHash(o.contentRoot, sourcesOf.get(d) ?? []);
    out.set(d, { key: shardKey({ code: o.code, data: h.digest('hex'), sources, slice: `district:${d}`, env: o.env }), weight: Math.max(1, weight) });
  });
  return out;
}
