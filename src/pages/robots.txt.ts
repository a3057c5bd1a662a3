// /robots.txt: allow all; point to the sitemap when the site's address is configured (src/lib/robots.ts).
import type { APIRoute } from 'astro';
import { robotsTxt } from '~/lib/robots';
import { readSiteConfig } from '~/lib/site-config';

export const GET: APIRoute = () =>
  new Response(robotsTxt(readSiteConfig().url), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
