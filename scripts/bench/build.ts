// npm run bench:build — build time of the portal at 10× and 100× today's data, against a bare
// Astro site with the same number of trivial pages, side by side in one run. The portal is built as
// npm run build builds it: in shards (src/lib/shards/), in parallel, merged. Measured per scale: the
// full build (empty caches), the incremental build after one new bulletin for one district (same
// caches), the bare build (one process), the largest single process's peak memory, the shard count,
// and the share cards' drawing time. BENCH_SHARDS caps the district batches at BENCH_SHARDS - 1 (1: one build of the whole site); BENCH_FLOOR=1 adds the
// content-layer floor (bare site + the portal's collections).
//
// Synthetic data: every real district is cloned into more districts and years ("<id>-c<k>", years
// shifted by decades); each clone's district-year keeps its real reports, and its task rows are
// resampled (seeded, with replacement) from the real tasks of that district-year, rows and sub-target
// rows together. Ids, unit and leader links are rewritten so the dataset is consistent. The JSON is
// written straight into a temp dir and the build reads it through PORTAL_DATA_DIR.
//
// A portal build hands the site it replaced and its stale cache entries to detached deleting processes
// (src/lib/shards/trash.ts, staged-site.ts removeLater). Every timed build starts after they have ended, so
// the bare build that follows the incremental one never shares the disk with them (at 100× 0.4–0.8 s of
// deleting is left when a build returns; the wait is printed).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { prng } from './prng';
import { join, resolve } from 'node:path';
import type { Progress, Task } from '~/lib/schema';
import portalConfig from '../../astro.config.mjs';
import { phases, routeGroups, workerSteps, type Phases, type RouteGroup, type WorkerStep } from '../build-log';
import { type Dataset, COLLECTION_NAMES, emptyDataset } from '~/lib/dataset/collections';
import { readDataset } from '~/lib/dataset/read';
import { writeTables } from '~/lib/dataset/district-index';
import { trashLeft } from '~/lib/shards/trash';
import { replacedSitesLeft } from '~/lib/build-worker/staged-site';

const ROOT = resolve(import.meta.dirname, '../..');
const SCALES = (process.env.BENCH_SCALES ?? '10,100').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
/**
 * At these scales the portal is built with a site address, as deployed: feeds, sitemap and share cards
 * (drawn afresh: their share of the build is printed). Not at 100× by default: drawing ~33,000 cards
 * afresh takes most of an hour on 2 cores (~85 ms each), and the 100× ratio stays comparable with earlier runs.
 */
const CARD_SCALES = (process.env.BENCH_CARD_SCALES ?? '10').split(',').map(Number);
const BENCH_SITE = process.env.BENCH_SITE ?? 'https://bench.example.gov.cn';
// BENCH_NODE_OPTIONS is applied to both builds (portal and bare) alike, e.g. GC flags.


/** The real dataset, validated (a DatasetError names each bad file and what to do). */
const loadReal = (dir: string): Dataset => readDataset(dir, { kind: 'all' });

