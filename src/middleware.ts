// In a district batch (src/lib/shards/), the pages of routes without parameters (home, about, search,
// changes, quality, /data/, the indicators overview, robots.txt) belong to the global shard. They are not
// rendered there at all: an empty response writes no file, and the page's own work (the slice's download
// list measured, aggregates of a partial dataset) is never done. Every other build passes straight through.
import { defineMiddleware } from 'astro:middleware';
import { globalInSlice } from '~/lib/shards/in-slice';

const renders = globalInSlice();

export const onRequest = defineMiddleware((context, next) => (renders || Object.keys(context.params).length > 0 ? next() : new Response(null)));
