// Entry of the merge thread (merge-thread.ts starts it): loads the TypeScript merge through tsx, as the
// build worker does, adds each output it is sent to one Merger, and on `finish` answers with the file
// count or the MergeError's message.
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Linking the cached districts' files runs beside the builds, with time to spare until the last one ends: it
// yields to them (priority.ts). On Linux a nice value is per thread (setpriority(2), "Bugs"), so only this thread yields;
// elsewhere it would be the whole runner, so it is left alone there.
if (process.platform === 'linux' && workerData.nice) {
  try {
    setPriority(Math.max(getPriority(), workerData.nice)); // lower, never higher
  } catch {
    // Not allowed: keep the runner's priority.
  }
}
register();
const { Merger } = await import('./merge.ts');
const { MergeError } = await import('./errors.ts');
const merger = new Merger(workerData.into);
parentPort.on('message', (m) => {
  try {
    if (m.kind === 'add') {
      for (const o of m.outputs) merger.add(o);
    } else {
      parentPort.postMessage({ kind: 'finished', placed: merger.finish() });
    }
  } catch (e) {
    parentPort.postMessage({ kind: 'failed', message: e?.message ?? String(e), merge: e instanceof MergeError });
  }
});
