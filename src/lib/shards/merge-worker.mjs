// Entry of the merge thread (merge-thread.ts starts it): loads the TypeScript merge through tsx, as the
// build worker does, adds each output it is sent to one Merger, and on `finish` answers with the file
// count or the MergeError's message.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// Linking the cached districts' files runs beside the builds, with time to spare until the last one ends: it
// yields to them (priority.ts).
(await import('./priority.ts')).yieldThisThread();
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