export function synthesize(real: Dataset, scale: number): Dataset {
  const out = emptyDataset();
  const random = prng(20260101 + scale);
  const rowsOf = new Map<string, Progress[]>(); // `${reportId}|${taskId}` → rows (numbered + sub)
  for (const p of real.progress) {
    const k = `${p.reportId}|${p.taskId}`;
    rowsOf.set(k, [...(rowsOf.get(k) ?? []), p]);
  }
  for (let c = 0; c < scale; c++) {
    const copy = Math.floor(c / 2);
    const shift = (c % 2) * 10; // two eras per district copy: more districts and more years
    for (const d of real.districts) {
      const nd = `${d.id}-c${copy}`;
      const yearMap = (y: number) => y + shift;
      const rid = (id: string) => id.replace(new RegExp(`^${d.id}-(\\d{4})`), (_, y) => `${nd}-${yearMap(Number(y))}`);
      const eid = (id: string) => id.replace(new RegExp(`^${d.id}-`), `${nd}-`);
      if (shift === 0) out.districts.push({ ...d, id: nd, name: `${d.name}${copy}`, shortName: `${d.shortName}${copy}` });
      out.indicators.push(...real.indicators.filter((x) => x.district === d.id).map((x) => ({ ...x, id: rid(x.id), district: nd, year: yearMap(x.year), reportId: rid(x.reportId) })));
      const reports = real.reports.filter((r) => r.district === d.id);
      const years = [...new Set([...reports.map((r) => r.year), ...real.tasks.filter((t) => t.district === d.id).map((t) => t.year)])];
      for (const year of years) {
        const realTasks = real.tasks.filter((t) => t.district === d.id && t.year === year);
        const yReports = reports.filter((r) => r.year === year);
        const newTasks: Task[] = [];
        const newRowIds = new Map<string, string[]>(yReports.map((r) => [r.id, []]));
        realTasks.forEach((_, i) => {
          const src = realTasks[Math.floor(random() * realTasks.length)]!;
          const n = i + 1;
          const id = `${nd}-${yearMap(year)}-${String(n).padStart(3, '0')}`;
          const progressIds: string[] = [];
          for (const r of yReports) {
            for (const p of rowsOf.get(`${r.id}|${src.id}`) ?? []) {
              const pid = `${rid(r.id)}-${n}${p.subIndex > 0 ? `-s${p.subIndex}` : ''}`;
              out.progress.push({
                ...p, id: pid, taskId: id, reportId: rid(r.id), district: nd, year: yearMap(year), number: n,
                units: p.units.map((u) => ({ ...u, unitId: eid(u.unitId), via: u.via && eid(u.via) })),
                leaders: p.leaders.map((l) => ({ ...l, leaderId: eid(l.leaderId) })),
              });
              newRowIds.get(r.id)!.push(pid);
              if (p.subIndex === 0) progressIds.push(pid);
            }
          }
          newTasks.push({
            ...src, id, district: nd, year: yearMap(year), number: n, progressIds,
            reportIds: src.reportIds.map(rid), latestReportId: rid(src.latestReportId),
            unitIds: src.unitIds.map(eid), leadUnitIds: src.leadUnitIds.map(eid), leaderIds: src.leaderIds.map(eid),
          });
        });
        out.tasks.push(...newTasks);
        for (const r of yReports) {
          out.reports.push({ ...r, id: rid(r.id), district: nd, year: yearMap(year), taskIds: r.taskIds.length ? newTasks.map((t) => t.id) : [], progressIds: newRowIds.get(r.id)! });
          out.anomalies.push(...real.anomalies.filter((a) => a.reportId === r.id).map((a) => ({ ...a, id: rid(a.id), reportId: rid(r.id) })));
        }
      }
    }
  }
  // Each district copy cites its own copies of the source files (content/reports/<copy>/…, written by
  // writeDataset), as real districts do: a file belongs to one district, so its pages to one shard.
  const refile = <T extends object>(rows: T[], districtOf: (x: T) => string) => rows.map((x) => {
    const nd = districtOf(x);
    return JSON.parse(JSON.stringify(x).replaceAll(`"content/reports/${nd.replace(/-c\d+$/, '')}/`, `"content/reports/${nd}/`)) as T;
  });
  out.reports = refile(out.reports, (r) => r.district);
  const reportDistrict = new Map(out.reports.map((r) => [r.id, r.district]));
  out.tasks = refile(out.tasks, (t) => t.district);
  out.progress = refile(out.progress, (p) => p.district);
  out.indicators = refile(out.indicators, (x) => x.district);
  out.anomalies = refile(out.anomalies, (a) => reportDistrict.get(a.reportId)!);
  // Units and leaders: one per real one per district copy, linked to the synthetic tasks naming them.
  const unitTasks = new Map<string, string[]>();
  const leaderTasks = new Map<string, string[]>();
  for (const t of out.tasks) {
    for (const u of t.unitIds) unitTasks.set(u, [...(unitTasks.get(u) ?? []), t.id]);
    for (const l of t.leaderIds) leaderTasks.set(l, [...(leaderTasks.get(l) ?? []), t.id]);
  }
  for (const d of out.districts) {
    const realId = d.id.replace(/-c\d+$/, '');
    const eid = (id: string) => id.replace(new RegExp(`^${realId}-`), `${d.id}-`);
    for (const u of real.units.filter((x) => x.district === realId)) {
      const taskIds = unitTasks.get(eid(u.id));
      if (taskIds) out.units.push({ ...u, id: eid(u.id), district: d.id, taskIds });
    }
    for (const l of real.leaders.filter((x) => x.district === realId)) {
      const taskIds = leaderTasks.get(eid(l.id));
      if (taskIds) out.leaders.push({ ...l, id: eid(l.id), district: d.id, taskIds });
    }
  }
  return out;
}

