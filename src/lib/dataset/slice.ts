// Which part of the dataset one build loads. A whole build loads everything; a shard build
// (npm run build:shard) loads one slice: a set of districts, whose pages it renders, or the global
// slice, which renders the cross-district pages (home, indicators, search, data, changes, quality,
// about). Every record carries its district, so a slice is a filter on that one field.
//
// Set by the shard runner through PORTAL_SLICE: unset or "all" → everything; "global" → the global
// pages; "districts:linzi,zhangdian" → those districts' pages.
import { ProblemError } from '../problems';

export type Slice =
  | { kind: 'all' }
  | { kind: 'global' }
  | { kind: 'districts'; districts: readonly string[] };

export class SliceError extends ProblemError {}

export function parseSlice(text: string | undefined): Slice {
  const t = (text ?? '').trim();
  if (t === '' || t === 'all') return { kind: 'all' };
  if (t === 'global') return { kind: 'global' };
  const m = /^districts:(.+)$/.exec(t);
  if (m) {
    const districts = m[1]!.split(',').map((d) => d.trim()).filter(Boolean);
    if (districts.length > 0) return { kind: 'districts', districts };
  }
  throw new SliceError({
    file: 'PORTAL_SLICE',
    message: `${JSON.stringify(text)} 无法识别`,
    hint: '应为 all、global 或 districts:甲,乙（区县 id，逗号分隔）。',
  });
}

export const sliceToText = (s: Slice): string => (s.kind === 'districts' ? `districts:${s.districts.join(',')}` : s.kind);

/** The slice this process builds (from PORTAL_SLICE). */
export const currentSlice = (): Slice => parseSlice(process.env.PORTAL_SLICE);

/** Whether this slice renders the pages of `district` (and so loads its rows). */
export function rendersDistrict(slice: Slice, district: string): boolean {
  return slice.kind === 'all' || (slice.kind === 'districts' && slice.districts.includes(district));
}

/** Whether this slice renders the cross-district pages. */
export const rendersGlobal = (slice: Slice): boolean => slice.kind !== 'districts';
