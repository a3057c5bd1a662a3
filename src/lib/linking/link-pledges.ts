// The same pledge in a work report and in a later bulletin of that district-year. Bulletins lift one
// or a few clauses out of a work-report paragraph (often trimmed or lightly reworded), so we compare a
// bulletin pledge with every run of up to MAX_WINDOW consecutive clauses of the paragraph and keep the
// best Dice coefficient over character bigrams of the normalised text.
import { cleanText, splitClauses } from '../targets/clean-text';

const MAX_WINDOW = 4;

/**
 * Score at or above which two pledges are the same. Measured on the seeds (tests/workreport-linking.test.ts):
 * a clause run lifted verbatim scores 1, a trimmed or reworded one (name dropped, 实施→抓好) 0.7–0.9;
 * the best match of any of Linzi's 204 pledges (2021, 2023) against Zhangdian's 2021 work report is
 * 0.571, so 0.6 links none of them. Pledges of the same district in consecutive years can pass it
 * (recurring wording), which is why links are only sought within one district-year.
 */
export const LINK_THRESHOLD = 0.6;

/** Text for matching: cleaned, only Chinese characters, letters and digits (punctuation and quotes dropped). */
export function normalisePledge(text: string): string {
  return cleanText(text).replace(/[^\p{Script=Han}\p{L}\p{N}.%]/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function size(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

function diceOf(A: Map<string, number>, B: Map<string, number>): number {
  const total = size(A) + size(B);
  let shared = 0;
  for (const [g, n] of B) shared += Math.min(n, A.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Dice coefficient over character bigrams (with multiplicity), 0…1. */
export function dice(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

/** Best similarity of a bulletin pledge to any run of 1…MAX_WINDOW consecutive clauses of a work-report paragraph. */
export function pledgeSimilarity(bulletinPledge: string, workReportParagraph: string): number {
  const B = bigrams(normalisePledge(bulletinPledge));
  const clauses = splitClauses(cleanText(workReportParagraph)).map((c) => normalisePledge(c.text));
  let best = 0;
  for (let i = 0; i < clauses.length; i++) {
    let window = '';
    for (let j = i; j < Math.min(i + MAX_WINDOW, clauses.length); j++) {
      window += clauses[j];
      best = Math.max(best, diceOf(bigrams(window), B));
    }
  }
  return best;
}

export interface PledgeText {
  id: string;
  text: string;
}

export interface PledgeLink {
  workReportTaskId: string;
  bulletinTaskId: string;
  score: number;
}

/**
 * One-to-one links between the pledges of a work report and the tasks of the bulletins of the same
 * district-year, best scores first. A bulletin task left without a link stays a task of its own.
 */
export function linkPledges(workReport: readonly PledgeText[], bulletin: readonly PledgeText[], threshold = LINK_THRESHOLD): PledgeLink[] {
  const candidates: PledgeLink[] = [];
  for (const w of workReport) {
    for (const b of bulletin) {
      const score = pledgeSimilarity(b.text, w.text);
      if (score >= threshold) candidates.push({ workReportTaskId: w.id, bulletinTaskId: b.id, score: Math.round(score * 1000) / 1000 });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.bulletinTaskId.localeCompare(y.bulletinTaskId));
  const usedW = new Set<string>();
  const usedB = new Set<string>();
  const links: PledgeLink[] = [];
  for (const c of candidates) {
    if (usedB.has(c.bulletinTaskId)) continue;
    // A work-report paragraph often holds several bulletin pledges (one per sentence): it may take many.
    links.push(c);
    usedB.add(c.bulletinTaskId);
    usedW.add(c.workReportTaskId);
  }
  return links;
}
