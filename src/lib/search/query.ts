// Query parsing. The reader's input is text, never syntax: terms are split on spaces (ASCII or
// full-width U+3000) and ANDed; a pair of double quotes ("…" or “…”) around a stretch keeps it, spaces
// and all, as one term; Fuse's extended-search operators (' ! ^ $ = |) are ordinary characters.
import { normalizeText } from './normalize';

export interface ParsedQuery {
  /** Normalised terms, all of which a document must contain (substring match). */
  terms: string[];
}

/** More terms than this add nothing a reader can use; they are dropped (a phrase is one term). */
// Exported (though used only here) so the bundler inlines it into the search client: the built bytes stay as they were.
export const MAX_TERMS = 8;

const OPEN_CLOSE: Record<string, string> = { '"': '"', '“': '”' };

const SINGLE_HAN = /^[\u4e00-\u9fff]$/u;

export function parseQuery(raw: string): ParsedQuery {
  const text = normalizeText(raw.replace(/\n/g, ' '), false);
  const terms: string[] = [];
  let i = 0;
  const chars = Array.from(text);
  let current = '';
  const flush = () => {
    // A phrase is normalised like the index text (a space between Han characters dropped).
    const t = normalizeText(current.trim());
    if (t) terms.push(t);
    current = '';
  };
  while (i < chars.length) {
    const ch = chars[i]!;
    const close = OPEN_CLOSE[ch];
    if (close !== undefined && current === '') {
      // Quotes make a phrase only when they wrap a whole space-delimited stretch; inside a word
      // (推进“五个优化”工作, pasted from a report) they are characters like any other.
      const end = chars.indexOf(close, i + 1);
      if (end > i && (end + 1 === chars.length || chars[end + 1] === ' ')) {
        // A quoted phrase: everything inside, literally, as one term.
        flush();
        current = chars.slice(i + 1, end).join('');
        flush();
        i = end + 1;
        continue;
      }
      // An unpaired quote is just a character.
    }
    if (ch === ' ') flush();
    else current += ch;
    i++;
  }
  flush();
  // Two or three single Han characters in a row are one name broken by spaces (崔 赞, as PDFs print
  // it), not one-character words: joined, as the index text joins them.
  const joined: string[] = [];
  for (let i = 0; i < terms.length; ) {
    let j = i;
    while (j < terms.length && SINGLE_HAN.test(terms[j]!)) j++;
    if (j - i >= 2 && j - i <= 3) {
      joined.push(terms.slice(i, j).join(''));
      i = j;
    } else joined.push(terms[i++]!);
  }
  return { terms: [...new Set(joined)].slice(0, MAX_TERMS) };
}

/** All terms occur in the normalised text (the exact-mode rule, shared by engine, tests and bench). */
export function matchesAll(normalized: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!normalized.includes(t)) return false;
  return true;
}
