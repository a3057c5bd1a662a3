// Merges shard outputs into one site. Files are hard-linked (copied across file systems), so merging
// tens of thousands of pages costs no second write. The same path from two shards is allowed only with
// the same bytes (Astro's hashed assets in _astro/ come from every shard alike); different bytes stop
// the merge, naming the path and both shards.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Each shard output folder holds this manifest (not merged): which shard it is. */
export const MANIFEST = '.shard.json';

export interface ShardOutput {
  /** What messages call it: "shard-2-of-4 (区县 a、b)". */
  label: string;
  dir: string;
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

/** Merge `outputs` into `into` (which should be empty). Returns the number of files placed. Throws MergeError listing every conflict. */
export function mergeShards(outputs: readonly ShardOutput[], into: string): number {
  const owner = new Map<string, string>(); // relative path → label of the shard that placed it
  const conflicts: string[] = [];
  let placed = 0;
  const walk = (o: ShardOutput, rel: string) => {
    const from = join(o.dir, rel);
    const to = join(into, rel);
    for (const e of readdirSync(from, { withFileTypes: true })) {
      if (rel === '' && e.name === MANIFEST) continue;
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        mkdirSync(join(into, r), { recursive: true });
        walk(o, r);
      } else if (!existsSync(join(into, r))) {
        place(join(from, e.name), join(to, e.name));
        owner.set(r, o.label);
        placed++;
      } else if (!sameBytes(join(from, e.name), join(to, e.name))) {
        conflicts.push(`${r}：${owner.get(r) ?? '?'} 与 ${o.label} 写出了不同的内容`);
      }
    }
  };
  mkdirSync(into, { recursive: true });
  for (const o of outputs) walk(o, '');
  if (conflicts.length > 0) {
    const shown = conflicts.slice(0, 20).map((c) => `  - ${c}`).join('\n');
    throw new MergeError(`合并分片失败：${conflicts.length} 个路径被不同分片写成了不同的内容（同一路径只能有一个分片负责，或各分片写出相同的字节）：\n${shown}${conflicts.length > 20 ? `\n  …另有 ${conflicts.length - 20} 个` : ''}\n请检查这些页面的路由是否按 PORTAL_SLICE 只在一个分片中生成（src/lib/shards/in-slice.ts）。`);
  }
  return placed;
}
