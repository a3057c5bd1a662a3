// Text clean-up shared by every parser. Two forms exist on purpose: `cleanProse` keeps what was printed
// (brackets, punctuation) and only undoes damage from PDF extraction; `normalizeForMatch` is for comparing
// and searching, never for display.

/** Chinese characters and full-width punctuation. */
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65“”‘’—…·•';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=([${CJK}]))[ \\t\\u00A0\\u3000]+(?=([${CJK}]))`, 'gu');
const HAN = /^\p{Script=Han}$/u;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Whether a space between two Chinese characters is a broken word to rejoin. The same space is either a
 * PDF line wrap inside a word ("已完 成建设任务", "原污水 厂") or punctuation the extraction lost between two
 * clauses ("齐盛湖公园 举办", "时尚业态 加快建设"); the text around it cannot tell which.
 */
export type SpaceJoin = (before: string, after: string) => boolean;

/**
 * The evidence is the document itself: a wrap splits a word the document also prints whole, so the two
 * characters either side of the space stand together elsewhere in it. Twice is enough (完成 305 times in
 * the 2023 bulletin; 园举 and 态加 not twice in the work report). In a document whose spaces have proved
 * to be wraps (at least WRAPS_PROVEN of them split a word printed whole twice) once is enough (总 结).
 * Without that evidence the space stays.
 */
const WRAPS_PROVEN = 3;
export function spaceJoinFrom(documentText: string): SpaceJoin {
  const pairs = new Map<string, number>();
  const chars = [...documentText];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (HAN.test(chars[i]!) && HAN.test(chars[i + 1]!)) pairs.set(chars[i]! + chars[i + 1]!, (pairs.get(chars[i]! + chars[i + 1]!) ?? 0) + 1);
  }
  const count = (before: string, after: string) => pairs.get(before + after) ?? 0;
  let proven = 0;
  for (const m of documentText.matchAll(/(\p{Script=Han})[ \u3000]+(\p{Script=Han})/gu)) if (count(m[1]!, m[2]!) >= 2) proven++;
  const least = proven >= WRAPS_PROVEN ? 1 : 2;
  return (before, after) => count(before, after) >= least;
}

/**
 * Remove spaces beside Chinese punctuation (“进展： 已完成”) and, where the document shows a word was broken
 * (see spaceJoinFrom), between two Chinese characters. A space between two Chinese characters without that
 * evidence may stand for lost punctuation: it stays, as one space, so two clauses are never glued.
 * Spaces around Latin words and numbers are kept.
 */
export function removeCjkSpaces(s: string, join: SpaceJoin = () => false): string {
  return s.replace(SPACE_BETWEEN_CJK, (space, before: string, after: string) => (HAN.test(before) && HAN.test(after) && !join(before, after) ? ' ' : ''));
}

/** Collapse runs of spaces, drop zero-width characters, fix CJK spacing; newlines are kept. */
export function cleanProse(s: string, join?: SpaceJoin): string {
  return s
    .replace(ZERO_WIDTH, '')
    .split('\n')
    .map((line) => removeCjkSpaces(line.replace(/[ \t\u00A0]+/g, ' ').trim(), join))
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

/**
 * Form used only for matching: NFKC (full-width brackets, digits and colons become half-width), no
 * zero-width characters, no whitespace, lower case.
 */
function normalizeForMatch(s: string): string {
  return s.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/g, '').toLowerCase();
}

/** Sentence-final punctuation: a prose cell ending without it (and without a closing bracket) may be cut off. */
export function endsMidSentence(s: string): boolean {
  const t = s.replace(/<[^>]*>/g, '').trimEnd();
  if (t === '') return false;
  return /[\p{Script=Han}，、：:,（(“‘《]$/u.test(t);
}

export const REPLACEMENT_CHAR = '\uFFFD';
