import type { Target } from '../schema/target';

const TRAILING = new Set(['以上', '左右', '以内', '以下', '余', '多']);

/** The commitment as printed: the leading word (突破, 达到, 控制在…) and the matched figure: 突破100家, 控制在4.5%以内. */
export function targetText(t: Pick<Target, 'match' | 'comparatorText' | 'verb'>): string {
  const lead = t.verb ?? (t.comparatorText && !TRAILING.has(t.comparatorText) ? t.comparatorText : '');
  return `${lead}${t.match}`;
}
