// Entry of a build worker child process (integration.ts forks it): takes its input as the first message,
// runs its jobs, sends each result back, and exits once the last has gone. A process of its own has its own
// heap: the search index holds its copy of the dataset there rather than beside Astro's and another thread's.
import { runEntry } from './run-entry.mjs';

// The Astro build that forked this process is gone (failed or killed): nothing will read the results. A job
// runs synchronously, so the event is seen between jobs; the process never outlives its jobs (killing an
// Astro build at 100× mid-index: the index was finished, then the process exited).
process.on('disconnect', () => process.exit(1));
process.once('message', async (input) => {
  let last = Promise.resolve();
  await runEntry(input, (m) => {
    last = new Promise((resolve) => process.send(m, () => resolve()));
  });
  await last;
  process.exit(0);
});
