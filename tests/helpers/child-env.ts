import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './repo-dataset';

/** The Astro CLI, run with `process.execPath` (Node 24 under npm) by tests that build a site of their own. */
export const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/**
 * The environment for a child build or ingest: the test runner's own variables (VITEST, BASE_URL, MODE,
 * NODE_ENV…) would leak into Vite inside the build and change what it writes, so they are removed.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(VITEST|VITE_|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$|TEST$)/.test(k)) delete env[k];
  return { ...env, ...extra };
}

/**
 * A fresh folder for a test's own `astro build` (its data and its output), inside the project under
 * .cache/test-builds/: with outDir outside the project Astro bundles the pages under <root>/.astro/, which the
 * builds of two test files running at once would share ("Cannot find module …/.astro/.prerender/chunks/…").
 */
export function buildDir(prefix: string): string {
  const under = join(ROOT, '.cache', 'test-builds');
  mkdirSync(under, { recursive: true });
  return mkdtempSync(join(under, prefix));
}
