// Similar pledges in other years of the same district, by character-bigram similarity.
//
// Why bigrams: Chinese has no spaces, and two-character words carry most of the meaning
// (推进/改造/棚户), so the set of adjacent character pairs is a cheap, dependable fingerprint.
// Score: Dice coefficient 2·|A∩B| / (|A|+|B|) over the bigram sets.
// Threshold: SIMILARITY_THRESHOLD (0.25), read off the seeds' score distribution: at or above it
// pairs are recognisably the same pledge or the same project (启动市民文化中心建设 0.67; 打通学府路、
// 天齐路 0.29; 办好齐文化节 0.27); below ~0.22 they mostly share boilerplate (推进, 加快, 力争).
// The about page prints this value; tests/pages-similar.test.ts checks it against brute force.
//
// Never all pairs: an inverted index (bigram → tasks) per district gives each task only the
// candidates that share a bigram; bigrams found in more than MAX_SHARE of a district's pledges
// (boilerplate) do not nominate candidates, so the work per task stays bounded as data grows.

export const SIMILARITY_THRESHOLD = 0.25;
export const MAX_SIMILAR = 5;
/** A bigram in more than this share of a district's pledges nominates no candidates… */
export const MAX_SHARE = 0.2;
/** …nor one in more than this many (keeps the work per pledge bounded however long a district's record grows). */
export const MAX_POSTINGS = 40;
/** How many best candidates (by shared rare bigrams) get an exact score. */
const MAX_CANDIDATES = 15;

export interface SimilarDoc {
  id: string;
  district: string;
  year: number;
  text: string;
}

export interface SimilarHit {
  id: string;
  score: number;
}

/** Bigrams of the letters, digits and CJK characters of a text (punctuation and spaces dropped). */
export function bigrams(text: string): Set<string> {
  const chars = [...text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** For every doc, its similar docs of the same district in other years, best first. */
export function similarPledges(
  docs: SimilarDoc[],
  threshold = SIMILARITY_THRESHOLD,
  limit = MAX_SIMILAR,
  /** Optional counter of exact scorings, so tests can show the work is not all pairs. */
  stats?: { scored: number },
): Map<string, SimilarHit[]> {
  const byDistrict = new Map<string, SimilarDoc[]>();
  for (const d of docs) {
    const list = byDistrict.get(d.district);
    if (list) list.push(d);
    else byDistrict.set(d.district, [d]);
  }
  const result = new Map<string, SimilarHit[]>();
  for (const group of byDistrict.values()) {
    const grams = group.map((d) => bigrams(d.text));
    const postings = new Map<string, number[]>();
    grams.forEach((gs, i) => {
      for (const g of gs) {
        const list = postings.get(g);
        if (list) list.push(i);
        else postings.set(g, [i]);
      }
    });
    const maxDf = Math.min(MAX_POSTINGS, Math.max(3, Math.floor(group.length * MAX_SHARE)));
    // Shared-bigram counts in a typed array, reset through the list of touched slots (no per-doc Map).
    const counts = new Int32Array(group.length);
    const touched: number[] = [];
    group.forEach((doc, i) => {
      touched.length = 0;
      for (const g of grams[i]!) {
        const list = postings.get(g)!;
        if (list.length > maxDf) continue;
        for (const j of list) {
          if (group[j]!.year === doc.year) continue;
          if (counts[j]!++ === 0) touched.push(j);
        }
      }
      const hits = touched
        .map((j) => [j, counts[j]!] as const)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, MAX_CANDIDATES);
      for (const j of touched) counts[j] = 0;
      if (stats) stats.scored += hits.length;
      const scored = hits
        .map(([j]) => ({ id: group[j]!.id, score: dice(grams[i]!, grams[j]!) }))
        .filter((h) => h.score >= threshold)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, limit);
      result.set(doc.id, scored);
    });
  }
  return result;
}

/** Similar pledges of every task, by its pledge text: what task pages list. */
export function similarTasks(tasks: readonly { id: string; district: string; year: number; pledge: { text: string } }[]): Map<string, SimilarHit[]> {
  return similarPledges(tasks.map((t) => ({ id: t.id, district: t.district, year: t.year, text: t.pledge.text })));
}
