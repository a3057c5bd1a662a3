// scripts/check-identical.ts: two built sites compared byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrees } from '../scripts/check-identical';
import { ROOT } from './helpers/repo-dataset';

const tmp = mkdtempSync(join(tmpdir(), 'check-identical-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

describe('check:identical', () => {
  const a = site('a', { 'index.html': '<p>一</p>\n<p>二</p>', 'linzi/index.html': 'x', 'only-a.txt': '' });
  const b = site('b', { 'index.html': '<p>一</p>\n<p>三</p>', 'linzi/index.html': 'x', 'sub/only-b.txt': '' });

  it('lists files only in one side and where the others first differ', () => {
    expect(compareTrees(a, b)).toEqual({ onlyA: ['only-a.txt'], onlyB: ['sub/only-b.txt'], differ: [{ file: 'index.html', line: 2, a: '<p>二</p>', b: '<p>三</p>' }] });
    expect(compareTrees(a, a)).toEqual({ onlyA: [], onlyB: [], differ: [] });
  });

  it('exits 0 when identical, 1 when not, 2 with what to do when a folder is missing', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-identical.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(run(a, a).status).toBe(0);
    const diff = run(a, b);
    expect(diff.status).toBe(1);
    expect(diff.stdout).toContain('不同：index.html 第 2 行');
    const missing = run(a, join(tmp, 'nowhere'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/不是目录.*npm run build/);
  });
});
