// Loads the content collections once per build and indexes them (see dataset.ts). Pages call
// `site()`; the promise is shared, so thousands of pages cost one load and one index.
import { getCollection } from 'astro:content';
import { indexDataset, type SiteIndex } from './dataset';
import { similarTasks, type SimilarHit } from './similar';
import { buildWork } from '../build-worker/handoff';

let cached: Promise<SiteIndex> | undefined;

export function site(): Promise<SiteIndex> {
  cached ??= (async () => {
    const [districts, reports, tasks, progress, units, leaders, anomalies] = await Promise.all([
      getCollection('districts'),
      getCollection('reports'),
      getCollection('tasks'),
      getCollection('progress'),
      getCollection('units'),
      getCollection('leaders'),
      getCollection('anomalies'),
    ]);
    const data = <T,>(xs: { data: T }[]) => xs.map((x) => x.data);
    return indexDataset({
      districts: data(districts),
      reports: data(reports),
      tasks: data(tasks),
      progress: data(progress),
      units: data(units),
      leaders: data(leaders),
      anomalies: data(anomalies),
    });
  })();
  return cached;
}

let similar: Promise<Map<string, SimilarHit[]>> | undefined;

/** Similar pledges for every task: from the build worker in `astro build`, else computed on first use. */
export async function similarOf(taskId: string): Promise<SimilarHit[]> {
  similar ??= buildWork().similar ?? site().then((ix) => similarTasks(ix.tasks));
  return (await similar).get(taskId) ?? [];
}
