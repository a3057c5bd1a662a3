// The embeddable charts of this build, for the /embed/ pages. In the global shard (src/lib/shards/),
// whose content layer holds no task or row, the build worker computed the cross-district ones from the
// whole dataset; elsewhere they come from the build's own index.
import { buildWork } from '../build-worker/handoff';
import { loadSite } from '../dataset/astro';
import { embedCharts, fromTransfer, type EmbedChart } from './embeds';

let fromWorker: Promise<EmbedChart[]> | undefined;

export async function loadEmbedCharts(): Promise<EmbedChart[]> {
  const global = buildWork().global;
  if (global) return (fromWorker ??= global.then((g) => g.embeds.map(fromTransfer)));
  const ix = await loadSite();
  return embedCharts(ix, ix.indicators);
}
