// Quantities in an inferred status: where the period target and the result both give a number of the
// same thing (新选聘“科技副总”15人以上 / 新选聘“科技副总”6人), the numbers decide, not the verb in front
// (已落实…). A result that gives its own share of a goal (完成年度目标任务的55%, 工程已完成30%) is under
// way until it reaches 100%.
import type { Evidence } from './status-terms';

/** Units a count or amount is given in; the same unit on both sides is the first test of "the same thing". */
const UNITS = ['万美元', '亿美元', '美元', '平方米', '平方', '万元', '亿元', '公里', '万人', '人次', '批次', '%', '亿', '万', '人', '家', '个', '项', '处', '座', '所', '套', '辆', '亩', '件', '宗', '次', '批', '场', '台', '吨', '户', '间', '条', '名', '期', '米', '盏', '栋', '千米'];
const UNIT_ALIASES: Record<string, string> = { 亿元: '亿', 万元: '万', 平方: '平方米' };
const NUMBER = new RegExp(`(\\d+(?:\\.\\d+)?)(${[...UNITS].sort((a, b) => b.length - a.length).join('|')})`, 'gu');
/** Words that say nothing about *what* is counted: left out when comparing what two numbers count. */
const GENERIC = /累计|完成|实现|达到|争取|力争|确保|全区|年度|年内|全年|截至|共计|超过|突破|以上|左右|以内|以下|不低于|不少于|约|共|新增|其中|目前/gu;
const CLAUSE_END = /[。；;，,、：:！!？?（）()\s]/u;
const AT_MOST = /以内|以下|控制在|不超过|不高于|低于/u;

interface Quantity {
  value: number;
  unit: string;
  /** What is counted: the words of the clause just before the number and just after the unit. */
  what: Set<string>;
  /** As printed, for the deciding phrase: the clause around the number, and the number with what follows it. */
  printed: string;
  figure: string;
  atMost: boolean;
  forecast: boolean;
  at: number;
}

function bigrams(s: string): Set<string> {
  const t = s.replace(GENERIC, '|');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) if (!t.slice(i, i + 2).includes('|')) out.add(t.slice(i, i + 2));
  return out;
}

function quantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index!;
    // A year, a date or a range end (2021年, 1-9月) is not a quantity: the unit list leaves 年/月/日 out.
    if (/[-—~～.]$/.test(text.slice(0, at)) || /^[年月日号]/.test(text.slice(at + m[0].length))) continue;
    let start = at;
    while (start > 0 && at - start < 10 && !CLAUSE_END.test(text[start - 1]!) && !/\d/.test(text[start - 1]!)) start--;
    let end = at + m[0].length;
    while (end < text.length && end - (at + m[0].length) < 12 && !CLAUSE_END.test(text[end]!) && !/\d/.test(text[end]!)) end++;
    let clause = at;
    while (clause > 0 && !CLAUSE_END.test(text[clause - 1]!)) clause--;
    const before = text.slice(start, at).replace(/[“”"‘’《》]/g, '');
    const after = text.slice(at + m[0].length, end).replace(/[“”"‘’《》]/g, '');
    out.push({
      value: Number(m[1]),
      unit: UNIT_ALIASES[m[2]!] ?? m[2]!,
      what: new Set([...bigrams(before), ...bigrams(after)]),
      printed: text.slice(start, end),
      // What the target counts, cut where a second item begins (5个示范片区和4个…).
      figure: text.slice(at, end).replace(/[和及与并].*$/u, ''),
      atMost: AT_MOST.test(before + after),
      forecast: /预计|预测/.test(text.slice(clause, at)),
      at,
    });
  }
  return out;
}

const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;

/**
 * Each target quantity against the result quantity that counts the same thing: the same unit and the
 * most words in common (at least one two-character word). A tie is ambiguous and decides nothing; a
 * forecast (预计) is not a result. A result short of its target is under way. Reaching targets is done
 * only when every quantity of the target was found and reached: one figure met out of three says
 * nothing about the other two.
 */
export function compareQuantities(targets: readonly string[], result: string): Evidence[] {
  const got = quantities(result).filter((q) => !q.forecast);
  const wanted = targets.flatMap(quantities);
  const out: Evidence[] = [];
  for (const want of wanted) {
    if (want.what.size === 0) continue;
    const scored = got.filter((g) => g.unit === want.unit).map((g) => ({ g, score: shared(g.what, want.what) })).filter((x) => x.score > 0);
    const best = Math.max(0, ...scored.map((x) => x.score));
    const top = scored.filter((x) => x.score === best);
    if (top.length !== 1) continue;
    const g = top[0]!.g;
    const met = want.atMost ? g.value <= want.value : g.value >= want.value;
    out.push({ kind: met ? 'done' : 'underway', phrase: `${g.printed}（目标${want.figure}）`, at: g.at });
  }
  return out.length === wanted.length ? out : out.filter((e) => e.kind !== 'done');
}

// 完成年度目标任务的55%, 已完成当年施工进度的94%, 工程已完成30%, 超挖灰土换填已完成3/4.
const SHARE_OF_GOAL = /(?:(?:已?完成)?(?:年度|全年|当年|季度|计划)?[\p{Script=Han}]{0,4}?(?:目标|任务|计划|进度)(?:任务)?的?|完成)(\d+(?:\.\d+)?)%|完成(\d+)\/(\d+)/gu;

/** A result that gives its own share of a goal below 100% is under way. */
export function shareOfGoal(result: string): Evidence[] {
  const out: Evidence[] = [];
  for (const m of result.matchAll(SHARE_OF_GOAL)) {
    const share = m[1] !== undefined ? Number(m[1]) / 100 : Number(m[2]) / Number(m[3]);
    out.push({ kind: share < 1 ? 'underway' : 'done', phrase: m[0], at: m.index! });
  }
  return out;
}
