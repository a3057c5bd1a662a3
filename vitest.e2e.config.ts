import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Real-browser suite (npm run test:e2e): Debian's Chromium via playwright-core against dist/.
// Files run one after another: each launches its own Chromium, and the machines have 2 cores.
export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/helpers/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    // One retry in CI only: a real browser on a shared 2-core machine now and then misses a timing
    // window; a real regression fails both tries. Locally a failure shows at once.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 180_000,
  },
});
