// bench:build's breakdown reads Astro's build log; this pins the log shapes it relies on.
import { describe, expect, it } from 'vitest';
import { phases, routeGroup, routeGroups } from '../scripts/build-log';

const LOG = [
  '18:16:46 [WARN] [content] data store cleared (force)',
  '18:16:48 [content] Syncing content',
  '18:16:52 [content] Synced content',
  ' generating static routes ',
  '18:16:58   \x1b[34m├─\x1b[39m \x1b[2m/about/index.html\x1b[22m \x1b[2m(+101ms)\x1b[22m ',
  '18:16:58   ├─ /data/all/tasks.csv/ (+141ms) ',
  '18:16:58   ├─ /data/linzi/2023/m09/progress.csv/ (+1.5s) ',
  '18:16:59   ├─ /linzi/2023/tasks/001/index.html (+2ms) ',
  '18:16:59   ├─ /linzi/2023/tasks/002/index.html (+3ms) ',
  '18:16:59   └─ /search-index/0123abcd4567/g/1f.json (+1ms) ',
  '18:17:20 [build] 4215 page(s) built in 34.00s',
].join('\n');

describe('build log breakdown', () => {
  it('sums the per-file times of each kind of file', () => {
    expect(routeGroups(LOG)).toEqual([
      { group: 'data: download files', files: 2, ms: 1641 },
      { group: 'other pages', files: 1, ms: 101 },
      { group: 'task pages', files: 2, ms: 5 },
      { group: 'search-index', files: 1, ms: 1 },
    ]);
  });
  it('tells page kinds apart by URL shape', () => {
    expect(['/linzi/index.html', '/linzi/2023/index.html', '/linzi/2023/m09/index.html', '/linzi/indicators/index.html', '/units/linzi-x/index.html', '/data/datapackage.json/', '/search/index.html'].map(routeGroup))
      .toEqual(['district pages', 'year pages', 'report pages', 'district indicator pages', 'units', 'data: datapackage.json', 'other pages']);
  });
  it('reads the phases from the log clock', () => {
    expect(phases(LOG)).toEqual({ contentSyncS: 4, beforeFirstFileS: 12, filesS: 22 });
  });
});

describe('build worker steps', () => {
  it('reads each step of the build worker, share cards included', async () => {
    const { workerSteps } = await import('../scripts/build-log');
    const log = [
      '12:25:35 [pledge-portal:build-worker] 120 download files in data/ (1.2 MB) in 812 ms',
      '12:25:35 [pledge-portal:build-worker] search index: 5 files in search-index/dc210fde78ad/ in 61 ms',
      '12:25:35 [pledge-portal:build-worker] similar pledges of 329 tasks in 79 ms',
      '\x1b[2m12:25:35\x1b[22m [pledge-portal:build-worker] share cards: 334 in share/ (334 drawn, 0 from cache) in 26341 ms',
    ].join('\n');
    expect(workerSteps(log)).toEqual([
      { step: 'download files', ms: 812 },
      { step: 'search index', ms: 61 },
      { step: 'similar pledges', ms: 79 },
      { step: 'share cards', ms: 26341 },
    ]);
  });
});
