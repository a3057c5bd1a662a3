// Entry of the build worker thread (integration.ts starts it): loads the TypeScript modules through
// tsx, as `npm run ingest` does, runs work.ts and posts each result, then `done` or `error`.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
let DatasetError;
try {
  const { runBuildWork } = await import('./work.ts');
  ({ DatasetError } = await import('../dataset/read.ts'));
  runBuildWork(workerData, (m) => parentPort.postMessage(m));
  parentPort.postMessage({ kind: 'done' });
} catch (e) {
  // A DatasetError says which file and what to do; anything else is a bug: keep its stack.
  const known = DatasetError !== undefined && e instanceof DatasetError;
  parentPort.postMessage({ kind: 'error', known, message: known ? e.message : (e?.stack ?? String(e)) });
}
