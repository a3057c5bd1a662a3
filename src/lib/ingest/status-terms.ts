// Finding inference terms in a result text: whole terms only, and negated terms read as "not done".
// Chinese has no spaces between words, so "whole term" is made concrete by the longer words a term may
// sit inside without meaning itself (通车 in 直通车 is a train service, not a road opening to traffic).

export type EvidenceKind = 'notDone' | 'underway' | 'done';

export interface Evidence {
  kind: EvidenceKind;
  /** The words as printed in the result (negator included): 尚未启动, 已完成, 新选聘“科技副总”6人（目标15人以上）. */
  phrase: string;
  /** Offset in the space-free result text: evidence is listed in reading order. */
  at: number;
}

export interface TermRules {
  notDone: readonly string[];
  underway: readonly string[];
  done: readonly string[];
  notYet: readonly string[];
  negators: readonly string[];
  negatable: readonly string[];
  notInside: Readonly<Record<string, readonly string[]>>;
}

/** Every occurrence of `term` in `text` that is not part of a longer word listed for it. */
function wholeTermAt(text: string, term: string, notInside: readonly string[] = []): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) {
    const inside = notInside.some((w) => {
      const k = w.indexOf(term);
      return k !== -1 && text.startsWith(w, i - k);
    });
    if (!inside) out.push(i);
  }
  return out;
}

// Between a negator and the verb it negates: a few characters of the same clause (尚未启动, 不能全部完成,
// 未与投资主体达成). Punctuation ends a clause: a negator never reaches into the next one.
const GAP = '[^。；;，,：:！!？?、\\d]{0,6}?';

/**
 * Negated phrases first: a negator followed, in the same clause, by a term it negates. The characters
 * they cover are masked so that the positive term inside (启动 in 尚未启动) never counts for progress.
 * Then the plain terms of each kind, longest first, each masking what it covers.
 */
export function findEvidence(text: string, rules: TermRules): Evidence[] {
  const found: Evidence[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const free = (at: number, len: number) => taken.slice(at, at + len).every((x) => !x);
  const take = (at: number, len: number) => taken.fill(true, at, at + len);
  const byLength = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length);
  const verbs = byLength([...rules.negatable, ...rules.done, ...rules.underway]).map(escape).join('|');
  const alt = (xs: readonly string[]) => byLength(xs).map(escape).join('|');
  const negated = new RegExp(`(${alt(rules.notYet)})\\p{Script=Han}{1,2}|(${alt(rules.negators)})${GAP}(?:${verbs})`, 'gu');
  for (const m of text.matchAll(negated)) {
    // 未 in 未来 is no negator: the same whole-term exceptions apply.
    const negator = m[1] ?? m[2]!;
    if (!wholeTermAt(text, negator, rules.notInside[negator]).includes(m.index!)) continue;
    if (!free(m.index!, m[0].length)) continue;
    found.push({ kind: 'notDone', phrase: m[0], at: m.index! });
    take(m.index!, m[0].length);
  }
  const kinds: EvidenceKind[] = ['notDone', 'underway', 'done'];
  const terms = byLength(kinds.flatMap((k) => rules[k].map((term) => ({ k, term }))).map((x) => x.term));
  const kindOf = new Map(kinds.flatMap((k) => rules[k].map((term) => [term, k] as const)));
  for (const term of terms) {
    for (const at of wholeTermAt(text, term, rules.notInside[term])) {
      if (!free(at, term.length)) continue;
      found.push({ kind: kindOf.get(term)!, phrase: term, at });
      take(at, term.length);
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