/**
 * The same dataset after one new bulletin for one district: the first district's latest progress report
 * again, as a later report of the same year (its rows copied under new ids, its tasks now citing it last).
 * What a maintainer adding one district's bulletin changes, for the incremental build.
 */
export function addBulletin(ds: Dataset): { data: Dataset; district: string } {
  const district = ds.districts[0]!.id;
  const r = ds.reports.filter((x) => x.district === district && x.kind === 'progress' && x.progressIds.length > 0).at(-1);
  if (!r) throw new Error(`${district}: no progress report to copy`);
  const slug = `${r.slug}b`;
  const id = `${district}-${r.year}-${slug}`;
  const rows = ds.progress.filter((p) => p.reportId === r.id).map((p) => ({ ...p, id: p.id.replace(r.id, id), reportId: id }));
  const newRow = new Map(rows.filter((p) => p.subIndex === 0).map((p) => [p.taskId, p.id]));
  const tasks = ds.tasks.map((t) => {
    const pid = newRow.get(t.id);
    return pid ? { ...t, reportIds: [...t.reportIds, id], progressIds: [...t.progressIds, pid], latestReportId: id } : t;
  });
  const report = { ...r, id, slug, progressIds: rows.map((p) => p.id), title: `${r.title}（补充）` };
  return { data: { ...ds, reports: [...ds.reports, report], progress: [...ds.progress, ...rows], tasks }, district };
}

/** The real file a district copy's source file copies: content/reports/linzi-c3/x.txt → content/reports/linzi/x.txt. */
const realFile = (file: string) => file.replace(/^content\/reports\/([^/]+)-c\d+\//, 'content/reports/$1/');

/** Write the dataset into `dir` and the district copies' source files under `contentRoot` (the build's PORTAL_CONTENT_ROOT). */
export function writeDataset(ds: Dataset, dir: string, contentRoot: string) {
  mkdirSync(dir, { recursive: true });
  writeTables(dir, ds);
  if (existsSync(join(ROOT, 'generated/meta.json'))) cpSync(join(ROOT, 'generated/meta.json'), join(dir, 'meta.json'));
  // The source view pages read one rendering per file: the real one, under the first report that cites the file.
  const real = new Map(readdirSync(join(ROOT, 'generated/renderings')).map((f) => JSON.parse(readFileSync(join(ROOT, 'generated/renderings', f), 'utf8'))).map((x) => [x.file, x]));
  mkdirSync(join(dir, 'renderings'), { recursive: true });
  const seen = new Set<string>();
  for (const r of ds.reports) {
    const from = realFile(r.source.file);
    if (seen.has(r.source.file) || !real.has(from)) continue;
    seen.add(r.source.file);
    writeFileSync(join(dir, 'renderings', `${r.id}.json`), JSON.stringify({ ...real.get(from), reportId: r.id, file: r.source.file }));
    mkdirSync(join(contentRoot, r.source.file, '..'), { recursive: true });
    cpSync(join(ROOT, from), join(contentRoot, r.source.file));
  }
}

/** Wall seconds, CPU seconds (user + sys: less sensitive to other load on the machine), peak RSS. */
interface Run { seconds: number; cpu: number; peakMb: number; pages: number; groups: RouteGroup[]; phases: Phases; worker: WorkerStep[] }

/** Run `astro build` under /usr/bin/time -v (same Node as this script) and read wall time and peak RSS. */
function build(root: string, outDir: string, env: Record<string, string>, extra: string[] = []): Run {
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  rmSync(outDir, { recursive: true, force: true });
  spawnSync('sync');
  const t0 = performance.now();
  // A fresh share-card cache each run: every card is drawn, the cost of a first build (later builds copy them).
  const cardCache = mkdtempSync(join(tmpdir(), 'bench-cards-'));
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, astro, 'build', '--root', root, '--outDir', outDir, ...extra], {
    cwd: root, env: { ...process.env, ...env, SHARE_CARD_CACHE: cardCache, ASTRO_TELEMETRY_DISABLED: '1', ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}) }, encoding: 'utf8', maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(cardCache, { recursive: true, force: true });
  if (r.status !== 0) {
    process.stderr.write(r.stdout.slice(-4000) + r.stderr.slice(-4000));
    throw new Error(`astro build failed in ${root} (exit ${r.status})`);
  }
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0);
  const cpuOf = (label: string) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? 0);
  const pages = countPages(outDir);
  return { seconds, cpu: cpuOf('User') + cpuOf('System'), peakMb: Math.round(kb / 1024), pages, groups: routeGroups(r.stdout), phases: phases(r.stdout), worker: workerSteps(r.stdout) };
}

