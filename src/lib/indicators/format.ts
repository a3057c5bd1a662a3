// How an indicator figure reads on the page: as the source prints it (7%以上, 下降29% → −29%), with
// 预计 in front of a forecast and the period for a result that is not the full year.
import type { IndicatorPoint } from '../schema/indicator';

const PERIOD_LABELS: Record<string, string> = { year: '全年', Q1: '一季度', Q2: '二季度', Q3: '三季度', Q4: '四季度' };

export function periodText(period: string): string {
  return PERIOD_LABELS[period] ?? (period.startsWith('M') ? `1–${period.slice(1)}月` : period);
}

const signed = (v: number) => (v < 0 ? `−${Math.abs(v)}` : String(v));

const TRAILING = new Set(['以上', '左右', '以内', '以下', '余', '多']);

/** −29%, 7%以上, 4.5%–5%, 1.2万人以上, 超过52亿元 (a leading word stays in front); text-only statements give their phrase. */
export function valueText(p: Pick<IndicatorPoint, 'value' | 'valueTo' | 'unit' | 'comparatorText' | 'phrase'>): string {
  if (p.value === undefined) return p.phrase;
  const unit = p.unit ?? '%';
  const n = p.valueTo === undefined ? signed(p.value) : `${signed(p.value)}${unit}–${signed(p.valueTo)}`;
  const word = p.comparatorText ?? '';
  return TRAILING.has(word) ? `${n}${unit}${word}` : `${word}${n}${unit}`;
}

/** valueText with 预计 and, when not the full year, the period: "预计 −6%（二季度）". */
export function pointText(p: IndicatorPoint): string {
  const v = valueText(p);
  const forecast = p.forecast ? '预计 ' : '';
  const period = p.period === 'year' ? '' : `（${periodText(p.period)}）`;
  return `${forecast}${v}${period}`;
}

/** "zhangdian/2021-work-report.txt 第45行" / "第45–47行". */
export function sourceText(p: Pick<IndicatorPoint, 'source'>): string {
  const [a, b] = p.source.lines;
  return `${p.source.file.replace(/^content\/reports\//, '')} 第${a === b ? a : `${a}–${b}`}行`;
}
