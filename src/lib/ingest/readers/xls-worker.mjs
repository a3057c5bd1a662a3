// Runs SheetJS on one .xls in a worker thread (see xls-reader.ts). Plain JavaScript so that it loads the same
// way under tsx, vitest and node. The SheetJS release on npm (0.18.5) has a prototype-pollution advisory for
// crafted files: here the prototypes are frozen before parsing, and this thread's realm is thrown away after,
// so nothing it parses can reach the main thread's objects; only plain strings and numbers are sent back.
import { parentPort, workerData } from 'node:worker_threads';

for (const proto of [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]) Object.freeze(proto);

// SheetJS prints diagnostics (Missing Info for XLS Record …) on damaged files; the reader reports its own.
console.log = console.error = console.warn = () => {};

const { default: XLSX } = await import('xlsx');
const { bytes, maxCells } = workerData;
try {
  const wb = XLSX.read(bytes, {
    type: 'array',
    cellNF: true,
    cellText: true,
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    bookVBA: false,
    bookDeps: false,
  });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    const rows = [];
    if (ws?.['!ref']) {
      const range = XLSX.utils.decode_range(ws['!ref']);
      // The declared range can be far larger than the cells present (A1:XFD1048576): refuse before looping.
      if ((range.e.r - range.s.r + 1) * (range.e.c + 1) > maxCells) throw new Error(`TOO_MANY_CELLS ${range.e.r + 1}x${range.e.c + 1}`);
      for (let r = range.s.r; r <= range.e.r; r++) {
        const row = [];
        for (let c = 0; c <= range.e.c; c++) {
          const cell = ws[XLSX.utils.encode_cell({ r, c })];
          row.push(cell ? { t: String(cell.t), v: typeof cell.v === 'number' || typeof cell.v === 'boolean' ? cell.v : String(cell.v ?? ''), z: typeof cell.z === 'string' ? cell.z : undefined, w: typeof cell.w === 'string' ? cell.w : undefined } : null);
        }
        rows[r] = row;
      }
    }
    const merges = (ws?.['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    return { name: String(name), hidden, rows, merges };
  });
  parentPort.postMessage({ ok: true, date1904, sheets });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String(e && e.message ? e.message : e) });
}
