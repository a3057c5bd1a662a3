// Hand-off between the site build and an integration that writes files after it (the search index,
// the download files), and that integration's skeleton. Both run in the `astro build` process but in
// different module graphs (the prerender bundle and the Astro config), so they meet on a registered
// symbol, not a module variable.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface HandoffSlot<T> {
  /** Set by the integration when it is registered: it will write the files after the build. */
  writer?: boolean;
  /** Set by the build when it has computed what the integration writes. */
  value?: T;
}

export function buildHandoff<T>(name: string): HandoffSlot<T> {
  const key = Symbol.for(`pledge-portal.${name}`);
  const g = globalThis as { [k: symbol]: HandoffSlot<T> | undefined };
  return (g[key] ??= {});
}

/**
 * An integration that, in `astro build`, tells the build it will write the files (`writer`) and writes
 * them after the pages from what the build left in the slot; `write` returns what to log. A build that
 * left nothing fails with `missing` (the pages that link these files would point at nothing).
 */
export function afterBuildWriter<T>(opts: { name: string; slot: () => HandoffSlot<T>; missing: string; write: (outDir: string, value: T) => string }): AstroIntegration {
  return {
    name: opts.name,
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') opts.slot().writer = true;
      },
      'astro:build:done': ({ dir, logger }) => {
        const value = opts.slot().value;
        if (value === undefined) throw new Error(opts.missing);
        const t0 = performance.now();
        const what = opts.write(fileURLToPath(dir), value);
        logger.info(`${what} written in ${Math.round(performance.now() - t0)} ms`);
      },
    },
  };
}
