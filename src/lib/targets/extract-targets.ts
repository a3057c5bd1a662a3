// Rule-based extraction of quantified commitments (新增市级以上创新平台5个以上, 城镇登记失业率控制在4.5%以内).
// Rules, in order: a number (not a year, ordinal, model name or part of "21+2"), an optional range
// (1-2), an optional multiplier (万/亿), optional 余/多, a unit from UNITS, then an optional trailing
// comparator (以上 左右 以内 以下). A leading 突破/达到/超过/不少于… right before the number bounds it when no
// trailing word does. A bare number without unit or comparator is not a commitment and is skipped.
import type { Comparator, Target } from '../schema/target';
import { cleanText, splitClauses } from './clean-text';

// Longest first so 万平方米 wins over 米 and 人次 over 人.
const UNITS = [
  '平方公里', '平方米', '百分点', '标准箱', '公里', '千米', '千瓦', '兆瓦', '美元', '人次', '公斤', '千克',
  '%', '％', '元', '人', '名', '户', '吨', '斤', '个', '家', '套', '项', '栋', '笔', '处', '所', '条', '座', '台',
  '辆', '场', '亩', '间', '张', '支', '批', '件', '只', '株', '棵', '片', '床', '层', '倍', '天', '米', '次', '轮', '份', '块', '部', '路',
];
const COUNT_WORDS = new Set(['人', '名', '户', '个', '家', '套', '项', '栋', '笔', '处', '所', '条', '座', '台', '辆', '场', '间', '张', '支', '批', '件', '只', '株', '棵', '片', '床', '层', '次', '轮', '份', '块', '部']);
const unitAlt = UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|');

const TRAILING: Record<string, Comparator> = { 以上: 'atLeast', 左右: 'about', 以内: 'atMost', 以下: 'atMost' };
const LEADING: Record<string, Comparator> = {
  突破: 'exceed', 超过: 'exceed', 达到: 'reach', 达: 'reach', 不少于: 'atLeast', 不低于: 'atLeast', 不超过: 'atMost', 控制在: 'atMost',
};
const leadingAlt = Object.keys(LEADING).sort((a, b) => b.length - a.length).join('|');

// number, optional range (its first end may repeat the percent sign: 4.5%—5%, 6%－6.5%), optional
// multiplier, optional 余/多, optional unit, optional trailing comparator.
const NUMBER_RE = new RegExp(
  `([-−－+]?\\d+(?:\\.\\d+)?)(?:[%％]?\\s*[-—–~～至到－]\\s*(\\d+(?:\\.\\d+)?))?(万亿|万|亿|千)?(余|多)?(${unitAlt})?(以上|左右|以内|以下)?`,
  'g',
);
// What may stand between two figures of one list (分别增长7%、7.5%左右).
const LIST_JOINER = /^\s*(?:、|和|与|及|，|,)\s*$/;

