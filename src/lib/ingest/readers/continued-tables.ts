import type { Block, TableRow } from './types';

// A table that runs over a page break is stored, in Word and in saved web pages alike, either as one table
// whose header row is repeated inside it, or as a second table that starts with the same header. Both are
// one table to a reader of the bulletin: the repeated header rows go, the continuation joins the table.

type TableBlock = Extract<Block, { kind: 'table' }>;

const norm = (s: string) => s.replace(/<[^>]*>/g, '').replace(/[\s\u3000]+/g, '');
const key = (row: TableRow) => row.cells.map((c) => norm(c.text)).join('\u0001');

/** The row that names the columns: the first one that is not a single-cell heading (a title row above it). */
function headerOf(t: TableBlock): TableRow | undefined {
  return t.rows.find((r) => r.cells.filter((c) => norm(c.text) !== '').length >= 2);
}

/** Join continuation tables and drop header rows repeated inside a table. Blocks must be expanded grids. */
export function joinContinuedTables(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind !== 'table') {
      out.push(block);
      continue;
    }
    const prev = out[out.length - 1];
    const header = prev?.kind === 'table' ? headerOf(prev) : undefined;
    const first = block.rows[0];
    if (prev?.kind === 'table' && header && first && key(first) === key(header)) {
      prev.rows.push(...block.rows.slice(1));
      dropRepeatedHeaders(prev);
      continue;
    }
    const copy: TableBlock = { ...block, rows: [...block.rows] };
    dropRepeatedHeaders(copy);
    out.push(copy);
  }
  return out;
}

function dropRepeatedHeaders(t: TableBlock): void {
  const header = headerOf(t);
  if (!header) return;
  const k = key(header);
  t.rows = t.rows.filter((r) => r === header || key(r) !== k);
}
