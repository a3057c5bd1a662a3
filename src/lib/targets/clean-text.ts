// PDF/Word extraction leaves spaces around numbers ("新增学位 5200 个"): they carry no meaning and go.
// A space between two Chinese characters is different: it may stand for punctuation the extraction lost
// ("齐盛湖公园 举办 2021 麦田音乐节 策划环湖马拉松" is three clauses). It stays, as one space, unless the
// document shows a broken word there (src/lib/ingest/text.ts spaceJoinFrom), and it ends a clause.
import type { SpaceJoin } from '../ingest/text';

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’、';
const HAN = /^[\u3400-\u9fff]$/;

const spaceNextToCjk = new RegExp(`(?<=([${CJK}]))[ \\t\\u00a0]+(?=([${CJK}]))|(?<=[${CJK}])[ \\t\\u00a0]+|[ \\t\\u00a0]+(?=[${CJK}])`, 'g');
const spaceInsideNumber = /(?<=\d)[ \t\u00a0]+(?=[%％.])|(?<=[.])[ \t\u00a0]+(?=\d)/g;
/** A space kept between two Chinese characters: a clause boundary for splitClauses. */
const HAN_SPACE_HAN = /(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/;

/** Remove spaces next to numbers and Chinese punctuation; keep one between two Chinese characters (see above). */
export function cleanText(text: string, join: SpaceJoin = () => false): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .replace(spaceNextToCjk, (_, before?: string, after?: string) => (before && after && HAN.test(before) && HAN.test(after) && !join(before, after) ? ' ' : ''))
    .replace(spaceInsideNumber, '')
    .replace(/[ \t\u00a0]{2,}/g, ' ')
    .trim();
}

export interface Clause {
  text: string;
  /** Offset of the clause in the input string. */
  start: number;
}

/** Split at ，；。：！？ (full- and half-width) and at a space kept between two Chinese characters, keeping offsets into the input. Empty clauses are dropped. */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  const re = new RegExp(`(?:(?!${HAN_SPACE_HAN.source})[^，,；;。：:！!？?])+`, 'g');
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: (m.index ?? 0) + lead });
  }
  return out;
}

/** Split into sentences at 。；！？ (a sentence keeps its clauses together for subject carry-over). */
export function splitSentences(text: string): Clause[] {
  const out: Clause[] = [];
  for (const m of text.matchAll(/[^。；;！!？?]+/g)) {
    const t = m[0].trim();
    if (t) out.push({ text: t, start: (m.index ?? 0) + m[0].indexOf(t) });
  }
  return out;
}
