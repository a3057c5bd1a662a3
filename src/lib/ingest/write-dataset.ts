// Writes the dataset so that nothing is ever lost and no reader ever finds it missing or half-written.
//
// `outDir` (generated/) is a symbolic link to one complete generation in a hidden sibling folder
// (.generated.d/gen-…/). A new generation is written beside the current one, then a fresh link is renamed over
// `outDir`: rename(2) replaces it in one step, so there is no moment without a dataset and no moment with a
// mixed one. The previous generation is kept (a build that started on it keeps reading it); older ones go.
// Only folders that carry the marker file (.pledge-dataset) are ever deleted, and `outDir` itself must be
// absent, empty, a link this writer made, or a previous dataset: `--out content` is refused, not emptied.
// A lock file in the hidden folder keeps two ingests from writing at once.
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, rmdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Dataset } from './build-dataset';
import { IngestError } from './errors';
import { acquireLock } from './write-lock';
import { writeTables } from '../dataset/district-index';

/** The file that says "the ingest wrote this folder"; its absence protects a folder from being replaced. */
export const DATASET_MARKER = '.pledge-dataset';
const MARKER_TEXT = 'Written by `npm run ingest` (scripts/ingest.ts). The ingest replaces this folder on every run: do not keep anything else here.\n';

/** Serialise deterministically: same dataset, same bytes (no timestamps, no absolute paths). */
function serialise(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** The hidden sibling holding the generations and the lock: generated/ → .generated.d/. */
export const stateDirOf = (outDir: string) => join(dirname(resolve(outDir)), `.${basename(resolve(outDir))}.d`);

/** A dataset folder written before the marker existed: only the ingest's own *.json files (and renderings/). */
function isLegacyDataset(dir: string): boolean {
  const names = readdirSync(dir);
  return names.includes('reports.json') && names.includes('tasks.json') && names.every((n) => /^[a-z][a-zA-Z0-9]*\.json$/.test(n) || n === 'renderings' || n === DATASET_MARKER);
}

/** Why `outDir` must not be replaced, or undefined when it may be: absent, empty, ours, or a previous dataset. */
export function outDirProblem(outDir: string): string | undefined {
  const out = resolve(outDir);
  let st;
  try {
    st = lstatSync(out);
  } catch {
    return undefined;
  }
  if (st.isSymbolicLink()) {
    const target = resolve(dirname(out), readlinkSync(out));
    if (!relative(stateDirOf(out), target).startsWith('..')) return undefined;
    if (existsSync(join(target, DATASET_MARKER))) return undefined;
    return `这是指向 ${target} 的链接，不是导入建立的，导入不会替换它`;
  }
  if (!st.isDirectory()) return '这是一个文件，不是数据目录，导入不会覆盖它';
  const names = readdirSync(out);
  if (names.length === 0 || names.includes(DATASET_MARKER) || isLegacyDataset(out)) return undefined;
  const shown = names.slice(0, 3).join('、') + (names.length > 3 ? ` 等 ${names.length} 项` : '');
  return `这个目录不是导入写出的数据（没有 ${DATASET_MARKER} 标记文件，里面有 ${shown}），导入不会覆盖或删除它`;
}

/**
 * Write every collection (and `extra`, one <name>.json each; `files`, further JSON files by relative path,
 * e.g. renderings/<reportId>.json) as a new generation and switch `outDir` to it.
 * Throws IngestError (nothing changed) when `outDir` is not the ingest's to replace or another ingest holds the lock.
 */
export function writeDataset(outDir: string, dataset: Dataset, extra: Record<string, unknown> = {}, files: Record<string, unknown> = {}): string[] {
  const out = resolve(outDir);
  const shown = relative(process.cwd(), out) || out;
  const problem = outDirProblem(out);
  if (problem) throw new IngestError({ file: shown, message: problem, hint: '请用默认的 generated/，或换一个不存在的或空的目录作为 --out。' });
  const state = stateDirOf(out);
  mkdirSync(state, { recursive: true });
  const release = acquireLock(join(state, 'lock'), shown);
  try {
    const gen = join(state, `gen-${Date.now().toString(36)}-${process.pid}`);
    const written: string[] = [];
    let previous: string | undefined;
    try {
      mkdirSync(gen);
      // Marked first: a generation left half-written by a killed ingest is ours to delete on the next run
      // (the link only ever points at a complete one).
      writeFileSync(join(gen, DATASET_MARKER), MARKER_TEXT);
      // The tables and the index of their districts' rows (district-index.ts), then the rest.
      written.push(...writeTables(gen, dataset));
      for (const [name, value] of Object.entries(extra)) {
        writeFileSync(join(gen, `${name}.json`), serialise(value));
        written.push(`${name}.json`);
      }
      for (const [rel, value] of Object.entries(files)) {
        const path = resolve(gen, rel);
        if (relative(gen, path).startsWith('..')) throw new Error(`${rel}: 数据文件的路径必须在数据目录之内`);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, serialise(value));
        written.push(rel);
      }
      previous = switchTo(out, state, gen);
    } catch (e) {
      rmSync(gen, { recursive: true, force: true });
      // A file-system failure (disk full, no permission) is not a parser bug: say where and what to check.
      const code = (e as NodeJS.ErrnoException).code;
      if (code) throw new IngestError({ file: shown, message: `写入失败（${code}：${(e as Error).message}）。原有数据未被改动`, hint: '请检查磁盘空间和目录权限后重试。' });
      throw e;
    }
    prune(state, [gen, previous]);
    return written;
  } finally {
    release();
  }
}

/**
 * Point `out` at `gen` with one rename; returns the generation it pointed at before. A real folder there
 * (first run, or a dataset from before the link) is moved aside first.
 */
function switchTo(out: string, state: string, gen: string): string | undefined {
  const link = join(state, `link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(out), gen), link, 'dir');
  let previous: string | undefined;
  if (isLink(out)) previous = resolve(dirname(out), readlinkSync(out));
  else if (existsSync(out)) {
    // Once only, when moving from a plain folder to the link: this rename and the next leave a moment without it.
    if (readdirSync(out).length === 0) rmdirSync(out);
    else {
      writeFileSync(join(out, DATASET_MARKER), MARKER_TEXT);
      previous = join(state, `gen-0-previous-${process.pid}`);
      renameSync(out, previous);
    }
  }
  renameSync(link, out);
  return previous;
}

const isLink = (p: string) => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/** Delete generations other than `keep` (the current one and the one before it), and only those carrying the marker. */
function prune(state: string, keep: (string | undefined)[]) {
  for (const n of readdirSync(state)) {
    const p = join(state, n);
    if (n.startsWith('gen-') && !keep.includes(p) && existsSync(join(p, DATASET_MARKER))) rmSync(p, { recursive: true, force: true });
    else if (n.startsWith('link-') && isLink(p)) unlinkSync(p);
  }
}
