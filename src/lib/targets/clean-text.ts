// PDF/Word extraction leaves spaces around numbers and between Chinese characters ("新增学位 5200 个",
// "齐盛湖公园 举办"). They carry no meaning in Chinese prose, so matching and display drop them.

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’、';

const spaceNextToCjk = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+|[ \\t\\u00a0]+(?=[${CJK}])`, 'g');
const spaceInsideNumber = /(?<=\d)[ \t\u00a0]+(?=[%％.])|(?<=[.])[ \t\u00a0]+(?=\d)/g;

/** Remove spaces next to Chinese characters and inside numbers; collapse the rest. */
export function cleanText(text: string): string {
  return text.replace(/\s*\n\s*/g, '').replace(spaceNextToCjk, '').replace(spaceInsideNumber, '').replace(/[ \t\u00a0]{2,}/g, ' ').trim();
}

export interface Clause {
  text: string;
  /** Offset of the clause in the input string. */
  start: number;
}

/** Split at ，；。：！？ (full- and half-width), keeping offsets into the input. Empty clauses are dropped. */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  const re = /[^，,；;。：:！!？?]+/g;
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
