// The district batches and the merge thread yield the CPU to the global shard (src/lib/shards/priority.ts):
// what makes an incremental build's critical path, the global shard's worker, run on a core of its own.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE, lowered, yieldToGlobal } from '~/lib/shards/priority';
import { tempFolders } from './helpers/temp-dir';
import { startMergeThread } from '~/lib/shards/merge-thread';

const work = tempFolders('shard-priority-')('merge-');

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNices(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

// Run where the tests themselves are not already at the background nice value (then nothing can be lowered to it).
describe.runIf(process.platform === 'linux' && getPriority() < BACKGROUND_NICE)('shard priorities', () => {
  it('a district batch (any child the runner spawns) runs at the background nice value', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      expect(getPriority(child.pid!)).toBe(getPriority());
      yieldToGlobal(child.pid);
      expect(getPriority(child.pid!)).toBe(BACKGROUND_NICE);
    } finally {
      child.kill();
    }
    yieldToGlobal(undefined); // a child that never started: nothing to do, no error
  });

  it('never raises a priority: a build already running at a higher nice value keeps it', () => {
    expect(lowered(0)).toBe(BACKGROUND_NICE);
    expect(lowered(15)).toBe(15);
  });

  it('the merge thread lowers its own priority only, not the runner’s', async () => {
    const mine = getPriority();
    const before = threadNices().filter((n) => n === BACKGROUND_NICE).length;
    const merge = startMergeThread(join(work, 'site'));
    let after = before;
    for (const t0 = Date.now(); after === before && Date.now() - t0 < 20_000; await new Promise((r) => setTimeout(r, 50))) {
      after = threadNices().filter((n) => n === BACKGROUND_NICE).length;
    }
    expect(after).toBe(before + 1);
    expect(getPriority()).toBe(mine);
    expect(await merge.finish()).toBe(0);
  });
});
