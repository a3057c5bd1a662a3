// `ingest --check FILE --json`: the indicators a file states (keys as in the dataset) for every kind of
// file, and a work report's pledge count as its taskCount.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, repoDataset } from './helpers/repo-dataset';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('check-ind-');

function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--check', ...args, '--json'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('check --json: indicators and taskCount', () => {
  it('a work report: taskCount is its pledges, the indicators are the dataset’s points with their first line', () => {
    const s = check('content/reports/zhangdian/2021-work-report.txt');
    const { dataset } = repoDataset();
    const report = dataset.reports.find((r) => r.id === 'zhangdian-2021-work-report')!;
    expect(s).toMatchObject({ kind: 'work-report', year: 2021, taskCount: report.taskCount });
    const mine = dataset.indicators.filter((p) => p.reportId === report.id);
    expect(s.indicators).toEqual(mine.map((p) => expect.objectContaining({ indicator: p.indicator, role: p.role, year: p.year, value: p.value ?? null, forecast: p.forecast, line: p.source.lines[0] })));
    expect(s.indicators).toContainEqual(expect.objectContaining({ indicator: 'trade', role: 'actual', year: 2020, value: 31.1, line: 51 }));
    expect(s.indicators).toContainEqual(expect.objectContaining({ indicator: 'trade', role: 'target', year: 2021, value: 5, line: 133 }));
  });

  it('a bulletin: targets, period targets and results, a range of ends and units kept', () => {
    const s = check('content/reports/linzi/2021-q3-progress.txt');
    expect(s.taskCount).toBe(80);
    expect(s.indicators).toContainEqual({ indicator: 'incomeUrban', role: 'target', year: 2021, period: 'year', value: 7, comparatorText: '左右', forecast: false, line: 6 });
    expect(s.indicators).toContainEqual({ indicator: 'trade', role: 'actual', year: 2021, period: 'Q3', value: 52, unit: '亿元', comparatorText: '超过', forecast: true, line: 96 });
  });

  it('a breakdown: annual targets and one period target per target column', () => {
    const file = join(temp('check-ind-'), 'plan.txt');
    writeFileSync(file, ['某区2024年重点工作任务目标分解表', '序号\t年度工作任务\t第三季度目标\t第四季度目标\t责任单位', '1\t地区生产总值增长6%左右，城镇新增就业5000人以上。\t地区生产总值增长5%\t地区生产总值增长6%左右\t区发改局', '2\t建设口袋公园10处。\t建成5处\t建成10处\t区园林局', ''].join('\n'));
    const s = check(file);
    expect(s).toMatchObject({ kind: 'breakdown', year: 2024, period: 'Q3+Q4', taskCount: 2 });
    expect(s.indicators.map((i: { indicator: string; role: string; period: string; value: number; unit?: string }) => [i.indicator, i.role, i.period, i.value, i.unit ?? '%'])).toEqual([
      ['gdp', 'target', 'year', 6, '%'],
      ['jobs', 'target', 'year', 5000, '人'],
      ['gdp', 'periodTarget', 'Q3', 5, '%'],
      ['gdp', 'periodTarget', 'Q4', 6, '%'],
    ]);
  });

  it('a work report saved from a web page, its year in the dateline only or in the title', () => {
    const q = check('tests/fixtures/workreports/qingshan-2024-three-part.txt');
    expect(q).toMatchObject({ kind: 'work-report', year: 2024, taskCount: 16 });
    expect(q.detected.year.basis).toContain('第 2 行的日期 2024-01-09');
    expect(q.indicators).toContainEqual({ indicator: 'investment', role: 'target', year: 2024, period: 'year', value: 8, valueTo: 10, forecast: false, line: 15 });
    const h = check('tests/fixtures/workreports/hedong-2022-webpage.txt');
    expect(h).toMatchObject({ kind: 'work-report', year: 2022, taskCount: 12 });
    // The work-report parser's issues are the check's anomalies: here only the page chrome set aside.
    expect(h.anomalies.map((a: { line: number; kind: string }) => [a.line, a.kind])).toEqual([[1, 'outside-table'], [5, 'outside-table'], [76, 'outside-table']]);
    expect(h.detected.year.basis).toContain('第 4 行标题“2022年政府工作报告”');
  });
});
