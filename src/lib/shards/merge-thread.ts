// The merge on a thread of its own: each output is linked into the staging folder as soon as its build
// ends (the cached districts' files right away), while the other builds run, instead of every file after
// the last build. At 100× the seeds a site is ~60,000 files, seconds of link calls on a slow file system.
import { Worker } from 'node:worker_threads';
import { MergeError } from './errors';
import type { ShardOutput } from './merge';

export interface MergeThread {
  /** Queue outputs to link, in order. */
  add(outputs: readonly ShardOutput[]): void;
  /** After the last add: the number of files placed, or a MergeError naming every conflict. */
  finish(): Promise<number>;
  /** Stop without finishing (a build failed). */
  stop(): Promise<void>;
}

export function startMergeThread(into: string): MergeThread {
  const worker = new Worker(new URL('./merge-worker.mjs', import.meta.url), { workerData: { into } });
  let failure: Error | undefined;
  const answer = new Promise<number>((resolve, reject) => {
    worker.on('message', (m: { kind: 'finished'; placed: number } | { kind: 'failed'; message: string; merge: boolean }) => {
      if (m.kind === 'finished') resolve(m.placed);
      else reject((failure = m.merge ? new MergeError(m.message) : new Error(`合并线程出错：${m.message}`)));
    });
    worker.on('error', (e) => reject((failure = e)));
  });
  answer.catch(() => {});
  return {
    add: (outputs) => {
      if (!failure) worker.postMessage({ kind: 'add', outputs: outputs.map((o) => ({ label: o.label, dir: o.dir, ...(o.files ? { files: [...o.files] } : {}) })) });
    },
    finish: async () => {
      worker.postMessage({ kind: 'finish' });
      try {
        return await answer;
      } finally {
        await worker.terminate();
      }
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}
