import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The same `~/…` → src/ alias as tsconfig.json (Astro reads it from there).
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ once if it is missing or stale, so the tests that read it never skip silently.
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    // Hooks build things too (runBuildWork draws the seeds' share cards: over 10 s on a slow, busy 2-core machine).
    hookTimeout: 60_000,
    // One test file per core. Vitest's own default is one fewer than the cores: a single worker on a
    // 2-core CI machine, while many files mostly wait on the child processes they start (astro build,
    // the ingest CLI). Measured on 2 cores, both runs with a browser suite beside them: 787 s against 1,180 s.
    maxWorkers: availableParallelism(),
    // Test files share each worker's module cache instead of loading src/ again per file: importing took 98 s
    // of CPU across the 95 files, 16 s so. The suite is CPU-bound on 2 cores (user + sys 846 s in 444 s), so
    // that is wall time: 442 s → 350 s, side by side on one machine, 979 tests passing either way (also with
    // the files shuffled). What a file changes in the process (process.env, the build worker's slot) it restores.
    isolate: false,
  },
});
