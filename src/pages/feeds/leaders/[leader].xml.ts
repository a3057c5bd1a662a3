// Per-leader RSS: /feeds/leaders/<leader>.xml, one item per report naming the leader. Only when the site has an address
// (content/site.yaml `url`), as the district feeds: a feed's links must be absolute.
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { ownerFeedOptions } from '~/lib/opendata/owner-feeds';
import { feedsPublished, siteRoot } from '~/lib/site/address';
import { loadSorted } from '~/lib/dataset/astro';
import { inSlice } from '~/lib/shards/in-slice';

export const getStaticPaths = (async () => {
  if (!feedsPublished()) return [];
  return (await loadSorted()).leaders.filter(inSlice).map((leader) => ({ params: { leader: leader.id }, props: { leader } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => rss(ownerFeedOptions(await loadSorted(), 'leader', props.leader, siteRoot()));
