// npm run bench:ingest — does the ingest stay linear? Parses resampled tables of 1,000 and 10,000 rows
// side by side in one run and prints the times and the ratio (linear ≈ 10).
import { parseReport } from '../src/lib/ingest/parse-report';
import { bigTable } from '../tests/fixtures/make-hostile';

function time(rows: number, repeats = 3): number {
  const bytes = new TextEncoder().encode(bigTable(rows));
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    const p = parseReport('bench.txt', bytes, { kind: 'progress' });
    best = Math.min(best, performance.now() - t);
    if (p.rows.length !== rows) throw new Error(`expected ${rows} rows, got ${p.rows.length}`);
  }
  return best;
}

time(500, 1); // warm up the JIT so the small size is not penalised
const small = time(1_000);
const large = time(10_000);
console.log(`1,000 rows   ${small.toFixed(0)} ms`);
console.log(`10,000 rows  ${large.toFixed(0)} ms`);
console.log(`ingest-bench rows_10k_ms=${large.toFixed(0)} ratio_10k_over_1k=${(large / small).toFixed(2)}`);
