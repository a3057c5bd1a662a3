// The report page's small table: what the document says about its own totals beside what its rows give.
import type { Report } from '../schema';
import { STATUS_LABELS, type Status } from '../schema/status';

export interface TotalsRow {
  label: string;
  stated: number;
  counted: number | undefined;
  differs: boolean;
  line: number;
  phrase: string;
}

export function totalsRows(r: Report): TotalsRow[] {
  return (r.reportedTotals ?? []).map((t) => ({
    label: t.key === 'total' ? '任务总数' : t.key === 'other' ? `${t.label}（无对应状态）` : `${STATUS_LABELS[t.key as Status]}（原文：${t.label}）`,
    stated: t.count,
    counted: t.counted,
    differs: t.counted !== undefined && t.counted !== t.count,
    line: t.line,
    phrase: t.phrase,
  }));
}
