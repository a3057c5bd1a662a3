// Text clean-up shared by every parser. Two forms exist on purpose: `cleanProse` keeps what was printed
// (brackets, punctuation) and only undoes damage from PDF extraction; `normalizeForMatch` is for comparing
// and searching, never for display.

/** Chinese characters and full-width punctuation: spaces between two of these are PDF line-wrap damage. */
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65“”‘’—…·•';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00A0\\u3000]+(?=[${CJK}])`, 'gu');
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Remove spaces a PDF line wrap put between Chinese characters ("已完 成建设任务"); keep spaces around Latin words and numbers. */
export function removeCjkSpaces(s: string): string {
  return s.replace(SPACE_BETWEEN_CJK, '');
}

/** Collapse runs of spaces, drop zero-width characters, fix CJK spacing; newlines are kept. */
export function cleanProse(s: string): string {
  return s
    .replace(ZERO_WIDTH, '')
    .split('\n')
    .map((line) => removeCjkSpaces(line.replace(/[ \t\u00A0]+/g, ' ').trim()))
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

/**
 * Form used only for matching: NFKC (full-width brackets, digits and colons become half-width), no
 * zero-width characters, no whitespace, lower case.
 */
export function normalizeForMatch(s: string): string {
  return s.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/g, '').toLowerCase();
}

/** Sentence-final punctuation: a prose cell ending without it (and without a closing bracket) may be cut off. */
export function endsMidSentence(s: string): boolean {
  const t = s.replace(/<[^>]*>/g, '').trimEnd();
  if (t === '') return false;
  return /[\p{Script=Han}，、：:,（(“‘《]$/u.test(t);
}

export const REPLACEMENT_CHAR = '\uFFFD';
