// The content layer's data reaches the prerendered pages from its file, not as JavaScript source.
//
// In a build, Astro writes every collection's entries to <cacheDir>/data-store.json and bundles them
// into the pages' code as one module, `export default JSON.parse("<the whole file as a string literal>")`
// (astro/dist/content/vite-plugin-content-virtual-mod.js). V8 compiles a string literal that long in
// time that grows faster than its length (measured here, Node 24: 4 MB 0.9 s, 8 MB 2.4 s, 16 MB 7.7 s,
// 32 MB 24 s), and a district batch at 100× the seeds holds ~33 MB: loading the bundle cost more than
// rendering its pages. This integration loads that one module in a static build as a read of the same
// file when the pages' code starts (the file is there until the build ends), so the entries the pages
// see are the same values, parsed by the same JSON.parse, at the cost of reading a file.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's id of the bundled data store (astro/dist/content/consts.js RESOLVED_DATA_STORE_VIRTUAL_ID). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** The module's code: the file read and parsed when the prerendered pages' code is loaded. */
const dataStoreModule = (file: string): string =>
  `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;

export default function contentStoreFile(): AstroIntegration {
  return {
    name: 'pledge-portal:content-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // Only a static build: its pages' code runs while this build's cache folder exists (a server build's would not).
        if (command !== 'build' || config.output !== 'static') return;
        const storage = config.experimental.collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'pledge-portal:content-store-file',
                enforce: 'pre',
                // order 'pre': before Astro's own load of the module (which would read the file and quote it whole).
                load: {
                  order: 'pre',
                  filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
                  handler(id) {
                    // Without a store Astro's own module (an empty map) stands.
                    if (id !== DATA_STORE_MODULE || !existsSync(file)) return null;
                    return { code: dataStoreModule(file), map: { mappings: '' }, meta: { astroIncremental: { kind: 'content-data' } } };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
