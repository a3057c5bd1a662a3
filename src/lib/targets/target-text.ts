import type { Target } from '../schema/target';

const TRAILING = new Set(['以上', '左右', '以内', '以下', '余', '多']);

/**
 * The commitment as printed: the leading word (突破, 达到, 控制在…) and the matched figure: 突破100家,
 * 控制在4.5%以内. A qualifier printed once after the last figure of a list is added to the others with a
 * mark, since it was not printed next to them: 分别增长7%、7.5%左右 → 7%〔左右〕.
 */
export function targetText(t: Pick<Target, 'match' | 'comparatorText' | 'verb' | 'sharedQualifier'>): string {
  const lead = t.verb ?? (t.comparatorText && !TRAILING.has(t.comparatorText) ? t.comparatorText : '');
  return `${lead}${t.match}${t.sharedQualifier ? `〔${t.comparatorText}〕` : ''}`;
}
