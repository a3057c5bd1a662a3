// Headline figures in a sentence: which indicator a clause speaks of (by its subject words), and the
// figure it states. A growth rate is a percentage; an amount (55.51亿元) hands its subject to the next
// clause of the same sentence ("…完成一般公共预算收入55.51亿元，较上年同期增长8.34%") and is kept as the
// figure only when no rate follows (城镇新增就业1.2万人, 进出口总额超过52亿元).
import type { Comparator, Target } from '../schema/target';
import type { IndicatorKey } from '../schema/indicator';
import { extractFromClause } from '../targets/extract-targets';
import { cleanText, splitClauses, splitSentences } from '../targets/clean-text';

export interface IndicatorFigure {
  indicator: IndicatorKey;
  /** Signed figure in `unit` (percent when absent); absent for a text-only statement. */
  value?: number;
  valueTo?: number;
  /** Unit as printed when not a percentage (万人, 亿元). */
  unit?: string;
  comparator?: Comparator;
  comparatorText?: string;
  sharedQualifier?: boolean;
  forecast: boolean;
  /** The clause(s) stating it, cleaned. */
  phrase: string;
  /** Offset of the phrase in the cleaned text. */
  offset: number;
  /** The stretch of cleaned text that states this figure: from the phrase (or the previous figure) to the end of the number. */
  span: [number, number];
}

// 城镇、农村 · 城、乡 · 城乡 (both: urban then rural when 分别 lists two figures).
const INCOME = /(城镇|农村|城乡|城|乡)(?:居民)?(?:[、和与及](城镇|农村|城|乡)(?:居民)?)?人均可支配收入/;
const SIDE_KEY = { 城镇: 'incomeUrban', 城: 'incomeUrban', 农村: 'incomeRural', 乡: 'incomeRural' } as const;

// Most specific first. 生产总值 alone is GDP (国内生产总值, 全市生产总值, 全县生产总值), but not per head
// and not a share of it (服务业增加值占地区生产总值比重).
const SUBJECTS: [RegExp, IndicatorKey[]][] = [
  [/居民人均可支配收入/, ['income']],
  [/生产总值|GDP/, ['gdp']],
  [/一般(?:公共)?预算收入/, ['revenue']],
  [/固定资产投资/, ['investment']],
  [/社会消费品零售总额/, ['retail']],
  [/(?:规模以上|规上)工业增加值/, ['industry']],
  [/外贸进出口|进出口总[额值]|货物进出口/, ['trade']],
  [/城镇新增就业|新增城镇就业/, ['jobs']],
  [/调查失业率/, ['unemployment']],
  [/登记失业率/, ['registeredUnemployment']],
  [/居民消费价格|CPI/, ['cpi']],
  [/粮食(?:总)?产量/, ['grain']],
];
// …and not energy per unit of it (单位地区生产总值能耗降低3%).
const NOT_HEADLINE = /人均(?:地区)?生产总值|人均GDP|比重|占比|占全[市省区县]|排名|位次|能耗|单位(?:地区|国内)?生产总值/;
const ENERGY = /节能减排|约束性指标/;
// Five-year averages and sub-items are not the headline figure.
const SKIP = /年均|其中|扣除|同口径|税收收入/;
// The amounts an indicator may be stated in (besides a percentage).
const AMOUNT_UNIT: Partial<Record<IndicatorKey, RegExp>> = {
  jobs: /^万?人$/,
  grain: /^(?:万亿|[万亿])?(?:吨|斤|公斤|千克)$/,
  trade: /^[万亿]?(?:元|美元)$/,
  gdp: /^[万亿]?元$/,
  revenue: /^[万亿]?元$/,
  investment: /^[万亿]?元$/,
  retail: /^[万亿]?元$/,
  income: /^万?元$/,
  incomeUrban: /^万?元$/,
  incomeRural: /^万?元$/,
};

