// The content layer's store reaches the prerendered pages from its file (src/lib/content-store-file.ts):
// the same values as Astro's own module, from code whose size does not grow with the data, and only where
// the file is there when the pages' code runs (a static build).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as devalue from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import contentStoreFile, { DATA_STORE_MODULE } from '~/lib/content-store-file';
import { realDataset } from './helpers/repo-dataset';

const tmp = mkdtempSync(join(tmpdir(), 'content-store-file-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Plugin = { name: string; load: { order: string; filter: { id: RegExp }; handler: (id: string) => { code: string } | null } };

/** The Vite plugins the integration adds for a given command and config (none: it stays out). */
function pluginsFor(command: string, config: { output: string; cacheDir: URL; collectionStorage?: unknown }): Plugin[] {
  const added: Plugin[] = [];
  const setup = contentStoreFile().hooks['astro:config:setup'] as (o: unknown) => void;
  setup({
    command,
    config: { output: config.output, cacheDir: config.cacheDir, experimental: { collectionStorage: config.collectionStorage } },
    updateConfig: (c: { vite: { plugins: Plugin[] } }) => added.push(...c.vite.plugins),
  });
  return added;
}

/** Import a module's code from a file, as the prerendered pages' code would. */
async function load(code: string, name: string): Promise<unknown> {
  const file = join(tmp, `${name}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

// A store as Astro writes it: the seeds' collections, devalue-flattened (astro/dist/content/data-store-writer.js).
const cacheDir = join(tmp, 'cache');
mkdirSync(cacheDir);
const seeds = realDataset();
const collection = (rows: { id: string }[]) => new Map(rows.map((r) => [r.id, { id: r.id, data: r }]));
const storeText = devalue.stringify(new Map<string, Map<string, unknown>>([['districts', collection(seeds.districts)], ['tasks', collection(seeds.tasks)]]));
writeFileSync(join(cacheDir, 'data-store.json'), storeText);
/** Astro's own module for that store (vite-plugin-content-virtual-mod.js): the whole file as a string literal. */
const astroModule = `export default JSON.parse(${JSON.stringify(storeText)})`;

describe('the content store read from its file', () => {
  const [plugin] = pluginsFor('build', { output: 'static', cacheDir: pathToFileURL(`${cacheDir}/`) });

  it('gives the pages the same values as Astro’s own module', async () => {
    expect(plugin!.load.filter.id.test(DATA_STORE_MODULE)).toBe(true);
    expect(plugin!.load.order).toBe('pre'); // before Astro's own load, which would quote the whole file
    const replaced = plugin!.load.handler(DATA_STORE_MODULE);
    const fromFile = await load(replaced!.code, 'from-file');
    expect(fromFile).toEqual(await load(astroModule, 'astro-own'));
    // …which Astro then unflattens into the collections the pages query.
    const store = devalue.unflatten(fromFile as never) as Map<string, Map<string, { data: { id: string } }>>;
    expect([...store.get('tasks')!.keys()]).toEqual(seeds.tasks.map((t) => t.id));
  });

  it('is code of a few hundred bytes whatever the size of the store', () => {
    const code = plugin!.load.handler(DATA_STORE_MODULE)!.code;
    expect(astroModule.length).toBeGreaterThan(100_000);
    expect(code.length).toBeLessThan(400);
    expect(code).toContain(JSON.stringify(join(cacheDir, 'data-store.json')));
  });

  it('leaves every other module, and a build with no store, to Astro', () => {
    expect(plugin!.load.handler('\0astro:content')).toBeNull();
    const [noStore] = pluginsFor('build', { output: 'static', cacheDir: pathToFileURL(`${join(tmp, 'empty')}/`) });
    expect(noStore!.load.handler(DATA_STORE_MODULE)).toBeNull();
  });

  it('stays out of astro dev, server output and chunked storage, where the file is not what the pages read', () => {
    const dir = pathToFileURL(`${cacheDir}/`);
    expect(pluginsFor('dev', { output: 'static', cacheDir: dir })).toEqual([]);
    expect(pluginsFor('build', { output: 'server', cacheDir: dir })).toEqual([]);
    expect(pluginsFor('build', { output: 'static', cacheDir: dir, collectionStorage: 'chunked' })).toEqual([]);
    expect(pluginsFor('build', { output: 'static', cacheDir: dir, collectionStorage: 'single-file' })).toHaveLength(1);
  });
});
