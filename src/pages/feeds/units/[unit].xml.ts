// Per-unit RSS: /feeds/units/<unit>.xml, one item per report naming the unit. Only when the site has an address
// (content/site.yaml `url`), as the district feeds: a feed's links must be absolute.
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedsPublished, loadDataset, siteRoot } from '~/lib/opendata/astro-dataset';
import { ownerFeedOptions } from '~/lib/opendata/owner-feeds';
import { inSlice } from '~/lib/shards/in-slice';

export const getStaticPaths = (async () => {
  if (!feedsPublished()) return [];
  return (await loadDataset()).units.filter(inSlice).map((unit) => ({ params: { unit: unit.id }, props: { unit } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => rss(ownerFeedOptions(await loadDataset(), 'unit', props.unit, siteRoot()));