const describeRun = (r: Run) => `${r.pages} pages in ${r.seconds.toFixed(1)} s (cpu ${r.cpu.toFixed(1)} s), peak ${r.peakMb} MB`;
/** The fastest run's times; the highest peak memory of all runs. */
const fastest = (runs: Run[]): Run => ({ ...runs.reduce((a, b) => (b.seconds < a.seconds ? b : a)), peakMb: Math.max(...runs.map((r) => r.peakMb)) });

function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && (e.name.endsWith('.html') || e.parentPath.includes('/sources'))) n++;
  return n;
}

/** A bare Astro site: one dynamic route emitting `pages` trivial pages, built with the portal's build settings (format, concurrency). */
function bareSite(dir: string, pages: number, concurrency: number) {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"name":"bare","type":"module","private":true}');
  writeFileSync(join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', trailingSlash: 'always', build: { format: 'directory', concurrency: ${concurrency} }, devToolbar: { enabled: false } });\n`);
  writeFileSync(join(dir, 'src/pages/[...slug].astro'), `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: i === 0 ? undefined : 'p/' + i } })); }\nconst { slug } = Astro.params;\n---\n<html lang="zh-CN"><head><meta charset="utf-8" /><title>{slug ?? 'home'}</title></head><body><h1>{slug ?? 'home'}</h1></body></html>\n`);
}

/**
 * The content-layer floor: the bare site plus the portal's own content collections (src/content.config.ts
 * re-exported: same loaders, schemas and data), every collection read once, trivial pages. What no page of
 * the portal can avoid; the portal's ratio to it is what its pages, charts, search index and downloads add.
 */
function floorSite(dir: string, pages: number, concurrency: number) {
  bareSite(dir, pages, concurrency);
  writeFileSync(join(dir, 'src/content.config.ts'), `export { collections } from ${JSON.stringify(join(ROOT, 'src/content.config.ts'))};\n`);
  writeFileSync(join(dir, 'src/pages/[...slug].astro'), `---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() {\n  let entries = 0;\n  for (const c of ${JSON.stringify(COLLECTIONS)}) entries += (await getCollection(c as never)).length;\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: i === 0 ? undefined : 'p/' + i }, props: { entries } }));\n}\nconst { slug } = Astro.params;\n---\n<html lang="zh-CN"><head><meta charset="utf-8" /><title>{slug ?? 'home'}</title></head><body><h1>{slug ?? 'home'} {Astro.props.entries}</h1></body></html>\n`);
}
const COLLECTIONS = COLLECTION_NAMES; // every collection of src/content.config.ts

/**
 * Wait until the portal build's background deletes (the replaced site beside `outDir`, the cache's trash) have
 * ended, so they do not run beside the next timed build. Returns the seconds waited.
 */
