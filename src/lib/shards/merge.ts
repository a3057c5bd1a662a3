// Merges shard outputs into one site. Files are hard-linked (copied across file systems), so merging
// tens of thousands of pages costs no second write. The same path from two shards is allowed only with
// the same bytes (Astro's hashed assets in _astro/ come from every shard alike); different bytes stop
// the merge, naming the path and both shards.
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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

/**
 * Every file under `dir`, relative with "/" separators, the manifest left out. Each path is cut from its
 * listing entry, not made with path.relative, which resolves both paths (a getcwd each): the 61,000 files of
 * a site at 100× the seeds in 1.1–1.25 s against 1.35–2.1 s (two runs each, the same list; ~1 s is the listing).
 */
export function filesOf(dir: string): string[] {
  const root = resolve(dir);
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const parent = e.parentPath.length > root.length ? e.parentPath.slice(root.length + 1) : '';
      return (parent ? `${parent}/${e.name}` : e.name).split('\\').join('/');
    })
    .filter((p) => p !== MANIFEST);
}

/**
 * A merge in progress: outputs are added one by one, as their builds finish (merge-worker.ts runs one on a
 * thread of its own, so linking overlaps the builds still running); finish() says whether any path was
 * written differently by two of them.
 */
export class Merger {
  private readonly owner = new Map<string, string>(); // relative path → label of the output that placed it
  private readonly made = new Set<string>();
  private readonly conflicts: string[] = [];
  placed = 0;

  constructor(private readonly into: string) {
    mkdirSync(into, { recursive: true });
  }

  add(o: ShardOutput): void {
    for (const r of o.files ?? filesOf(o.dir)) {
      const to = join(this.into, r);
      const prior = this.owner.get(r);
      if (prior === undefined) {
        const parent = dirname(r);
        if (parent !== '.' && !this.made.has(parent)) {
          mkdirSync(join(this.into, parent), { recursive: true });
          this.made.add(parent);
        }
        place(join(o.dir, r), to);
        this.owner.set(r, o.label);
        this.placed++;
      } else if (!sameBytes(join(o.dir, r), to)) {
        this.conflicts.push(`${r}：${prior} 与 ${o.label} 写出了不同的内容`);
      }
    }
  }

  /** The number of files placed; throws MergeError listing every conflict. */
  finish(): number {
    const { conflicts } = this;
    if (conflicts.length > 0) {
      const shown = conflicts.slice(0, 20).map((c) => `  - ${c}`).join('\n');
      throw new MergeError(`合并分片失败：${conflicts.length} 个路径被不同分片写成了不同的内容（同一路径只能有一个分片负责，或各分片写出相同的字节）：\n${shown}${conflicts.length > 20 ? `\n  …另有 ${conflicts.length - 20} 个` : ''}\n请检查这些页面的路由是否按 PORTAL_SLICE 只在一个分片中生成（src/lib/shards/in-slice.ts）。`);
    }
    return this.placed;
  }
}

/** Merge `outputs` into `into` (which should be empty). Returns the number of files placed. Throws MergeError listing every conflict. */
export function mergeShards(outputs: readonly ShardOutput[], into: string): number {
  const m = new Merger(into);
  for (const o of outputs) m.add(o);
  return m.finish();
}
