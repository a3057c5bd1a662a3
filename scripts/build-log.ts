// Reads `astro build` output and says where the time went: each generated file's "(+N ms)" summed per
// kind of page or file, and the phases before the first one. bench:build prints this per scale, so a
// kind whose cost per file grows with the data (something worse than linear) stands out.

export interface RouteGroup { group: string; files: number; ms: number }

/** Kind of a generated path, from its shape (URL patterns in src/lib/urls.ts). */
export function routeGroup(path: string): string {
  const p = path.replace(/^\/+/, '/');
  if (p.startsWith('/data/')) return /^\/data\/[^/]+\.json/.test(p) ? 'data: datapackage.json' : p.split('/').length > 4 ? 'data: download files' : `data: ${p.split('/')[2]}`;
  for (const prefix of ['search-index', 'sources', 'units', 'leaders', 'embed', 'feeds', 'indicators']) if (p.startsWith(`/${prefix}/`)) return prefix;
  if (/\/tasks\/[^/]+\//.test(p)) return 'task pages';
  if (/^\/[^/]+\/\d{4}\/[^/]+\/index\.html$/.test(p)) return 'report pages';
  if (/^\/[^/]+\/\d{4}\/index\.html$/.test(p)) return 'year pages';
  if (/^\/[^/]+\/indicators\//.test(p)) return 'district indicator pages';
  if (/^\/[^/]+\/index\.html$/.test(p) && !/^\/(about|changes|quality|search)\//.test(p)) return 'district pages';
  return 'other pages';
}

// The ANSI colours Astro prints around parts of a line.
const ANSI = /\x1b\[[0-9;]*m/g;

/** Per-kind totals of the "(+N ms)" Astro logs after each generated file, largest first. */
export function routeGroups(log: string): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const m of log.replace(ANSI, '').matchAll(/[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/g)) {
    const group = routeGroup(m[1]!);
    const g = groups.get(group) ?? { group, files: 0, ms: 0 };
    g.files++;
    g.ms += Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    groups.set(group, g);
  }
  return [...groups.values()].sort((a, b) => b.ms - a.ms);
}

export interface Phases { contentSyncS?: number; beforeFirstFileS?: number; filesS?: number }

/** Seconds spent syncing content, from start to the first generated file, and generating files (from log clock times). */
export function phases(log: string): Phases {
  const clean = log.replace(ANSI, '');
  const at = (re: RegExp) => {
    const m = re.exec(clean);
    if (!m) return undefined;
    const [h, mi, s] = m[1]!.split(':').map(Number);
    return h! * 3600 + mi! * 60 + s!;
  };
  const first = at(/^(\d\d:\d\d:\d\d) /m);
  const synced = at(/^(\d\d:\d\d:\d\d) \[content\] Synced content/m);
  const syncing = at(/^(\d\d:\d\d:\d\d) \[content\] Syncing content/m);
  const firstFile = at(/^(\d\d:\d\d:\d\d) +[├└]─/m);
  const done = at(/^(\d\d:\d\d:\d\d) .*page\(s\) built in/m);
  const diff = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : (b - a + 86400) % 86400);
  return { contentSyncS: diff(syncing, synced), beforeFirstFileS: diff(first, firstFile), filesS: diff(firstFile, done) };
}

export interface WorkerStep { step: string; ms: number }

/** The build worker's own steps ("share cards: … in N ms"), from its log lines. */
export function workerSteps(log: string): WorkerStep[] {
  return [...log.replace(ANSI, '').matchAll(/\[pledge-portal:build-worker\] (.+?) in (\d+) ms$/gm)].map((m) => ({
    step: /^share cards/.test(m[1]!) ? 'share cards' : /download files/.test(m[1]!) ? 'download files' : /^search index/.test(m[1]!) ? 'search index' : /^similar/.test(m[1]!) ? 'similar pledges' : m[1]!,
    ms: Number(m[2]),
  }));
}
