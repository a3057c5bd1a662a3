// What the report page prints for the new shapes: each table with its own columns, group headings above
// their rows, and the document's own totals beside the rows counted.
import { describe, expect, it } from 'vitest';
import { bulletinTables, groupBreak } from '~/lib/site/bulletin';
import { totalsRows } from '~/lib/site/reported-totals';
import { taskLabel } from '~/lib/site/labels';
import { datasetOf, readRealSample } from './helpers/parse-text';
import { indexDataset } from '~/lib/dataset/site-index';

const TWO_TABLES = [
  '2022年重点工作任务完成情况通报（共4项，完成2项，有序推进1项，滞后1项）',
  '附件1', '经济指标完成情况', '序号\t年度目标任务\t完成情况\t责任单位',
  '一、主要经济指标（牵头领导：张三）', '1\t地区生产总值增长6%\t完成。增长6.2%。\t区发改委', '2\t区级税收增长6%\t滞后。增长3%。\t区税务局',
  '附件2', '重点工作完成情况', '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成情况 |', '| --- | --- | --- | --- | --- |',
  '| 1 | 建成科学城 | 区科技局 | 区财政局 | 有序推进。主体完工。 |', '| 2 | 新建学校3所 | 区教委 | 区规划局 | 完成。 |',
].join('\n');

describe('the report page of a file with two tables, groups and stated totals', () => {
  const { dataset, problems } = datasetOf(TWO_TABLES, 'progress');
  const ix = indexDataset(dataset);
  const r = dataset.reports[0]!;

  it('builds without errors', () => expect(problems).toEqual([]));

  it('prints each table with its own headers, caption and rows, row anchors unique across tables', () => {
    const tables = bulletinTables(ix, r);
    expect(tables.map((t) => [t.number, t.title?.text, t.headers])).toEqual([
      [1, '经济指标完成情况', ['序号', '年度目标任务', '完成情况', '责任单位']],
      [2, '重点工作完成情况', ['序号', '工作任务', '牵头单位', '配合单位', '完成情况']],
    ]);
    expect(tables.flatMap((t) => t.rows.map((x) => x.anchor))).toEqual(['row-1', 'row-2', 'row-t2-1', 'row-t2-2']);
    // Each units column shows its own units.
    expect(tables[1]!.rows[0]!.cells.slice(2, 4).map((c) => c.html)).toEqual(['区科技局', '区财政局']);
    expect(taskLabel(ix.task.get(tables[1]!.rows[0]!.row.taskId)!)).toBe('表2第1项');
  });

  it('prints a group heading above the first row of its group only', () => {
    const rows = bulletinTables(ix, r)[0]!.rows;
    expect(rows.map((_, i) => groupBreak(rows, i)?.heading)).toEqual(['一、主要经济指标', undefined]);
    // The heading's leader applies to the rows under it (printed; 张三 is in no alias file, so it is not linked).
    expect(rows.map((x) => x.row.leadersPrinted)).toEqual(['张三', '张三']);
  });

  it('sets the stated totals beside the counted ones; a difference is flagged and is an anomaly on its line', () => {
    expect(totalsRows(r).map((t) => [t.label, t.stated, t.counted, t.differs, t.line])).toEqual([
      ['任务总数', 4, 4, false, 1],
      ['完成（原文：完成）', 2, 2, false, 1],
      ['有序推进（原文：有序推进）', 1, 1, false, 1],
      ['滞后（原文：滞后）', 1, 1, false, 1],
    ]);
    expect(dataset.anomalies.filter((a) => a.kind === 'totals-mismatch')).toEqual([]);
    const off = datasetOf(TWO_TABLES.replace('完成2项', '完成3项'), 'progress').dataset;
    expect(totalsRows(off.reports[0]!).find((t) => t.differs)).toMatchObject({ stated: 3, counted: 2 });
    expect(off.anomalies.filter((a) => a.kind === 'totals-mismatch').map((a) => a.line)).toEqual([1]);
  });

  it('a numbered list gets columns from the fields its items carry', () => {
    const { dataset: d } = datasetOf(readRealSample('xianan-2023-breakdown.txt'));
    const [t] = bulletinTables(indexDataset(d), d.reports[0]!);
    expect(t!.headers).toEqual(['序号', '任务', '领导', '单位']);
    const cells = t!.rows[0]!.cells.map((c) => c.html);
    expect([cells[0], cells[1], cells[3]]).toEqual(['1', '地区生产总值增长8%以上。', '区发改局']);
    // 杜新国 is in no alias file: printed, and marked 存疑 (see the quality page).
    expect(cells[2]).toMatch(/^杜新国.*存疑/);
  });
});

describe('scorecards list the stated statuses that occur', () => {
  it('完成, 部分完成, 未完成 always; 有序推进, 滞后, 暂缓实施 when some row states them', async () => {
    const { scorecardStatuses, statusMix } = await import('~/lib/site/status-mix');
    const rows = (ss: string[]) => statusMix(ss.map((status) => ({ status: status as never, statusSource: 'stated' as const })));
    expect(scorecardStatuses([rows(['done', 'notDone'])])).toEqual(['done', 'partial', 'notDone']);
    expect(scorecardStatuses([rows(['done']), rows(['behind', 'onTrack'])])).toEqual(['done', 'partial', 'onTrack', 'behind', 'notDone']);
  });
});
