// Text as printed: a space between Chinese characters is joined only on the document's evidence, never
// gluing two clauses; a cell the source cuts off shows a visible mark wherever it is shown.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { removeCjkSpaces, spaceJoinFrom } from '~/lib/ingest/text';
import { cleanText, splitClauses } from '~/lib/targets/clean-text';
import { CUT_OFF_MARK } from '~/lib/schema/provenance';
import { bulletinRows } from '~/lib/site/bulletin';
import { taskCutOff } from '~/lib/site/task-parts';
import { indexInput } from '~/lib/search/index-input';
import { renderDownloads } from '~/lib/opendata/download-files';
import { repoDataset } from './helpers/repo-dataset';
import { columnsFor } from './helpers/csv-columns';
import { indexDataset } from '~/lib/dataset/site-index';

describe('spaces between Chinese characters', () => {
  const wraps = spaceJoinFrom('路面已完成铺设。绿化已完成。排水管 线已完 成改造，正在铺 设管线，管线完 好。');

  it('rejoins a word the document prints whole elsewhere', () => {
    expect(removeCjkSpaces('排水管 线已完 成改造', wraps)).toBe('排水管线已完成改造');
  });

  it('keeps, as one space, a space the document gives no evidence for: it may be lost punctuation', () => {
    expect(removeCjkSpaces('依托湿地公园 举办音乐节 策划马拉松', wraps)).toBe('依托湿地公园 举办音乐节 策划马拉松');
    expect(removeCjkSpaces('依托湿地公园 举办音乐节')).toBe('依托湿地公园 举办音乐节');
  });

  it('drops a space beside Chinese punctuation and keeps spaces around numbers', () => {
    expect(removeCjkSpaces('物流体系： 加强调度。 已建成 12 处')).toBe('物流体系：加强调度。已建成 12 处');
  });

  it('a kept space ends a clause, so a target phrase never runs over it', () => {
    const t = cleanText('积极引入动漫、电竞等时尚业态 加快建设齐盛里等时尚街区 新增夜间经济示范街区 4 个');
    expect(t).toBe('积极引入动漫、电竞等时尚业态 加快建设齐盛里等时尚街区 新增夜间经济示范街区4个');
    expect(splitClauses(t).map((c) => c.text)).toEqual(['积极引入动漫、电竞等时尚业态', '加快建设齐盛里等时尚街区', '新增夜间经济示范街区4个']);
  });

  it('on the seeds: the work report keeps its clause breaks, the 2023 bulletin rejoins its wraps', () => {
    const d = repoDataset().dataset;
    const wr = d.tasks.find((t) => t.id === 'zhangdian-2021-wr-014')!;
    expect(wr.pledge.text).toContain('齐盛湖公园 举办2021麦田音乐节 策划环湖马拉松');
    expect(wr.pledge.text).toContain('时尚业态 加快建设');
    for (const x of wr.targets ?? []) expect(x.phrase, x.phrase).not.toMatch(/举办.*策划|业态.*加快|街区.*新增.*街区/);
    const m09 = d.progress.filter((p) => p.reportId === 'linzi-2023-m09').map((p) => p.result!.text).join('\n');
    expect(m09).toContain('已完成建设任务50%');
    expect(m09).toContain('原污水厂铁路南侧');
    expect(m09).toContain('“强品牌 庆丰收');
  });
});

describe('a cut-off cell shows its mark everywhere it is shown', () => {
  const d = repoDataset().dataset;
  const ix = indexDataset(d);
  const row = d.progress.find((p) => p.id === 'linzi-2020-plan-q3-q4-20')!;

  it('the last target cell of 001 row 20 is marked truncated, and nothing else in the dataset is', () => {
    const cut = d.progress.flatMap((p) => [p.pledge, p.subGoal, p.result, ...p.targets.map((t) => t.text)].filter((c) => c?.truncated).map((c) => [p.id, c!.text.slice(-9)]));
    expect(cut).toEqual([['linzi-2020-plan-q3-q4-20', '凤凰原著幼儿园进行']]);
    expect(row.targets.at(-1)!.text.truncated).toBe(true);
  });

  it('report page cell, year-page list and search result carry the mark', () => {
    const cells = bulletinRows(ix, ix.report.get('linzi-2020-plan-q3-q4')!).find((x) => x.row.id === row.id)!.cells;
    expect(cells.filter((c) => c.truncated).map((c) => c.label)).toEqual(['第四季度目标']);
    expect(taskCutOff(ix, ix.task.get('linzi-2020-020')!)).toBe(true);
    expect(ix.tasks.filter((t) => taskCutOff(ix, t)).map((t) => t.id)).toEqual(['linzi-2020-020']);
    const doc = indexInput(d).docs.find((x) => x.id === 'linzi-2020-020')!;
    expect(doc.fields.some(([, , text]) => text.endsWith(`凤凰原著幼儿园进行${CUT_OFF_MARK}`))).toBe(true);
  });

  it('the CSV says so in the cell', () => {
    const f = renderDownloads(d, 'https://portal.test/').find((x) => x.path === 'linzi/2020/plan-q3-q4/progress.csv')!;
    const rec = (parse(f.body, { bom: true, columns: columnsFor(f.path) }) as Record<string, string>[]).find((r) => r.id === row.id)!;
    expect(rec.targets).toContain(`凤凰原著幼儿园进行${CUT_OFF_MARK}`);
  });
});
