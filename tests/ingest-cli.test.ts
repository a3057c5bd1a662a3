import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, repoDataset } from './helpers/repo-dataset';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('ingest-cli-');

function ingest(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = temp('ingest-cli-');
const file = (name: string, content: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('npm run ingest -- --check FILE --json', () => {
  it('summarises a bulletin not in the manifest, detecting district, year, kind and period from the text', () => {
    const copy = file('next-bulletin.txt', readFileSync(join(ROOT, 'content/reports/linzi/2023-m09-progress.txt')));
    const r = ingest('--check', copy, '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      district: 'linzi', year: 2023, kind: 'progress', period: 'M9', taskCount: 124, rowCount: 124,
      statusCounts: { done: 104, partial: 13, onTrack: 0, behind: 0, notDone: 7, suspended: 0, transferred: 0, planned: 0, unstated: 0 },
      inferredCounts: { done: 0, partial: 0, notDone: 0 },
      anomalies: [{ line: 133, kind: 'unknown-name' }],
    });
    expect(s.detected.year).toMatchObject({ confidence: 'high' });
    expect(s.detected.district.value).toBe('linzi');
  });

  it('counts sub-target rows on their own and inferred statuses apart', () => {
    const z = JSON.parse(ingest('--check', 'content/reports/zhangdian/2020-q2-progress.txt', '--json').stdout);
    expect(z).toMatchObject({ district: 'zhangdian', year: 2020, period: 'Q2', taskCount: 72, rowCount: 77 });
    expect(z.statusCounts).toEqual({ done: 53, partial: 0, onTrack: 0, behind: 0, notDone: 19, suspended: 0, transferred: 5, planned: 0, unstated: 0 });
    const q3 = JSON.parse(ingest('--check', 'content/reports/linzi/2021-q3-progress.txt', '--json').stdout);
    expect(q3.statusCounts).toEqual({ done: 0, partial: 0, onTrack: 0, behind: 0, notDone: 0, suspended: 0, transferred: 0, planned: 0, unstated: 80 });
    expect(q3.inferredCounts).toEqual(repoDataset().dataset.reports.find((r) => r.id === 'linzi-2021-q3')!.inferredCounts);
    expect(q3.inferredCounts.done + q3.inferredCounts.partial + q3.inferredCounts.notDone).toBeGreaterThan(50);
  });

  it('takes what it is told over what it detects', () => {
    const s = JSON.parse(ingest('--check', 'content/reports/linzi/2020-q3-q4-breakdown.txt', '--district', 'linzi', '--year', '2020', '--kind', 'breakdown', '--period', 'Q3+Q4', '--json').stdout);
    expect(s).toMatchObject({ district: 'linzi', year: 2020, kind: 'breakdown', period: 'Q3+Q4', taskCount: 16 });
    expect(s.statusCounts.planned).toBe(16);
    expect(s.anomalies.map((a: { line: number; kind: string }) => [a.line, a.kind])).toEqual([[56, 'numbering-gap'], [56, 'row-cut-off']]);
    expect(s.detected.district.confidence).toBe('given');
  });

  it('prints a readable summary without --json and writes nothing', () => {
    const before = readdirSync(ROOT).sort();
    const r = ingest('--check', 'content/reports/linzi/2021-q3-progress.txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('任务 80 项');
    expect(r.stdout).toContain('推断状态');
    expect(readdirSync(ROOT).sort()).toEqual(before);
  });
});

describe('bad input: exit 1, one clear sentence naming the file, never a stack trace', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.txt', '', /空的/],
    ['blank.txt', ' \n\t\n  \r\n', /只有空白/],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /不是文本文件/],
    ['prose.txt', '各位代表：\n现在，我代表区人民政府向大会报告工作。\n', /没有找到表格/],
    ['latin1.txt', new Uint8Array([0xe9, 0x74, 0xe9, 0x20, 0x31, 0x39, 0x39, 0x39, 0xff, 0xfe, 0x20, 0x80, 0x81]), /无法识别文件编码|没有找到表格/],
  ];
  it.each(cases)('%s', (name, content, message) => {
    const r = ingest('--check', file(name, content), '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^错误：/);
    expect(lines[0]).toContain(name);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file', () => {
    const r = ingest('--check', join(tmp, 'nope.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.txt: 文件不存在/);
  });

  it('a bad option value', () => {
    const r = ingest('--check', 'content/reports/linzi/2021-q3-progress.txt', '--period', 'Q5');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--period/);
  });
});
