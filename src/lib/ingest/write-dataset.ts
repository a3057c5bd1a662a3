import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Dataset } from './build-dataset';

/** Serialise deterministically: same dataset, same bytes (no timestamps, no absolute paths). */
export function serialise(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * Write every collection into `outDir` atomically: all files go to a temporary sibling directory, which
 * replaces `outDir` only once everything is written. A failure leaves the previous dataset untouched.
 */
/** `files`: further JSON files by relative path (renderings/<reportId>.json), written in the same swap. */
export function writeDataset(outDir: string, dataset: Dataset, extra: Record<string, unknown> = {}, files: Record<string, unknown> = {}): string[] {
  const tmp = `${outDir}.tmp-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const written: string[] = [];
  try {
    for (const [name, value] of Object.entries({ ...dataset, ...extra })) {
      writeFileSync(join(tmp, `${name}.json`), serialise(value));
      written.push(`${name}.json`);
    }
    for (const [rel, value] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp, rel)), { recursive: true });
      writeFileSync(join(tmp, rel), serialise(value));
      written.push(rel);
    }
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir);
    throw e;
  }
  return written;
}
