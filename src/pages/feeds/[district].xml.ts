// Per-district RSS: /feeds/<district>.xml, one item per report of that district.
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDataset, siteRoot } from '../../lib/opendata/astro-dataset';
import { feedOptions } from '../../lib/opendata/feeds';

export const getStaticPaths = (async () => {
  const d = await loadDataset();
  return d.districts.map((district) => ({ params: { district: district.id }, props: { district } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const d = await loadDataset();
  return rss(feedOptions(d.reports, d.districts, siteRoot(), props.district));
};
