// Where the ingest writes: it replaces only a folder it wrote itself, the dataset path is never absent
// while it switches, and two ingests never write at once.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDataset, type Dataset } from '../src/lib/ingest/build-dataset';
import { IngestError } from '~/lib/ingest/errors';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import { DATASET_MARKER, stateDirOf, writeDataset } from '../src/lib/ingest/write-dataset';
import { listTree } from './helpers/file-tree';
import { ROOT } from './helpers/repo-dataset';
import { tempFolders } from './helpers/temp-dir';

// Every file-system change the writer makes is followed by a look at the dataset path: it must exist
// from the moment it first exists (no window in which a build or server finds no dataset).
const watch = vi.hoisted(() => ({ path: '', seen: false, gaps: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const wrap = <F extends (...a: never[]) => unknown>(name: string, f: F) =>
    ((...a: Parameters<F>) => {
      const r = f(...a);
      if (watch.path) {
        const there = (() => { try { real.lstatSync(watch.path); return true; } catch { return false; } })();
        if (watch.seen && !there) watch.gaps.push(`${name}(${String(a[0])})`);
        watch.seen ||= there;
      }
      return r;
    }) as F;
  const fns = ['renameSync', 'rmSync', 'rmdirSync', 'unlinkSync', 'symlinkSync', 'mkdirSync', 'writeFileSync'] as const;
  const wrapped = Object.fromEntries(fns.map((n) => [n, wrap(n, real[n] as never)]));
  return { ...real, ...wrapped, default: { ...real, ...wrapped } };
});

let dataset: Dataset;
beforeAll(() => {
  const { inputs } = loadInputs(ROOT);
  dataset = buildDataset({ ...inputs!, readFile: (rel) => (existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : undefined) }).dataset;
});
const temp = tempFolders('ingest-write-');
const tmp = () => temp('ingest-write-');

function ingest(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the ingest replaces only what it wrote', () => {
  it('`--out content` is refused with a clear message and content/ is left exactly as it was', () => {
    const root = tmp();
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    const before = listTree(join(root, 'content'));
    const r = ingest(['--root', root, '--out', 'content']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：--out content: 这个目录不是导入写出的数据（没有 \.pledge-dataset 标记文件/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(listTree(join(root, 'content'))).toEqual(before);
    expect(readdirSync(root)).toEqual(['content']);
  });

  it('a folder with anything the ingest did not write is refused by the writer itself', () => {
    const out = join(tmp(), 'data');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.md'), 'mine');
    writeFileSync(join(out, 'tasks.json'), '[]');
    writeFileSync(join(out, 'reports.json'), '[]');
    expect(() => writeDataset(out, dataset)).toThrow(/data: 这个目录不是导入写出的数据.*notes\.md/);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('mine');
    expect(existsSync(stateDirOf(out))).toBe(false);
    const file = join(tmp(), 'file');
    writeFileSync(file, 'x');
    expect(() => writeDataset(file, dataset)).toThrow(/这是一个文件/);
  });

  it('replaces an absent, empty, previous or pre-marker dataset folder; keeps one previous generation', () => {
    for (const prepare of [() => {}, (o: string) => mkdirSync(o), (o: string) => (mkdirSync(o), writeFileSync(join(o, 'tasks.json'), '[]'), writeFileSync(join(o, 'reports.json'), '[]'))]) {
      const out = join(tmp(), 'generated');
      prepare(out);
      writeDataset(out, dataset);
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(join(out, 'tasks.json'), 'utf8'))).toHaveLength(dataset.tasks.length);
      expect(existsSync(join(out, DATASET_MARKER))).toBe(true);
      writeDataset(out, dataset, {}, { 'renderings/r1.json': { reportId: 'r1' } });
      expect(readFileSync(join(out, 'renderings/r1.json'), 'utf8')).toBe('{"reportId":"r1"}\n');
      writeDataset(out, { ...dataset, tasks: [] });
      expect(readFileSync(join(out, 'tasks.json'), 'utf8')).toBe('[]\n');
      expect(readdirSync(stateDirOf(out)).filter((n) => n.startsWith('gen-'))).toHaveLength(2);
    }
  });

  it('a file-system failure is reported as one, not as a parser bug; the previous dataset and no lock are left', () => {
    const out = join(tmp(), 'generated');
    writeDataset(out, dataset);
    // A file where a folder must go: mkdir fails with ENOTDIR/EEXIST, as a full disk or a permission would.
    const failed = (() => {
      try {
        writeDataset(out, { ...dataset, tasks: [] }, {}, { 'x.json': 1, 'x.json/y.json': 2 });
      } catch (e) {
        return e;
      }
    })();
    expect(failed).toBeInstanceOf(IngestError);
    expect((failed as IngestError).problem).toEqual({
      file: expect.stringMatching(/generated$/),
      message: expect.stringMatching(/^写入失败（E[A-Z]+：.*原有数据未被改动$/),
      hint: '请检查磁盘空间和目录权限后重试。',
    });
    expect(JSON.parse(readFileSync(join(out, 'tasks.json'), 'utf8'))).toHaveLength(dataset.tasks.length);
    expect(readdirSync(stateDirOf(out)).filter((n) => !n.startsWith('gen-'))).toEqual([]);
    expect(readdirSync(stateDirOf(out))).toHaveLength(1);
  });
});

