// What the build worker's thread (worker.mjs) and process (worker-process.mjs) run: the TypeScript modules
// loaded through tsx, as `npm run ingest` does, work.ts on the given jobs, each result posted, then `done`,
// `problems` or `bug`.
import { register } from 'tsx/esm/api';

register();

/** Runs `input.jobs` (work.ts WorkInput) and posts every message through `post`; never throws. */
export async function runEntry(input, post) {
  const { ProblemError } = await import('../problems.ts');
  try {
    const { runBuildWork } = await import('./work.ts');
    await runBuildWork(input, post);
    post({ kind: 'done' });
  } catch (e) {
    // A ProblemError (a DatasetError: generated/ missing or invalid) says which file and what to do: its
    // problems cross as data. Anything else is a bug: keep its stack.
    if (e instanceof ProblemError) post({ kind: 'problems', problems: e.problems });
    else post({ kind: 'bug', stack: e?.stack ?? String(e) });
  }
}
