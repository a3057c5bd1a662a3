// `astro build` never writes into the published folder (dist/). Astro builds into a staging folder
// beside it (.dist-build/site/; the build worker stages its files in .dist-build/.site-build-worker/), and
// only when every page, download, search index and sitemap is there is the staged site swapped into
// dist/. A failed or killed build leaves the previous dist/ exactly as it was, and says so.
//
// Registered last in astro.config.mjs: its astro:build:done runs after every other integration has
// written into the staged site (sitemap, the build worker's move).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { currentSlice } from '../dataset/slice';

export interface Staging {
  /** The published folder: dist/. */
  final: string;
  /** The one staging folder for the whole build: .dist-build/ (a sibling, so the swap is a rename). */
  root: string;
  /** Astro's outDir during the build. */
  site: string;
}

export const stagingFor = (outDir: string): Staging => {
  const final = resolve(outDir);
  const root = join(dirname(final), `.${basename(final)}-build`);
  return { final, root, site: join(root, 'site') };
};

/** Where a replaced site (or a leftover staging folder) waits to be deleted: .dist-old-…/ beside dist/. */
const oldSitePrefix = (final: string) => `.${basename(final)}-old-`;

/**
 * Clear what an earlier failed or killed build left (and a replaced site not yet deleted) and make the
 * staging folder. Nothing is deleted here, on the build's critical path: a leftover staging folder is renamed
 * aside and, with any replaced site still there, deleted in the background (removeLater). A build that
 * follows another within seconds finds the replaced site still being deleted: deleting it here took 7.4 s
 * (61,000 files at 100× the seeds) before the first shard could start.
 */
export function beginStaging(s: Staging): void {
  for (const old of replacedSitesLeft(s.final)) removeLater(old);
  if (existsSync(s.root)) deleteAside(s, s.root, 'staging');
  mkdirSync(s.root, { recursive: true });
}

/** Replaced sites beside `final` (dist/) that a background process has not finished deleting yet. */
export function replacedSitesLeft(final: string): string[] {
  const parent = dirname(final);
  return existsSync(parent) ? readdirSync(parent).filter((f) => f.startsWith(oldSitePrefix(final))).map((f) => join(parent, f)) : [];
}

let setAside = 0;
/** Rename `dir` beside dist/ as .dist-old-<pid>-<time>-<n>-<what> (at once, one rename) and delete it in the background. */
function deleteAside(s: Staging, dir: string, what: string): void {
  const aside = join(dirname(s.final), `${oldSitePrefix(s.final)}${process.pid}-${Date.now()}-${setAside++}-${what}`);
  renameSync(dir, aside);
  removeLater(aside);
}

/**
 * Delete a replaced site off the build's critical path: it is already renamed aside, so a detached process
 * removes it while the build returns (at 100× the seeds, ~40,000 files: seconds of unlinking). If that
 * process is killed, the next build's beginStaging hands what is left to another.
 */
export function removeLater(dir: string): void {
  spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Swap the complete staged site into place: the old site is renamed aside and the new one renamed in (two
 * renames on one file system, a moment apart), then the old one is deleted in the background (removeLater). Throws, leaving dist/ as it
 * was, if the staged site has no home page (unless `requireHome` is false: a district shard's part).
 */
export function publishStaged(s: Staging, requireHome = true): void {
  if (requireHome && !existsSync(join(s.site, 'index.html'))) throw new Error(`${s.site}: 暂存的网站没有 index.html，构建并未完成；${s.final} 未被改动。`);
  const previous = join(s.root, 'previous');
  if (existsSync(s.final)) renameSync(s.final, previous);
  try {
    renameSync(s.site, s.final);
  } catch (e) {
    if (existsSync(previous) && !existsSync(s.final)) renameSync(previous, s.final);
    throw e;
  }
  if (existsSync(previous)) deleteAside(s, previous, 'site');
  rmSync(s.root, { recursive: true, force: true });
}

const UNFINISHED = (s: Staging) =>
  `构建未完成：${basename(s.final)}/ 未被改动，仍是上一次成功构建的网站。未完成的输出留在 ${basename(s.root)}/（下次构建时清除）；修好上面的错误后重新运行 npm run build。`;

export default function stagedSite(): AstroIntegration {
  let staging: Staging | undefined;
  let published = false;
  return {
    name: 'pledge-portal:staged-site',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        staging = stagingFor(fileURLToPath(config.outDir));
        beginStaging(staging);
        updateConfig({ outDir: pathToFileURL(`${staging.site}/`) });
        const s = staging;
        // A failed build exits through process.exit: say that the published site was kept.
        process.once('exit', (code) => {
          if (!published && code !== 0) process.stderr.write(`\n${UNFINISHED(s)}\n`);
        });
      },
      'astro:build:done': ({ logger }) => {
        if (!staging) return;
        // A district shard (src/lib/shards/) has no home page: the global shard renders it.
        publishStaged(staging, currentSlice().kind !== 'districts');
        published = true;
        logger.info(`site complete: swapped into ${staging.final}`);
      },
    },
  };
}
