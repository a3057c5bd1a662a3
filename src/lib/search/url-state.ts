// Search state ⇄ URL query string, so a search can be shared and back/forward restore it.
// Parameters are written in a fixed order and defaults are left out, so equal states give equal URLs.

export interface SearchState {
  q: string;
  district?: string;
  year?: number;
  /** A status facet key: done, or inferredDone for the same status inferred (status-facet.ts). */
  status?: string;
  unit?: string;
  /** 1-based. */
  page: number;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
/** A status key's shape (done, notDone…); the engine ignores keys the index does not know. Checked by
 * shape, not against the schema's list, so the page script does not bundle zod. */
const STATUS_KEY = /^[a-z][a-zA-Z]{1,23}$/;

export function encodeState(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q);
  if (s.district) p.set('district', s.district);
  if (s.year !== undefined) p.set('year', String(s.year));
  if (s.status) p.set('status', s.status);
  if (s.unit) p.set('unit', s.unit);
  if (s.page > 1) p.set('page', String(s.page));
  const out = p.toString();
  return out ? `?${out}` : '';
}

/** Read a state from a query string; anything malformed is dropped rather than trusted. */
export function decodeState(search: string): SearchState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state: SearchState = { q: (p.get('q') ?? '').slice(0, 200), page: 1 };
  const district = p.get('district');
  if (district && SLUG.test(district)) state.district = district;
  const year = p.get('year');
  if (year && /^\d{4}$/.test(year)) state.year = Number(year);
  const status = p.get('status');
  if (status && STATUS_KEY.test(status)) state.status = status;
  const unit = p.get('unit');
  if (unit && SLUG.test(unit)) state.unit = unit;
  const page = p.get('page');
  if (page && /^\d{1,5}$/.test(page) && Number(page) >= 1) state.page = Number(page);
  return state;
}

/** The facets currently applied, for "remove this facet" suggestions. */
export function activeFacets(s: SearchState): (keyof SearchState)[] {
  return (['district', 'year', 'status', 'unit'] as const).filter((k) => s[k] !== undefined);
}