function settleBackgroundDeletes(outDir: string, cache: string): number {
  const t0 = performance.now();
  while (replacedSitesLeft(outDir).length + trashLeft(cache).length > 0) {
    if (performance.now() - t0 > 15 * 60_000) throw new Error(`background deletes still running after 15 minutes: ${[...replacedSitesLeft(outDir), ...trashLeft(cache)].join(', ')}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200); // a synchronous 0.2 s pause, as the bench is synchronous
  }
  return (performance.now() - t0) / 1000;
}

/** The sharded build (npm run build's own command) under /usr/bin/time: wall time, CPU, and the largest single process's peak RSS. */
function shardedBuild(data: string, contentRoot: string, outDir: string, cache: string, cards: string, site: boolean): Run & { shards: number; rebuilt: number; cardsMs: number } {
  rmSync(outDir, { recursive: true, force: true });
  spawnSync('sync');
  const t0 = performance.now();
  const args = [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build.ts'), 'all', '--out', outDir, ...(process.env.BENCH_SHARDS ? ['--shards', process.env.BENCH_SHARDS] : [])];
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30,
    env: { ...process.env, PORTAL_DATA_DIR: data, PORTAL_CONTENT_ROOT: contentRoot, PORTAL_SHARD_CACHE: cache, SHARE_CARD_CACHE: cards, SITE: site ? BENCH_SITE : '', ASTRO_TELEMETRY_DISABLED: '1', ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}) },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stdout.slice(-4000) + r.stderr.slice(-4000));
    throw new Error('sharded build failed');
  }
  // ru_maxrss of the waited-for tree is its largest single process (the runner or one shard), not a sum.
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0);
  const cpuOf = (label: string) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? 0);
  // Astro builds the run started: the global shard and the district batches (each logs one 完成 line).
  const done = [...r.stdout.matchAll(/^\[shards\] (global|batch-[0-9a-f]+|shard-\d+-of-\d+) \((.*?)\): 完成，用时 (\d+\.\d) 秒$/gm)];
  const shards = done.length;
  const rebuilt = done.length;
  const worker = workerSteps(r.stdout);
  // Where the wall time went: preparing (keys, slices), each build (global, or a batch: its district count), the merge.
  const prepare = /^\[shards\] 准备：.*；(\d+\.\d) 秒$/m.exec(r.stdout)?.[1];
  const merge = /^\[shards\] 合并：.*?(\d+\.\d) 秒$/m.exec(r.stdout)?.[1];
  const settled = settleBackgroundDeletes(outDir, cache);
  const steps = [`prepare ${prepare ?? '?'} s`, ...done.map((m) => `${m[1] === 'global' ? 'global' : `${m[2]!.split('、').length} districts`} ${m[3]} s`), `merge ${merge ?? '?'} s`, `(then ${settled.toFixed(1)} s of background deletes, untimed)`];
  console.log(`    ${steps.join(', ')}`);
  const cardsMs = worker.filter((w) => w.step === 'share cards').reduce((a, w) => a + w.ms, 0);
  return { seconds, cpu: cpuOf('User') + cpuOf('System'), peakMb: Math.round(kb / 1024), pages: countPages(outDir), groups: [], phases: {}, worker, shards, rebuilt, cardsMs };
}

type Sharded = ReturnType<typeof shardedBuild>;

function main() {
  if (!existsSync(join(ROOT, 'generated/tasks.json'))) spawnSync('npm', ['run', 'ingest'], { cwd: ROOT, stdio: 'inherit' });
  const real = loadReal(join(ROOT, 'generated'));
  const work = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const results: { scale: number; full: Sharded; incr: Sharded; bare: Run; floor?: Run }[] = [];
  try {
    for (const scale of SCALES) {
      const data = join(work, `data-${scale}`);
      const after = join(work, `data-${scale}-after`);
      const ds = synthesize(real, scale);
      const content = join(work, `content-${scale}`);
      writeDataset(ds, data, content);
      const bulletin = addBulletin(ds);
      writeDataset(bulletin.data, after, content);
      console.log(`${scale}×: ${ds.districts.length} districts, ${ds.reports.length} reports, ${ds.tasks.length} tasks, ${ds.progress.length} rows, ${ds.units.length} units; the incremental build adds one bulletin to ${bulletin.district}`);
      const bareDir = join(work, `bare-${scale}`);
      const floorDir = join(work, `floor-${scale}`);
      // Alternate the builds RUNS times and keep each one's fastest: this machine's disk writeback and
      // neighbours make single runs swing by half. Each build starts from an empty outDir with the
      // previous build's writes flushed (sync), so none pays for another's I/O. Each full build starts
      // from an empty shard cache and share-card cache; its incremental build reuses both.
      const fulls: Sharded[] = [];
      const incrs: Sharded[] = [];
      const bareRuns: Run[] = [];
      const floorRuns: Run[] = [];
      for (let run = 0; run < RUNS; run++) {
        const cache = mkdtempSync(join(work, 'shard-cache-'));
        const cards = mkdtempSync(join(work, 'card-cache-'));
        fulls.push(shardedBuild(data, content, join(work, `portal-${scale}`), cache, cards, CARD_SCALES.includes(scale)));
        console.log(`  full:   ${describeRun(fulls.at(-1)!)}, ${fulls.at(-1)!.shards} shards`);
        incrs.push(shardedBuild(after, content, join(work, `portal-${scale}`), cache, cards, CARD_SCALES.includes(scale)));
        console.log(`  incr:   ${describeRun(incrs.at(-1)!)}, ${incrs.at(-1)!.rebuilt} of ${incrs.at(-1)!.shards} shards rebuilt`);
        rmSync(cache, { recursive: true, force: true });
        rmSync(cards, { recursive: true, force: true });
        if (run === 0) bareSite(bareDir, fulls[0]!.pages, portalConfig.build?.concurrency ?? 1);
        bareRuns.push(build(bareDir, join(bareDir, 'dist'), {}));
        console.log(`  bare:   ${describeRun(bareRuns.at(-1)!)} (one process)`);
        if (process.env.BENCH_FLOOR) {
          if (run === 0) floorSite(floorDir, fulls[0]!.pages, portalConfig.build?.concurrency ?? 1);
          floorRuns.push(build(floorDir, join(floorDir, 'dist'), { PORTAL_DATA_DIR: data }, ['--force']));
          console.log(`  floor:  ${describeRun(floorRuns.at(-1)!)} (bare + the portal's content collections)`);
        }
      }
      const full = { ...fastest(fulls), shards: fulls[0]!.shards, rebuilt: fulls[0]!.rebuilt, cardsMs: Math.min(...fulls.map((f) => f.cardsMs)) };
      const incr = { ...fastest(incrs), shards: incrs[0]!.shards, rebuilt: incrs[0]!.rebuilt, cardsMs: Math.min(...incrs.map((f) => f.cardsMs)) };
      const bare = fastest(bareRuns);
      if (full.pages !== bare.pages) throw new Error(`page counts differ: portal ${full.pages}, bare ${bare.pages}`);
      console.log(`  fastest of ${RUNS}: ratio ${(full.seconds / bare.seconds).toFixed(2)} (cpu ratio ${(full.cpu / bare.cpu).toFixed(2)}), incremental ${(incr.seconds / full.seconds).toFixed(2)} of the full build`);
      results.push({ scale, full, incr, bare, ...(floorRuns.length ? { floor: fastest(floorRuns) } : {}) });
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  }
  console.log(`\nscale  pages   shards  full_s  incr_s  bare_s  ratio  incr_ratio  cpu_ratio  peak_mb  bare_peak_mb  share_cards_s  cards/full${results.some((r) => r.floor) ? '  floor_s' : ''}`);
  for (const r of results) {
    console.log(`${String(r.scale).padStart(5)}  ${String(r.full.pages).padStart(6)}  ${String(r.full.shards).padStart(6)}  ${r.full.seconds.toFixed(1).padStart(6)}  ${r.incr.seconds.toFixed(1).padStart(6)}  ${r.bare.seconds.toFixed(1).padStart(6)}  ${(r.full.seconds / r.bare.seconds).toFixed(2).padStart(5)}  ${(r.incr.seconds / r.full.seconds).toFixed(2).padStart(10)}  ${(r.full.cpu / r.bare.cpu).toFixed(2).padStart(9)}  ${String(Math.max(r.full.peakMb, r.incr.peakMb)).padStart(7)}  ${String(r.bare.peakMb).padStart(12)}  ${(r.full.cardsMs / 1000).toFixed(1).padStart(13)}  ${`${Math.round((r.full.cardsMs / 1000 / r.full.seconds) * 100)}%`.padStart(10)}${r.floor ? r.floor.seconds.toFixed(1).padStart(9) : ''}`);
  }
  console.log(`share cards: seconds drawing them (fresh cache), summed over the district shards' worker threads (they overlap the pages), against the full build's wall time; drawn only with a site address, which the bench sets at ${CARD_SCALES.join(', ')}× (BENCH_CARD_SCALES).`);
  const at100 = results.find((r) => r.scale === 100);
  if (!at100) console.log('build-bench ratio_100x=NA incr_ratio_100x=NA peak_mb_100x=NA shards_100x=NA (100× not in BENCH_SCALES)');
  else console.log(`build-bench ratio_100x=${(at100.full.seconds / at100.bare.seconds).toFixed(2)} incr_ratio_100x=${(at100.incr.seconds / at100.full.seconds).toFixed(2)} peak_mb_100x=${Math.max(at100.full.peakMb, at100.incr.peakMb)} shards_100x=${at100.full.shards}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
