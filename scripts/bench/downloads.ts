// npm run bench:downloads [DIR…] — the /data/ download files of a build, before and after the
// pieces rendering (src/lib/opendata/download-files.ts), side by side in one run on the same dataset.
//
// Each run is a fresh child process doing what a build does for /data/, in build order: /data/
// shows the sizes of the whole-dataset files; every file is rendered and measured (bytes, SHA-256),
// then handed over for writing (before: read through a Response, as Astro reads an endpoint; after:
// the pieces the build writer passes to writev); datapackage.json describes every file.
// Disk writes are left out of both, and so is Astro's per-route cost, which "before" also paid
// (~1 ms per file: the build log shows it, this bench does not).
// "before" is scripts/bench/straightforward-downloads.ts (each file on its own, one csv-stringify call, one
// JSON.stringify, string bodies); datapackage.json is today's code in both.
// DIR: generated/*.json style dataset directories (default: PORTAL_DATA_DIR or generated/).
// Reports CPU seconds (user+system: fair on a shared machine), wall seconds and peak RSS, and checks
// that both runs produce the same SHA-256 for every file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { Downloads, measure, toJson, type DownloadFile } from '~/lib/opendata/download-files';
import { buildDataPackage } from '~/lib/opendata/datapackage';
import { leastHeldOrder } from '~/lib/opendata/write-downloads';
import { TABLES } from '~/lib/opendata/tables';
import { straightforwardFiles } from './straightforward-downloads';
import type { Dataset } from '~/lib/dataset/collections';
import { DatasetError, readDataset } from '~/lib/dataset/read';

const SITE = 'https://example.org/';
const REPS = Number(process.env.BENCH_REPS ?? 3);
const META = { title: 't', description: 'd', homepage: SITE, sources: [] };

function load(dir: string): Dataset {
  try {
    return readDataset(dir, { kind: 'all' });
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    console.error(`bench:downloads: ${e.message}`);
    process.exit(1);
  }
}

interface Result { cpu: number; wall: number; rss: number; files: number; bytes: number; digest: string }

async function before(d: Dataset): Promise<Omit<Result, 'cpu' | 'wall' | 'rss'>> {
  const files = straightforwardFiles(d, SITE);
  const known = new Map<string, { bytes: number; sha256: string }>();
  for (const f of files) if (f.scope.kind === 'all') known.set(f.path, measure(f.render()));
  let bytes = 0;
  for (const f of files) {
    const body = f.render();
    known.set(f.path, measure(body));
    bytes += Buffer.from(await new Response(body).arrayBuffer()).length;
  }
  const described = files.map((f) => ({ path: f.path, scope: f.scope, format: f.path.endsWith('.csv') ? 'csv' : 'json', mediatype: 'text/csv', ...known.get(f.path)! }) as Omit<DownloadFile, 'body'>);
  await new Response(toJson(buildDataPackage(described.map((x) => (x.format === 'csv' ? { ...x, table: x.path.split('/').at(-1)!.replace('.csv', '') as keyof typeof TABLES } : x)), META))).arrayBuffer();
  return { files: files.length, bytes, digest: digestOf(files.map((f) => `${f.path} ${known.get(f.path)!.sha256}`)) };
}

async function after(d: Dataset): Promise<Omit<Result, 'cpu' | 'wall' | 'rss'>> {
  const downloads = new Downloads(d, SITE);
  for (const f of downloads.files) if (f.scope.kind === 'all') downloads.describe(f);
  let bytes = 0;
  // The build writer (write-downloads.ts, on the build worker) hands the pieces to writev: no Response, no joined copy,
  // in its order (each serialised table dropped after its last file).
  for (const f of leastHeldOrder(downloads.files)) for (const p of downloads.write(f)) bytes += p.length;
  await new Response(toJson(buildDataPackage(downloads.files.map((f) => downloads.describe(f)), META))).arrayBuffer();
  return { files: downloads.files.length, bytes, digest: digestOf(downloads.files.map((f) => `${f.path} ${downloads.measure(f).sha256}`)) };
}

const digestOf = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);

async function child(mode: string, dir: string) {
  const d = load(dir);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await (mode === 'before' ? before(d) : after(d));
  const cpu = process.cpuUsage(cpu0);
  const out: Result = { ...r, cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - t0) / 1000, rss: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(out));
}

function run(mode: string, dir: string): Result {
  const p = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (p.status !== 0) throw new Error(`bench:downloads: ${mode} ${dir} failed:\n${p.stderr}`);
  return JSON.parse(p.stdout) as Result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!, args[2]!);
  const dirs = args.length ? args : [process.env.PORTAL_DATA_DIR ?? 'generated'];
  const summary: Record<string, unknown>[] = [];
  for (const dir of dirs) {
    const runs: Record<'before' | 'after', Result[]> = { before: [], after: [] };
    for (let i = 0; i < REPS; i++) for (const mode of ['before', 'after'] as const) runs[mode].push(run(mode, dir));
    const [b, a] = [runs.before, runs.after];
    if (new Set([...b, ...a].map((x) => x.digest)).size !== 1) throw new Error(`bench:downloads: ${dir}: before and after wrote different files`);
    const m = (rs: Result[], k: 'cpu' | 'wall' | 'rss') => median(rs.map((x) => x[k]));
    const row = {
      dir, files: a[0]!.files, mb: +(a[0]!.bytes / 1e6).toFixed(1),
      cpuBefore: +m(b, 'cpu').toFixed(2), cpuAfter: +m(a, 'cpu').toFixed(2), cpuRatio: +(m(b, 'cpu') / m(a, 'cpu')).toFixed(2),
      wallBefore: +m(b, 'wall').toFixed(2), wallAfter: +m(a, 'wall').toFixed(2), wallRatio: +(m(b, 'wall') / m(a, 'wall')).toFixed(2),
      rssBeforeMB: Math.round(m(b, 'rss')), rssAfterMB: Math.round(m(a, 'rss')),
    };
    console.log(`${dir}: ${row.files} files, ${row.mb} MB, same SHA-256 for every file before and after (${REPS} runs each, medians)`);
    console.log(`  CPU  before ${row.cpuBefore} s  after ${row.cpuAfter} s  ×${row.cpuRatio}`);
    console.log(`  wall before ${row.wallBefore} s  after ${row.wallAfter} s  ×${row.wallRatio}`);
    console.log(`  peak RSS before ${row.rssBeforeMB} MB  after ${row.rssAfterMB} MB (dataset load included in both)`);
    summary.push(row);
  }
  console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(JSON.stringify({ bench: 'downloads', reps: REPS, results: summary }));
}

await main();
