// Hand-off between the site build and an integration that writes files after it (the search index,
// the download files). Both run in the `astro build` process but in different module graphs (the
// prerender bundle and the Astro config), so they meet on a registered symbol, not a module variable.

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
