// /robots.txt: allow all; point to the sitemap when the site has an address (content/site.yaml `url`, or
// SITE for one deploy: astro.config.mjs resolves both into Astro's `site`) (src/lib/robots.ts).
import type { APIRoute } from 'astro';
import { robotsTxt } from '~/lib/robots';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site ? new URL(import.meta.env.BASE_URL, site).href : ''), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
