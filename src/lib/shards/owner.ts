// Which district a file of a district batch's output belongs to. A batch is one `astro build` over
// several districts; its output is cached per district (district-cache.ts), so an unchanged district is
// reused from whichever batch built it. Every page and file a district route writes names its district in
// one path segment: the segment is the district id (linzi/…, source/linzi/…, sources/linzi/…), starts with
// it (units/linzi-qu-min-zheng-ju/, leaders/linzi-…, share/…), or carries it after a kind
// (embed/district-linzi/, embed/year-units-linzi-2023/). A file naming no district of the batch (Astro's
// hashed _astro/ assets, the files of public/) is common: the same bytes in every batch of the same code.
// tests/sharded-build.test.ts checks this against batches of one district each.

/**
 * A segment names district `d`: its stem (up to the first dot: feeds/linzi.xml) is `d`, starts with `d-`,
 * or has `-d` followed by a dash or its end (after a kind: year-units-linzi-2023).
 */
function segmentNames(segment: string, d: string): 'whole' | 'start' | 'inner' | undefined {
  const stem = segment.split('.')[0]!;
  if (stem === d) return 'whole';
  if (stem.startsWith(`${d}-`)) return 'start';
  for (let at = stem.indexOf(`-${d}`); at >= 0; at = stem.indexOf(`-${d}`, at + 1)) {
    const after = stem.slice(at + 1 + d.length);
    if (after === '' || after.startsWith('-')) return 'inner';
  }
  return undefined;
}

const RANK = { whole: 3, start: 2, inner: 1 } as const;

/**
 * The district of `districts` a relative output path belongs to, or undefined (common). The first segment
 * naming a district decides; within it the closest match (the whole segment, then its start, then after a
 * kind), and the longest id among equals, so `linzi-c10-…` belongs to linzi-c10, not linzi-c1.
 */
export function ownerOf(relPath: string, districts: readonly string[]): string | undefined {
  for (const segment of relPath.split('/')) {
    let best: { d: string; rank: number } | undefined;
    for (const d of districts) {
      const how = segmentNames(segment, d);
      if (!how) continue;
      const rank = RANK[how];
      if (!best || rank > best.rank || (rank === best.rank && d.length > best.d.length)) best = { d, rank };
    }
    if (best) return best.d;
  }
  return undefined;
}
