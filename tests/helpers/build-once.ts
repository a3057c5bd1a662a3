// Tests that read the built site need dist/ (and generated/) as the current sources would build them.
// The vitest global setups (tests/helpers/global-setup.ts, tests/e2e/helpers/global-setup.ts) call
// ensureBuilt() once per run: it builds only when dist/ is missing or older than what it is built from,
// so CI (which builds first) and a second local run pay nothing. A check of a build made elsewhere
// (PAGES_DIST) never builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
/** What the built site is made from: a change here makes dist/ stale. */
const INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'generated'];

function newest(path: string): { file: string; mtime: number } | undefined {
  if (!existsSync(path)) return undefined;
  const st = statSync(path);
  if (!st.isDirectory()) return { file: path, mtime: st.mtimeMs };
  let best: { file: string; mtime: number } | undefined;
  for (const e of readdirSync(path)) {
    const n = newest(join(path, e));
    if (n && (!best || n.mtime > best.mtime)) best = n;
  }
  return best;
}

/** Why dist/ cannot be used as it is, or undefined when it is current. */
export function staleBuild(root = ROOT): string | undefined {
  const index = join(root, 'dist', 'index.html');
  if (!existsSync(index)) return 'dist/ is missing';
  if (!existsSync(join(root, 'generated', 'tasks.json'))) return 'generated/ is missing';
  const built = statSync(index).mtimeMs;
  const changed = INPUTS.map((p) => newest(join(root, p))).filter((n) => n && n.mtime > built);
  if (changed.length === 0) return undefined;
  return `dist/ is older than ${relative(root, changed[0]!.file)}`;
}

/** Build the site once if it is missing or stale; `noBuildEnv` set → fail with what to run instead. */
export function ensureBuilt(noBuildEnv: string): void {
  if (process.env.PAGES_DIST) {
    if (!existsSync(join(process.env.PAGES_DIST, 'index.html'))) throw new Error(`PAGES_DIST=${process.env.PAGES_DIST} holds no built site`);
    return;
  }
  const why = staleBuild();
  if (!why) return;
  if (process.env[noBuildEnv]) throw new Error(`${why}: run \`npm run build\` first (or unset ${noBuildEnv} to let the tests build it).`);
  console.log(`${why}: running \`npm run build\` once before the tests`);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
