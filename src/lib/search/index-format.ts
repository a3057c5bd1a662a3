// The search index as written to dist/search-index/ and read by the engine. Every file is JSON so
// the static host gzips it and the browser caches it; a query fetches only the files it needs.
import type { SearchDoc } from './documents';

export const INDEX_VERSION = 1;

export interface IndexMeta {
  version: number;
  /** Number of documents; document n is the n-th in result order (newest year first). */
  count: number;
  /** 'single': no gram files, every document in chunk 0 (small corpora). 'sharded': gram buckets. */
  mode: 'single' | 'sharded';
  /** Gram buckets: g/<b>.json holds the posting lists of the grams hashing to b. */
  buckets: number;
  /** Documents per chunk file d/<c>.json. */
  chunkSize: number;
  /** Most trigrams looked up per term longer than three characters (see gramsForTerm). */
  gramLimit: number;
  districts: { id: string; name: string }[];
  years: number[];
  /** Status facet values: each status and, apart, the same status inferred by our rules (status-facet.ts). */
  statuses: string[];
  /** Chinese label per status (from the schema at build time: the browser bundle never loads zod). */
  statusLabels: Record<string, string>;
}

/** unit-list.json: the units (facet labels, unit filter); loaded only when units are used. */
export type IndexUnitList = { id: string; name: string; district: string; aliases: string[] }[];

/** facets.json: one character per document (code 48 + value index), in document order. */
export interface IndexFacets {
  district: string;
  year: string;
  status: string;
}

/** units.json: the unit indexes of each document (for unit facet counts). */
export type IndexDocUnits = number[][];

/** g/<b>.json: gram → delta-encoded sorted document numbers, or (dense lists) a base64 bitmap. */
export type IndexBucket = Record<string, number[] | string>;

/**
 * lexicon.json: what lets a query find what people type (built by lexicon-build.ts, read by expand.ts).
 * Every string is normalised like the index text.
 */
export interface IndexLexicon {
  /** Groups of names for the same thing: the reviewed synonym table, each unit's and leader's printed forms. */
  groups: string[][];
  /** Traditional → simplified: pairs of characters, only for simplified characters the index holds. */
  t2s: string;
}

/** sounds.json: fetched only for a term that matches nothing as typed. */
export interface IndexSounds {
  /** Toneless pinyin without separators (caizheng) → words of the index read that way, '|'-separated. */
  py: Record<string, string>;
  /** Initials of unit and leader names (czj) → the names, '|'-separated. */
  ini: Record<string, string>;
}

/** readings.json: toneless syllable → the characters read that way (fetched only to read a typo). */
export type IndexReadings = Record<string, string>;

/** d/<c>.json: the documents of one chunk, in order. */
export type IndexChunk = SearchDoc[];

/** Base-relative directory of the index, e.g. search-index/0123abcd4567/ (the hash of its files). */
export const indexDir = (hash: string) => `search-index/${hash}/`;

/** Posting key of a unit (never a text gram: it starts with a control character). */
export const unitKey = (unitIndex: number) => `\u0001u${unitIndex}`;

/** FNV-1a over UTF-16 units: stable across build and browser. */
export function bucketOf(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

export const facetChar = (i: number) => String.fromCharCode(48 + i);
export const facetIndex = (s: string, n: number) => s.charCodeAt(n) - 48;

function deltaEncode(sorted: ArrayLike<number>): number[] {
  const out = new Array<number>(sorted.length);
  let prev = 0;
  for (let i = 0; i < sorted.length; i++) {
    out[i] = sorted[i]! - prev;
    prev = sorted[i]!;
  }
  return out;
}

function deltaDecode(deltas: readonly number[]): Int32Array {
  const out = new Int32Array(deltas.length);
  let acc = 0;
  for (let i = 0; i < deltas.length; i++) {
    acc += deltas[i]!;
    out[i] = acc;
  }
  return out;
}

/** A list longer than this share of the corpus is smaller as a bitmap (N/6 base64 bytes vs ~2.5 per entry). */
// Exported (though used only here) so the bundler inlines it into the search client: the built bytes stay as they were.
export const DENSE_SHARE = 1 / 12;

export function encodePosting(sorted: ArrayLike<number>, count: number): number[] | string {
  if (sorted.length <= count * DENSE_SHARE) return deltaEncode(sorted);
  const bytes = new Uint8Array(Math.ceil(count / 8));
  for (let i = 0; i < sorted.length; i++) bytes[sorted[i]! >> 3]! |= 1 << (sorted[i]! & 7);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function decodePosting(p: number[] | string | undefined): Int32Array {
  if (p === undefined) return new Int32Array(0);
  if (typeof p !== 'string') return deltaDecode(p);
  const bin = atob(p);
  const out: number[] = [];
  for (let i = 0; i < bin.length; i++) {
    const b = bin.charCodeAt(i);
    if (b === 0) continue;
    for (let k = 0; k < 8; k++) if (b & (1 << k)) out.push(i * 8 + k);
  }
  return Int32Array.from(out);
}
