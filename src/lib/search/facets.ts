// Facet filtering and exact counts. A dimension's counts are taken over the matches that pass every
// *other* selected facet, so a reader sees how many results switching that facet's value would give.
import { facetIndex, type IndexDocUnits, type IndexFacets, type IndexMeta, type IndexUnitList } from './index-format';

export type FacetDim = 'district' | 'year' | 'status' | 'unit';
export interface FacetCount {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface FacetFilter {
  district?: number;
  year?: number;
  status?: number;
  /** Documents having the selected unit. */
  unitDocs?: Set<number>;
  unitValue?: string;
}

export function filterFrom(meta: IndexMeta, s: { district?: string; year?: number; status?: string }): FacetFilter {
  const f: FacetFilter = {};
  if (s.district !== undefined) f.district = meta.districts.findIndex((d) => d.id === s.district);
  if (s.year !== undefined) f.year = meta.years.indexOf(s.year);
  if (s.status !== undefined) f.status = meta.statuses.indexOf(s.status);
  return f;
}

/** Facet columns as byte arrays (decoded once per engine). */
export interface FacetColumns {
  district: Uint8Array;
  year: Uint8Array;
  status: Uint8Array;
}

export function facetColumns(facets: IndexFacets): FacetColumns {
  const col = (s: string) => {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = facetIndex(s, i);
    return out;
  };
  return { district: col(facets.district), year: col(facets.year), status: col(facets.status) };
}

/**
 * One pass over the matches: which documents pass every facet (the results), and the counts of
 * each dimension over the documents that pass every *other* facet.
 */
export function facetPass(
  meta: IndexMeta,
  cols: FacetColumns,
  f: FacetFilter,
  docs: Int32Array | number[],
  docUnits: IndexDocUnits | null,
  unitList: IndexUnitList | null,
): { matches: number[]; facets: Record<FacetDim, FacetCount[] | null> } {
  const d = new Array<number>(meta.districts.length).fill(0);
  const y = new Array<number>(meta.years.length).fill(0);
  const s = new Array<number>(meta.statuses.length).fill(0);
  const u = new Map<number, number>();
  const countUnits = docUnits !== null && unitList !== null;
  const matches: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const n = docs[i]!;
    const dv = cols.district[n]!;
    const yv = cols.year[n]!;
    const sv = cols.status[n]!;
    // Bit per failing dimension: 1 district, 2 year, 4 status, 8 unit.
    let fail = 0;
    if (f.district !== undefined && dv !== f.district) fail |= 1;
    if (f.year !== undefined && yv !== f.year) fail |= 2;
    if (f.status !== undefined && sv !== f.status) fail |= 4;
    if (f.unitDocs !== undefined && !f.unitDocs.has(n)) fail |= 8;
    if (fail === 0) matches.push(n);
    if (fail === 0 || fail === 1) d[dv]!++;
    if (fail === 0 || fail === 2) y[yv]!++;
    if (fail === 0 || fail === 4) s[sv]!++;
    if (countUnits && (fail === 0 || fail === 8)) for (const i of docUnits[n] ?? []) u.set(i, (u.get(i) ?? 0) + 1);
  }
  const keep = (xs: FacetCount[]) => xs.filter((x) => x.count > 0 || x.selected);
  const unit = countUnits
    ? unitList
        .map((x, i) => ({ value: x.id, label: unitLabel(meta, x), count: u.get(i) ?? 0, selected: f.unitValue === x.id }))
        .filter((x) => x.count > 0 || x.selected)
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    : null;
  return {
    matches,
    facets: {
      district: keep(meta.districts.map((x, i) => ({ value: x.id, label: x.name, count: d[i]!, selected: f.district === i }))),
      year: keep(meta.years.map((x, i) => ({ value: String(x), label: `${x}年`, count: y[i]!, selected: f.year === i }))),
      status: keep(meta.statuses.map((x, i) => ({ value: x, label: meta.statusLabels[x] ?? x, count: s[i]!, selected: f.status === i }))),
      unit,
    },
  };
}

/** 区发改局（临淄区）: the same name exists in several districts. */
export function unitLabel(meta: IndexMeta, u: IndexUnitList[number]): string {
  const d = meta.districts.find((x) => x.id === u.district);
  return d ? `${u.name}（${d.name}）` : u.name;
}
