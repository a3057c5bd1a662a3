// Datasets and comparisons for the sharded-build tests: the seeds ingested into a folder of their own
// (optionally from a copy of content/ without some reports: "before a bulletin arrived"), and the
// differences between two built sites, a shard cache copied to seed another test's.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { childEnv } from './child-env';
import { listTree } from './file-tree';
import { ROOT } from './repo-dataset';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Ingest the seeds into `out`; `without`: report files (as the manifest names them) left out, from a copy of content/ under `contentRoot`. */
export function ingestSeeds(out: string, opts: { contentRoot?: string; without?: string[] } = {}): void {
  const args = [TSX, join(ROOT, 'scripts/ingest.ts'), '--out', out];
  if (opts.contentRoot) {
    cpSync(join(ROOT, 'content'), join(opts.contentRoot, 'content'), { recursive: true });
    const manifest = join(opts.contentRoot, 'content/reports/manifest.yaml');
    const m = parse(readFileSync(manifest, 'utf8')) as { reports: { file: string }[] };
    m.reports = m.reports.filter((r) => !(opts.without ?? []).includes(r.file));
    writeFileSync(manifest, stringify(m));
    args.push('--root', opts.contentRoot);
  }
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: childEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ingest failed: ${r.stdout}${r.stderr}`);
}

/** Paths whose bytes differ between two sites, or that only one has. */
export function siteDifferences(a: string, b: string): string[] {
  const ta = listTree(a);
  const tb = listTree(b);
  return [...new Set([...Object.keys(ta), ...Object.keys(tb)])].filter((p) => ta[p] !== tb[p]).sort();
}

/**
 * A copy of a shard cache (what an earlier test built), for a test whose first build should find some
 * districts cached: one Astro build fewer for each. Not the trash, which a background process is emptying.
 */
export function copyCache(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (src) => !src.startsWith(join(from, '.trash')) });
}
