// `astro dev` only: with trailingSlash 'always', routes whose file name comes from a parameter
// (search-index/<hash>/<file>, data/<scope>/<file>.csv, sources/<district>/<file>.txt) answer only at
// ".../meta.json/", so in dev the search page, the downloads and the source links all got 404s. Built
// sites are unaffected: these are plain files in dist/. This integration adds the slash before Astro
// routes the request.
import type { AstroIntegration } from 'astro';

const FILE_ROUTES = /^\/(?:search-index|data|sources)\/.+\.[a-z0-9]+$/i;

/** The URL Astro's dev router answers for a request to a parameter-named file, or undefined to leave it. */
export function devFileUrl(url: string, base = '/'): string | undefined {
  const q = url.search(/[?#]/);
  const path = q < 0 ? url : url.slice(0, q);
  const rest = q < 0 ? '' : url.slice(q);
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  if (!path.startsWith(`${b}/`)) return undefined;
  return FILE_ROUTES.test(path.slice(b.length)) ? `${path}/${rest}` : undefined;
}

export default function devFileUrls(): AstroIntegration {
  return {
    name: 'pledge-portal:dev-file-urls',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const base = server.config.base ?? '/';
        server.middlewares.use((req, _res, next) => {
          const to = req.url && devFileUrl(req.url, base);
          if (to) req.url = to;
          next();
        });
      },
    },
  };
}
