import { describe, expect, it } from 'vitest';
import { constructedDataset } from './helpers/opendata-fixture';
import { allChanges, changesBetween, normaliseWording, snapshotOf } from '../src/lib/opendata/changes';
import { allCadences, districtCadence, foldSlots, yearCadence } from '../src/lib/opendata/cadence';
import type { Report, Task } from '../src/lib/schema';

describe('what changed between consecutive reports', () => {
  const d = constructedDataset();
  const [yc] = allChanges(d);

  it('orders the breakdown before the bulletin and compares them as one pair', () => {
    expect(yc!.reports.map((r) => r.slug)).toEqual(['plan-q3-q4', 'q3']);
    expect(yc!.pairs).toHaveLength(1);
  });

  const pair = yc!.pairs[0]!;
  it('finds the status change, with the source of each status', () => {
    expect(pair.statusChanged.map((c) => [c.number, c.before.status, c.after.status, c.after.statusSource])).toEqual([[1, 'planned', 'done', 'stated']]);
  });
  it('finds new and dropped tasks', () => {
    expect(pair.added.map((t) => [t.number, t.status, t.statusSource, t.statusPhrase])).toEqual([[4, 'partial', 'inferred', '正在推进']]);
    expect(pair.dropped.map((t) => t.number)).toEqual([3]);
  });
  it('finds a reworded pledge and shows what changed; full-width digits and PDF spaces are not rewording', () => {
    expect(pair.reworded.map((r) => r.number)).toEqual([2]);
    const diff = pair.reworded[0]!.diff;
    expect(diff.filter((p) => p.kind === 'removed').map((p) => p.text).join('')).toContain('5');
    expect(diff.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('6');
    expect(pair.unchanged).toBe(1); // task 5: "植树一万株" vs "植树 一万株"
  });
  it('normalises only extraction noise', () => {
    expect(normaliseWording('改造１２个 （老旧）')).toBe(normaliseWording('改造12个(老旧)'));
    expect(normaliseWording('增长5%')).not.toBe(normaliseWording('增长6%'));
  });
  it('a pair in reverse reads as the opposite change', () => {
    const [a, b] = yc!.reports.map((r) => snapshotOf(r, d.progress, new Map(d.tasks.map((t) => [t.id, t]))));
    const back = changesBetween(b!, a!);
    expect(back.added.map((t) => t.number)).toEqual([3]);
    expect(back.dropped.map((t) => t.number)).toEqual([4]);
  });
});

describe('work report → breakdown: pledges matched through the linking step', () => {
  const d = constructedDataset();
  const t1 = d.tasks.find((t) => t.number === 1)!;
  const wr: Report = { ...d.reports.find((r) => r.kind === 'breakdown')!, id: 'testqu-2022-work-report', slug: 'work-report', kind: 'work-report', periods: ['year'], periodEndMonth: 0, taskIds: ['testqu-2022-wr-001', 'testqu-2022-wr-002'], progressIds: [] };
  const wrTask = (n: number, pledge: string): Task => ({ ...t1, id: `testqu-2022-wr-00${n}`, number: n, pledge: { text: pledge, html: pledge }, reportIds: [wr.id], progressIds: [], latestReportId: wr.id, latestStatus: 'planned', latestStatusSource: 'none', origin: 'work-report', source: { file: 'content/reports/testqu/2022-work-report.txt', lines: [40 + n, 40 + n], verbatim: pledge } });
  const w1 = { ...wrTask(1, '新建学校三所。'), links: [{ taskId: t1.id, score: 0.8 }] };
  const w2 = wrTask(2, '办好民生实事。');
  const linked = { ...d, reports: [...d.reports, wr], tasks: [...d.tasks.map((t) => (t.id === t1.id ? { ...t, links: [{ taskId: w1.id, score: 0.8 }] } : t)), w1, w2] };
  const [yc] = allChanges(linked);
  const first = yc!.pairs[0]!;
  it('the work report comes first and its pledges are read from its tasks', () => {
    expect(yc!.reports.map((r) => r.kind)).toEqual(['work-report', 'breakdown', 'progress']);
  });
  it('a linked pledge with different wording is reported as reworded, not as dropped and added', () => {
    expect(first.reworded.map((r) => [r.before.taskId, r.after.taskId])).toEqual([['testqu-2022-wr-001', 'testqu-2022-001']]);
    expect(first.dropped.map((t) => t.taskId)).toEqual(['testqu-2022-wr-002']);
    expect(first.added.map((t) => t.number)).toEqual([2, 3, 5]);
  });
});

describe('reporting cadence', () => {
  const r = (id: string, kind: Report['kind'], year: number, periods: string[]) => ({ id, kind, year, periods, district: 'x' }) as unknown as Report;

  it('a Q2 bulletin: quarterly, Q1/Q3/Q4 flagged, next (Q3) due 10 days after 30 September', () => {
    const c = districtCadence('x', [r('x-2020-q2', 'progress', 2020, ['Q2'])]);
    expect(c.years[0]!.cadence).toBe('quarterly');
    expect(c.years[0]!.missing.map((s) => s.period)).toEqual(['Q1', 'Q3', 'Q4']);
    expect(c.latest!.period).toBe('Q2');
    expect(c.next).toMatchObject({ year: 2020, period: 'Q3', end: '2020-09-30', due: '2020-10-10' });
  });
  it('a month-9 bulletin: monthly, next is October, due 10 November; a Q4/M12 rolls into next year', () => {
    const c = districtCadence('x', [r('x-2023-m09', 'progress', 2023, ['M9'])]);
    expect(c.years[0]!.cadence).toBe('monthly');
    expect(c.next).toMatchObject({ year: 2023, period: 'M10', due: '2023-11-10' });
    expect(foldSlots(c.years[0]!.missing)).toBe('1月至8月、10月至12月');
    expect(districtCadence('x', [r('x-2021-q4', 'progress', 2021, ['Q4'])]).next).toMatchObject({ year: 2022, period: 'Q1', due: '2022-04-10' });
  });
  it('a breakdown for Q3 and Q4 expects exactly those bulletins and flags both when none is present', () => {
    const y = yearCadence('x', 2020, [r('x-2020-plan', 'breakdown', 2020, ['Q3', 'Q4'])]);
    expect(y.basis).toBe('breakdown');
    expect(y.missing.map((s) => [s.period, s.due])).toEqual([['Q3', '2020-10-10'], ['Q4', '2021-01-10']]);
  });
  it('on the constructed dataset the Q3 bulletin covers Q3 and Q4 is flagged', () => {
    const [c] = allCadences(constructedDataset());
    expect(c!.years[0]!.slots.map((s) => [s.period, s.reportIds.length])).toEqual([['Q1', 0], ['Q2', 0], ['Q3', 1], ['Q4', 0]]);
  });
});
