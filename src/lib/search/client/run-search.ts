// One search request → replies, the same whether it runs in the worker or (fallback) on the page.
import { SearchEngine } from '../engine';
import type { SearchReply, SearchRequest } from './protocol';

const engines = new Map<string, SearchEngine>();

function engineFor(indexUrl: string): SearchEngine {
  let e = engines.get(indexUrl);
  if (!e) {
    e = new SearchEngine(
      async (path) => {
        const res = await fetch(new URL(path, indexUrl));
        if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
        return res.text();
      },
      { unitCounts: false },
    );
    engines.set(indexUrl, e);
  }
  return e;
}

export async function runSearch(req: SearchRequest, reply: (r: SearchReply) => void): Promise<void> {
  try {
    const engine = engineFor(req.indexUrl);
    const meta = await engine.meta();
    const first = await engine.search(req.state);
    const more = meta.mode === 'sharded';
    reply({ id: req.id, response: slim(first), final: !more });
    if (more) reply({ id: req.id, response: slim(await engine.search(req.state, { unitCounts: true })), final: true });
  } catch (err) {
    reply({ id: req.id, final: true, error: err instanceof Error ? err.message : String(err) });
  }
}

/** The page does not need every matching document number; don't copy it across threads. */
function slim<T extends { matches: number[] }>(r: T): T {
  return { ...r, matches: [] };
}
