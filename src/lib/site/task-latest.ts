// One sentence at the top of a task page: what the latest document says about the task and when the
// next bulletin is due (from the reporting cadence, src/lib/opendata/cadence.ts), before the detail.
import type { Progress, Report, Task } from '~/lib/schema';
import { STATUS_LABELS } from '~/lib/schema/status';
import { DUE_AFTER_DAYS, nextPeriod, slotOf, yearCadence, type YearCadence } from '~/lib/opendata/cadence';
import { periodEndMonth } from '~/lib/opendata/as-of';
import { reportName } from './labels';

/**
 * `yearReports`: every report of the task's district-year. `latestRow`: the task's row in its latest report.
 * `cadence`: yearCadence of those reports, when the caller already has it (every task of a year shares one).
 */
export function latestSentence(
  task: Task,
  latest: Report | undefined,
  latestRow: Progress | undefined,
  yearReports: Report[],
  cadence: YearCadence = yearCadence(task.district, task.year, yearReports),
): string {
  const due = (s: { due: string }) => `通报按期末后 ${DUE_AFTER_DAYS} 日推算应于 ${s.due} 前后发布`;
  if (!latest || latest.kind !== 'progress' || !latestRow) {
    const first = cadence.slots[0];
    const from = latest ? `这项任务出自${reportName(latest)}，只有目标` : '这项任务目前只有目标';
    return `${from}；本站尚未收录报告它进展的完成情况通报${first ? `（${first.label}的${due(first)}）` : ''}。`;
  }
  const says =
    latestRow.statusSource === 'stated'
      ? `写明“${latestRow.statusPhrase?.trim() || STATUS_LABELS[latestRow.status]}”`
      : latestRow.statusSource === 'inferred'
        ? `未写明状态，本站据其措辞推断为“${STATUS_LABELS[latestRow.status]}”`
        : '未写明状态';
  const last = [...latest.periods].sort((a, b) => periodEndMonth(a) - periodEndMonth(b)).at(-1)!;
  const n = nextPeriod(task.year, last, cadence.cadence);
  const next =
    n.year > task.year
      ? '这是该年度的最后一期通报'
      : (() => {
          const slot = slotOf(n.year, n.period);
          const have = yearReports.some((r) => r.kind === 'progress' && r.periods.some((p) => periodEndMonth(p) === periodEndMonth(n.period)));
          return have ? `${slot.label}的通报已收录` : `下一期（${slot.label}）${due(slot)}，本站尚未收录`;
        })();
  return `最新一期（${reportName(latest)}）${says}；${next}。`;
}
