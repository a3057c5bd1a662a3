// Entry of a build worker thread (integration.ts starts it): runs its jobs, posting each result to the
// Astro process's main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { runEntry } from './run-entry.mjs';

await runEntry(workerData, (m) => parentPort.postMessage(m));
