// Entry of the build worker thread (integration.ts starts it): loads the TypeScript modules through
// tsx, as `npm run ingest` does, runs work.ts and posts each result, then `done`, `problems` or `bug`.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { ProblemError } = await import('../problems.ts');
try {
  const { runBuildWork } = await import('./work.ts');
  await runBuildWork(workerData, (m) => parentPort.postMessage(m));
  parentPort.postMessage({ kind: 'done' });
} catch (e) {
  // A ProblemError (a DatasetError: generated/ missing or invalid) says which file and what to do: its
  // problems cross the thread as data. Anything else is a bug: keep its stack.
  if (e instanceof ProblemError) parentPort.postMessage({ kind: 'problems', problems: e.problems });
  else parentPort.postMessage({ kind: 'bug', stack: e?.stack ?? String(e) });
}