// Words after a number that make it a date, an ordinal or a name, never a commitment.
const NOT_A_QUANTITY_AFTER = /^(年|月|日|号|届|周年|时|点|[A-Za-z]|\+|[”"]?个行业)/;
const NOT_A_QUANTITY_BEFORE = /(第|\+|[A-Za-z]|[-—~～])$/;
const DOWN = /(下降|减少|降低|回落|负增长)(?:了)?$/;
const UP = /(增长|提高|提升|增加|增速|增幅)(?:保持在|达到|为)?$/;

function parseNumber(s: string): number {
  return Number(s.replace(/[−－]/, '-'));
}

function insideQuotes(before: string): boolean {
  const open = (before.match(/“/g) ?? []).length;
  const close = (before.match(/”/g) ?? []).length;
  return open > close;
}

/** Quantified commitments in one clause (already cleaned). */
export function extractFromClause(clause: string): Target[] {
  const out: Located[] = [];
  // 分别增长7%和7.5%: the verb before the first figure governs the rest of the clause.
  let clauseDirection: 'up' | 'down' | undefined;
  for (const m of clause.matchAll(NUMBER_RE)) {
    const [whole, num, numTo, mult = '', approx = '', unit = '', trailing = ''] = m;
    const start = m.index ?? 0;
    const before = clause.slice(0, start);
    const after = clause.slice(start + whole.length);
    if (!num || (!unit && !trailing && !mult)) continue;
    // A unit-less figure followed by 年/月 etc. ("2021年", "1-9月份") is a date.
    if (NOT_A_QUANTITY_AFTER.test(unit ? '' : after) || NOT_A_QUANTITY_BEFORE.test(before)) continue;
    if (!unit && /^\d{4}$/.test(num)) continue; // a bare four-digit number is a year ("2021 淄博青岛啤酒节")
    if (insideQuotes(before)) continue; // a name: “人才金政37条”, “21+2”
    const lead = new RegExp(`(${leadingAlt})$`).exec(before)?.[1];
    let comparator: Comparator = 'exact';
    let comparatorText = '';
    if (trailing) {
      comparator = TRAILING[trailing]!;
      comparatorText = trailing;
    } else if (lead) {
      comparator = LEADING[lead]!;
      comparatorText = lead;
    } else if (approx) {
      comparator = 'over';
      comparatorText = approx;
    }
    let value = parseNumber(num);
    // "1.3家企业拟建…" is item 1 of a list, then 3家: a count word never takes a decimal.
    if (/^\d+\.\d+$/.test(num) && start === 0 && COUNT_WORDS.has(unit) && !mult) {
      value = Number(num.split('.')[1]);
      out.push({ phrase: clause, match: whole.slice(num.indexOf('.') + 1), value, unit, comparator: trailing ? TRAILING[trailing]! : 'exact', comparatorText: trailing, [AT]: start + num.indexOf('.') + 1 });
      continue;
    }
    const isPercent = unit === '%' || unit === '％' || unit === '百分点';
    const own = DOWN.test(before) ? 'down' : UP.test(before) || /^[-−－]/.test(num) ? (value < 0 ? 'down' : 'up') : undefined;
    const direction = own ?? (isPercent ? clauseDirection : undefined);
    if (own && isPercent) clauseDirection = own;
    if (isPercent && direction === 'down' && value > 0) value = -value;
    const target: Target = {
      phrase: clause,
      match: whole,
      value,
      unit: `${mult}${unit}`,
      comparator,
      comparatorText,
    };
    if (numTo) target.valueTo = direction === 'down' && isPercent ? -parseNumber(numTo) : parseNumber(numTo);
    if (trailing && lead) target.verb = lead;
    if (direction && isPercent) target.direction = direction;
    out.push(Object.assign(target, { [AT]: start }));
  }
  return listQualifier(clause, out);
}

const AT = Symbol('offset in the clause');
type Located = Target & { [AT]?: number };

/**
 * A qualifier after the last figure of a list applies to the whole list: 分别增长7%、7.5%左右 is 7%左右 and
 * 7.5%左右 (the usual reading of such a list in Chinese official prose). Only figures of the same unit joined
 * by 、/和/与/及 with no qualifier of their own take it; 7%以上、7.5%左右 keeps each its own word.
 */
function listQualifier(clause: string, found: Located[]): Target[] {
  for (let i = found.length - 1; i > 0; i--) {
    const last = found[i]!;
    if (!last.comparatorText || !/(以上|左右|以内|以下)$/.test(last.match)) continue;
    for (let j = i - 1; j >= 0; j--) {
      const prev = found[j]!;
      const next = found[j + 1]!;
      const between = clause.slice(prev[AT]! + prev.match.length, next[AT]!);
      if (prev.unit !== last.unit || prev.comparator !== 'exact' || !LIST_JOINER.test(between)) break;
      prev.comparator = last.comparator;
      prev.comparatorText = last.comparatorText;
      prev.sharedQualifier = true;
    }
  }
  return found.map(({ [AT]: _, ...t }) => t);
}

/** All quantified commitments in a text, clause by clause, in order. */
export function extractTargets(text: string): Target[] {
  return splitClauses(cleanText(text)).flatMap((c) => extractFromClause(c.text));
}
