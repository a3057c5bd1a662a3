import type { ReportedTotalKey } from '../schema';
import type { AnomalyDraft, ParsedRow } from './parse-report';
import { statusOfPhrase } from './stated-status';

// Totals a document states about itself: "99项重点工作任务中，2项已完成…，86项有序推进…，8项未完成…，
// 2项因政策调整暂不实施，1项待确定", "共124项，完成104项…", "共有42项任务". Kept with their line so they can
// be compared with the rows counted. Read only from text outside the rows (title, preamble, footnotes,
// prose), one clause at a time; a status count needs a total or another count in the same sentence, so a
// lone "完成120项审批" in a narrative is not taken for a total.

export interface ReportedTotal {
  key: ReportedTotalKey;
  /** The category as printed: 已完成年度目标任务, 待确定. */
  label: string;
  count: number;
  line: number;
  /** The clause as printed. */
  phrase: string;
}

const COUNT = /(?<![\d.第])(\d{1,5})(?![\d.%％])\s*(?:项|个|件|条)?(?!\s*(?:年|月|日|号|万|亿|元|个百分点|%|季度|倍|岁|人|户|家|亩|公里|米|吨|辆|套))/u;
const TOTAL = [
  /(?:共|共有|总计|合计|全年|全部)[^，,；;。\d]{0,10}?(\d{1,5})\s*(?:项|个|件|条)/u,
  /^[^\d]{0,6}?(\d{1,5})\s*(?:项|个|件|条)[^，,；;。]{0,16}?(?:中|当中)$/u,
];
// "纳入督查的124项任务": a count of tasks that is a total only when status counts follow in the same sentence.
const WEAK_TOTAL = /^[^\d]{0,12}?(\d{1,5})\s*(?:项|个|件|条)[^，,；;。\d]{0,10}?(?:任务|工作|事项|项目)$/u;

const tidy = (s: string) => s.replace(/^[（(]+|[)）]+$/g, '').trim();

/** Read the stated totals from segments of text (each with its line). */
export function readReportedTotals(segments: { line: number; text: string }[]): ReportedTotal[] {
  const out: ReportedTotal[] = [];
  for (const seg of segments) {
    // Bracketed asides (全域公园建设、创建省级和美乡村) name examples, not counts.
    const plain = seg.text.replace(/[（(][^（()）\d]*[)）]/g, '');
    for (const sentence of plain.split(/[。！？]/)) {
      const found: ReportedTotal[] = [];
      let weakTotal: ReportedTotal | undefined;
      for (const raw of sentence.split(/[，,；;：:]/)) {
        const clause = raw.trim();
        if (clause === '') continue;
        const total = TOTAL.map((re) => re.exec(clause)).find(Boolean);
        if (total) {
          found.push({ key: 'total', label: '总数', count: Number(total[1]), line: seg.line, phrase: tidy(clause.slice(total.index)) });
          continue;
        }
        const weak = found.length === 0 ? WEAK_TOTAL.exec(clause) : null;
        if (weak && !statusOfPhrase(clause)) {
          weakTotal = { key: 'total', label: '总数', count: Number(weak[1]), line: seg.line, phrase: tidy(clause) };
          continue;
        }
        const m = COUNT.exec(clause);
        if (!m || /占|比例|同比|增长|下降/.test(clause.slice(0, m.index))) continue;
        const rest = clause.slice(m.index + m[0].length).replace(/^(具体|重点)?(工作)?任务/, '');
        // The status word comes after the count (2项已完成) or before it (其中完成3项, 滞后2项).
        const before = clause.slice(0, m.index).replace(/^(其中|另有)/, '');
        const label = statusOfPhrase(rest) ? rest : before;
        const key = statusOfPhrase(label);
        if (key && key !== 'planned' && key !== 'unstated') found.push({ key, label: label.trim(), count: Number(m[1]), line: seg.line, phrase: tidy(clause) });
        else if (/^\s*(待|尚待|需|另有)/.test(rest)) found.push({ key: 'other', label: rest.trim(), count: Number(m[1]), line: seg.line, phrase: tidy(clause) });
      }
      const statuses = found.filter((f) => f.key !== 'total');
      if (weakTotal && statuses.length > 0) found.unshift(weakTotal);
      if (found.some((f) => f.key === 'total') || statuses.length >= 2) {
        for (const f of found) if (!out.some((o) => o.key === f.key && f.key !== 'other')) out.push(f);
      }
    }
  }
  return out;
}

/**
 * Stated totals against the rows counted: the differences on one line make one anomaly on that line, each
 * with both numbers ("任务总数：原文 99 项，逐条列出 1 项").
 */
export function totalsAnomalies(totals: ReportedTotal[], rows: ParsedRow[]): AnomalyDraft[] {
  const byLine = new Map<number, string[]>();
  let fewer = false;
  for (const t of totals) {
    const counted = countedFor(t.key, rows);
    if (counted === undefined || counted === t.count) continue;
    fewer ||= counted < t.count;
    const what = t.key === 'total' ? '任务总数' : `“${t.label}”`;
    byLine.set(t.line, [...(byLine.get(t.line) ?? []), `${what}：原文 ${t.count} 项，逐条列出 ${counted} 项`]);
  }
  return [...byLine].map(([line, parts]) => ({
    line, kind: 'totals-mismatch' as const,
    message: `原文自报的合计与本文件逐条列出的任务不符（${parts.join('；')}）：${fewer ? '原文没有逐条列出其余各项，或文件不完整' : '逐条所列多于原文自报'}，请对照原件核实。`,
  }));
}

/** What the rows give for a stated total: numbered tasks for the total, tasks with that stated status for a status; nothing for other. */
export function countedFor(key: ReportedTotalKey, rows: ParsedRow[]): number | undefined {
  if (key === 'other') return undefined;
  const tasks = rows.filter((r) => r.subIndex === 0);
  return key === 'total' ? tasks.length : tasks.filter((r) => r.status.statusSource === 'stated' && r.status.status === key).length;
}
