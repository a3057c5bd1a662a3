// Who gets the CPU first when the shards run side by side. The global shard's worker is the incremental
// build's critical path: when one bulletin changes, one district's pages render beside it, the cached
// districts' files are linked into the site, and every other step waits for the worker's results. The district
// batches and the merge thread ask for less CPU (a nice value, inherited by a batch's threads and children),
// so they fill the worker's time instead of stretching it. In a full build the batches are long and the
// global shard short: it only changes who works first.
import { getPriority, setPriority } from 'node:os';

export const BACKGROUND_NICE = 10;

/** The nice value that asks for less CPU than `current` does, never more (a build started with `nice 15` stays there). */
export const lowered = (current: number): number => Math.max(current, BACKGROUND_NICE);

/**
 * Lower a process's priority (pid 0: the calling thread, see yieldThisThread); where that is not allowed
 * (a container's limits, another platform), it keeps the runner's.
 */
export function yieldToGlobal(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, lowered(getPriority(pid)));
  } catch {
    // Keep the runner's priority.
  }
}

/**
 * Lower the calling thread's priority (the merge thread's). On Linux a nice value is per thread
 * (setpriority(2), "Bugs"), so only this thread yields; elsewhere it would be the whole runner: left alone.
 */
export function yieldThisThread(): void {
  if (process.platform === 'linux') yieldToGlobal(0);
}
