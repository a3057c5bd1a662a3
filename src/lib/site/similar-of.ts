// Similar pledges of a task, for its page.
import { loadSite } from '../dataset/astro';
import { buildWork } from '../build-worker/handoff';
import { similarTasks, type SimilarHit } from './similar';

let similar: Promise<Map<string, SimilarHit[]>> | undefined;

/** Similar pledges for every task: from the build worker in `astro build`, else computed on first use. */
export async function similarOf(taskId: string): Promise<SimilarHit[]> {
  similar ??= buildWork().similar ?? loadSite().then((ix) => similarTasks(ix.tasks));
  return (await similar).get(taskId) ?? [];
}
