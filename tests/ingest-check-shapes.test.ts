// `ingest --check FILE --json` on the new shapes: the document's own totals, the new status keys, and a
// clear sentence (never a stack trace) for a file that is not a bulletin at all.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/repo-dataset';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('ingest-shapes-');

function ingest(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = temp('ingest-shapes-');
const file = (name: string, content: string) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('ingest --check --json on the new shapes', () => {
  it('a prose bulletin: the totals it states (only those keys), its named task, stated statuses with the new keys', () => {
    const r = ingest('--check', 'tests/fixtures/real/zichuan-2025-q3-progress.txt', '--json');
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s.reportedTotals).toEqual({ total: 99, done: 2, onTrack: 86, notDone: 8, suspended: 2, other: { 待确定: 1 } });
    expect(s.taskCount).toBe(1);
    expect(s.statusCounts).toEqual({ done: 0, partial: 0, onTrack: 0, behind: 0, notDone: 1, suspended: 0, transferred: 0, planned: 0, unstated: 0 });
    expect(s.anomalies.filter((a: { kind: string }) => a.kind === 'totals-mismatch').map((a: { line: number }) => a.line)).toEqual([15]);
  });

  it('a file with two tables counts the tasks of both', () => {
    const s = JSON.parse(ingest('--check', 'tests/fixtures/real/shapingba-2022-breakdown.txt', '--json').stdout);
    expect([s.kind, s.taskCount, s.rowCount, s.reportedTotals]).toEqual(['breakdown', 11, 11, null]);
  });
});

describe('the year when the title gives none', () => {
  it('is the year the opening says the pledges are of, with medium confidence and the line it rests on', () => {
    const zichuan = JSON.parse(ingest('--check', 'tests/fixtures/real/zichuan-2025-q3-progress.txt', '--json').stdout);
    expect([zichuan.year, zichuan.detected.year.confidence]).toEqual([2025, 'medium']);
    expect(zichuan.detected.year.basis).toContain('第 15 行');
    const ningbo = JSON.parse(ingest('--check', 'tests/fixtures/real/ningbo-2014-m6-minsheng-progress.txt', '--json').stdout);
    expect([ningbo.year, ningbo.detected.year.confidence]).toEqual([2014, 'medium']);
  });

  it('is not taken from a year mentioned in passing, and says to give --year', () => {
    const text = ['关于重点工作推进情况的通报', '', '序号\t工作任务\t完成情况\t责任单位', '1\t比2019年增长一倍\t完成。\t区发改局'].join('\n');
    const s = JSON.parse(ingest('--check', file('no-year.txt', text), '--json').stdout);
    expect(s.year ?? null).toBe(null);
    expect(s.detected.year.basis).toContain('--year');
  });
});

describe('the period when the title and header give none', () => {
  it('is the period the opening says the progress is of, or the whole year for a breakdown without period columns', () => {
    const ningbo = JSON.parse(ingest('--check', 'tests/fixtures/real/ningbo-2014-m6-minsheng-progress.txt', '--json').stdout);
    expect([ningbo.period, ningbo.detected.period.confidence]).toEqual(['M6', 'medium']);
    const xianan = JSON.parse(ingest('--check', 'tests/fixtures/real/xianan-2023-breakdown.txt', '--json').stdout);
    expect([xianan.period, xianan.detected.period.confidence]).toEqual(['year', 'medium']);
    const zichuan = JSON.parse(ingest('--check', 'tests/fixtures/real/zichuan-2025-q3-progress.txt', '--json').stdout);
    expect([zichuan.period, zichuan.detected.period.confidence]).toEqual(['Q3', 'high']);
  });
});

describe('not a bulletin: exit 1 and one sentence saying what was found', () => {
  it('a numeric grid of regions × indicators', () => {
    const grid = ['2023年各区县主要经济指标', '地区\t地区生产总值增速\t固定资产投资增速\t社会消费品零售总额增速', '张店区\t6.1\t7.2\t5.0', '临淄区\t5.8\t10.3\t4.6', '淄川区\t5.2\t6.0\t4.1', '博山区\t4.9\t5.5\t3.8'].join('\n');
    const r = ingest('--check', file('grid.txt', grid), '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^错误：.*grid\.txt: 这是一张数字表格（4 行数字、约 4 列，表头“地区、地区生产总值增速/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a notice with no tasks', () => {
    const notice = ['关于做好2024年度绩效考核工作的通知', '', '各镇人民政府、街道办事处，区政府各部门：', '', '为做好年度考核工作，现将有关事项通知如下：请各单位于12月20日前报送自评报告。', '', '区政府办公室', '2024年12月1日'].join('\n');
    const r = ingest('--check', file('notice.txt', notice), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/notice\.txt: 没有找到表格、编号的任务或自报的完成情况统计：它像是一份通知或公告，不是任务通报/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
