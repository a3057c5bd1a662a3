import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import LongestFirst from "./tests/e2e/helpers/sequencer";

// Real-browser suite (npm run test:e2e): Debian's Chromium via playwright-core against dist/.
// Two files at a time, each with its own Chromium: most of a browser test is waiting on the browser's
// processes, so a 2-core machine runs two files at a time in about 2/3 of the time of one after the other
// (measured: 135 s and 138 s against 219 s and 193 s for six of the files, runs interleaved).
export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/helpers/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    testTimeout: 120_000,
    // One retry in CI only: a real browser on a shared 2-core machine now and then misses a timing
    // window; a real regression fails both tries. Locally a failure shows at once.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 180_000,
    // expect.poll waits for the page to settle (a search re-run after a facet click): 1 s, the default, is
    // a timing window a busy 2-core machine can miss; the value polled for is the same.
    expect: { poll: { timeout: 10_000 } },
  },
});