export function subjectOf(clause: string): IndicatorKey[] | undefined {
  if (NOT_HEADLINE.test(clause)) return undefined;
  const income = INCOME.exec(clause);
  if (income) {
    const [, a, b] = income;
    if (a === '城乡') return /分别/.test(clause) ? ['incomeUrban', 'incomeRural'] : ['income'];
    return b && b !== a ? [SIDE_KEY[a as '城镇'], SIDE_KEY[b as '城镇']] : [SIDE_KEY[a as '城镇']];
  }
  for (const [re, keys] of SUBJECTS) if (re.test(clause)) return keys;
  return undefined;
}

/** The subject words of an indicator as found in text (for the 城镇/农村 split of a two-value cell). */
const SIDE: Partial<Record<IndicatorKey, RegExp>> = { incomeUrban: /^城镇/, incomeRural: /^农村/ };

const isPercent = (t: Target) => t.unit === '%' || t.unit === '％';

function withTarget(fig: IndicatorFigure, t: Target): IndicatorFigure {
  fig.value = t.value;
  if (t.valueTo !== undefined) fig.valueTo = t.valueTo;
  if (!isPercent(t)) fig.unit = t.unit;
  if (t.comparator !== 'exact') {
    fig.comparator = t.comparator;
    fig.comparatorText = t.comparatorText;
  }
  if (t.sharedQualifier) fig.sharedQualifier = true;
  return fig;
}

interface Carried {
  keys: IndicatorKey[];
  clause: string;
  start: number;
  /** Amounts of the subject's own kind stated in the clause (城镇新增就业1.2万人). */
  amounts: Target[];
}

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
    let carried: Carried | undefined;
    let blocked = false; // after 其中/扣除… the rest of the sentence is about a part, not the whole
    /** A subject whose rate never came: its amount, or (外贸进出口总额保持稳定) a text-only statement. */
    const flush = () => {
      if (!carried) return;
      const { clause, start, keys, amounts } = carried;
      const forecast = /预计/.test(clause);
      for (const k of keys) {
        const amount = amounts.find((t) => AMOUNT_UNIT[k]?.test(t.unit));
        const fig: IndicatorFigure = { indicator: k, forecast, phrase: clause, offset: start, span: [start, start + clause.length] };
        out.push(amount ? withTarget(fig, amount) : fig);
      }
      carried = undefined;
    };
    for (const c of splitClauses(sentence.text)) {
      const start = sentence.start + c.start;
      // 同口径增长3.5% is skipped as a second reading of a figure already given, not when it is the only one.
      const named = subjectOf(c.text);
      const alternative = /同口径/.test(c.text) && !/年均|其中|扣除|税收收入/.test(c.text) && !blocked && !!named && !out.some((f) => f.offset >= sentence.start && named.includes(f.indicator));
      if (SKIP.test(c.text) && !alternative) {
        flush();
        blocked = true;
        continue;
      }
      if (ENERGY.test(c.text) && !defaults.length) {
        flush();
        out.push({ indicator: 'energy', forecast: false, phrase: c.text, offset: start, span: [start, start + c.text.length] });
        continue;
      }
      const own = subjectOf(c.text);
      if (own) flush();
      const keys = own ?? carried?.keys ?? (blocked ? [] : fallback);
      const found = extractFromClause(c.text);
      const percents = found.filter(isPercent);
      if (!keys.length) continue;
      if (!percents.length) {
        // A subject without a rate (an amount) may get its rate in the next clause.
        if (own) carried = { keys: own, clause: c.text, start, amounts: found };
        else flush();
        continue;
      }
      const phrase = own || !carried ? c.text : `${carried.clause}，${c.text}`;
      const offset = own || !carried ? start : carried.start;
      // 预计 governs the rest of its sentence: 预计全区地区生产总值增长5.6%，一般公共预算收入增长8.1% are both forecasts.
      const forecast = /预计/.test(phrase) || /预计/.test(sentence.text.slice(0, c.start));
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
        out.push(withTarget({ indicator, forecast, phrase, offset, span: [spanStart, start + cursor] }, t));
      });
      carried = undefined;
    }
    flush();
  }
  return out;
}
