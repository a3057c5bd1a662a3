// npm run bench:build — build time of the portal at 10× and 100× today's data, against a bare
// Astro site with the same number of trivial pages, side by side in one run.
//
// Synthetic data: every real district is cloned into more districts and years ("<id>-c<k>", years
// shifted by decades); each clone's district-year keeps its real reports, and its task rows are
// resampled (seeded, with replacement) from the real tasks of that district-year, rows and sub-target
// rows together. Ids, unit and leader links are rewritten so the dataset is consistent. The JSON is
// written straight into a temp dir and the build reads it through PORTAL_DATA_DIR.
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

const ROOT = resolve(import.meta.dirname, '../..');
const SCALES = (process.env.BENCH_SCALES ?? '10,100').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
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

export function writeDataset(ds: Dataset, dir: string) {
  mkdirSync(dir, { recursive: true });
  for (const [name, rows] of Object.entries(ds)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(rows));
  if (existsSync(join(ROOT, 'generated/meta.json'))) cpSync(join(ROOT, 'generated/meta.json'), join(dir, 'meta.json'));
  // The source view pages read one rendering per file: the real one, under the first report that cites the file.
  const real = new Map(readdirSync(join(ROOT, 'generated/renderings')).map((f) => JSON.parse(readFileSync(join(ROOT, 'generated/renderings', f), 'utf8'))).map((x) => [x.file, x]));
  mkdirSync(join(dir, 'renderings'), { recursive: true });
  const seen = new Set<string>();
  for (const r of ds.reports) {
    if (seen.has(r.source.file) || !real.has(r.source.file)) continue;
    seen.add(r.source.file);
    writeFileSync(join(dir, 'renderings', `${r.id}.json`), JSON.stringify({ ...real.get(r.source.file), reportId: r.id }));
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

/** Where the portal's time goes at each scale: per kind of file, its count and ms per file (a kind whose ms per file grows with scale is worse than linear). */
function printBreakdown(results: { scale: number; portal: Run }[]) {
  const kinds = [...new Set(results.flatMap((r) => r.portal.groups.filter((g) => g.ms >= 200).map((g) => g.group)))];
  console.log(`\nportal build, where the time goes (from Astro's per-file log; with build.concurrency > 1 the per-file times overlap)`);
  console.log(`${'kind'.padEnd(26)}${results.map((r) => `${`${r.scale}×: files`.padStart(13)}${'s'.padStart(8)}${'ms/file'.padStart(9)}`).join('')}`);
  for (const kind of kinds) {
    console.log(`${kind.padEnd(26)}${results.map((r) => {
      const g = r.portal.groups.find((x) => x.group === kind);
      return g ? `${String(g.files).padStart(13)}${(g.ms / 1000).toFixed(1).padStart(8)}${(g.ms / g.files).toFixed(2).padStart(9)}` : ' '.repeat(30);
    }).join('')}`);
  }
  console.log(`build worker (second thread, overlapping the pages): seconds per step and share of the build's wall time`);
  for (const step of [...new Set(results.flatMap((r) => r.portal.worker.map((w) => w.step)))]) {
    console.log(`${step.padEnd(26)}${results.map((r) => {
      const w = r.portal.worker.find((x) => x.step === step);
      return w ? `${(w.ms / 1000).toFixed(1).padStart(21)} s${`${Math.round((w.ms / 1000 / r.portal.seconds) * 100)}%`.padStart(7)}` : ' '.repeat(30);
    }).join('')}`);
  }
  for (const [label, key] of [['content sync (s)', 'contentSyncS'], ['start → first file (s)', 'beforeFirstFileS'], ['generating files (s)', 'filesS']] as const) {
    console.log(`${label.padEnd(26)}${results.map((r) => String(r.portal.phases[key] ?? '?').padStart(30)).join('')}`);
  }
}

function main() {
  if (!existsSync(join(ROOT, 'generated/tasks.json'))) spawnSync('npm', ['run', 'ingest'], { cwd: ROOT, stdio: 'inherit' });
  const real = loadReal(join(ROOT, 'generated'));
  const work = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const results: { scale: number; portal: Run; bare: Run; floor: Run }[] = [];
  try {
    for (const scale of SCALES) {
      const data = join(work, `data-${scale}`);
      const ds = synthesize(real, scale);
      writeDataset(ds, data);
      console.log(`${scale}×: ${ds.districts.length} districts, ${ds.reports.length} reports, ${ds.tasks.length} tasks, ${ds.progress.length} rows, ${ds.units.length} units`);
      const bareDir = join(work, `bare-${scale}`);
      const floorDir = join(work, `floor-${scale}`);
      // Alternate portal and bare builds RUNS times and keep each one's fastest: this machine's disk
      // writeback and neighbours make single runs swing by half. Each build starts from an empty outDir
      // with the previous build's writes flushed (sync), so none pays for another's I/O.
      const portalRuns: Run[] = [];
      const bareRuns: Run[] = [];
      const floorRuns: Run[] = [];
      for (let run = 0; run < RUNS; run++) {
        // --force: the content layer cache must not carry entries over between datasets.
        portalRuns.push(build(ROOT, join(work, `portal-${scale}`), { PORTAL_DATA_DIR: data }, ['--force']));
        console.log(`  portal: ${describeRun(portalRuns.at(-1)!)}`);
        if (run === 0) bareSite(bareDir, portalRuns[0]!.pages, portalConfig.build?.concurrency ?? 1);
        bareRuns.push(build(bareDir, join(bareDir, 'dist'), {}));
        console.log(`  bare:   ${describeRun(bareRuns.at(-1)!)}`);
        if (run === 0) floorSite(floorDir, portalRuns[0]!.pages, portalConfig.build?.concurrency ?? 1);
        floorRuns.push(build(floorDir, join(floorDir, 'dist'), { PORTAL_DATA_DIR: data }, ['--force']));
        console.log(`  floor:  ${describeRun(floorRuns.at(-1)!)} (bare + the portal's content collections)`);
      }
      const portal = fastest(portalRuns);
      const bare = fastest(bareRuns);
      const floor = fastest(floorRuns);
      if (portal.pages !== bare.pages || floor.pages !== bare.pages) throw new Error(`page counts differ: portal ${portal.pages}, bare ${bare.pages}, floor ${floor.pages}`);
      console.log(`  fastest of ${RUNS}: ratio ${(portal.seconds / bare.seconds).toFixed(2)} (cpu ratio ${(portal.cpu / bare.cpu).toFixed(2)}); floor ${(floor.seconds / bare.seconds).toFixed(2)}× bare, portal ${(portal.seconds / floor.seconds).toFixed(2)}× floor`);
      results.push({ scale, portal, bare, floor });
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  }
  console.log('\nscale  pages   portal_s  bare_s  ratio  cpu_ratio  portal_peak_mb  bare_peak_mb  floor_s  floor/bare  portal/floor');
  for (const r of results) console.log(`${String(r.scale).padStart(5)}  ${String(r.portal.pages).padStart(6)}  ${r.portal.seconds.toFixed(1).padStart(8)}  ${r.bare.seconds.toFixed(1).padStart(6)}  ${(r.portal.seconds / r.bare.seconds).toFixed(2).padStart(5)}  ${(r.portal.cpu / r.bare.cpu).toFixed(2).padStart(9)}  ${String(r.portal.peakMb).padStart(14)}  ${String(r.bare.peakMb).padStart(12)}  ${r.floor.seconds.toFixed(1).padStart(7)}  ${(r.floor.seconds / r.bare.seconds).toFixed(2).padStart(10)}  ${(r.portal.seconds / r.floor.seconds).toFixed(2).padStart(12)}`);
  printBreakdown(results);
  const at100 = results.find((r) => r.scale === 100);
  if (!at100) console.log('build-bench ratio_100x=NA pages_100x=NA peak_mb_100x=NA (100× not in BENCH_SCALES)');
  else console.log(`build-bench ratio_100x=${(at100.portal.seconds / at100.bare.seconds).toFixed(2)} pages_100x=${at100.portal.pages} peak_mb_100x=${at100.portal.peakMb}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
