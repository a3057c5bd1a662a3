// A shard's cache key: everything that changes its output. The code (src/, the Astro config, the
// lockfile and package.json, tsconfig, public/), the checked-in config (content/ but the reports), the
// shard's data folder, the source files its reports cite (published under /sources/), which part it
// builds, and the environment the config reads (SITE, BASE). A change to any of them gives a new key,
// so an entry built from other inputs is never found.
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CODE = ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** The source reports: each shard hashes only the files its reports cite (sourcesHash). */
const NOT_CODE = new Set(['content/reports']);
/** Environment variables the build reads that change its bytes. */
export const OUTPUT_ENV = ['SITE', 'BASE'] as const;

/** Feed every file under `path` into the hash: its path relative to `root`, then `content(file)` (default its bytes). */
function hashTree(h: Hash, root: string, path: string, content: (file: string) => string | Buffer = readFileSync): void {
  if (!existsSync(path) || NOT_CODE.has(relative(root, path))) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) hashTree(h, root, join(path, name), content);
    return;
  }
  h.update(`\0${relative(root, path)}\0`);
  h.update(content(path));
}

/**
 * The data files this process has hashed, with their bytes, while their size, modification time and inode
 * stay, until forgetFiles(): the runner hashes the data files for the global shard's key, then checks the
 * tables against the district index and cuts the districts' rows out of the same bytes (dataset-rows.ts).
 * Reading and hashing 146 MB again took ~1.5 s at 100× the seeds (most of it page faults on fresh buffers).
 */
const hashed = new Map<string, { stamp: string; bytes: Buffer; sha256: string }>();
/** A file as it stands: size, modification time, inode (a rewrite or a replacement changes it). */
const stampOf = (path: string) => {
  const st = statSync(path);
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
};
export function readHashed(path: string): { bytes: Buffer; sha256: string } {
  const stamp = stampOf(path);
  const known = hashed.get(path);
  if (known?.stamp === stamp) return known;
  const bytes = readFileSync(path);
  const entry = { stamp, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  hashed.set(path, entry);
  return entry;
}
/** Let go of the bytes readHashed keeps (once the runner has cut the slices). */
export const forgetFiles = (): void => hashed.clear();

export function codeHash(root: string): string {
  const h = createHash('sha256');
  for (const p of CODE) hashTree(h, root, join(root, p));
  return h.digest('hex');
}

/** The hash of a data folder: each file's path and SHA-256. */
export function dataHash(dir: string): string {
  const h = createHash('sha256');
  hashTree(h, dir, dir, (file) => readHashed(file).sha256);
  return h.digest('hex');
}

/** The bytes of the source files (repository-relative paths under `contentRoot`, as reports cite them). */
export function sourcesHash(contentRoot: string, files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of [...new Set(files)].sort()) {
    const path = join(contentRoot, f);
    h.update(`\0${f}\0`);
    if (existsSync(path)) h.update(readFileSync(path));
  }
  return h.digest('hex');
}

/**
 * The data folder's files as they stand (each one's path and stampOf, hashed), read without their bytes: the
 * sharded build compares it before and after to tell that the data changed while it ran.
 */
export function dataStamp(dir: string): string {
  const h = createHash('sha256');
  hashTree(h, dir, dir, stampOf);
  return h.digest('hex');
}

export function shardKey(parts: { code: string; data: string; sources: string; slice: string; env?: NodeJS.ProcessEnv }): string {
  const env = parts.env ?? process.env;
  const h = createHash('sha256');
  h.update(JSON.stringify({ code: parts.code, data: parts.data, sources: parts.sources, slice: parts.slice, env: OUTPUT_ENV.map((k) => [k, env[k] ?? null]), node: process.versions.node.split('.')[0] }));
  return h.digest('hex').slice(0, 20);
}