describe('the switch to a new dataset has no window', () => {
  it('the dataset path exists after every file-system step of the writer', () => {
    const out = join(tmp(), 'generated');
    watch.path = out;
    watch.gaps = [];
    try {
      writeDataset(out, dataset); // first write: nothing to keep yet
      watch.seen = true;
      for (let i = 0; i < 3; i++) writeDataset(out, dataset);
      // and from a plain folder written before the link existed (the one-time move is the only gap)
    } finally {
      watch.path = '';
    }
    expect(watch.gaps).toEqual([]);
    expect(fs.readdirSync(out)).toContain('tasks.json');
  });
});

describe('two ingests never write at once', () => {
  it('a held lock stops the second writer with who holds it, and changes nothing', () => {
    const out = join(tmp(), 'generated');
    writeDataset(out, dataset);
    const lock = join(stateDirOf(out), 'lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-01-01T00:00:00.000Z', command: 'scripts/ingest.ts' }));
    expect(() => writeDataset(out, { ...dataset, tasks: [] })).toThrow(new RegExp(`另一次导入正在写这个数据目录：进程 ${process.pid}.*开始于 2026-01-01.*请等它结束后再运行`));
    expect(JSON.parse(readFileSync(join(out, 'tasks.json'), 'utf8'))).toHaveLength(dataset.tasks.length);
  });

  it('a lock left by a process that is gone is reported as stale, with what to do', () => {
    const out = join(tmp(), 'generated');
    writeDataset(out, dataset);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(stateDirOf(out), 'lock'), JSON.stringify({ pid: gone, host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    expect(() => writeDataset(out, dataset)).toThrow(new RegExp(`进程 ${gone}.*已不在运行（可能被中断）。确认没有其他导入在运行后，删除该文件再重试`));
  });

  it('an ingest killed while writing: the previous dataset stays, its lock is reported stale, its half-written generation is cleared next time', { timeout: 120_000 }, async () => {
    const out = join(tmp(), 'generated');
    writeDataset(out, dataset);
    const state = stateDirOf(out);
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/slow-writer.ts', out, '20000'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, sig) => res(sig)));
    await new Promise<void>((res) => {
      const t = setInterval(() => {
        const half = readdirSync(state).find((n) => n.includes(`-${child.pid}`) && existsSync(join(state, n, 'renderings', 'r50.json')));
        if (half || child.exitCode !== null) {
          clearInterval(t);
          child.kill('SIGKILL');
          res();
        }
      }, 10);
    });
    expect(await exited).toBe('SIGKILL');
    expect(JSON.parse(readFileSync(join(out, 'tasks.json'), 'utf8'))).toHaveLength(dataset.tasks.length);
    expect(() => writeDataset(out, dataset)).toThrow(new RegExp(`进程 ${child.pid}.*已不在运行（可能被中断）`));
    fs.rmSync(join(state, 'lock'));
    writeDataset(out, dataset);
    expect(readdirSync(state).filter((n) => n.includes(`-${child.pid}`))).toEqual([]);
  });

  it('two ingests started together: each finishes or says another is writing; never an internal error', { timeout: 120_000 }, async () => {
    const out = join(tmp(), 'generated');
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((res) => {
        const p = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--out', out], { cwd: ROOT });
        let stderr = '';
        p.stderr.on('data', (d) => (stderr += d));
        p.on('close', (code) => res({ code, stderr }));
      });
    const results = await Promise.all([run(), run(), run()]);
    for (const r of results) {
      if (r.code !== 0) expect(r.stderr).toMatch(/^错误：.*另一次导入正在写这个数据目录/);
      expect(r.stderr).not.toMatch(/内部错误|ENOTEMPTY/);
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'tasks.json'), 'utf8'))).toHaveLength(dataset.tasks.length);
    expect(existsSync(join(stateDirOf(out), 'lock'))).toBe(false);
  });
});
