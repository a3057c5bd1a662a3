// Fuse.js on a few candidate documents: 相近结果 (near text) when nothing else matches. Exact matches
// are not re-ranked: they are listed in document order (newest year first), as the page announces.
// Fuse never sees the whole corpus, and never sees the reader's input as syntax: extended search is off, so ' ! ^ $ = | are plain characters. Fuse's known traps with
// Chinese are set explicitly: ignoreLocation (otherwise only ~60 characters of a field are searched)
// and a low threshold (0.6 turns 财政局 into 区民政局).
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import { FIELD_KINDS, type FieldKind, type SearchDoc } from './documents';
import { normalizeText } from './normalize';

type FuseRecord = { n: number } & Record<FieldKind, string[]>;

const WEIGHTS: Record<FieldKind, number> = { pledge: 3, unit: 2, alias: 1.5, result: 1, target: 1, leader: 1, place: 0.5 };

const normalizedFields = new WeakMap<SearchDoc, string[]>();

function toRecord(doc: SearchDoc, n: number): FuseRecord {
  let norm = normalizedFields.get(doc);
  if (!norm) normalizedFields.set(doc, (norm = doc.fields.map((f) => normalizeText(f[2]))));
  const rec = { n } as FuseRecord;
  for (const k of FIELD_KINDS) rec[k] = [];
  doc.fields.forEach(([kind], i) => rec[kind].push(norm[i]!));
  return rec;
}

const base: IFuseOptions<FuseRecord> = {
  keys: FIELD_KINDS.map((k) => ({ name: k, weight: WEIGHTS[k] })),
  ignoreLocation: true,
  includeScore: true,
  isCaseSensitive: true, // the text is already lower-cased by normalizeText; keeps offsets 1:1
  useExtendedSearch: false,
};

export interface FuzzyHit {
  n: number;
  score: number;
  /** Matched [start, end) ranges per field kind and value index, in normalised text. */
  ranges: { kind: FieldKind; index: number; ranges: [number, number][] }[];
}

/** Near matches for a query with no exact match: Fuse fuzzy search over the given candidates. */
export function fuzzyMatches(docs: readonly { n: number; doc: SearchDoc }[], terms: readonly string[]): FuzzyHit[] {
  const pattern = terms.join(' ');
  const len = Array.from(pattern).length;
  if (len < 2) return [];
  // About one wrong character in three; stricter for short Chinese terms where 0.6 floods.
  const fuse = new Fuse(docs.map((d) => toRecord(d.doc, d.n)), {
    ...base,
    threshold: len <= 4 ? 0.26 : 0.34,
    includeMatches: true,
    minMatchCharLength: Math.min(2, len),
  });
  return fuse.search(pattern).map((r: FuseResult<FuseRecord>) => ({
    n: r.item.n,
    score: r.score ?? 1,
    ranges: (r.matches ?? []).map((m) => ({
      kind: m.key as FieldKind,
      index: m.refIndex ?? 0,
      ranges: m.indices.map(([s, e]) => [s, e + 1] as [number, number]),
    })),
  }));
}
