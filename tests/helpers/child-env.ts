import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

/**
 * How a test runs its own `astro build` into outDir: with the test runner's variables removed (childEnv) and
 * an Astro cache of its own (PORTAL_CACHE_DIR, removed when the build ends). Astro's default cache,
 * node_modules/.astro/, holds the content layer's data-store.json, which the build writes and then bundles back
 * in: two test files building at once read each other's data (CI on 9ea5a5d: a two-report site tried to render
 * the seeds' source pages).
 */
function astroBuildArgs(outDir: string, env: Record<string, string>) {
  const cacheDir = buildDir('astro-cache-');
  const args = [ASTRO, 'build', '--outDir', outDir];
  return { args, cacheDir, options: { cwd: ROOT, env: childEnv({ PORTAL_CACHE_DIR: cacheDir, ...env }) } };
}

/** Run `astro build` into outDir and wait (see astroBuildArgs). */
export function astroBuild(outDir: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { args, cacheDir, options } = astroBuildArgs(outDir, env);
  try {
    return spawnSync(process.execPath, args, { ...options, encoding: 'utf8' });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Start `astro build` into outDir without waiting, output ignored (a test that kills it part-way). */
export function startAstroBuild(outDir: string, env: Record<string, string> = {}): ChildProcess {
  const { args, cacheDir, options } = astroBuildArgs(outDir, env);
  const child = spawn(process.execPath, args, { ...options, stdio: 'ignore' });
  child.on('exit', () => rmSync(cacheDir, { recursive: true, force: true }));
  return child;
}

/** A child's stdout, or an error naming what failed with the end of its output. */
export function succeeded(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  return r.stdout;
}

/** Run a Node command from the project root (e.g. `--import tsx scripts/ingest.ts …`); its stdout, or an error. */
export const runNode = (args: string[], env: Record<string, string> = {}): string =>
  succeeded(spawnSync(process.execPath, args, { cwd: ROOT, env: childEnv(env), encoding: 'utf8' }), args.join(' '));
