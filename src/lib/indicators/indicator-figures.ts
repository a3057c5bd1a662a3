// Headline figures in a sentence: which indicator a clause speaks of (by its subject words), and the
// growth rate it states. Only percentages count as growth; an amount (55.51亿元) hands its subject to
// the next clause of the same sentence ("…完成一般公共预算收入55.51亿元，较上年同期增长8.34%").
import type { Comparator } from '../schema/target';
import type { IndicatorKey } from '../schema/indicator';
import { extractFromClause } from '../targets/extract-targets';
import { cleanText, splitClauses, splitSentences } from '../targets/clean-text';

export interface IndicatorFigure {
  indicator: IndicatorKey;
  /** Signed growth in percent; absent for a text-only statement. */
  value?: number;
  comparator?: Comparator;
  comparatorText?: string;
  forecast: boolean;
  /** The clause(s) stating it, cleaned. */
  phrase: string;
  /** Offset of the phrase in the cleaned text. */
  offset: number;
  /** The stretch of cleaned text that states this figure: from the phrase (or the previous figure) to the end of the number. */
  span: [number, number];
}

// Longest and most specific first: 城镇居民人均可支配收入 must not be read as 居民人均可支配收入.
const SUBJECTS: [RegExp, IndicatorKey[]][] = [
  [/城镇(?:居民)?和农村居民人均可支配收入/, ['incomeUrban', 'incomeRural']],
  [/城镇居民人均可支配收入/, ['incomeUrban']],
  [/农村居民人均可支配收入/, ['incomeRural']],
  [/居民人均可支配收入/, ['income']],
  [/地区生产总值|GDP/, ['gdp']],
  [/一般公共预算收入/, ['revenue']],
  [/固定资产投资/, ['investment']],
  [/社会消费品零售总额/, ['retail']],
  [/(?:规模以上|规上)工业增加值/, ['industry']],
  [/外贸进出口|进出口总额/, ['trade']],
];
const ENERGY = /节能减排|约束性指标/;
// Five-year averages and sub-items are not the headline figure.
const SKIP = /年均|其中|扣除|同口径|税收收入/;

export function subjectOf(clause: string): IndicatorKey[] | undefined {
  for (const [re, keys] of SUBJECTS) if (re.test(clause)) return keys;
  return undefined;
}

/** The subject words of an indicator as found in text (for the 城镇/农村 split of a two-value cell). */
const SIDE: Partial<Record<IndicatorKey, RegExp>> = { incomeUrban: /^城镇/, incomeRural: /^农村/ };

/**
 * Figures in a text. `defaults`: the indicators a subject-less clause speaks of (a bulletin cell such
 * as "6%" or "未完成。预计同比下降6%。" under the pledge 地区生产总值增长6.5%左右).
 */
export function indicatorFigures(raw: string, defaults: IndicatorKey[] = []): IndicatorFigure[] {
  const text = cleanText(raw);
  const out: IndicatorFigure[] = [];
  // A cell that names its subjects itself ("地区生产总值预计增长12%…") gets no defaults: its other
  // figures (工业总产值…增长43.6%) are about something else.
  const fallback = splitClauses(text).some((c) => subjectOf(c.text)) ? [] : defaults;
  for (const sentence of splitSentences(text)) {
    let carried: { keys: IndicatorKey[]; clause: string; start: number } | undefined;
    let blocked = false; // after 其中/扣除… the rest of the sentence is about a part, not the whole
    for (const c of splitClauses(sentence.text)) {
      const start = sentence.start + c.start;
      if (SKIP.test(c.text)) {
        carried = undefined;
        blocked = true;
        continue;
      }
      if (ENERGY.test(c.text) && !defaults.length) {
        out.push({ indicator: 'energy', forecast: false, phrase: c.text, offset: start, span: [start, start + c.text.length] });
        continue;
      }
      const own = subjectOf(c.text);
      const keys = own ?? carried?.keys ?? (blocked ? [] : fallback);
      const percents = extractFromClause(c.text).filter((t) => t.unit === '%' || t.unit === '％');
      if (!keys.length) continue;
      if (!percents.length) {
        // A subject without a rate (an amount) may get its rate in the next clause.
        carried = own ? { keys: own, clause: c.text, start } : undefined;
        continue;
      }
      const phrase = own || !carried ? c.text : `${carried.clause}，${c.text}`;
      const offset = own || !carried ? start : carried.start;
      const forecast = /预计/.test(phrase) || (!own && /预计/.test(sentence.text.slice(0, c.start)));
      let cursor = 0; // offset in the clause after the previous figure
      percents.forEach((t, i) => {
        const at = c.text.indexOf(t.match, cursor);
        const spanStart = i === 0 ? offset : start + cursor;
        cursor = at + t.match.length;
        // 城镇7%农村7.1% (a cell under a 分别 pledge): the side word right before the figure decides;
        // in a clause with its own subject (分别增长7%和7.5%) the order does.
        const before = c.text.slice(0, at);
        const sideWord = own ? undefined : /(城镇|农村)[^\d]{0,6}$/.exec(before)?.[1];
        const side = sideWord ? keys.find((k) => SIDE[k]?.test(sideWord)) : undefined;
        const indicator = keys.length > 1 ? (side ?? keys[i]) : keys[0];
        if (!indicator) return;
        const fig: IndicatorFigure = { indicator, value: t.value, forecast, phrase, offset, span: [spanStart, start + cursor] };
        if (t.comparator !== 'exact') {
          fig.comparator = t.comparator;
          fig.comparatorText = t.comparatorText;
        }
        out.push(fig);
      });
      carried = undefined;
    }
    // 外贸进出口总额保持稳定: a subject that never got a rate is a text-only statement.
    if (carried) {
      const { clause, start } = carried;
      for (const k of carried.keys) out.push({ indicator: k, forecast: /预计/.test(clause), phrase: clause, offset: start, span: [start, start + clause.length] });
    }
  }
  return out;
}
