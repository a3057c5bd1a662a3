// Which shard builds which part of the site. Shard 0 of N (N ≥ 2) is the global shard: the
// cross-district pages, the downloads, the search index and the share cards (through the build worker).
// Shards 1…N-1 each take a run of districts in id order, as many districts each as can be: a district
// stays in its shard when another district's data grows, so adding a bulletin re-renders only its own
// shard (and the global one). One shard (N = 1) builds the whole site in one Astro build.
import { parseSlice, sliceToText, type Slice } from '~/lib/dataset/slice';

export interface ShardPlan {
  /** 0-based; shard 0 is the global one when N ≥ 2. */
  index: number;
  of: number;
  /** Stable name, also the cache folder: "shard-1-of-4". */
  name: string;
  slice: Slice;
  /** Districts whose pages it renders (empty for the global shard; every district for a single shard). */
  districts: string[];
}

export { ShardPlanError } from './errors';
import { ShardPlanError } from './errors';

/**
 * The global shard's name, whatever the split: its output does not depend on how the districts are split,
 * so a local build (npm run build) and a matrix job (build:shard --shard 0) share its cache entry.
 */
export const GLOBAL_SHARD = 'global';

/** Every shard of an N-way split of these districts. A district shard with no district left builds nothing. */
export function planShards(districtIds: readonly string[], of: number): ShardPlan[] {
  if (!Number.isInteger(of) || of < 1) throw new ShardPlanError(`分片数 ${of} 无效：应为不小于 1 的整数。`);
  const ids = [...new Set(districtIds)].sort();
  const name = (i: number) => `shard-${i}-of-${of}`;
  if (of === 1) return [{ index: 0, of, name: name(0), slice: parseSlice('all'), districts: ids }];
  const groups = of - 1;
  const per = Math.ceil(ids.length / groups);
  const plans: ShardPlan[] = [{ index: 0, of, name: GLOBAL_SHARD, slice: parseSlice('global'), districts: [] }];
  for (let g = 0; g < groups; g++) {
    const districts = ids.slice(g * per, (g + 1) * per);
    plans.push({ index: g + 1, of, name: name(g + 1), slice: districts.length ? { kind: 'districts', districts } : { kind: 'districts', districts: [] }, districts });
  }
  return plans;
}

/** One shard of the plan, checked: `--shard K --of N`. */
export function shardOf(districtIds: readonly string[], k: number, of: number): ShardPlan {
  const plans = planShards(districtIds, of);
  const p = plans[k];
  if (!Number.isInteger(k) || !p) throw new ShardPlanError(`--shard ${k} 超出范围：--of ${of} 时应为 0 到 ${of - 1}。`);
  return p;
}

/** How a shard is named in messages: "shard-2-of-4 (districts linzi, zhangdian)". */
export const describeShard = (p: ShardPlan): string =>
  `${p.name} (${p.slice.kind === 'districts' ? `区县 ${p.districts.join('、') || '（无）'}` : p.slice.kind === 'global' ? '跨区县页面、下载文件、搜索索引' : '整个网站'})`;

export const sliceEnv = (p: ShardPlan): string => sliceToText(p.slice);

/**
 * How the local build groups the districts it has to build (those not cached) into batches, one
 * `astro build` each: runs in id order of about equal weight (the rows that become pages), as few as
 * keep every job busy and none heavier than `maxWeight` (a batch's memory grows with its pages). A full
 * build of 100× the seeds: 5 batches; one new bulletin: a batch of its district alone.
 */
export function planBatches(todo: readonly { id: string; weight: number }[], o: { jobs: number; maxWeight: number; batches?: number }): string[][] {
  const sorted = [...todo].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sorted.length === 0) return [];
  const total = sorted.reduce((s, d) => s + d.weight, 0);
  const n = Math.min(sorted.length, o.batches ?? Math.max(o.jobs, Math.ceil(total / o.maxWeight)));
  const out: string[][] = [];
  let current: string[] = [];
  let done = 0;
  for (const [i, d] of sorted.entries()) {
    current.push(d.id);
    done += d.weight;
    const left = sorted.length - i - 1;
    // Cut where the running weight reaches the next batch's share, keeping a district for each batch still to come.
    const due = ((out.length + 1) * total) / n;
    if ((done >= due && out.length < n - 1) || left === n - 1 - out.length) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}
