// Site-wide RSS: one item per report.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadDataset, siteRoot } from '../../lib/opendata/astro-dataset';
import { feedOptions } from '../../lib/opendata/feeds';

export const GET: APIRoute = async () => {
  const d = await loadDataset();
  return rss(feedOptions(d.reports, d.districts, siteRoot()));
};
