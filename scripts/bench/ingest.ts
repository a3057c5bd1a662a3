// npm run bench:ingest — does the ingest stay linear? Parses resampled tables of 1,000 and 10,000 rows
// side by side in one run and prints the times and the ratio (linear ≈ 10). Then the readers: an .xlsx of
// 1,000 and 10,000 rows (title, merged and wrapped cells, as tests/fixtures/spreadsheet-pdf/make.ts builds
// it) and a bordered PDF table of about 10 and 100 pages (printed by Chromium), time per row for each.
import { parseReport } from '~/lib/ingest/parse-report';
import { pdfReader } from '~/lib/ingest/readers/pdf-reader';
import { xlsxReader } from '~/lib/ingest/readers/xlsx-reader';
import { bigTable, printPdfs, resampledRows, tableHtml, xlsxBytes } from './seed-tables';

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

async function best(read: () => Promise<number>, repeats: number): Promise<{ ms: number; rows: number }> {
  let ms = Infinity;
  let rows = 0;
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    rows = await read();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, rows };
}
const tableRows = (doc: Awaited<ReturnType<typeof xlsxReader.read>>) => doc.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.length : 0), 0);
const perRow = (r: { ms: number; rows: number }) => `${((r.ms / r.rows) * 1000).toFixed(0)} µs/row`;

const xlsxSmall = await xlsxBytes(resampledRows(1_000));
const xlsxLarge = await xlsxBytes(resampledRows(10_000));
await xlsxReader.read(xlsxSmall, 'warm-up.xlsx');
const xs = await best(async () => tableRows(await xlsxReader.read(xlsxSmall, 'bench-1k.xlsx')), 3);
const xl = await best(async () => tableRows(await xlsxReader.read(xlsxLarge, 'bench-10k.xlsx')), 3);
console.log(`xlsx 1,000 rows   ${xs.ms.toFixed(0)} ms  ${perRow(xs)}`);
console.log(`xlsx 10,000 rows  ${xl.ms.toFixed(0)} ms  ${perRow(xl)}  (target < 5,000 ms)`);

// About 6 seed rows fit on a landscape A4 page of the fixture's table.
const pdfs = await printPdfs({ small: tableHtml(resampledRows(60)), large: tableHtml(resampledRows(600)) });
const pages = async (bytes: Uint8Array) => (await pdfReader.read(bytes, 'bench.pdf')).blocks.find((b) => b.kind === 'table')!.rows.at(-1)!.at.page!;
const [smallPages, largePages] = [await pages(pdfs.small!), await pages(pdfs.large!)];
const ps = await best(async () => tableRows(await pdfReader.read(pdfs.small!, 'bench-small.pdf')), 2);
const pl = await best(async () => tableRows(await pdfReader.read(pdfs.large!, 'bench-large.pdf')), 2);
console.log(`pdf ${smallPages} pages (${ps.rows} rows)   ${ps.ms.toFixed(0)} ms  ${perRow(ps)}`);
console.log(`pdf ${largePages} pages (${pl.rows} rows)  ${pl.ms.toFixed(0)} ms  ${perRow(pl)}`);

console.log(
  `ingest-bench rows_10k_ms=${large.toFixed(0)} ratio_10k_over_1k=${(large / small).toFixed(2)}` +
    ` xlsx_10k_ms=${xl.ms.toFixed(0)} xlsx_ratio_10k_over_1k=${(xl.ms / xs.ms).toFixed(2)}` +
    ` pdf_pages=${largePages} pdf_ms=${pl.ms.toFixed(0)} pdf_ratio_over_${smallPages}_pages=${(pl.ms / ps.ms).toFixed(2)}`,
);
