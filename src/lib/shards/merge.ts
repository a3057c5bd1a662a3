// Merges shard outputs into one site. Files are hard-linked (copied across file systems), so merging
// tens of thousands of pages costs no second write. The same path from two shards is allowed only with
// the same bytes (Astro's hashed assets in _astro/ come from every shard alike); different bytes stop
// the merge, naming the path and both shards.
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Each shard output folder holds this manifest (not merged): which shard it is. */
export const MANIFEST = '.shard.json';

export interface ShardOutput {
  /** What messages call it: "shard-2-of-4 (区县 a、b)". */
  label: string;
  dir: string;
  /** Only these files of `dir` (relative, "/"-separated): a district's part of a batch. Default: every file. */
  files?: readonly string[];
}

export { MergeError } from './errors';
import { MergeError } from './errors';

function sameBytes(a: string, b: string): boolean {
  return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}

function place(src: string, dst: string): void {
  try {
    linkSync(src, dst);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(src, dst);
  }
}

/** Every file under `dir`, relative with "/" separators, the manifest left out. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((p) => p !== MANIFEST);
}

/** Merge `outputs` into `into` (which should be empty). Returns the number of files placed. Throws MergeError listing every conflict. */
export function mergeShards(outputs: readonly ShardOutput[], into: string): number {
  const owner = new Map<string, string>(); // relative path → label of the shard that placed it
  const conflicts: string[] = [];
  const made = new Set<string>();
  let placed = 0;
  mkdirSync(into, { recursive: true });
  for (const o of outputs) {
    for (const r of o.files ?? filesOf(o.dir)) {
      const to = join(into, r);
      const prior = owner.get(r);
      if (prior === undefined) {
        const parent = dirname(r);
        if (parent !== '.' && !made.has(parent)) {
          mkdirSync(join(into, parent), { recursive: true });
          made.add(parent);
        }
        place(join(o.dir, r), to);
        owner.set(r, o.label);
        placed++;
      } else if (!sameBytes(join(o.dir, r), to)) {
        conflicts.push(`${r}：${prior} 与 ${o.label} 写出了不同的内容`);
      }
    }
  }
  if (conflicts.length > 0) {
    const shown = conflicts.slice(0, 20).map((c) => `  - ${c}`).join('\n');
    throw new MergeError(`合并分片失败：${conflicts.length} 个路径被不同分片写成了不同的内容（同一路径只能有一个分片负责，或各分片写出相同的字节）：\n${shown}${conflicts.length > 20 ? `\n  …另有 ${conflicts.length - 20} 个` : ''}\n请检查这些页面的路由是否按 PORTAL_SLICE 只在一个分片中生成（src/lib/shards/in-slice.ts）。`);
  }
  return placed;
}
