// A value shared between the site build and an integration. Both run in the `astro build` process
// but in different module graphs (the prerender bundle and the Astro config), so they meet on a
// registered symbol, not a module variable.
export function sharedSlot<T extends object>(name: string): Partial<T> {
  const key = Symbol.for(`pledge-portal.${name}`);
  const g = globalThis as { [k: symbol]: Partial<T> | undefined };
  return (g[key] ??= {});
}
