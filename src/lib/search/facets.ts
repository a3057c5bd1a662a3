// Facet filtering and exact counts. A dimension's counts are taken over the matches that pass every
// *other* selected facet, so a reader sees how many results switching that facet's value would give.
import { STATUS_LABELS, type Status } from '../schema';
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

export function filterFrom(meta: IndexMeta, s: { district?: string; year?: number; status?: Status }): FacetFilter {
  const f: FacetFilter = {};
  if (s.district !== undefined) f.district = meta.districts.findIndex((d) => d.id === s.district);
  if (s.year !== undefined) f.year = meta.years.indexOf(s.year);
  if (s.status !== undefined) f.status = meta.statuses.indexOf(s.status);
  return f;
}

function passes(facets: IndexFacets, f: FacetFilter, n: number, except?: FacetDim): boolean {
  if (except !== 'district' && f.district !== undefined && facetIndex(facets.district, n) !== f.district) return false;
  if (except !== 'year' && f.year !== undefined && facetIndex(facets.year, n) !== f.year) return false;
  if (except !== 'status' && f.status !== undefined && facetIndex(facets.status, n) !== f.status) return false;
  if (except !== 'unit' && f.unitDocs !== undefined && !f.unitDocs.has(n)) return false;
  return true;
}

export function applyFilter(facets: IndexFacets, f: FacetFilter, docs: Int32Array | number[]): number[] {
  const out: number[] = [];
  for (const n of docs) if (passes(facets, f, n)) out.push(n);
  return out;
}

export function countFacets(
  meta: IndexMeta,
  facets: IndexFacets,
  f: FacetFilter,
  docs: Int32Array | number[],
  docUnits: IndexDocUnits | null,
  unitList: IndexUnitList | null,
): Record<FacetDim, FacetCount[] | null> {
  const count = (dim: 'district' | 'year' | 'status', size: number) => {
    const c = new Array<number>(size).fill(0);
    const col = facets[dim];
    for (const n of docs) if (passes(facets, f, n, dim)) c[facetIndex(col, n)]!++;
    return c;
  };
  const d = count('district', meta.districts.length);
  const y = count('year', meta.years.length);
  const s = count('status', meta.statuses.length);
  const keep = (xs: FacetCount[]) => xs.filter((x) => x.count > 0 || x.selected);
  let unit: FacetCount[] | null = null;
  if (docUnits && unitList) {
    const u = new Map<number, number>();
    for (const n of docs) if (passes(facets, f, n, 'unit')) for (const i of docUnits[n] ?? []) u.set(i, (u.get(i) ?? 0) + 1);
    unit = unitList
      .map((x, i) => ({ value: x.id, label: unitLabel(meta, x), count: u.get(i) ?? 0, selected: f.unitValue === x.id }))
      .filter((x) => x.count > 0 || x.selected)
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }
  return {
    district: keep(meta.districts.map((x, i) => ({ value: x.id, label: x.name, count: d[i]!, selected: f.district === i }))),
    year: keep(meta.years.map((x, i) => ({ value: String(x), label: `${x}年`, count: y[i]!, selected: f.year === i }))),
    status: keep(meta.statuses.map((x, i) => ({ value: x, label: STATUS_LABELS[x], count: s[i]!, selected: f.status === i }))),
    unit,
  };
}

/** 区发改局（临淄区）: the same name exists in several districts. */
export function unitLabel(meta: IndexMeta, u: IndexUnitList[number]): string {
  const d = meta.districts.find((x) => x.id === u.district);
  return d ? `${u.name}（${d.name}）` : u.name;
}
