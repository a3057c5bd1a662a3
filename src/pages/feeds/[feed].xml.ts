// RSS: /feeds/all.xml (every report) and /feeds/<district>.xml, one item per report. Only when the site
// has an address (content/site.yaml `url`): a feed's links must be absolute, and a placeholder domain
// would be a dead link in every reader, so a build without an address publishes no feeds.
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { District } from '~/lib/schema';
import { feedOptions } from '~/lib/opendata/feeds';
import { feedsPublished, siteRoot } from '~/lib/site/address';
import { loadSorted } from '~/lib/dataset/astro';
import { globalInSlice, inSlice } from '~/lib/shards/in-slice';

export const getStaticPaths = (async () => {
  if (!feedsPublished()) return [];
  const d = await loadSorted();
  return [
    ...(globalInSlice() ? [{ params: { feed: 'all' }, props: { district: undefined as District | undefined } }] : []),
    ...d.districts.filter((x) => inSlice(x.id)).map((district) => ({ params: { feed: district.id }, props: { district: district as District | undefined } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const d = await loadSorted();
  return rss(feedOptions(d.reports, d.districts, siteRoot(), props.district as District | undefined));
};
