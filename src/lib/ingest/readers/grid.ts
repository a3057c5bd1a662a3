import type { TableCell, TableRow } from './types';

// Merged cells as every format stores them (HTML rowspan/colspan, Word gridSpan/vMerge, spreadsheet merge
// ranges) turned into one rectangle: a merged cell gives its value to every row and column it covers, so a
// leader named once for three rows is the leader of each. The exception is a row made of one cell spanning
// the whole width (a group heading, a title row): its text stays in the first cell and the rest are empty,
// so it reads as a heading, not as the same words in every column.

/** Expand spans into a rectangular grid; copies carry `mergedFrom`. Iterative, linear in the cells covered. */
export function expandSpans(rows: TableRow[], maxWidth = 200): TableRow[] {
  // A declared span is believed only as far as the table is wide: no row has more cells than this.
  // (reduce, not Math.max(...rows): a spread of 100,000 rows overflows the argument stack)
  const cells = rows.reduce((m, r) => Math.max(m, r.cells.length), 1);
  const width = Math.min(maxWidth, rows.reduce((m, r) => Math.max(m, rowWidth(r, cells)), 0));
  // Cells still owed to later rows by a rowspan above, per column: [cell, rows left].
  const pending: ({ cell: TableCell; left: number } | undefined)[] = new Array(width).fill(undefined);
  const out: TableRow[] = [];
  for (const row of rows) {
    const cells: TableCell[] = new Array(width);
    const heading = isHeadingRow(row, width);
    let col = 0;
    const place = (at: number, cell: TableCell) => {
      if (at < width) cells[at] = cell;
    };
    const skipPending = () => {
      while (col < width && pending[col]) {
        const p = pending[col]!;
        place(col, { text: p.cell.text, mergedFrom: 'above' });
        if (--p.left === 0) pending[col] = undefined;
        col++;
      }
    };
    for (const cell of row.cells) {
      skipPending();
      if (col >= width) break;
      const span = Math.max(1, Math.min(cell.colSpan ?? 1, width - col));
      const down = Math.max(1, cell.rowSpan ?? 1);
      for (let k = 0; k < span; k++) {
        const own: TableCell = heading && cell.mergedFrom === 'left' ? { text: '' } : cell.mergedFrom ? { text: cell.text, mergedFrom: cell.mergedFrom } : { text: cell.text };
        const copy: TableCell = k === 0 ? own : heading ? { text: '' } : { text: cell.text, mergedFrom: 'left' };
        place(col + k, copy);
        if (down > 1) pending[col + k] = { cell: { text: heading && k > 0 ? '' : cell.text }, left: down - 1 };
      }
      col += span;
    }
    skipPending();
    for (let k = 0; k < width; k++) if (!cells[k]) cells[k] = { text: '' };
    out.push({ cells, at: row.at });
  }
  return out;
}

function rowWidth(row: TableRow, cap: number): number {
  return row.cells.reduce((n, c) => n + Math.min(cap, Math.max(1, c.colSpan ?? 1)), 0);
}

/** One cell spanning the whole width, or a row already expanded by a reader where every other cell is a copy of the first. */
function isHeadingRow(row: TableRow, width: number): boolean {
  if (width < 2) return false;
  if (row.cells.length === 1) return Math.max(1, row.cells[0]!.colSpan ?? 1) >= width;
  return row.cells.length === width && row.cells.slice(1).every((c) => c.mergedFrom === 'left') && row.cells[0]!.mergedFrom === undefined;
}
